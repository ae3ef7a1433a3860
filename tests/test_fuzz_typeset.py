"""Fuzz the typesetter (set_paragraph, SetLine.runs) with hostile text, measures and styles:
no exception, every call bounded, no character lost (each one placed, or placed as tofu)."""
import math

from hypothesis import given, strategies as st

from fuzz_support import bounded, budget, hostile_str, nonspace, tally
from layout.errors import UserError
from layout.fonts import default_registry
from layout.typeset import TextStyle, set_paragraph

measures = st.one_of(st.floats(min_value=-50, max_value=2000, allow_nan=False), st.sampled_from([0.0, 1e-9, 1e7]))
sizes = st.one_of(st.floats(min_value=0.5, max_value=200), st.sampled_from([0.0, -9.0, 1e4]))
styles = st.builds(
    TextStyle, role=st.sampled_from(["body", "song", "hei", "heavy", "kai", "no-such-role"]), size=sizes,
    script=st.sampled_from(["sc", "tc"]), indent=st.sampled_from([0.0, 2.0, -3.0, 500.0]),
    align=st.sampled_from(["justify", "left", "center", "right"]),
    tracking=st.sampled_from([0.0, 0.03, -0.03, -0.5, 0.5, 5.0]),  # layout allows ±0.5 (limits.py)
    cjk_latin_space=st.sampled_from([0.25, 0.0]), compress_pairs=st.sampled_from(["1.5em", "1em"]),
    vertical=st.booleans())


def _set(text, measure, style):
    tally("typesetter")
    with bounded(f"set_paragraph({len(text)} chars, measure {measure}, size {style.size})"):
        try:
            return set_paragraph(text, measure, style, default_registry())
        except UserError:
            tally("typesetter: refused (UserError)")
            return None


@budget(120)
@given(hostile_str, measures, styles)
def test_fuzz_set_paragraph_loses_no_character(text, measure, style):
    lines = _set(text, measure, style)
    if lines is None:
        return
    # every character in exactly one line, in order
    assert [ln.start for ln in lines[1:]] == [ln.end for ln in lines[:-1]]
    if lines:
        assert lines[0].start == 0 and lines[-1].end == len(text)
    else:
        assert text == ""
    placed = "".join(g.text for ln in lines for g in ln.glyphs)
    assert nonspace(placed, style.vertical) == nonspace(text, style.vertical), "characters lost or added"
    sane = 0 < measure < 1e6 and 0 < style.size < 1e3
    if sane:
        for ln in lines:
            runs = ln.runs(10.0, 20.0, style, "s", 0)
            for r in runs:
                assert all(math.isfinite(v) for v in r.xs + r.ys)
                assert len(r.glyphs) == len(r.text) == len(r.xs) == len(r.ys)


@budget(15)
@given(st.sampled_from(["W", "—", "…", "8", "字", "，", "\u0627", "👍🏽", "\U00020000"]),
       st.integers(5_000, 20_000), st.sampled_from([50.0, 200.0, 700.0]), st.booleans())
def test_fuzz_long_paragraph_without_break_opportunity(ch, n, measure, vertical):
    text = ch * (n // len(ch))
    lines = _set(text, measure, TextStyle(vertical=vertical))
    assert nonspace("".join(g.text for ln in lines for g in ln.glyphs), vertical) == nonspace(text, vertical)


def test_private_use_and_unassigned_characters_are_tofu_not_dropped():
    """Regression: cjk.char_class called private-use (U+E000, a 生僻字 in a vendor font's PUA) and
    characters newer than Python's Unicode tables (CJK Ext H U+31350, Ext I U+2EBF0) invisible, so
    the typesetter dropped them silently. Now each is a tofu glyph, kept and reported."""
    for ch in ("\ue000", "\U00031350", "\U0002EBF0", "\u0590"):
        glyphs = [g for ln in set_paragraph("字" + ch + "字", 100.0, TextStyle(indent=0.0)) for g in ln.glyphs]
        assert [g.text for g in glyphs] == ["字", ch, "字"]
        assert glyphs[1].tofu and glyphs[1].gid == 0
