"""Editor: typing in the story editor changes the story, reflows the page, and is one undo step."""
from __future__ import annotations

import pytest
from PySide6.QtGui import QInputMethodEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from ui_support import dialogs, sample_doc, ui_env, window  # noqa: F401  (fixtures)

pytestmark = pytest.mark.gui


def story_text_on_page(display, story_id: str) -> str:
    return "".join("".join(r.text) for r in display.glyph_runs() if r.story_id == story_id and r.role == "body")


def ime_type(widget, text: str, pinyin: str = "xin") -> None:
    """Type as a Chinese input method does: a pre-edit string (pinyin) first, then the commit of
    the chosen characters, one character per commit."""
    for ch in text:
        QApplication.sendEvent(widget, QInputMethodEvent(pinyin, []))
        commit = QInputMethodEvent("", [])
        commit.setCommitString(ch)
        QApplication.sendEvent(widget, commit)


def test_typing_in_story_editor_reflows_page(window, qtbot):
    window.docks["story_editor"].show()
    window.scene.select_block("b3")
    editor = window.panel("story_editor")
    assert editor.story_id == "s3"
    before = window.session.facts(0, "b3")
    # put the caret at the end of the first paragraph and type there
    first_len = len(window.session.doc.story("s3").paragraphs[0].text)
    c = editor.body.textCursor()
    c.movePosition(QTextCursor.MoveOperation.Start)
    c.movePosition(QTextCursor.MoveOperation.Right, n=first_len)
    editor.body.setTextCursor(c)
    editor.body.setFocus()
    typed = "新增一句话说明情况。" * 3
    ime_type(editor.body, typed)
    story = window.session.doc.story("s3")
    assert story.paragraphs[0].text.endswith(typed)
    after = window.session.facts(0, "b3")
    assert after.needed_chars == before.needed_chars + len(typed)
    assert after.lines > before.lines  # thirty more characters need more lines in a 3-column block
    assert typed in story_text_on_page(window.session.display(0), "s3")
    assert window.session.undo_stack.count() == 1  # the keystrokes merged
    window.actions["undo"].trigger()
    assert window.session.doc == sample_doc()
    assert editor.body.toPlainText().split("\n")[0] == sample_doc().story("s3").paragraphs[0].text


def test_headline_field_edit_reaches_page(window, qtbot):
    window.docks["story_editor"].show()
    window.scene.select_block("b1")
    editor = window.panel("story_editor")
    editor.main.selectAll()
    editor.main.setFocus()
    ime_type(editor.main, "社区食堂开张")
    assert window.session.doc.story("s1").headline.main == ("社区食堂开张",)
    heads = "".join("".join(r.text) for r in window.session.display(0).glyph_runs()
                    if r.story_id == "s1" and r.role != "body")
    assert "社区食堂开张" in heads
