"""Page presets: Chinese broadsheet 对开 and tabloid 四开, and custom sizes in millimetres.

Sources for the figures (trim sizes as finished by the press, rounded to the mm):
- 对开 (broadsheet): the 787 × 1092 mm web folded once, trimmed to about 390 × 545 mm — the
  size of 人民日报 and most provincial dailies (GB/T 788 paper sizes; 中国记协《报纸编辑》教材
  lists 8 columns (栏) of 小五 body text as the usual 对开 grid).
- 四开 (tabloid): half of 对开, about 270 × 390 mm, usually 5 or 6 columns.
- 小五 = 9 pt, 五号 = 10.5 pt (the Chinese type-size table, GB/T 12200 / 字号 convention).
- Bleed: 3 mm, the print industry's default.
Margins give a type area (版心) of about 354 × 490 mm (对开) and 240 × 350 mm (四开), in the
range the same sources give; the top margin holds the page header band (报眉).
"""
from __future__ import annotations

import re

from .errors import UserError
from .model import PageSpec
from .units import mm

BODY_XIAOWU = 9.0  # 小五
BLEED = mm(3)


def broadsheet() -> PageSpec:
    return PageSpec(width=mm(390), height=mm(545), bleed=BLEED,
                    margin_top=mm(32), margin_bottom=mm(22), margin_left=mm(18), margin_right=mm(18),
                    columns=8, gutter=9.0, body_size=BODY_XIAOWU, leading=13.0,
                    header_height=mm(12), name="broadsheet")


def tabloid() -> PageSpec:
    return PageSpec(width=mm(270), height=mm(390), bleed=BLEED,
                    margin_top=mm(26), margin_bottom=mm(16), margin_left=mm(15), margin_right=mm(15),
                    columns=5, gutter=9.0, body_size=BODY_XIAOWU, leading=13.0,
                    header_height=mm(10), name="tabloid")


def a3() -> PageSpec:
    return PageSpec(width=mm(297), height=mm(420), bleed=BLEED,
                    margin_top=mm(26), margin_bottom=mm(16), margin_left=mm(14), margin_right=mm(14),
                    columns=6, gutter=9.0, body_size=BODY_XIAOWU, leading=13.0,
                    header_height=mm(10), name="a3")


PRESETS = {"broadsheet": broadsheet, "对开": broadsheet, "tabloid": tabloid, "四开": tabloid, "a3": a3}

_CUSTOM = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*[x×*]\s*(\d+(?:\.\d+)?)\s*(mm)?\s*$", re.I)


def page_spec(name: str, columns: int | None = None) -> PageSpec:
    """A preset by name (broadsheet|tabloid|a3|对开|四开) or a custom size 'WxHmm'."""
    from dataclasses import replace

    key = name.strip().lower()
    if key in PRESETS:
        spec = PRESETS[key]()
    else:
        m = _CUSTOM.match(name)
        if not m:
            raise UserError(f"unknown page size '{name}'",
                            hint="use broadsheet, tabloid, a3, or a custom size like 300x420mm")
        w, h = float(m.group(1)), float(m.group(2))
        if not (100 <= w <= 1200 and 100 <= h <= 1200):
            raise UserError(f"page size {w:g} × {h:g} mm is out of range",
                            hint="width and height must be between 100 and 1200 mm")
        base = tabloid() if w < 330 else broadsheet()
        sx = w / (base.width / mm(1))
        cols = max(1, round(base.columns * sx))
        spec = replace(base, width=mm(w), height=mm(h), columns=cols, name=f"{w:g}x{h:g}mm",
                       margin_left=base.margin_left * min(sx, 1.2),
                       margin_right=base.margin_right * min(sx, 1.2))
    if columns is not None:
        if not 1 <= columns <= 20:
            raise UserError(f"{columns} columns is out of range", hint="use 1 to 20 columns")
        spec = replace(spec, columns=columns)
    return spec
