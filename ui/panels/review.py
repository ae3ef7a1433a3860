"""The review of ambiguous characters 简繁审校: every character of the placed stories with more than
one form in the document's edition (后/後, 发/發/髮, 里/裡/裏 …), with its context and the chosen form.

The editor confirms a form (it goes into the document's phrase dictionary as it is) or overrides
it with another candidate (the phrase dictionary then forces that form); either is one undo step,
and the page is laid out again with it.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QPushButton, QTreeWidget, QTreeWidgetItem,
                               QVBoxLayout, QWidget)

from layout.convert import CONTEXT, Ambiguity, ambiguities
from layout.model import Document

from ..commands import push
from ..edits import with_phrase
from ..session import EditorSession
from . import debounce


@dataclass(frozen=True)
class Entry:
    story_id: str
    field: str  # where in the story: head, kicker, sub, byline, paragraph number
    amb: Ambiguity


def story_texts(story) -> list[tuple[str, str]]:
    h = story.headline
    out = [("head", m) for m in h.main] + [("kicker", h.kicker), ("sub", h.sub)]
    out += [(f"¶{i + 1}", p.text) for i, p in enumerate(story.paragraphs)] + [("byline", story.byline)]
    return [(f, t) for f, t in out if t]


def review_entries(doc: Document) -> list[Entry]:
    """The ambiguous characters of the stories placed on the document's pages, in reading order."""
    if not doc.edition:
        return []
    placed = {b.story_id for p in doc.pages for b in p.blocks}
    out = []
    for s in doc.stories:
        if s.id not in placed:
            continue
        for field, text in story_texts(s):
            out += [Entry(s.id, field, a) for a in ambiguities(text, doc.edition, doc.phrases)]
    return out


class ReviewPanel(QWidget):
    def __init__(self, session: EditorSession) -> None:
        super().__init__()
        self.session = session
        self.entries: list[Entry] = []
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.list = QTreeWidget()
        self.list.setHeaderLabels([self.tr("稿件"), self.tr("上下文"), self.tr("原字"), self.tr("选用"),
                                   self.tr("依据")])
        self.list.setRootIsDecorated(False)
        self.list.currentItemChanged.connect(lambda *_: self._fill_forms())
        self.forms = QComboBox()
        self.override_btn = QPushButton(self.tr("改用此字"))
        self.confirm_btn = QPushButton(self.tr("确认"))
        self.override_btn.clicked.connect(self.override_current)
        self.confirm_btn.clicked.connect(self.confirm_current)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("字形")))
        row.addWidget(self.forms, 1)
        row.addWidget(self.override_btn)
        row.addWidget(self.confirm_btn)
        lay = QVBoxLayout(self)
        lay.addWidget(self.hint)
        lay.addWidget(self.list, 1)
        lay.addLayout(row)
        self._later = debounce(self, self.refresh)
        session.changed.connect(self._later.start)
        self.refresh()

    def refresh(self) -> None:
        doc = self.session.doc
        current = self.list.currentIndex().row()
        self.entries = review_entries(doc)
        self.list.clear()
        for e in self.entries:
            a = e.amb
            at = a.offset - max(0, a.offset - CONTEXT)  # the character's place in its context
            ctx = a.context[:at] + "【" + a.char + "】" + a.context[at + 1:]
            it = QTreeWidgetItem([e.story_id, ctx, a.char, a.chosen,
                                  self.tr("词") + " " + a.word if a.by_phrase else self.tr("默认")])
            it.setToolTip(1, "/".join(a.candidates))
            self.list.addTopLevelItem(it)
        if doc.edition:
            self.hint.setText(self.tr("版本 %1：%2 处一字多形，请确认或改用其他字形。")
                              .replace("%1", doc.edition).replace("%2", str(len(self.entries))))
        else:
            self.hint.setText(self.tr("当前为原文版。在“版本”菜单选择繁体或简体版本后，这里列出一字多形的字。"))
        for c in (0, 2, 3, 4):
            self.list.resizeColumnToContents(c)
        if self.entries:
            self.list.setCurrentItem(self.list.topLevelItem(max(0, min(current, len(self.entries) - 1))))
        self._fill_forms()

    def current(self) -> Entry | None:
        i = self.list.currentIndex().row()
        return self.entries[i] if 0 <= i < len(self.entries) else None

    def _fill_forms(self) -> None:
        e = self.current()
        self.forms.clear()
        for w in (self.forms, self.override_btn, self.confirm_btn):
            w.setEnabled(e is not None)
        if e is None:
            return
        for f in e.amb.candidates:
            self.forms.addItem(f, f)
        self.forms.setCurrentIndex(max(0, self.forms.findData(e.amb.chosen)))

    def override(self, entry: Entry, form: str) -> None:
        """Force `form` for this occurrence: its word (or character) goes into the phrase dictionary."""
        source, target = entry.amb.phrase_for(form)
        push(self.session, with_phrase(self.session.doc, source, target),
             self.tr("简繁改字 %1→%2").replace("%1", source).replace("%2", target))

    def override_current(self) -> None:
        e = self.current()
        if e is not None and self.forms.currentData():
            self.override(e, self.forms.currentData())

    def confirm_current(self) -> None:
        """Keep the converter's choice for good: the word as converted goes into the dictionary."""
        e = self.current()
        if e is None:
            return
        a = e.amb
        source, target = (a.word, a.word_converted) if a.by_phrase else (a.char, a.chosen)
        push(self.session, with_phrase(self.session.doc, source, target),
             self.tr("确认字形 %1→%2").replace("%1", source).replace("%2", target))
