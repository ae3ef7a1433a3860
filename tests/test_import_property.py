"""Property: for any text, the non-space characters that come out are those that went in, or the report says what changed."""
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from layout.importer import import_text, story_text

# Copy-like alphabet: Han, Chinese and ASCII marks, digits, Latin, spaces, newlines, controls.
_ALPHABET = st.sampled_from(list(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说"
    "。，、；：？！“”‘’（）《》……——·　"
    ",.;:?!()\"'-[]/@% 0123456789ABCxyz０１２ＡＢ\n\n\n\t\x07\x1b\u200b\ufeff"
))
_LINES = st.lists(st.sampled_from(["张三", "（李四 王五）", "(梁艺)", "本报记者 赵六", "——副题", "引题"]),
                  max_size=3)


def _accounted(text: str, normalise: bool) -> None:
    result = import_text(text, normalise=normalise)
    source = Counter(c for c in text if not c.isspace())
    output = Counter(c for s in result.stories for c in story_text(s) if not c.isspace())
    removed = Counter(c for e in result.report for c in e.before if not c.isspace())
    added = Counter(c for e in result.report for c in e.after if not c.isspace())
    assert source + added == output + removed


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(_ALPHABET, max_size=300), st.booleans())
def test_every_non_space_character_is_kept_or_reported(text, normalise):
    _accounted(text, normalise)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.text(_ALPHABET, min_size=1, max_size=40), _LINES), max_size=6))
def test_structured_copy_keeps_or_reports_every_character(pieces):
    text = "\n\n".join(body + "\n" + "\n".join(extra) for body, extra in pieces)
    _accounted(text, True)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=200))
def test_any_unicode_text_imports_without_exception_and_is_accounted(text):
    _accounted(text, True)
