"""Story structure: group repaired units into stories — headline unit, bylines, credits, photo news, packages, subheads, continued copy.

Heuristics (general rules, not tuned to one page):

- **Sections.** A run of headline lines starts a section; the paragraphs up to the next run
  belong to it. Copy before the first headline forms a section of its own.
- **Headline unit.** One line: the main head 主题. Two: kicker 引题 + main. Three: kicker, main,
  subtitle 副题. A line opened by —— is always the subtitle. More than three: the surplus leading
  lines become headline-only stories, with a warning. A main head written as parts separated by
  spaces between Chinese characters ("立足小阵地 服务大民生") keeps its parts.
- **Bylines.** See `layout.bylines`: a byline line or dateline at the start (byline_at_start),
  a parenthesised name list at the end of the last paragraph (the parentheses go, reported).
- **Photo news 图片新闻.** A headline and one paragraph ending with photographers' names
  (credits): kind "photo", the paragraph a caption. A Markdown picture makes one too.
- **Continued 转版.** A story whose last paragraph ends mid-sentence, with no byline or credits
  after it, is flagged `continued` and kept as it is — never padded, never dropped.
- **Package 组合报道.** A section whose body is a short lead (one paragraph, ≤ 200 characters,
  ending a sentence, no byline or dateline) followed by at least two headed sections, each with
  more text than the lead (a lead introduces longer stories), not itself preceded by a headed
  one-paragraph item (in a run of briefs it is one more brief), and whose head is at least as
  long as the next head, is a banner: a Story of kind "package" holding the banner
  head and the lead (role "lead"); the following sections are its sub-stories (`group` = the
  package's id) until the input ends, a Markdown `---`, another banner, or a section whose head
  is heavier (kicker, subtitle or more parts) than the first sub-story's.
- **Subheads 小标题.** Marked lines (【…】, ■…, 一、…) are subheads. In copy where stories end
  with a byline (at least two sections, and half of them, are signed), a one-line head that
  follows an unsigned, finished section is a subhead of that story rather than a new story —
  unless that section opens with its byline or dateline, or the one under the head does.
  A story that opens with its byline or dateline and is not signed at its end (a feature) keeps
  taking a one-part head of ≤ 20 characters as a subhead while the section under it has several
  paragraphs and no byline or dateline of its own.
- **No structure.** Copy without any headline is one story whose first line is the headline, with
  a warning (which also says when that line is too long to be a real headline). A headless
  section inside structured copy takes its first line as headline only when it is short enough
  to be one (≤ 40 characters).

Ids are "s1", "s2", … in order of appearance, continuing across files; a package gets its id
before its sub-stories.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from layout.bylines import byline_line, split_dateline, trailing_byline, trailing_credits
from layout.copy_units import Unit, is_terminal
from layout.import_report import ReportEntry
from layout.model import Headline, Paragraph, Story
from layout.punctuation import is_cjk

_HEAD_ROLES = ("head", "kicker", "sub")
_TEXT_ROLES = ("body", "caption", "subhead")
_LEAD_MAX = 200
_NO_STRUCTURE_HEAD_MAX = 40


@dataclass(frozen=True)
class Section:
    heads: tuple[Unit, ...] = ()
    items: tuple[Unit, ...] = ()
    ends_group: bool = False  # a Markdown --- came before it


@dataclass(frozen=True)
class Draft:
    """A story with raw (not yet normalised) text, the seams joined in each paragraph, and notes."""

    story: Story
    joins: tuple[tuple[tuple[str, str], ...], ...]
    notes: tuple[ReportEntry, ...] = ()


def split_sections(units: list[Unit]) -> list[Section]:
    sections: list[Section] = []
    heads: list[Unit] = []
    items: list[Unit] = []
    brk = False
    for u in units:
        if u.role == "break":
            if heads or items:
                sections.append(Section(tuple(heads), tuple(items), brk))
                heads, items = [], []
            brk = True
            continue
        if u.role in _HEAD_ROLES and items:
            sections.append(Section(tuple(heads), tuple(items), brk))
            heads, items, brk = [], [], False
        (heads if u.role in _HEAD_ROLES else items).append(u)
    if heads or items:
        sections.append(Section(tuple(heads), tuple(items), brk))
    return _split_long_head_runs(sections)


def _split_long_head_runs(sections: list[Section]) -> list[Section]:
    out = []
    for s in sections:
        mains = [u for u in s.heads if u.role == "head"]
        if len(mains) > 3 and not any(u.hinted for u in s.heads):
            extra = len(mains) - 3
            out.extend(Section((u,), (), s.ends_group) for u in s.heads[:extra])
            s = replace(s, heads=s.heads[extra:])
        out.append(s)
    return out


def split_parts(text: str) -> tuple[str, ...]:
    """Split a main head at runs of spaces between Chinese characters or marks (a % before the
    space counts: "GDP同比增长5.8% 一季度经济开局良好" is two parts)."""
    parts, start = [], 0
    for m in re.finditer(r"[ \t\u3000\u00a0]+", text):
        a, b = m.start(), m.end()
        if a > 0 and b < len(text) and (is_cjk(text[a - 1]) or text[a - 1] in "%％") and is_cjk(text[b]):
            parts.append(text[start:a])
            start = b
    parts.append(text[start:])
    return tuple(p.strip() for p in parts if p.strip())


def parse_headline(heads: tuple[Unit, ...]) -> Headline:
    kicker = " ".join(u.text for u in heads if u.role == "kicker")
    sub = " ".join(u.text for u in heads if u.role == "sub")
    mains = [u.text for u in heads if u.role == "head"]
    if not kicker and len(mains) >= 2:
        kicker, mains = mains[0], mains[1:]
    if len(mains) >= 2:  # the line after the main head is its subtitle; never drop a line
        mains, sub = mains[:1], " ".join(t for t in (sub, *mains[1:]) if t)
    return Headline(main=split_parts(mains[0]) if mains else (), kicker=kicker, sub=sub)


def _body(sec: Section) -> list[Unit]:
    return [u for u in sec.items if u.role in _TEXT_ROLES]


def _signed(sec: Section) -> bool:
    if any(u.role in ("credits", "image") for u in sec.items):
        return True
    if any(u.role == "byline_end" or u.role == "byline" and k for k, u in enumerate(sec.items)):
        return True
    body = _body(sec)
    return bool(body) and (trailing_byline(body[-1].text) is not None
                           or trailing_credits(body[-1].text) is not None)


def _opens_signed(sec: Section) -> bool:
    """Does the section open with a byline line or a dateline (本报记者 张三, 本报讯（记者 李四）)?"""
    if sec.items and sec.items[0].role == "byline":
        return True
    body = _body(sec)
    return bool(body) and body[0].role == "body" and split_dateline(body[0].text) is not None


def _text_len(sec: Section) -> int:
    return sum(len(u.text) for u in _body(sec))


def _is_brief(sec: Section) -> bool:
    """A headed news item of one paragraph (not a picture with its caption)."""
    return (bool(sec.heads) and len(_body(sec)) == 1
            and not any(u.role in ("credits", "image") for u in sec.items)
            and trailing_credits(_body(sec)[0].text) is None)


def _finished(sec: Section) -> bool:
    body = _body(sec)
    return bool(body) and is_terminal(body[-1].text)


def _main_len(sec: Section) -> int:
    return len("".join(parse_headline(sec.heads).main))


def _weight(sec: Section) -> tuple[int, int]:
    h = parse_headline(sec.heads)
    return (int(bool(h.kicker or h.sub)), len(h.main))


def _is_banner(sections: list[Section], k: int) -> bool:
    sec = sections[k]
    body = _body(sec)
    if not sec.heads or len(body) != 1 or len(sec.items) != 1:
        return False
    if any(u.role != "body" for u in body) or sum(len(u.text) for u in body) > _LEAD_MAX:
        return False
    if _signed(sec) or _opens_signed(sec) or not _finished(sec):
        return False  # a dated or signed paragraph is a news item (a brief), not a banner's lead
    following = sections[k + 1:k + 3]
    if len(following) < 2 or any(s.ends_group or not s.heads for s in following):
        return False
    # a lead introduces stories longer than itself; a page of briefs has sections as short as it
    if any(_text_len(s) <= _text_len(sec) for s in following):
        return False
    if k > 0 and _is_brief(sections[k - 1]):
        return False  # one more item in a run of one-paragraph briefs
    return _main_len(sec) >= _main_len(following[0])


def _subhead_of(prev: Section, sec: Section) -> bool:
    heads = [u for u in sec.heads if u.role == "head"]
    return (len(sec.heads) == 1 and len(heads) == 1 and not heads[0].hinted and len(heads[0].text) <= 20
            and bool(_body(sec)) and bool(prev.heads) and not _signed(prev) and _finished(prev))


def _signed_subhead(prev: Section, sec: Section) -> bool:
    """In copy whose stories end with a byline, a short head after an unsigned story is a subhead —
    unless either side opens with its byline or dateline: a story signed at its start is not
    unsigned (only `_feature_subhead` continues it), and a section that opens signed is a new story."""
    return _subhead_of(prev, sec) and not _opens_signed(prev) and not _opens_signed(sec)


def _feature_subhead(prev: Section, sec: Section) -> bool:
    """In a story that opens with its byline and is not signed at the end, an unsigned section of
    several paragraphs under a short one-part head continues it: the head is a subhead (小标题)."""
    if not _subhead_of(prev, sec) or len(split_parts(sec.heads[0].text)) != 1:
        return False
    return (_opens_signed(prev) and not _opens_signed(sec) and not _signed(sec)
            and len(_body(prev)) >= 2 and len(_body(sec)) >= 2)


def plan(sections: list[Section]) -> list[tuple[Section, str, int]]:
    """Each section with its role (package | "") and the index of its package in the plan (-1: none)."""
    headed = [s for s in sections if s.heads]
    signed = sum(1 for s in headed if _signed(s))
    byline_style = signed >= 2 and 2 * signed >= len(headed)
    out: list[tuple[Section, str, int]] = []
    group, weight = -1, None
    for k, sec in enumerate(sections):
        if sec.ends_group:
            group, weight = -1, None
        if _is_banner(sections, k):
            out.append((sec, "package", -1))
            group, weight = len(out) - 1, None
            continue
        if group >= 0:
            w = _weight(sec)
            if weight is None:
                weight = w
            elif w > weight:
                group, weight = -1, None
        prev = out[-1] if out else None
        if prev and not prev[1] and (byline_style and _signed_subhead(prev[0], sec)
                                     or _feature_subhead(prev[0], sec)):
            sub = replace(sec.heads[0], role="subhead")
            out[-1] = (replace(prev[0], items=prev[0].items + (sub,) + sec.items), "", prev[2])
            continue
        out.append((sec, "", group))
    return out


def build_drafts(units: list[Unit], source: str, first_id: int = 1) -> list[Draft]:
    """Units of one file → story drafts with ids s{first_id}, s{first_id+1}, …"""
    planned = plan(split_sections(units))
    drafts: list[Draft] = []
    ids: list[str] = []
    for n, (sec, role, group) in enumerate(planned):
        sid = f"s{first_id + n}"
        ids.append(sid)
        drafts.append(_draft(sid, sec, role, ids[group] if group >= 0 else "", source,
                             no_structure=len(planned) == 1 and not sec.heads))
    return drafts


def _draft(sid: str, sec: Section, role: str, group: str, source: str, no_structure: bool) -> Draft:
    notes: list[ReportEntry] = []
    items = list(sec.items)
    headline = parse_headline(sec.heads)
    first_line = (sec.heads or sec.items or (Unit("", 0, "body"),))[0].line
    if not sec.heads:
        first = items[0] if items and items[0].role in _TEXT_ROLES else None
        if first is not None and (no_structure or len(first.text) <= _NO_STRUCTURE_HEAD_MAX):
            headline = Headline(main=(first.text,))
            items = items[1:]
            msg = "no headline found; the first line is taken as the headline"
            if len(first.text) > _NO_STRUCTURE_HEAD_MAX:
                msg += (f" ({len(first.text)} characters, too long for a headline — shorten it or "
                        "write the real headline above it)")
        else:
            msg = "no headline found and the first line is too long to be one; the story has no headline"
        if no_structure:
            msg = "no recognisable structure: " + msg
        notes.append(ReportEntry(sid, -1, "warning", message=msg, field="headline"))
    byline, at_start, credits, image = "", False, "", ""

    def sign(u: Unit) -> str:
        """A byline line's names; the parentheses of "（记者 林静）" go, reported."""
        paren = byline_line(u.text)
        if paren is None:
            return u.text
        notes.append(ReportEntry(sid, -1, "byline", paren[1], paren[0],
                                 f"byline {paren[1]} taken from its own line", "byline"))
        return paren[0]

    if items and items[0].role == "byline":
        byline, at_start, items = sign(items[0]), True, items[1:]
    paras: list[tuple[str, str, tuple]] = []
    for u in items:
        if u.role in ("byline", "byline_end") and not byline:
            byline = sign(u)
        elif u.role == "credits":
            credits = u.text
        elif u.role == "image":
            image = u.image
            if u.text:
                paras.append((u.text, "caption", ()))
        elif u.role in _TEXT_ROLES:
            paras.append((u.text, u.role, u.joins))
        else:  # a second byline, a misplaced head: keep the words as a paragraph
            paras.append((u.text, "body", u.joins))
    if paras and paras[-1][1] in ("body", "caption") and not (byline and not at_start) and not credits:
        text, prole, joins = paras[-1]
        tb = trailing_byline(text) if not byline else None
        tc = trailing_credits(text) if tb is None else None
        if tb:
            head, byline, raw = tb
            notes.append(ReportEntry(sid, -1, "byline", raw, byline,
                                     f"byline {raw} taken from the end of the story", "byline"))
            text = head
        elif tc:
            text, credits = tc
        if text:
            paras[-1] = (text, prole, joins)
        else:
            paras.pop()
    if paras and not byline and paras[0][1] == "body":
        dated = split_dateline(paras[0][0])
        if dated:
            byline, at_start = dated[0], True
            paras[0] = (dated[1], "body", paras[0][2])
    kind = role or "article"
    continued = False
    if kind == "package":
        paras = [(t, "lead", j) for t, _r, j in paras]
    elif sec.heads and credits and len(paras) == 1 and not byline:
        kind, paras = "photo", [(paras[0][0], "caption", paras[0][2])]
    elif image and all(r == "caption" for _t, r, _j in paras):
        kind = "photo"
    if kind != "package" and paras and not byline and not credits and not is_terminal(paras[-1][0]):
        continued = True
        notes.append(ReportEntry(sid, len(paras) - 1, "continued", message=(
            f"the story ends mid-sentence (…{paras[-1][0][-12:]}); flagged as continued (转版)")))
    if not paras and kind != "package":
        notes.append(ReportEntry(sid, -1, "warning", message="the story has a headline but no text",
                                 field="headline"))
    story = Story(id=sid, headline=headline,
                  paragraphs=tuple(Paragraph(t, r) for t, r, _j in paras),
                  byline=byline, byline_at_start=at_start, credits=credits, kind=kind, group=group,
                  continued=continued, image=image, source=f"{source}:{first_line}" if source else "")
    return Draft(story, tuple(j for _t, _r, j in paras), tuple(notes))
