"""The Stories panel: every story with its status (placed / not placed), length in 字 and fit.

Drag a story from here onto the page to place it in a new block.
"""
from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem

from ..session import EditorSession
from . import debounce

STORY_MIME = "application/x-banmian-story"
TITLE_EMS = 10  # the widest the title column grows, in characters


def story_title(story) -> str:
    return story.headline.text or (story.paragraphs[0].text[:16] if story.paragraphs else story.id) or story.id


class StoriesPanel(QTreeWidget):
    def __init__(self, session: EditorSession) -> None:
        super().__init__()
        self.session = session
        self.setHeaderLabels([self.tr("稿件"), self.tr("状态"), self.tr("字数"), self.tr("适配")])
        self.setRootIsDecorated(False)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self._later = debounce(self, self.refresh)
        session.changed.connect(self._later.start)
        self.refresh()

    def refresh(self) -> None:
        doc = self.session.doc
        fits: dict[str, list[str]] = {}
        placed: set[str] = set()
        for i, page in enumerate(doc.pages):
            for b in page.blocks:
                placed.add(b.story_id)
            for f in self.session.display(i).blocks:
                if f.fit_label:
                    fits.setdefault(f.story_id, []).append(f.fit_label)
        current = self.currentItem().data(0, Qt.ItemDataRole.UserRole) if self.currentItem() else None
        self.clear()
        for s in doc.stories:
            fit = " ".join(fits.get(s.id, [])) or ("✓" if s.id in placed else "")
            it = QTreeWidgetItem([story_title(s), self.tr("已排") if s.id in placed else self.tr("未排"),
                                  str(len(s.body_text)), fit])
            it.setData(0, Qt.ItemDataRole.UserRole, s.id)
            it.setToolTip(0, story_title(s))
            self.addTopLevelItem(it)
            if s.id == current:
                self.setCurrentItem(it)
        for c in range(4):
            self.resizeColumnToContents(c)
        # a long head must not push status, length and fit out of the dock: the title is elided
        # (its full text is in the tooltip)
        self.setColumnWidth(0, min(self.columnWidth(0), self.fontMetrics().horizontalAdvance("字") * TITLE_EMS))

    def mimeData(self, items: list[QTreeWidgetItem]) -> QMimeData:
        md = QMimeData()
        if items:
            md.setData(STORY_MIME, items[0].data(0, Qt.ItemDataRole.UserRole).encode("utf-8"))
        return md

    def mimeTypes(self) -> list[str]:
        return [STORY_MIME]
