"""The page canvas: a QGraphicsScene of one page (paper, painted display list, guides, block items)
and the QGraphicsView that zooms (fit page, fit width, 100 %, Ctrl+wheel) and pans it.

The scene follows the session: after every snapshot it repaints the page's display list and
rebuilds its items. Guides (margins, columns, baseline grid, trim, bleed) switch one by one;
preview mode hides guides, outlines, handles and badges so the page looks as it prints.
"""
from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path
from typing import Optional

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen, QPixmapCache, QWheelEvent
from PySide6.QtWidgets import (QGraphicsItem, QGraphicsRectItem, QGraphicsScene,
                               QGraphicsSceneMouseEvent, QGraphicsView, QStyleOptionGraphicsItem,
                               QWidget)

from layout.display import GlyphRun, ImageItem, PageDisplay
from layout.model import Block, ImageFrame, Page, Paragraph, RuleLine, Story

from .commands import nudge_command, push
from .edits import link_frames
from .items import BlockItem, RuleLineItem, block_rect, layout_is_fast, rubber_block
from .painter import paint_page
from .session import EditorSession

GUIDES = ("margins", "columns", "baseline", "trim", "bleed")
GUIDE_COLORS = {"margins": QColor(220, 0, 220, 150), "columns": QColor(0, 150, 255, 110),
                "baseline": QColor(0, 170, 255, 45), "trim": QColor(0, 0, 0, 200),
                "bleed": QColor(230, 0, 0, 150)}
PASTEBOARD = 60.0  # points of grey around the bleed
# Each story layer caches a viewport-sized pixmap; Qt's default 10 MB would evict them constantly.
PIXMAP_CACHE_KB = 256 * 1024


class LayerItem(QGraphicsItem):
    """Some items of the display list, painted into a device-coordinate cache: while they do not
    change, a repaint is a pixmap copy."""

    def __init__(self, parent: QGraphicsItem, bounds: QRectF) -> None:
        super().__init__(parent)
        self.items: tuple = ()
        self.base = ""
        self.bounds = bounds
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def boundingRect(self) -> QRectF:
        return self.bounds

    def paint(self, p: QPainter, option: QStyleOptionGraphicsItem, widget: Optional[QWidget] = None) -> None:
        d = self.parentItem().display  # type: ignore[union-attr]
        paint_page(p, PageDisplay(d.width, d.height, d.bleed, self.items), self.base)


def runs_bounds(runs) -> QRectF:
    """A rectangle holding every glyph of `runs` (an em around each origin: upright, rotated or
    vertical glyphs all fit)."""
    runs = [r for r in runs if r.xs]
    if not runs:
        return QRectF()
    x0 = min(min(r.xs) - r.size for r in runs)
    x1 = max(max(r.xs) + r.size for r in runs)
    y0 = min(min(r.ys) - r.size for r in runs)
    y1 = max(max(r.ys) + r.size for r in runs)
    return QRectF(x0, y0, x1 - x0, y1 - y0)


class DisplayItem(QGraphicsItem):
    """Paints the page's display list (the typeset page, exactly as exported).

    The list is split into layers — one per story's glyph runs, one for everything else — each
    cached, so moving or retyping one story repaints that story only (bench/bench_interactive.py).
    Layers keep the list's paint order: shared items (rules, boxes, pictures) go under the text.
    """

    def __init__(self) -> None:
        super().__init__()
        self.display: Optional[PageDisplay] = None
        self.base = ""
        self.layers: dict[str, LayerItem] = {}

    def set_display(self, display: PageDisplay, base: str) -> None:
        d = self.display
        if d is None or (d.width, d.height, d.bleed) != (display.width, display.height, display.bleed):
            self.prepareGeometryChange()  # only when the page's size changes: else no repaint of it all
        self.display, self.base = display, base
        groups: dict[str, list] = {"": []}
        for it in display.items:
            key = it.story_id if isinstance(it, GlyphRun) and it.story_id else ""
            groups.setdefault(key, []).append(it)
        page_bounds = self.boundingRect()
        for key, items in groups.items():
            layer = self.layers.get(key)
            if layer is None:
                layer = self.layers[key] = LayerItem(self, page_bounds)
                layer.setZValue(0 if key == "" else 1)
            items_t = tuple(items)
            if layer.items != items_t or layer.base != base or (key == "" and layer.bounds != page_bounds):
                # a story's layer is only as big as its text: small caches, cheap to blit and redo
                bounds = page_bounds if key == "" else runs_bounds(items)
                layer.prepareGeometryChange()
                layer.items, layer.base, layer.bounds = items_t, base, bounds
                layer.update()
        for key in [k for k in self.layers if k not in groups]:
            layer = self.layers.pop(key)
            layer.setParentItem(None)
            if layer.scene() is not None:
                layer.scene().removeItem(layer)

    def boundingRect(self) -> QRectF:
        d = self.display
        if d is None:
            return QRectF()
        return QRectF(-d.bleed, -d.bleed, d.width + 2 * d.bleed, d.height + 2 * d.bleed)

    def paint(self, p: QPainter, option: QStyleOptionGraphicsItem, widget: Optional[QWidget] = None) -> None:
        pass  # the layers paint


class GuidesItem(QGraphicsItem):
    """Non-printing guides of a page: margins, column edges, baseline grid, trim and bleed."""

    def __init__(self) -> None:
        super().__init__()
        self.page: Optional[Page] = None
        self.shown = {g: True for g in GUIDES}
        self.setZValue(2)
        # hundreds of baseline-grid lines: painted once per zoom, then blitted
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def set_page(self, page: Page) -> None:
        if self.page is not None and self.page.spec == page.spec:
            self.page = page  # guides depend on the spec only: keep the cached picture
            return
        self.prepareGeometryChange()
        self.page = page
        self.update()

    def boundingRect(self) -> QRectF:
        if self.page is None:
            return QRectF()
        s = self.page.spec
        return QRectF(-s.bleed - 1, -s.bleed - 1, s.width + 2 * s.bleed + 2, s.height + 2 * s.bleed + 2)

    def _pen(self, guide: str, dash: bool = False) -> QPen:
        pen = QPen(GUIDE_COLORS[guide], 1)
        pen.setCosmetic(True)
        if dash:
            pen.setStyle(Qt.PenStyle.DashLine)
        return pen

    def paint(self, p: QPainter, option: QStyleOptionGraphicsItem, widget: Optional[QWidget] = None) -> None:
        if self.page is None:
            return
        s, g = self.page.spec, self.page.spec.grid
        if self.shown["baseline"]:
            p.setPen(self._pen("baseline"))
            for r in range(g.rows + 1):
                y = g.row_y(r)
                p.drawLine(QPointF(g.left, y), QPointF(g.left + g.width, y))
        if self.shown["columns"]:
            p.setPen(self._pen("columns"))
            for c in range(g.columns):
                x = g.col_x(c)
                for e in (x, x + g.column_width):
                    p.drawLine(QPointF(e, g.top), QPointF(e, g.top + g.height))
        if self.shown["margins"]:
            p.setPen(self._pen("margins"))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(QRectF(s.margin_left, s.margin_top, s.width - s.margin_left - s.margin_right,
                              s.height - s.margin_top - s.margin_bottom))
        if self.shown["trim"]:
            p.setPen(self._pen("trim"))
            p.drawRect(QRectF(0, 0, s.width, s.height))
        if self.shown["bleed"]:
            p.setPen(self._pen("bleed", dash=True))
            p.drawRect(QRectF(-s.bleed, -s.bleed, s.width + 2 * s.bleed, s.height + 2 * s.bleed))


class LinksItem(QGraphicsItem):
    """The threads of linked frames 续排: a line from each block's link port to the top-left of the
    block that takes its overflow (non-printing, hidden in preview)."""

    def __init__(self) -> None:
        super().__init__()
        self.segments: list[tuple[QPointF, QPointF]] = []
        self.setZValue(50)
        self._bounds = QRectF()

    def set_links(self, segments: list[tuple[QPointF, QPointF]]) -> None:
        self.prepareGeometryChange()
        self.segments = segments
        r = QRectF()
        for a, b in segments:
            r = r.united(QRectF(a, b).normalized())
        self._bounds = r.adjusted(-4, -4, 4, 4)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, p: QPainter, option: QStyleOptionGraphicsItem, widget: Optional[QWidget] = None) -> None:
        pen = QPen(QColor(0, 120, 215, 200), 1.2, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        p.setPen(pen)
        for a, b in self.segments:
            p.drawLine(a, b)
            p.drawEllipse(b, 2.0, 2.0)


class PageScene(QGraphicsScene):
    """One page of the session's document as a scene; edits go to the session as undo commands."""

    selectionChangedBlocks = Signal(list)  # block ids
    toolChanged = Signal(str)  # select | draw | link

    def __init__(self, session: EditorSession, page_index: int = 0, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.page_index = page_index
        self.preview = False
        self._tool = "select"
        self.link_source = ""  # the block whose overflow the link tool's next click takes
        self.last_layout_s = 0.0
        self._draw_start: Optional[QPointF] = None
        self._rubber: Optional[QGraphicsRectItem] = None
        self.setBackgroundBrush(QColor(128, 128, 128))
        self.paper = QGraphicsRectItem()
        self.paper.setBrush(QColor("white"))
        self.paper.setPen(QPen(Qt.PenStyle.NoPen))
        self.paper.setZValue(-1)
        self.addItem(self.paper)
        self.content = DisplayItem()
        self.content.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, True)
        self.addItem(self.content)
        self.guides = GuidesItem()
        self.addItem(self.guides)
        self.links = LinksItem()
        self.addItem(self.links)
        self._blocks: dict[str, BlockItem] = {}
        self._rules: list[RuleLineItem] = []
        session.changed.connect(self.refresh)
        self.selectionChanged.connect(self._emit_selection)
        self.refresh()

    @property
    def tool(self) -> str:
        """select | draw (a new block) | link (click the block that takes the overflow)."""
        return self._tool

    @tool.setter
    def tool(self, name: str) -> None:
        if name != "link":
            self.link_source = ""
        if name != self._tool:
            self._tool = name
            self.toolChanged.emit(name)

    # -- model → scene
    @property
    def page(self) -> Page:
        return self.session.shown.pages[self.page_index]

    def refresh(self) -> None:
        doc = self.session.shown
        if not doc.pages:
            return
        self.page_index = min(self.page_index, len(doc.pages) - 1)
        page = self.page
        s = page.spec
        t0 = time.perf_counter()
        display = self.session.display(self.page_index)
        self.last_layout_s = time.perf_counter() - t0
        self.paper.setRect(QRectF(-s.bleed, -s.bleed, s.width + 2 * s.bleed, s.height + 2 * s.bleed))
        self.setSceneRect(QRectF(-s.bleed - PASTEBOARD, -s.bleed - PASTEBOARD,
                                 s.width + 2 * (s.bleed + PASTEBOARD), s.height + 2 * (s.bleed + PASTEBOARD)))
        self.content.set_display(display, str(Path(self.session.path).parent) if self.session.path else "")
        self.guides.set_page(page)
        self.guides.setVisible(not self.preview)
        self._sync_blocks(page, display)
        self._sync_rules(page)

    def _sync_blocks(self, page: Page, display: PageDisplay) -> None:
        facts = {f.block_id: f for f in display.blocks}
        grid = page.spec.grid
        seen = set()
        for b in page.blocks:
            seen.add(b.id)
            it = self._blocks.get(b.id)
            if it is None:
                it = BlockItem(b, grid)
                it.set_preview(self.preview)
                self._blocks[b.id] = it
                self.addItem(it)
            if it.block != b or it.facts != facts.get(b.id) or it.grid != grid:
                it.set_block(b, grid, facts.get(b.id))
            it.setZValue(10 + b.z)
        for bid in list(self._blocks):
            if bid not in seen:
                self.removeItem(self._blocks.pop(bid))
        threads = []
        for b in page.blocks:
            nxt = self._blocks.get(b.next_block)
            if nxt is not None:
                r = block_rect(grid, b)
                threads.append((QPointF(r.right(), r.bottom() - grid.leading),
                                block_rect(grid, nxt.block).topLeft()))
        self.links.set_links(threads)
        self.links.setVisible(not self.preview)

    def _sync_rules(self, page: Page) -> None:
        if [it.rule for it in self._rules] == list(page.rules):
            return
        for it in self._rules:
            self.removeItem(it)
        grid = page.spec.grid
        self._rules = [RuleLineItem(i, r, grid) for i, r in enumerate(page.rules)]
        for it in self._rules:
            it.preview = self.preview
            self.addItem(it)

    def block_items(self) -> list[BlockItem]:
        return list(self._blocks.values())

    def block_item(self, block_id: str) -> Optional[BlockItem]:
        return self._blocks.get(block_id)

    def selected_block_ids(self) -> list[str]:
        return [it.block_id for it in self._blocks.values() if it.isSelected()]

    def select_block(self, block_id: str) -> None:
        self.clearSelection()
        it = self._blocks.get(block_id)
        if it is not None:
            it.setSelected(True)
            it.setFocus()

    def _emit_selection(self) -> None:
        self.selectionChangedBlocks.emit(self.selected_block_ids())

    # -- display options
    def set_preview(self, on: bool) -> None:
        self.preview = on
        self.guides.setVisible(not on)
        self.links.setVisible(not on)
        for it in self._blocks.values():
            it.set_preview(on)
        for r in self._rules:
            r.preview = on
            r.update()
        if on:
            self.clearSelection()

    def set_guide(self, guide: str, on: bool) -> None:
        self.guides.shown[guide] = on
        self.guides.update()

    # -- edits from items
    def show_trial(self, blocks: Optional[list[Block]]) -> None:
        """During a gesture: move the outlines, and reflow the text too when the engine is fast."""
        if blocks is None:
            self.session.set_trial_block(None)
            return
        grid = self.page.spec.grid
        for b in blocks:
            it = self._blocks.get(b.id)
            if it is not None:
                it.set_block(b, grid, it.facts)
        if len(blocks) == 1 and layout_is_fast(self.last_layout_s):
            self.session.set_trial_block(blocks[0])

    def _with_blocks(self, blocks: list[Block]):
        doc = self.session.doc
        for b in blocks:
            doc = doc.replace_block(b)
        return doc

    def commit_blocks(self, blocks: list[Block], text: str) -> None:
        after = self._with_blocks(blocks)
        self.session.set_trial_block(None)
        push(self.session, after, text)

    def nudge_blocks(self, blocks: list[Block], text: str) -> None:
        after = self._with_blocks(blocks)
        if after != self.session.doc:
            key = tuple(sorted(b.id for b in blocks))
            self.session.undo_stack.push(nudge_command(self.session, after, text, key))
        for bid in [b.id for b in blocks]:
            it = self._blocks.get(bid)
            if it is not None:
                it.setSelected(True)

    def shown_crop(self, rect: QRectF) -> Optional[tuple[float, float, float, float]]:
        """The crop the engine shows in the picture frame at `rect` (fill and fit compute it)."""
        for it in self.session.display(self.page_index).items:
            if isinstance(it, ImageItem) and abs(it.x - rect.x()) < 0.5 and abs(it.y - rect.y()) < 0.5:
                return it.crop
        return None

    # -- linked frames 续排
    def start_link(self, block_id: str) -> None:
        """Arm the link tool with `block_id` as the frame whose overflow goes on."""
        self.tool = "link"
        self.link_source = block_id

    def link_blocks(self, source_id: str, target_id: str) -> bool:
        """Link `source_id` on to `target_id` ("" unlinks) as one undo step (see edits.link_frames);
        False when nothing changed or the link would close a loop."""
        after = link_frames(self.session.doc, source_id, target_id)
        if after is None:
            return False
        push(self.session, after, self.tr("续排版块") if target_id else self.tr("断开续排"))
        return True

    def set_block_image(self, block_id: str, path: str) -> None:
        """Place the picture at `path` in the block (keeping an existing frame's place), one undo step."""
        found = self.session.doc.find_block(block_id)
        if found is None:
            return
        b = found[1]
        frame = b.image or ImageFrame(path, cols=b.cols, rows=max(1, min(b.rows - 1, round(b.rows * 0.4))))
        push(self.session, self.session.doc.replace_block(replace(b, image=replace(frame, path=path))),
             self.tr("置入图片"))

    def block_at(self, pos: QPointF) -> Optional[BlockItem]:
        for it in self.items(pos):
            while it is not None and not isinstance(it, BlockItem):
                it = it.parentItem()
            if it is not None:
                return it
        return None

    def commit_rule(self, index: int, rule: RuleLine) -> None:
        doc = self.session.doc
        page = doc.pages[self.page_index]
        rules = list(page.rules)
        rules[index] = rule
        pages = list(doc.pages)
        pages[self.page_index] = replace(page, rules=tuple(rules))
        push(self.session, replace(doc, pages=tuple(pages)), self.tr("移动线条"))

    def add_block(self, col: int, row: int, cols: int, rows: int) -> str:
        """Place a new empty story in a new block (the 'draw block' tool); returns the block id."""
        doc = self.session.doc
        used = {b.id for p in doc.pages for b in p.blocks}
        sids = {s.id for s in doc.stories}
        n = 1
        while f"b{n}" in used or f"new{n}" in sids:
            n += 1
        story = Story(id=f"new{n}", paragraphs=(Paragraph(""),))
        block = Block(id=f"b{n}", story_id=story.id, col=col, row=row, cols=cols, rows=rows,
                      importance=9)
        page = doc.pages[self.page_index]
        pages = list(doc.pages)
        pages[self.page_index] = replace(page, blocks=page.blocks + (block,))
        after = replace(doc, pages=tuple(pages), stories=doc.stories + (story,))
        push(self.session, after, self.tr("新建版块"))
        self.select_block(block.id)
        return block.id

    # -- the draw-block tool
    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self.tool == "link" and event.button() == Qt.MouseButton.LeftButton and not self.preview:
            it = self.block_at(event.scenePos())
            if it is None:
                self.tool = "select"  # a click on the empty page cancels
            elif not self.link_source:
                self.link_source = it.block_id
            elif it.block_id != self.link_source:
                source, self.tool = self.link_source, "select"
                self.link_blocks(source, it.block_id)
                self.select_block(it.block_id)
            event.accept()
            return
        if self.tool == "draw" and event.button() == Qt.MouseButton.LeftButton and not self.preview:
            self._draw_start = event.scenePos()
            self._rubber = QGraphicsRectItem()
            pen = QPen(QColor(0, 120, 215), 1, Qt.PenStyle.DashLine)
            pen.setCosmetic(True)
            self._rubber.setPen(pen)
            self._rubber.setZValue(100)
            self.addItem(self._rubber)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._draw_start is not None and self._rubber is not None:
            grid = self.page.spec.grid
            c, r, cs, rs = rubber_block(grid, self._draw_start, event.scenePos())
            self._rubber.setRect(QRectF(*grid.rect(c, r, cs, rs)))
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._draw_start is not None:
            start, self._draw_start = self._draw_start, None
            if self._rubber is not None:
                self.removeItem(self._rubber)
                self._rubber = None
            self.add_block(*rubber_block(self.page.spec.grid, start, event.scenePos()))
            self.tool = "select"
            return
        super().mouseReleaseEvent(event)


class PageView(QGraphicsView):
    """Zoom and pan over a PageScene; reports the pointer in scene points."""

    pointerMoved = Signal(QPointF)
    zoomChanged = Signal(float)

    def __init__(self, scene: PageScene, parent=None) -> None:
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
                            | QPainter.RenderHint.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setMouseTracking(True)
        QPixmapCache.setCacheLimit(max(QPixmapCache.cacheLimit(), PIXMAP_CACHE_KB))
        self._pan: Optional[QPointF] = None

    def page_scene(self) -> PageScene:
        return self.scene()  # type: ignore[return-value]

    def zoom(self) -> float:
        """Screen pixels per point divided by the 100 % scale."""
        return self.transform().m11() / self._unit()

    def _unit(self) -> float:
        return self.logicalDpiX() / 72.0  # 100 %: a point on screen is a point on paper

    def set_zoom(self, z: float) -> None:
        z = max(0.05, min(16.0, z))
        s = z * self._unit()
        self.resetTransform()
        self.scale(s, s)
        self.zoomChanged.emit(z)

    def _page_rect(self) -> QRectF:
        s = self.page_scene().page.spec
        return QRectF(-s.bleed, -s.bleed, s.width + 2 * s.bleed, s.height + 2 * s.bleed)

    def fit_page(self) -> None:
        r = self._page_rect().adjusted(-10, -10, 10, 10)
        vp = self.viewport().rect()
        self.set_zoom(min(vp.width() / r.width(), vp.height() / r.height()) / self._unit())
        self.centerOn(r.center())

    def fit_width(self) -> None:
        r = self._page_rect().adjusted(-10, 0, 10, 0)
        self.set_zoom(self.viewport().width() / r.width() / self._unit())
        self.centerOn(QPointF(r.center().x(), r.top() + self.viewport().height() / 2 / self.transform().m11()))

    def actual_size(self) -> None:
        self.set_zoom(1.0)

    def zoom_by(self, factor: float) -> None:
        self.set_zoom(self.zoom() * factor)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_by(1.15 ** (event.angleDelta().y() / 120))
            event.accept()
            return
        super().wheelEvent(event)

    # middle-button pan
    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.MiddleButton:
            self._pan = event.position()
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        if self._pan is not None:
            d = event.position() - self._pan
            self._pan = event.position()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - round(d.x()))
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - round(d.y()))
            return
        self.pointerMoved.emit(self.mapToScene(event.position().toPoint()))
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        if self._pan is not None and event.button() == Qt.MouseButton.MiddleButton:
            self._pan = None
            self.unsetCursor()
            return
        super().mouseReleaseEvent(event)
