"""The Story editor: the selected story's kicker, main head, subtitle, byline and paragraphs.

Every change becomes a typing undo step (keystrokes in one story merge) and reflows the page at
once; input methods work because the fields are ordinary Qt text widgets, which only report
committed text.
"""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ..commands import typing_command
from ..session import EditorSession
from .story_text import MAIN_SEP, ROLE_LABELS, ROLES, StoryBodyEdit, with_fields


class StoryEditorPanel(QWidget):
    def __init__(self, session: EditorSession) -> None:
        super().__init__()
        self.session = session
        self.story_id = ""
        self.title = QLabel(self.tr("未选择稿件"))
        self.kicker, self.main, self.sub, self.byline = QLineEdit(), QLineEdit(), QLineEdit(), QLineEdit()
        self.body = StoryBodyEdit()
        self.body.setPlaceholderText(self.tr("正文，每段一行"))
        self.role = QComboBox()
        for r in ROLES:
            self.role.addItem(self.tr(ROLE_LABELS[r]), r)
        self.role.activated.connect(lambda _i: self.body.set_role(self.role.currentData()))
        self.body.cursorPositionChanged.connect(self._follow_caret)
        form = QFormLayout()
        form.addRow(self.tr("引题"), self.kicker)
        form.addRow(self.tr("主题"), self.main)
        form.addRow(self.tr("副题"), self.sub)
        form.addRow(self.tr("作者"), self.byline)
        lay = QVBoxLayout(self)
        lay.addWidget(self.title)
        lay.addLayout(form)
        roles = QHBoxLayout()
        roles.addWidget(QLabel(self.tr("段落")))
        roles.addWidget(self.role, 1)
        lay.addLayout(roles)
        lay.addWidget(self.body, 1)
        for w in (self.kicker, self.main, self.sub, self.byline):
            w.textEdited.connect(self._edited)
        self.body.textChanged.connect(self._edited)
        self._loading = False
        session.changed.connect(self._reload)
        self.setEnabled(False)

    def show_story(self, story_id: str) -> None:
        self.story_id = story_id
        self._reload()

    def _reload(self) -> None:
        """Follow the document (undo, other edits) without recording anything."""
        story = self.session.doc.story(self.story_id) if self.story_id else None
        self.setEnabled(story is not None)
        if story is None:
            self.title.setText(self.tr("未选择稿件"))
            return
        self.title.setText(story.id)
        self._loading = True
        try:
            for w, v in ((self.kicker, story.headline.kicker), (self.main, MAIN_SEP.join(story.headline.main)),
                         (self.sub, story.headline.sub), (self.byline, story.byline)):
                if w.text() != v:
                    w.setText(v)
            if self.body.paragraphs() != story.paragraphs:
                cur = self.body.textCursor().position()
                self.body.set_paragraphs(story.paragraphs)
                c = self.body.textCursor()
                c.setPosition(min(cur, len(self.body.toPlainText())))
                self.body.setTextCursor(c)
            self._follow_caret()
        finally:
            self._loading = False

    def _follow_caret(self) -> None:
        self.role.setCurrentIndex(max(0, self.role.findData(self.body.current_role())))

    def _edited(self, *_args) -> None:
        if self._loading or not self.story_id:
            return
        story = self.session.doc.story(self.story_id)
        if story is None:
            return
        new = with_fields(story, self.kicker.text(), self.main.text(), self.sub.text(),
                          self.byline.text(), self.body.paragraphs())
        if new != story:
            self.session.undo_stack.push(typing_command(self.session, self.session.doc.replace_story(new),
                                                       self.tr("编辑稿件"), story.id))
