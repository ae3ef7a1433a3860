"""Scene items over the painted page: article blocks (select, move, resize, nudge, fit badge) and rules.

Items are views of the document, never its source of truth: a gesture shows a trial geometry while
the mouse moves and pushes one undo command on release; the scene then rebuilds items from the
new snapshot. Every position is snapped to the grid: whole columns (栏) and whole lines (行).
"""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Optional

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (QGraphicsItem, QGraphicsObject, QGraphicsSceneMouseEvent,
                               QStyleOptionGraphicsItem, QWidget)

from layout.display import BlockFacts
from layout.model import Block, Grid, ImageFrame, Notch, RuleLine

if TYPE_CHECKING:
    from .page_view import PageScene

SELECT_COLOR = QColor(0, 120, 215)
OUTLINE_COLOR = QColor(0, 120, 215, 70)
OVERSET_COLOR = QColor(200, 30, 30)
UNDERSET_COLOR = QColor(200, 130, 0)
HANDLE_PX = 7.0  # handle size on screen, whatever the zoom
# The text follows the mouse while the last page layout took less than this; otherwise only the
# outline moves and the text reflows on release (bench/bench_interactive.py measured the engine).
LIVE_REFLOW_BUDGET_S = 0.05

# Handle name → which edges it moves (left, top, right, bottom).
HANDLES = {
    "tl": (1, 1, 0, 0), "t": (0, 1, 0, 0), "tr": (0, 1, 1, 0), "r": (0, 0, 1, 0),
    "br": (0, 0, 1, 1), "b": (0, 0, 0, 1), "bl": (1, 0, 0, 1), "l": (1, 0, 0, 0),
}


def block_rect(grid: Grid, b: Block) -> QRectF:
    return QRectF(*grid.rect(b.col, b.row, b.cols, b.rows))


def block_outline(grid: Grid, b: Block) -> QPainterPath:
    """The block's shape: its rectangle, less the notch of an L-shaped block (拐弯)."""
    path = QPainterPath()
    path.addRect(block_rect(grid, b))
    n = b.notch
    if n and 0 < n.cols < b.cols and 0 < n.rows < b.rows:
        c = b.col if "left" in n.corner else b.col + b.cols - n.cols
        r = b.row if n.corner.startswith("top") else b.row + b.rows - n.rows
        cut = QPainterPath()
        x, y, w, h = grid.rect(c, r, n.cols, n.rows)
        # the notch reaches into the gutter next to it so the outline follows the neighbour's edge
        cut.addRect(QRectF(x - grid.gutter if "right" in n.corner else x, y,
                           w + grid.gutter, h))
        path = path.subtracted(cut)
    return path


def move_block(grid: Grid, b: Block, dcol: int, drow: int) -> Block:
    """The block moved by whole columns and lines, kept inside the type area."""
    col = max(0, min(grid.columns - b.cols, b.col + dcol))
    row = max(0, min(grid.rows - b.rows, b.row + drow))
    return replace(b, col=col, row=row)


HANDLE_CURSORS = {"tl": Qt.CursorShape.SizeFDiagCursor, "br": Qt.CursorShape.SizeFDiagCursor,
                  "tr": Qt.CursorShape.SizeBDiagCursor, "bl": Qt.CursorShape.SizeBDiagCursor,
                  "t": Qt.CursorShape.SizeVerCursor, "b": Qt.CursorShape.SizeVerCursor,
                  "l": Qt.CursorShape.SizeHorCursor, "r": Qt.CursorShape.SizeHorCursor}

# Corner handle → the corner an Alt-drag cuts out of the block (拐弯, an L-shaped block).
NOTCH_CORNERS = {"tl": "top-left", "tr": "top-right", "bl": "bottom-left", "br": "bottom-right"}


def notch_block(grid: Grid, b: Block, handle: str, pos: QPointF) -> Block:
    """The block with the corner of `handle` cut out up to the grid lines nearest `pos`: an L.

    Dragging back past the corner (no whole column or line cut) makes the block a rectangle again;
    the cut always leaves at least one column and one line of the L's arms.
    """
    corner = NOTCH_CORNERS[handle]
    pitch = grid.column_width + grid.gutter
    k = round((pos.x() - grid.left + grid.gutter / 2) / pitch)  # nearest column boundary
    r = round((pos.y() - grid.top) / grid.leading)
    cols = (b.col + b.cols - k) if corner.endswith("right") else (k - b.col)
    rows = (b.row + b.rows - r) if corner.startswith("bottom") else (r - b.row)
    if cols <= 0 or rows <= 0 or b.cols < 2 or b.rows < 2:
        return replace(b, notch=None)
    return replace(b, notch=Notch(corner, min(cols, b.cols - 1), min(rows, b.rows - 1)))


def _fit_notch(b: Block) -> Block:
    """After a resize: the notch shrunk to leave both arms of the L (dropped if it cannot)."""
    n = b.notch
    if n is None:
        return b
    cols, rows = min(n.cols, b.cols - 1), min(n.rows, b.rows - 1)
    return replace(b, notch=Notch(n.corner, cols, rows) if cols > 0 and rows > 0 else None)


def resize_block(grid: Grid, b: Block, handle: str, pos: QPointF) -> Block:
    """The block with the edges of `handle` moved to the grid lines nearest `pos` (at least 1×1)."""
    left_e, top_e, right_e, bottom_e = HANDLES[handle]
    pitch = grid.column_width + grid.gutter
    c0, c1 = b.col, b.col + b.cols
    r0, r1 = b.row, b.row + b.rows
    if left_e:
        c0 = max(0, min(c1 - 1, round((pos.x() - grid.left) / pitch)))
    if right_e:
        c1 = max(c0 + 1, min(grid.columns, round((pos.x() - grid.left + grid.gutter) / pitch)))
    if top_e:
        r0 = max(0, min(r1 - 1, round((pos.y() - grid.top) / grid.leading)))
    if bottom_e:
        r1 = max(r0 + 1, min(grid.rows, round((pos.y() - grid.top) / grid.leading)))
    return _fit_notch(replace(b, col=c0, row=r0, cols=c1 - c0, rows=r1 - r0))


def image_rect(grid: Grid, b: Block) -> QRectF:
    """The picture frame of a block in page points (its grid cells, as the engine places it)."""
    im = b.image
    return QRectF(*grid.rect(b.col + im.col, b.row + im.row, im.cols, im.rows))


def move_image(b: Block, dcol: int, drow: int) -> ImageFrame:
    """The block's picture moved by whole columns and lines, kept inside the block."""
    im = b.image
    return replace(im, col=max(0, min(b.cols - im.cols, im.col + dcol)),
                   row=max(0, min(b.rows - im.rows, im.row + drow)))


def resize_image(grid: Grid, b: Block, handle: str, pos: QPointF) -> ImageFrame:
    """The block's picture with the edges of `handle` on the grid lines nearest `pos`, inside the block."""
    im = b.image
    frame = replace(b, col=b.col + im.col, row=b.row + im.row, cols=im.cols, rows=im.rows, notch=None)
    r = resize_block(grid, frame, handle, pos)
    col = max(b.col, r.col)
    row = max(b.row, r.row)
    cols = max(1, min(b.col + b.cols, r.col + r.cols) - col)
    rows = max(1, min(b.row + b.rows, r.row + r.rows) - row)
    return replace(im, col=col - b.col, row=row - b.row, cols=cols, rows=rows)


def pan_crop(im: ImageFrame, dx: float, dy: float, w: float, h: float) -> ImageFrame:
    """Manual crop: the visible region moved by (dx, dy) frame points (dragging the picture's content),
    kept inside the image."""
    cx, cy, cw, ch = im.crop
    nx = max(0.0, min(1.0 - cw, cx - dx / w * cw))
    ny = max(0.0, min(1.0 - ch, cy - dy / h * ch))
    return replace(im, fit="manual", crop=(nx, ny, cw, ch))



def handle_at(rects: dict, pos: QPointF) -> str:
    """The name of the resize handle under `pos` (a pixel of slack around each), or ""."""
    for name, r in rects.items():
        if r.adjusted(-1, -1, 1, 1).contains(pos):
            return name
    return ""

class FitBadge(QGraphicsItem):
    """The overset/underset mark ("超37字", "缺2行") at the block's bottom-right corner, where the
    text runs out; drawn in screen pixels so it is readable at any zoom, and inside the block."""

    def __init__(self, parent: QGraphicsItem) -> None:
        super().__init__(parent)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        self.label = ""
        self._bg = OVERSET_COLOR
        self._font = QFont()
        self._font.setPixelSize(11)

    def text(self) -> str:
        return self.label

    def set_fit(self, facts: Optional[BlockFacts]) -> None:
        self.prepareGeometryChange()
        self.label = facts.fit_label if facts else ""
        self._bg = OVERSET_COLOR if facts and facts.overset_chars > 0 else UNDERSET_COLOR
        self.setVisible(bool(self.label))

    def boundingRect(self) -> QRectF:
        w = QFontMetricsF(self._font).horizontalAdvance(self.label) + 8
        return QRectF(-w, -16, w, 16)  # anchored by its bottom-right corner

    def paint(self, p: QPainter, option: QStyleOptionGraphicsItem, widget: Optional[QWidget] = None) -> None:
        r = self.boundingRect()
        p.fillRect(r, self._bg)
        p.setPen(QColor("white"))
        p.setFont(self._font)
        p.drawText(r, Qt.AlignmentFlag.AlignCenter, self.label)


class BlockItem(QGraphicsObject):
    """One article block: outline, selection handles, fit badge; drag to move, handles to resize."""

    def __init__(self, block: Block, grid: Grid) -> None:
        super().__init__()
        self.block = block
        self.grid = grid
        self.facts: Optional[BlockFacts] = None
        self.preview = False
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsFocusable, True)
        self.setAcceptHoverEvents(True)
        self.setZValue(10 + block.z)
        self.badge = FitBadge(self)
        self.picture: Optional[ImageFrameItem] = None
        self._gesture: Optional[dict] = None
        self.set_block(block, grid)

    @property
    def block_id(self) -> str:
        return self.block.id

    def page_scene(self) -> "PageScene":
        return self.scene()  # type: ignore[return-value]

    # -- model → item
    def set_block(self, block: Block, grid: Grid, facts: Optional[BlockFacts] = None) -> None:
        self.prepareGeometryChange()
        self.block, self.grid = block, grid
        self.facts = facts
        self._path = block_outline(grid, block)
        r = self._path.boundingRect()
        self.badge.set_fit(facts)
        self.badge.setPos(r.right() - 1, r.bottom() - 1)
        self.badge.setVisible(bool(self.badge.text()) and not self.preview)
        if block.image is None and self.picture is not None:
            self.picture.setParentItem(None)
            if self.picture.scene() is not None:
                self.picture.scene().removeItem(self.picture)
            self.picture = None
        elif block.image is not None:
            if self.picture is None:
                self.picture = ImageFrameItem(self)
            self.picture.sync()
        self.update()

    def set_preview(self, on: bool) -> None:
        self.preview = on
        self.badge.setVisible(bool(self.badge.text()) and not on)
        if self.picture is not None:
            self.picture.update()
        self.update()

    def fit_label(self) -> str:
        return self.badge.text()

    # -- geometry
    def _handle_size(self) -> float:
        v = self.scene().views()[0] if self.scene() and self.scene().views() else None
        return HANDLE_PX / (v.transform().m11() if v else 1.0)

    def handle_rects(self) -> dict[str, QRectF]:
        r = self._path.boundingRect()
        s = self._handle_size()
        xs = {"l": r.left(), "c": r.center().x(), "r": r.right()}
        ys = {"t": r.top(), "c": r.center().y(), "b": r.bottom()}
        out = {}
        for name in HANDLES:
            hx = xs["l" if "l" in name else "r" if "r" in name else "c"]
            hy = ys["t" if "t" in name else "b" if "b" in name else "c"]
            out[name] = QRectF(hx - s / 2, hy - s / 2, s, s)
        return out

    def out_port(self) -> QRectF:
        """The link port 续排口 at the block's right edge, near the bottom: click it, then the block
        that takes the overflow. Empty when not selected and not overset (nothing to show)."""
        if self.preview or not (self.isSelected() or (self.facts and self.facts.overset_chars > 0)):
            return QRectF()
        r = self._path.boundingRect()
        s = self._handle_size() * 1.6
        return QRectF(r.right() - s / 2, r.bottom() - 4 * s, s, s)

    def boundingRect(self) -> QRectF:
        s = HANDLE_PX * 2
        return self._path.boundingRect().adjusted(-s, -s, s, s)

    def shape(self) -> QPainterPath:
        p = QPainterPath(self._path)
        if self.isSelected():
            for r in self.handle_rects().values():
                p.addRect(r)
        port = self.out_port()
        if not port.isEmpty():
            p.addRect(port)
        return p

    def paint(self, p: QPainter, option: QStyleOptionGraphicsItem, widget: Optional[QWidget] = None) -> None:
        if self.preview:
            return
        sel = self.isSelected()
        pen = QPen(SELECT_COLOR if sel else OUTLINE_COLOR, 1.5 if sel else 1.0)
        pen.setCosmetic(True)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(self._path)
        if self.facts and self.facts.overset_chars > 0:
            red = QPen(OVERSET_COLOR, 2.0)
            red.setCosmetic(True)
            p.setPen(red)
            r = self._path.boundingRect()
            p.drawLine(r.bottomLeft(), r.bottomRight())
        if sel:
            p.setPen(QPen(SELECT_COLOR, 0))
            p.setBrush(QColor("white"))
            for r in self.handle_rects().values():
                p.drawRect(r)
        port = self.out_port()
        if not port.isEmpty():
            over = bool(self.facts and self.facts.overset_chars > 0)
            p.setPen(QPen(OVERSET_COLOR if over else SELECT_COLOR, 0))
            p.setBrush(QColor("white"))
            p.drawRect(port)
            c = port.center()
            d = port.width() * 0.3
            if over:  # a red plus: text waiting for a frame, as in InDesign
                p.drawLine(QPointF(c.x() - d, c.y()), QPointF(c.x() + d, c.y()))
                p.drawLine(QPointF(c.x(), c.y() - d), QPointF(c.x(), c.y() + d))
            elif self.block.next_block:  # a small arrow: linked on
                p.drawLine(QPointF(c.x() - d, c.y()), QPointF(c.x() + d, c.y()))

    # -- gestures: one per press/move/release, one undo step on release
    def _handle_at(self, pos: QPointF) -> str:
        return "" if self.preview or not self.isSelected() else handle_at(self.handle_rects(), pos)

    def hoverMoveEvent(self, event) -> None:
        if self.out_port().contains(event.pos()):
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            return
        h = self._handle_at(event.pos())
        self.setCursor(HANDLE_CURSORS.get(h, Qt.CursorShape.SizeAllCursor))

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self.preview:
            event.ignore()
            return
        sc = self.page_scene()
        if self.out_port().contains(event.pos()):
            sc.start_link(self.block_id)  # the next click on a block links it
            event.accept()
            return
        handle = self._handle_at(event.pos())
        if not handle:
            super().mousePressEvent(event)  # selection (Ctrl toggles)
        self.setFocus()
        notch = bool(handle in NOTCH_CORNERS and event.modifiers() & Qt.KeyboardModifier.AltModifier)
        moving = [it for it in sc.block_items() if it.isSelected()] if not handle else [self]
        if self not in moving:
            moving = [self]
        self._gesture = {"handle": handle, "notch": notch, "start": event.scenePos(),
                         "blocks": {it.block_id: it.block for it in moving}, "result": None}
        event.accept()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        g = self._gesture
        if g is None:
            return
        grid = self.grid
        if g["notch"]:
            new = [notch_block(grid, g["blocks"][self.block_id], g["handle"], event.scenePos())]
        elif g["handle"]:
            new = [resize_block(grid, self.block, g["handle"], event.scenePos())]
        else:
            d = event.scenePos() - g["start"]
            dcol = round(d.x() / (grid.column_width + grid.gutter))
            drow = round(d.y() / grid.leading)
            new = [move_block(grid, b, dcol, drow) for b in g["blocks"].values()]
        if new != g["result"]:
            g["result"] = new
            self.page_scene().show_trial(new)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        g, self._gesture = self._gesture, None
        if g is None:
            return
        sc = self.page_scene()
        if g["result"] and any(b != g["blocks"][b.id] for b in g["result"]):
            text = (sc.tr("版块拐弯") if g["notch"] else sc.tr("调整版块大小") if g["handle"]
                    else sc.tr("移动版块"))
            sc.commit_blocks(g["result"], text)
        else:
            sc.show_trial(None)
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event) -> None:
        """Arrows move the selection by a column or a line (Shift: 5 lines); Ctrl+arrows resize."""
        steps = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0),
                 Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}
        step = steps.get(Qt.Key(event.key()))
        if step is None or self.preview:
            super().keyPressEvent(event)
            return
        dc, dr = step
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            dr *= 5
        sc = self.page_scene()
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            b = self.block
            cols = max(1, min(self.grid.columns - b.col, b.cols + dc))
            rows = max(1, min(self.grid.rows - b.row, b.rows + dr))
            sc.nudge_blocks([replace(b, cols=cols, rows=rows)], sc.tr("调整版块大小"))
        else:
            sel = [it.block for it in sc.block_items() if it.isSelected()] or [self.block]
            sc.nudge_blocks([move_block(self.grid, b, dc, dr) for b in sel], sc.tr("移动版块"))
        event.accept()


class ImageFrameItem(QGraphicsObject):
    """The picture of a block as an item of its own: select it, drag it by whole columns and lines
    inside its block, resize it from its handles; Alt-drag pans the picture inside its frame (a
    manual crop). The picture itself is painted from the display list; this draws the frame."""

    def __init__(self, block_item: BlockItem) -> None:
        super().__init__(block_item)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setAcceptHoverEvents(True)
        self._rect = QRectF()
        self._gesture: Optional[dict] = None

    def owner(self) -> BlockItem:
        return self.parentItem()  # type: ignore[return-value]

    def sync(self) -> None:
        self.prepareGeometryChange()
        o = self.owner()
        self._rect = image_rect(o.grid, o.block)
        self.update()

    def frame_rect(self) -> QRectF:
        return QRectF(self._rect)

    def handle_rects(self) -> dict[str, QRectF]:
        r, s = self._rect, self.owner()._handle_size()
        out = {}
        for name in HANDLES:
            hx = r.left() if "l" in name else r.right() if "r" in name else r.center().x()
            hy = r.top() if "t" in name else r.bottom() if "b" in name else r.center().y()
            out[name] = QRectF(hx - s / 2, hy - s / 2, s, s)
        return out

    def boundingRect(self) -> QRectF:
        s = HANDLE_PX * 2
        return self._rect.adjusted(-s, -s, s, s)

    def shape(self) -> QPainterPath:
        p = QPainterPath()
        p.addRect(self._rect)
        if self.isSelected():
            for r in self.handle_rects().values():
                p.addRect(r)
        return p

    def paint(self, p: QPainter, option: QStyleOptionGraphicsItem, widget: Optional[QWidget] = None) -> None:
        if self.owner().preview:
            return
        sel = self.isSelected()
        pen = QPen(SELECT_COLOR if sel else OUTLINE_COLOR, 1.5 if sel else 1.0,
                   Qt.PenStyle.SolidLine if sel else Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(self._rect)
        if sel:
            p.setPen(QPen(SELECT_COLOR, 0))
            p.setBrush(QColor("white"))
            for r in self.handle_rects().values():
                p.drawRect(r)

    def _handle_at(self, pos: QPointF) -> str:
        return handle_at(self.handle_rects(), pos) if self.isSelected() else ""

    def hoverMoveEvent(self, event) -> None:
        self.setCursor(HANDLE_CURSORS.get(self._handle_at(event.pos()), Qt.CursorShape.OpenHandCursor))

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self.owner().preview:
            event.ignore()
            return
        handle = self._handle_at(event.pos())
        if not handle:
            self.scene().clearSelection()
            self.setSelected(True)
        crop = event.modifiers() & Qt.KeyboardModifier.AltModifier and not handle
        block = self.owner().block
        if crop and block.image.fit != "manual":
            # start from what is shown (the engine's fill/fit crop), so the picture does not jump
            block = replace(block, image=replace(block.image, crop=self.owner().page_scene()
                                                 .shown_crop(self._rect) or block.image.crop))
        self._gesture = {"handle": handle, "crop": bool(crop), "start": event.scenePos(),
                         "block": block, "result": None}
        event.accept()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        g = self._gesture
        if g is None:
            return
        o, b = self.owner(), g["block"]
        d = event.scenePos() - g["start"]
        if g["crop"]:
            im = pan_crop(b.image, d.x(), d.y(), self._rect.width(), self._rect.height())
        elif g["handle"]:
            im = resize_image(o.grid, b, g["handle"], event.scenePos())
        else:
            im = move_image(b, round(d.x() / (o.grid.column_width + o.grid.gutter)), round(d.y() / o.grid.leading))
        new = replace(b, image=im)
        if new != g["result"]:
            g["result"] = new
            self._rect = image_rect(o.grid, new)
            self.prepareGeometryChange()
            o.page_scene().show_trial([new])

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        g, self._gesture = self._gesture, None
        if g is None:
            return
        sc = self.owner().page_scene()
        committed = sc.session.doc.find_block(g["block"].id)
        if g["result"] is not None and committed is not None and g["result"] != committed[1]:
            sc.commit_blocks([g["result"]], sc.tr("裁切图片") if g["crop"] else
                             sc.tr("调整图片大小") if g["handle"] else sc.tr("移动图片"))
        else:
            sc.show_trial(None)


def layout_is_fast(last_layout_s: float) -> bool:
    """Whether the text should follow the mouse during a drag (see LIVE_REFLOW_BUDGET_S)."""
    return last_layout_s <= LIVE_REFLOW_BUDGET_S


class RuleLineItem(QGraphicsObject):
    """A rule 线 of the page: select it, drag it (snapped to lines and gutters), delete it."""

    def __init__(self, index: int, rule: RuleLine, grid: Grid) -> None:
        super().__init__()
        self.index, self.rule, self.grid = index, rule, grid
        self.preview = False
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setZValue(5)
        self._start: Optional[QPointF] = None

    def boundingRect(self) -> QRectF:
        r = self.rule
        return QRectF(QPointF(min(r.x1, r.x2), min(r.y1, r.y2)),
                      QPointF(max(r.x1, r.x2), max(r.y1, r.y2))).adjusted(-3, -3, 3, 3)

    def shape(self) -> QPainterPath:
        p = QPainterPath()
        p.addRect(self.boundingRect())
        return p

    def paint(self, p: QPainter, option: QStyleOptionGraphicsItem, widget: Optional[QWidget] = None) -> None:
        if self.preview or not self.isSelected():
            return
        pen = QPen(SELECT_COLOR, 2)
        pen.setCosmetic(True)
        p.setPen(pen)
        p.drawLine(QPointF(self.rule.x1, self.rule.y1), QPointF(self.rule.x2, self.rule.y2))

    def snapped(self, d: QPointF) -> RuleLine:
        """The rule moved by `d`, snapped: y to line boundaries, x to gutter centres or column edges."""
        g, r = self.grid, self.rule
        half = (g.column_width + g.gutter) / 2
        dx = round(d.x() / half) * half
        dy = round(d.y() / g.leading) * g.leading
        return replace(r, x1=r.x1 + dx, x2=r.x2 + dx, y1=r.y1 + dy, y2=r.y2 + dy)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mousePressEvent(event)
        self._start = event.scenePos()
        event.accept()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._start is not None:
            new = self.snapped(event.scenePos() - self._start)
            self.setPos(new.x1 - self.rule.x1, new.y1 - self.rule.y1)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._start is not None:
            new = self.snapped(event.scenePos() - self._start)
            self._start = None
            if new != self.rule:
                self.page_scene_commit(new)
        super().mouseReleaseEvent(event)

    def page_scene_commit(self, new: RuleLine) -> None:
        self.scene().commit_rule(self.index, new)  # type: ignore[attr-defined]


def rubber_block(grid: Grid, a: QPointF, b: QPointF) -> tuple[int, int, int, int]:
    """(col, row, cols, rows) of the grid rectangle drawn from a to b (at least one column, one line)."""
    pitch = grid.column_width + grid.gutter
    x0, x1 = sorted((a.x(), b.x()))
    y0, y1 = sorted((a.y(), b.y()))
    c0 = max(0, min(grid.columns - 1, int((x0 - grid.left) // pitch)))
    c1 = max(c0 + 1, min(grid.columns, int((x1 - grid.left) // pitch) + 1))
    r0 = max(0, min(grid.rows - 1, round((y0 - grid.top) / grid.leading)))
    r1 = max(r0 + 1, min(grid.rows, round((y1 - grid.top) / grid.leading)))
    return c0, r0, c1 - c0, r1 - r0


