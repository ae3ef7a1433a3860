"""Bylines 署名 and photo credits 摄影署名: recognise them at the start or end of copy and split them off.

- trailing byline: a parenthesised list of 1–6 names (2–4 Han, · allowed for minority names)
  and role words (记者, 通讯员 …) after the sentence that ends a story: "……速度。(梁艺)",
  "（任龙 许峰）", or such a list alone on a line (`byline_line`): under the last paragraph it
  signs the story, right under the headline it opens it. The parentheses go; the names stay.
- start byline: a line that is only roles and names ("本报记者 张三 通讯员 李四", "本报讯"), or a
  dateline opening the first paragraph ("本报讯（记者 张三）", "新华社北京11月7日电（记者 李四）",
  Taiwan style "【記者林志明／臺北報導】").
- photo credits: a run of space-separated 2–3-Han names after the last sentence of a caption,
  optionally with 摄/摄影 ("……奠定基础。姚羽霞 吴梦璐 董心怡", "……。王刚 摄"), or a parenthesised
  list that says 摄 ("（王刚 摄）").
"""
from __future__ import annotations

import re
from typing import Optional

from layout.punctuation import is_cjk

ROLES = ("本报记者", "本报通讯员", "特约记者", "见习记者", "首席记者", "实习生", "通讯员", "记者",
         "摄影", "摄", "文", "图")
_ROLE = "|".join(ROLES)
_SP = r"[ \t\u3000]"
_NAME = r"[\u4e00-\u9fff]{2,4}(?:·[\u4e00-\u9fff]{1,8})?"
_TOKEN = rf"(?:(?:{_ROLE}){_SP}*[/／]?{_SP}*)?{_NAME}|(?:{_ROLE})"
_LIST = rf"(?:{_TOKEN})(?:(?:{_SP}+|{_SP}*[/／、]{_SP}*)(?:{_TOKEN})){{0,5}}"
_CLOSERS = "”’」』）)》\"'"

_PAREN_TAIL = re.compile(rf"[（(]{_SP}*(?P<names>{_LIST}){_SP}*[）)]{_SP}*$")
_CREDIT_NAME = r"[\u4e00-\u9fff]{2,3}"
_CREDIT_TAIL = re.compile(
    rf"(?P<names>(?:(?:{_ROLE}){_SP}*)?{_CREDIT_NAME}(?:{_SP}+{_CREDIT_NAME}){{0,7}}(?:{_SP}*摄影?)?){_SP}*$")
_START_LINE = re.compile(rf"^(?:本报讯{_SP}*)?(?:(?:{_ROLE}){_SP}*[/／:：]?{_SP}*{_NAME}(?:{_SP}+{_NAME})*{_SP}*)+$")
# Simplified and Traditional forms alike: an edition converts the copy before flow asks, so a
# 本報訊（記者 周濤） (s2twp) or 【记者林志明／台北报导】 (t2s of 報導) must still run in
_DATELINE = re.compile(
    r"^(?:(?:本[报報][^，。,\s]{0,12}?[讯訊]|(?:新[华華]社|中新社|人民[网網]|新[华華][网網]|[\u4e00-\u9fff]{2,6}社)"
    r"[^，。,\s]{0,14}?[电電])"
    r"(?:[（(][^）)]{1,40}[）)])?"
    # Taiwan and Hong Kong papers: 【記者林志明／臺北報導】, 【本報訊】
    r"|【(?:(?:[记記]者|本[报報]|特派[员員]|[编編][译譯]|中央社)[^】，。]{0,24}(?:[报報][导導道]|[电電]|[讯訊]))】)")


def ends_full_stop(text: str) -> bool:
    """Does the text end a sentence with a full stop, an ASCII period after Chinese included
    ("……高兴地说." in copy typed on a Western keyboard)? Closing quotes and brackets may follow."""
    t = text.rstrip(_CLOSERS)
    return bool(t) and (t[-1] in "。！？!?…" or t[-1] == "." and len(t) > 1 and is_cjk(t[-2]))



def starts_byline(line: str) -> bool:
    """Is this whole line a byline opening a story (本报记者 张三, 本报讯)?"""
    t = line.strip()
    return len(t) <= 40 and (t == "本报讯" or bool(_START_LINE.match(t)))


def is_dateline(byline: str) -> bool:
    """Is this byline a dateline 电头 (本报讯, 本报讯（记者 张三）, 新华社北京11月7日电（记者 李四）,
    【記者林志明／臺北報導】) rather than a line of names? A dateline runs into the first paragraph."""
    t = byline.strip()
    m = _DATELINE.match(t)
    return t in ("本报讯", "本報訊") or (m is not None and m.end() == len(t))


def split_dateline(paragraph: str) -> Optional[tuple[str, str]]:
    """(dateline, rest) when the first paragraph opens with 本报讯（…） or an agency dateline."""
    m = _DATELINE.match(paragraph)
    rest = paragraph[m.end():].lstrip(" \t\u3000") if m else ""
    if not rest:
        return None
    return m.group(), rest  # the gap after 本报讯 is layout, not text


def trailing_byline(text: str) -> Optional[tuple[str, str, str]]:
    """(text before, names, the raw byline as written) for a story-ending parenthesised byline."""
    m = _PAREN_TAIL.search(text)
    if not m or "摄" in m.group("names"):
        return None
    head = text[:m.start()].rstrip()
    if head and not ends_full_stop(head):
        return None
    return head, m.group("names"), m.group().strip()


def byline_line(line: str) -> Optional[tuple[str, str]]:
    """(names, the raw byline) when the whole line is a parenthesised byline: "（记者 林静）" typed
    on its own line under a story's last paragraph, or under its headline."""
    tb = trailing_byline(line)
    return (tb[1], tb[2]) if tb is not None and not tb[0] else None


def trailing_credits(text: str) -> Optional[tuple[str, str]]:
    """(caption, credits) when a caption ends with the photographers' names."""
    m = _PAREN_TAIL.search(text)
    if m and "摄" in m.group("names"):
        head = text[:m.start()].rstrip()
        return (head, m.group().strip()) if head else None
    m = _CREDIT_TAIL.search(text)
    if not m:
        return None
    head = text[:m.start()].rstrip(" \t\u3000")
    if not ends_full_stop(head):
        return None
    return head, m.group("names").strip()


def ends_with_signature(text: str) -> bool:
    """Does the text end with a byline or photo credits (and so end a story)?"""
    return trailing_byline(text) is not None or trailing_credits(text) is not None
