"""Document → display list: every block of a page flowed, with headline zone, pictures, boxes,
rules, page header, jump lines 下转/上接 and per-block layout facts (capacity, overset).

Public: `lay_out_page(doc, page_index)` and `lay_out_document(doc)`. Linked blocks
(Block.next_block) are flowed as one chain across pages, so a continuation starts where its
predecessor stopped and jump lines always name the page the other block is on now.
"""
from __future__ import annotations

import math
import os
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Optional

from .display import BLACK, BlockFacts, BoxItem, Finding, GlyphRun, ImageItem, Item, PageDisplay, RuleItem
from .document_io import ImageAccess
from .flow import (HEAD_ROLES, Cursor, Segment, flow_segments, flow_vertical, notch_obstacle, rect_slots,
                   segment_style, set_lines, story_segments)
from .fonts import FontRegistry, default_registry
from .limits import check_document
from .headline import head_runs, main_size_for, plan_headline, plan_vertical
from .masthead import header_items, page_label
from .model import Block, Document, Grid, Story
from .typeset import TextStyle

GREY = (0.0, 0.0, 0.0, 0.25)
TINT_FRAME = {"line": (), "double": (), "dotted": (1.0, 2.0), "flower": (3.0, 1.5, 0.8, 1.5)}


AIR_LINES = 2  # empty lines above body text that begins at a block's top edge under another block


def edition_view(doc: Document) -> tuple[Document, str]:
    """The document as it is laid out: stories and page texts (header, captions) converted for the
    edition, and the edition's script."""
    if not doc.edition:
        return doc, "sc"
    from .convert import convert_document_stories, convert_page_texts, script_for

    pages = tuple(convert_page_texts(p, doc.edition, doc.phrases) for p in doc.pages)
    return (replace(doc, stories=tuple(convert_document_stories(doc)), pages=pages),
            script_for(doc.edition))


def head_zone_rows(plan_height: float, leading: float) -> int:
    """Grid lines a horizontal headline of `plan_height` points takes, with half a line of air."""
    return max(1, math.ceil((plan_height + leading * 0.6) / leading - 1e-6))


@dataclass
class _BlockOut:
    items: list
    facts: BlockFacts
    findings: list
    rest: Optional[Cursor]


class _Layouter:
    """Lays out blocks once each, following linked chains across pages (memoised per document)."""

    def __init__(self, doc: Document, fonts: FontRegistry, draw: bool = True,
                 images: ImageAccess = ImageAccess()) -> None:
        self.doc, self.script = edition_view(doc)
        self.fonts = fonts
        self.images = images
        self.draw = draw  # False: facts only (makeup's predictions), no head or body glyph runs
        self.prev: dict[str, str] = {}
        for p in self.doc.pages:
            for b in p.blocks:
                if b.next_block:
                    self.prev[b.next_block] = b.id
        self.done: dict[str, _BlockOut] = {}

    def block(self, block_id: str) -> _BlockOut:
        if block_id not in self.done:
            pi, b = self.doc.find_block(block_id)
            start = Cursor()
            cont_from = None
            if block_id in self.prev:
                before = self.block(self.prev[block_id])
                start = before.rest or Cursor(10**9, 0)
                cont_from = self.doc.find_block(self.prev[block_id])[0]
            self.done[block_id] = self._lay_out(pi, b, start, cont_from)
        return self.done[block_id]

    def _label(self, page_index: int) -> str:
        return page_label(self.doc.pages[page_index].header, page_index)

    def _lay_out(self, pi: int, block: Block, start: Cursor, cont_from: Optional[int]) -> _BlockOut:
        return self.lay_out_in(self.doc.pages[pi].spec.grid, pi, block, start, cont_from,
                               under=block_under(self.doc.pages[pi].blocks, block))

    def lay_out_in(self, grid: Grid, pi: int, block: Block, start: Cursor, cont_from: Optional[int],
                   jumps: Optional[tuple[bool, bool]] = None, under: bool = False) -> _BlockOut:
        """Lay out one block; `jumps` (in, out) forces jump lines (makeup predicts a block whose
        linked frame is not placed yet: the line's text differs, its room does not); `under`: another
        block ends right above it in the same columns (see `block_under`)."""
        items: list[Item] = []
        findings: list[Finding] = []
        story = self.doc.story(block.story_id)
        x, y, w, h = grid.rect(block.col, block.row, block.cols, block.rows)
        if story is None:
            findings.append(Finding("error", f"block {block.id} shows story '{block.story_id}', which is not "
                                    "in the document", pi, block.id, block.story_id, "story-missing"))
            items.append(BoxItem(x, y, w, h, stroke=GREY, dash=(4.0, 2.0)))
            return _BlockOut(items, BlockFacts(block.id, block.story_id, x, y, w, h), findings, None)
        segs = story_segments(story)
        body = [s for s in segs if s.role not in HEAD_ROLES]
        head = [s for s in segs if s.role in HEAD_ROLES]
        if story.kind == "photo":  # a photo-news item's copy is its caption, in 楷体
            body = [replace(s, role="caption") if s.role == "body" else s for s in body]
        obstacles: list[tuple[float, float, int, int]] = notch_obstacle(grid, block)
        head_fits, notes = True, []
        first_row = block.row
        boxed = block.box.frame != "none" or block.box.tint > 0
        if boxed:
            obstacles += [(x - 1, x + w + 1, block.row, block.row + 1),
                          (x - 1, x + w + 1, block.row + block.rows - 1, block.row + block.rows)]
            first_row += 1
            items.append(_box_item(x, y, w, h, block, grid))
        is_cont = start != Cursor()
        nxt = self.doc.find_block(block.next_block) if block.next_block else None
        jump_out = nxt is not None and nxt[0] != pi
        jump_in = cont_from is not None and cont_from != pi and is_cont
        if jumps is not None:
            jump_in, jump_out = jumps[0] and is_cont, jumps[1]
        # a continuation on another page may repeat the story's main head, small, in a zone of
        # its own height (续题: head.rows set; makeup varies it so the rest fits a page exactly)
        repeat = (jump_in and block.show_head and block.head.rows > 0
                  and block.head.orientation != "vertical" and any(s.role == "head" for s in head))
        horizontal_head = (block.show_head and (not is_cont or repeat) and bool(head)
                           and block.head.orientation != "vertical")
        picture_on_top = block.image is not None and block.image.row == 0
        if under and not boxed and not horizontal_head and not picture_on_top:
            # Body text (a 竖题 block's, a headless continuation's) would start at the block's top
            # edge, right under the story above: keep AIR_LINES empty so it never reads as running
            # on from that story (the separating rule sits there); makeup predicts the same.
            obstacles.append((x - 1, x + w + 1, block.row, block.row + AIR_LINES))
            first_row += AIR_LINES
        if block.show_head and not is_cont and head:
            head_row = first_row
            if story.kind == "photo" and block.image is not None and block.image.row == 0:
                head_row += block.image.rows  # a photo-news title sits under its picture
            hitems, obst, head_fits = self._head(grid, block, story, head, head_row)
            items += hitems
            obstacles += obst
            if not head_fits:
                findings.append(Finding("warning", f"the headline of {story.id} does not fit its zone",
                                        pi, block.id, story.id, "head-overflow"))
        elif repeat:
            main = [s for s in head if s.role == "head"]
            hitems, obst, head_fits = self._head(grid, block, story, main, first_row)
            # the repeated head is not the story's text a second time: no offsets (as jump lines)
            items += [replace(r, offsets=(-1,) * len(r.glyphs)) for r in hitems]
            obstacles += obst
        if block.image is not None:
            iitems, obst, f = self._image(grid, block, story, pi)
            items += iitems
            obstacles += obst
            findings += f
        if block.vertical:
            return self._vertical_block(grid, pi, block, story, body, obstacles, items, findings, head_fits, start)
        slots = rect_slots(grid, block.col, block.row, block.cols, block.rows, block.body_columns, obstacles)
        if jump_in and slots:
            label = self._label(cont_from) if cont_from is not None else "?"
            items += self._jump(f"（上接第{label}版）", slots[0], slots[0].row, grid, story.id)
            slots[0] = replace(slots[0], row=slots[0].row + 1, rows=slots[0].rows - 1)
        if jump_out and slots:
            last = slots[-1]
            label = self._label(nxt[0]) if nxt is not None else "?"
            items += self._jump(f"（下转第{label}版）", last, last.row + last.rows - 1, grid, story.id)
            slots[-1] = replace(last, rows=last.rows - 1)
        slots = [s for s in slots if s.rows > 0]
        if block.balance:
            slots = _balanced(slots, body, grid, self.script, block.tracking, start, self.fonts)
        res = flow_segments(body, slots, grid, self.script, block.tracking, start, self.fonts, self.draw)
        for pl in res.lines:
            items += pl.line.runs(pl.x, pl.y, pl.style, story.id, pl.base_offset, pl.role)
        if res.overset_chars and not block.next_block:
            notes.append(f"超{res.overset_chars}字")
            findings.append(Finding("warning", f"{story.id}: 超{res.overset_chars}字 (overset)", pi, block.id,
                                    story.id, "overset"))
        frames = tuple((s.x, grid.row_y(s.row), s.width, s.rows * grid.leading) for s in slots)
        facts = BlockFacts(block.id, story.id, x, y, w, h, frames, res.line_count, res.capacity_lines,
                           res.capacity_chars, res.needed_chars,
                           0 if block.next_block else res.overset_chars,
                           res.underset_lines, head_fits, tuple(notes))
        return _BlockOut(items, facts, findings, res.rest)

    def _vertical_block(self, grid: Grid, pi: int, block: Block, story: Story, body, obstacles, items,
                        findings, head_fits: bool, start: Cursor) -> _BlockOut:
        """A block whose body is set vertically 竖排: lines top to bottom, right to left, in the part
        of the block below a horizontal head or picture and left of a 竖题."""
        x, y, w, h = grid.rect(block.col, block.row, block.cols, block.rows)
        top, bottom, right = block.row, block.row + block.rows, x + w
        boxed = block.box.frame != "none" or block.box.tint > 0
        if boxed:
            top, bottom = top + 1, bottom - 1
        for ox0, ox1, r0, r1 in obstacles:
            if ox0 <= x + 1 or ox1 - ox0 >= 0.8 * w:  # from the left edge: a head (even one
                # spanning a column less), a picture or air on top
                top = max(top, r1) if r0 <= top else top
            elif ox1 >= right - 1:  # at the right side: a 竖题
                right = min(right, ox0 - grid.gutter / 2)
        region = (x, grid.row_y(top), right - x, (bottom - top) * grid.leading)
        res = flow_vertical(body, region, grid, self.script, block.tracking, start, self.fonts)
        for pl in (res.lines if self.draw else ()):
            items += pl.line.runs(pl.x, pl.y, pl.style, story.id, pl.base_offset, pl.role)
        notes = []
        if res.overset_chars:
            notes.append(f"超{res.overset_chars}字")
            findings.append(Finding("warning", f"{story.id}: 超{res.overset_chars}字 (overset)", pi, block.id,
                                    story.id, "overset"))
        facts = BlockFacts(block.id, story.id, x, y, w, h, (region,), len(res.lines), res.capacity_lines,
                           res.capacity_chars, res.needed_chars, res.overset_chars, res.underset_lines,
                           head_fits, tuple(notes))
        return _BlockOut(items, facts, findings, res.rest)

    def _head(self, grid: Grid, block: Block, story: Story, segs, row: int):
        hs = block.head
        if hs.orientation == "vertical":
            avail = block.row + block.rows - row  # below any air at the block's top
            size = hs.size or main_size_for(block.importance, 2)
            plan = plan_vertical(segs, avail * grid.leading - grid.leading, size, hs.face, self.script,
                                 self.fonts)
            pitch = grid.column_width + grid.gutter
            cols = min(block.cols, max(1, math.ceil((plan.width + grid.gutter) / pitch)))
            rows = min(avail, hs.rows or math.ceil(plan.height / grid.leading) + 1)
            right = grid.col_x(block.col + block.cols - 1) + grid.column_width
            zone_w = grid.span_width(cols)
            top = grid.row_y(row) + (rows * grid.leading - plan.height) / 2
            runs = head_runs(plan, right - (zone_w - plan.width) / 2, top, zone_w, story_id=story.id,
                             fonts=self.fonts) if self.draw else []
            x0 = right - zone_w
            return runs, [(x0, right, row, row + rows)], plan.fits
        span = min(hs.span or block.cols, block.cols)
        width = grid.span_width(span)
        size = hs.size or main_size_for(block.importance, span)
        plan = plan_headline(segs, width, size, hs.face, self.script, fonts=self.fonts)
        rows = hs.rows or head_zone_rows(plan.height, grid.leading)
        x0 = grid.col_x(block.col)
        top = grid.row_y(row) + max(0.0, (rows * grid.leading - plan.height) / 2) - grid.leading * 0.1
        runs = head_runs(plan, x0, top, width, hs.align, story.id, self.fonts) if self.draw else []
        return runs, [(x0, x0 + width, row, row + rows)], plan.fits and plan.height <= rows * grid.leading + 0.5

    def _image(self, grid: Grid, block: Block, story: Story, pi: int):
        im = block.image
        c0, r0 = block.col + im.col, block.row + im.row
        ix, iy, iw, ih = grid.rect(c0, r0, im.cols, im.rows)
        ih -= grid.leading * 0.4  # air between picture and caption
        items: list[Item] = []
        findings: list[Finding] = []
        full = self.images.resolve(im.path)
        refused = bool(im.path) and full is None  # outside the document's folder, not allowed
        path = str(full) if full is not None else im.path
        ok = full is not None and full.is_file()
        label = os.path.basename(im.path) if im.path else "图片"
        px = (0, 0)
        if ok:
            try:
                from PIL import Image

                with Image.open(path) as img:
                    px = img.size
            except Exception:  # any unreadable file is the user's: show a placeholder
                ok = False
        if not im.path:  # no picture chosen yet: the editor places it later
            findings.append(Finding("warning", f"{story.id}: no picture placed yet; a grey placeholder is shown",
                                    pi, block.id, story.id, "image-empty"))
        elif refused:
            findings.append(Finding("error", f"picture '{im.path}' lies outside the document's folder and "
                                    "was not read — move it next to the document, or allow pictures from "
                                    "anywhere for this document", pi, block.id, story.id, "image-outside"))
        elif not ok:  # a named file that is not there would print as a grey box: stop the export
            findings.append(Finding("error", f"picture '{im.path}' is missing or unreadable; a grey placeholder "
                                    "is shown — put the file back or choose another picture",
                                    pi, block.id, story.id, "image-missing"))
        crop = _crop(im.fit, im.crop, px, iw, ih)
        items.append(ImageItem(ix, iy, iw, ih, path, crop, missing=not ok, label=label, pixel_size=px))
        rows_used = im.rows
        cap = [s for s in (Segment("caption", im.caption, -1), Segment("credit", im.credit, -1)) if s.text]
        for seg in cap:
            st = replace(segment_style(seg.role, grid.body_size, self.script), indent=0.0)
            for ln in set_lines(seg.text, iw, st, self.fonts):
                bx = ix + (iw - ln.width if seg.role == "credit" else 0.0)
                items += [replace(r, offsets=(-1,) * len(r.glyphs))
                          for r in ln.runs(bx, grid.baseline(r0 + rows_used), st, story.id, 0, seg.role)]
                rows_used += 1
        return items, [(ix, ix + iw, r0, r0 + rows_used)], findings

    def _jump(self, text: str, slot, row: int, grid: Grid, story_id: str) -> list[GlyphRun]:
        st = TextStyle(role="kai", size=grid.body_size, script=self.script, indent=0.0, align="right")
        lines = set_lines(text, slot.width, st, self.fonts)
        ln = lines[0]
        return [replace(r, offsets=(-1,) * len(r.glyphs))
                for r in ln.runs(slot.x + slot.width - ln.width, grid.baseline(row), st, story_id, 0, "jump")]


def _crop(fit: str, crop, px: tuple[int, int], w: float, h: float):
    """The visible region of the image: fill crops the centre to the frame's proportions."""
    if fit == "manual" or px == (0, 0) or fit == "fit":
        return tuple(crop)
    ar_img, ar_box = px[0] / px[1], w / h
    if ar_img > ar_box:
        f = ar_box / ar_img
        return ((1 - f) / 2, 0.0, f, 1.0)
    f = ar_img / ar_box
    return (0.0, (1 - f) / 2, 1.0, f)


def _box_item(x: float, y: float, w: float, h: float, block: Block, grid: Grid) -> BoxItem:
    pad = min(block.box.inset, grid.gutter / 2 - 0.5)
    fill = (0.0, 0.0, 0.0, block.box.tint) if block.box.tint > 0 else None
    stroke = BLACK if block.box.frame != "none" else None
    width = {"flower": 2.0, "double": 1.5}.get(block.box.frame, 0.6)
    return BoxItem(x - pad, y, w + 2 * pad, h, fill=fill, stroke=stroke, stroke_width=width,
                   dash=TINT_FRAME.get(block.box.frame, ()))


def _balanced(slots, body, grid, script, tracking, start, fonts):
    """Balanced columns: equal-width slots shortened so the text ends level across them."""
    probe = flow_segments(body, slots, grid, script, tracking, start, fonts, place=False)
    if probe.rest is not None or len({round(s.width, 2) for s in slots}) != 1 or not slots:
        return slots
    per = max(1, math.ceil(probe.line_count / len(slots)))
    return [replace(s, rows=min(s.rows, per)) for s in slots]


def block_under(blocks, block: Block) -> bool:
    """Whether another story's block ends right above `block` in a column they share (a notched
    block's cut corner counts as open), so body text starting at `block`'s top edge needs air. A
    frame right under a frame of its own story (a package lead under its banner) reads on."""
    for b in blocks:
        if b.id == block.id or b.story_id == block.story_id:
            continue
        c0, c1 = max(b.col, block.col), min(b.col + b.cols, block.col + block.cols)
        if c0 >= c1:
            continue
        bottom = b.row + b.rows
        n = b.notch
        if n is not None and n.corner.startswith("bottom") and n.cols > 0 and n.rows > 0:
            cut0 = b.col if n.corner.endswith("left") else b.col + b.cols - n.cols
            if cut0 <= c0 and c1 <= cut0 + n.cols:  # only the cut corner's columns are shared
                bottom -= n.rows
        if bottom == block.row:
            return True
    return False


def predict_block(story: Story, block: Block, grid: Grid, script: str = "sc",
                  fonts: Optional[FontRegistry] = None, start: Cursor = Cursor(),
                  jumps: tuple[bool, bool] = (False, False), under: bool = False) -> BlockFacts:
    """The facts `lay_out_page` would give this block showing `story` from `start` — the same
    headline zone, picture, slots and flow — so makeup's heights are exactly what renders.
    jumps: the block has a 上接 line (it continues from another page) / a 下转 line; under: another
    block ends right above it (`block_under`)."""
    return predict_flow(story, block, grid, script, fonts, start, jumps, under)[0]


def predict_flow(story: Story, block: Block, grid: Grid, script: str = "sc",
                 fonts: Optional[FontRegistry] = None, start: Cursor = Cursor(),
                 jumps: tuple[bool, bool] = (False, False), under: bool = False
                 ) -> tuple[BlockFacts, Optional[Cursor]]:
    """`predict_block`, and where the story's flow stops in the block (None: all of it is set)."""
    return _predict(story, replace(block, story_id=story.id, next_block=""), grid, script,
                    fonts or default_registry(), start, jumps, under)


@lru_cache(maxsize=16384)
def _predict(story: Story, block: Block, grid: Grid, script: str, fonts: FontRegistry, start: Cursor,
             jumps: tuple[bool, bool], under: bool) -> tuple[BlockFacts, Optional[Cursor]]:
    # memoised: the makeup search asks for the same block (story, size, head) many times
    lay = _Layouter(Document((), (story,)), fonts, draw=False)
    lay.script = script
    out = lay.lay_out_in(grid, 0, block, start, None, jumps, under)
    return out.facts, out.rest


def lay_out_page(doc: Document, page_index: int, fonts: Optional[FontRegistry] = None,
                 reuse: Optional[dict] = None, images: ImageAccess = ImageAccess()) -> PageDisplay:
    """The display list of one page.

    reuse: a dict the caller keeps between calls (the editor, while a block is dragged or a story
    typed): a block whose own inputs did not change — geometry and styles, story text, script,
    whether a block ends right above it, its page — is taken from it instead of being flowed
    again. Linked frames and blocks with a picture (whose file may come or go) are always laid out.
    images: which picture files may be read (layout.document_io.ImageAccess): by default those
    under the working directory; callers with a document file pass its folder.
    """
    check_document(doc)  # bounded work: absurd geometry, link loops, giant stories are UserErrors
    return _page(_Layouter(doc, fonts or default_registry(), images=images), page_index, reuse)


def lay_out_document(doc: Document, fonts: Optional[FontRegistry] = None,
                     images: ImageAccess = ImageAccess()) -> list[PageDisplay]:
    """The display lists of every page, in order (`images` as for lay_out_page)."""
    check_document(doc)
    lay = _Layouter(doc, fonts or default_registry(), images=images)
    return [_page(lay, i) for i in range(len(doc.pages))]


def _page(lay: _Layouter, index: int, reuse: Optional[dict] = None) -> PageDisplay:
    page = lay.doc.pages[index]
    grid = page.spec.grid
    items: list[Item] = list(header_items(page.header, page.spec, grid, index, lay.script, lay.fonts))
    facts: list[BlockFacts] = []
    findings: list[Finding] = []
    for b in sorted(page.blocks, key=lambda b: b.z):
        key = None
        if reuse is not None and not b.next_block and b.id not in lay.prev and b.image is None:
            # findings carry the page index: a block moved to another page is laid out again
            key = (b, lay.doc.story(b.story_id), lay.script, grid, block_under(page.blocks, b), lay.fonts, index)
        out = reuse.get(key) if key is not None else None
        if out is None:
            out = lay.block(b.id)
            if key is not None:
                reuse[key] = out
        items += out.items
        facts.append(out.facts)
        findings += out.findings
    for r in page.rules:
        dash = {"dotted": (1.0, 2.0), "dashed": (4.0, 2.0)}.get(r.style, ())
        items.append(RuleItem(r.x1, r.y1, r.x2, r.y2, r.weight, dash=dash))
        if r.style == "double":
            dx, dy = (0.0, 2.0) if abs(r.y1 - r.y2) < 0.01 else (2.0, 0.0)
            items.append(RuleItem(r.x1 + dx, r.y1 + dy, r.x2 + dx, r.y2 + dy, r.weight))
    return PageDisplay(page.spec.width, page.spec.height, page.spec.bleed, tuple(items), tuple(facts),
                       tuple(findings), index, page_label(page.header, index))
