"""Structure rules on copy written for them: bylines, kicker/subtitle, packages, subheads, photo news, continued, no structure."""
from pathlib import Path

from layout.importer import import_files, import_text

DATA = Path(__file__).resolve().parent / "data" / "import"


def heads(result):
    return [s.headline.main for s in result.stories]


def test_byline_line_at_start_and_inline_dateline():
    r = import_files([str(DATA / "byline_start.txt")])
    first, second = r.stories
    assert first.byline == "本报记者 陈明远 通讯员 李晓梅" and first.byline_at_start
    assert first.paragraphs[0].text.startswith("连日来，")
    assert second.byline == "本报讯（记者 周雨晴）" and second.byline_at_start
    assert second.paragraphs[0].text.startswith("近日，衢州市")


def test_kicker_main_in_parts_and_subtitle_opened_by_dash():
    r = import_files([str(DATA / "kicker_sub.txt")])
    a, b = r.stories
    assert a.headline.kicker == "温州鹿城持续优化营商环境"
    assert a.headline.main == ("小微企业", "办事更便捷")
    assert a.headline.sub == "——“一窗受理”改革推行半年见成效"
    assert a.byline == "林一凡 郑佳" and not a.byline_at_start
    assert b.headline.main == ("古村焕新颜",) and b.headline.sub.startswith("——松阳县")
    assert b.byline == "叶青"


def test_package_banner_with_lead_groups_the_following_stories():
    r = import_files([str(DATA / "package.txt")])
    kinds = [(s.id, s.kind, s.group) for s in r.stories]
    assert kinds == [("s1", "package", ""), ("s2", "article", "s1"), ("s3", "article", "s1"),
                     ("s4", "article", "s1")]
    assert r.stories[0].headline.main == ("家门口的幸福", "看得见摸得着")
    assert r.stories[0].paragraphs[0].role == "lead"


def test_a_heavier_headline_ends_the_package():
    text = (DATA / "package.txt").read_text(encoding="utf-8") + (
        "\n引题一行在这里\n新的头条 另起一组\n\n这是一篇与组合报道无关的新闻，写得很完整。(刘洋)\n")
    r = import_text(text)
    assert r.stories[-1].headline.kicker == "引题一行在这里"
    assert r.stories[-1].group == ""


def test_marked_subheads_stay_inside_their_story():
    r = import_files([str(DATA / "subheads.txt")])
    (story,) = r.stories
    assert [p.role for p in story.paragraphs] == ["body", "subhead", "body", "subhead", "body"]
    assert story.byline == "雷鸣"


def test_unmarked_subhead_in_signed_copy_is_not_a_new_story():
    text = ("第一篇稿子\n\n开头一段写完了。\n\n接着又写了一段。\n\n大家都说好\n\n第二段也写完了。(甲乙)\n\n"
            "第二篇稿子\n\n正文一段。(丙丁)\n\n第三篇稿子\n\n正文一段。(戊己)\n")
    r = import_text(text)
    assert heads(r) == [("第一篇稿子",), ("第二篇稿子",), ("第三篇稿子",)]
    assert r.stories[0].paragraphs[2].role == "subhead"
    assert r.stories[0].paragraphs[2].text == "大家都说好"


def test_photo_news_caption_with_credits():
    r = import_text("雪后西湖\n\n12月18日，游客在断桥上赏雪拍照。王小明 李文\n")
    (s,) = r.stories
    assert s.kind == "photo" and s.credits == "王小明 李文"
    assert s.paragraphs[0].role == "caption" and s.paragraphs[0].text.endswith("赏雪拍照。")


def test_story_ending_mid_sentence_is_flagged_continued_not_padded():
    r = import_text("转版稿件\n\n这篇稿子写到一半，版面就\n")
    (s,) = r.stories
    assert s.continued and s.paragraphs[-1].text == "这篇稿子写到一半，版面就"
    assert any(e.kind == "continued" for e in r.report)


def test_fragment_that_looks_like_a_headline_is_joined_when_a_word_runs_across():
    r = import_text("社区新闻\n\n今天上午，居民们来到水墩社\n\n区活动中心参加活动。（王五）\n")
    (s,) = r.stories
    assert s.paragraphs[0].text == "今天上午，居民们来到水墩社区活动中心参加活动。"


def test_indented_paragraphs_are_paragraph_starts():
    text = "标题在此\n\u3000\u3000第一段没有句号结尾\n\u3000\u3000第二段。\n"
    r = import_text(text)
    (s,) = r.stories
    assert [p.text for p in s.paragraphs] == ["第一段没有句号结尾", "第二段。"]


def test_no_structure_takes_first_line_as_headline_with_warning():
    r = import_files([str(DATA / "no_structure_short.txt")])
    (s,) = r.stories
    assert s.headline.main == ("今天的会议开得很顺利。",)
    assert any(e.kind == "warning" and "structure" in e.message for e in r.report)
    r = import_files([str(DATA / "no_structure.txt")])
    (s,) = r.stories
    assert s.headline.main[0].startswith("这是一段没有标题") and len(s.paragraphs) == 1
    assert any(e.kind == "warning" and "too long for a headline" in e.message for e in r.report)


def test_ids_run_on_across_files_in_order():
    r = import_files([str(DATA / "kicker_sub.txt"), str(DATA / "package.txt")])
    assert [s.id for s in r.stories] == ["s1", "s2", "s3", "s4", "s5", "s6"]
    assert r.stories[3].group == "s3"
    assert r.stories[0].source == "kicker_sub.txt:1"
