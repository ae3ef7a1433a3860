"""Automatic page makeup 自动组版: stories in importance order → pages of blocks, rules and a header.

First an exact search (see docs/compose.md): the package 组合稿 in a band across the foot of the
page (banner, lead, sub-stories in stacks separated by rules), the other stories in stacks above
it, the lead story 头条 top-left with the largest headline; every alternative that fills the page
with no block more than two lines short is scored and the cheapest kept. When nothing fills a page
exactly, a plain pour fills stacks in order, links a story that does not fit into a frame on the
next page (jump lines), and reports whatever is left. Deterministic: no randomness, stable order.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Optional, Sequence

from .copyfit import body_lines, head_rows
from .fonts import FontRegistry, default_registry
from .makeup import (article_variants, best_region, partitions, photo_variants, splits, stack_sums, variant_block,
                     Variant)
from .model import Block, Document, Grid, HeadStyle, ImageFrame, Page, PageHeader, PageSpec, RuleLine, Story
from .flow import body_segments, lines_needed


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


class _Composer:
    def __init__(self, spec: PageSpec, images: dict[str, str], fonts: FontRegistry) -> None:
        self.spec, self.grid, self.images, self.fonts = spec, spec.grid, images, fonts
        self.report: list[str] = []

    def variants(self, u: _Unit, cols: int, importance: Optional[int] = None) -> list[Variant]:
        imp = u.importance if importance is None else importance
        if u.story.kind == "photo":
            return photo_variants(u.story, cols, self.grid, "sc", self.fonts)
        return article_variants(u.story, cols, imp, self.grid, "sc", self.fonts)

    # ---------------------------------------------------------------- exact search
    def region_options(self, units: Sequence[_Unit], cols: int, lead: bool) -> list[tuple[tuple, tuple]]:
        """(widths, group sizes) ways to cut a region into stacks of consecutive stories."""
        out = []
        for ws in partitions(cols, 4 if lead else 2):
            if len(ws) > len(units):
                continue
            for gs in splits(len(units), len(ws)):
                out.append((ws, gs))
        return out

    def region_groups(self, units, ws, gs, importance_shift=0):
        groups, i = [], 0
        for w, g in zip(ws, gs):
            groups.append([self.variants(u, w, u.importance + importance_shift) for u in units[i:i + g]])
            i += g
        return groups

    def region_heights(self, units, cols, lead, shift=0) -> dict[int, list[tuple[float, tuple, tuple]]]:
        """For each height a region of these stories can fill exactly, the cut options (cheapest first)."""
        out: dict[int, list] = {}
        for ws, gs in self.region_options(units, cols, lead):
            groups = self.region_groups(units, ws, gs, shift)
            common: Optional[dict[int, float]] = None
            for g in groups:
                s = stack_sums(g)
                common = s if common is None else {k: common[k] + s[k] for k in common if k in s}
            for h, c in (common or {}).items():
                out.setdefault(h, []).append((c + _shape_cost(ws, gs), ws, gs))
        for h in out:
            out[h].sort(key=lambda t: t[0])
        return out

    def exact_page(self, units: list[_Unit]) -> Optional[tuple[float, list[Block], list[RuleLine]]]:
        g = self.grid
        pkg = [u for u in units if u.story.kind == "package" and u.subs]
        rest = [u for u in units if u not in pkg][:]
        if not rest:
            return None
        main_h = self.region_heights(rest, g.columns, True)
        pkg_opts: dict[int, list] = {}
        banner = None
        if pkg:
            p = pkg[0]
            banner = self.banner(p.story, g.columns)
            subs = [_Unit(s, (), 3) for s in p.subs]
            for h, opts in self.region_heights(subs, g.columns, False).items():
                pkg_opts[h + banner[0] + banner[1]] = opts
        best = None
        for mh, mopts in sorted(main_h.items()):
            ph = g.rows - mh
            if pkg and ph not in pkg_opts:
                continue
            if not pkg and ph != 0:
                continue
            for cost, ws, gs in mopts[:12]:
                got = best_region(self.region_groups(rest, ws, gs), 0, mh)
                if got is None:
                    continue
                total = cost + got[0]
                sub = None
                if pkg:
                    for pc, pws, pgs in pkg_opts[ph]:
                        subs = [_Unit(s, (), 3) for s in pkg[0].subs]
                        groups = self.region_groups(subs, pws, pgs)
                        top = banner[0] + banner[1]
                        sg = best_region(groups, mh + top, ph - top)
                        if sg is not None:
                            sub = (pc + sg[0], pws, sg[1], subs)
                            break
                    if sub is None:
                        continue
                    total += sub[0]
                if best is None or total < best[0] - 1e-9:
                    best = (total, ws, got[1], mh, sub)
                break
        if best is None:
            return None
        total, ws, stacks, mh, sub = best
        blocks = self.blocks_for(rest, ws, stacks, 0)
        rules = self.stack_rules(ws, stacks, 0, mh)
        if pkg:
            pu = pkg[0]
            hb, lw, hs = banner
            blocks.append(Block(f"b-{pu.story.id}", pu.story.id, 0, mh, g.columns, hb + lw, body_columns=1,
                                head=hs, importance=pu.importance))
            blocks += self.blocks_for(sub[3], sub[1], sub[2], 0)
            rules += self.stack_rules(sub[1], sub[2], mh + hb + lw, g.rows)
            y = g.row_y(mh) - g.leading * 0.35
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
            for top, v in placed:
                u = units[i]
                i += 1
                blocks.append(self.block(u, col, top, v))
                self.report.append(f"{u.story.id}: {w} 栏 × {v.rows} 行 at column {col + 1}, line {top + 1}"
                                   + (f" ({v.note})" if v.note else ""))
            col += w
        return blocks

    def block(self, u: _Unit, col: int, top: int, v: Variant) -> Block:
        return variant_block(u.story, v, col, top, importance=u.importance,
                             image_path=self.images.get(u.story.id, u.story.image))

    def stack_rules(self, ws, stacks, top: int, bottom: int) -> list[RuleLine]:
        """Gutter rules between stacks and a hairline between stories in a stack."""
        g = self.grid
        rules, col = [], 0
        for k, (w, placed) in enumerate(zip(ws, stacks)):
            x0 = g.col_x(col)
            for t, v in placed[1:]:
                y = g.row_y(t) - g.leading * 0.3
                rules.append(RuleLine(x0, y, x0 + g.span_width(w), y, 0.5))
            col += w
            if k < len(ws) - 1:
                x = g.col_x(col) - g.gutter / 2
                rules.append(RuleLine(x, g.row_y(top) + 2, x, g.row_y(bottom) - 2, 0.5))
        return rules

    # ---------------------------------------------------------------- plain pour (fallback, multi-page)
    def pour(self, units: list[_Unit], pages: int) -> tuple[list[list[Block]], list[str]]:
        g = self.grid
        ws = _pour_widths(g.columns)
        out: list[list[Block]] = [[] for _ in range(pages)]
        lost: list[str] = []
        queue: list[tuple[Story, int, int, str]] = []  # story, importance, continued lines, prev block
        for u in units:
            for s in (u.story,) + u.subs:
                queue.append((s, u.importance, -1, ""))
        pi, si, row = 0, 0, 0
        while queue:
            if pi >= pages:
                lost += [q[0].id for q in queue if q[2] < 0]
                break
            story, imp, cont, prev = queue.pop(0)
            w = ws[si]
            col = sum(ws[:si])
            left = g.rows - row
            L = body_lines(story, g, fonts=self.fonts) if cont < 0 else cont
            if story.kind == "photo":
                vs = photo_variants(story, w, g, "sc", self.fonts)
            else:
                vs = article_variants(story, w, min(imp, 3), g, "sc", self.fonts, False, 10**6) if cont < 0 else []
            need = min((v for v in vs), key=lambda v: v.rows) if vs else None
            rows = need.rows if need else math.ceil(L / w) + 1
            bid = f"b-{story.id}" + (f"-{pi + 1}" if cont >= 0 else "")
            if rows <= left:
                out[pi].append(self._pour_block(bid, story, col, row, w, rows, need, imp, cont >= 0))
                if prev:
                    _link(out, prev, bid)
                row += rows
            elif left >= 6 and story.kind != "photo" and (si + 1 < len(ws) or pi + 1 < pages):
                out[pi].append(self._pour_block(bid, story, col, row, w, left, need, imp, cont >= 0))
                if prev:
                    _link(out, prev, bid)
                used = w * left - (need.head_rows * w if need and cont < 0 else 0) - 1
                queue.insert(0, (story, imp, max(1, L - used + 2), bid))
                row = g.rows
            else:
                queue.insert(0, (story, imp, cont, prev))
                row = g.rows
            if row >= g.rows:
                si, row = si + 1, 0
                if si >= len(ws):
                    pi, si = pi + 1, 0
        return out, lost

    def _pour_block(self, bid, story, col, row, w, rows, v, imp, cont) -> Block:
        head = v.head if v else HeadStyle()
        image = None
        if story.kind == "photo" and v:
            image = ImageFrame(self.images.get(story.id, story.image), 0, 0, w, v.image_rows)
        return Block(bid, story.id, col, row, w, rows, head=head, show_head=not cont, image=image,
                     body_columns=1 if image else 0, importance=imp)


def _link(pages: list[list[Block]], prev: str, bid: str) -> None:
    for blocks in pages:
        for i, b in enumerate(blocks):
            if b.id == prev:
                blocks[i] = replace(b, next_block=bid)


def _pour_widths(cols: int) -> tuple[int, ...]:
    if cols <= 3:
        return (cols,)
    k = max(2, round(cols / 3))
    base = [cols // k] * k
    for i in range(cols - sum(base)):
        base[i] += 1
    return tuple(base)


def _shape_cost(ws: tuple, gs: tuple) -> float:
    """Prefer a wide lead stack and stacks of similar width; many tiny stacks read badly."""
    return 0.3 * (max(ws) - min(ws)) + 0.5 * len(ws) - 0.4 * ws[0]


def compose_pages(stories: Sequence[Story], spec: PageSpec, header: PageHeader, max_pages: int = 1,
                  images: dict[str, str] = {}, template: Optional[Document] = None,
                  fonts: Optional[FontRegistry] = None) -> ComposeResult:
    """Make up pages from stories in importance order; the report places or explains every story."""
    fonts = fonts or default_registry()
    stories = list(stories)
    c = _Composer(spec, images, fonts)
    units = _units(stories)
    exact = c.exact_page(units) if units else None
    report: list[str] = []
    if exact is not None:
        score, blocks, rules = exact
        pages = [Page("p1", spec, header, tuple(blocks), tuple(rules))]
        report.append(f"page 1 filled exactly; score {score:.1f} (lower is better, see docs/compose.md)")
        report += c.report
    else:
        per_page, lost = c.pour(units, max(1, max_pages))
        pages = []
        for i, blocks in enumerate(per_page):
            if not blocks:
                continue
            num = str(int(header.number) + i) if header.number.isdigit() else (header.number or str(i + 1))
            pages.append(Page(f"p{i + 1}", spec, replace(header, number=num), tuple(blocks)))
        report.append(f"no exact fill found; stories poured into {len(pages)} page(s) in order")
        for b in (b for p in pages for b in p.blocks):
            report.append(f"{b.story_id}: {b.cols} 栏 × {b.rows} 行" + (f", continued in {b.next_block}"
                                                                      if b.next_block else ""))
        for sid in lost:
            report.append(f"{sid}: does not fit in {max_pages} page(s) — not placed")
    doc = Document(tuple(pages), tuple(stories))
    return ComposeResult(doc, tuple(report), exact[0] if exact else 0.0)
