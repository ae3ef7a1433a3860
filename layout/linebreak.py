"""Choosing line breaks (clreq 3.1.4, 3.5.4, 3.6): kinsoku by push-in or push-out, and no 孤字.

Each line takes the legal break that changes its spacing least: pushing in (挤进, compress
the line's punctuation and gaps to take one more cluster) or pushing out (推出, end the line
earlier and spread it). A prohibited break is used only when no legal one is possible, and a
cluster wider than the line is split as a last resort.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from itertools import islice

from .justify import EPS, natural, shares, shrink_capacity, visible_end
from .linebreak_prep import LEGAL, Prepared

# Bounded adjustment allowed to avoid a 孤字 last line: expansion per character boundary, in ems.
ORPHAN_MAX_GROW = 0.25
# How far past the fitting point push-in looks, in ems.
PUSH_IN_REACH = 1.5


@dataclass(frozen=True)
class Break:
    start: int
    end: int
    avail: float
    offset: float
    hung: bool = False  # character grid: the line's last mark hangs beyond the column edge


def is_orphan(p: Prepared, i: int, b: int) -> bool:
    """The slots i..b-1 hold at most one character that is not punctuation or space (孤字)."""
    return sum(1 for j in range(i, b) if p.countable[j]) <= 1


def _best_end(p: Prepared, i: int, avail: float, open_half: bool, full: float) -> int:
    """The end of the line starting at slot i (`full`: the width of a line with no indent)."""
    end = _legal_end(p, i, avail, open_half)
    if end < len(p.text) and _fits_no_line(p, end, full, open_half):
        # what follows is one cluster wider than any line (a long URL or number run): it will be
        # split wherever it starts, so start it here and fill this line rather than leave it short
        return _split(p, i, end, avail)
    return end


def _fits_no_line(p: Prepared, b: int, full: float, open_half: bool) -> bool:
    """The cluster starting at slot b is wider than a whole line."""
    k = bisect_right(p.opps, b)
    nxt = p.opps[k] if k < len(p.opps) else len(p.text)
    return natural(p, b, nxt, open_half) > full + EPS


def _split(p: Prepared, i: int, b: int, avail: float) -> int:
    """Split the cluster that starts at slot b (≥ i + 1) where the line from i stops fitting."""
    n = len(p.text)
    b = max(b, i + 1)
    while b < n and natural(p, i, b + 1) <= avail + EPS:
        b += 1
    return b


def _legal_end(p: Prepared, i: int, avail: float, open_half: bool) -> int:
    """The end of the line starting at slot i, at the best opportunity within reach."""
    n = len(p.text)
    level = p.level
    fit = -1          # furthest opportunity (any level) that fits solid
    legal_out = -1    # furthest legal opportunity that fits solid
    push_in = -1
    reach = avail + PUSH_IN_REACH * p.size
    limit = avail + EPS
    prefix, gap, visible, lcap, rcap = p.prefix, p.gap, p.visible, p.lcap, p.rcap
    for b in islice(p.opps, bisect_right(p.opps, i), None):
        j = b - 1
        if visible[j] and rcap[j] == 0.0 and lcap[j] == 0.0 and not open_half:
            w = prefix[b] - prefix[i] - gap[j]  # natural() of a line ending in a plain slot, inline
        else:
            w = natural(p, i, b, open_half)
        if w <= limit:
            if b == n:
                return n
            fit = b
            if level[b] == LEGAL:
                legal_out = b
        else:
            if w > reach:
                break
            if level[b] == LEGAL and w - shrink_capacity(p, i, b) <= limit:
                push_in = b
                break
    if push_in >= 0 and legal_out >= 0:
        cost_in = natural(p, i, push_in, open_half) - avail
        cost_out = avail - natural(p, i, legal_out, open_half)
        return push_in if cost_in <= cost_out + EPS else legal_out
    if push_in >= 0:
        return push_in
    if legal_out >= 0:
        return legal_out
    if fit >= 0:
        return fit  # no legal break within reach: a counted violation
    return _split(p, i, i + 1, avail)  # a single cluster wider than the line


def break_lines(p: Prepared, measure: float, first_offset: float, open_half: bool = False) -> list[Break]:
    """Breaks for the whole paragraph; the first line starts at `first_offset` (the indent)."""
    n = len(p.text)
    out: list[Break] = []
    i = 0
    while i < n:
        offset = first_offset if not out else 0.0
        avail = measure - offset
        b = _best_end(p, i, avail, open_half, measure)
        out.append(Break(i, b, avail, offset))
        i = b
    return out


def avoid_orphan(p: Prepared, lines: list[Break], open_half: bool = False) -> list[Break]:
    """Rework the last two lines so the last holds more than one character, when a bounded
    adjustment does it: push the orphan in, or push one more cluster down."""
    if len(lines) < 2:
        return lines
    prev, last = lines[-2], lines[-1]
    n = len(p.text)
    if not is_orphan(p, last.start, n):
        return lines
    i, avail = prev.start, prev.avail
    options = []
    w = natural(p, i, n, open_half)
    if w - shrink_capacity(p, i, n) <= avail + EPS:
        options.append((max(0.0, w - avail), [Break(i, n, avail, prev.offset)]))
    for b in reversed(p.opps[bisect_right(p.opps, i):]):
        if b >= last.start or not (i < b):
            continue
        if p.level[b] != LEGAL:
            continue
        if natural(p, b, n, open_half) > last.avail + EPS:
            break
        if is_orphan(p, b, n):
            continue
        grow = avail - natural(p, i, b, open_half)
        m = shares(p, i, visible_end(p, i, b))
        if m and grow / m <= ORPHAN_MAX_GROW * p.size:
            options.append((grow, [Break(i, b, avail, prev.offset), Break(b, n, last.avail, last.offset)]))
        break
    if not options:
        return lines
    options.sort(key=lambda o: o[0])
    return lines[:-2] + options[0][1]
