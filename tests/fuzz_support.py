"""Shared pieces of the fuzz suite (tests/test_fuzz_*.py): hostile-text strategies, a per-call time
bound, the example budget, and a tally of inputs tried per target.

BANMIAN_FUZZ_EXAMPLES=N runs N examples per fuzz test instead of the CI budget (a long run);
BANMIAN_FUZZ_TALLY=FILE appends one JSON line per target and run with the inputs tried.
"""
from __future__ import annotations

import atexit
import json
import os
import signal
import unicodedata
from collections import Counter
from contextlib import contextmanager

from hypothesis import HealthCheck, Phase, settings, strategies as st

CALL_SECONDS = 10  # one call on one input; far above any real call, far below a hang


def budget(ci_examples: int, shrink: bool = True):
    """Hypothesis settings for a fuzz test: `ci_examples` in CI, BANMIAN_FUZZ_EXAMPLES in a long run.
    shrink=False for slow targets, where shrinking a hang would re-run it for many minutes."""
    n = int(os.environ.get("BANMIAN_FUZZ_EXAMPLES", "0") or 0) or ci_examples
    phases = [p for p in Phase if shrink or p not in (Phase.shrink, Phase.explain)]
    return settings(max_examples=n, deadline=None, derandomize=not os.environ.get("BANMIAN_FUZZ_EXAMPLES"),
                    phases=phases,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.filter_too_much])


class _Hang(BaseException):
    """Raised by the alarm; a BaseException so that no `except Exception` in the engine hides it."""


@contextmanager
def bounded(what: str, seconds: float = CALL_SECONDS):
    """Fail (as a hang) when the body runs longer than `seconds`."""
    def ring(signum, frame):
        raise _Hang()

    old = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _Hang:
        raise AssertionError(f"hang: {what} took longer than {seconds} s") from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


_TALLY: Counter = Counter()


def tally(target: str) -> None:
    """Count one input tried on `target` (reported in docs/robustness.md)."""
    _TALLY[target] += 1


@atexit.register
def _write_tally() -> None:
    path = os.environ.get("BANMIAN_FUZZ_TALLY")
    if path and _TALLY:
        with open(path, "a", encoding="utf-8") as f:
            f.write(json.dumps(dict(_TALLY), ensure_ascii=False) + "\n")


# Not counted: controls, format characters (ZWJ, bidi controls), spaces and unpaired surrogates.
# Combining marks count: each is drawn over its base character, or as a reported box.
INVISIBLE = ("Cc", "Cf", "Zs", "Zl", "Zp", "Cs")


def nonspace(text: str, vertical: bool = False) -> Counter:
    """The multiset of visible characters (what "no character lost" counts: spaces, controls and
    invisible format characters such as ZWJ are not drawn, though the story keeps them); in
    vertical setting a mark and its vertical presentation form (，/︐) count as the same."""
    if vertical:
        from layout.cjk import VERTICAL_FORMS

        text = "".join(VERTICAL_FORMS.get(c, c) for c in text)
    return Counter(c for c in text if not c.isspace() and unicodedata.category(c) not in INVISIBLE)


# ---------------------------------------------------------------- hostile text

EXT_BG = [(0x20000, 0x2A6DF), (0x2A700, 0x2B73F), (0x2B740, 0x2B81F), (0x2B820, 0x2CEAF),
          (0x2CEB0, 0x2EBEF), (0x30000, 0x3134F), (0x31350, 0x323AF)]  # CJK Extensions B–H
EMOJI = ["👨\u200d👩\u200d👧\u200d👦", "🏳️\u200d🌈", "👍🏽", "🇨🇳", "1️⃣", "🧑🏿\u200d🚀", "❤️", "😀"]
PUNCT = "，。、；：？！“”‘’（）《》〈〉【】「」『』——……·～－%℃¥,.;:?!()\"'-"
WORDS = ["Banmian", "2021", "1,234.56", "12.1%", "2021－2025", "http://www.zj.gov.cn/a?b=1",
         "ab@cd.cn", "10:30", "COVID-19", "iPhone", "supercalifragilistic"]

cjk = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
ext_bg = st.sampled_from(EXT_BG).flatmap(lambda r: st.characters(min_codepoint=r[0], max_codepoint=r[1]))
controls = st.characters(categories=["Cc"])  # NUL, tabs, newlines, DEL, C1
formats = st.characters(categories=["Cf"])  # ZWJ, ZWNJ, bidi controls, BOM, soft hyphen
rtl = st.characters(min_codepoint=0x0590, max_codepoint=0x06FF)
combining = st.characters(categories=["Mn", "Me"])
surrogate = st.characters(categories=["Cs"])  # unpaired: only reachable through JSON or Python
spaces = st.sampled_from([" ", "\u3000", "\u00a0", "\t", "\n", "\u2028", "\u200b"])
anything = st.characters(codec=None, exclude_categories=["Cs"])

piece = st.one_of(
    st.lists(cjk, min_size=1, max_size=30).map("".join),
    st.sampled_from(PUNCT), st.sampled_from(WORDS), st.sampled_from(EMOJI),
    ext_bg, controls, formats, rtl.map(lambda c: c * 3), combining.map(lambda m: "e" + m * 3),
    spaces, anything,
)
no_break = st.tuples(st.sampled_from(["W", "—", "…", "8", "ｗ", "\u0627"]), st.integers(200, 3000)).map(
    lambda t: t[0] * t[1])

# text: mixes of every hostile kind; sometimes one long run with no break opportunity
hostile_text = st.one_of(
    st.lists(piece, max_size=40).map("".join),
    st.tuples(st.lists(piece, max_size=5).map("".join), no_break).map("".join),
    st.just(""),
)
# as `hostile_text`, plus unpaired surrogates (only strings can carry them)
hostile_str = st.one_of(hostile_text, st.lists(st.one_of(piece, surrogate), max_size=20).map("".join))
