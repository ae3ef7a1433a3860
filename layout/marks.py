"""Printer's marks outside the trim: crop marks, registration targets and the slug line (版边信息).

Marks are returned as data in page coordinates (origin top-left of the trim, y down; negative or
beyond width/height means outside the trim) so the PDF painter draws them like any other item.
They start at the bleed edge, so nothing of them shows inside the bleed a plant may print.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Union

from .display import CMYK, GlyphRun, RuleItem
from .fonts import FontRegistry
from .typeset import TextStyle, set_paragraph
from .units import mm

# Registration colour: ink on every plate, so the marks show on each separation (套准色).
REGISTRATION: CMYK = (1.0, 1.0, 1.0, 1.0)
MARK_LENGTH = mm(5)
MARK_WIDTH = 0.25
TARGET_RADIUS = mm(1.8)
SLUG_SIZE = 6.5


@dataclass(frozen=True)
class Circle:
    """A stroked circle (the ring of a registration target)."""

    cx: float
    cy: float
    r: float
    width: float = MARK_WIDTH
    color: CMYK = REGISTRATION


@dataclass(frozen=True)
class SlugInfo:
    """What the slug line says: section 版名, page 版次, date, edition 版别, export time."""

    section: str = ""
    page: str = ""
    date: str = ""
    edition: str = ""
    exported: str = ""

    def text(self) -> str:
        parts = [self.section, self.page, self.date, self.edition]
        if self.exported:
            parts.append(f"导出 {self.exported}")
        return "  ·  ".join(p for p in parts if p)


Mark = Union[RuleItem, Circle, GlyphRun]


def crop_marks(width: float, height: float, bleed: float) -> list[RuleItem]:
    """Eight short lines on the trim lines, each starting at the bleed edge (角线)."""
    out: list[RuleItem] = []
    near, far = bleed, bleed + MARK_LENGTH
    for x in (0.0, width):
        for y, sign in ((0.0, -1), (height, 1)):
            out.append(RuleItem(x, y + sign * near, x, y + sign * far, MARK_WIDTH, REGISTRATION))
    for y in (0.0, height):
        for x, sign in ((0.0, -1), (width, 1)):
            out.append(RuleItem(x + sign * near, y, x + sign * far, y, MARK_WIDTH, REGISTRATION))
    return out


def registration_marks(width: float, height: float, bleed: float) -> list[Union[RuleItem, Circle]]:
    """A ring with cross hairs centred on each side, in the band beyond the bleed (套准线)."""
    d = bleed + MARK_LENGTH / 2 + TARGET_RADIUS / 2
    centres = [(width / 2, -d), (width / 2, height + d), (-d, height / 2), (width + d, height / 2)]
    out: list[Union[RuleItem, Circle]] = []
    arm = TARGET_RADIUS * 1.5
    for cx, cy in centres:
        out.append(Circle(cx, cy, TARGET_RADIUS))
        out.append(RuleItem(cx - arm, cy, cx + arm, cy, MARK_WIDTH, REGISTRATION))
        out.append(RuleItem(cx, cy - arm, cx, cy + arm, MARK_WIDTH, REGISTRATION))
    return out


def slug_runs(info: SlugInfo, width: float, height: float, bleed: float,
              fonts: Optional[FontRegistry] = None) -> list[GlyphRun]:
    """The slug line below the bottom-left corner, beyond the bleed, in 100 K."""
    text = info.text()
    if not text:
        return []
    style = TextStyle(role="hei", size=SLUG_SIZE, indent=0.0, align="left")
    lines = set_paragraph(text, width / 2 - mm(12), style, fonts)
    if not lines:
        return []
    baseline = height + bleed + MARK_LENGTH - 1.0
    return lines[0].runs(mm(8), baseline, style, role="slug")


def page_marks(width: float, height: float, bleed: float, info: SlugInfo,
               fonts: Optional[FontRegistry] = None) -> list[Mark]:
    """All marks of one page: crop marks, registration targets and the slug line."""
    return [*crop_marks(width, height, bleed), *registration_marks(width, height, bleed),
            *slug_runs(info, width, height, bleed, fonts)]
