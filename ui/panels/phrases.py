"""The phrase dictionary 词库 editor: the document's table (stored with the document; every change is
an undo step and re-lays out the edition) and the user's table (this computer, all documents;
saved to its file at once). Add or replace an entry with the two fields, remove the selected ones."""
from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import (QHBoxLayout, QLineEdit, QMessageBox, QPushButton, QTableWidget,
                               QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from layout.errors import UserError
from layout.phrases import load_user_phrases, save_user_phrases

from ..commands import push
from ..edits import with_phrase
from ..session import EditorSession
from . import debounce


class PhraseTable(QWidget):
    """One dictionary: a two-column table, source and target fields, add/replace and remove."""

    def __init__(self, add: Callable[[str, str], None], remove: Callable[[list[str]], None]) -> None:
        super().__init__()
        self._add, self._remove = add, remove
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("原文"), self.tr("转换为")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.itemSelectionChanged.connect(self._pick)
        self.source, self.target = QLineEdit(), QLineEdit()
        self.source.setPlaceholderText(self.tr("原文，如 闸弄口"))
        self.target.setPlaceholderText(self.tr("转换为，如 閘弄口"))
        self.add_btn, self.remove_btn = QPushButton(self.tr("添加/修改")), QPushButton(self.tr("删除"))
        self.add_btn.clicked.connect(self.add_entry)
        self.target.returnPressed.connect(self.add_entry)
        self.remove_btn.clicked.connect(self.remove_selected)
        row = QHBoxLayout()
        for w in (self.source, self.target, self.add_btn, self.remove_btn):
            row.addWidget(w)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.table, 1)
        lay.addLayout(row)

    def set_pairs(self, pairs) -> None:
        self.table.setRowCount(len(pairs))
        for r, (s, t) in enumerate(pairs):
            self.table.setItem(r, 0, QTableWidgetItem(s))
            self.table.setItem(r, 1, QTableWidgetItem(t))

    def pairs(self) -> list[tuple[str, str]]:
        return [(self.table.item(r, 0).text(), self.table.item(r, 1).text()) for r in range(self.table.rowCount())]

    def _pick(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        if len(rows) == 1:
            self.source.setText(self.table.item(rows[0], 0).text())
            self.target.setText(self.table.item(rows[0], 1).text())

    def add_entry(self) -> None:
        s, t = self.source.text().strip(), self.target.text().strip()
        if s and t:
            self._add(s, t)

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        if rows:
            self._remove([self.table.item(r, 0).text() for r in rows])


class PhrasesPanel(QTabWidget):
    def __init__(self, session: EditorSession) -> None:
        super().__init__()
        self.session = session
        self.document = PhraseTable(self._doc_add, self._doc_remove)
        self.user = PhraseTable(self._user_add, self._user_remove)
        copy = QPushButton(self.tr("复制到本文档"))
        copy.clicked.connect(self.copy_user_to_document)
        self.user.layout().addWidget(copy)
        self.addTab(self.document, self.tr("本文档词库"))
        self.addTab(self.user, self.tr("用户词库"))
        self._later = debounce(self, self.refresh)
        session.changed.connect(self._later.start)
        self.refresh()

    def refresh(self) -> None:
        self.document.set_pairs(self.session.doc.phrases)
        try:
            self.user.set_pairs(load_user_phrases())
        except UserError as e:  # a damaged user file: shown, and left for the user to fix
            self.user.set_pairs(())
            self.user.source.setPlaceholderText(e.message)

    # the document's dictionary: undoable
    def _doc_add(self, source: str, target: str) -> None:
        push(self.session, with_phrase(self.session.doc, source, target),
             self.tr("词库：%1→%2").replace("%1", source).replace("%2", target))
        self.refresh()

    def _doc_remove(self, sources: list[str]) -> None:
        doc = self.session.doc
        for s in sources:
            doc = with_phrase(doc, s, "")
        push(self.session, doc, self.tr("词库：删除 %1 条").replace("%1", str(len(sources))))
        self.refresh()

    # the user's dictionary: its own file, saved at once
    def _user_add(self, source: str, target: str) -> None:
        self._save_user(lambda pairs: [(s, t) for s, t in pairs if s != source] + [(source, target)])

    def _user_remove(self, sources: list[str]) -> None:
        self._save_user(lambda pairs: [(s, t) for s, t in pairs if s not in set(sources)])

    def _save_user(self, change) -> None:
        """Read, change and save the user's file; a bad or unwritable file is a message, not a crash."""
        try:
            save_user_phrases(change(load_user_phrases()))
        except UserError as e:
            QMessageBox.warning(self, self.tr("词库"), e.message)
        self.refresh()

    def copy_user_to_document(self) -> None:
        rows = sorted({i.row() for i in self.user.table.selectedIndexes()}) or range(self.user.table.rowCount())
        doc = self.session.doc
        for r in rows:
            doc = with_phrase(doc, self.user.table.item(r, 0).text(), self.user.table.item(r, 1).text())
        push(self.session, doc, self.tr("词库：复制用户词条"))
        self.refresh()
