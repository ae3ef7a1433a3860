"""Paragraph repair: turn the lines of copy into units (headline lines, bylines, subheads, paragraphs), joining extraction-broken paragraphs.

Copy that went through a PDF or a CMS is broken at arbitrary points: "擦亮“同" ⏎⏎ "心荟”品牌".
The rules, in order, for a line that follows a paragraph that does **not** end a sentence
(its last mark is not one of 。！？…：, or a closing quote/bracket after one of those; an ASCII
period after a Chinese character, or a straight quote after a full stop, ends a sentence too):

1. it continues that paragraph (joined with nothing inserted) when it starts with a mark that
   cannot open a paragraph (，。、；：？！ and closing quotes/brackets);
2. it is a headline — and the paragraph before it really ends there (a story continued on
   another page) — only when it looks like one (see `headline_like`), something follows it, and
   no dictionary word runs across either seam (jieba's dictionary, layout/words.py: "水墩社|区网格" holds 社区, so it is a break
   inside a sentence; "街道党|运动中" holds no word across the seam);
3. a line marked as a paragraph start (indented with 　　 in a file that indents) starts one;
4. otherwise it continues the paragraph.

A line after a finished paragraph is a byline line ("本报记者 张三", or a parenthesised one, "（记者
林静）", which ends the story above unless it follows a head), a marked subhead
(【…】, ■…, 一、…, （一）…), a headline line when it looks like one, is not indented in a
file that indents its paragraphs, and no word crosses its end, or else a new paragraph. `headline_like`: 2–32 characters, at least two Han, no 。；：
and no comma (a full-width ，is allowed in a short line that does not open like a sentence),
balanced quotes and brackets, not ending in an opening mark or 、.

Lines that came with an explicit role (Markdown/Word markup) keep it; only body lines join. An
unmarked headline-shaped line right above a marked headline (Word's Heading 1, Markdown's `#`)
is its kicker 引题: reporters type the kicker in the Normal style.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from layout import words
from layout.bylines import byline_line, ends_full_stop, ends_with_signature, split_dateline, starts_byline
from layout.punctuation import is_han

TERMINAL = "。！？!?…：:"
CLOSERS = "”’」』）)》〉】〕"
NO_PARA_START = "，,。、；;：:？?！!”’」』）)》〉】〕…%"
_OPENERS = ("据悉", "近日", "近年来", "今年以来", "目前", "此外", "同时", "其中", "另外", "截至", "因此",
            "但是", "然而", "所以", "而且", "随后", "此前", "日前", "记者", "据了解")
_PAIRS = ("“”", "‘’", "《》", "（）", "()", "「」", "『』", "【】")
_LONG_HEAD = 48  # characters: a head this long is taken only over a line that opens a story
_END_MARK = re.compile(r"[（(]\s*完\s*[）)]$")
_SPEAKERS = ("记者", "記者", "主持人", "问", "答", "問")
_MARKED_SUBHEAD = re.compile(r"^(?:【[^】]{1,30}】|[■□●○◆◇▲△★☆▶►]\s*\S|[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）)")


@dataclass(frozen=True)
class Chunk:
    """A line (or a reader's paragraph) of copy before repair. hint: an explicit role from markup, or ""."""

    text: str
    line: int
    hint: str = ""
    indent: bool = False
    image: str = ""


@dataclass(frozen=True)
class Unit:
    """A repaired piece of copy with its role.

    role: head | kicker | sub | subhead | byline (opening the story) | byline_end | credits |
    caption | image | body | break (Markdown ---, ends a package).
    joins: for each seam that was joined, (before, after): the text around it with and without
    the break, so the report can show it.
    """

    text: str
    line: int
    role: str
    hinted: bool = False
    image: str = ""
    joins: tuple[tuple[str, str], ...] = ()


def split_lines(text: str) -> list[Chunk]:
    """Plain text → one chunk per non-blank line, remembering full-width or double-space indents."""
    chunks = []
    for n, line in enumerate(text.split("\n"), 1):
        stripped = line.strip(" \t\r\u3000\u00a0\ufeff")
        if stripped:
            indent = line.startswith(("\u3000", "  ", "\t"))
            chunks.append(Chunk(stripped, n, indent=indent))
    return chunks


def is_terminal(text: str) -> bool:
    """Does the text end a sentence (so a paragraph may end here)? A byline or credits end one too."""
    t = text.rstrip()
    if not t:
        return False
    if t[-1] in TERMINAL:
        return True
    if _END_MARK.search(t):  # （完） closes wire and Taiwan copy: the story is whole, not continued
        return True
    s = t.rstrip(CLOSERS)
    return (s != t and bool(s) and s[-1] in TERMINAL) or ends_full_stop(t) or ends_with_signature(t)


def _balanced(text: str) -> bool:
    return all(text.count(a) == text.count(b) for a, b in _PAIRS)


def headline_like(text: str, after_open: bool = False, max_len: int = 32) -> bool:
    """Could this line be a headline (or kicker) by its shape alone?"""
    t = re.sub(r"[\s\u3000]+", "", text)
    if not 2 <= len(t) <= max_len or sum(1 for c in t if is_han(c)) < 2:
        return False
    if _attribution_colon(text):  # 气象署：周末雨势最大 — a head that quotes its source
        t = t.replace("：", "", 1)
    if re.search(r"[。；;：:,]", t) or t[-1] in "“‘《（(「『【、" or not _balanced(t):
        return False
    if "，" in t and (after_open or len(t) > 24 or t.startswith(_OPENERS)):
        return False
    body = t[:-1] if t[-1] in "？！?!" else t
    return not re.search(r"[？！?!…]", body)


def _attribution_colon(text: str) -> bool:
    """One full-width colon after a short source name (2–8 characters, not a Q&A speaker such as
    记者 or 问) with at least two Han after it: "颱風假首度跨縣市協調 氣象署：週末雨勢最大"."""
    if text.count("：") != 1:
        return False
    before, after = text.split("：")
    source = re.split(r"[ \t\u3000]+", before.strip())[-1]
    return (2 <= len(source) <= 8 and sum(1 for c in source if is_han(c)) >= 2 and "，" not in source
            and source not in _SPEAKERS and sum(1 for c in after if is_han(c)) >= 2)


def word_across(left: str, right: str) -> bool:
    """Does a dictionary word (or a number and its unit) run across the seam left|right?"""
    if not left or not right:
        return False
    if left[-1].isdigit() and (right[0].isdigit() or right[0] in "万亿千百多余%％年月日号个位名人元倍"):
        return True
    if not (is_han(left[-1]) and is_han(right[0])):
        return False
    return words.word_across(left, right)


def _seam(left: str, right: str) -> tuple[str, str]:
    return left[-8:] + "\n" + right[:8], left[-8:] + right[:8]


def repair(chunks: list[Chunk]) -> list[Unit]:
    """Classify plain lines and join broken paragraphs; hinted chunks keep their role."""
    indents = sum(1 for c in chunks if c.indent and not c.hint)
    indent_mode = indents >= max(2, len([c for c in chunks if not c.hint]) // 3)
    units: list[Unit] = []
    open_para = False  # the last unit is a body paragraph that has not ended a sentence
    for i, c in enumerate(chunks):
        nxt = chunks[i + 1] if i + 1 < len(chunks) else None
        if c.hint and c.hint != "body":
            units.append(Unit(c.text, c.line, c.hint, True, c.image))
            open_para = False
            continue
        role = _classify(c, nxt, units[-1] if units else None, open_para, indent_mode)
        if role == "join":
            last = units[-1]
            units[-1] = Unit(last.text + c.text, last.line, last.role, last.hinted, last.image,
                             last.joins + (_seam(last.text, c.text),))
        else:
            units.append(Unit(c.text, c.line, role, bool(c.hint)))
        open_para = units[-1].role == "body" and not is_terminal(units[-1].text)
    return units


def _classify(c: Chunk, nxt: Chunk | None, prev: Unit | None, open_para: bool, indent_mode: bool) -> str:
    t = c.text
    if c.hint == "body" and open_para:  # marked-up paragraphs: only the repair of broken ones applies
        return "join" if not (indent_mode and c.indent) else "body"
    if (c.hint == "body" and nxt is not None and nxt.hint == "head" and headline_like(t)
            and not starts_byline(t) and not ends_with_signature(t)):
        return "kicker"  # a short unstyled line right above a marked headline is its 引题
    prev_is_head = prev is not None and prev.role in ("head", "kicker")
    if prev_is_head and re.match(r"^(?:——|—|--|－－)", t) and "。" not in t and len(t) <= 60:
        return "sub"
    if open_para and t[0] in NO_PARA_START:
        return "join"
    if starts_byline(t):
        return "byline"
    if not open_para and byline_line(t):
        # a parenthesised byline on its own line is never a head: it signs the story above, or,
        # right under a head, opens the story (it was taken for the next story's kicker)
        return "byline" if prev is not None and prev.role in ("head", "kicker", "sub") else "byline_end"
    if _MARKED_SUBHEAD.match(t) and not is_terminal(t) and len(t) <= 40:
        return "subhead"
    if c.hint == "body":
        return "body"
    if not open_para and nxt is not None and _opens_story(nxt) and headline_like(t, max_len=_LONG_HEAD):
        return "head"  # a long head is still a head when the next line opens a story with its dateline
    if (headline_like(t, open_para) and nxt is not None and not (indent_mode and c.indent)
            and _heads_here(prev, t, nxt, open_para)):
        return "head"
    if open_para and not (indent_mode and c.indent):
        return "join"
    return "body"


def _opens_story(c: Chunk) -> bool:
    """Does this line open a story: a byline line, or a paragraph opened by a dateline (本报讯（…）)?"""
    return not c.hint and (starts_byline(c.text) or split_dateline(c.text) is not None)


def _heads_here(prev: Unit | None, text: str, nxt: Chunk, open_para: bool) -> bool:
    """A headline-shaped line is a headline unless the copy reads on across it."""
    if not nxt.hint and (nxt.text[0] in NO_PARA_START or word_across(text, nxt.text)):
        return False
    if open_para and prev is not None and word_across(prev.text, text):
        return False
    return True
