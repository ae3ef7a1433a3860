"""One test per clreq rule of horizontal setting, on the exact-metric test font and on the
bundled Noto Serif SC / TC (TYPOGRAPHY.md §2–§6)."""
from __future__ import annotations

import pytest

from layout.cjk import STRICT, TRADITIONAL
from layout.typeset import SetLine, TextStyle, set_paragraph
from testfont import FONT_SETS, font_env

SIZE = 10.0
EM = SIZE
env = pytest.fixture(params=list(FONT_SETS))(font_env)


def setp(text, measure_em, env, **kw):
    fonts, script = env
    kw.setdefault("indent", 0.0)
    style = TextStyle(size=SIZE, script=script, **kw)
    return set_paragraph(text, measure_em * EM, style, fonts)


def line_text(ln: SetLine) -> str:
    return "".join(g.text for g in ln.glyphs)


def visible(ln: SetLine):
    return [g for g in ln.glyphs if g.text.strip()]


def assert_flush(lines, measure_em, indent_em=0.0):
    for k, ln in enumerate(lines[:-1]):
        start = indent_em * EM if k == 0 else 0.0
        assert abs(visible(ln)[0].pos - start) < 0.01 or ln.glyphs[0].text in "“‘（《「"
        assert abs(ln.width - measure_em * EM) <= 0.01, (line_text(ln), ln.width)


def test_closing_punct_never_starts_line(env):
    text = "一二三四五六七八九十，一二三四五六七八九十。一二三四五六七八九十”一二三"
    for measure in (10, 9, 11):
        lines = setp(text, measure, env)
        for ln in lines[1:]:
            assert not STRICT.bad_start(visible(ln)[0].text), line_text(ln)
        assert sum(ln.violations for ln in lines) == 0
        assert_flush(lines, measure)


def test_opening_punct_never_ends_line(env):
    text = "一二三四五六七八九“一二三四五六七八（十一二三四五六七八九十一二三四"
    lines = setp(text, 10, env)
    for ln in lines[:-1]:
        assert not STRICT.bad_end(visible(ln)[-1].text), line_text(ln)
    assert sum(ln.violations for ln in lines) == 0
    assert_flush(lines, 10)


def test_push_in_compresses_punctuation_before_pushing_out(env):
    # 。 may not start line 2: taking it in costs ½ em (the ， halves), pushing 九 out costs 1 em
    lines = setp("一二，三四五六七八九。十一二三四五", 10, env)
    first = lines[0]
    assert line_text(first) == "一二，三四五六七八九。"
    assert abs(first.width - 10 * EM) <= 0.01
    g = first.glyphs
    assert g[3].pos - (g[1].pos + EM) == pytest.approx(0.5 * EM, abs=0.01)  # ， set in ½ em


def test_push_out_when_push_in_is_impossible(env):
    lines = setp("一二三四五六七八九十。一二三四五六七", 10, env)
    assert line_text(lines[0]) == "一二三四五六七八九"
    assert line_text(lines[1]).startswith("十。")
    assert_flush(lines, 10)


def test_adjacent_punct_compressed_to_one_and_a_half_em(env):
    fonts, script = env
    lines = setp("他说：“你好。”他们", 20, env)
    g = lines[0].glyphs
    pairs = [(2, 3), (6, 7)]  # ：“ and 。”
    for a, b in pairs:
        extent = g[b].pos + EM - g[a].pos
        if script == "sc":
            assert extent == pytest.approx(1.5 * EM, abs=0.01)
        else:
            assert 1.5 * EM - 0.01 <= extent < 2 * EM  # centred marks keep their ink apart
        _assert_ink_apart(fonts, g[a], g[b])


def _assert_ink_apart(fonts, a, b):
    fa, fb = fonts.face(a.font), fonts.face(b.font)
    ba, bb = fa.bounds(a.gid), fb.bounds(b.gid)
    assert a.pos + ba[2] * EM <= b.pos + bb[0] * EM + 0.01


def test_one_em_pair_style(env):
    fonts, script = env
    if script != "sc":
        pytest.skip("the 1-em pair style is for marks drawn in a half cell")
    lines = setp("他说，“他们", 20, env, compress_pairs="1em")
    g = lines[0].glyphs
    assert g[3].pos + EM - g[2].pos == pytest.approx(1.0 * EM, abs=0.05 * EM)


def test_line_end_punct_set_in_half_em(env):
    fonts, _ = env
    lines = setp("一二三四五六七八九，一二三四五六七八九。一二三", 9.5, env)
    for ln in lines[:-1]:
        last = visible(ln)[-1]
        assert last.text in "，。"
        prev = visible(ln)[-2]
        assert 9.5 * EM - (prev.pos + EM) == pytest.approx(0.5 * EM, abs=0.01)
        b = fonts.face(last.font).bounds(last.gid)
        assert last.pos + b[2] * EM <= 9.5 * EM + 0.01  # ink inside the column


def test_opening_bracket_at_line_start_may_lose_half_em(env):
    lines = setp("一二三四五六七八九十“一二三”四五六七八九十", 10, env, open_half=True)
    first = lines[1].glyphs[0]
    assert first.text == "“"
    _, script = env
    assert first.pos == pytest.approx(-0.5 * EM, abs=0.05 * EM)


def test_cjk_latin_quarter_em_space(env):
    lines = setp("中文ABC中文", 20, env, align="left")
    g = lines[0].glyphs
    assert g[2].pos - (g[1].pos + EM) == pytest.approx(0.25 * EM, abs=0.01)
    assert g[5].pos - (g[4].pos + g[4].advance) == pytest.approx(0.25 * EM, abs=0.01)


def test_cjk_latin_space_switchable(env):
    lines = setp("中文ABC中文", 20, env, align="left", cjk_latin_space=0.0)
    g = lines[0].glyphs
    assert g[2].pos - (g[1].pos + EM) == pytest.approx(0.0, abs=0.01)


@pytest.mark.parametrize("token", ["1,234.56", "12.1%", "2021－2025", "Banmian", "¥300",
                                   "https://w3c.github.io/clreq/", "desk@example.com", "36.5℃"])
def test_latin_words_numbers_and_urls_never_broken(env, token):
    for lead in range(1, 9):
        text = "中" * lead + token + "中文字测试一二三四五六七八九十"
        lines = setp(text, 8 + len(token) // 4, env)
        whole = [line_text(ln) for ln in lines]
        assert any(token in t for t in whole), (token, whole)
        assert sum(ln.violations for ln in lines) == 0


def test_dash_and_ellipsis_never_split_nor_spaced(env):
    for seq in ("——", "……"):
        for lead in range(5, 11):
            text = "中" * lead + seq + "中文字测试一二三四五六七八九十"
            lines = setp(text, 10, env)
            for ln in lines:
                t = line_text(ln)
                if seq[0] in t:
                    assert seq in t, [line_text(x) for x in lines]
                    g = ln.glyphs
                    k = t.index(seq)
                    assert g[k + 1].pos - g[k].pos == pytest.approx(g[k].advance, abs=0.01)


def test_justified_lines_flush_both_edges(env):
    text = ("临近中午，杭州市上城区闸弄口街道“蓝天·同心荟”幸福食堂内已香气四溢，糖醋里脊、白切鸡、"
            "清炒南瓜……一道道可口菜肴新鲜出锅。LOFT式新社会阶层人士统战工作实践创新基地——“蓝天·同心荟”。")
    fonts, script = env
    for measure in (9, 12, 13, 17):
        lines = setp(text, measure, env, indent=2.0)
        assert_flush(lines, measure, indent_em=2.0)


def test_slack_goes_to_word_spaces_first(env):
    fonts, _ = env
    for measure in (7, 8, 9, 10):
        ln = setp("一二三 ab cd ef gh ij kl mn op", measure, env)[0]
        g = ln.glyphs
        assert abs(ln.width - measure * EM) <= 0.01
        han_gap = g[1].pos - g[0].pos - EM
        spaces = [g[k + 1].pos - g[k].pos for k in range(4, len(g) - 1)
                  if g[k].text == " " and g[k - 1].text.isalpha()]
        assert spaces
        if han_gap > 0.01:  # Han characters are spread only once the word spaces are full
            assert min(spaces) >= 0.5 * EM - 0.01
    if fonts.primary("body").key.startswith("BanmianTest"):
        ln = setp("一二三 ab cd ef gh", 7, env)[0]
        assert ln.glyphs[1].pos - ln.glyphs[0].pos == pytest.approx(EM, abs=0.01)


def test_first_line_indent_two_em(env):
    lines = setp("一二三四五六七八九十一二三四五六七八九十", 10, env, indent=2.0)
    assert lines[0].glyphs[0].pos == pytest.approx(2 * EM)
    assert lines[1].glyphs[0].pos == pytest.approx(0.0)


def test_caption_style_has_no_indent(env):
    lines = setp("一二三四五六七八九十一二三四五六七八九十", 10, env, indent=0.0)
    assert lines[0].glyphs[0].pos == pytest.approx(0.0)


def test_no_single_character_last_line(env):
    for n in range(11, 40):
        text = "一二三四五六七八九十" * 4
        text = text[:n - 1] + "。"
        lines = setp(text, 10, env, indent=2.0)
        last = lines[-1]
        han = [g for g in last.glyphs if g.text not in "，。"]
        assert len(han) >= 2 or last.orphan, (n, [line_text(x) for x in lines])
        assert not last.orphan
        assert_flush(lines, 10, indent_em=2.0)


def test_tracking_adds_space_between_characters(env):
    base = setp("一二三四五", 20, env, align="left")[0]
    tracked = setp("一二三四五", 20, env, align="left", tracking=0.05)[0]
    assert tracked.width - base.width == pytest.approx(4 * 0.05 * EM, abs=0.01)


def test_tc_prohibition_set_allows_dash_at_line_start(env):
    fonts, _ = env
    text = "一二三四五六七八九十——一二三四五六七八九十"
    strict = set_paragraph(text, 10 * EM, TextStyle(size=SIZE, indent=0, kinsoku="strict"), fonts)
    assert not line_text(strict[1]).startswith("—")
    tc = set_paragraph(text, 10 * EM, TextStyle(size=SIZE, indent=0, script="tc"), fonts)
    assert line_text(tc[1]).startswith("——")
    assert TRADITIONAL.bad_start("，") and not TRADITIONAL.bad_start("—")


def test_violation_counted_only_when_no_legal_break(env):
    lines = setp("一" + "。" * 12, 5, env)
    assert sum(ln.violations for ln in lines) > 0
    for ln in lines:
        assert ln.width <= 5 * EM + 0.01


def test_ascii_standins_follow_prohibitions(env):
    text = "一二三四五六七八九十,一二三四五六七八九(十一二三四五六七八九十"
    lines = setp(text, 10, env)
    for ln in lines[1:]:
        assert visible(ln)[0].text not in ",.;:?!)]}"
    for ln in lines[:-1]:
        assert visible(ln)[-1].text not in "([{"


def test_paragraph_result_is_cached(env):
    a = setp("一二三四五六七八九十一二三", 10, env)
    b = setp("一二三四五六七八九十一二三", 10, env)
    assert a == b and a is not b
