"""The side-by-side view 简繁对照: the current page in its source text (left) and in an edition
(right), both painted from the engine's display lists, scrolling and zooming together, over the
edition report (which stories changed, which blocks now overset or underset)."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Optional

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QWheelEvent
from PySide6.QtWidgets import (QComboBox, QGraphicsRectItem, QGraphicsScene, QGraphicsView, QHBoxLayout,
                               QLabel, QSplitter, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from layout.convert import EDITIONS, edition_report
from layout.display import PageDisplay
from layout.model import Document
from layout.render import edition_view, lay_out_page

from .page_view import DisplayItem
from .panels import debounce
from .session import EditorSession

DEFAULT_EDITION = "s2twp"  # compared when the document itself is in its source text


class EditionPane(QGraphicsView):
    """One read-only page: paper and the painted display list."""

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        self.setBackgroundBrush(QColor(128, 128, 128))
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.paper = QGraphicsRectItem()
        self.paper.setBrush(QColor("white"))
        self.paper.setPen(QPen(Qt.PenStyle.NoPen))
        self.scene().addItem(self.paper)
        self.content = DisplayItem()
        self.content.setFlag(self.content.GraphicsItemFlag.ItemHasNoContents, True)
        self.scene().addItem(self.content)
        self.display: Optional[PageDisplay] = None
        self.partner: Optional["EditionPane"] = None

    def set_display(self, d: PageDisplay, base: str) -> None:
        self.display = d
        r = QRectF(-d.bleed, -d.bleed, d.width + 2 * d.bleed, d.height + 2 * d.bleed)
        self.paper.setRect(r)
        self.scene().setSceneRect(r.adjusted(-20, -20, 20, 20))
        self.content.set_display(d, base)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            f = 1.15 ** (event.angleDelta().y() / 120)
            for v in (self, self.partner):
                if v is not None:
                    v.scale(f, f)
            event.accept()
            return
        super().wheelEvent(event)


class EditionsView(QWidget):
    """Source left, edition right, report below; follows the session's document."""

    def __init__(self, session: EditorSession, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.session = session
        self.page_index = 0
        self.left, self.right = EditionPane(), EditionPane()
        self.left.partner, self.right.partner = self.right, self.left
        for a, b in ((self.left, self.right), (self.right, self.left)):
            a.horizontalScrollBar().valueChanged.connect(b.horizontalScrollBar().setValue)
            a.verticalScrollBar().valueChanged.connect(b.verticalScrollBar().setValue)
        self.config = QComboBox()
        for c in EDITIONS:
            self.config.addItem(c, c)
        self.config.currentIndexChanged.connect(lambda _i: self.refresh())
        self.left_title, self.right_title = QLabel(), QLabel()
        self.report = QTreeWidget()
        self.report.setHeaderLabels([self.tr("稿件"), self.tr("改字"), self.tr("字数"), self.tr("适配（原文 → 版本）")])
        self.report.setRootIsDecorated(False)
        top = QHBoxLayout()
        top.addWidget(self.left_title, 1)
        top.addWidget(QLabel(self.tr("对照版本")))
        top.addWidget(self.config)
        top.addWidget(self.right_title, 1)
        panes = QSplitter(Qt.Orientation.Horizontal)
        panes.addWidget(self.left)
        panes.addWidget(self.right)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(panes)
        split.addWidget(self.report)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 0)
        split.setSizes([800, 150])  # the pages take the room; the report is a strip under them
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(top)
        lay.addWidget(split, 1)
        self._cache: dict[tuple, PageDisplay] = {}
        self._later = debounce(self, self.refresh)
        session.changed.connect(self._later.start)

    def edition(self) -> str:
        return self.config.currentData() or DEFAULT_EDITION

    def follow_document(self) -> None:
        """Compare with the document's own edition when it has one."""
        e = self.session.doc.edition or DEFAULT_EDITION
        self.config.blockSignals(True)
        self.config.setCurrentIndex(max(0, self.config.findData(e)))
        self.config.blockSignals(False)

    def _display(self, doc: Document) -> PageDisplay:
        key = (id(self.session.doc), doc.edition, self.page_index)
        hit = self._cache.get(key)
        if hit is None:
            self._cache = {k: v for k, v in self._cache.items() if k[0] == id(self.session.doc)}
            hit = self._cache[key] = lay_out_page(doc, self.page_index, images=self.session.images)
        return hit

    def source_doc(self) -> Document:
        return replace(self.session.doc, edition="")

    def edition_doc(self) -> Document:
        return replace(self.session.doc, edition=self.edition())

    def refresh(self) -> None:
        if not self.session.doc.pages or not self.isVisible():
            return
        self.page_index = min(self.page_index, len(self.session.doc.pages) - 1)
        src, ed = self.source_doc(), self.edition_doc()
        base = str(Path(self.session.path).parent) if self.session.path else ""
        ds, de = self._display(src), self._display(ed)
        self.left.set_display(ds, base)
        self.right.set_display(de, base)
        self.left_title.setText(self.tr("原文"))
        self.right_title.setText(self.tr("版本 %1").replace("%1", ed.edition))
        self._fill_report(src, ed, ds, de)

    def _fill_report(self, src: Document, ed: Document, ds: PageDisplay, de: PageDisplay) -> None:
        converted = edition_view(ed)[0].stories
        fit_s = {f.story_id: f.fit_label for f in ds.blocks}
        fit_e = {f.story_id: f.fit_label for f in de.blocks}
        on_page = {f.story_id for f in ds.blocks}
        self.report.clear()
        for ch in edition_report(src.stories, converted):
            if ch.story_id not in on_page:
                continue
            a, b = fit_s.get(ch.story_id, ""), fit_e.get(ch.story_id, "")
            fit = (a or "✓") + " → " + (b or "✓")
            delta = f"{ch.length_before} → {ch.length_after}" if ch.length_delta else str(ch.length_before)
            it = QTreeWidgetItem([ch.story_id, str(ch.chars_changed), delta, fit])
            if a != b:
                for c in range(4):
                    it.setForeground(c, QColor(200, 30, 30) if b.startswith("超") else QColor(180, 110, 0))
            self.report.addTopLevelItem(it)
        for c in range(4):
            self.report.resizeColumnToContents(c)

    def fit(self) -> None:
        for v in (self.left, self.right):
            if v.display is not None:
                v.fitInView(v.paper.rect(), Qt.AspectRatioMode.KeepAspectRatio)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.refresh()
