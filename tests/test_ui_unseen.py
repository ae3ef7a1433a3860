"""Editor on copy it has never seen (tests/data/unseen): the everyday workflow of a page editor —
new document, import, compose, look at the panels — and what went wrong there."""
from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QSettings
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics
from PySide6.QtTest import QTest

from ui_support import dialogs, shown_window, ui_env  # noqa: F401  (fixtures)

pytestmark = pytest.mark.gui

UNSEEN = Path(__file__).resolve().parent / "data" / "unseen"
COPY = sorted(str(p) for p in UNSEEN.iterdir() if p.suffix in (".txt", ".md", ".docx"))


@pytest.fixture
def fresh(qtbot, ui_env, dialogs):
    """The editor on File ▸ New, as a page editor starts the day."""
    from ui.main_window import empty_document

    w = shown_window(qtbot, ui_env, empty_document(), (1400, 950))
    yield w
    if shiboken6.isValid(w):
        w.session.undo_stack.setClean()


def test_compose_with_copy_left_over_says_so_in_chinese(fresh, dialogs):
    """A day's copy composed onto one page: the stories left over are announced (how many, where
    they are, what to do), and the status bar is a short Chinese summary — not the engine's
    2000-character English report that scrolled away after eight seconds."""
    fresh.import_copy(COPY)
    fresh.compose_page()
    doc = fresh.session.doc
    placed = {b.story_id for p in doc.pages for b in p.blocks}
    left = [s.id for s in doc.stories if s.id not in placed]
    assert left  # 53 stories do not go on one broadsheet page
    message = fresh.statusBar().currentMessage()
    assert "score" not in message and "page 1" not in message
    assert f"{len(left)} 篇未排" in message
    assert any(kind == "information" and f"{len(left)} 篇稿件没有排进版面" in text
               for kind, text in dialogs["shown"])
    assert "not placed" in fresh.statusBar().toolTip()  # the engine's report is still there to read


def test_stories_panel_keeps_fit_column_in_view_with_long_heads(fresh, qtbot):
    """A 33-character head (unseen copy) must not push 状态/字数/适配 out of the Stories dock."""
    fresh.import_copy(COPY)
    fresh.compose_page()
    panel = fresh.panel("stories")
    panel.refresh()
    header = panel.header()
    right = header.sectionPosition(3) + header.sectionSize(3)
    assert right <= panel.viewport().width() + 2 * panel.fontMetrics().horizontalAdvance("字")
    longest = max(fresh.session.doc.stories, key=lambda s: len(s.headline.text))
    it = next(panel.topLevelItem(i) for i in range(panel.topLevelItemCount())
              if panel.topLevelItem(i).data(0, 256) == longest.id)
    assert it.toolTip(0) == longest.headline.text


def test_preflight_lines_name_their_block(fresh, qtbot):
    """photo-page.txt composes three picture frames: each preflight line says which block it is
    about (three identical lines could not be told apart), and every severity mark is a
    character some installed font has (⛔ showed as an empty box)."""
    from ui.panels.preflight import ICONS

    fresh.import_copy([str(UNSEEN / "photo-page.txt")])
    fresh.compose_page()
    fresh.docks["preflight"].show()
    panel = fresh.panel("preflight")
    panel.refresh()
    empty = [panel.item(i).text() for i in range(panel.count()) if "图片框" in panel.item(i).text()]
    assert len(empty) == 3
    assert len(set(empty)) == 3
    frames = [b.id for b in fresh.session.doc.pages[0].blocks if b.image is not None]
    assert all(any(f"{bid}:" in line for line in empty) for bid in frames)
    families = QFontDatabase.families()
    for mark in ICONS.values():
        assert any(QFontMetrics(QFont(f)).inFontUcs4(ord(mark)) for f in families), mark


def test_window_destroyed_with_unsaved_edits_raises_nothing(qtbot, ui_env, dialogs):
    """The undo stack clears itself as the window is destroyed; the title update it triggers
    must not reach a deleted window (a RuntimeError traceback on every such exit)."""
    from ui.main_window import MainWindow, empty_document

    w = MainWindow(empty_document(), "", ui_env)
    w.import_copy([str(UNSEEN / "briefs.txt")])
    assert not w.session.undo_stack.isClean()
    shiboken6.delete(w)  # pytest-qt fails the test on an exception raised in a Qt callback
    QTest.qWait(10)
