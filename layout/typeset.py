"""Paragraph → lines: the typesetter's public contract (TextStyle, SetGlyph, SetLine, set_paragraph).

The clreq engine: clusters and break opportunities (linebreak_prep), kinsoku by push-in /
push-out and 孤字 avoidance (linebreak), compression and justification (justify), vertical forms
(vertical). Results are cached per font registry, keyed by text, measure and style, because
the editor re-sets the same paragraphs on every edit.
"""
from __future__ import annotations

import weakref
from collections import OrderedDict
from dataclasses import dataclass, replace
from typing import Optional

from . import chargrid, cjk
from .display import BLACK, CMYK, GlyphRun
from .fonts import FontRegistry, default_registry
from .justify import Placed, natural, place
from .linebreak import Break, avoid_orphan, break_lines, is_orphan
from .linebreak_prep import Prepared, prepare

@dataclass(frozen=True)
class TextStyle:
    """How a paragraph is set.

    role: font role (body | song | hei | heavy | kai); script: sc | tc (glyph shapes, prohibitions).
    indent: first-line indent in ems; align: justify | left | center | right.
    tracking: extra space between characters, in ems (copyfit, ±0.03).
    vertical: set top to bottom (the measure is then the column height).
    kinsoku: prohibition set — "" (by script: strict for sc, Taiwan/Hong Kong for tc) | strict | tc | none.
    open_half: an opening bracket starting a line loses the empty half before it (clreq 3.1.6.3).
    char_grid: set on a character grid 字符网格 (clreq 3.2.5, layout/chargrid.py): every
    full-width character starts on a whole cell from the line start (one em apart when the
    measure is whole ems), marks keep full cells, 、，。 may hang; tracking, compress_pairs and
    open_half do not apply. Horizontal and vertical.
    """

    role: str = "body"
    size: float = 9.0
    # other font roles for character ranges [start, end) of the text, e.g. an inline 楷体 byline
    role_spans: tuple[tuple[int, int, str], ...] = ()
    script: str = "sc"
    indent: float = 2.0
    align: str = "justify"
    tracking: float = 0.0
    cjk_latin_space: float = 0.25
    compress_pairs: str = "1.5em"  # adjacent punctuation: 1.5em | 1em
    vertical: bool = False
    color: CMYK = BLACK
    kinsoku: str = ""
    open_half: bool = False
    char_grid: bool = False
    hang_punct: bool = True  # grid setting may hang 、，。 beyond the edge (needs a gutter of 2 em)


@dataclass(frozen=True)
class SetGlyph:
    """One glyph of a set line: offset along the line from the line's start (x for horizontal,
    y down for vertical: the top of its cell), and the baseline-origin shift across the line (dx
    for vertical centring). drop: in vertical lines, the baseline origin's distance below `pos`.
    text: what is drawn — a vertical presentation form in vertical lines; offset maps it back.
    advance: the glyph's own horizontal advance in points."""

    font: str
    gid: int
    text: str
    pos: float
    advance: float
    offset: int  # index of the first character in the paragraph text
    cross: float = 0.0
    rotated: bool = False
    tofu: bool = False
    drop: float = 0.0


@dataclass(frozen=True)
class SetLine:
    """A composed line: characters text[start:end] of the paragraph, placed within `measure`."""

    start: int
    end: int
    glyphs: tuple[SetGlyph, ...]
    measure: float
    width: float  # where the last glyph ends (a mark hung beyond the edge not counted)
    size: float
    last: bool = False  # the paragraph's last line
    vertical: bool = False
    violations: int = 0  # prohibition rules broken for lack of any legal break
    orphan: bool = False  # a last line of one character that no bounded adjustment could avoid
    tofu: int = 0  # glyphs no font has, drawn as .notdef boxes
    adjust: float = 0.0  # points added (+) or taken out (−) by justification
    hung: bool = False  # character grid: the last glyph is 、，or 。 hung beyond the column edge
    off_grid: bool = False  # character grid: spread evenly for lack of whole-cell room

    def runs(self, x: float, y: float, style: TextStyle, story_id: str = "", base_offset: int = 0,
             role: str = "body") -> list[GlyphRun]:
        """Glyph runs of this line placed in page coordinates.

        Horizontal: (x, y) is the left end of the baseline. Vertical: (x, y) is the top of the
        line's centre axis; an upright glyph's origin is then (axis − advance/2, cell top + 0.88 em),
        a turned one's lies on the axis side so its em box is centred.
        """
        runs: list[GlyphRun] = []
        vertical = self.vertical
        font = None
        for g in self.glyphs:
            if g.font != font:  # a new run
                if font is not None:
                    runs.append(_run(font, gids, text, xs, ys, rot, off, style, story_id, role, vertical))
                font = g.font
                gids, text, xs, ys, rot, off = [], [], [], [], [], []
            if vertical:
                xs.append(x + g.cross)
                ys.append(y + g.pos + g.drop)
            else:
                xs.append(x + g.pos)
                ys.append(y + g.cross)
            gids.append(g.gid)
            text.append(g.text)
            rot.append(g.rotated)
            off.append(base_offset + g.offset if g.offset >= 0 else -1)
        if font is not None:
            runs.append(_run(font, gids, text, xs, ys, rot, off, style, story_id, role, vertical))
        return runs


def _run(font: str, gids: list, text: list, xs: list, ys: list, rot: list, off: list, style: TextStyle,
         story_id: str, role: str, vertical: bool) -> GlyphRun:
    return GlyphRun(font=font, size=style.size, glyphs=tuple(gids), text=tuple(text), xs=tuple(xs),
                    ys=tuple(ys), color=style.color, rotated=tuple(rot) if any(rot) else (),
                    vertical=vertical, offsets=tuple(off), story_id=story_id, role=role)



_CACHE_SIZE = 4096
_CACHES: "weakref.WeakKeyDictionary[FontRegistry, OrderedDict]" = weakref.WeakKeyDictionary()


def set_paragraph(text: str, measure: float, style: TextStyle,
                  fonts: Optional[FontRegistry] = None) -> list[SetLine]:
    """Break `text` into lines of `measure` points (the column height when vertical). Every
    character of `text` belongs to exactly one line, in order; an empty text gives no lines."""
    fonts = fonts or default_registry()
    cache = _CACHES.setdefault(fonts, OrderedDict())
    key = (text, round(measure, 4), style, tuple(fonts.entries))
    hit = cache.get(key)
    if hit is not None:
        cache.move_to_end(key)
        return list(hit)
    lines = _compose(text, measure, style, fonts)
    if style.align == "justify" and lines and lines[-1].orphan and not style.char_grid:
        # a bounded change of tracking (±0.02 em, copyfit range) may still avoid the 孤字
        for dt in (-0.02, 0.02):
            alt = _compose(text, measure, replace(style, tracking=style.tracking + dt), fonts)
            if not alt[-1].orphan:
                lines = alt
                break
    cache[key] = tuple(lines)
    if len(cache) > _CACHE_SIZE:
        cache.popitem(last=False)
    return lines


def _compose(text: str, measure: float, style: TextStyle, fonts: FontRegistry) -> list[SetLine]:
    if not text:
        return []
    if style.char_grid:
        return _compose_grid(text, measure, style, fonts)
    p = prepare(text, style, fonts)
    justify = style.align == "justify"
    breaks = break_lines(p, measure, style.indent * style.size, style.open_half)
    if justify:
        breaks = avoid_orphan(p, breaks, style.open_half)
    out = []
    for k, br in enumerate(breaks):
        last = k == len(breaks) - 1
        just = justify and not (last and br.end == len(text) and _fits_solid(p, br))
        placed = place(p, br.start, br.end, br.avail, br.offset, just, style.open_half)
        out.append(_line(p, br, placed, measure, last, k == 0))
    return out


def _compose_grid(text: str, measure: float, style: TextStyle, fonts: FontRegistry) -> list[SetLine]:
    """Lines on the character grid (layout/chargrid.py); the paragraph's last line is set solid."""
    p = prepare(text, replace(style, tracking=0.0), fonts)
    gp = chargrid.GridPara(p, chargrid.char_grid(measure, style.size), style.cjk_latin_space > 0,
                           hang=style.hang_punct)
    indent = chargrid.indent_cells(gp.grid, style.indent)
    justify = style.align == "justify"
    breaks = chargrid.break_lines(gp, indent)
    if justify:
        breaks = chargrid.avoid_orphan(gp, breaks)
    out = []
    for k, br in enumerate(breaks):
        last = k == len(breaks) - 1
        just = justify and not last
        placed = chargrid.place(gp, br, just) or place(p, br.start, br.end, br.avail, br.offset, just)
        out.append(_line(p, br, placed, measure, last, k == 0))
    return out


def _fits_solid(p: Prepared, br: Break) -> bool:
    """The last line holds its text without being pushed in (else it is set flush, compressed)."""
    return natural(p, br.start, br.end) <= br.avail + 1e-6


_new_object = object.__new__


def _line(p: Prepared, br: Break, placed: Placed, measure: float, last: bool, first: bool) -> SetLine:
    glyphs = []
    tofu = 0
    emit, faces, gids, chars, draw_adv, cross, rotated, tofus, drop = (
        p.emit, p.faces, p.gids, p.chars, p.draw_adv, p.cross, p.rotated, p.tofu, p.drop)
    shift, pos = p.shift, placed.pos
    for k, j in enumerate(range(br.start, br.end)):
        if not emit[j]:
            continue
        tofu += tofus[j]
        # The frozen dataclass's own __init__ sets each of the ten fields through
        # object.__setattr__; filling the new instance's __dict__ (every field, in field order)
        # makes the identical SetGlyph in a third of the time, and every character of a page is
        # one. (tests/test_typeset_objects.py checks that these stay equal to constructed ones.)
        g = _new_object(SetGlyph)
        g.__dict__.update(font=faces[j], gid=gids[j], text=chars[j],
                          pos=pos[k] + (shift.get(j, 0.0) if shift else 0.0),
                          advance=draw_adv[j], offset=j, cross=cross[j], rotated=rotated[j],
                          tofu=tofus[j], drop=drop[j])
        glyphs.append(g)
    line = _new_object(SetLine)  # (as for the glyphs above)
    line.__dict__.update(start=br.start, end=br.end, glyphs=tuple(glyphs), measure=measure,
                         width=placed.width, size=p.size, last=last, vertical=p.vertical,
                         violations=_violations(p, br, first),
                         orphan=last and not first and is_orphan(p, br.start, br.end), tofu=tofu,
                         adjust=placed.adjust, hung=placed.hung, off_grid=placed.off_grid)
    return line


def _violations(p: Prepared, br: Break, first: bool) -> int:
    """Prohibited line starts and ends on this line (a paragraph may begin with a dash)."""
    visible = p.visible
    vis = [j for j in range(br.start, br.end) if visible[j]]
    if not vis:
        return 0
    head, tail = p.text[vis[0]], p.text[vis[-1]]
    bad = 0
    if p.rules.bad_start(head) and not (first and cjk.char_class(head) in (cjk.DASH, cjk.ELLIPSIS)):
        bad += 1
    if p.rules.bad_end(tail):
        bad += 1
    return bad

