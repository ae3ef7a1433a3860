"""The page header 版头/报眉: section name, page number, date, edition and editor above the type area."""
from __future__ import annotations

from dataclasses import replace
from typing import Optional

from .display import BLACK, WHITE, BoxItem, GlyphRun, Item, RuleItem
from .fonts import FontRegistry, default_registry
from .model import Grid, PageHeader, PageSpec
from .typeset import TextStyle, set_paragraph


def page_label(header: PageHeader, index: int) -> str:
    """The page's number as jump lines and the header print it: the header's number, else index + 1."""
    return header.number.strip() or str(index + 1)


def _text(text: str, x: float, y: float, style: TextStyle, fonts: FontRegistry, align: str = "left",
          role: str = "header") -> list[GlyphRun]:
    lines = set_paragraph(text, 1e6, style, fonts)
    if not lines:
        return []
    w = lines[0].width
    if align == "right":
        x -= w
    elif align == "center":
        x -= w / 2
    return [replace(r, offsets=(-1,) * len(r.glyphs)) for r in lines[0].runs(x, y, style, "", 0, role)]


def header_items(header: PageHeader, spec: PageSpec, grid: Grid, index: int, script: str = "sc",
                 fonts: Optional[FontRegistry] = None) -> list[Item]:
    """Draw the header band in the top margin: a black section plate at the left with the section
    name reversed out, page number, date and paper name on one line, editor at the right, and the
    thick-thin rule pair that closes the band — as a provincial daily prints its 报眉."""
    fonts = fonts or default_registry()
    if not any((header.paper, header.section, header.number, header.date, header.edition, header.editor)):
        return []
    items: list[Item] = []
    left, right = grid.left, grid.left + grid.width
    band_bottom = grid.top - 8.0
    band_top = band_bottom - spec.header_height
    base = band_bottom - 9.0
    x = left
    if header.section:
        size = min(22.0, spec.header_height * 0.6)
        st = TextStyle(role="heavy", size=size, script=script, indent=0.0, align="left", color=WHITE)
        w = len(header.section) * size + size
        items.append(BoxItem(left, band_top + 2, w, band_bottom - band_top - 6, fill=BLACK))
        items += _text(header.section, left + w / 2, band_bottom - 4 - (band_bottom - band_top - 6 - size) / 2
                       - 0.12 * size, st, fonts, "center")
        x = left + w + 12
    small = TextStyle(role="body", size=10.5, script=script, indent=0.0, align="left")
    bits = []
    if header.number:
        bits.append(f"第{header.number}版" if header.number.isdigit() else header.number)
    if header.date:
        bits.append(header.date)
    if header.edition:
        bits.append(header.edition)
    if bits:
        items += _text("　".join(bits), x, base, small, fonts)
    if header.paper:
        items += _text(header.paper, (left + right) / 2 + 60, base, TextStyle(
            role="song", size=14.0, script=script, indent=0.0, align="left"), fonts, "center")
    if header.editor:
        items += _text(f"责任编辑　{header.editor}", right, base,
                       TextStyle(role="kai", size=10.5, script=script, indent=0.0, align="left"), fonts, "right")
    items.append(RuleItem(left, band_bottom, right, band_bottom, width=2.0))
    items.append(RuleItem(left, band_bottom + 2.5, right, band_bottom + 2.5, width=0.5))
    return items
