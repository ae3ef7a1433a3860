"""Why the converter drives OpenCC's current dictionaries itself: the designated package,
opencc-python-reimplemented, with its bundled 2022 dictionaries, measured on the same cases."""
import opencc
import pytest

from layout.convert import convert_text, read_test_cases


@pytest.mark.parametrize("config", ["s2t", "s2twp", "t2s"])
def test_current_dictionaries_beat_the_designated_packages_own(config):
    cases = [(c["input"], c["expected"][config]) for c in read_test_cases() if config in c["expected"]]
    theirs = opencc.OpenCC(config)
    their_pass = sum(theirs.convert(i) == e for i, e in cases)
    our_pass = sum(convert_text(i, config, quotes=False) == e for i, e in cases)
    assert our_pass == len(cases)
    assert their_pass < 0.75 * len(cases)  # e.g. it writes 胚胎髮育 and 演演算法
