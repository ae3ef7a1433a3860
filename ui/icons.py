"""Toolbar icons: Qt's standard icons for file and edit actions, and small line drawings painted
with QPainter at start-up for the page-making ones (no icon files to ship or license)."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QStyle, QWidget

SP = QStyle.StandardPixmap
STANDARD = {"new": SP.SP_FileIcon, "open": SP.SP_DialogOpenButton, "save": SP.SP_DialogSaveButton,
            "undo": SP.SP_ArrowBack, "redo": SP.SP_ArrowForward}
INK = QColor(40, 40, 40)
ACCENT = QColor(0, 110, 200)
SIZE = 32  # drawn at 32 px, shown at the toolbar's size


def _draw(paint: Callable[[QPainter], None]) -> QIcon:
    pm = QPixmap(SIZE, SIZE)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(INK, 2.2)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    paint(p)
    p.end()
    return QIcon(pm)


def _accent(p: QPainter, width: float = 2.4) -> None:
    p.setPen(QPen(ACCENT, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))


def _page(p: QPainter) -> None:
    p.drawRect(QRectF(7, 4, 18, 24))


def _import(p: QPainter) -> None:
    _page(p)
    for y in (10, 14, 18):
        p.drawLine(QPointF(11, y), QPointF(21, y))
    _accent(p)
    p.drawLine(QPointF(16, 30), QPointF(16, 21))
    p.drawLine(QPointF(12, 25), QPointF(16, 21))
    p.drawLine(QPointF(20, 25), QPointF(16, 21))


def _compose(p: QPainter) -> None:
    p.drawRect(QRectF(4, 4, 24, 24))
    p.fillRect(QRectF(7, 7, 18, 5), INK)
    _accent(p, 2)
    for x in (9, 16, 23):
        p.drawLine(QPointF(x, 15), QPointF(x, 25))


def _block(p: QPainter) -> None:
    p.setPen(QPen(INK, 2, Qt.PenStyle.DashLine))
    p.drawRect(QRectF(4, 6, 18, 18))
    _accent(p)
    p.drawLine(QPointF(25, 18), QPointF(25, 30))
    p.drawLine(QPointF(19, 24), QPointF(31, 24))


def _link(p: QPainter) -> None:
    p.drawRect(QRectF(3, 4, 11, 14))
    p.drawRect(QRectF(18, 14, 11, 14))
    _accent(p)
    p.drawLine(QPointF(14, 15), QPointF(18, 17))
    p.drawEllipse(QPointF(14, 15), 1.6, 1.6)


def _image(p: QPainter) -> None:
    p.drawRect(QRectF(4, 6, 24, 20))
    _accent(p, 2)
    p.drawPolyline([QPointF(6, 24), QPointF(13, 15), QPointF(18, 20), QPointF(22, 16), QPointF(26, 24)])
    p.drawEllipse(QPointF(22, 11), 2, 2)


def _preview(p: QPainter) -> None:
    p.drawEllipse(QRectF(4, 9, 24, 14))
    _accent(p)
    p.drawEllipse(QPointF(16, 16), 3.5, 3.5)


def _side_by_side(p: QPainter) -> None:
    p.drawRect(QRectF(3, 6, 12, 20))
    p.drawRect(QRectF(17, 6, 12, 20))
    f = p.font()
    f.setPixelSize(10)
    f.setBold(True)
    p.setFont(f)
    p.drawText(QRectF(3, 6, 12, 20), Qt.AlignmentFlag.AlignCenter, "简")
    _accent(p)
    p.drawText(QRectF(17, 6, 12, 20), Qt.AlignmentFlag.AlignCenter, "繁")


def _fit_page(p: QPainter) -> None:
    _page(p)
    _accent(p, 2)
    for a, b in ((QPointF(3, 3), QPointF(8, 3)), (QPointF(3, 3), QPointF(3, 8)),
                 (QPointF(29, 29), QPointF(24, 29)), (QPointF(29, 29), QPointF(29, 24))):
        p.drawLine(a, b)


def _fit_width(p: QPainter) -> None:
    _page(p)
    _accent(p, 2)
    p.drawLine(QPointF(2, 16), QPointF(30, 16))
    p.drawLine(QPointF(2, 16), QPointF(6, 12))
    p.drawLine(QPointF(30, 16), QPointF(26, 12))


def _actual(p: QPainter) -> None:
    f = p.font()
    f.setPixelSize(13)
    f.setBold(True)
    p.setFont(f)
    p.drawRect(QRectF(3, 7, 26, 18))
    _accent(p)
    p.drawText(QRectF(3, 7, 26, 18), Qt.AlignmentFlag.AlignCenter, "1:1")


def _pdf(p: QPainter) -> None:
    _page(p)
    f = p.font()
    f.setPixelSize(9)
    f.setBold(True)
    p.setFont(f)
    p.fillRect(QRectF(4, 17, 24, 10), QColor(190, 30, 30))
    p.setPen(QColor("white"))
    p.drawText(QRectF(4, 17, 24, 10), Qt.AlignmentFlag.AlignCenter, "PDF")


PAINTED = {"import_copy": _import, "compose": _compose, "draw_block": _block, "link_frames": _link,
           "place_image": _image, "preview": _preview, "side_by_side": _side_by_side,
           "zoom_fit_page": _fit_page, "zoom_fit_width": _fit_width, "zoom_100": _actual,
           "export_pdf": _pdf}


def set_icons(actions: dict[str, QAction], widget: QWidget) -> None:
    """Give every toolbar action its icon (standard ones from the widget's style)."""
    style = widget.style()
    for name, sp in STANDARD.items():
        actions[name].setIcon(style.standardIcon(sp))
    for name, paint in PAINTED.items():
        actions[name].setIcon(_draw(paint))
