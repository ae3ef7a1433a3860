"""The typesetter builds its SetGlyph and SetLine instances by filling their __dict__ (a frozen
dataclass's __init__ is three times slower): they must be exactly what the constructor makes —
every field set, in field order — so a field added to either class is not silently left out."""
from __future__ import annotations

from dataclasses import fields, replace

import pytest

from layout.fonts import default_registry
from layout.typeset import SetGlyph, SetLine, TextStyle, set_paragraph

TEXT = "临近中午，杭州市上城区“蓝天·同心荟”幸福食堂内已香气四溢——糖醋里脊、白切鸡……2025年 GDP 增长 5.2%。e\u0301"


@pytest.mark.parametrize("style", [TextStyle(size=9.0), TextStyle(size=9.0, vertical=True),
                                   TextStyle(size=9.0, char_grid=True)], ids=["horizontal", "vertical", "grid"])
def test_set_objects_equal_constructed_ones(style):
    lines = set_paragraph(TEXT, 90.0, replace(style, tracking=1e-9), default_registry())  # not cached
    assert lines and all(ln.glyphs for ln in lines)
    for cls, objs in ((SetLine, lines), (SetGlyph, [g for ln in lines for g in ln.glyphs])):
        names = [f.name for f in fields(cls)]
        for obj in objs:
            assert list(vars(obj)) == names
            made = cls(**vars(obj))
            assert made == obj and repr(made) == repr(obj) and hash(made) == hash(obj)
