"""Shared set-up for the editor tests: a sample document, isolated settings and recovery folder."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QSettings, Qt
from PySide6.QtTest import QTest

import ui  # noqa: F401  (first: the PySide6 None-refcount workaround)
from layout.model import Block, Document, Headline, Page, Paragraph, Story
from layout.presets import broadsheet

COPY = Path(__file__).resolve().parent.parent / "examples" / "jiceng-page.txt"


def sample_doc() -> Document:
    """Four stories of the sample copy in four blocks of a broadsheet page (no overlaps)."""
    paras = [p.strip() for p in COPY.read_text(encoding="utf-8").split("\n") if p.strip()]
    stories = []
    for i in range(4):
        chunk = paras[i * 6:(i + 1) * 6]
        stories.append(Story(id=f"s{i}", headline=Headline(main=(chunk[0][:12],)),
                             paragraphs=tuple(Paragraph(t) for t in chunk[1:])))
    blocks = (Block("b0", "s0", 0, 0, 8, 24), Block("b1", "s1", 0, 24, 4, 40),
              Block("b2", "s2", 4, 24, 4, 40), Block("b3", "s3", 0, 64, 3, 30))
    return Document(pages=(Page("p1", broadsheet(), blocks=blocks),), stories=tuple(stories), title="sample")


@pytest.fixture
def ui_env(tmp_path, monkeypatch):
    """Settings in a temp ini file and recovery files in a temp folder, so tests never touch the user's."""
    monkeypatch.setenv("BANMIAN_RECOVERY_DIR", str(tmp_path / "recovery"))
    from ui.settings import Settings

    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def dialogs(monkeypatch):
    """Message boxes answered without blocking: records (kind, text); questions get `answer`."""
    from PySide6.QtWidgets import QMessageBox

    log = {"shown": [], "answer": QMessageBox.StandardButton.No}

    def fake(kind):
        def show(parent, title, text, *args, **kwargs):
            log["shown"].append((kind, text))
            return log["answer"] if kind == "question" else QMessageBox.StandardButton.Ok
        return show

    for kind in ("warning", "question", "information", "critical"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(fake(kind)))
    return log


def shown_window(qtbot, ui_env, doc, size: tuple[int, int] = (1200, 900)):
    """The main window on `doc`, shown and exposed (closed by qtbot after the test)."""
    from ui.main_window import MainWindow

    w = MainWindow(doc, "", ui_env)
    qtbot.addWidget(w)
    w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def window(qtbot, ui_env, dialogs):
    w = shown_window(qtbot, ui_env, sample_doc())
    w.view.fit_page()
    yield w
    w.session.undo_stack.setClean()  # no unsaved-changes prompt when the test closes it


def view_point(view, scene_pt: QPointF) -> QPoint:
    return view.mapFromScene(scene_pt)


def drag(view, a: QPointF, b: QPointF, steps: int = 5) -> None:
    """Press at scene point a, move in steps, release at b — real mouse events on the viewport."""
    vp = view.viewport()
    pa, pb = view_point(view, a), view_point(view, b)
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pa)
    for i in range(1, steps + 1):
        QTest.mouseMove(vp, pa + (pb - pa) * i / steps)
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pb)
