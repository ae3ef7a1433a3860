"""The sample page imports with every story, headline, byline and repair right, and the report accounts for every change."""
import re
from collections import Counter
from pathlib import Path

import pytest

from layout.copy_units import is_terminal
from layout.importer import import_files, story_text

SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "jiceng-page.txt"

EXPECTED = [  # (kind, headline parts, byline, credits) in order of appearance
    ("article", ("立足小阵地", "服务大民生"), "梁艺", ""),
    ("article", ("一片红叶带共富",), "任龙 许峰", ""),
    ("article", ("劳动礼券享丰收",), "董方明", ""),
    ("article", ("文旅融合添动力",), "顾人杰 吴珏", ""),
    ("article", ("走访把脉促提升",), "虞红燕 林丽萍", ""),
    ("photo", ("直升机作业保障大电网",), "", "姚羽霞 吴梦璐 董心怡"),
    ("article", ("“三个高地”", "助力现代乡村建设"), "徐静珊", ""),
    ("article", ("“助老有福”", "看高山幸福养老模式"), "丁点", ""),
    ("package", ("基层治理有温度", "和美生活有盼头"), "", ""),
    ("article", ("育共体优享幸福邻里",), "许时泽 丰颖", ""),
    ("article", ("主动靠前服务解民忧",), "", ""),
    ("article", ("运动中解锁流量密码",), "陈海燕 唐妍", ""),
    ("article", ("联动联治再上新台阶",), "许璐洋", ""),
]


@pytest.fixture(scope="module")
def result():
    return import_files([str(SAMPLE)])


def test_sample_has_thirteen_stories_with_exact_heads_bylines_and_credits(result):
    got = [(s.kind, s.headline.main, s.byline, s.credits) for s in result.stories]
    assert got == EXPECTED
    assert [s.id for s in result.stories] == [f"s{n}" for n in range(1, 14)]
    assert all(not s.headline.kicker and not s.headline.sub for s in result.stories)


def test_package_holds_banner_and_lead_and_groups_four_sub_stories(result):
    package = result.stories[8]
    assert package.kind == "package"
    assert [p.role for p in package.paragraphs] == ["lead"]
    assert package.paragraphs[0].text.startswith("创新治理各显神通")
    members = [s for s in result.stories if s.group]
    assert [s.headline.main[0] for s in members] == ["育共体优享幸福邻里", "主动靠前服务解民忧",
                                                     "运动中解锁流量密码", "联动联治再上新台阶"]
    assert {s.group for s in members} == {package.id}


def test_photo_news_is_one_caption_with_credits(result):
    photo = result.stories[5]
    assert [p.role for p in photo.paragraphs] == ["caption"]
    assert photo.paragraphs[0].text.endswith("奠定基础。")


def test_only_the_story_that_really_ends_mid_sentence_is_continued(result):
    assert [s.headline.main[0] for s in result.stories if s.continued] == ["主动靠前服务解民忧"]
    for s in result.stories:
        for k, p in enumerate(s.paragraphs):
            if s.continued and k == len(s.paragraphs) - 1:
                assert p.text.endswith("笕桥街道党")
            else:
                assert is_terminal(p.text), (s.id, k, p.text[-20:])


def test_extraction_breaks_are_joined_with_nothing_inserted(result):
    body = "".join(s.body_text for s in result.stories)
    for seam in ("擦亮“同心荟”品牌", "2000万元福彩公益金", "通过“心中有浦”系列党课", "水墩社区网格议事"):
        assert seam in body
    joins = [e for e in result.report if e.kind == "join"]
    assert len(joins) == 24
    assert all(e.before.replace("\n", "") == e.after for e in joins)


def test_no_ascii_comma_or_parenthesis_between_chinese_characters(result):
    bad = re.compile(r"[\u4e00-\u9fff“”‘’。，][,()][\u4e00-\u9fff“”‘’（]")
    for s in result.stories:
        assert not bad.search(story_text(s)), s.id
        assert not re.search(r"[,()]", story_text(s)), s.id


def test_report_accounts_for_every_changed_character(result):
    source = Counter(c for c in SAMPLE.read_text(encoding="utf-8") if not c.isspace())
    output = Counter(c for s in result.stories for c in story_text(s) if not c.isspace())
    removed = Counter(c for e in result.report for c in e.before if not c.isspace())
    added = Counter(c for e in result.report for c in e.after if not c.isspace())
    assert source + added == output + removed
    punct = [e for e in result.report if e.kind == "punct"]
    assert Counter(e.before for e in punct)[","] == 296  # every ASCII comma in the sample is reported
