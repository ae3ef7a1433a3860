"""Undo commands: every edit swaps one immutable Document snapshot for another.

A command holds the snapshot before and after; redo/undo hand one of them to the session, so
undo then redo restores the exact document. Arrow-key nudges of the same blocks and typing in
the same story merge into one step (`mergeWith`); a mouse drag is pushed once, on release.
"""
from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from layout.model import Document

from .session import EditorSession

# Command ids for mergeWith (any distinct positive ints).
NUDGE_ID = 1
TYPING_ID = 2


class DocumentCommand(QUndoCommand):
    """Replace the session's document by `after`; undo puts `before` back."""

    def __init__(self, session: EditorSession, after: Document, text: str,
                 before: Document | None = None) -> None:
        super().__init__(text)
        self.session = session
        self.before = session.doc if before is None else before
        self.after = after

    def redo(self) -> None:
        self.session.set_document(self.after)

    def undo(self) -> None:
        self.session.set_document(self.before)


class MergingCommand(DocumentCommand):
    """An edit that merges with the next one of the same kind and key into one undo step
    (Qt's mergeWith): `command_id` names the kind, `key` what must match."""

    def __init__(self, session: EditorSession, after: Document, text: str, command_id: int, key) -> None:
        super().__init__(session, after, text)
        self.command_id, self.key = command_id, key

    def id(self) -> int:
        return self.command_id

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, MergingCommand) or (other.command_id, other.key) != (self.command_id, self.key):
            return False
        self.after = other.after
        return True


def nudge_command(session: EditorSession, after: Document, text: str, key: tuple[str, ...]) -> MergingCommand:
    """An arrow-key move of the selected blocks; consecutive nudges of the same blocks merge."""
    return MergingCommand(session, after, text, NUDGE_ID, key)


def typing_command(session: EditorSession, after: Document, text: str, story_id: str) -> MergingCommand:
    """An edit of one story's text in the story editor; a run of keystrokes is one step."""
    return MergingCommand(session, after, text, TYPING_ID, story_id)


def push(session: EditorSession, after: Document, text: str) -> None:
    """Record an edit (no-op when nothing changed, so the history only holds real edits)."""
    if after != session.doc:
        session.undo_stack.push(DocumentCommand(session, after, text))
