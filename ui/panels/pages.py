"""The Pages panel: thumbnails of the edition's pages; add, move and remove pages."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QListView, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from layout.model import Page

from ..commands import push
from ..painter import render_page_image
from . import debounce
from ..session import EditorSession

THUMB_PX = 120


class PagesPanel(QWidget):
    pageActivated = Signal(int)

    def __init__(self, session: EditorSession) -> None:
        super().__init__()
        self.session = session
        self.list = QListWidget()
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(QSize(THUMB_PX, int(THUMB_PX * 1.4)))
        self.list.setMovement(QListView.Movement.Static)
        self.list.currentRowChanged.connect(lambda r: r >= 0 and self.pageActivated.emit(r))
        buttons = QHBoxLayout()
        for text, slot in ((self.tr("添加"), self.add_page), (self.tr("前移"), lambda: self.move_page(-1)),
                           (self.tr("后移"), lambda: self.move_page(1)), (self.tr("删除"), self.remove_page)):
            b = QPushButton(text)
            b.clicked.connect(slot)
            buttons.addWidget(b)
        lay = QVBoxLayout(self)
        lay.addWidget(self.list)
        lay.addLayout(buttons)
        self._thumbs: dict[int, tuple[object, QIcon]] = {}
        self._later = debounce(self, self.refresh)
        session.changed.connect(self._later.start)
        self.refresh()

    def refresh(self) -> None:
        doc = self.session.doc
        row = self.list.currentRow()
        self.list.blockSignals(True)
        self.list.clear()
        for i, page in enumerate(doc.pages):
            key = (page, doc.stories)
            if i not in self._thumbs or self._thumbs[i][0] != key:
                d = self.session.display(i)
                self._thumbs[i] = (key, QIcon(QPixmap.fromImage(render_page_image(d, THUMB_PX))))
            it = QListWidgetItem(self._thumbs[i][1], self.tr("第%1版").replace("%1", str(i + 1)))
            it.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.list.addItem(it)
        self.list.setCurrentRow(max(0, min(row, len(doc.pages) - 1)))
        self.list.blockSignals(False)

    def _current(self) -> int:
        return max(0, self.list.currentRow())

    def add_page(self) -> None:
        doc = self.session.doc
        i = self._current()
        base = doc.pages[i]
        ids = {p.id for p in doc.pages}
        n = len(doc.pages) + 1
        while f"p{n}" in ids:
            n += 1
        page = Page(id=f"p{n}", spec=base.spec, header=replace(base.header, number=str(len(doc.pages) + 1)))
        pages = doc.pages[:i + 1] + (page,) + doc.pages[i + 1:]
        push(self.session, replace(doc, pages=pages), self.tr("添加版面"))

    def move_page(self, delta: int) -> None:
        doc = self.session.doc
        i = self._current()
        j = i + delta
        if not 0 <= j < len(doc.pages):
            return
        pages = list(doc.pages)
        pages[i], pages[j] = pages[j], pages[i]
        push(self.session, replace(doc, pages=tuple(pages)), self.tr("移动版面"))
        self.list.setCurrentRow(j)

    def remove_page(self) -> None:
        doc = self.session.doc
        if len(doc.pages) <= 1:
            return
        i = self._current()
        push(self.session, replace(doc, pages=doc.pages[:i] + doc.pages[i + 1:]), self.tr("删除版面"))
