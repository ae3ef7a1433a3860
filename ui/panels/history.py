"""The History panel: the undo stack as a list; clicking a step goes back to it."""
from __future__ import annotations

from PySide6.QtWidgets import QUndoView

from ..session import EditorSession


class HistoryPanel(QUndoView):
    def __init__(self, session: EditorSession) -> None:
        super().__init__(session.undo_stack)
        self.setEmptyLabel(self.tr("打开的文档"))
