"""Punctuation normalisation and space repair for Chinese copy, returning every change for the import report.

Rules (a chief sub-editor's, applied only *inside Chinese text* — a mark counts as inside Chinese
text when its nearest non-space neighbour on either side is a Chinese character or mark):

- ASCII , ; : ? !  →  ，；：？！  (never between two digits: 1,234.56 and 10:30 stay);
- a single ASCII . right after a Chinese character or mark (not a full-width digit), and not
  followed by a digit or a Latin letter, is a full stop → 。 ("高兴地说." → "高兴地说。"; 1.2亿, 3.5% and www.x.cn stay);
  after a sentence that already ends inside its closing quote ("“好。”.") it is dropped;
- ( )  →  （ ）  when the bracketed text contains Chinese or the bracket touches Chinese;
- straight quotes " ' → “ ” ‘ ’, paired left to right; an apostrophe inside a Latin word stays;
- ... / 。。。 / a lone … → ……;  -- / ―― / －－ and a lone — used as a dash → ——
  (a lone — between two Han characters is the connector 一字线 and stays: 北京—上海);
- full-width digits and Latin letters → half-width (everywhere);
- URLs and e-mail addresses are never touched.

`remove_cjk_spaces` is the repair half (on even when normalisation is off): a run of spaces
between two Chinese characters or marks is a scar of extraction and goes.

Both return the new text and a tuple of `Change(start, before, after, rule)` with offsets into
the text they were given; `before`/`after` are exactly the replaced and the inserted characters.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .cjk import CLOSE_ASCII, CLOSE_CHARS


@dataclass(frozen=True)
class Change:
    """One edit: text[start:start+len(before)] was `before` and became `after`."""

    start: int
    before: str
    after: str
    rule: str  # punct | space


_CJK_MARKS = "“”‘’…—·《》〈〉「」『』【】〔〕"
_CLOSING_MARKS = CLOSE_CHARS + CLOSE_ASCII + "\"'"  # straight quotes close here too (not yet curled)


def is_han(ch: str) -> bool:
    o = ord(ch)
    return (0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF
            or 0x20000 <= o <= 0x3FFFF)


def is_cjk(ch: str) -> bool:
    """A Chinese character or a Chinese (full-width) mark."""
    o = ord(ch)
    return is_han(ch) or 0x3000 < o <= 0x303F or 0xFF01 <= o <= 0xFF60 or ch in _CJK_MARKS


_PROTECTED = re.compile(
    r"(?:https?://|ftp://|www\.)[!-~]+"      # URLs: printable ASCII run
    r"|[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+",  # e-mail addresses
)
_SPACES = " \t\u3000\u00a0"
_ASCII_PAUSE = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
_PAUSE_RE = re.compile(r"[,;:?!]")
_FULL_STOP = re.compile(r"(?<![.．。\uff10-\uff19])\.(?![.．。A-Za-z0-9\uff10-\uff19\uff21-\uff3a\uff41-\uff5a])")
_FULLWIDTH_ALNUM = re.compile(r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+")
_ELLIPSIS = re.compile(r"\.{3,}|。{3,}|．{3,}|(?<!…)…(?!…)")
_DASH = re.compile(r"-{2,}|(?<!—)—(?!—)|―{1,2}|－{2}")
_SPACE_RUN = re.compile(r"[ \t\u3000\u00a0]+")


def _protected_mask(text: str) -> bytearray:
    mask = bytearray(len(text))
    if "@" not in text and "/" not in text and "www." not in text:
        return mask
    for m in _PROTECTED.finditer(text):
        # a URL ends before trailing sentence punctuation
        end = m.end()
        while end > m.start() and text[end - 1] in ".,;:!?)":
            end -= 1
        mask[m.start():end] = b"\x01" * (end - m.start())
    return mask


def _neighbour(text: str, i: int, step: int, skip: str = "") -> str:
    """The nearest character from i in direction step that is not a space (or in `skip`); '' at the edge."""
    j = i + step
    while 0 <= j < len(text) and (text[j] in _SPACES or text[j] in skip):
        j += step
    return text[j] if 0 <= j < len(text) else ""


def _in_chinese(text: str, start: int, end: int, skip: str = "") -> bool:
    before = _neighbour(text, start, -1, skip)
    after = _neighbour(text, end - 1, 1, skip)
    return (bool(before) and is_cjk(before)) or (bool(after) and is_cjk(after))


def _pause_marks(text: str, mask: bytearray, out: list) -> None:
    for m in _PAUSE_RE.finditer(text):
        i, ch = m.start(), m.group()
        if mask[i]:
            continue
        prev, nxt = text[i - 1] if i else "", text[i + 1] if i + 1 < len(text) else ""
        if prev.isdigit() and nxt.isdigit():
            continue  # 1,234 and 10:30
        if not _in_chinese(text, i, i + 1, skip="".join(_ASCII_PAUSE)):
            continue
        # a full-width mark carries its own space: drop the spaces that followed the ASCII one
        end = i + 1
        while end < len(text) and text[end] in " \t":
            end += 1
        out.append((i, end, _ASCII_PAUSE[ch]))


def _brackets(text: str, mask: bytearray, out: list) -> None:
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    lone: list[int] = []
    for m in re.finditer(r"[()]", text):
        i, ch = m.start(), m.group()
        if mask[i]:
            continue
        if ch == "(":
            stack.append(i)
        elif ch == ")":
            if stack:
                pairs.append((stack.pop(), i))
            else:
                lone.append(i)
    lone.extend(stack)
    for a, b in pairs:
        inner = text[a + 1:b]
        if any(is_cjk(c) for c in inner) or _in_chinese(text, a, b + 1):
            out.append((a, a + 1, "（"))
            out.append((b, b + 1, "）"))
    for i in lone:
        if _in_chinese(text, i, i + 1):
            out.append((i, i + 1, "（" if text[i] == "(" else "）"))


def _quotes(text: str, mask: bytearray, out: list) -> None:
    doubles = [m.start() for m in re.finditer('"', text) if not mask[m.start()]]
    singles = [i for i in (m.start() for m in re.finditer("'", text)) if not mask[i]
               and not (0 < i < len(text) - 1 and text[i - 1].isascii() and text[i - 1].isalpha()
                        and text[i + 1].isascii() and text[i + 1].isalpha())]
    for marks, (open_q, close_q) in ((doubles, "“”"), (singles, "‘’")):
        for k in range(0, len(marks) - 1, 2):
            a, b = marks[k], marks[k + 1]
            if any(is_cjk(c) for c in text[a + 1:b]) or _in_chinese(text, a, b + 1):
                out.append((a, a + 1, open_q))
                out.append((b, b + 1, close_q))
        if len(marks) % 2:
            i = marks[-1]
            nxt, prev = _neighbour(text, i, 1), _neighbour(text, i, -1)
            if nxt and is_cjk(nxt):
                out.append((i, i + 1, open_q))
            elif prev and is_cjk(prev):
                out.append((i, i + 1, close_q))


def _runs(pattern: re.Pattern, text: str, mask: bytearray, out: list, repl: str, check) -> None:
    for m in pattern.finditer(text):
        if any(mask[m.start():m.end()]) or m.group() == repl:
            continue
        if check(m):
            out.append((m.start(), m.end(), repl))


def _ended(text: str, i: int) -> bool:
    """The sentence before position i already ends (。！？ or …, maybe inside closing quotes or
    brackets): an ASCII period there is one stop too many."""
    j = i - 1
    while j >= 0 and text[j] in _CLOSING_MARKS:
        j -= 1
    return j < i - 1 and j >= 0 and text[j] in "。！？!?…"


def _dash_used_as_dash(text: str, m: re.Match) -> bool:
    """A lone — between two Han characters is the connector 一字线 (北京—上海, GB/T 15834): leave it."""
    if not _in_chinese(text, m.start(), m.end()):
        return False
    if m.group() == "—":
        a, b = m.start(), m.end()
        return not (a > 0 and b < len(text) and is_han(text[a - 1]) and is_han(text[b]))
    return True


def normalise_punctuation(text: str) -> tuple[str, tuple[Change, ...]]:
    """Apply the house punctuation rules to one paragraph (or headline part)."""
    mask = _protected_mask(text)
    edits: list[tuple[int, int, str]] = []
    _pause_marks(text, mask, edits)
    _runs(_FULL_STOP, text, mask, edits, "。", lambda m: m.start() > 0 and is_cjk(text[m.start() - 1])
          and not _ended(text, m.start()))
    _runs(_FULL_STOP, text, mask, edits, "", lambda m: _ended(text, m.start()))  # “好。”. : a stop too many
    _brackets(text, mask, edits)
    _quotes(text, mask, edits)
    _runs(_ELLIPSIS, text, mask, edits, "……",
          lambda m: m.group()[0] != "." or _in_chinese(text, m.start(), m.end()))
    _runs(_DASH, text, mask, edits, "——", lambda m: _dash_used_as_dash(text, m))
    for m in _FULLWIDTH_ALNUM.finditer(text):
        edits.append((m.start(), m.end(), "".join(chr(ord(c) - 0xFEE0) for c in m.group())))
    return _apply(text, edits, "punct")


def remove_cjk_spaces(text: str) -> tuple[str, tuple[Change, ...]]:
    """Remove runs of spaces that sit between two Chinese characters or marks."""
    edits = []
    for m in _SPACE_RUN.finditer(text):
        a, b = m.start(), m.end()
        if a > 0 and b < len(text) and is_cjk(text[a - 1]) and is_cjk(text[b]):
            edits.append((a, b, ""))
    return _apply(text, edits, "space")


def _apply(text: str, edits: list[tuple[int, int, str]], rule: str) -> tuple[str, tuple[Change, ...]]:
    edits.sort()
    parts, changes, pos = [], [], 0
    for a, b, repl in edits:
        if a < pos:  # overlapping candidates: the first one wins
            continue
        parts.append(text[pos:a])
        parts.append(repl)
        changes.append(Change(a, text[a:b], repl, rule))
        pos = b
    parts.append(text[pos:])
    return "".join(parts), tuple(changes)
