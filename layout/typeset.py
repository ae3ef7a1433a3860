"""Paragraph → lines: the typesetter's public contract (TextStyle, SetGlyph, SetLine, set_paragraph).

INTERIM: a plain greedy breaker with the final API, so composition can be built against it;
the clreq engine (kinsoku, compression, justification, vertical) replaces the body of
`set_paragraph` without changing these types.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from .display import BLACK, CMYK, GlyphRun
from .fonts import FontRegistry, default_registry


@dataclass(frozen=True)
class TextStyle:
    """How a paragraph is set.

    role: font role (body | song | hei | heavy | kai); script: sc | tc (glyph shapes, prohibitions).
    indent: first-line indent in ems; align: justify | left | center | right.
    tracking: extra space between characters, in ems (copyfit, ±0.03).
    vertical: set top to bottom (the measure is then the column height).
    """

    role: str = "body"
    size: float = 9.0
    script: str = "sc"
    indent: float = 2.0
    align: str = "justify"
    tracking: float = 0.0
    cjk_latin_space: float = 0.25
    compress_pairs: str = "1.5em"  # adjacent punctuation: 1.5em | 1em
    vertical: bool = False
    color: CMYK = BLACK


@dataclass(frozen=True)
class SetGlyph:
    """One glyph of a set line: offset along the line from the line's start (x for horizontal,
    y down for vertical), and the baseline-origin shift across the line (dx for vertical centring)."""

    font: str
    gid: int
    text: str
    pos: float
    advance: float
    offset: int  # index of the first character in the paragraph text
    cross: float = 0.0
    rotated: bool = False
    tofu: bool = False


@dataclass(frozen=True)
class SetLine:
    """A composed line: characters text[start:end] of the paragraph, placed within `measure`."""

    start: int
    end: int
    glyphs: tuple[SetGlyph, ...]
    measure: float
    width: float  # where the last glyph ends
    size: float
    last: bool = False  # the paragraph's last line
    vertical: bool = False
    violations: int = 0  # prohibition rules broken for lack of any legal break

    def runs(self, x: float, y: float, style: TextStyle, story_id: str = "", base_offset: int = 0,
             role: str = "body") -> list[GlyphRun]:
        """Glyph runs of this line placed in page coordinates.

        Horizontal: (x, y) is the left end of the baseline. Vertical: (x, y) is the top of the
        line's centre axis; glyph origins are derived from it.
        """
        runs: list[GlyphRun] = []
        cur: Optional[dict] = None
        for g in self.glyphs:
            if self.vertical:
                gx, gy = x + g.cross, y + g.pos
            else:
                gx, gy = x + g.pos, y + g.cross
            if cur is None or cur["font"] != g.font:
                if cur is not None:
                    runs.append(_run(cur, style, story_id, role, self.vertical))
                cur = {"font": g.font, "glyphs": [], "text": [], "xs": [], "ys": [], "rot": [], "off": []}
            cur["glyphs"].append(g.gid)
            cur["text"].append(g.text)
            cur["xs"].append(gx)
            cur["ys"].append(gy)
            cur["rot"].append(g.rotated)
            cur["off"].append(base_offset + g.offset if g.offset >= 0 else -1)
        if cur is not None:
            runs.append(_run(cur, style, story_id, role, self.vertical))
        return runs


def _run(cur: dict, style: TextStyle, story_id: str, role: str, vertical: bool) -> GlyphRun:
    rot = tuple(cur["rot"]) if any(cur["rot"]) else ()
    return GlyphRun(font=cur["font"], size=style.size, glyphs=tuple(cur["glyphs"]),
                    text=tuple(cur["text"]), xs=tuple(cur["xs"]), ys=tuple(cur["ys"]),
                    color=style.color, rotated=rot, vertical=vertical, offsets=tuple(cur["off"]),
                    story_id=story_id, role=role)


def set_paragraph(text: str, measure: float, style: TextStyle,
                  fonts: Optional[FontRegistry] = None) -> list[SetLine]:
    """Break `text` into lines of `measure` points. Every character of `text` appears in exactly
    one line, in order. An empty text gives no lines."""
    fonts = fonts or default_registry()
    size = style.size
    lines: list[SetLine] = []
    glyphs: list[SetGlyph] = []
    start = 0
    pos = style.indent * size
    for i, ch in enumerate(text):
        face = fonts.resolve(style.role, style.script, ch)
        if face is None:
            face = fonts.primary(style.role, style.script)
            gid, tofu = 0, True
        else:
            gid, tofu = face.gid(ch), False
        adv = face.advance(gid) * size
        if glyphs and pos + adv > measure + 0.01:
            lines.append(SetLine(start, i, tuple(glyphs), measure, pos, size))
            glyphs, start, pos = [], i, 0.0
        glyphs.append(SetGlyph(face.key, gid, ch, pos, adv, i, tofu=tofu))
        pos += adv + style.tracking * size
    if glyphs:
        lines.append(SetLine(start, len(text), tuple(glyphs), measure, pos, size, last=True))
    return lines
