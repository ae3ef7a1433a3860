"""The open document: the current immutable snapshot, its file, its undo stack and its laid-out pages.

Undo commands call `set_document`; views listen to `changed` and ask `display(i)` for a page's
display list, which is laid out once per snapshot and page (the engine is deterministic).
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Optional

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from layout.display import BlockFacts, Finding, PageDisplay
from layout.document_io import ImageAccess
from layout.errors import UserError
from layout.model import Block, Document
from layout.render import lay_out_page

MAX_REUSED_BLOCKS = 2000  # about ten trial places of every block of a full page


class EditorSession(QObject):
    """One document being edited. `changed` fires after every snapshot swap."""

    changed = Signal()
    pathChanged = Signal(str)

    def __init__(self, doc: Document, path: str = "", parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.path = path
        self.undo_stack = QUndoStack(self)
        self._displays: dict[int, tuple[Document, PageDisplay]] = {}
        # Laid-out blocks by their inputs (layout.render.lay_out_page's `reuse`): a drag or a
        # keystroke flows only the block it changes.
        self._blocks: dict = {}
        # A drag shows the block at a trial place without touching the document or the undo stack.
        self._shown: Document = doc
        # Pictures the user placed from outside the document's folder (a file dialog or a drop):
        # read with consent; a document from someone else gets no such trust.
        self._chosen_images: frozenset = frozenset()

    # -- snapshots
    def set_document(self, doc: Document) -> None:
        """Swap in a new snapshot (only undo commands and loading call this)."""
        self.doc = doc
        self._shown = doc
        self.changed.emit()

    def set_path(self, path: str) -> None:
        self.path = path
        self._displays.clear()
        self.pathChanged.emit(path)

    def allow_image(self, path: str) -> None:
        """The user chose this picture file: it may be read wherever it lies."""
        self._chosen_images |= {str(Path(path).resolve())}
        self._displays.clear()

    @property
    def images(self) -> ImageAccess:
        """Which picture files layout may read for this document (layout.document_io)."""
        return replace(ImageAccess.for_document(self.path or None), allowed=self._chosen_images)

    def set_trial_block(self, block: Optional[Block]) -> None:
        """Show `block` in place of its committed version until the gesture ends (None clears)."""
        self._shown = self.doc if block is None else self.doc.replace_block(block)
        self.changed.emit()

    @property
    def shown(self) -> Document:
        """The snapshot on screen: the document, with a dragged block at its trial place."""
        return self._shown

    # -- laid-out pages
    def display(self, page_index: int) -> PageDisplay:
        doc = self.shown
        hit = self._displays.get(page_index)
        if hit is not None and hit[0] is doc:
            return hit[1]
        if len(self._blocks) > MAX_REUSED_BLOCKS:
            self._blocks.clear()
        try:
            d = lay_out_page(doc, page_index, reuse=self._blocks, images=self.images)
        except UserError as e:
            # The engine refused this snapshot (e.g. a 2 MB wire dump pasted into one story): show
            # the empty page with the reason in preflight; the document and its undo stay intact.
            spec = doc.pages[page_index].spec
            d = PageDisplay(spec.width, spec.height, spec.bleed, page_index=page_index,
                            findings=(Finding("error", e.message, page_index, code="layout-refused"),))
        self._displays[page_index] = (doc, d)
        return d

    def facts(self, page_index: int, block_id: str) -> Optional[BlockFacts]:
        for f in self.display(page_index).blocks:
            if f.block_id == block_id:
                return f
        return None
