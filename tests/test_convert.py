"""Simplified/Traditional editions: OpenCC pass rates, phrase dictionary, ambiguity review, quotes, round trips."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from layout.convert import (EDITIONS, StoryChange, ambiguities, convert_document_stories, convert_page_texts,
                            convert_pieces, convert_quotes, convert_story, convert_text, edition_report, pass_rates,
                            read_test_cases, region_for, script_for)
from layout.errors import UserError
from layout.model import Block, Document, Headline, ImageFrame, Page, PageHeader, PageSpec, Paragraph, Story
from layout.opencc_adapter import read_dictionary_file
from layout.phrases import load_user_phrases, merge_phrases, read_phrases, save_user_phrases

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "jiceng-page.txt"


# ---------------------------------------------------------------- OpenCC's own test cases

@pytest.fixture(scope="module")
def cases():
    return read_test_cases()


def test_test_cases_cover_every_edition(cases):
    for config in EDITIONS:
        assert sum(config in c["expected"] for c in cases) >= 20, config


@pytest.mark.parametrize("config", EDITIONS)
def test_pass_rate_on_opencc_test_cases_at_least_98_percent(cases, config):
    passed, total = pass_rates(cases, (config,))[config]
    assert total > 0
    assert passed / total >= 0.98, f"{config}: {passed}/{total}"


@pytest.mark.parametrize("source, config, expected", [
    ("胚胎发育", "s2t", "胚胎發育"),
    ("胚胎发育", "s2twp", "胚胎發育"),
    ("算法", "s2twp", "演算法"),
    ("演算法", "s2twp", "演算法"),
    ("软件", "s2twp", "軟體"),
    ("信息", "s2twp", "資訊"),
    ("软件", "s2tw", "軟件"),
    ("头发后面", "s2t", "頭髮後面"),
])
def test_issue_examples(source, config, expected):
    assert convert_text(source, config) == expected


def test_unknown_config_is_a_user_error():
    with pytest.raises(UserError, match="unknown conversion"):
        convert_text("软件", "s2x")


def test_script_and_region_per_edition():
    assert [script_for(c) for c in EDITIONS] == ["tc", "tc", "tc", "tc", "sc", "sc", "sc"]
    assert [region_for(c) for c in EDITIONS] == ["", "tw", "tw", "hk", "cn", "cn", "cn"]


# ---------------------------------------------------------------- phrase dictionary

def test_phrase_dictionary_keeps_a_name_as_written():
    text = "闸弄口街道的邻里食堂"
    assert convert_text(text, "s2twp").startswith("閘弄口")
    assert convert_text(text, "s2twp", [("闸弄口", "闸弄口")]) == "闸弄口街道的鄰里食堂"


def test_phrase_dictionary_forces_a_reading():
    assert convert_text("他的头发", "s2t") == "他的頭髮"
    assert convert_text("他的头发", "s2t", [("头发", "頭發")]) == "他的頭發"


def test_phrase_dictionary_longest_match_first():
    phrases = [("闸弄", "XX"), ("闸弄口", "闸弄口")]
    assert convert_text("闸弄口和闸弄", "s2t", phrases) == "闸弄口和XX"


def test_protected_span_is_not_touched_by_quote_convention():
    # the target of a phrase is final: its quotes stay as the editor wrote them
    assert convert_text("“新”“新”", "s2tw", [("“新”", "“新”")]) == "“新”“新”"


def test_document_phrases_win_over_user_phrases():
    merged = dict(merge_phrases([("软件", "軟件"), ("信息", "信息")], [("软件", "軟體")]))
    assert merged == {"软件": "軟體", "信息": "信息"}


def test_user_phrases_saved_and_loaded(tmp_path, monkeypatch):
    monkeypatch.setenv("BANMIAN_CONFIG", str(tmp_path / "cfg"))
    assert load_user_phrases() == ()
    save_user_phrases([("闸弄口", "闸弄口"), ("一只", "一隻")])
    path = tmp_path / "cfg" / "phrases.json"
    assert json.loads(path.read_text(encoding="utf-8"))["phrases"] == [["闸弄口", "闸弄口"], ["一只", "一隻"]]
    assert load_user_phrases() == (("闸弄口", "闸弄口"), ("一只", "一隻"))
    save_user_phrases([("闸弄口", "閘弄口")])
    assert load_user_phrases() == (("闸弄口", "閘弄口"),)
    assert (tmp_path / "cfg" / "phrases.json~").exists()


def test_bad_phrase_file_is_a_located_user_error(tmp_path):
    bad = tmp_path / "p.json"
    bad.write_text('{"phrases": [["闸弄口"]]}', encoding="utf-8")
    with pytest.raises(UserError, match="entry 1") as e:
        read_phrases(bad)
    assert str(bad) in str(e.value)
    tsv = tmp_path / "p.txt"
    tsv.write_text("闸弄口\t闸弄口\nno tab here\n", encoding="utf-8")
    with pytest.raises(UserError, match="line 2"):
        read_phrases(tsv)


# ---------------------------------------------------------------- ambiguous characters

def test_ambiguity_list_on_crafted_text():
    text = "他的头发后面有一碗面条，这里只有一只猫。"
    found = {(a.offset, a.char): a for a in ambiguities(text, "s2tw")}
    assert {k[1] for k in found} >= {"发", "后", "面", "里", "只"}
    for (offset, ch), a in found.items():
        assert text[offset] == ch and ch in a.context
        assert a.chosen in a.candidates and len(a.candidates) >= 2
    assert found[(3, "发")].chosen == "髮" and found[(3, "发")].candidates == ("發", "髮")
    assert found[(4, "后")].chosen == "後"
    assert found[(9, "面")].chosen == "麵"  # 面条: the Taiwan form, not OpenCC's 麪
    assert found[(13, "里")].chosen == "裡"  # 这里, Taiwan form
    assert found[(14, "只")].chosen == "只" and found[(17, "只")].chosen == "隻"
    # the chosen forms are the ones in the converted text
    out = convert_text(text, "s2tw")
    assert all(out[o] == a.chosen for (o, _), a in found.items())


def test_ambiguity_override_goes_into_the_phrase_dictionary():
    text = "这里只有一只猫。"
    amb = next(a for a in ambiguities(text, "s2t") if a.offset == 5)
    assert (amb.char, amb.chosen) == ("只", "隻")
    phrase = amb.phrase_for("只")
    assert phrase == ("一只", "一只")
    assert convert_text(text, "s2t", [phrase]) == "這裏只有一只貓。"
    assert all(a.offset not in (4, 5) for a in ambiguities(text, "s2t", [phrase]))


# ---------------------------------------------------------------- regional quotation marks

def test_quotes_become_corner_brackets_for_taiwan_and_hong_kong():
    text = "他说：“我读了‘新’字。”"
    for config in ("s2tw", "s2twp"):
        assert convert_text(text, config) == "他說：「我讀了『新』字。」"
    assert convert_text(text, "s2hk") == "他説：「我讀了『新』字。」"  # Hong Kong's 説
    assert convert_text(text, "s2tw", quotes=False) == "他說：“我讀了‘新’字。”"
    assert convert_text(text, "s2t") == "他說：“我讀了‘新’字。”"  # OpenCC standard: no region


def test_quotes_become_curly_for_simplified():
    text = "他說：「我讀了『新』字。」"
    for config in ("t2s", "tw2s", "hk2s"):
        assert convert_text(text, config) == "他说：“我读了‘新’字。”"


def test_apostrophe_in_latin_word_is_not_a_quote():
    assert convert_quotes("Xi’an 的‘西’", "s2tw") == "Xi’an 的『西』"


# ---------------------------------------------------------------- stories and documents

TW_STORY = Story(
    id="shitang",
    headline=Headline(main=("臺北市推動社區食堂", "長者午餐有了保障"), kicker="基層治理", sub="政府與社會組織協同運營"),
    paragraphs=(
        Paragraph("臨近中午，社區食堂內已香氣四溢，糖醋里脊、白切雞、清炒南瓜……一道道可口菜餚新鮮出鍋。", "lead"),
        Paragraph("「這個食堂飯菜清淡可口，價格也便宜，很適合我們老年人的口味。」周明珍老人說。"),
        Paragraph("近年來，街道以社區為試點，發揮黨員作用，讓基層工作從幕後走向臺前，鄰里關係更加和睦。"),
    ),
    byline="記者 陳曉華",
    credits="攝影 林志強",
)


def _all_text(story: Story) -> str:
    h = story.headline
    return "|".join([*h.main, h.kicker, h.sub, *(p.text for p in story.paragraphs), story.byline, story.credits])


def test_t2s_round_trip_of_a_traditional_story():
    simplified = convert_story(TW_STORY, "t2s")
    assert simplified is not TW_STORY and TW_STORY.paragraphs[1].text.startswith("「")  # source untouched
    assert simplified.headline.main == ("台北市推动社区食堂", "长者午餐有了保障")
    assert simplified.paragraphs[1].text.startswith("“这个食堂")
    assert simplified.byline == "记者 陈晓华" and simplified.credits == "摄影 林志强"
    assert [p.role for p in simplified.paragraphs] == ["lead", "body", "body"]
    # back through the Taiwan edition: the story reads exactly as it came in
    assert convert_story(simplified, "s2tw") == TW_STORY
    # through OpenCC's regionless standard only the variants (為 → 爲) and quotes differ
    back = _all_text(convert_story(simplified, "s2t"))
    assert back == _all_text(TW_STORY).replace("為", "爲").replace("「", "“").replace("」", "”")


def test_convert_document_stories_uses_edition_and_phrases():
    sc = convert_story(TW_STORY, "t2s")
    doc = Document(stories=(sc,), edition="s2twp", phrases=(("周明珍", "周明珍"),))
    (out,) = convert_document_stories(doc)
    assert "周明珍" in out.paragraphs[1].text and out.paragraphs[1].text.startswith("「這個食堂")
    assert convert_document_stories(replace(doc, edition="")) == (sc,)


def test_page_texts_are_converted():
    spec = PageSpec(width=600, height=800)
    page = Page(id="p1", spec=spec, header=PageHeader(paper="杭州日报", section="基层"),
                blocks=(Block(id="b", story_id="s", col=0, row=0, cols=2, rows=10,
                              image=ImageFrame(path="a.jpg", caption="社区食堂", credit="记者 摄")),))
    out = convert_page_texts(page, "s2tw")
    assert out.header.paper == "杭州日報" and out.header.section == "基層"
    assert out.blocks[0].image.caption == "社區食堂" and out.blocks[0].image.credit == "記者 攝"
    assert page.header.paper == "杭州日报"


def test_edition_report_counts_changes_and_lengths():
    sc = Story(id="a", headline=Headline(main=("软件信息",)), paragraphs=(Paragraph("新的算法。"),))
    same = Story(id="b", paragraphs=(Paragraph("ABC 123"),))
    out = [convert_story(s, "s2twp") for s in (sc, same)]
    report = edition_report([sc, same], out)
    assert report == [StoryChange("a", chars_changed=5, length_before=9, length_after=10),
                      StoryChange("b", chars_changed=0, length_before=7, length_after=7)]
    assert report[0].length_delta == 1


@pytest.mark.skipif(not SAMPLE.exists(), reason="sample copy not available")
def test_sample_page_has_no_simplified_character_left_in_s2twp():
    text = SAMPLE.read_text(encoding="utf-8")
    st = read_dictionary_file("STCharacters.txt")
    # a character s2t would still change may stay only where Taiwan usage keeps it (群, 峰: 羣 → 群)
    # or where a dictionary word decided it (台州, 鄰里, 公里)
    tw_keeps = {ch for ch, forms in st.items() if convert_text(ch, "s2tw") == ch}
    pieces = convert_pieces(text, "s2twp")
    single = "".join(p.text for p, _ in pieces if p.end - p.start == 1)
    left = {ch for ch in single if ch in st and st[ch][0] != ch and ch not in tw_keeps}
    assert not left, left
    out = "".join(p.text for p, _ in pieces)
    assert "“" not in out and "「" in out and "閘弄口" in out


# ---------------------------------------------------------------- the CLI

def _cli(args, stdin="", env_dir=None):
    env = dict(os.environ, BANMIAN_CONFIG=str(env_dir)) if env_dir else dict(os.environ)
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "convert", *args], input=stdin.encode("utf-8"),
                          capture_output=True, env=env, cwd=ROOT, timeout=60)


def test_cli_converts_stdin_to_stdout_with_a_dictionary(tmp_path):
    d = tmp_path / "house.txt"
    d.write_text("# house names\n闸弄口\t闸弄口\n", encoding="utf-8")
    r = _cli(["s2twp", "--dict", str(d)], "“软件”在闸弄口", env_dir=tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stdout.decode("utf-8") == "「軟體」在闸弄口"


def test_cli_converts_a_file(tmp_path):
    f = tmp_path / "copy.txt"
    f.write_text("頭髮與麵條\n", encoding="utf-8")
    r = _cli(["t2s", str(f)], env_dir=tmp_path)
    assert r.returncode == 0 and r.stdout.decode("utf-8") == "头发与面条\n"


@pytest.mark.parametrize("args, message", [
    (["s2x"], "unknown conversion 's2x'"),
    (["s2t", "/no/such/file.txt"], "does not exist"),
    (["s2t", "--dict", "/no/such/dict.json"], "phrase dictionary does not exist"),
])
def test_cli_bad_input_exits_1_with_one_message(tmp_path, args, message):
    r = _cli(args, "x", env_dir=tmp_path)
    err = r.stderr.decode("utf-8")
    assert r.returncode == 1 and message in err
    assert "Traceback" not in err and err.count("\n") == 1


# ---------------------------------------------------------------- alignment (property)

from hypothesis import given, settings, strategies as st  # noqa: E402

_ALPHABET = "头发后面干只里台系周征算法软件信息闸弄口邻里“”‘’，。 Ab1頭髮後麵幹隻裡臺係週徵"


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=30), st.sampled_from(EDITIONS))
def test_pieces_cover_the_source_in_order_and_join_to_the_conversion(text, config):
    phrases = [("闸弄口", "闸弄口"), ("邻里", "鄰里")]
    pieces = convert_pieces(text, config, phrases)
    starts, ends = [p.start for p, _ in pieces], [p.end for p, _ in pieces]
    assert starts == [0] + ends[:-1] if text else pieces == []
    assert all(a < b for a, b in zip(starts, ends)) and (ends[-1] if ends else 0) == len(text)
    assert "".join(p.text for p, _ in pieces) == convert_text(text, config, phrases)
