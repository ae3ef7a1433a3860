"""Painter parity: the Qt canvas and the PDF exporter place every glyph of a page within 0.01 pt.

The Qt side records the QGlyphRuns that ui.painter actually draws (glyph ids, positions and the
transform in force); the PDF side is the exported file read back with pdfplumber.
"""
from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage, QPainter

from layout.display import ImageItem, PageDisplay
from layout.document_io import load_document
from layout.fonts import default_registry
from layout.pdf import PdfOptions, write_pdf
from layout.render import lay_out_page

import ui  # noqa: F401  (first: the PySide6 None-refcount workaround)
from ui_support import sample_doc

pytestmark = pytest.mark.gui
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
TOL = 0.01


class RecordingPainter(QPainter):
    """A QPainter that notes every glyph it is asked to draw, in page coordinates."""

    def __init__(self, device) -> None:
        super().__init__(device)
        self.glyphs: list[tuple[int, float, float, str]] = []

    def drawGlyphRun(self, origin: QPointF, run) -> None:  # noqa: N802 (Qt's name)
        t = self.worldTransform()
        family = run.rawFont().familyName()
        for gid, pos in zip(run.glyphIndexes(), run.positions()):
            p = t.map(pos + origin)
            self.glyphs.append((gid, p.x(), p.y(), family))
        super().drawGlyphRun(origin, run)


def pages() -> list[tuple[str, PageDisplay]]:
    out = [("sample", lay_out_page(sample_doc(), 0))]
    bundled = EXAMPLES / "jiceng-page.banmian.json"
    if bundled.exists():
        out.append(("bundled sample page", lay_out_page(load_document(bundled), 0)))
    vertical = EXAMPLES / "vertical-demo.banmian.json"
    if vertical.exists():  # vertical heads and rotated Latin exercise the rotated path
        out.append(("vertical demo", lay_out_page(load_document(vertical), 0)))
    return out


def qt_glyphs(display: PageDisplay):
    from ui.painter import paint_page

    img = QImage(200, 300, QImage.Format.Format_RGB32)
    img.fill(QColor("white"))
    p = RecordingPainter(img)
    p.scale(200 / display.width, 200 / display.width)
    paint_page(p, display)
    glyphs = [(g, x * display.width / 200, y * display.width / 200, f) for g, x, y, f in p.glyphs]
    p.end()
    return glyphs


def pdf_glyphs(display: PageDisplay, path: Path):
    write_pdf([display], path, PdfOptions(force=True))
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        margin = (float(page.mediabox[2]) - display.width) / 2
        height = float(page.mediabox[3])
        chars = [(c["matrix"][4] - margin, height - margin - c["matrix"][5], c["text"]) for c in page.chars]
    # a missing picture's placeholder label is painter chrome, not a glyph of the display list
    holes = [i for i in display.items if isinstance(i, ImageItem) and i.missing]
    return [c for c in chars if not any(h.x <= c[0] <= h.x + h.w and h.y <= c[1] <= h.y + h.h for h in holes)]


@pytest.mark.parametrize("name,display", pages(), ids=lambda v: v if isinstance(v, str) else "")
def test_qt_painter_and_pdf_place_every_glyph_within_a_hundredth_point(name, display, tmp_path, qapp):
    expected = [(g, x, y, run.font, run.text[i])
                for run in display.glyph_runs() for i, (g, x, y) in enumerate(zip(run.glyphs, run.xs, run.ys))]
    assert len(expected) > 100
    qt = qt_glyphs(display)
    fonts = default_registry()
    # Qt draws upright glyphs of a run together, rotated ones after: compare as sets of placements
    key = lambda t: (round(t[1], 1), round(t[2], 1), t[0])  # noqa: E731
    assert len(qt) == len(expected)
    for (g, x, y, family), (eg, ex, ey, font, _t) in zip(sorted(qt, key=key), sorted(expected, key=key)):
        assert g == eg
        assert abs(x - ex) <= TOL and abs(y - ey) <= TOL
        assert family == fonts.face(font).family  # the same font file as the PDF embeds
    pdf = pdf_glyphs(display, tmp_path / "page.pdf")
    assert len(pdf) == len(expected)
    for (px, py, ptext), (_g, ex, ey, _f, etext) in zip(pdf, expected):
        assert abs(px - ex) <= TOL and abs(py - ey) <= TOL, (ptext, etext, px, ex, py, ey)
