"""Each punctuation-normalisation and space-repair rule, on examples written for it."""
import pytest

from layout.punctuation import normalise_punctuation, remove_cjk_spaces


def norm(text: str) -> str:
    return normalise_punctuation(text)[0]


@pytest.mark.parametrize("src, want", [
    ("今天,我们出发;他问:去哪?好!", "今天，我们出发；他问：去哪？好！"),
    ("共有LOFT,新的空间", "共有LOFT，新的空间"),
    ("快乐劳动365,幸福生活", "快乐劳动365，幸福生活"),
    ("真的吗?!", "真的吗？！"),
    ("好的, 明天见", "好的，明天见"),  # the space after an ASCII comma goes with it
])
def test_ascii_pause_marks_inside_chinese_become_full_width(src, want):
    assert norm(src) == want


@pytest.mark.parametrize("text", [
    "会议定于10:30开始", "金额为1,234.56元", "Hello, world: yes? no!",
    "访问https://example.com/a?x=1,y=2;z获取", "请发邮件至news.desk@example.cn,谢谢",
])
def test_numbers_times_urls_emails_and_latin_phrases_are_left_alone(text):
    out, changes = normalise_punctuation(text)
    kept = [t for t in ("10:30", "1,234.56", "Hello, world: yes? no!", "https://example.com/a?x=1,y=2;z",
                        "news.desk@example.cn") if t in text]
    for t in kept:
        assert t in out
    if "谢谢" in text:
        assert out.endswith("，谢谢")


def test_parentheses_around_or_beside_chinese_become_full_width():
    assert norm("学校(校内农场)完成") == "学校（校内农场）完成"
    assert norm("速度。(梁艺)") == "速度。（梁艺）"
    assert norm("GDP(国内生产总值)增长") == "GDP（国内生产总值）增长"
    assert norm("see (page 3) here") == "see (page 3) here"


def test_straight_quotes_pair_into_curly_quotes():
    assert norm('他说"好"。') == "他说“好”。"
    assert norm("所谓'小西藏'就是") == "所谓‘小西藏’就是"
    assert norm("It's 'fine' here") == "It's 'fine' here"


def test_ellipsis_forms_become_two_em_ellipsis():
    assert norm("等等...然后") == "等等……然后"
    assert norm("等等。。。然后") == "等等……然后"
    assert norm("等等…然后") == "等等……然后"
    assert norm("等等……然后") == "等等……然后"
    assert norm("wait... then") == "wait... then"


def test_dash_used_as_dash_becomes_two_em_dash_but_connector_stays():
    assert norm("基地--“蓝天”") == "基地——“蓝天”"
    assert norm("他说—我不去") == "他说—我不去"  # between Han: the connector 一字线
    assert norm("品牌活动—“三同”") == "品牌活动——“三同”"
    assert norm("北京—上海") == "北京—上海"
    assert norm("well--known") == "well--known"


def test_full_width_digits_and_latin_become_half_width():
    assert norm("２０２３年ＡＰＥＣ会议") == "2023年APEC会议"


def test_every_change_is_reported_with_exact_before_and_after():
    text = '临近中午,他说"好..."(笑)'
    out, changes = normalise_punctuation(text)
    rebuilt, pos = [], 0
    for c in changes:
        assert text[c.start:c.start + len(c.before)] == c.before
        rebuilt.append(text[pos:c.start] + c.after)
        pos = c.start + len(c.before)
    assert "".join(rebuilt) + text[pos:] == out


def test_stray_spaces_between_chinese_characters_are_removed():
    out, changes = remove_cjk_spaces("蓝天 社区  服务，  好 LOFT 式")
    assert out == "蓝天社区服务，好 LOFT 式"
    assert all(c.rule == "space" and not c.before.strip() for c in changes)


def test_an_ascii_period_after_a_quoted_sentence_that_already_ended_is_dropped_not_doubled():
    from layout.punctuation import normalise_punctuation

    assert normalise_punctuation("他说：“好。”.")[0] == "他说：“好。”"
    assert normalise_punctuation("他说：“好！”）.")[0] == "他说：“好！”）"
    assert normalise_punctuation("他说“好”.")[0] == "他说“好”。"  # the sentence ends only here
    text, changes = normalise_punctuation("他说：“好。”.")
    assert [(c.before, c.after) for c in changes] == [(".", "")]  # reported like every change
