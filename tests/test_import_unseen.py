"""Import rules found on copy unlike the sample (tests/data/unseen/): briefs, a long feature with subheads, Markdown, extraction scars."""
from pathlib import Path

from layout.importer import import_files

DATA = Path(__file__).resolve().parent / "data" / "unseen"


def _read(name: str):
    return import_files([str(DATA / name)]).stories


def test_a_page_of_briefs_is_not_taken_for_packages():
    stories = _read("briefs.txt")
    assert len(stories) == 14
    assert {s.kind for s in stories} == {"article"} and not any(s.group for s in stories)


def test_text_after_a_dateline_starts_without_a_space():
    stories = _read("briefs.txt")
    dated = [s for s in stories if s.byline.startswith("本报讯")]
    assert len(dated) == 6
    assert all(s.byline_at_start and not s.paragraphs[0].text[0].isspace() for s in dated)


def test_unmarked_subheads_of_a_feature_signed_at_the_start_stay_in_the_story():
    feature, farm, books = _read("long-feature.txt")
    assert feature.byline == "本报记者 张立 周敏" and feature.byline_at_start
    subheads = [p.text for p in feature.paragraphs if p.role == "subhead"]
    assert subheads == ["从“挖石头”到“炼硅片”", "人才引得进更要留得住", "数字化改造提升“老产业”",
                        "乡村也能分享产业红利", "发展与保护如何兼得", "挑战依然不少"]
    assert sum(len(p.text) for p in feature.paragraphs) > 3900
    assert farm.headline.main == ("春耕时节农资供应充足",) and farm.byline == "本报讯（记者 李婷）"
    assert books.byline == "王芳"


def test_byline_after_a_straight_closing_quote_is_split_off():
    first = _read("mixed-punct.txt")[0]
    assert first.byline == "记者 方圆" and not first.byline_at_start
    assert not first.continued
    assert first.paragraphs[-1].text.endswith("拎得稳、拎得好。”")


def test_an_ascii_period_after_chinese_ends_a_sentence_and_a_paragraph():
    _cai, street, bins = _read("mixed-punct.txt")
    assert [p.text[:4] for p in street.paragraphs] == ["走进下城", "据了解，"]
    assert street.paragraphs[0].text.endswith("高兴地说。")
    assert street.paragraphs[1].text.endswith("800余条。") and "1.2亿元。" in street.paragraphs[1].text
    assert not street.continued
    assert [p.text[:3] for p in bins.paragraphs] == ["垃圾分", "目前，"]


def test_full_width_decimals_are_not_taken_for_full_stops():
    cai = _read("mixed-punct.txt")[0]
    assert "8.6%，同比下降4.2%" in cai.paragraphs[1].text


def test_dateline_left_in_the_text_keeps_its_gap_when_the_byline_is_at_the_end():
    opera = _read("feature.md")[1]
    assert opera.byline == "记者 俞蓓"
    assert opera.paragraphs[0].text.startswith("本报讯 随着天气转暖")


def test_a_story_signed_at_its_start_does_not_swallow_the_next_story():
    # photo-page.txt: most stories end with a byline, but 老街焕新留住乡愁 opens with 本报记者 沈佳;
    # the head after it (over a 本报讯（…） story) is a new story, not a subhead of the feature
    stories = _read("photo-page.txt")
    assert [s.kind for s in stories] == ["photo"] * 3 + ["article"] * 5
    old, charge, school, law, tea = stories[3:]
    assert old.byline == "本报记者 沈佳" and len(old.paragraphs) == 5
    assert charge.headline.main == ("小区充电桩“一桩难求”有解了",)
    assert charge.byline == "本报讯（记者 杨帆 通讯员 徐丽）" and charge.byline_at_start
    assert school.byline == "记者 黄蕾" and not school.byline_at_start
    assert tea.headline.main == ("春茶开采", "茶农增收") and tea.byline == "记者 方舟 通讯员 何婷"
    assert not any(p.role == "subhead" for s in stories for p in s.paragraphs)
    assert [s.credits for s in stories[:3]] == ["王刚 摄", "记者 陈立 摄", "通讯员 林海 周晓燕 摄"]


def test_taiwan_dateline_in_corner_brackets_is_the_byline():
    stories = _read("traditional.txt")
    assert len(stories) == 7
    assert stories[0].byline == "【記者林志明／臺北報導】" and stories[0].byline_at_start
    assert stories[0].paragraphs[0].text.startswith("臺北市捷運環狀線")


def test_a_head_that_quotes_its_source_with_a_colon_is_a_headline():
    typhoon = _read("traditional.txt")[1]
    assert typhoon.headline.main == ("颱風假首度跨縣市協調", "氣象署：週末雨勢最大")
    assert typhoon.paragraphs[0].text.startswith("今年第3號颱風")


def test_a_story_closed_with_wan_is_not_flagged_continued():
    last = _read("traditional.txt")[-1]
    assert last.paragraphs[-1].text.endswith("（完）") and not last.continued


def test_a_head_longer_than_32_characters_over_a_dateline_is_a_headline():
    first = _read("headlines.txt")[0]
    assert first.headline.main == ("推动长三角生态绿色一体化发展示范区建设取得新突破新成效的实施意见出台",)
    assert first.byline == "本报讯（记者 周涛）" and first.paragraphs[0].text.startswith("近日，")


def test_hard_headlines_keep_their_parts_and_marks():
    stories = _read("headlines.txt")
    heads = [s.headline.main for s in stories]
    assert ("GDP同比增长5.8%", "一季度经济开局良好") in heads
    assert ("预制菜会成为年夜饭的主角吗？",) in heads and ("5G基站年内新增1.2万个",) in heads
    long_one = next(s for s in stories if s.headline.main == ("一季度重大项目完成投资612亿元",))
    assert len(long_one.paragraphs) == 1 and len(long_one.paragraphs[0].text) > 1500
    assert long_one.byline == "记者 韩雪"


def test_an_unstyled_line_above_a_word_heading_is_its_kicker():
    # front.docx (make_docx.py): the 引题 typed in the Normal style above a Heading 1
    digital, jobs, shop = import_files([str(DATA / "front.docx")]).stories
    assert digital.headline.kicker == "数字经济赋能实体经济"
    assert digital.headline.main == ("我市5G应用场景突破300个",) and digital.byline == "本报讯（记者 何平）"
    assert "iPhone 15、Mate 60" in digital.paragraphs[2].text and "2024-2025年" in digital.paragraphs[3].text
    assert jobs.headline.sub == "——提供就业岗位3.6万个" and jobs.byline == "记者 钟原"
    assert shop.byline == "本报记者 袁芳" and shop.byline_at_start


def test_a_parenthesised_byline_on_its_own_line_signs_the_story_above_not_the_next_head():
    # package.txt types each byline as its own line under the story: （通讯员 吴丹 记者 胡杨）
    stories = _read("package.txt")
    heads = [s.headline.main for s in stories]
    assert ("老旧电梯加装提速",) in heads  # a story of its own, not a subhead of the one above
    assert not any(s.headline.kicker for s in stories)
    lift = next(s for s in stories if s.headline.main == ("老旧电梯加装提速",))
    assert lift.byline == "通讯员 吴丹 记者 胡杨" and not lift.byline_at_start
    package = next(s for s in stories if s.kind == "package")
    subs = [s.headline.main[0] for s in stories if s.group == package.id]
    assert subs == ["老年食堂开到家门口", "托育服务让年轻父母安心", "“家门口”就医更方便", "公交线路织密“幸福网”"]


def test_a_parenthesised_byline_right_under_a_head_opens_the_story():
    crafts = _read("long-paragraphs.txt")[3]
    assert crafts.headline.main == ("老手艺人的新舞台",) and not crafts.headline.kicker
    assert crafts.byline == "记者 韩梅" and crafts.byline_at_start
