"""Combining marks: drawn over the character before them, taking no room; never dropped."""
import pytest

from layout.fonts import default_registry
from layout.typeset import TextStyle, set_paragraph

SIZE = 24.0


def test_combining_mark_is_centred_over_its_base():
    (line,) = set_paragraph("Jose\u0301", 500, TextStyle(size=SIZE, indent=0.0))
    e, mark = line.glyphs[-2], line.glyphs[-1]
    assert mark.text == "\u0301" and mark.gid != 0 and mark.advance == 0
    face = default_registry().face(mark.font)
    x0, _, x1, _ = face.bounds(mark.gid)
    ink_centre = mark.pos + (x0 + x1) / 2 * SIZE
    assert ink_centre == pytest.approx(e.pos + e.advance / 2, abs=0.01)
    assert line.width == pytest.approx(e.pos + e.advance, abs=0.01)  # the mark added no width


def test_decomposed_and_precomposed_take_the_same_room():
    st = TextStyle(size=SIZE, indent=0.0)
    (a,) = set_paragraph("José Martí", 500, st)
    (b,) = set_paragraph("Jose\u0301 Marti\u0301", 500, st)
    assert b.width == pytest.approx(a.width, abs=0.6)


def test_a_mark_no_font_has_is_a_reported_box():
    (line,) = set_paragraph("a\U0001E94A", 500, TextStyle(size=SIZE, indent=0.0))  # Adlam nukta
    assert [g.text for g in line.glyphs] == ["a", "\U0001E94A"]
    assert line.glyphs[-1].tofu and line.tofu == 1
