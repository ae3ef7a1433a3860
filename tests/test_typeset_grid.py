"""Character grid 字符网格 (TYPOGRAPHY.md G1, P5; clreq 3.2.5, 3.1.7): with TextStyle.char_grid,
full-width characters line up column to column, only 、，。 hang, Latin runs take whole cells —
on the exact-metric test font, the bundled Noto Serif SC / TC and the sample page's copy."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings, strategies as st

from layout.cjk import STRICT, char_class, HAN as HAN_CLASS
from layout.fonts import default_registry
from layout.typeset import TextStyle, set_paragraph
from testfont import FONT_SETS, font_env, test_fonts
from test_typeset_property import paragraph

SIZE = 10.0
EM = SIZE
SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "jiceng-page.txt"
env = pytest.fixture(params=list(FONT_SETS))(font_env)


def gset(text, measure_em, env, **kw):
    fonts, script = env
    kw.setdefault("indent", 0.0)
    return set_paragraph(text, measure_em * EM, TextStyle(size=SIZE, script=script, char_grid=True, **kw), fonts)


def text_of(ln):
    return "".join(g.text for g in ln.glyphs)


def is_han(ch: str) -> bool:
    return char_class(ch) == HAN_CLASS and ch != "\u3000"


def on_em(x: float, em: float = EM) -> bool:
    return abs(x / em - round(x / em)) * em <= 0.01


def sample_paragraphs() -> list[str]:
    text = SAMPLE.read_text(encoding="utf-8")
    table = str.maketrans({",": "，", "(": "（", ")": "）", ";": "；", ":": "：", "?": "？", "!": "！"})
    return [p.strip().translate(table) for p in text.split("\n\n") if p.strip()]


def beyond_edge(ln, measure):
    return [g for g in ln.glyphs if g.text.strip() and g.pos + 0.01 >= measure]


@pytest.mark.parametrize("script,measure_em", [("sc", 13), ("sc", 11), ("tc", 13), ("sc", 17)])
def test_g1_grid_han_on_whole_ems_on_sample_copy(script, measure_em):
    """Every Han character of the sample starts a whole number of ems from the column edge, on
    every line the grid can hold; a line flagged off_grid had no whole-cell room (≤ 8%) and is
    still flush."""
    fonts = default_registry()
    style = TextStyle(size=9.0, script=script, char_grid=True)
    measure = measure_em * 9.0
    lines = off = 0
    for para in sample_paragraphs():
        for ln in set_paragraph(para, measure, style, fonts):
            lines += 1
            if not ln.last:
                assert abs(ln.width - measure) <= 0.01, text_of(ln)
            if ln.off_grid:
                off += 1
                continue
            for g in ln.glyphs:
                if is_han(g.text):
                    assert on_em(g.pos, 9.0), (text_of(ln), g.text, g.pos / 9.0)
            assert ln.violations == 0
    assert off <= 0.08 * lines, (off, lines)  # pushed-out lines with no run to widen are spread


def test_g1_grid_characters_line_up_column_to_column(env):
    text = "他说：“你好。”他们在街道社区同心食堂里吃饭，一二三四五六七八九十中文字测试天地人大小上下国家"
    lines = gset(text, 10, env, indent=2.0)
    assert lines[0].glyphs[0].pos == pytest.approx(2 * EM)
    columns = [[g.pos for g in ln.glyphs if g.pos < 10 * EM - 0.01] for ln in lines]
    for ln, xs in zip(lines, columns):
        assert all(on_em(x) for x in xs), text_of(ln)
    # no adjacent-pair compression: ：“ and 。” take two full cells each
    g = lines[0].glyphs
    assert [x.pos / EM for x in g[:8]] == pytest.approx([2, 3, 4, 5, 6, 7, 8, 9])


def test_p5_grid_hangs_only_pause_marks_one_per_line(env):
    lines = gset("一二三四五六七八九十，一二三四五六七八九十。一二三四五六七八九十、一二", 10, env)
    assert [ln.hung for ln in lines] == [True, True, True, False]
    for ln in lines:
        hung = beyond_edge(ln, 10 * EM)
        if ln.hung:
            assert len(hung) == 1 and hung[0] is ln.glyphs[-1] and hung[0].text in "、，。"
            assert hung[0].pos == pytest.approx(10 * EM)
            assert ln.width == pytest.approx(10 * EM)
        else:
            assert not hung


@pytest.mark.parametrize("tail", ["。”", "？", "！”", "；", "）"])
def test_p5_grid_never_hangs_a_run_or_other_marks_spreads_instead(env, tail):
    # the mark cannot hang: 九 goes down and, with no narrow run to take the cell, the line is
    # spread evenly (flagged off_grid) rather than given a one-em hole after the comma
    lines = gset("一，二三四五六七八十" + tail + "一二三四五六", 10, env)
    first = lines[0]
    assert text_of(first) == "一，二三四五六七八"
    assert not beyond_edge(first, 10 * EM) and first.off_grid
    pos = [g.pos for g in first.glyphs]
    steps = [b - a for a, b in zip(pos, pos[1:])]
    assert max(steps) - min(steps) < 0.01  # evenly spread, no hole
    assert first.width == pytest.approx(10 * EM)
    assert not STRICT.bad_start(lines[1].glyphs[1].text) or lines[1].glyphs[0].text == "十"
    assert sum(ln.violations for ln in lines) == 0


def test_grid_latin_run_takes_whole_cells(env):
    fonts, _ = env
    for token in ("ABC", "LOFT", "2000", "12.1%", "New York"):
        lines = gset("中文" + token + "中文字测试一二三四五六七八", 20, env, align="left")
        g = lines[0].glyphs
        k = 2 + len(token)
        after = g[k].pos
        assert on_em(after), token
        ink_l, ink_r = g[2].pos, g[k - 1].pos + g[k - 1].advance
        left_gap, right_gap = ink_l - 2 * EM, after - ink_r
        assert left_gap == pytest.approx(right_gap, abs=0.01)  # spare room split evenly
        assert left_gap >= EM / 8 - 0.01
        assert left_gap < EM / 8 + EM / 2 + 0.01  # never a whole cell more than it needs
    if fonts.primary("body").key.startswith("BanmianTest"):
        g = gset("中文ABC中文", 20, env)[0].glyphs  # 1½ em of letters + ⅛ em a side: 2 cells
        assert g[2].pos == pytest.approx(2.25 * EM) and g[5].pos == pytest.approx(4 * EM)


def test_grid_latin_run_at_line_edges_is_flush(env):
    lines = gset("一二三四五六七八九十一二三四五六七LOFT式新社会阶层人士统战工作", 10, env)
    for ln in lines[:-1]:
        assert abs(ln.width - 10 * EM) <= 0.01
    starts = [ln for ln in lines if ln.glyphs[0].text == "L"]
    for ln in starts:
        assert ln.glyphs[0].pos == pytest.approx(0.0)


def test_grid_column_not_whole_ems_shares_the_rest_evenly(env):
    lines = gset("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十", 10.45, env)
    pitch = (10.45 - 1) / 9 * EM
    for ln in lines:
        for c, g in enumerate(ln.glyphs):
            assert g.pos == pytest.approx(c * pitch, abs=0.01)
    for ln in lines[:-1]:
        assert ln.width == pytest.approx(10.45 * EM, abs=0.01)


def test_grid_no_single_character_last_line(env):
    for n in range(11, 40):
        text = ("一二三四五六七八九十，" * 4)[:n - 1] + "。"
        lines = gset(text, 10, env, indent=2.0)
        assert not lines[-1].orphan, (n, [text_of(x) for x in lines])
        for ln in lines[:-1]:
            assert abs(ln.width - 10 * EM) <= 0.01


def test_grid_vertical_cells(env):
    fonts, script = env
    lines = gset("共有10分钟，一二三四五六七八九十“同心”，LOFT式新社会阶层人士统战工作", 10, env, vertical=True)
    for ln in lines:
        for g in ln.glyphs:
            if is_han(g.text) and not ln.off_grid:
                assert on_em(g.pos), text_of(ln)
    g = lines[0].glyphs
    assert g[2].pos == g[3].pos == pytest.approx(2 * EM)  # 10 upright in one cell (纵中横)
    assert g[4].pos == pytest.approx(3 * EM)


def test_grid_style_is_off_by_default():
    assert TextStyle().char_grid is False


@settings(max_examples=60, deadline=None)
@given(paragraph, st.integers(min_value=12, max_value=24), st.sampled_from([0.0, 2.0]),
       st.sampled_from(["test", "noto-sc"]))
@example("一2021－2025AAAAA AAAAA", 12, 0.0, "test")  # found at 8 em: an unbreakable run as wide as the line
def test_grid_composition_properties(text, measure_em, indent, font):
    """Random mixes of ideographs, Latin words, numbers and punctuation in grid mode: nothing
    lost, added or reordered; lines inside the measure but for one hung 、，。; non-last lines
    flush; Han on whole ems on every line not flagged off_grid; violations as counted."""
    fonts = test_fonts() if font == "test" else default_registry()
    style = TextStyle(size=SIZE, indent=indent, char_grid=True)
    measure = measure_em * SIZE
    lines = set_paragraph(text, measure, style, fonts)
    assert lines[0].start == 0 and lines[-1].end == len(text)
    assert all(a.end == b.start for a, b in zip(lines, lines[1:]))
    assert "".join(text_of(ln) for ln in lines) == text
    assert [g.offset for ln in lines for g in ln.glyphs] == list(range(len(text)))
    for k, ln in enumerate(lines):
        vis = [g for g in ln.glyphs if g.text.strip()]
        assert ln.width <= measure + 0.01
        assert min(g.pos for g in ln.glyphs) >= -0.01
        out = [g for g in vis if g.pos + g.advance > measure + 0.01 and g.pos + 0.01 < measure]
        assert not out, text_of(ln)  # nothing crosses the edge
        hung = beyond_edge(ln, measure)
        assert len(hung) == ln.hung and (not hung or (hung[0] is vis[-1] and hung[0].text in "、，。"))
        if not ln.last:
            assert abs(ln.width - measure) <= 0.01, text_of(ln)
            assert abs(vis[0].pos - (indent * SIZE if k == 0 else 0.0)) <= 0.01
        if not ln.off_grid:
            assert all(on_em(g.pos - (indent * SIZE if k == 0 else 0.0)) for g in vis if is_han(g.text))
        observed = (k > 0 and STRICT.bad_start(vis[0].text)) + STRICT.bad_end(vis[-1].text)
        assert ln.violations == observed
        if observed:
            # only where no legal break exists: a Western word, number or ——/…… (taking whole
            # cells, so wider than in the default engine) fills what the line has left
            near = text_of(ln) + (text_of(lines[k - 1]) if k else "")
            assert (k == 1 and indent) or re.search(r"[A-Za-z0-9—…]", near), [text_of(x) for x in lines]


@pytest.mark.parametrize("grid", [False, True])
def test_a_cluster_wider_than_any_line_starts_on_the_short_line(grid):
    """A run that no line can hold (a long number range glued to a word) is split wherever it
    starts; it starts right after the line's last legal break, so that line is filled, not left
    short with one character on it."""
    fonts = default_registry()
    text = "一2021－2025AAAAA AAAAA"
    lines = set_paragraph(text, 8 * SIZE, TextStyle(size=SIZE, char_grid=grid), fonts)
    assert text_of(lines[0]).startswith("一2021")
    for ln in lines[:-1]:
        assert abs(ln.width - 8 * SIZE) <= 0.01, [text_of(x) for x in lines]
    assert "".join(text_of(ln) for ln in lines) == text
