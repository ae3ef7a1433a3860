"""Automatic page makeup 自动组版: stories in importance order → pages of blocks, rules and a header.

First an exact search (see docs/compose.md): the package 组合稿 in a band across the foot of the
page (banner, lead, sub-stories in stacks separated by rules), the other stories in stacks above
it, the lead story 头条 top-left with the largest headline; every alternative that fills the page
with no block more than two lines short is scored and the cheapest kept. When nothing fills a page
exactly and more pages are allowed, the page ends with a story cut at a chosen line and continued
on the next page in a linked frame (下转/上接 jump lines); whatever does not fit in the pages
allowed is reported. Deterministic: no randomness, stable order.
"""
from __future__ import annotations

import gc
import itertools
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Optional, Sequence

from .copyfit import body_lines, head_rows
from .fonts import FontRegistry, default_registry
from .makeup import (MIN_JUMP_BODY, Pair, StackChoices, article_variants, best_region, continued_variants,
                     head_rank, lead_variants, pairs,
                     partial_variants, partitions,
                     photo_variants, splits, stack_sums, variant_block, Variant, face_for, sizes_for)
from .model import Block, Document, HeadStyle, ImageFrame, Page, PageHeader, PageSpec, RuleLine, Story
from .flow import Cursor, body_segments, lines_needed
from .limits import check_page_count, check_spec, check_stories
from .render import predict_flow


@dataclass(frozen=True)
class ComposeResult:
    document: Document
    report: tuple[str, ...]
    score: float = 0.0


@dataclass(frozen=True)
class _Unit:
    story: Story
    subs: tuple[Story, ...] = ()
    importance: int = 0
    start: Cursor = Cursor()  # a continuation: the story's rest from this flow cursor (上接)
    prev: str = ""  # the block it continues
    lead: bool = False  # a package's lead in a stack under its banner (the banner's linked frame)
    jumped: bool = False  # a continuation of page 1's jump (上接): it follows the next page's lead


def _units(stories: Sequence[Story]) -> list[_Unit]:
    subs: dict[str, list[Story]] = {}
    for s in stories:
        if s.group:
            subs.setdefault(s.group, []).append(s)
    out, i = [], 0
    for s in stories:
        if s.group and any(p.id == s.group for p in stories):
            continue
        out.append(_Unit(s, tuple(subs.get(s.id, ())) if s.kind == "package" else (), i))
        i += 1
    return out


@lru_cache(maxsize=4096)
def _unit_variants(story: Story, start: Cursor, lead: bool, cols: int, imp: int, cut: bool, under: bool,
                   vertical_head: bool, vertical_text: bool, grid, fonts: FontRegistry) -> tuple[Variant, ...]:
    """A unit's variants (see `_Composer.variants`), memoised across calls: a re-compose after a
    keystroke makes only the edited story's again."""
    if lead:
        vs = lead_variants(story, start, cols, grid, "sc", fonts)
    elif start != Cursor():
        vs = continued_variants(story, start, cols, grid, "sc", fonts, under, repeat_head=True)
    elif story.kind == "photo":
        vs = photo_variants(story, cols, grid, "sc", fonts)
    else:
        vs = article_variants(story, cols, imp, grid, "sc", fonts, vertical_text=vertical_text, under=under)
        if vertical_head:
            vs = [v for v in vs if v.head.orientation == "vertical"]
    if cut:
        vs = vs + partial_variants(story, cols, imp, grid, "sc", fonts)
    return tuple(vs)


@lru_cache(maxsize=4096)
def _pairs(splits: tuple[tuple[tuple[Variant, ...], tuple[Variant, ...], tuple[Variant, ...]], ...]
           ) -> tuple[Pair, ...]:
    """Side-by-side modules for each split's (left, right, lead over the left) variants, cheapest
    first (memoised)."""
    out: list[Pair] = []
    for left, right, over in splits:
        out += pairs(left, right, over=over)
    return tuple(sorted(out, key=lambda p: p.cost))


class _Composer:
    def __init__(self, spec: PageSpec, images: dict[str, str], fonts: FontRegistry) -> None:
        self.spec, self.grid, self.images, self.fonts = spec, spec.grid, images, fonts
        self.report: list[str] = []
        self.partial: frozenset[str] = frozenset()  # the stories that may be cut on this page (下转)
        self.keep: dict[str, int] = {}  # their estimated cells on this page (see cut_page)
        self.must_cut = False  # they must be cut (a front page's jumps), not only may
        self.cut: list[str] = []  # the stories the page found was cut in (their variants jump out)
        self.jumps = False  # a multi-page edition: page 1 may jump its longest story inside
        self.max_pages = 1
        self.page = 0
        self.first_page = 0  # the edition's index of page 0 here, for the report (see compose_pages)
        self._variants: dict[tuple, tuple] = {}
        self._sums: dict[tuple, dict[int, float]] = {}
        self._best: dict[tuple, object] = {}
        self._choices: dict[tuple, StackChoices] = {}
        self._options: dict[tuple, list] = {}
        self.work = 0  # search steps spent on this page (bounded by SEARCH_BUDGET)
        self.unplaced: list[_Unit] = []  # units no page could start with
        self.vertical_heads: frozenset[str] = frozenset()  # stories to set with a 竖题
        self.vertical_text: frozenset[str] = frozenset()  # stories whose body is set vertically

    def variants(self, u: _Unit, cols: int, importance: Optional[int] = None, under: bool = True
                 ) -> tuple[Variant, ...]:
        """The unit's variants `cols` wide; under: its block sits right under another block (not at
        the top of the type area), so text starting at its top edge gets air."""
        imp = head_rank(u.importance if importance is None else importance)
        cut = u.story.id in self.partial
        must = cut and self.must_cut  # the page is made to cut it: only its cut variants
        # the cursor as two ints: hashing the dataclass runs Python code, and this is asked ~300k
        # times on 16 pages
        key = (u.story.id, u.start.seg, u.start.pos, cols, imp, cut, under, must)
        if key not in self._variants:
            vs = _unit_variants(u.story, u.start, u.lead, cols, imp, cut, under, u.story.id in self.vertical_heads,
                                u.story.id in self.vertical_text, self.grid, self.fonts)
            self._variants[key] = tuple(v for v in vs if v.jump == "out") if must else vs
        return self._variants[key]

    # ---------------------------------------------------------------- exact search
    def region_options(self, units: Sequence[_Unit], cols: int, lead: bool) -> list[tuple[tuple, tuple]]:
        """(widths, modules) ways to cut a region into stacks of consecutive stories: per stack, its
        modules top to bottom, each one story across the stack (1) or two side by side (2); at most
        one pair per region, never above the lead story. Only cuts whose stacks could plausibly
        end level: each stack's estimated height (its stories' estimated cells over its width)
        within BALANCE of the region's, the most level first — stacks far apart would need
        impossible headline or picture changes. Memoised: a page's tries and the orders tried
        for it ask again for the same stories."""
        key = (tuple((u.story.id, u.start.seg, u.start.pos, u.importance == 0, u.lead) for u in units), cols, lead,
               tuple(sorted(self.keep.items())))  # all `estimate` and the cuts depend on
        got = self._options.get(key)
        if got is None:
            got = self._options[key] = self._region_options(units, cols, lead)
        return got

    def _region_options(self, units: Sequence[_Unit], cols: int, lead: bool) -> list[tuple[tuple, tuple]]:
        prefix = [0.0]
        for u in units:
            prefix.append(prefix[-1] + self.estimate(u) + (LEAD_CELLS if u.importance == 0 else 0))
        avg = prefix[-1] / cols or 1.0
        ranked = []
        lead_first = lead and units[0].start == Cursor()
        for ws in partitions(cols, (cols + 1) // 2 if lead_first else 2):
            if len(ws) > len(units):
                continue
            for gs in splits(len(units), len(ws)):
                dev, i = 0.0, 0
                for w, g in zip(ws, gs):
                    dev = max(dev, abs((prefix[i + g] - prefix[i]) / w / avg - 1))
                    i += g
                if dev > BALANCE:
                    continue
                singles = tuple((1,) * g for g in gs)
                ranked.append((dev, ws, singles))
                for k, (w, g) in enumerate(zip(ws, gs)):
                    if w < 4 or g < 2 or (units[sum(gs[:k])].lead and g < 3):
                        continue
                    for j in range(1 if k == 0 and lead_first else 0, g - 1):
                        mods = (1,) * j + (2,) + (1,) * (g - j - 2)
                        ranked.append((dev, ws, singles[:k] + (mods,) + singles[k + 1:]))
                    if units[sum(gs[:k])].lead:  # the package lead over the first sub-story, the second beside
                        mods = (3,) + (1,) * (g - 3)
                        ranked.append((dev, ws, singles[:k] + (mods,) + singles[k + 1:]))
        ranked.sort(key=lambda t: t[0])
        return [(ws, mods) for _, ws, mods in ranked]

    def region_groups(self, units, ws, mods, under_top: bool = False):
        """Each stack's option lists, one per module (see `stack_group`)."""
        groups, i = [], 0
        for w, ms in zip(ws, mods):
            groups.append(self.stack_group(units, i, w, ms, under_top))
            i += sum(ms)
        return groups

    def stack_group(self, units, i: int, w: int, ms: tuple, under_top: bool) -> list[list]:
        """The option lists of one stack `w` wide from units[i], one per module; its first module
        is under another block when the region is (`under_top`), the others always."""
        stack = []
        for k, m in enumerate(ms):
            under = under_top or k > 0
            if m == 1:
                stack.append(self.variants(units[i], w, units[i].importance, under))
            elif m == 2:
                stack.append(self.pairs(units[i], units[i + 1], w, under))
            else:
                stack.append(self.pairs(units[i + 1], units[i + 2], w, under, units[i]))
            i += m
        return stack

    def pairs(self, a: _Unit, b: _Unit, w: int, under: bool, lead: Optional[_Unit] = None) -> list[Pair]:
        """Two stories side by side across `w` columns, every split of at least 2 columns each;
        lead: the package's lead 导语, set above the left one (see `makeup.Pair.over`)."""
        key = ("pair", a.story.id, a.start, a.importance, b.story.id, b.start, w, under, lead is not None)
        if key not in self._variants:
            self._variants[key] = _pairs(tuple((self.variants(a, wa, a.importance, under),
                                                self.variants(b, w - wa, b.importance, under),
                                                self.variants(lead, wa, lead.importance) if lead else ())
                                               for wa in range(2, w - 1)))
        return self._variants[key]

    def region_heights(self, units, cols, lead, under_top: bool = False
                       ) -> dict[int, list[tuple[float, tuple, tuple]]]:
        """For each height a region of these stories can fill exactly, the cut options (cheapest first)."""
        out: dict[int, list] = {}
        sums: dict[tuple, dict[int, float]] = {}  # per stack (first unit, modules, width)
        fits: dict[tuple, bool] = {}  # per (unit, width, under): whether it has a block that wide

        def hopeless(i: int, w: int, ms: tuple) -> bool:
            # a story with no block as wide as its stack (a brief in a wide stack): most cuts of a
            # page whose lead is short fail so — found before the stack's pairs are made or summed
            for k, m in enumerate(ms):
                if m == 1:
                    key = (i, w, under_top or k > 0)
                    ok = fits.get(key)
                    if ok is None:
                        ok = fits[key] = bool(self.variants(units[i], w, units[i].importance, key[2]))
                    if not ok:
                        return True
                i += m
            return False

        for ws, mods in self.region_options(units, cols, lead):
            if self.work > SEARCH_BUDGET:
                break  # bounded: the options come most promising first
            self.work += 1
            common: Optional[dict[int, float]] = None
            i = 0
            for w, ms in zip(ws, mods):
                s = sums.get((i, ms, w))
                if s is None:
                    s = sums[i, ms, w] = {} if hopeless(i, w, ms) else \
                        self.stack_sums(self.stack_group(units, i, w, ms, under_top))
                i += sum(ms)
                common = s if common is None else {k: common[k] + s[k] for k in common if k in s}
                if not common:
                    break
            if common:
                shape = _shape_cost(ws, mods)
                for h, c in common.items():
                    out.setdefault(h, []).append((c + shape, ws, mods, shape))
        for h in out:
            out[h].sort(key=lambda t: t[0])
        return out

    def stack_sums(self, group: list[list]) -> dict[int, float]:
        """`makeup.stack_sums`, memoised: one stack of stories recurs in many cuts of a region."""
        key = tuple(map(id, group))  # the option lists live in self._variants, so ids are stable
        got = self._sums.get(key)
        if got is None:
            self.work += 1
            got = self._sums[key] = stack_sums(group, self.grid.rows) if all(group) else {}
        return got

    def best_region(self, groups: list[list[list]], top: int, total: int):
        """`makeup.best_region`, memoised (the option lists' ids are stable, see `stack_sums`)."""
        key = (tuple(tuple(map(id, g)) for g in groups), top, total)
        if key not in self._best:
            self.work += 1
            # a page with stories cut (下转) has many more ways to sum (any cut height), and the
            # first choices found in a stack cluster on one of them: look further (bounded still)
            wide = (JUMP_CHOICES, JUMP_NODES) if self.partial else ()
            self._best[key] = best_region(groups, top, total, *wide, choices=self.stack_choices)
        return self._best[key]

    def stack_choices(self, group: list[list], total: int, limit: int) -> StackChoices:
        """`makeup.StackChoices`, memoised (ids stable, see `stack_sums`): a stack recurs beside
        other neighbours in many regions; about half the choices asked for were made before."""
        key = (tuple(map(id, group)), total, limit)
        got = self._choices.get(key)
        if got is None:
            got = self._choices[key] = StackChoices(group, total, limit)
        return got

    def exact_page(self, units: list[_Unit], fill: bool = True
                   ) -> Optional[tuple[float, list[Block], list[RuleLine]]]:
        """The cheapest page of these units filling every line (fill) — or, when the copy runs
        out, as many lines as it can from the top (each line left empty at the foot costs 1)."""
        g = self.grid
        pkg = [u for u in units if u.story.kind == "package" and u.subs]
        rest = [u for u in units if u not in pkg]
        if not rest and not pkg:
            return None
        main_h = self.region_heights(rest, g.columns, True) if rest else {0: [(0.0, (), (), 0.0)]}
        pkg_opts: dict[int, list] = {}
        banner = None
        modes: dict[str, tuple[list[_Unit], int]] = {}
        if pkg:
            p = pkg[0]
            banner = self.banner(p.story, g.columns)
            hb, lw, _ = banner
            subs = [_Unit(s, (), 3) for s in p.subs]
            # the lead across the package under the banner, or at the top of the first stack so
            # the stacks' first sub-heads fall at different heights (no 碰题 without a 竖题)
            modes["band"] = (subs, hb + lw)
            if lw:
                modes["stack"] = ([_Unit(p.story, (), 3, lead=True)] + subs, hb)
            for mode, (us, top) in modes.items():
                for h, opts in self.region_heights(us, g.columns, False, True).items():
                    pkg_opts.setdefault(h + top, []).extend((c, ws, gs, shape, mode) for c, ws, gs, shape in opts)
            for h in pkg_opts:
                pkg_opts[h].sort(key=lambda t: t[0])
        # candidates best-first by a lower bound of the score: the main region's shape and
        # variants' costs (collisions aside), the package band's least, the empty lines at the foot
        cands = []
        for mh, mopts in sorted(main_h.items()):
            if pkg:
                fits = [h for h in pkg_opts if h <= g.rows - mh and (h == g.rows - mh or not fill)]
                if not fits:
                    continue
                ph = max(fits)
            else:
                ph = 0
                if mh > g.rows or (fill and mh != g.rows):
                    continue
            low = (g.rows - mh - ph) + (pkg_opts[ph][0][0] if pkg else 0.0)
            cands += [(cost + low, mh, ph, ws, gs, shape) for cost, ws, gs, shape in mopts[:40]]
        cands.sort(key=lambda t: t[0])
        best, subs = None, {}
        for low, mh, ph, ws, gs, shape in cands:
            if best is not None and low >= best[0]:
                break  # none further can win
            if self.work > SEARCH_BUDGET:
                break  # bounded: the best found so far
            if pkg and mh not in subs:  # the package band's best under this main region
                sub = None
                for pc, pws, pgs, pshape, mode in pkg_opts[ph][:12]:
                    us, top = modes[mode]
                    sg = self.best_region(self.region_groups(us, pws, pgs, True), mh + top, ph - top)
                    if sg is not None and (sub is None or pshape + sg[0] < sub[0] - 1e-9):
                        sub = (pshape + sg[0], pws, sg[1], us, ph, mode)
                subs[mh] = sub
            sub = subs.get(mh)
            if pkg and sub is None:
                continue
            # the score: stack shapes and variety, and the collision-free variants' own costs
            got = self.best_region(self.region_groups(rest, ws, gs), 0, mh)
            if got is None:
                continue
            total = shape + got[0] + (g.rows - mh - ph) + (sub[0] if sub else 0)
            if best is None or total < best[0] - 1e-9:
                best = (total, ws, got[1], mh, sub)
        if best is None:
            return None
        total, ws, stacks, mh, sub = best
        blocks = self.blocks_for(rest, ws, stacks, 0)
        rules = self.stack_rules(ws, stacks, 0, mh)
        if pkg:
            pu = pkg[0]
            hb, lw, hs = banner
            top = modes[sub[5]][1]
            blocks.append(Block(f"b-{pu.story.id}", pu.story.id, 0, mh, g.columns, top, body_columns=1,
                                head=hs, importance=pu.importance,
                                next_block=f"b-{pu.story.id}-lead" if sub[5] == "stack" else ""))
            blocks += self.blocks_for(sub[3], sub[1], sub[2], 0)
            rules += self.stack_rules(sub[1], sub[2], mh + top, mh + sub[4])
            y = g.row_y(mh)  # in the gap between the lines above and the banner (see rule_y)
            rules.append(RuleLine(g.left, y, g.left + g.width, y, 2.0))
        return total, blocks, rules

    def banner(self, story: Story, cols: int) -> tuple[int, int, HeadStyle]:
        """The package banner 通栏题: heavy face across the package; its lead in one wide column."""
        g = self.grid
        for size in (42.0, 36.0, 30.0):
            h, fits = head_rows(story, g, cols, size, "heavy", "sc", self.fonts)
            if fits:
                break
        lw = lines_needed(body_segments(story), g.span_width(cols), g, "sc", fonts=self.fonts)
        return h, lw, HeadStyle(face="heavy", size=size, rows=h)

    def blocks_for(self, units, ws, stacks, col0: int) -> list[Block]:
        blocks, i, col = [], 0, col0
        for w, placed in zip(ws, stacks):
            for top, m in placed:
                for dx, dy, v in (m.parts() if isinstance(m, Pair) else ((0, 0, m),)):
                    u = units[i]
                    i += 1
                    blocks.append(self.block(u, col + dx, top + dy, v))
                    if v.jump == "out":
                        self.cut.append(u.story.id)
                    self.placed(u, v.cols, v.rows, col + dx, top + dy, v.note)
            col += w
        return blocks

    def placed(self, u: _Unit, cols: int, rows: int, col: int, row: int, note: str = "") -> None:
        """Report where a story went: 栏 × 行 and the grid position, with what makeup chose for it."""
        self.report.append(f"{u.story.id}: page {self.first_page + self.page + 1}, {cols} 栏 × {rows} 行 at "
                           f"column {col + 1}, line {row + 1}" + (f" ({note})" if note else ""))

    def block(self, u: _Unit, col: int, top: int, v: Variant) -> Block:
        bid = f"b-{u.story.id}" + ("-lead" if u.lead else f"-{self.page + 1}" if u.start != Cursor() else "")
        return variant_block(u.story, v, col, top, bid, u.importance,
                             self.images.get(u.story.id, u.story.image))

    def stack_rules(self, ws, stacks, top: int, bottom: int) -> list[RuleLine]:
        """Gutter rules between stacks and a hairline between stories in a stack."""
        g = self.grid
        rules, col = [], 0
        for k, (w, placed) in enumerate(zip(ws, stacks)):
            x0 = g.col_x(col)
            for n, (t, v) in enumerate(placed):
                if n:
                    y = rule_y(g, t, not isinstance(v, Pair) and v.image_rows > 0)
                    if v.air:  # in the middle of the air between the text above and below
                        y = (g.baseline(t - 1) + g.baseline(t + v.air) - g.body_size) / 2
                    rules.append(RuleLine(x0, y, x0 + g.span_width(w), y, 0.5))
                if isinstance(v, Pair):  # a gutter rule between the two
                    x = g.col_x(col + v.left.cols) - g.gutter / 2
                    rules.append(RuleLine(x, g.row_y(t) + 2, x, g.row_y(t + v.rows) - 2, 0.5))
                    if v.over:  # a hairline between the lead and the story under it
                        y = rule_y(g, t + v.drop, bool(v.left.image_rows))
                        rules.append(RuleLine(x0, y, x0 + g.span_width(v.left.cols), y, 0.5))
            col += w
            if k < len(ws) - 1:
                x = g.col_x(col) - g.gutter / 2
                rules.append(RuleLine(x, g.row_y(top) + 2, x, g.row_y(bottom) - 2, 0.5))
        return rules

    # ---------------------------------------------------------------- several pages
    def estimate(self, u: _Unit) -> int:
        """Grid cells a unit needs, roughly (to skip page fills and region cuts that cannot work)."""
        g = self.grid
        if u.story.id in self.keep:  # a story cut on this page: what it is meant to keep here
            return self.keep[u.story.id]
        if u.start != Cursor():  # a continuation: what is left of its text, and its jump line
            need = sum(len(s.text) for s in body_segments(u.story)[u.start.seg:]) - u.start.pos
            return need // g.chars_per_column + 2
        cells = body_lines(u.story, g, fonts=self.fonts) + 12 + (40 if u.story.kind == "photo" else 0)
        return cells + sum(body_lines(s, g, fonts=self.fonts) + 12 for s in u.subs) + 6 * g.columns * bool(u.subs)

    def fill_page(self, queue: list[_Unit], last: bool):
        """The units that make this page, the page, and the continuations it leaves (下转).

        Only the stories a page can hold are searched (by a rough estimate, a little beyond), and
        the page's work is bounded (SEARCH_BUDGET, MAX_TRIES): the most whole stories first; a page
        that whole stories cannot fill exactly ends with a story cut at a chosen line and continued
        on the next page (下转/上接), unless this is the last page allowed. When the copy runs out,
        or nothing else fills the page, it is filled from the top."""
        g = self.grid
        cap = g.columns * g.rows
        self.work = 0
        if self.narrow(queue[0], 0):
            return None  # too small to lead a page (its head over the lead stack's width)
        prefix = [0]
        for u in queue:  # the estimate only as far as a page can reach
            if prefix[-1] > cap:
                break
            prefix.append(prefix[-1] + self.estimate(u))
        # a page takes about 1.05-1.1 times the estimate (heads grow, blocks keep a line or two
        # empty): on the bench's editions pages are made at 0.81-1.01 of it, never beyond 1.02
        whole = [n for n in range(len(prefix) - 1, 0, -1) if prefix[n] <= 1.02 * cap]
        rank = lambda us: [replace(u, importance=i) for i, u in enumerate(us)]  # noqa: E731
        tries = 0
        if self.jumps and self.page == 0 and not last:
            got = self.jump_page(queue, rank)
            if got:
                return got
            self.work = 0  # the whole-story tries get their own budget
        if prefix[-1] >= 0.85 * cap:
            for n in whole:
                if tries >= MAX_TRIES or self.work > SEARCH_BUDGET:
                    break
                tries += 1
                got = self.exact_page(rank(queue[:n]))
                if got:
                    return n, got, []
                nxt = queue[n] if n < len(queue) else None
                if last or nxt is None or nxt.story.kind != "article" or nxt.start != Cursor() \
                        or prefix[n] > cap - 10 * g.columns:
                    continue
                got = self.cut_page(rank(queue[:n + 1]), {nxt.story.id})
                if got:
                    return n + 1, got[0], got[1]
        self.work = 0  # the fallback gets its own budget
        for n in whole[:MAX_TRIES]:
            got = self.exact_page(rank(queue[:n]), fill=False)
            if got:
                return n, got, []
        return None

    def cut_page(self, units: list[_Unit], story_ids: set[str], keep: Optional[dict[str, int]] = None):
        """The page of these units with the stories `story_ids` allowed to be cut (下转), and the
        continuations they leave, in reading order ([] when the page took them whole). keep: the
        cells each cut story is meant to keep here, for the search's balance estimate; given, the
        stories must be cut."""
        self.partial, self.cut, self.keep, self.must_cut = frozenset(story_ids), [], keep or {}, bool(keep)
        got = self.exact_page(units)
        self.partial, self.keep, self.must_cut = frozenset(), {}, False
        if not got:
            return None
        carried = (self.carry(u, got[1]) for u in units if u.story.id in self.cut)
        return got, [c for c in carried if c]

    def jump_page(self, queue: list[_Unit], rank):
        """Page 1 of an edition as a front page: the beginnings of more stories than fit whole, one
        or two cut at a chosen line and continued inside (下转). First the story read last on the
        page, cut and continued at the top of the next page — the edition then reads in the copy's
        order; then (when no such page is found) one or two of the three longest, continued on
        the next page after its lead (`_Unit.jumped`). Counts are tried from the most stories
        down, at most MAX_TRIES pages searched. Returns (units taken, page, continuations) like
        `fill_page`, or None."""
        g = self.grid
        cap = g.columns * g.rows
        est, total = [], 0
        for u in queue:
            if total > 2 * cap:
                break
            est.append(self.estimate(u))
            total += est[-1]
        # what a cut story keeps here, roughly: its head and MIN_JUMP_BODY lines in 3 columns;
        # the lead (the first story) at least half of it (see makeup.partial_variants)
        least = [e // 2 if i == 0 else 12 + 3 * MIN_JUMP_BODY for i, e in enumerate(est)]
        cuttable = [u.story.kind == "article" and u.start == Cursor() and not u.subs for u in queue[:len(est)]]
        tries = []
        for n in range(len(est), 1, -1):  # the last story read, cut
            whole, i = sum(est[:n]), n - 1
            if cap < whole and whole - est[i] + least[i] <= cap and cuttable[i]:
                tries.append((n, (i,), False))
        for n in range(len(est), 1, -1):  # the longest, cut
            whole = sum(est[:n])
            if whole <= cap:
                break  # whole stories fit: the usual tries make this page
            longest = sorted((i for i in range(n) if cuttable[i]), key=lambda i: (-est[i], i))[:3]
            for cut in [c for k in (1, 2) for c in itertools.combinations(longest, k)]:  # one jump before two
                saved = sum(est[i] - least[i] for i in cut)
                if whole - saved <= JUMP_FILL * cap and all(est[i] - least[i] >= 3 * g.columns for i in cut):
                    tries.append((n, cut, True))
        for n, cut, jumped in tries[:MAX_TRIES]:
            self.work = 0
            said = len(self.report)
            # the cut stories give up what the page lacks, shared evenly, each within its least
            over = (sum(est[:n]) - cap) / len(cut)
            keep = {queue[i].story.id: max(least[i], round(est[i] - over)) for i in cut}
            got = self.cut_page(rank(queue[:n]), set(keep), keep)
            if got:
                carried = [replace(c, jumped=jumped) for c in got[1]]
                if self.continues(queue[n:], carried):
                    return n, got[0], carried
            del self.report[said:]  # a page not taken
        return None

    def continues(self, rest: list[_Unit], carried: list[_Unit]) -> bool:
        """Whether the next page can be made up with these continuations on it (a continuation's
        height is fixed by its text, so not every cut leaves a rest that a page can take)."""
        if not carried:
            return True
        page, said = self.page, len(self.report)
        self.page += 1
        queue, got = self.make_page(_next_queue(rest, carried), self.page == self.max_pages - 1)
        self.page = page
        del self.report[said:]
        return got is not None and all(c in queue[:got[0]] for c in carried)

    def narrow(self, u: _Unit, importance: int) -> bool:
        """Whether a story is too small to stand in a page's lead stack (as wide as half the page):
        no block that wide fills with its text under its head."""
        return u.start == Cursor() and not u.subs and not any(
            self.variants(u, w, importance, importance > 0) for w in range((self.grid.columns + 1) // 2, 6))

    def briefs_back(self, queue: list[_Unit]) -> list[_Unit]:
        """The queue with a brief too small for the lead stack moved from the top of the page
        (first or second: it would have to start a stack of its own there) to its foot."""
        end = self.page_end(queue)
        for k in (1, 0):
            if k < end - 1 and self.narrow(queue[k], k):
                queue = queue[:k] + queue[k + 1:end + 1] + [queue[k]] + queue[end + 1:]
        return queue

    def page_end(self, queue: list[_Unit]) -> int:
        """The index of the last unit a page takes, by the estimate."""
        cap, total = self.grid.columns * self.grid.rows, 0
        for i, u in enumerate(queue):
            total += self.estimate(u)
            if total > 0.9 * cap:
                return i
        return len(queue) - 1

    def carry(self, u: _Unit, blocks: list[Block]) -> _Unit:
        """The continuation of the story cut at the page's end: its rest from where flow stops."""
        b = next(b for b in blocks if b.story_id == u.story.id)
        _, rest = predict_flow(u.story, b, self.grid, "sc", self.fonts, u.start, (u.start != Cursor(), True))
        return _Unit(u.story, (), u.importance, rest, b.id) if rest else None

    def make_page(self, queue: list[_Unit], last: bool):
        """The queue in the order this page takes it, and `fill_page`'s answer (None: no page)."""
        queue = self.briefs_back(queue)
        got = self.fill_page(queue, last)
        end = self.page_end(queue)
        for k in range(min(4, end)):
            if got is not None:
                break
            # no page could be made with these stories in this order (one too small to lead
            # the page or to stand in a wide stack?): it goes to the page's foot, as a brief would
            moved = queue[:k] + queue[k + 1:end + 1] + [queue[k]] + queue[end + 1:]
            got = self.fill_page(moved, last)
            if got is not None:
                queue = moved
        return queue, got

    # ---------------------------------------------------------------- the fallback
    def plain_page(self, queue: list[_Unit], last: bool, all_whole: bool = False, top: int = 0,
                   whole_only: bool = False):
        """A page when no arrangement makes one (copy far too short for the page, only briefs, a
        story longer than any block): the stories in reading order down stacks of equal width —
        2 columns when every story fits a 2-column block, else 3 or 4 — balanced in height, the
        empty lines left at the stacks' feet. A story the room left in a stack cannot hold goes
        on in the next stack (a linked frame); at the page's end it is cut and goes on on the next
        page (下转), or on the last page it is set overset (reported). A package is set as its
        parts. Answers like `fill_page`; None when the queue is empty, or with `all_whole` when
        the page cannot hold every story of the queue whole. top: the first row (a band at the foot
        of a page made up above it); whole_only: stop at the first story that does not fit whole."""
        g = self.grid
        rows = g.rows - top
        parts = [(k, p) for k, u in enumerate(queue) for p in _parts(u)]
        if not parts:
            return None
        cap, total, page_parts = g.columns * g.rows, 0, []
        for _, u in parts:  # the stories this page may hold, roughly
            page_parts.append(u)
            total += self.estimate(u)
            if total > 1.2 * cap * rows / g.rows:
                break
        w = next((w for w in (2, 3, 4) if all(self.plain_variant(u, w, rows, True, True) for u in page_parts)), 4)
        widths = [w] * max(1, g.columns // w)
        widths[-1] += g.columns - sum(widths)
        height = [v.rows if v else HUGE for v in (self.plain_variant(u, w, rows, True, True) for _, u in parts)]
        target = min(rows, -(-sum(height[:_fits(height, len(widths) * rows)]) // len(widths)))
        said = len(self.report)
        blocks: list[Block] = []
        stacks: list[list] = []
        i, x, k, pending = 0, 0, 0, None  # pending: the rest of a story cut at a stack's foot
        for sw in widths:
            placed, at = [], 0
            while pending or i < len(parts):
                u = pending or parts[i][1]
                room = rows - at
                v = self.plain_variant(u, sw, room, bool(placed) or top > 0, True)
                if v is None or (placed and not pending and at + v.rows / 2 > target):
                    if placed:
                        break  # the next stack
                    if whole_only:
                        break
                    v = self.plain_variant(u, sw, room, False, False)  # fill the stack; the rest goes on
                b = self.block(u, x, top + at, v)
                if any(o.id == b.id for o in blocks):
                    b = replace(b, id=f"{b.id}-{len(blocks)}")
                if pending:  # continued from the stack before: link the frames
                    blocks = [replace(o, next_block=b.id) if o.id == pending.prev else o for o in blocks]
                else:
                    k, i = parts[i][0], i + 1
                blocks.append(b)
                placed.append((top + at, v))
                self.placed(u, sw, v.rows, x, top + at, "plain stacks")
                at += v.rows
                last_in = (u, b, u.prev != "" and not pending, bool(placed[:-1]))
                rest = self.rest_after(*last_in, jump_out=False)
                pending = _Unit(u.story, (), u.importance, rest, b.id) if rest else None
                if pending:
                    break
            stacks.append(placed)
            x += sw
            if not (pending or i < len(parts)) or (whole_only and not placed):
                break
        if all_whole and (pending or i < len(parts)):
            del self.report[said:]
            return None
        carry = []
        if pending and not last:  # cut at the page's end: 下转 — its rest opens the next page
            rest = self.rest_after(*last_in, jump_out=True)  # flowed again: the 下转 line takes a line
            carry.append(replace(pending, start=rest) if rest else pending)
        n = k + 1
        carry += [u for kk, u in parts[i:] if kk < n]  # the rest of a package begun on this page
        if not blocks:
            return None
        feet = [rows - sum(v.rows for _, v in st) for st in stacks] + [rows] * (len(widths) - len(stacks))
        what = "the stories left over fill its foot" if top else "no arrangement fills it; the stories are set"
        self.report.append(f"page {self.first_page + self.page + 1}: {what} in order down stacks of "
                           f"{' + '.join(map(str, widths))} columns, lines left empty at their feet: "
                           + ", ".join(map(str, feet)))
        empty = sum(f * sw for f, sw in zip(feet, widths)) / g.columns  # in full-width lines
        rules = self.stack_rules(widths[:len(stacks)], stacks, top, g.rows)
        return n, (100.0 + empty, blocks, rules), carry

    def rest_after(self, u: _Unit, b: Block, jump_in: bool, under: bool, jump_out: bool) -> Optional[Cursor]:
        """Where the unit's text goes on after block `b` (None: it ends there, or the block took
        none of it — a head filling the whole stack — and the rest is overset, not carried on)."""
        rest = predict_flow(u.story, b, self.grid, "sc", self.fonts, u.start, (jump_in, jump_out), under)[1]
        return rest if rest and rest != u.start else None

    def plain_variant(self, u: _Unit, cols: int, room: int, under: bool, whole: bool) -> Optional[Variant]:
        """The shortest block `cols` wide that holds the unit within `room` lines: one of its
        variants, or else (a story too short or too long for the width's variants) a block of the
        lines it needs, by flowing it; with `whole` off and none short enough, a block of the whole
        room that it overflows (cut or overset)."""
        if room < 4:
            return None
        vs = [v for v in self.variants(u, cols, u.importance, under) if v.rows <= room and v.cols == cols]
        if vs:
            if u.story.kind == "package" and u.start == Cursor():
                # a banner is never shrunk below its sub-stories' heads to save a line
                return min(vs, key=lambda v: (-v.head.size, v.rows, v.cost))
            return min(vs, key=lambda v: (v.rows, v.cost))
        face, h, size = face_for(u.importance), 0, sizes_for(u.importance, cols)[-1]
        if u.start == Cursor():  # the largest size whose head fits the width (else a wider stack)
            heads = [(size, head_rows(u.story, self.grid, cols, size, face, "sc", self.fonts))
                     for size in sizes_for(u.importance, cols)]
            size, (h, fits) = next((x for x in heads if x[1][1]), heads[-1])
            if not fits and whole:
                return None
        pic = room // 2 if u.story.kind == "photo" and u.start == Cursor() else 0
        v = Variant(room, cols, HeadStyle(face=face, size=size, rows=h), h, pic,
                    jump="in" if u.start != Cursor() else "")
        least = 1  # a continuation: its rest is flowed below
        if u.start == Cursor():
            least = h + pic + -(-body_lines(u.story, self.grid, fonts=self.fonts) // cols)
        for rows in range(max(least, h + pic + 1), room + 1):
            b = self.block(u, 0, 0, replace(v, rows=rows))
            if predict_flow(u.story, b, self.grid, "sc", self.fonts, u.start, (False, False), under)[1] is None:
                return replace(v, rows=rows)
            if rows - least >= 3 and u.start == Cursor():
                break  # not a short story after all: it takes the room (or the next stack)
        return None if whole else v

    def foot_band(self, queue: list[_Unit], n: int, blocks: list[Block], rules: list[RuleLine], last: bool):
        """A page made up from the top that leaves its foot empty while stories wait (a lead and
        briefs no region cut suits): the stories next in the queue go in plain stacks across the
        foot, whole ones only, under a rule. Returns (units taken, blocks, rules)."""
        g = self.grid
        bottom = max((b.row + b.rows for b in blocks), default=0)
        if g.rows - bottom < FOOT_BAND_ROWS:
            return n, blocks, rules
        said = len(self.report)
        band = self.plain_page(queue[n:], last, top=bottom + 1, whole_only=True)
        if band is None or band[2]:
            del self.report[said:]
            return n, blocks, rules
        k, (_, more, lines), _ = band
        y = rule_y(g, bottom + 1, False) - g.leading / 2  # in the empty line between page and band
        return n + k, blocks + more, rules + lines + [RuleLine(g.left, y, g.left + g.width, y, 0.5)]

    def paginate(self, units: list[_Unit], max_pages: int):
        """Pages of blocks and rules, and the units left over."""
        self.max_pages = max_pages
        pages: list[tuple[list[Block], list[RuleLine], float]] = []
        queue = list(units)
        while queue and len(pages) < max_pages:
            self.page = len(pages)
            last = len(pages) == max_pages - 1
            said = len(self.report)
            ordered = queue  # reading order: the plain page keeps it (no brief moved to the foot)
            queue, got = self.make_page(queue, last)
            if got is None:  # no arrangement: the stories in order down plain stacks
                queue = ordered
                got = self.plain_page(queue, last)
            elif last and got[0] < len(queue) and not got[2]:
                # the last page would leave stories out: set them all in plain stacks if they fit
                made = self.report[said:]
                del self.report[said:]
                plain = self.plain_page(ordered, last, all_whole=True)
                if plain:
                    queue, got = ordered, plain
                else:
                    self.report += made  # the page made up is kept
            n, (score, blocks, rules), carry = got
            if n < len(queue) and not carry:
                n, blocks, rules = self.foot_band(queue, n, blocks, rules, last)
            for u in queue[:n]:
                if u.prev:  # link the frame it continues from, on an earlier page
                    bid = next(b.id for b in blocks if b.story_id == u.story.id)
                    for pb, _, _ in pages:
                        pb[:] = [replace(b, next_block=bid) if b.id == u.prev else b for b in pb]
            pages.append((blocks, rules, score))
            queue = _next_queue(queue[n:], carry)
        return pages, queue


HUGE = 10 ** 6  # the height of a story no block of the stack's width holds
PICTURE_GAP = 1.0  # points between a hairline and a picture that starts right under it
FOOT_BAND_ROWS = 12  # empty lines at a made page's foot worth filling with the stories left over
BANNER_RANK = 2  # the plain page sets a package banner no lower than the page's third story (hei, a larger scale)


def rule_y(g, row: int, picture_below: bool) -> float:
    """Where the hairline between two stacked blocks goes: at the line boundary, in the middle of
    the interline gap (the text above ends its em box (leading − size) / 2 higher, the head or
    text below starts as much lower) — never through the last line's characters; a hair higher
    when the block below starts with a picture, so the rule does not sit on its edge."""
    return g.row_y(row) - (PICTURE_GAP if picture_below else 0.0)


def _parts(u: _Unit) -> list[_Unit]:
    """A unit as the plain page sets it: a package as its banner story and its sub-stories."""
    if not u.subs:
        return [u]
    # the banner outranks its sub-stories: it takes the heads of the page's second rank (hei, and a
    # size on a larger scale than theirs), never the scale of a story further down the page
    return ([replace(u, subs=(), importance=min(u.importance, BANNER_RANK))]
            + [_Unit(s, (), u.importance + 1 + i) for i, s in enumerate(u.subs)])


def _fits(heights: list[int], capacity: int) -> int:
    """How many of the first heights add up to no more than `capacity` (at least one)."""
    total = 0
    for n, h in enumerate(heights):
        total += h
        if total > capacity:
            return max(1, n)
    return len(heights)


def _next_queue(rest: list[_Unit], carried: list[_Unit]) -> list[_Unit]:
    """The next page's queue: a story cut at a page's end goes on at the top of the next page;
    front-page jumps (`_Unit.jumped`) go on after that page's lead."""
    if carried and carried[0].jumped:
        return rest[:1] + carried + rest[1:]
    return carried + rest


EMPTY_PAGE_SHARE = 0.1  # a page emptier than this is reported (the copy is short of the page)
SEARCH_BUDGET = 2000  # search steps per page: region cuts, stacks summed, collision-free choices
MAX_TRIES = 6  # story counts tried per page (most whole stories first)
JUMP_CHOICES, JUMP_NODES = 1000, 20000  # best_region's bounds on a page with cut stories
JUMP_FILL = 1.15  # page 1 with a jump: the other stories and the cut one's least part, by the estimate
BALANCE = 0.5  # how far a stack's estimated height may be from its region's (see region_options)
LEAD_CELLS = 40  # the lead story's large headline, beyond a story's usual head (for balance)
VARIETY_COST = 1.5  # each full-width strip beyond two in a row in one stack (a "layer cake")


def _shape_cost(ws: tuple, mods: tuple) -> float:
    """Prefer a wide lead stack and stacks of similar width; many tiny stacks read badly; a stack
    of three or more full-width strips in a row reads as a layer cake (variety)."""
    cake = 0
    for ms in mods:
        run = 0
        for m in ms + (2,):
            if m == 1:
                run += 1
            else:
                cake, run = cake + max(0, run - 2), 0
    return 0.3 * (max(ws) - min(ws)) + 0.5 * len(ws) - 0.4 * ws[0] + VARIETY_COST * cake


@contextmanager
def _gc_paused():
    """The cyclic garbage collector off while pages are searched: the search makes hundreds of
    thousands of short-lived tuples while the font, text and variant caches hold millions of
    objects, and the collector's passes over them (~870 on 16 pages) cost 30-45 % of the makeup.
    What the search drops is freed by reference counting; its few cycles (recursive closures)
    are collected after it."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def compose_pages(stories: Sequence[Story], spec: PageSpec, header: PageHeader, max_pages: int = 1,
                  images: dict[str, str] = {}, template: Optional[Document] = None,
                  fonts: Optional[FontRegistry] = None, vertical_heads: Sequence[str] = (),
                  vertical_text: Sequence[str] = (), first_page: int = 0) -> ComposeResult:
    """Make up pages from stories in importance order; the report places or explains every story.

    template: a saved page whose block geometry is reused for the stories in the same order
    (see `compose_from_template`). vertical_heads: story ids to set with a 竖题 (when one fits);
    vertical_text: story ids whose body is set vertically 竖排. first_page: the index in the
    edition of the first page made here (page ids and the report count from it; see edition.py)."""
    fonts = fonts or default_registry()
    stories = list(stories)
    check_stories(stories)
    check_page_count(max_pages)
    check_spec(spec, "the page settings")
    if template is not None:
        return compose_from_template(stories, template, header, images, fonts)
    c = _Composer(spec, images, fonts)
    c.first_page = first_page
    c.vertical_heads, c.vertical_text = frozenset(vertical_heads), frozenset(vertical_text)
    c.jumps = max_pages > 1
    with _gc_paused():
        made, left = c.paginate(_units(stories), max(1, max_pages))
    pages = []
    report: list[str] = []
    for i, (blocks, rules, score) in enumerate(made):
        num = str(int(header.number) + i) if header.number.isdigit() else (header.number or "")
        pages.append(Page(f"p{first_page + i + 1}", spec, replace(header, number=num), tuple(blocks),
                          tuple(rules)))
        report.append(f"page {first_page + i + 1}: score {score:.1f} (lower is better, see docs/compose.md)")
        empty = 1 - sum(b.cols * b.rows for b in blocks) / (spec.grid.columns * spec.grid.rows)
        if empty > EMPTY_PAGE_SHARE:
            report.append(f"page {first_page + i + 1}: {empty:.0%} of the type area is empty — add copy or "
                          "pictures, rearrange the blocks, or choose a smaller page")
    report += c.report
    for u in c.unplaced:
        for s in (u.story,) + u.subs:
            report.append(f"{s.id}: no page could be made up with it — not placed"
                          + (" (its rest)" if u.start != Cursor() else ""))
    for u in left:
        for s in (u.story,) + u.subs:
            report.append(f"{s.id}: does not fit in {max_pages} page(s) — not placed"
                          + (" (its rest)" if u.start != Cursor() else ""))
    doc = Document(tuple(pages), tuple(stories))
    return ComposeResult(doc, tuple(report), sum(p[2] for p in made))


def compose_from_template(stories: Sequence[Story], template: Document, header: PageHeader,
                          images: dict[str, str] = {}, fonts: Optional[FontRegistry] = None) -> ComposeResult:
    """Reuse a saved page's geometry: the template's blocks, in their stored order, take the stories
    in order — size, headline style, picture frame, box and linked frames kept; a frame that
    continues another (Block.next_block) shows the same story as the frame before it. Stories
    beyond the template's blocks, and blocks beyond the stories, are reported."""
    prev = {b.next_block: b.id for p in template.pages for b in p.blocks if b.next_block}
    chosen: dict[str, str] = {}  # template block id → story id
    report: list[str] = []
    order = iter(stories)
    pages = []
    for i, page in enumerate(template.pages):
        blocks = []
        for b in page.blocks:
            sid = chosen.get(prev[b.id]) if b.id in prev else next(order, None)
            if sid is None:
                report.append(f"template block {b.id}: no story left for it — dropped")
                continue
            sid = sid if isinstance(sid, str) else sid.id
            chosen[b.id] = sid
            story = next(s for s in stories if s.id == sid)
            image = b.image
            if image is not None or story.kind == "photo":
                base = image or ImageFrame("", 0, 0, b.cols, max(1, b.rows // 2))
                image = replace(base, path=images.get(sid, story.image))
            blocks.append(replace(b, story_id=sid, image=image))
            report.append(f"{sid}: page {i + 1}, template block {b.id}, {b.cols} 栏 × {b.rows} 行")
        ids = {b.id for b in blocks}
        blocks = [replace(b, next_block="") if b.next_block and not any(
            b.next_block in {x.id for x in p.blocks} for p in template.pages) else b for b in blocks]
        num = str(int(header.number) + i) if header.number.isdigit() else (header.number or page.header.number)
        pages.append(replace(page, header=replace(header, number=num), blocks=tuple(blocks),
                             rules=page.rules if ids else ()))
    for s in order:
        report.append(f"{s.id}: the template has no block left for it — not placed")
    doc = Document(tuple(pages), tuple(stories))
    return ComposeResult(doc, tuple(report), 0.0)
