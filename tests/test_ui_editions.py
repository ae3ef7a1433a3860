"""Editor, editions: the review of ambiguous characters (an override lands in the document's phrase
dictionary and changes the converted page), the phrase-dictionary editor (add and remove, undoable;
the user's table in its own file), and the side-by-side view (Simplified left, Traditional right,
both from the engine), with real widgets and clicks."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from layout.convert import convert_text

from ui_support import dialogs, sample_doc, ui_env, window  # noqa: F401  (fixtures)

pytestmark = pytest.mark.gui


def page_text(display, story_id=None) -> str:
    return "".join("".join(r.text) for r in display.glyph_runs()
                   if story_id is None or r.story_id == story_id)


def click(widget) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def ime_type(widget, text: str) -> None:
    """Chinese typed as an input method commits it (QTest.keyClicks only knows ASCII keys)."""
    widget.setFocus()
    ev = QInputMethodEvent("", [])
    ev.setCommitString(text)
    QApplication.sendEvent(widget, ev)


def test_override_in_review_goes_into_phrases_and_changes_the_page(window):
    window.actions["edition_s2twp"].trigger()
    assert window.session.doc.edition == "s2twp"
    assert window.docks["review"].isVisible()
    panel = window.panel("review")
    panel.refresh()
    assert panel.entries, "the sample has characters with several Traditional forms"
    # an entry whose word the converter decided, with another form to choose
    i, e = next((i, e) for i, e in enumerate(panel.entries)
                if len(e.amb.candidates) > 1 and e.amb.chosen in e.amb.candidates)
    other = next(f for f in e.amb.candidates if f != e.amb.chosen)
    panel.list.setCurrentItem(panel.list.topLevelItem(i))
    panel.forms.setCurrentIndex(panel.forms.findData(other))
    click(panel.override_btn)
    source, target = e.amb.phrase_for(other)
    doc = window.session.doc
    assert (source, target) in doc.phrases
    story = doc.story(e.story_id)
    text = page_text(window.session.display(0), e.story_id)
    assert target in text  # the page shows the overridden form
    # exactly the converter's text with the phrase: nothing else changed
    body = "".join(p.text for p in story.paragraphs)
    assert convert_text(body, "s2twp", doc.phrases).replace("\n", "")[:40] in text.replace("\n", "")
    window.actions["undo"].trigger()
    assert (source, target) not in window.session.doc.phrases
    assert window.session.doc.edition == "s2twp"


def test_phrase_editor_add_remove_with_undo(window, tmp_path, monkeypatch):
    monkeypatch.setenv("BANMIAN_CONFIG", str(tmp_path / "config"))
    window.set_edition("s2twp")
    window.docks["phrases"].show()
    panel = window.panel("phrases")
    story = window.session.doc.story("s0")
    word = story.paragraphs[0].text[:2]
    table = panel.document
    ime_type(table.source, word)
    ime_type(table.target, "〇〇")
    click(table.add_btn)
    assert (word, "〇〇") in window.session.doc.phrases
    assert table.table.rowCount() == 1
    assert "〇〇" in page_text(window.session.display(0), "s0")
    table.table.selectRow(0)
    click(table.remove_btn)
    assert window.session.doc.phrases == ()
    assert "〇〇" not in page_text(window.session.display(0), "s0")
    window.actions["undo"].trigger()  # the removal
    assert window.session.doc.phrases == ((word, "〇〇"),)
    window.actions["undo"].trigger()  # the addition
    assert window.session.doc.phrases == ()
    # the user's dictionary is its own file, not the document
    panel.setCurrentWidget(panel.user)
    ime_type(panel.user.source, "闸弄口")
    ime_type(panel.user.target, "閘弄口")
    click(panel.user.add_btn)
    assert '"闸弄口"' in (tmp_path / "config" / "phrases.json").read_text(encoding="utf-8")
    assert window.session.doc.phrases == ()


def test_side_by_side_shows_simplified_left_traditional_right(window):
    window.actions["side_by_side"].trigger()
    view = window.editions
    assert window.central.currentWidget() is view and view.isVisible()
    left, right = page_text(view.left.display), page_text(view.right.display)
    source = "".join(p.text for s in sample_doc().stories for p in s.paragraphs)
    assert "们" in source and "们" in left and "們" not in left
    assert "們" in right and "们" not in right
    assert view.right_title.text().endswith("s2twp")
    # the edition report lists the stories on the page with what changed
    assert view.report.topLevelItemCount() == 4
    assert all(int(view.report.topLevelItem(i).text(1)) > 0 for i in range(4))
    # scrolling one scrolls the other
    view.left.scale(3, 3)
    view.right.scale(3, 3)
    view.left.verticalScrollBar().setValue(view.left.verticalScrollBar().maximum() // 2)
    assert view.right.verticalScrollBar().value() == view.left.verticalScrollBar().value()
    window.actions["side_by_side"].trigger()
    assert window.central.currentWidget() is window.view
