"""Makeup search 组版: the ways each story can fill a block, and stacks of blocks filling a region exactly.

A region of the page is cut into stacks (side-by-side groups of whole columns); each stack holds
consecutive stories one above the other. A story's *variants* are the block heights at which it
fills its columns with at most two empty lines (漏白), each from a headline choice (size on the
house scale, one line more of headline, horizontal or 竖题) or a picture height. A stack is
feasible at height R when some choice of variants sums to R; stacks side by side must not put
headlines next to each other at the same height (碰题).
"""
from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from typing import Optional, Sequence

from .copyfit import body_lines, head_rows, vertical_head
from .flow import body_segments, column_tape, head_segments, lines_needed
from .fonts import FontRegistry
from .model import Block, Grid, HeadStyle, ImageFrame, Story
from .render import AIR_LINES, predict_block

MAX_EMPTY = 2  # 漏白: no more than two empty body lines in a block
MIN_BODY_ROWS = 3  # 背题: a headline keeps at least three lines of its text under it
PAIR_COST = 0.5  # two stories side by side in a stack: a little more work for the reader than a strip


@dataclass(frozen=True)
class Variant:
    """One way a story fills a block `cols` wide and `rows` high."""

    rows: int
    cols: int
    head: HeadStyle
    head_rows: int
    image_rows: int = 0  # photo-news: the picture's height in grid lines
    cost: float = 0.0
    note: str = ""  # the copyfit steps taken, for the report
    jump: str = ""  # "" whole story | "out": continues on the next page (下转) | "in": continued (上接)
    #                 | "lead": a package's lead, the linked frame under its banner (no head, no jump line)
    vertical_text: bool = False  # the body is set vertically 竖排 (Block.vertical)
    air: int = 0  # empty lines at the top: its text starts at the top edge under another block

    @property
    def head_touches(self) -> tuple[bool, bool]:
        """Whether the headline zone faces the block's left and right neighbours (for 碰题).

        A horizontal head faces both: even a head spanning one column less reads as level with a
        head beside it. A 竖题 stands at the block's right side, with text between it and the left.
        """
        if self.head.orientation == "vertical":
            return (self.cols <= 1, True)
        return (True, True)

    @property
    def head_interval(self) -> tuple[int, int]:
        """Rows (from the block top) the headline zone occupies."""
        top = self.image_rows + self.air
        return (top, top + self.head_rows)

    def facing(self, side: int) -> tuple[tuple[int, int], ...]:
        """Row intervals (from the block top) of headline zones facing its left (0) / right (1) side."""
        return self._faces[side]

    @cached_property
    def _faces(self) -> tuple[tuple[tuple[int, int], ...], ...]:  # the search asks very often
        return tuple((self.head_interval,) if self.head_rows and self.head_touches[side] else ()
                     for side in (0, 1))

    def mask(self, side: int) -> int:
        """`facing(side)` as a bit mask of rows from the block top (for the search's 碰题 test)."""
        return _mask(self._faces[side])

    @cached_property
    def masks(self) -> tuple[int, int]:
        """(mask(0), mask(1)), kept: the search asks for them half a million times on 16 pages."""
        return self.mask(0), self.mask(1)


@dataclass(frozen=True)
class Pair:
    """Two stories side by side in one module of a stack (e.g. 2 + 3 columns under a 5-column lead),
    both exactly `rows` high; the left one faces the stack's left neighbour, the right one its right.
    over: a package's lead 导语 set above the left story (its linked frame under the banner), so the
    two heads fall at different heights without a 竖题 — the band's lead stack in one module."""

    rows: int
    cols: int
    left: Variant
    right: Variant
    cost: float
    air: int = 0  # the hairline above a pair sits at its top edge
    over: Optional[Variant] = None

    @property
    def drop(self) -> int:
        """Rows the left story starts below the module top (under the lead)."""
        return self.over.rows if self.over else 0

    def facing(self, side: int) -> tuple[tuple[int, int], ...]:
        if side == 1:
            return self.right.facing(1)
        return tuple((a + self.drop, b + self.drop) for a, b in self.left.facing(0))

    def mask(self, side: int) -> int:
        return self.left.mask(0) << self.drop if side == 0 else self.right.mask(1)

    @property
    def masks(self) -> tuple[int, int]:
        return self.left.masks[0] << self.drop, self.right.masks[1]

    def parts(self) -> tuple[tuple[int, int, Variant], ...]:
        """(column offset, row offset, variant) of its blocks in reading order."""
        out = ((0, 0, self.over),) if self.over else ()
        return out + ((0, self.drop, self.left), (self.left.cols, 0, self.right))


@lru_cache(maxsize=4096)
def _mask(intervals: tuple[tuple[int, int], ...]) -> int:
    return sum(((1 << (b - a)) - 1) << a for a, b in intervals)


def pairs(left: Sequence[Variant], right: Sequence[Variant], limit: int = 40,
          over: Sequence[Variant] = ()) -> list[Pair]:
    """Side-by-side modules of two stories' variants of equal height whose heads are not level
    (碰题 between them), the cheapest per height and outer head rows. over: the package lead's
    variants, one of which then stands above the left story (as wide as it)."""
    best: dict[tuple, Pair] = {}
    for o in over or (None,):
        drop, oc = (o.rows, o.cost) if o else (0, 0.0)
        for a in left:
            if o and o.cols != a.cols:
                continue
            for b in right:
                if drop + a.rows != b.rows or (a.mask(1) << drop) & b.mask(0):
                    continue
                p = Pair(b.rows, a.cols + b.cols, a, b, oc + a.cost + b.cost + PAIR_COST, over=o)
                key = (p.rows, p.facing(0), p.facing(1))
                if key not in best or p.cost < best[key].cost:
                    best[key] = p
    return sorted(best.values(), key=lambda p: p.cost)[:limit]


def sizes_for(importance: int, cols: int) -> tuple[float, ...]:
    """Headline sizes to try, best first: the lead 头条 gets the largest on the scale."""
    if importance == 0:
        return (48.0, 42.0, 36.0) if cols >= 4 else (36.0, 30.0)
    if importance <= 2:
        return (30.0, 26.0, 22.0) if cols >= 3 else (22.0, 20.0, 18.0)
    return (22.0, 20.0, 18.0) if cols >= 3 else (20.0, 18.0, 16.0)


def face_for(importance: int) -> str:
    return "hei" if importance % 2 == 0 else "song"


def head_rank(importance: int) -> int:
    """The rank a story's variants depend on (`sizes_for`, `face_for`): from the fourth story on
    only the face alternates, so ranks 3, 5, 7… and 4, 6, 8… make the same variants (memo keys)."""
    return importance if importance <= 2 else 4 - importance % 2


def article_variants(story: Story, cols: int, importance: int, grid: Grid, script: str,
                     fonts: FontRegistry, allow_vertical: bool = True, max_empty: int = MAX_EMPTY,
                     vertical_text: bool = False, under: bool = False) -> list[Variant]:
    """Block heights at which an article fills `cols` columns, with the headline choices behind them.
    vertical_text: the body is set vertically (heights then come from flowing it so); under: the
    block sits right under another block, so text starting at its top edge (a 竖题 block's, a
    headless story's) gets AIR_LINES of air (render.block_under)."""
    L = body_lines(story, grid, script=script, fonts=fonts)
    face = face_for(importance)
    air = AIR_LINES if under else 0
    out: list[Variant] = []
    for si, size in enumerate(sizes_for(importance, cols)):
        spans = [cols] + ([cols - 1] if cols >= 3 else [])
        for span in spans:
            h0, fits = head_rows(story, grid, span, size, face, script, fonts)
            if not fits:
                continue
            a = 0 if head_segments(story) else air  # a story without a head starts with text
            for d in (0, 1, 2):
                h = h0 + d
                r = math.ceil((L + span * h) / cols) + a
                empty = cols * (r - a) - span * h - L
                if empty <= max_empty and r - h >= MIN_BODY_ROWS:
                    hs = HeadStyle(face=face, size=size, span=span if span < cols else 0, rows=h)
                    note = f"headline {size:g}pt" + (f", {d} line(s) more of headline" if d else "")
                    v = Variant(r, cols, hs, h, 0, si + d * 0.5 + (span < cols) * 0.7, note,
                                vertical_text=vertical_text, air=a)
                    out += _verified(story, v, grid, script, fonts, max_empty)
    if allow_vertical and cols >= 2 and importance > 0:
        # a smaller 竖题 in a zone as high, as many columns wide, in a block as high fills the
        # block exactly as a larger one does and always costs more (a size step is 1, a zone line
        # 0.25 and the smaller head needs more of them): `_dedupe` would drop it, so it is never
        # verified (about half the 竖题 candidates). Vertical text is flowed with the head's own
        # size, so there every candidate is verified.
        seen: set[tuple[int, int, int]] = set()
        for si, size in enumerate((26.0, 22.0, 20.0, 18.0, 16.0)):
            hv, vc = vertical_head(story, grid, size, face, script, fonts)
            if vc >= cols:
                continue
            # the 竖题 is centred in its zone, so the zone may be any height from the head's own
            # up to the block's: each extra line is one more way to fill a stack exactly
            for d in range(0, 9):
                H = hv + d
                r = math.ceil((L + vc * H) / cols) + air
                empty = cols * (r - air) - vc * H - L
                if not vertical_text and (r, H, vc) in seen:
                    continue
                seen.add((r, H, vc))
                if empty <= max_empty and H + air <= r:
                    hs = HeadStyle(orientation="vertical", face=face, size=size, rows=H)
                    v = Variant(r, cols, hs, H, 0, 3.0 + si + d * 0.25, f"vertical headline 竖题 {size:g}pt",
                                vertical_text=vertical_text, air=air)
                    out += _verified(story, v, grid, script, fonts, max_empty)
    return _dedupe(out)


def photo_variants(story: Story, cols: int, grid: Grid, script: str, fonts: FontRegistry) -> list[Variant]:
    """A photo-news item 图片新闻: picture on top (any height from 0.45 to 0.9 of its width), headline,
    then the caption across the picture's width."""
    width = grid.span_width(cols)
    segs = [s if s.role != "body" else s.__class__("caption", s.text, s.start) for s in body_segments(story)]
    Lc = lines_needed(segs, width, grid, script, fonts=fonts)
    size = 20.0 if cols >= 3 else 16.0
    h, _ = head_rows(story, grid, cols, size, "hei", script, fonts) if story.headline.main else (0, True)
    out = []
    lo, hi = math.ceil(0.45 * width / grid.leading), math.floor(0.9 * width / grid.leading)
    ideal = 0.66 * width / grid.leading
    for p in range(lo, hi + 1):
        hs = HeadStyle(face="hei", size=size, rows=h)
        out += _verified(story, Variant(p + h + Lc, cols, hs, h, p, abs(p - ideal) * 0.05,
                                        f"picture {p} lines high"), grid, script, fonts, MAX_EMPTY)
    return _dedupe(out)


MIN_JUMP_BODY = 6  # a story cut for the next page keeps this many text lines here: never a lone head


def partial_variants(story: Story, cols: int, importance: int, grid: Grid, script: str,
                     fonts: FontRegistry) -> list[Variant]:
    """The story's first part, continued on the next page (下转): any height that leaves at least
    MIN_JUMP_BODY text lines under its headline and at least a few lines for the next page.
    Only its head is measured: the block is full by construction (what does not fit jumps)."""
    if story.kind != "article":
        return []
    L = body_lines(story, grid, script=script, fonts=fonts)
    face = face_for(importance)
    for si, size in enumerate(sizes_for(importance, cols)):
        h, fits = head_rows(story, grid, cols, size, face, script, fonts)
        if fits:
            break
    else:
        return []
    hs = HeadStyle(face=face, size=size, rows=h)
    top = (L - 3 * cols) // cols + h  # leave at least three lines of copy for the continuation
    # the lead 头条 is the page's main story: at least half of its text stays on its page
    least = max(MIN_JUMP_BODY, math.ceil(L / 2 / cols) if importance == 0 else 0)
    return [Variant(r, cols, hs, h, 0, 4.0 + si + 0.02 * (top - r), "continued on the next page", "out")
            for r in range(h + least, top)]


def continued_variants(story: Story, start, cols: int, grid: Grid, script: str,
                       fonts: FontRegistry, under: bool = False, repeat_head: bool = False) -> list[Variant]:
    """The rest of a story from flow cursor `start`, with its 上接 line: with no headline, the one
    height per width at which it fits with at most MAX_EMPTY empty lines, found by flowing it
    (under another block: below AIR_LINES of air). repeat_head (a continuation on another page):
    also under its main head repeated small (续题, REPEAT_SIZES) in a zone of its own height up to
    two lines more — the heights that let a page take the rest exactly."""
    def facts(rows: int, hs: HeadStyle = HeadStyle()):
        b = Block("c", story.id, 0, 0, cols, rows, head=hs, show_head=hs.rows > 0)
        return predict_block(story, b, grid, script, fonts, start, (True, False), under and not hs.rows)

    need = facts(2).needed_chars
    low = max(2, int(need / (grid.chars_per_column * cols)))
    out = []
    heads = [(HeadStyle(), 0.0)]
    if repeat_head and story.headline.main:
        for si, size in enumerate(REPEAT_SIZES):
            h0, fits = head_rows(replace(story, headline=replace(story.headline, kicker="", sub="")),
                                 grid, cols, size, "hei", script, fonts)
            if fits:
                # across the block, or a column less (the last column runs up beside it)
                heads += [(HeadStyle(face="hei", size=size, span=span if span < cols else 0, rows=h0 + d),
                           0.5 + si * 0.3 + d * 0.3 + (span < cols) * 0.7)
                          for span in ([cols] + ([cols - 1] if cols >= 3 else [])) for d in range(3)]
    for hs, cost in heads:
        r = low + hs.rows
        while r <= grid.rows:
            f = facts(r, hs)
            if f.overset_chars == 0:
                if f.underset_lines <= MAX_EMPTY and f.head_fits and r - hs.rows >= MIN_BODY_ROWS:
                    out.append(Variant(r, cols, hs, hs.rows, 0, cost + f.underset_lines * 0.3,
                                       "continued" + (f", head repeated {hs.size:g}pt" if hs.rows else ""),
                                       "in", air=AIR_LINES if under and not hs.rows else 0))
                break
            r += 1
    return _dedupe(out)


REPEAT_SIZES = (18.0, 16.0)  # a continuation's repeated main head 续题: small, below any page's heads


def lead_variants(story: Story, start, cols: int, grid: Grid, script: str,
                  fonts: FontRegistry) -> list[Variant]:
    """A package's lead 导语 at the top of one stack under the banner (the banner's linked frame),
    set across the stack in one measure from flow cursor `start`: its own height and up to
    MAX_EMPTY lines more, so the stacks' first sub-heads can fall at different heights."""
    lines = lines_needed(body_segments(story), grid.span_width(cols), grid, script, fonts=fonts)
    out = []
    for rows in range(max(1, lines), lines + MAX_EMPTY + 1):
        b = Block("lead", story.id, 0, 0, cols, rows, body_columns=1, show_head=False)
        f = predict_block(story, b, grid, script, fonts, start)
        if f.overset_chars == 0 and f.underset_lines <= MAX_EMPTY:
            out.append(Variant(rows, cols, HeadStyle(), 0, 0, 0.3 * f.underset_lines, "package lead", "lead"))
    return out


def variant_block(story: Story, v: Variant, col: int = 0, row: int = 0, block_id: str = "",
                  importance: int = 0, image_path: str = "") -> Block:
    """The block a variant stands for (a photo-news item gets its picture frame on top)."""
    image = ImageFrame(image_path, 0, 0, v.cols, v.image_rows) if story.kind == "photo" else None
    return Block(block_id or f"b-{story.id}", story.id, col, row, v.cols, v.rows,
                 body_columns=1 if image or v.jump == "lead" else 0, head=v.head,
                 show_head=v.jump != "lead" and (v.jump != "in" or v.head_rows > 0), image=image,
                 importance=importance, vertical=v.vertical_text)


def _verified(story: Story, v: Variant, grid: Grid, script: str, fonts: FontRegistry,
              max_empty: int) -> list[Variant]:
    """The variant as the renderer will really set it: line counts are a lower bound (a subhead
    is never left at a column foot, so flow may need a line more), so the block is filled exactly
    as `render` flows it (`fill`), one line taller when that is what it takes; the cost counts the
    empty lines it really leaves. [] when it does not fit within the 漏白 limit."""
    # vertical text fills a block by whole vertical lines: look a few lines either side
    for rows in (range(v.rows - 3, v.rows + 4) if v.vertical_text else (v.rows, v.rows + 1)):
        fits, empty = fill(story, v, rows, grid, script, fonts)
        if fits:
            if empty > max_empty:
                return []
            return [replace(v, rows=rows, cost=v.cost + empty * 0.3)]
    return []


def fill(story: Story, v: Variant, rows: int, grid: Grid, script: str, fonts: FontRegistry) -> tuple[bool, int]:
    """Whether the story fits the variant's block `rows` high (text and head), and the empty lines
    it leaves — what `render.predict_block` says. The common blocks (text columns under or beside a
    head, a photo-news caption under its picture) are read off the story's column tape: their
    slots all have one width, so only their heights matter; the others are flowed."""
    got = _slot_heights(story, v, rows, grid, script, fonts)
    tape = got and column_tape(got[0], got[1], grid, script, fonts)
    if tape is None:
        w = replace(v, rows=rows)
        facts = predict_block(story, variant_block(story, w), grid, script, fonts, under=v.air > 0)
        return facts.overset_chars == 0 and facts.head_fits, facts.underset_lines
    heights = got[2]
    n = tape.fill(heights)
    return n == tape.lines, sum(heights) - n


def _slot_heights(story: Story, v: Variant, rows: int, grid: Grid, script: str, fonts: FontRegistry
                  ) -> Optional[tuple[list, float, list[int]]]:
    """(body segments, slot width, slot heights in flow order) of the variant's block as render
    lays it out (`render.lay_out_in`: head zone, air, picture, one text column per grid column),
    or None for the blocks this does not model (vertical text, jump lines, a head that does not fit)."""
    if v.vertical_text or v.jump:
        return None
    cols, hs, head = v.cols, v.head, bool(head_segments(story))
    if story.kind == "photo":
        if head and not (hs.rows and head_rows(story, grid, cols, hs.size, hs.face, script, fonts)[1]):
            return None
        segs = [replace(s, role="caption") if s.role == "body" else s for s in body_segments(story)]
        h = rows - v.image_rows - (hs.rows if head else 0)
        return segs, grid.span_width(cols), [h] if h > 0 else []
    if v.image_rows or (head and not (hs.rows and hs.size)):
        return None
    if not head:
        return body_segments(story), grid.column_width, [rows - v.air] * cols if rows > v.air else []
    if hs.orientation == "vertical":
        hv, vc = vertical_head(story, grid, hs.size, hs.face, script, fonts)
        avail = rows - v.air
        if avail < hv or vc >= cols:  # render would plan the head shrunk into less height
            return None
        right = avail - min(avail, hs.rows)
        heights = [avail] * (cols - vc) + ([right] * vc if right > 0 else [])
        return body_segments(story), grid.column_width, heights
    span = min(hs.span or cols, cols)
    if not head_rows(story, grid, span, hs.size, hs.face, script, fonts)[1]:
        return None
    under = rows - hs.rows
    heights = ([under] * span if under > 0 else []) + [rows] * (cols - span)
    return body_segments(story), grid.column_width, heights


def _dedupe(vs: list[Variant]) -> list[Variant]:
    """The cheapest variant per height and headline shape: a narrower or vertical head of the same
    height is kept, because it is what lets two stacks sit side by side without 碰题."""
    best: dict[tuple, Variant] = {}
    for v in sorted(vs, key=lambda v: v.cost):
        best.setdefault((v.rows, v.head_touches, v.head_interval), v)
    return sorted(best.values(), key=lambda v: v.cost)


def stack_sums(variants: Sequence[Sequence[Variant]], cap: Optional[int] = None) -> dict[int, float]:
    """Heights a stack of these stories can take exactly (up to `cap` rows: no page is taller),
    with the cheapest cost of each."""
    cap = math.inf if cap is None else cap
    sums: dict[int, float] = {0: 0.0}
    for vs in variants:
        # only the cheapest variant of each height can make a cheapest sum (c + a <= c + b when
        # a <= b, in floats too): a story has several per height (head shapes), so fewer steps
        least: dict[int, float] = {}
        for v in vs:
            if v.cost < least.get(v.rows, math.inf):
                least[v.rows] = v.cost
        nxt: dict[int, float] = {}
        for s, c in sums.items():
            for r, vc in least.items():
                k = s + r
                if k <= cap and c + vc < nxt.get(k, math.inf):
                    nxt[k] = c + vc
        sums = nxt
    return sums


def stack_choices(variants: Sequence[Sequence[Variant]], total: int, limit: int = 60
                  ) -> tuple[list[tuple[Variant, ...]], list[float]]:
    """Up to `limit` variant choices that sum to exactly `total` rows — the first found, depth first
    in the variants' order — cheapest first, and their costs."""
    n = len(variants)
    if n == 0:
        return [()], [0]
    # reach[i]: the heights the stories from i on can sum to (within total); the walk only
    # enters a variant that leaves a height the rest can fill, so it never dead-ends
    reach: list[set[int]] = [set() for _ in range(n + 1)]
    reach[n].add(0)
    for i in range(n - 1, -1, -1):
        heights = {v.rows for v in variants[i]}
        reach[i] = {s + r for s in reach[i + 1] for r in heights if s + r <= total}
    levels = [[(v, v.rows, v.cost) for v in vs] for vs in variants]
    last = levels[-1]
    out: list[tuple[float, tuple[Variant, ...]]] = []

    def walk(i: int, left: int, acc: tuple, cost: float) -> None:
        if i == n - 1:  # the last story: the variants exactly `left` high, no deeper call
            for v, r, c in last:
                if r == left:
                    if len(out) >= limit:
                        return
                    out.append((cost + c, acc + (v,)))
            return
        reach_next = reach[i + 1]
        for v, r, c in levels[i]:
            if len(out) >= limit:
                return
            if left - r in reach_next:
                walk(i + 1, left - r, acc + (v,), cost + c)

    walk(0, total, (), 0)
    del walk  # a recursive closure is a reference cycle: freed now, not by the collector (paused, see compose)
    out.sort(key=lambda t: t[0])  # stable: ties keep the order found
    return [ch for _, ch in out], [c for c, _ in out]


@lru_cache(maxsize=64)
def partitions(cols: int, first_min: int = 2) -> tuple[tuple[int, ...], ...]:
    """Stack widths across a region: 2 to 4 stacks of 2 to 5 columns (1 or 2 for narrow regions)."""
    out = []
    for k in range(1, 5):
        for ws in itertools.product(range(2, 6), repeat=k):
            if sum(ws) == cols and ws[0] >= first_min:
                out.append(ws)
    if not out:
        out = [(cols,)]
    return tuple(out)  # memoised: immutable


@lru_cache(maxsize=256)
def splits(n: int, k: int) -> tuple[tuple[int, ...], ...]:
    """Ways to cut n items into k consecutive non-empty groups, as group sizes."""
    out = []
    for cuts in itertools.combinations(range(1, n), k - 1):
        b = (0,) + cuts + (n,)
        out.append(tuple(b[i + 1] - b[i] for i in range(k)))
    return tuple(out)  # memoised: immutable


def place(choice: Sequence[Variant], top: int) -> list[tuple[int, Variant]]:
    out, r = [], top
    for v in choice:
        out.append((r, v))
        r += v.rows
    return out


class StackChoices:
    """One stack's variant choices summing to `total` rows (`stack_choices`, cheapest first), their
    costs and — made when first asked, most are never reached — the rows of their heads facing the
    stack's left / right side as bit masks from the stack top. A stack recurs in many regions (its
    neighbours change), so the caller may keep these and pass them to `best_region` again."""

    def __init__(self, variants: Sequence[Sequence[Variant]], total: int, limit: int) -> None:
        self.choices, self.costs = stack_choices(variants, total, limit)
        self.made_masks: list[Optional[tuple[int, int]]] = [None] * len(self.choices)

    def masks(self, k: int) -> tuple[int, int]:
        got = self.made_masks[k]
        if got is None:
            left = right = r = 0
            for v in self.choices[k]:
                a, b = v.masks
                left |= a << r
                right |= b << r
                r += v.rows
            got = self.made_masks[k] = (left, right)
        return got


def best_region(groups: Sequence[Sequence[Sequence[Variant]]], top: int, total: int,
                limit: int = 150, max_nodes: int = 1000, choices=StackChoices
                ) -> Optional[tuple[float, list[list[tuple[int, Variant]]]]]:
    """The cheapest collision-free choice for stacks side by side, each exactly `total` rows.
    Branch and bound over each stack's choices (cheapest first), at most `max_nodes` steps: the
    best found by then (deterministic). choices(group, total, limit) -> StackChoices (a memo)."""
    per = []
    for g in groups:
        sc = choices(g, total, limit)
        if not sc.choices:
            return None
        per.append(sc)
    rest = [0.0] * (len(per) + 1)  # the least the stacks from i on can cost
    for i in range(len(per) - 1, -1, -1):
        rest[i] = rest[i + 1] + min(per[i].costs)
    # 碰题 is a head facing the right side of one stack level with one facing the left side of the
    # next (rows overlapping); all stacks start at `top`, so their masks from the stack top compare
    best: Optional[tuple[float, list]] = None
    nodes = 0

    def walk(i: int, acc: list, cost: float, facing: int) -> None:
        nonlocal best, nodes
        if i == len(per):
            best = (cost, [place(per[j].choices[k], top) for j, k in enumerate(acc)])
            return
        bound = rest[i + 1]
        sc = per[i]
        made = sc.made_masks  # the masks made so far (None: not yet), read directly: hot loop
        for k, c in enumerate(sc.costs):
            if best is not None and cost + c + bound >= best[0]:
                break  # the choices are cheapest first: none further can win
            nodes += 1
            if nodes > max_nodes:
                return
            m = made[k] or sc.masks(k)
            if acc and facing & m[0]:
                continue
            walk(i + 1, acc + [k], cost + c, m[1])

    walk(0, [], 0.0, 0)
    del walk  # frees the closure's cycle now (see stack_choices)
    return best
