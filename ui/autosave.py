"""Crash safety: a recovery copy of the open document every minute, offered back after a crash.

The recovery file sits in the user's data folder, named after the document (or "untitled"), and
is written atomically by layout.document_io. A clean close deletes it, so one found at start-up
means the editor did not close cleanly.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Optional

from PySide6.QtCore import QObject, QStandardPaths, QTimer

from layout.document_io import load_document, save_document
from layout.errors import UserError
from layout.model import Document

from .session import EditorSession

SUFFIX = ".recovery.banmian.json"


def recovery_dir() -> Path:
    """$BANMIAN_RECOVERY_DIR, else the platform's application data folder + /recovery."""
    env = os.environ.get("BANMIAN_RECOVERY_DIR")
    if env:
        return Path(env)
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".banmian") / "recovery"


def recovery_path(doc_path: str) -> Path:
    """The recovery file of a document path ('' for an unsaved document)."""
    if doc_path:
        tag = hashlib.sha1(os.path.abspath(doc_path).encode()).hexdigest()[:10]
        name = f"{Path(doc_path).stem}-{tag}"
    else:
        name = "untitled"
    return recovery_dir() / (name + SUFFIX)


def pending_recoveries() -> list[Path]:
    """Recovery files left by an editor that did not close cleanly, newest first."""
    d = recovery_dir()
    if not d.is_dir():
        return []
    files = [p for p in d.iterdir() if p.name.endswith(SUFFIX)]
    return sorted(files, key=lambda p: p.stat().st_mtime, reverse=True)


def read_recovery(path: Path) -> Optional[Document]:
    """The recovered document, or None when the file is unreadable (it is then left for the user)."""
    try:
        return load_document(path)
    except UserError:
        return None


class AutoSaver(QObject):
    """Writes the session's document to its recovery file on a timer, when it has unsaved edits."""

    def __init__(self, session: EditorSession, seconds: int = 60, parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self.session = session
        self.timer = QTimer(self)
        self.timer.setInterval(seconds * 1000)
        self.timer.timeout.connect(self.save_now)
        self.timer.start()
        self._saved_doc: Optional[Document] = None

    def path(self) -> Path:
        return recovery_path(self.session.path)

    def save_now(self) -> Optional[Path]:
        """Write the recovery file if the document changed since the last save or recovery write."""
        if self.session.undo_stack.isClean() or self.session.doc is self._saved_doc:
            return None
        p = self.path()
        try:
            p.parent.mkdir(parents=True, exist_ok=True)
            save_document(self.session.doc, p, backup=False)
        except (OSError, UserError):
            return None  # autosave must never interrupt the editor; the next tick retries
        self._saved_doc = self.session.doc
        return p

    def discard(self) -> None:
        """Delete the recovery file (after a save or a clean close)."""
        self._saved_doc = None
        try:
            self.path().unlink()
        except OSError:
            pass  # absent already, or a read-only folder: nothing to clean

    def stop(self) -> None:
        self.timer.stop()
