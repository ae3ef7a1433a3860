"""Character classes for Chinese line composition, as data from clreq 3.1 / TYPOGRAPHY.md §1.

Each character gets one class (`char_class`); the prohibition sets 避头尾 are built from
classes (`KinsokuRules`), strict mainland by default and a Taiwan/Hong Kong set for
Traditional editions; vertical presentation forms (clreq table 5.5) live in `VERTICAL_FORMS`.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# -- classes (clreq 3.1.1, 5.1-5.3; ASCII stand-ins are treated like their full-width forms)
HAN = "han"              # ideographs, kana, hangul, full-width letters: 1-em cells
LATIN = "latin"          # Latin/Greek/Cyrillic letters and European digits (proportional)
DIGIT = "digit"
PAUSE = "pause"          # 点号 。，、；：？！
CLOSE = "close"          # closing brackets and quotes
OPEN = "open"            # opening brackets and quotes
DASH = "dash"            # 破折号 — ⸺ (a 2-em unit when doubled)
ELLIPSIS = "ellipsis"    # 省略号 … ⋯
CONNECTOR = "connector"  # 连接号 – ～
INTERPUNCT = "interpunct"  # 间隔号 ·
SOLIDUS = "solidus"      # 分隔号 /
UNIT_AFTER = "unit_after"    # % ‰ ℃ stay with the number before them
UNIT_BEFORE = "unit_before"  # ¥ $ € stay with the number after them
ITERATION = "iteration"  # 々 〻 and kana iteration/prolonged marks: never start a line (JLREQ)
SPACE = "space"
INVISIBLE = "invisible"  # controls, format characters, combining marks: no glyph of their own
OTHER = "other"          # symbols

PAUSE_CHARS = "。．，、；：？！‼⁇⁈⁉"
PAUSE_ASCII = ",.;:?!"
CLOSE_CHARS = "）〕］｝】〗》〉」』”’｠»›〙〛"
CLOSE_ASCII = ")]}"
OPEN_CHARS = "（〔［｛【〖《〈「『“‘｟«‹〘〚"
OPEN_ASCII = "([{"
DASH_CHARS = "—―⸺⸻"
ELLIPSIS_CHARS = "…⋯‥"
CONNECTOR_CHARS = "–～〜~"
INTERPUNCT_CHARS = "·・‧"
SOLIDUS_CHARS = "/／"
UNIT_AFTER_CHARS = "%‰‱℃℉°′″％"
UNIT_BEFORE_CHARS = "¥$£€₩＄￥￡"
ITERATION_CHARS = "々〻ゝゞヽヾー"

_TABLE: dict[str, str] = {}
for _chars, _cls in ((PAUSE_CHARS + PAUSE_ASCII, PAUSE), (CLOSE_CHARS + CLOSE_ASCII, CLOSE),
                     (OPEN_CHARS + OPEN_ASCII, OPEN), (DASH_CHARS, DASH), (ELLIPSIS_CHARS, ELLIPSIS),
                     (CONNECTOR_CHARS, CONNECTOR), (INTERPUNCT_CHARS, INTERPUNCT),
                     (SOLIDUS_CHARS, SOLIDUS), (UNIT_AFTER_CHARS, UNIT_AFTER),
                     (UNIT_BEFORE_CHARS, UNIT_BEFORE), (ITERATION_CHARS, ITERATION)):
    for _c in _chars:
        _TABLE[_c] = _cls

# Full-width marks whose em cell has an empty half that compression may cut (clreq 3.1.6).
ADJUSTABLE = frozenset(PAUSE_CHARS + CLOSE_CHARS + OPEN_CHARS) - frozenset("‼⁇⁈⁉»›«‹")
# ASCII stand-ins: they behave like full-width marks for prohibitions but are proportional.
ASCII_STANDINS = frozenset(PAUSE_ASCII + CLOSE_ASCII + OPEN_ASCII)


@lru_cache(maxsize=8192)
def char_class(ch: str) -> str:
    """The clreq class of one character."""
    c = _TABLE.get(ch)
    if c is not None:
        return c
    if ch == " " or ch == "\u00a0":
        return SPACE
    if ch == "\u3000":
        return HAN  # ideographic space: a blank 1-em cell
    cat = unicodedata.category(ch)
    if ch.isspace():
        return SPACE
    if cat in ("Cc", "Cf", "Mn", "Me", "Cs") or 0xFE00 <= ord(ch) <= 0xFE0F:
        return INVISIBLE
    if "0" <= ch <= "9":
        return DIGIT
    wide = unicodedata.east_asian_width(ch) in ("W", "F")
    if cat[0] in "LN":
        return HAN if wide else LATIN
    if 0xFE10 <= ord(ch) <= 0xFE4F:  # vertical forms: the class of the base character
        base = unicodedata.normalize("NFKC", ch)
        return char_class(base[0]) if base and base != ch else OTHER
    return HAN if wide and cat[0] == "S" else OTHER


def is_alnum_latin(ch: str) -> bool:
    """A European letter or digit: part of a Western word or number (never broken inside)."""
    return char_class(ch) in (LATIN, DIGIT)


@dataclass(frozen=True)
class KinsokuRules:
    """A prohibition set 避头尾 (clreq 3.1.4): characters that may not start / end a line.

    The strict set also keeps dashes and ellipses off a line start (K4); a paragraph may still
    begin with one, which the typesetter does not count as a violation.
    """

    name: str
    no_start: frozenset
    no_end: frozenset

    def bad_start(self, ch: str) -> bool:
        return ch in self.no_start

    def bad_end(self, ch: str) -> bool:
        return ch in self.no_end


_BASIC_START = PAUSE_CHARS + PAUSE_ASCII + CLOSE_CHARS + CLOSE_ASCII
_BASIC_END = OPEN_CHARS + OPEN_ASCII

# Mainland strict set: K1 (incl. connectors and interpuncts) + K2 + K3 (solidus) + K4 (dash/ellipsis).
STRICT = KinsokuRules(
    "strict",
    frozenset(_BASIC_START + CONNECTOR_CHARS + INTERPUNCT_CHARS + DASH_CHARS + ELLIPSIS_CHARS
              + ITERATION_CHARS + UNIT_AFTER_CHARS),
    frozenset(_BASIC_END + SOLIDUS_CHARS + UNIT_BEFORE_CHARS),
)
# Taiwan / Hong Kong: the basic level only (clreq 3.1.4 notes many papers relax it further).
TRADITIONAL = KinsokuRules(
    "tc",
    frozenset(_BASIC_START + UNIT_AFTER_CHARS),
    frozenset(_BASIC_END + UNIT_BEFORE_CHARS),
)
NONE = KinsokuRules("none", frozenset(), frozenset())

RULE_SETS = {"strict": STRICT, "sc": STRICT, "tc": TRADITIONAL, "none": NONE}


def kinsoku_rules(name: str, script: str) -> KinsokuRules:
    """The prohibition set for a style: an explicit name (strict | tc | none), else by script."""
    return RULE_SETS.get(name or script, STRICT)


# -- vertical presentation forms (Unicode FE10-FE19, FE30-FE4F; clreq table 5.5)
VERTICAL_FORMS = {
    "，": "\ufe10", "、": "\ufe11", "。": "\ufe12", "：": "\ufe13", "；": "\ufe14",
    "！": "\ufe15", "？": "\ufe16", "〖": "\ufe17", "〗": "\ufe18", "…": "\ufe19",
    "‥": "\ufe30", "—": "\ufe31", "―": "\ufe31", "–": "\ufe32", "＿": "\ufe33", "﹏": "\ufe34",
    "（": "\ufe35", "）": "\ufe36", "｛": "\ufe37", "｝": "\ufe38", "〔": "\ufe39", "〕": "\ufe3a",
    "【": "\ufe3b", "】": "\ufe3c", "《": "\ufe3d", "》": "\ufe3e", "〈": "\ufe3f", "〉": "\ufe40",
    "「": "\ufe41", "」": "\ufe42", "『": "\ufe43", "』": "\ufe44", "［": "\ufe47", "］": "\ufe48",
    # vertical text uses corner brackets for quotes (clreq 3.1.1.2, V2)
    "“": "\ufe41", "”": "\ufe42", "‘": "\ufe43", "’": "\ufe44",
    # ASCII stand-ins take the form of their full-width counterparts
    ",": "\ufe10", ";": "\ufe14", ":": "\ufe13", "!": "\ufe15", "?": "\ufe16",
    "(": "\ufe35", ")": "\ufe36", "[": "\ufe47", "]": "\ufe48", "{": "\ufe37", "}": "\ufe38",
}
# Pause/stop marks: SC fonts draw them lower-left (horizontal) and need the vertical form;
# a TC font's centred horizontal glyph is already right in vertical text (clreq 3.1.2).
VERTICAL_PAUSE = frozenset("，、。：；！？,;:!?")
# Marks with no vertical form that are turned 90° clockwise in vertical text (V1).
ROTATE_IN_VERTICAL = frozenset("～~/／-_")
