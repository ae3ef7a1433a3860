"""Vertical setting 竖排: which glyph a character takes in a vertical line, and where it sits.

Brackets, quotes, dashes and ellipses take their vertical presentation forms (U+FE10–FE19,
FE30–FE4F, clreq table 5.5); pause marks take theirs only when the font draws the horizontal
mark off-centre (SC lower-left) — a TC font's centred mark is right as it is (clreq 3.1.2).
Latin is turned 90° clockwise; numbers of one or two digits stand upright side by side (纵中横).
"""
from __future__ import annotations

from typing import Callable, Optional

from .cjk import ROTATE_IN_VERTICAL, VERTICAL_FORMS, VERTICAL_PAUSE
from .fonts import Face

# Top of the ideographic em box above the baseline, in ems (the CJK fonts' -120/880 em box):
# an upright glyph's baseline origin sits this far below the top of its cell.
EM_TOP = 0.88
# Largest upright run set side by side within one em (纵中横, clreq 3.2.3).
TATECHUYOKO_MAX = 2


def is_centred(face: Face, ch: str) -> bool:
    """True when the font draws the mark in the middle of its em box (Traditional style)."""
    b = face.bounds(face.gid(ch))
    if b is None:
        return False
    cx, cy = (b[0] + b[2]) / 2, (b[1] + b[3]) / 2
    centre_y = EM_TOP - 0.5
    return abs(cx - 0.5) < 0.15 and abs(cy - centre_y) < 0.2


def vertical_char(ch: str, resolve: Callable[[str], Optional[Face]]) -> tuple[str, bool]:
    """The character to draw for `ch` in a vertical line and whether it is turned 90° clockwise.

    `resolve` finds the face that would draw a character (None: no font has it).
    """
    if ch in VERTICAL_PAUSE:
        face = resolve(ch)
        if face is not None and is_centred(face, ch):
            return ch, False
    form = VERTICAL_FORMS.get(ch)
    if form is not None and resolve(form) is not None:
        return form, False
    if form is not None or ch in ROTATE_IN_VERTICAL:
        return ch, True  # no vertical form in any font: turn the horizontal mark
    return ch, False


def upright_cross(advance: float) -> float:
    """Shift of an upright glyph's origin from the line's axis: centred on the axis."""
    return -advance / 2


def rotated_cross(size: float) -> float:
    """Shift of a turned glyph's origin (its baseline, now vertical) from the axis, so that
    the em box from descender to ascender is centred on the axis."""
    return -(EM_TOP - 0.5) * size


def ink_along(bounds: Optional[tuple[float, float, float, float]], rotated: bool
              ) -> Optional[tuple[float, float]]:
    """The glyph's ink as an interval along a vertical line, in ems from the top of its cell."""
    if bounds is None:
        return None
    if rotated:
        return bounds[0], bounds[2]
    return EM_TOP - bounds[3], EM_TOP - bounds[1]
