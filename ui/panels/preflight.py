"""The Preflight panel: findings of every page (and every overset or underset block); a click
selects the block it is about."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from ..session import EditorSession
from . import debounce

ICONS = {"error": "⛔", "warning": "⚠", "info": "ℹ"}


class PreflightPanel(QListWidget):
    blockActivated = Signal(int, str)  # page index, block id

    def __init__(self, session: EditorSession) -> None:
        super().__init__()
        self.session = session
        self._later = debounce(self, self.refresh)
        session.changed.connect(self._later.start)
        self.itemClicked.connect(self._activate)
        self.refresh()

    def refresh(self) -> None:
        self.clear()
        doc = self.session.shown
        for i in range(len(doc.pages)):
            d = self.session.display(i)
            for f in d.findings:
                self._add(f"{ICONS.get(f.severity, '')} {self.tr('第%1版').replace('%1', str(i + 1))} {f.message}",
                          i, f.block)
            for b in d.blocks:
                if b.fit_label:
                    self._add(f"{ICONS['warning']} {self.tr('第%1版').replace('%1', str(i + 1))} "
                              f"{b.block_id}: {b.fit_label}", i, b.block_id)
        if self.count() == 0:
            self._add("✓ " + self.tr("没有问题"), -1, "")

    def _add(self, text: str, page: int, block: str) -> None:
        it = QListWidgetItem(text)
        it.setData(Qt.ItemDataRole.UserRole, (page, block))
        self.addItem(it)

    def _activate(self, item: QListWidgetItem) -> None:
        page, block = item.data(Qt.ItemDataRole.UserRole)
        if block:
            self.blockActivated.emit(page, block)
