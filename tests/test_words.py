"""Word lookup for breaks: jieba's dictionary behind an index gives jieba's own segmentation."""
import logging

import jieba
import pytest

from layout.words import freq, segment, word_across

jieba.setLogLevel(logging.ERROR)

TEXTS = ["闸弄口街道社区立足小阵地服务大民生", "国网湖州供电公司联合国网空间技术公司首次应用直升机",
         "基层治理有温度和美生活有盼头", "临安区打响天目农创客品牌助推乡村振兴", "北京市海淀区人民政府",
         "2023中国指南山红叶节"]


@pytest.mark.parametrize("text", TEXTS)
def test_segment_equals_jieba_without_hmm(text):
    assert list(segment(text)) == jieba.lcut(text, HMM=False)


def test_numbers_and_signs_stay_whole():
    # jieba splits ± from 800; a break there would strand the sign
    assert "±800" in segment("特高压±800千伏金塘直流输电线路")


def test_frequency_comes_from_jiebas_dictionary():
    assert freq("北京") == jieba.get_FREQ("北京") > 0
    assert freq("京北海淀") == 0


def test_word_across_a_seam():
    assert word_across("水墩社", "区网格")  # 社区 runs across the break
    assert not word_across("街道党", "运动中")
