"""Paints a page's display list with QPainter: the same glyph ids, positions and font files as the PDF.

Glyphs go through QRawFont (loaded from the registry's font file) and QGlyphRun, so nothing is
re-shaped or re-positioned by Qt: what is on screen is what prints. Coordinates are page points,
origin top-left of the trim, y down — the scene's coordinates.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (QColor, QFont, QGlyphRun, QImage, QPainter, QPen, QRawFont,
                           QTransform)

from layout.display import CMYK, BoxItem, GlyphRun, ImageItem, PageDisplay, RuleItem
from layout.fonts import FontRegistry, default_registry

_RAW: dict[tuple[str, float], QRawFont] = {}
_FONT_DATA: dict[str, bytes] = {}
_IMAGES: dict[str, Optional[QImage]] = {}
PLACEHOLDER_GREY: CMYK = (0.0, 0.0, 0.0, 0.25)


def qcolor(c: CMYK) -> QColor:
    return QColor.fromCmykF(*c)


def raw_font(key: str, size: float, fonts: Optional[FontRegistry] = None) -> QRawFont:
    """The QRawFont of a registry font at `size` points (one scene unit = one point), unhinted so
    glyph shapes scale exactly with the zoom."""
    k = (key, size)
    rf = _RAW.get(k)
    if rf is None:
        if key not in _FONT_DATA:
            _FONT_DATA[key] = Path((fonts or default_registry()).path(key)).read_bytes()
        rf = QRawFont(_FONT_DATA[key], size, QFont.HintingPreference.PreferNoHinting)
        _RAW[k] = rf
    return rf


def qt_glyph_runs(run: GlyphRun, fonts: Optional[FontRegistry] = None) -> list[tuple[QGlyphRun, QTransform]]:
    """The QGlyphRuns that paint `run`, each with the transform to draw it under.

    Upright glyphs share one QGlyphRun positioned at their baseline origins; a rotated glyph
    (Latin in a vertical line) gets its own run, drawn turned 90° clockwise about its origin.
    """
    rf = raw_font(run.font, run.size, fonts)
    rotated = run.rotated or (False,) * len(run.glyphs)
    upright = [i for i, r in enumerate(rotated) if not r]
    out: list[tuple[QGlyphRun, QTransform]] = []
    if upright:
        g = QGlyphRun()
        g.setRawFont(rf)
        g.setGlyphIndexes([run.glyphs[i] for i in upright])
        g.setPositions([QPointF(run.xs[i], run.ys[i]) for i in upright])
        out.append((g, QTransform()))
    for i, r in enumerate(rotated):
        if r:
            g = QGlyphRun()
            g.setRawFont(rf)
            g.setGlyphIndexes([run.glyphs[i]])
            g.setPositions([QPointF(0, 0)])
            t = QTransform()
            t.translate(run.xs[i], run.ys[i])
            t.rotate(90)
            out.append((g, t))
    return out


def _image(path: str) -> Optional[QImage]:
    if path not in _IMAGES:
        img = QImage(path)
        _IMAGES[path] = None if img.isNull() else img
    return _IMAGES[path]


def paint_placeholder(p: QPainter, rect: QRectF, label: str) -> None:
    """A missing picture: grey box, a cross, and the file name so the editor knows what to find."""
    p.fillRect(rect, qcolor(PLACEHOLDER_GREY))
    p.setPen(QPen(QColor(90, 90, 90), 0.5))
    p.drawRect(rect)
    p.drawLine(rect.topLeft(), rect.bottomRight())
    p.drawLine(rect.topRight(), rect.bottomLeft())
    f = QFont()
    f.setPointSizeF(max(4.0, min(9.0, rect.width() / 12)))
    p.setFont(f)
    p.drawText(rect, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, label)


def paint_image(p: QPainter, item: ImageItem, base: str = "") -> None:
    rect = QRectF(item.x, item.y, item.w, item.h)
    path = item.path if not base or Path(item.path).is_absolute() else str(Path(base) / item.path)
    img = None if item.missing else _image(path)
    if img is None:
        paint_placeholder(p, rect, item.label or Path(item.path).name)
        return
    cx, cy, cw, ch = item.crop
    src = QRectF(cx * img.width(), cy * img.height(), cw * img.width(), ch * img.height())
    p.drawImage(rect, img, src)


def _pen(width: float, color: CMYK, dash: tuple[float, ...]) -> QPen:
    pen = QPen(qcolor(color), width)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    if dash and width > 0:
        pen.setDashPattern([d / width for d in dash])  # Qt dashes are in pen widths
    return pen


def paint_page(p: QPainter, display: PageDisplay, base: str = "",
               fonts: Optional[FontRegistry] = None) -> None:
    """Paint every item of the page in list order (later items on top)."""
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    for item in display.items:
        if isinstance(item, GlyphRun):
            p.setPen(qcolor(item.color))
            for g, t in qt_glyph_runs(item, fonts):
                if t.isIdentity():
                    p.drawGlyphRun(QPointF(0, 0), g)
                else:
                    p.save()
                    p.setTransform(t, True)
                    p.drawGlyphRun(QPointF(0, 0), g)
                    p.restore()
        elif isinstance(item, RuleItem):
            p.setPen(_pen(item.width, item.color, item.dash))
            p.drawLine(QPointF(item.x1, item.y1), QPointF(item.x2, item.y2))
        elif isinstance(item, BoxItem):
            rect = QRectF(item.x, item.y, item.w, item.h)
            if item.fill is not None:
                p.fillRect(rect, qcolor(item.fill))
            if item.stroke is not None:
                p.setPen(_pen(item.stroke_width, item.stroke, item.dash))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawRect(rect)
        elif isinstance(item, ImageItem):
            paint_image(p, item, base)
    p.restore()


def render_page_image(display: PageDisplay, width_px: int, base: str = "") -> QImage:
    """The trimmed page as an image `width_px` wide (thumbnails and PNG export)."""
    scale = width_px / display.width
    img = QImage(width_px, max(1, round(display.height * scale)), QImage.Format.Format_RGB32)
    img.fill(QColor("white"))
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    p.scale(scale, scale)
    paint_page(p, display, base)
    p.end()
    return img



