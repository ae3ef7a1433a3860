"""The headline zone: kicker 引题, main head 主题 and subtitle 副题 set as one unit.

Horizontal across a block's columns or vertical (竖题) at the block's side. The main head fits its
width by, in order: all parts on one line; one part per line; a break between words
(jieba's dictionary via layout/words.py, with place names kept whole — never inside 北京市 or 闸弄口街道); a bounded shrink to 80 %. A head that
still does not fit is set at the smallest size in as many lines as it takes and reported (`fits`
is False).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional, Sequence

from . import cjk
from .display import GlyphRun
from .flow import Segment
from .fonts import FontRegistry, default_registry
from .typeset import TextStyle, set_paragraph
from .words import segment

MIN_SHRINK = 0.8  # bounded shrink of the main head
SMALL_SIZE = 10.5  # 五号: the floor for kicker and subtitle
# A token ending in one of these is a place or organisation name and is never split from what precedes it.
_PLACE_SUFFIX = ("省", "市", "区", "县", "镇", "乡", "村", "街道", "社区", "中心", "公司")


@dataclass(frozen=True)
class HeadLine:
    """One line of the headline zone: its text pieces with flat-text offsets, style and placement."""

    pieces: tuple[tuple[str, int], ...]  # (text, flat offset); several parts share a line with a gap
    role: str  # kicker | head | sub
    style: TextStyle
    width: float
    dy: float  # baseline below the zone's top (horizontal) / column centre from the zone's right (vertical)


@dataclass(frozen=True)
class HeadPlan:
    lines: tuple[HeadLine, ...]
    width: float  # points the zone needs across
    height: float  # points the zone needs down
    size: float  # main-head size actually used
    fits: bool
    vertical: bool = False


def main_size_for(importance: int, span_cols: int) -> float:
    """Default main-head size by importance: the lead 头条 largest, narrower spans smaller."""
    base = {0: 36.0, 1: 26.0, 2: 22.0}.get(importance, 18.0)
    return base if span_cols >= 3 else min(base, 22.0 if span_cols == 2 else 16.0)


@lru_cache(maxsize=4096)
def words(text: str) -> tuple[str, ...]:
    """Break candidates of a head part: dictionary words (layout/words.py), single characters and
    place names kept with their neighbours, so no break falls inside a word or a name."""
    toks = [t for t in segment(text) if t]
    out: list[str] = []
    for t in toks:
        # a suffix opening the token (街道社区 after 闸弄口) belongs to the name before it; an
        # opening quote or bracket goes with the word after it, never at a line's end (禁则)
        if out and t[0] not in _OPENERS and (
                t.startswith(_PLACE_SUFFIX) and (len(t) <= 2 or t[:2] in _PLACE_SUFFIX) or
                len(out[-1]) == 1 or out[-1][-1] in _OPENERS or not t.strip() or t in "，。、；：？！”’）》"):
            out[-1] += t
        else:
            out.append(t)
    # a lone character left before an opening mark stays with the word before it (充电|桩“…)
    for i in range(len(out) - 2, 0, -1):
        if len(out[i]) == 1 and out[i + 1][0] in _OPENERS:
            out[i - 1] += out.pop(i)
    # a short quotation is one word: “国潮”, not “国|潮”
    i = 0
    while i < len(out) - 1:
        if out[i][0] in _OPENERS and not any(c in _CLOSERS for c in out[i]) and \
                len(out[i]) + len(out[i + 1]) <= SHORT_QUOTE and not any(c in _OPENERS for c in out[i + 1]):
            out[i] += out.pop(i + 1)
        else:
            i += 1
    return tuple(out)


_OPENERS = cjk.OPEN_CHARS + cjk.OPEN_ASCII
_CLOSERS = cjk.CLOSE_CHARS + cjk.CLOSE_ASCII
SHORT_QUOTE = 8  # characters of a quotation kept on one line of a head, marks included


MAX_BREAK_WORDS = 40  # a headline has ~5–20 words; more is reported as not fitting, never searched


@lru_cache(maxsize=8192)
def _width(text: str, style: TextStyle, fonts: FontRegistry) -> float:
    lines = set_paragraph(text, 1e6, style, fonts)
    return lines[0].width - style.tracking * style.size if lines else 0.0


def _break_part(text: str, start: int, width: float, style: TextStyle, fonts: FontRegistry,
                max_lines: int) -> Optional[list[tuple[tuple[str, int], ...]]]:
    """The most even break of one part into ≤ max_lines lines between words, or None."""
    if _width(text, style, fonts) <= width:
        return [((text, start),)]
    ws = words(text)
    if len(ws) > MAX_BREAK_WORDS:
        return None  # not a headline (pasted copy?): the search below is cubic in the words
    best, best_w = None, math.inf
    for n in range(2, max_lines + 1):
        for cuts in _cut_sets(len(ws), n):
            pieces, off, widest = [], 0, 0.0
            bounds = (0,) + cuts + (len(ws),)
            for a, b in zip(bounds, bounds[1:]):
                s = "".join(ws[a:b])
                widest = max(widest, _width(s, style, fonts))
                pieces.append(((s, start + off),))
                off += len(s)
            if widest <= width and widest < best_w:
                best, best_w = pieces, widest
        if best:
            return best
    return None


def _filled_lines(text: str, start: int, width: float, style: TextStyle,
                  fonts: FontRegistry) -> list[tuple[tuple[str, int], ...]]:
    """A part in lines filled word by word up to `width` (a word wider than the line is split
    between characters): the last resort for a head no even break fits."""
    lines: list[tuple[tuple[str, int], ...]] = []
    line, at = "", start
    for w in (c for word in words(text) for c in ([word] if _width(word, style, fonts) <= width
                                                   else _clusters(word))):
        if line and _width(line + w, style, fonts) > width:
            lines.append(((line, at),))
            at += len(line)
            line = ""
        line += w
    if line:
        lines.append(((line, at),))
    return lines


def _clusters(word: str) -> list[str]:
    """A word's characters with each opening mark kept with the one after it and each closing
    mark with the one before it, so a split never puts them at a line's wrong end (禁则)."""
    out: list[str] = []
    for c in word:
        if out and (c in _CLOSERS or c in cjk.PAUSE_CHARS or out[-1][-1] in _OPENERS):
            out[-1] += c
        else:
            out.append(c)
    return out


def _cut_sets(n: int, lines: int) -> list[tuple[int, ...]]:
    if lines == 2:
        return [(i,) for i in range(1, n)]
    return [(i, j) for i in range(1, n) for j in range(i + 1, n)]


def _main_lines(parts: Sequence[Segment], width: float, style: TextStyle, fonts: FontRegistry,
                max_lines: int) -> Optional[list[tuple[tuple[str, int], ...]]]:
    gap = style.size
    total = sum(_width(p.text, style, fonts) for p in parts) + gap * (len(parts) - 1)
    if total <= width:
        return [tuple((p.text, p.start) for p in parts)]
    out: list[tuple[tuple[str, int], ...]] = []
    for p in parts:
        got = _break_part(p.text, p.start, width, style, fonts, max(1, max_lines - len(parts) + 1))
        if got is None:
            return None
        out += got
    return out if len(out) <= max_lines else None


def plan_headline(segs: Sequence[Segment], width: float, size: float, face: str = "hei",
                  script: str = "sc", extra: float = 0.0, max_lines: int = 2,
                  fonts: Optional[FontRegistry] = None) -> HeadPlan:
    """Plan a horizontal headline zone `width` points wide; `extra` adds space (points) below."""
    return _plan_headline(tuple(segs), width, size, face, script, extra, max_lines, fonts or default_registry())


@lru_cache(maxsize=4096)  # makeup plans the same head for every candidate block height
def _plan_headline(segs: tuple[Segment, ...], width: float, size: float, face: str, script: str,
                   extra: float, max_lines: int, fonts: FontRegistry) -> HeadPlan:
    parts = [s for s in segs if s.role == "head"]
    kick = next((s for s in segs if s.role == "kicker"), None)
    sub = next((s for s in segs if s.role == "sub"), None)
    fits, main = False, None
    for k in range(0, 5):
        sz = round(size * (1 - k * (1 - MIN_SHRINK) / 4), 1)
        st = TextStyle(role=face, size=sz, script=script, indent=0.0, align="left")
        main = _main_lines(parts, width, st, fonts, max_lines) if parts else []
        if main is not None:
            fits = True
            break
    if main is None:  # report it, and set it at the floor size in as many lines as it takes —
        # never wider than its zone (a head wider than its block would print over its neighbours)
        main = [line for p in parts for line in _filled_lines(p.text, p.start, width, st, fonts)]
    small = max(SMALL_SIZE, round(sz * 0.42 * 2) / 2)
    lines: list[HeadLine] = []
    y = 0.0

    def add(pieces, role, st, lead):
        nonlocal y
        w = sum(_width(t, st, fonts) for t, _ in pieces) + st.size * (len(pieces) - 1)
        y += lead * 0.9
        lines.append(HeadLine(tuple(pieces), role, st, w, y))
        y += lead * 0.25

    for seg, role in ((kick, "kicker"),):
        if seg:
            st = TextStyle(role="kai", size=small, script=script, indent=0.0, align="left")
            for pieces in _break_part(seg.text, seg.start, width, st, fonts, 3) or [((seg.text, seg.start),)]:
                add(pieces, role, st, small * 1.3)
    mst = TextStyle(role=face, size=sz, script=script, indent=0.0, align="left")
    for pieces in main:
        add(pieces, "head", mst, sz * 1.12)
    if sub:
        st = TextStyle(role="kai", size=small, script=script, indent=0.0, align="left")
        for pieces in _break_part(sub.text, sub.start, width, st, fonts, 3) or [((sub.text, sub.start),)]:
            add(pieces, "sub", st, small * 1.3)
    widest = max((ln.width for ln in lines), default=0.0)
    return HeadPlan(tuple(lines), widest, y + extra, sz, fits and widest <= width + 0.01)


def plan_vertical(segs: Sequence[Segment], height: float, size: float, face: str = "hei",
                  script: str = "sc", fonts: Optional[FontRegistry] = None) -> HeadPlan:
    """Plan a vertical headline 竖题: one column per main part, right to left, kicker to the right,
    subtitle to the left; shrinks (bounded) until the longest column fits `height`."""
    return _plan_vertical(tuple(segs), height, size, face, script, fonts or default_registry())


@lru_cache(maxsize=4096)
def _plan_vertical(segs: tuple[Segment, ...], height: float, size: float, face: str, script: str,
                   fonts: FontRegistry) -> HeadPlan:
    cols = [s for s in segs if s.role in ("kicker", "head", "sub")]
    fits = False
    for k in range(0, 5):
        sz = round(size * (1 - k * (1 - MIN_SHRINK) / 4), 1)
        small = max(SMALL_SIZE, round(sz * 0.42 * 2) / 2)
        need = max(len(s.text) * (sz if s.role == "head" else small) for s in cols) if cols else 0
        if need <= height:
            fits = True
            break
    lines, x = [], 0.0
    for s in cols:
        csz = sz if s.role == "head" else small
        st = TextStyle(role=face if s.role == "head" else "kai", size=csz, script=script, indent=0.0,
                       align="left", vertical=True)
        x += csz * 0.65
        lines.append(HeadLine(((s.text, s.start),), s.role, st, len(s.text) * csz, x))
        x += csz * 0.65
    height_used = max((ln.width for ln in lines), default=0.0)
    return HeadPlan(tuple(lines), x, height_used, sz, fits, vertical=True)


def head_runs(plan: HeadPlan, x: float, y: float, width: float, align: str = "center",
              story_id: str = "", fonts: Optional[FontRegistry] = None) -> list[GlyphRun]:
    """Glyph runs of a planned zone. Horizontal: (x, y) top-left of a zone `width` wide.
    Vertical: (x, y) is the zone's top-right corner; columns go right to left."""
    fonts = fonts or default_registry()
    runs: list[GlyphRun] = []
    for ln in plan.lines:
        if plan.vertical:
            runs += _vertical_runs(ln, x - ln.dy, y, story_id, fonts)
            continue
        lx = x + ((width - ln.width) / 2 if align == "center" else 0.0)
        for text, off in ln.pieces:
            for sl in set_paragraph(text, 1e6, ln.style, fonts):
                runs += sl.runs(lx, y + ln.dy, ln.style, story_id, off, ln.role)
            lx += _width(text, ln.style, fonts) + ln.style.size
    return runs


def _vertical_runs(ln: HeadLine, cx: float, top: float, story_id: str,
                   fonts: FontRegistry) -> list[GlyphRun]:
    """A vertical column centred on cx: the typesetter's vertical lines when it sets them, else one
    ideograph per em, each centred on the axis (the interim typesetter sets horizontally only)."""
    text, off = ln.pieces[0]
    st = ln.style
    got = set_paragraph(text, 1e6, st, fonts)
    if got and got[0].vertical:
        return [r for sl in got for r in sl.runs(cx, top, st, story_id, off, ln.role)]
    runs = []
    for i, sl in enumerate(set_paragraph(text, st.size * 1.01, st, fonts)):
        g = sl.glyphs[0]
        gx = cx - g.advance / 2
        gy = top + i * st.size + 0.88 * st.size
        runs += [GlyphRun(font=g.font, size=st.size, glyphs=(g.gid,), text=(g.text,), xs=(gx,), ys=(gy,),
                          color=st.color, vertical=True, offsets=(off + g.offset,), story_id=story_id,
                          role=ln.role)]
    return runs
