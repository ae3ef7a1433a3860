"""A paragraph prepared for line breaking: unbreakable clusters, one shaped slot per character,
the natural spacing between slots, and the break opportunity (legal / prohibited / none) before each.

Clusters are what may not be split (clreq 3.1.5, 3.2.4): a Latin word, a number with its
units (1,234.56  12.1%  ¥30  2021－2025  1—9月), a URL or e-mail address, —— and …….
Punctuation compression between adjacent full-width marks (clreq 3.1.6.2) and the ¼-em
CJK–Latin spacing (3.2.2) are part of the natural spacing; both are undone at a line break.
"""
from __future__ import annotations

import unicodedata

import re
from dataclasses import dataclass, field
from itertools import accumulate, compress, islice
from operator import add
from typing import NamedTuple, Optional
from weakref import WeakKeyDictionary

from . import cjk
from .fonts import Face, FontRegistry
from .vertical import (TATECHUYOKO_MAX, EM_TOP, ink_along, rotated_cross, upright_cross,
                       vertical_char)

NONE, PROHIBITED, LEGAL = 0, 1, 2  # break opportunity before a slot

_URL = re.compile(r"(?:https?://|ftp://|www\.)[!-~]+|[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")
_URL_TRAIL = ".,;:!?)]}'\""
# Inside a Western word or number, between two letters/digits (never a line break there).
_JOIN_ANY = ".'’-&_/+"
_JOIN_DIGITS = ",:－–—"  # — between digits is a range (1—9月, 8:30—17:30), not a dash
_HAN_LATIN = frozenset({("han", "latin"), ("latin", "han")})  # kinds of a pair spaced ¼ em apart
_WORD_SPACE_MIN = 0.6   # a word space shrinks to this share of its width
WORD_SPACE_MAX = 0.5    # and grows first, up to this many ems
CJK_LATIN_MIN = 0.125   # the Han–Latin gap shrinks to 1/8 em (TYPOGRAPHY M2)


class Cluster(NamedTuple):
    """Slots start..end-1 that may not be split. A named tuple, not a dataclass: a paragraph
    makes one per Han character, and a tuple is built in less than half the time."""

    start: int
    end: int
    kind: str  # han | latin | mark | dash | ellipsis | space | other | tcy (upright digits, vertical)
    narrow: bool  # proportional, non-CJK: no break between two narrow clusters without a space


def _alnum(ch: str) -> bool:
    return cjk.is_alnum_latin(ch)


def _word_end(text: str, i: int) -> int:
    """End of the Western word or number starting at i (units and currency included)."""
    n = len(text)
    j = i
    if cjk.char_class(text[j]) == cjk.UNIT_BEFORE:
        j += 1
    while j < n:
        c = text[j]
        if _alnum(c):
            j += 1
        elif (j + 1 < n and j > i and _alnum(text[j - 1]) and _alnum(text[j + 1])
              and (c in _JOIN_ANY or (c in _JOIN_DIGITS and text[j - 1].isdigit() and text[j + 1].isdigit()))):
            j += 1
        else:
            break
    while j < n and text[j] in cjk.UNIT_AFTER_CHARS:
        j += 1
    return j


# Clusters are immutable: the one-character Han cluster at each index is made once per process
# and shared by every paragraph (most clusters are these; making each anew was a third of segment).
_HAN_CLUSTERS: list[Cluster] = []


def _han_clusters(n: int) -> list[Cluster]:
    """Han clusters for indexes 0..n-1 (at least)."""
    have = len(_HAN_CLUSTERS)
    if have < n:
        _HAN_CLUSTERS.extend(Cluster(k, k + 1, "han", False) for k in range(have, n))
    return _HAN_CLUSTERS


def segment(text: str) -> list[Cluster]:
    """Split a paragraph into unbreakable clusters."""
    out: list[Cluster] = []
    n = len(text)
    i = 0
    char_class, han, iteration, han_at = cjk.char_class, cjk.HAN, cjk.ITERATION, _han_clusters(n)
    while i < n:
        c = text[i]
        cls = char_class(c)
        if cls == han or cls == iteration:
            # the common case, first: a Han character is a cluster of its own (it is never
            # ASCII, so never the start of a URL or a word)
            out.append(han_at[i])
            i += 1
            continue
        if cls == cjk.INVISIBLE and out:
            last = out[-1]
            out[-1] = Cluster(last.start, i + 1, last.kind, last.narrow)
            i += 1
            continue
        if cls == cjk.SPACE:
            j = i + 1
            while j < n and cjk.char_class(text[j]) == cjk.SPACE:
                j += 1
            out.append(Cluster(i, j, "space", True))
            i = j
            continue
        m = _URL.match(text, i) if c.isascii() and c.isalnum() else None
        if m:
            j = m.end()
            while j > i + 1 and text[j - 1] in _URL_TRAIL:
                j -= 1
            out.append(Cluster(i, j, "latin", True))
            i = j
            continue
        if cls in (cjk.LATIN, cjk.DIGIT) or (cls == cjk.UNIT_BEFORE and i + 1 < n and text[i + 1].isdigit()):
            j = _word_end(text, i)
            out.append(Cluster(i, j, "latin", True))
            i = j
            continue
        if cls in (cjk.DASH, cjk.ELLIPSIS) or (c == "." and text.startswith("...", i)):
            run = cjk.DASH_CHARS if cls == cjk.DASH else (cjk.ELLIPSIS_CHARS if cls == cjk.ELLIPSIS else ".")
            j = i + 1
            while j < n and text[j] in run:
                j += 1
            out.append(Cluster(i, j, "dash" if cls == cjk.DASH else "ellipsis", False))
            i = j
            continue
        kind = "other" if cls == cjk.OTHER or cls == cjk.INVISIBLE else "mark"
        out.append(Cluster(i, i + 1, kind, ord(c) < 0x2000))
        i += 1
    return out


def break_level(prev: Cluster, nxt: Cluster, text: str, rules: cjk.KinsokuRules,
                before_space: Optional[Cluster]) -> int:
    """The break opportunity between two adjacent clusters (clreq 3.1.4 prohibitions)."""
    if nxt.kind == "space":
        return NONE
    # (the rule sets tested directly, not through bad_start/bad_end: this runs at every boundary)
    if prev.kind == "space":
        if before_space is None:
            return PROHIBITED if text[nxt.start] in rules.no_start else LEGAL
        prev = before_space
    elif prev.narrow and nxt.narrow:
        return NONE
    if text[nxt.start] in rules.no_start or text[prev.end - 1] in rules.no_end:
        return PROHIBITED
    return LEGAL


@dataclass
class Prepared:
    """Parallel per-slot arrays (one slot per character of `text`); lengths in points.

    adv: advance along the line; gap: natural extra space after the slot (negative where
    adjacent marks are compressed); lcap/rcap: how much of the mark's empty half-cell may be cut
    on each side; pair_l/pair_r: how much of that the pair compression already uses.
    free_l/free_r: what push-in may still cut on each side — nothing on a side that faces
    another mark, so an adjacent pair never goes below its house width (1.5 em or 1 em).
    level: the break opportunity before the slot; share: the boundary takes justification space.
    """

    text: str
    size: float
    vertical: bool
    rules: cjk.KinsokuRules
    chars: list[str]
    faces: list[str]
    gids: list[int]
    adv: list[float]
    draw_adv: list[float]
    cross: list[float]
    drop: list[float]
    rotated: list[bool]
    tofu: list[bool]
    emit: list[bool]
    lcap: list[float]
    rcap: list[float]
    pair_l: list[float]
    pair_r: list[float]
    gap: list[float]
    gap_shrink: list[float]
    space_shrink: list[float]
    space_grow: list[float]
    level: list[int]
    share: list[bool]
    visible: list[bool]
    countable: list[bool]  # counts toward 孤字: not punctuation, not space
    prefix: list[float] = field(default_factory=list)
    opps: list[int] = field(default_factory=list)
    free_l: list[float] = field(default_factory=list)
    free_r: list[float] = field(default_factory=list)
    # along-the-line shift of a glyph from its slot: a combining mark centred over its base
    shift: dict[int, float] = field(default_factory=dict)

    def finish(self) -> None:
        n = len(self.text)
        self.free_l, self.free_r = list(self.lcap), list(self.rcap)
        for j in compress(range(n), map(cjk.ADJUSTABLE.__contains__, self.text)):
            # a mark: its neighbours may not cut on the side that faces it
            if j + 1 < n:
                self.free_l[j + 1] = 0.0
            if j > 0:
                self.free_r[j - 1] = 0.0
        self.prefix = [0.0] + list(accumulate(map(add, self.adv, self.gap)))
        self.opps = list(compress(range(1, n), self.level[1:n])) + [n]  # level NONE is 0: no break


_SHAPE_CACHE: dict[tuple, tuple[int, float, float, Optional[tuple[float, float]]]] = {}


def _shape(face: Face, ch: str, rotated: bool, vertical: bool, want_ink: bool
           ) -> tuple[int, float, float, Optional[tuple[float, float]]]:
    """(gid, advance along the line in ems, horizontal advance in ems, ink along the line in ems)."""
    upright_v = vertical and not rotated
    key = (face.path, ch, upright_v, want_ink)
    r = _SHAPE_CACHE.get(key)
    if r is None:
        gid = face.gid(ch)
        h = face.advance(gid)
        along = face.vadvance(gid) if upright_v else h
        ink = ink_along(face.bounds(gid), not upright_v) if want_ink else None
        r = (gid, along, h, ink)
        _SHAPE_CACHE[key] = r
    return r


def _caps(ink: Optional[tuple[float, float]], along_em: float) -> tuple[float, float]:
    """The cuttable part of a full-width mark's cell, in ems (left/top, right/bottom): the ½-em
    window that holds the ink, placed as near the ink's centre as the ink allows. A mark drawn in
    the bottom-left (SC) loses its right half; a centred mark (TC) a quarter on each side."""
    if ink is None or abs(along_em - 1.0) > 0.02:
        return 0.0, 0.0
    a, b = ink
    if b - a > 0.5 + 1e-6:
        return 0.0, 0.0
    lo, hi = max(0.0, b - 0.5), min(0.5, a)
    s = min(max((a + b) / 2 - 0.25, lo), hi)
    return s, 0.5 - s


# A shaped slot, in the order of the Prepared lists it fills: (char drawn, face key, gid, adv,
# draw_adv, cross, drop, rotated, tofu, emit, lcap, rcap, wordspace, countable, visible).
_EMIT, _ADV = 9, 3
# Shaped slots per registry and setting (script, size, direction, primary role). Once these are
# fixed, a slot depends only on the character, its font role and its cluster's kind — and a
# paragraph's hundreds of characters are a few dozen distinct ones, shaped once per process.
# (Like the registry's own resolve cache, this assumes a registry's fonts do not change.)
_SLOTS: "WeakKeyDictionary[FontRegistry, dict[tuple, dict]]" = WeakKeyDictionary()
_SLOT_SETTINGS_MAX = 256


def _slot_cache(fonts: FontRegistry, setting: tuple) -> dict:
    per_setting = _SLOTS.setdefault(fonts, {})
    cache = per_setting.get(setting)
    if cache is None:
        if len(per_setting) >= _SLOT_SETTINGS_MAX:
            per_setting.clear()
        cache = per_setting[setting] = {}
    return cache


def _slot(ch: str, role: str, kind: str, narrow: bool, fonts: FontRegistry, script: str,
          size: float, vertical: bool, primary: Face) -> Optional[tuple]:
    """The shaped slot of `ch` in a cluster of `kind`; None for a combining mark that a font has
    (it is placed over its base, which only prepare knows)."""
    cls = cjk.char_class(ch)
    is_mark = unicodedata.category(ch) in ("Mn", "Me")
    if is_mark and fonts.resolve(role, script, ch) is not None:
        return None
    # (a combining mark no font has is drawn as a box below and reported, never dropped)
    if (cls == cjk.INVISIBLE and not is_mark) or (cls == cjk.SPACE and ch not in " \u00a0"):
        space = cls == cjk.SPACE  # a word space other than U+0020/00A0: as wide as one
        adv = primary.char_advance(" ") * size if space else 0.0
        return (ch, "", 0, adv, 0.0, 0.0, 0.0, False, False, False, 0.0, 0.0, space, False, False)
    drawn, rot = ch, False
    if vertical and cls != cjk.SPACE:
        if kind == "latin":
            rot = True
        elif kind != "han":
            drawn, rot = vertical_char(ch, lambda c: fonts.resolve(role, script, c))
            if not rot and narrow and drawn == ch:
                rot = True  # narrow symbols without a vertical form lie down like Latin
    adjustable = ch in cjk.ADJUSTABLE
    face = fonts.resolve(role, script, drawn)
    if face is None:
        face, gid, tofu = primary, 0, True
        h = 1.0 if kind in ("han", "other") else primary.advance(0)
        along, ink = h, None
    else:
        tofu = False
        gid, along, h, ink = _shape(face, drawn, rot, vertical, adjustable)
    space = cls == cjk.SPACE
    lcap = rcap = 0.0
    if adjustable:
        l, r = _caps(ink, along)
        lcap, rcap = l * size, r * size
    cross = drop = 0.0
    if vertical:
        if rot:
            cross = rotated_cross(size)
        else:
            cross = upright_cross(h * size)
            drop = EM_TOP * size
    countable = not space and kind in ("han", "latin", "other", "tcy")
    return (drawn, face.key, gid, along * size, h * size, cross, drop, rot, tofu, True, lcap, rcap,
            space, countable, not space)


def prepare(text: str, style, fonts: FontRegistry) -> Prepared:
    """Shape and classify a paragraph for `style` (a TextStyle)."""
    size = style.size
    vertical = style.vertical
    script = style.script
    rules = cjk.kinsoku_rules(getattr(style, "kinsoku", ""), script)
    n = len(text)
    clusters = segment(text)
    primary = fonts.primary(style.role, script)
    roles = [style.role] * n
    for a, b, r in getattr(style, "role_spans", ()):
        roles[max(0, a):max(0, min(b, n))] = [r] * max(0, min(b, n) - max(0, a))

    if vertical:
        # one or two digits stand upright in one em (纵中横): spaced like a Han character
        clusters = [Cluster(c.start, c.end, "tcy", False)
                    if c.kind == "latin" and c.end - c.start <= TATECHUYOKO_MAX and text[c.start:c.end].isdigit()
                    else c for c in clusters]
    cache = _slot_cache(fonts, (script, size, vertical, style.role))
    shaped: list[tuple] = []
    marks: dict[int, float] = {}
    get, append = cache.get, shaped.append
    for start, end, kind, narrow in clusters:
        for j in range(start, end):
            ch = text[j]
            key = (ch, roles[j], kind, narrow)
            s = get(key, False)
            if s is False:
                s = cache[key] = _slot(ch, roles[j], kind, narrow, fonts, script, size, vertical, primary)
            if s is None:
                # A combining mark takes no room. Without GPOS anchors, its ink is centred
                # over the character before it (the mark's outline is drawn off its origin).
                mark_face = fonts.resolve(roles[j], script, ch)
                gid = mark_face.gid(ch)
                ink = mark_face.bounds(gid)
                base = next((k for k in range(j - 1, -1, -1) if shaped[k][_EMIT] and shaped[k][_ADV] > 0), None)
                if ink is not None and base is not None and not vertical:
                    marks[j] = -shaped[base][_ADV] / 2 - (ink[0] + ink[2]) / 2 * size
                s = (ch, mark_face.key, gid, 0.0, 0.0, 0.0, 0.0, False, False, True, 0.0, 0.0, False, False, False)
            append(s)
    (chars, faces, gids, adv, draw_adv, cross, drop, rotated, tofu, emit, lcap, rcap, wordspace,
     countable, visible) = [list(col) for col in zip(*shaped)] if shaped else [[] for _ in range(15)]
    for cl in clusters if vertical else ():
        if cl.kind == "tcy":
            # the digits share one upright em cell, side by side and centred on the axis
            w = sum(draw_adv[cl.start:cl.end])
            x = -w / 2
            for j in range(cl.start, cl.end):
                cross[j] = x
                x += draw_adv[j]
                adv[j] = 0.0
            adv[cl.end - 1] = size

    gap = [0.0] * n
    gap_shrink = [0.0] * n
    space_shrink = [0.0] * n
    space_grow = [0.0] * n
    pair_l = [0.0] * n
    pair_r = [0.0] * n
    level = [NONE] * (n + 1)
    share = [False] * (n + 1)
    level[n] = LEGAL
    track = style.tracking * size
    cl_gap = style.cjk_latin_space * size
    target = (1.0 if style.compress_pairs == "1em" else 0.5) * size

    adjustable = cjk.ADJUSTABLE
    before_prev: Optional[Cluster] = None
    no_start, no_end = rules.no_start, rules.no_end
    for prev, nxt in zip(clusters, islice(clusters, 1, None)):
        b = nxt.start
        j = b - 1
        if prev.kind == "han" and nxt.kind == "han":
            # Two Han clusters, most boundaries: break_level reduces to its prohibition test,
            # and neither the Han–Latin gap, a space nor a pair of marks applies.
            level[b] = PROHIBITED if text[b] in no_start or text[j] in no_end else LEGAL
            share[b] = True
            gap[j] += track
            before_prev = prev
            continue
        before = before_prev if prev.kind == "space" else None
        before_prev = prev
        lv = break_level(prev, nxt, text, rules, before)
        if lv != NONE:
            level[b] = lv
            share[b] = True
            gap[j] += track
        if (prev.kind, nxt.kind) in _HAN_LATIN and cl_gap > 0:
            gap[j] += cl_gap
            gap_shrink[j] = max(0.0, cl_gap - CJK_LATIN_MIN * size)
        if prev.kind == "space":
            mixed = before is not None and (before.kind, nxt.kind) in _HAN_LATIN
            for k in range(prev.start, prev.end):
                if not wordspace[k]:
                    continue
                if mixed and cl_gap > 0:
                    # a space between Han and Latin is the ¼-em gap itself (clreq 3.2.2)
                    adv[k] = cl_gap if k == prev.start else 0.0
                    space_shrink[k] = max(0.0, adv[k] - CJK_LATIN_MIN * size) if k == prev.start else 0.0
                else:
                    space_shrink[k] = adv[k] * (1 - _WORD_SPACE_MIN)
                    space_grow[k] = max(0.0, WORD_SPACE_MAX * size - adv[k])
        if text[j] in adjustable and text[b] in adjustable:
            r = min(rcap[j], target)
            l_ = min(lcap[b], target - r)
            pair_r[j], pair_l[b] = r, l_
            gap[j] -= r + l_

    prep = Prepared(text, size, vertical, rules, chars, faces, gids, adv, draw_adv, cross, drop, rotated,
                    tofu, emit, lcap, rcap, pair_l, pair_r, gap, gap_shrink, space_shrink, space_grow,
                    level, share, visible, countable, shift=marks)
    prep.finish()
    return prep
