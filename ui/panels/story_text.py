"""The story editor's body: paragraphs with their roles in a text widget, and back to a Story.

Each paragraph is one block of the text; its role (body, subhead 小标题, lead 导语, caption 图说)
is a property of the block's format, shown in the editor's left margin and by the block's style,
never as a tag in the text. Enter starts a body paragraph, as the copy desk expects.
"""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import (QColor, QFont, QPainter, QSyntaxHighlighter, QTextBlockFormat, QTextCharFormat,
                           QTextCursor, QTextFormat)
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from layout.model import Paragraph, Story

ROLE_PROPERTY = QTextFormat.Property.UserProperty + 1
ROLES = ("body", "subhead", "lead", "caption")
ROLE_LABELS = {"body": "正文", "subhead": "小标题", "lead": "导语", "caption": "图说"}
ROLE_COLORS = {"body": QColor(0, 0, 0, 0), "subhead": QColor(0, 110, 200), "lead": QColor(0, 150, 90),
               "caption": QColor(170, 100, 0)}
MARGIN_PX = 46
MAIN_SEP = " / "  # between the parts of a main head shown on one line


def block_role(block) -> str:
    r = block.blockFormat().property(ROLE_PROPERTY)
    return r if r in ROLES else "body"


class _RoleHighlighter(QSyntaxHighlighter):
    """Subheads bold, leads in the lead colour, captions in italic grey: the structure at a glance."""

    def highlightBlock(self, text: str) -> None:
        role = block_role(self.currentBlock())
        if role == "body" or not text:
            return
        f = QTextCharFormat()
        if role == "subhead":
            f.setFontWeight(QFont.Weight.Bold)
        elif role == "lead":
            f.setForeground(QColor(0, 110, 70))
        else:
            f.setFontItalic(True)
            f.setForeground(QColor(110, 90, 60))
        self.setFormat(0, len(text), f)


class _RoleMargin(QWidget):
    def __init__(self, editor: "StoryBodyEdit") -> None:
        super().__init__(editor)
        self.editor = editor

    def sizeHint(self) -> QSize:
        return QSize(MARGIN_PX, 0)

    def paintEvent(self, event) -> None:
        e = self.editor
        p = QPainter(self)
        p.fillRect(event.rect(), QColor(246, 246, 246))
        f = p.font()
        f.setPixelSize(10)
        p.setFont(f)
        block = e.firstVisibleBlock()
        offset = e.contentOffset()
        while block.isValid():
            geo = e.blockBoundingGeometry(block).translated(offset)
            if geo.top() > event.rect().bottom():
                break
            role = block_role(block)
            if role != "body":
                top, h = round(geo.top()), round(geo.height())
                p.fillRect(QRect(MARGIN_PX - 4, top + 2, 3, h - 4), ROLE_COLORS[role])
                p.setPen(ROLE_COLORS[role])
                p.drawText(QRect(2, top, MARGIN_PX - 8, round(e.fontMetrics().height())),
                           Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                           e.tr(ROLE_LABELS[role]))
            block = block.next()


class StoryBodyEdit(QPlainTextEdit):
    """The story's paragraphs, one block each, with roles in the margin."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.margin = _RoleMargin(self)
        self.setViewportMargins(MARGIN_PX, 0, 0, 0)
        self.highlighter = _RoleHighlighter(self.document())
        self.updateRequest.connect(lambda rect, dy: self.margin.scroll(0, dy) if dy
                                   else self.margin.update(0, rect.y(), MARGIN_PX, rect.height()))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        cr = self.contentsRect()
        self.margin.setGeometry(QRect(cr.left(), cr.top(), MARGIN_PX, cr.height()))

    def paragraphs(self) -> tuple[Paragraph, ...]:
        out = []
        block = self.document().firstBlock()
        while block.isValid():
            out.append(Paragraph(block.text(), block_role(block)))
            block = block.next()
        return tuple(out)

    def set_paragraphs(self, paras: tuple[Paragraph, ...]) -> None:
        self.setPlainText("\n".join(p.text for p in paras))
        c = QTextCursor(self.document())
        for p in paras:
            if p.role != "body":
                fmt = c.blockFormat()
                fmt.setProperty(ROLE_PROPERTY, p.role)
                c.setBlockFormat(fmt)
            c.movePosition(QTextCursor.MoveOperation.NextBlock)
        self.highlighter.rehighlight()
        self.margin.update()

    def set_role(self, role: str) -> None:
        """The role of the paragraph(s) at the caret or in the selection."""
        c = self.textCursor()
        fmt = QTextBlockFormat()
        fmt.setProperty(ROLE_PROPERTY, role)
        c.mergeBlockFormat(fmt)  # emits textChanged: the panel records it as an edit
        self.highlighter.rehighlight()
        self.margin.update()

    def current_role(self) -> str:
        return block_role(self.textCursor().block())

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            fmt = QTextBlockFormat()
            fmt.setProperty(ROLE_PROPERTY, "body")
            self.textCursor().insertBlock(fmt)  # a new paragraph is body text
            self.ensureCursorVisible()
            return
        super().keyPressEvent(event)


def with_fields(story: Story, kicker: str, main: str, sub: str, byline: str,
                paragraphs: tuple[Paragraph, ...]) -> Story:
    """The story with its headline, byline and body taken from the editor's fields."""
    parts = tuple(p.strip() for p in main.split(MAIN_SEP.strip()) if p.strip())
    head = replace(story.headline, kicker=kicker, main=parts, sub=sub)
    return replace(story, headline=head, byline=byline, paragraphs=paragraphs)
