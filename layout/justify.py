"""Line measurement and justification (clreq 3.6): natural width, how far a line can be pushed
in, and the final position of every glyph on a line.

Reduction (挤进) takes space first from Latin word spaces and Han–Latin gaps (down to ⅛ em),
then from the empty halves of full-width marks. Expansion goes first to Latin word spaces (up to
½ em), then evenly to every boundary between characters — never inside a Latin word, a number,
—— or …… (clreq 3.6.4), unless the line holds nothing else. A mark ending a line is always set in ½ em (GB/T 15834 5.1.10).
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import compress

from .cjk import DASH_CHARS, ELLIPSIS_CHARS
from .linebreak_prep import Prepared

EPS = 1e-6


@dataclass(frozen=True)
class Placed:
    """Positions along the line of slots start..end-1, the set width, and the change made."""

    pos: tuple[float, ...]
    width: float
    adjust: float  # points added (+) or taken out (−) to make the line flush
    hung: bool = False  # character grid: the last mark hangs beyond the edge (not in `width`)
    off_grid: bool = False  # character grid: spread evenly, off the grid (no whole-cell room)


def visible_end(p: Prepared, i: int, b: int) -> int:
    """End of the line's visible slots: trailing spaces hang, with no width."""
    e = b
    while e > i and not p.visible[e - 1]:
        e -= 1
    return e


def end_cut(p: Prepared, i: int, e: int) -> tuple[float, float]:
    """(left, right) cut of the mark ending a line: its cell is set in ½ em."""
    j = e - 1
    if p.rcap[j] == 0.0 and p.lcap[j] == 0.0:
        return 0.0, 0.0
    left = p.lcap[j] - (p.pair_l[j] if j > i else 0.0)
    return left, p.rcap[j]


def start_cut(p: Prepared, i: int, open_half: bool) -> float:
    """Cut before an opening bracket that starts a line (optional, clreq 3.1.6.3)."""
    if open_half and p.text[i] in "（〔［｛【〖《〈「『“‘" and p.lcap[i] > 0:
        return p.lcap[i]
    return 0.0


def natural(p: Prepared, i: int, b: int, open_half: bool = False) -> float:
    """Width of the line of slots i..b-1 as set solid (compression of pairs and line end applied).

    The line breaker asks this of every candidate end of every line, so the common case — a
    line ending in a visible slot that is no mark, no cut at its start — makes no further calls
    (subtracting a zero cut would leave the width unchanged, bit for bit)."""
    e = b if b > i and p.visible[b - 1] else visible_end(p, i, b)
    if e <= i:
        return 0.0
    j = e - 1
    w = p.prefix[e] - p.prefix[i] - p.gap[j]
    if p.rcap[j] != 0.0 or p.lcap[j] != 0.0:
        lc, rc = end_cut(p, i, e)
        w = w - lc - rc
    if open_half:
        w -= start_cut(p, i, open_half)
    return w


def shrink_capacity(p: Prepared, i: int, b: int) -> float:
    """How much the line i..b-1 can be pushed in."""
    e = visible_end(p, i, b)
    free_r, gap_shrink, free_l, space_shrink = p.free_r, p.gap_shrink, p.free_l, p.space_shrink
    cap = 0.0
    for j in range(i, e):
        if j < e - 1:
            cap += free_r[j] + gap_shrink[j]
            if j > i:
                cap += free_l[j]
        cap += space_shrink[j]
    return cap


def shares(p: Prepared, i: int, e: int) -> int:
    """Boundaries between characters on the line that take justification space."""
    return sum(1 for j in range(i + 1, e) if p.share[j])


def place(p: Prepared, i: int, b: int, avail: float, offset: float, justify: bool,
          open_half: bool = False) -> Placed:
    """Position slots i..b-1 on a line starting at `offset`; flush to offset+avail if `justify`."""
    e = visible_end(p, i, b)
    n = b - i
    dl = [0.0] * n   # extra cut on the left/top of a slot
    dr = [0.0] * n   # extra cut on the right/bottom
    dg = [0.0] * n   # extra space after a slot
    if e > i:
        lc, rc = end_cut(p, i, e)
        dl[e - 1 - i] += lc
        dr[e - 1 - i] += rc
    sc = start_cut(p, i, open_half) if e > i else 0.0
    if sc:
        dl[0] += sc
    nat = natural(p, i, b, open_half)
    slack = avail - nat if justify else 0.0
    if slack < -EPS:
        _shrink(p, i, e, -slack, dl, dr, dg)
    elif slack > EPS:
        slack = _grow_spaces(p, i, e, slack, dg)
        if slack > EPS:
            bounds = list(compress(range(i + 1, e), p.share[i + 1:e])) or _letter_bounds(p, i, e)
            if bounds:
                each = slack / len(bounds)
                for j in bounds:
                    dg[j - 1 - i] += each
    pos = []
    x = offset
    if e > i:
        for a, l_, r, g, d in zip(p.adv[i:e - 1], dl, dr, p.gap[i:e - 1], dg):
            pos.append(x - l_)
            x += a - l_ - r
            x += g + d
        k = e - 1 - i  # the last visible slot: no gap after it
        pos.append(x - dl[k])
        x += p.adv[e - 1] - dl[k] - dr[k]
    pos += [x] * (b - e)  # trailing spaces hang at the line end
    width = x
    return Placed(tuple(pos), width, (width - offset) - nat)


def _shrink(p: Prepared, i: int, e: int, need: float, dl: list, dr: list, dg: list) -> None:
    """Take `need` points out of the line: spaces and Han–Latin gaps first, then marks."""
    gap_shrink, space_shrink, free_r, free_l = p.gap_shrink, p.space_shrink, p.free_r, p.free_l
    if any(gap_shrink[i:max(i, e - 1)]) or any(space_shrink[i:e]):  # (none among Han and marks)
        soft = [(j, gap_shrink[j] if j < e - 1 else 0.0, space_shrink[j]) for j in range(i, e)]
        total = sum(g + s for _, g, s in soft)
        if total > EPS:
            f = min(1.0, need / total)
            for j, g, s in soft:
                dg[j - i] -= (g + s) * f
            need -= total * f
    if need <= EPS:
        return
    marks = []
    for j in range(i, e - 1):
        r = free_r[j]
        l_ = free_l[j] if j > i else 0.0
        if r > EPS or l_ > EPS:
            marks.append((j, l_, r))
    total = sum(l_ + r for _, l_, r in marks)
    if total <= EPS:
        return
    f = min(1.0, need / total)
    for j, l_, r in marks:
        dl[j - i] += l_ * f
        dr[j - i] += r * f


def _grow_spaces(p: Prepared, i: int, e: int, slack: float, dg: list) -> float:
    """Give slack to Latin word spaces up to their limit; returns what is left."""
    grow = p.space_grow
    if not any(grow[i:e]):  # (the common case: no word space on the line)
        return slack
    spaces = [(j, grow[j]) for j in range(i, e) if grow[j] > 0]
    total = sum(g for _, g in spaces)
    if total <= EPS:
        return slack
    f = min(1.0, slack / total)
    for j, g in spaces:
        dg[j - i] += g * f
    return slack - total * f


def _letter_bounds(p: Prepared, i: int, e: int) -> list[int]:
    """Last resort for a line of one cluster (a single long word): space its letters, but never
    the halves of —— or ……."""
    joined = DASH_CHARS + ELLIPSIS_CHARS
    return [j for j in range(i + 1, e) if p.visible[j] and not (p.text[j] in joined and p.text[j - 1] in joined)]
