"""Property test of line composition over random mixes of ideographs, Latin words, numbers and
punctuation: nothing lost, added or reordered; every line inside its measure; every non-last
line flush to ±0.01 pt; no prohibited line start or end where a legal break exists."""
from __future__ import annotations

from hypothesis import example, given, settings, strategies as st

from layout.cjk import STRICT
from layout.fonts import default_registry
from layout.typeset import TextStyle, set_paragraph
from testfont import test_fonts

SIZE = 9.0
HAN = "一二三四五六七八九十中文字测试天地人大小上下国家社区街道同心"

han = st.text(alphabet=HAN, min_size=1, max_size=4)
word = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGH", min_size=1, max_size=6)
number = st.sampled_from(["1", "12", "2024", "1,234.56", "12.1%", "2021－2025", "¥30", "36.5℃"])
core = st.one_of(han, han, word.map(lambda w: w + " " + w), number, han.map(lambda h: "——" + h),
                 han.map(lambda h: "……" + h))
group = st.tuples(st.sampled_from(["", "", "“", "（", "《"]), core, st.sampled_from(["", "", "”", "）", "》"]),
                  st.sampled_from(["", "", "，", "。", "、", "；", "！"])).map(lambda t: "".join(t))
paragraph = st.lists(group, min_size=1, max_size=30).map("".join)


def check(text: str, measure_em: int, indent: float, fonts) -> None:
    style = TextStyle(size=SIZE, indent=indent)
    measure = measure_em * SIZE
    lines = set_paragraph(text, measure, style, fonts)
    # nothing lost, added or reordered
    assert lines[0].start == 0 and lines[-1].end == len(text)
    assert all(a.end == b.start for a, b in zip(lines, lines[1:]))
    assert "".join(g.text for ln in lines for g in ln.glyphs) == text
    offsets = [g.offset for ln in lines for g in ln.glyphs]
    assert offsets == list(range(len(text)))
    for k, ln in enumerate(lines):
        vis = [g for g in ln.glyphs if g.text.strip()]
        # inside the measure
        assert ln.width <= measure + 0.01
        assert min(g.pos for g in ln.glyphs) >= -0.01
        # flush both edges
        if not ln.last:
            assert abs(ln.width - measure) <= 0.01, (k, "".join(g.text for g in ln.glyphs))
            assert abs(vis[0].pos - (indent * SIZE if k == 0 else 0.0)) <= 0.01
        # prohibitions: counted where they occur; and the generator keeps every unbreakable run
        # (the longest: 《2021－2025》！—— ≈ 10 em) shorter than the line (measures of 12 em and
        # more), so a legal break is always within reach — except on the first
        # line, whose indent can leave less room than the run needs ("1,234.56，——" after 2 em)
        observed = (k > 0 and STRICT.bad_start(vis[0].text)) + STRICT.bad_end(vis[-1].text)
        assert ln.violations == observed
        if observed and k == 1 and indent:
            # what line 0 would need to keep the prohibited start: its text, its line-end mark
            # at full width again, and the whole unbreakable start (both halves of ——)
            last = lines[0].glyphs[-1]
            cut = SIZE - last.advance if last.text in "，。、；：？！" else 0.0
            head = sum(g.advance for g in ln.glyphs[:2] if g.text == vis[0].text)
            need = lines[0].width - indent * SIZE + cut + head
            assert need > measure - indent * SIZE - 0.01, [("".join(g.text for g in x.glyphs)) for x in lines]
        else:
            assert observed == 0, [("".join(g.text for g in x.glyphs)) for x in lines]


@settings(max_examples=80, deadline=None)
@given(paragraph, st.integers(min_value=12, max_value=24), st.sampled_from([0.0, 2.0]))
def test_composition_properties_test_font(text, measure_em, indent):
    check(text, measure_em, indent, test_fonts())


@settings(max_examples=40, deadline=None)
@given(paragraph, st.integers(min_value=12, max_value=24), st.sampled_from([0.0, 2.0]))
@example("1,234.56，——一", 12, 2.0)
@example("一一“2021－2025——一一一一", 12, 0.0)  # found by hypothesis at 8 em: a run longer than the line
def test_composition_properties_noto_sc(text, measure_em, indent):
    check(text, measure_em, indent, default_registry())
