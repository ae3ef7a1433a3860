"""Dock panels of the editor (stories, story editor, inspector, pages, preflight, history).

Each dock is built lazily: its widget is made the first time the dock is shown, so start-up
only pays for the panels the user keeps open.
"""
from __future__ import annotations

from typing import Callable, Optional

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QWidget


class LazyDock(QDockWidget):
    """A dock whose widget comes from `factory()` on first show."""

    def __init__(self, title: str, name: str, factory: Callable[[], QWidget], parent: Optional[QWidget] = None) -> None:
        super().__init__(title, parent)
        self.setObjectName(name)
        self.source_title = title  # untranslated, for a language switch
        self._factory = factory
        self._built = False
        self.setAllowedAreas(Qt.DockWidgetArea.AllDockWidgetAreas)
        self.visibilityChanged.connect(self._build_if_shown)

    def _build_if_shown(self, visible: bool) -> None:
        if visible:
            self.panel()

    def panel(self) -> QWidget:
        """The dock's widget, built now if it was not yet."""
        if not self._built:
            self._built = True
            self.setWidget(self._factory())
        return self.widget()

    def is_built(self) -> bool:
        return self._built

    def rebuild(self) -> None:
        """A fresh widget (after a language switch: panels are views, so nothing is lost)."""
        if self._built:
            old = self.widget()
            self.setWidget(self._factory())
            if old is not None:
                old.deleteLater()


REFRESH_MS = 250  # panels catch up a quarter second after the last edit, not on every keystroke


def debounce(parent: QObject, slot: Callable[[], None]) -> QTimer:
    """A single-shot timer that calls `slot` REFRESH_MS after its last start()."""
    t = QTimer(parent)
    t.setSingleShot(True)
    t.setInterval(REFRESH_MS)
    t.timeout.connect(slot)
    return t
