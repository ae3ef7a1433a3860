"""Vertical setting 竖排 (TYPOGRAPHY.md §7), fallback fonts and tofu, and page positions from
SetLine.runs, on the test font and the bundled Noto Serif SC / TC."""
from __future__ import annotations

import unicodedata

import pytest

from layout.cjk import STRICT
from layout.fonts import default_registry
from layout.typeset import TextStyle, set_paragraph
from testfont import test_fonts

SIZE = 10.0


def vset(text, measure_em, fonts, script="sc", **kw):
    style = TextStyle(size=SIZE, script=script, indent=0.0, vertical=True, **kw)
    return set_paragraph(text, measure_em * SIZE, style, fonts), style


@pytest.fixture(params=["test", "noto"])
def fonts(request):
    return test_fonts() if request.param == "test" else default_registry()


def test_vertical_brackets_quotes_and_dashes_use_vertical_forms(fonts):
    lines, _ = vset("他说“你好”（一）——《中》……", 30, fonts)
    drawn = "".join(g.text for g in lines[0].glyphs)
    for ch in "“”（）—《》…":
        assert ch not in drawn
    assert "\ufe41" in drawn and "\ufe42" in drawn  # quotes become corner brackets (V2)
    assert all(not g.rotated for g in lines[0].glyphs)


def test_vertical_latin_turned_and_two_digits_upright(fonts):
    lines, style = vset("共LOFT式10分钟2024年", 30, fonts)
    g = {x.offset: x for x in lines[0].glyphs}
    assert all(g[k].rotated for k in range(1, 5))           # LOFT lies down
    assert not g[6].rotated and not g[7].rotated             # 10 stands upright, side by side
    assert g[6].pos == g[7].pos
    assert g[7].cross > g[6].cross
    assert g[9].pos - g[6].pos == pytest.approx(2 * SIZE, abs=0.01)  # 10 takes one em, 分 the next
    assert all(g[k].rotated for k in range(10, 14))          # four digits are turned like Latin


def test_vertical_pause_marks_top_right_sc_centred_tc():
    fonts = default_registry()
    for script, font_key in (("sc", "NotoSerifSC"), ("tc", "NotoSerifTC")):
        lines, style = vset("中文，文字。", 20, fonts, script=script)
        (run,) = [r for r in lines[0].runs(100.0, 50.0, style) if r.font.startswith(font_key)]
        for k, ch in enumerate(run.text):
            if unicodedata.normalize("NFKC", ch) not in "，。":
                continue
            face = fonts.face(run.font)
            b = face.bounds(run.glyphs[k])
            top = run.ys[k] - 0.88 * SIZE                      # top of the glyph's cell
            ink_cx = run.xs[k] + (b[0] + b[2]) / 2 * SIZE - 100.0  # relative to the axis
            ink_cy = run.ys[k] - (b[1] + b[3]) / 2 * SIZE - top     # from the top of the cell
            if script == "sc":
                assert ink_cx > 0.1 * SIZE and ink_cy < 0.45 * SIZE, (ch, ink_cx, ink_cy)
            else:
                assert abs(ink_cx) < 0.15 * SIZE and abs(ink_cy - 0.5 * SIZE) < 0.2 * SIZE, (ch, ink_cx, ink_cy)


def test_vertical_runs_put_upright_glyphs_on_the_axis(fonts):
    lines, style = vset("一二三四五六七八九十", 4, fonts)
    assert [len(ln.glyphs) for ln in lines] == [4, 4, 2]
    runs = lines[1].runs(200.0, 30.0, style)
    xs = [x for r in runs for x in r.xs]
    ys = [y for r in runs for y in r.ys]
    adv = lines[1].glyphs[0].advance
    assert all(x == pytest.approx(200.0 - adv / 2) for x in xs)
    assert ys == pytest.approx([30.0 + k * SIZE + 0.88 * SIZE for k in range(4)])
    assert all(r.vertical for r in runs)


def test_vertical_prohibitions_and_line_end_compression(fonts):
    lines, _ = vset("一二三四五六七八九，一二三四五六七八九。一二三", 9.5, fonts)
    for ln in lines[1:]:
        first = unicodedata.normalize("NFKC", ln.glyphs[0].text)
        assert not STRICT.bad_start(first)
    for ln in lines[:-1]:
        assert abs(ln.width - 9.5 * SIZE) <= 0.01
        assert ln.glyphs[-1].pos + 0.5 * SIZE == pytest.approx(9.5 * SIZE, abs=0.02)


def test_fallback_font_per_character():
    fonts = test_fonts()
    lines = set_paragraph("一龍二", 100, TextStyle(size=SIZE, indent=0), fonts)
    g = lines[0].glyphs
    assert g[0].font == "BanmianTestSC" and g[1].font == "BanmianTestTC" and g[2].font == "BanmianTestSC"
    assert g[2].pos - g[1].pos == pytest.approx(SIZE)  # measured with the fallback font (1 em)


def test_tofu_kept_visible_and_counted(fonts):
    lines = set_paragraph("一ᚠ二", 100, TextStyle(size=SIZE, indent=0), fonts)
    g = lines[0].glyphs
    assert "".join(x.text for x in g) == "一ᚠ二"
    assert g[1].tofu and g[1].gid == 0 and g[1].advance > 0
    assert lines[0].tofu == 1
    assert g[2].pos > g[1].pos
