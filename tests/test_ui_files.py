"""Editor files: save then reopen gives an equal document; a crash leaves a recovery file that the
next start offers; the editor's PDF export equals the CLI's for the same document."""
from __future__ import annotations

from dataclasses import replace

import pdfplumber
import pytest
from PySide6.QtWidgets import QMessageBox

from layout.cli import run as cli_run
from layout.document_io import load_document, save_document

from ui_support import dialogs, sample_doc, ui_env, window  # noqa: F401  (fixtures)

pytestmark = pytest.mark.gui


def moved(doc):
    _, b = doc.find_block("b3")
    return doc.replace_block(replace(b, col=b.col + 2))


def test_save_then_reopen_gives_equal_document(window, tmp_path, qtbot, ui_env):
    from ui.app import open_window

    window.scene.nudge_blocks([replace(window.session.doc.find_block("b3")[1], col=1)], "move")
    assert window.isWindowModified()
    path = str(tmp_path / "page.banmian.json")
    assert window.save_as(path)
    assert not window.isWindowModified()
    assert load_document(path) == window.session.doc
    w2 = open_window(path, ui_env)
    qtbot.addWidget(w2)
    assert w2.session.doc == window.session.doc
    assert w2.session.path == path
    assert ui_env.recent_files()[0] == path


def test_crash_leaves_recovery_file_that_next_start_offers(qtbot, ui_env, dialogs, tmp_path):
    from ui.autosave import pending_recoveries
    from ui.main_window import MainWindow

    w = MainWindow(sample_doc(), "", ui_env)
    qtbot.addWidget(w)
    edited = moved(w.session.doc)
    from ui.commands import push

    push(w.session, edited, "move")
    rec = w.autosaver.save_now()  # what the one-minute timer does
    assert rec is not None and rec.exists()
    # the crash: the process dies, no closeEvent, the recovery file stays
    w.autosaver.stop()
    assert pending_recoveries() == [rec]
    assert load_document(rec) == edited

    dialogs["answer"] = QMessageBox.StandardButton.Yes
    w2 = MainWindow(sample_doc(), "", ui_env)
    qtbot.addWidget(w2)
    assert w2.offer_recovery()
    assert any(kind == "question" for kind, _ in dialogs["shown"])
    assert w2.session.doc == edited
    assert w2.isWindowModified()  # recovered work is unsaved work
    assert pending_recoveries() == []
    w.session.undo_stack.setClean()
    w2.session.undo_stack.setClean()


def test_clean_close_leaves_no_recovery_file(window):
    from ui.autosave import pending_recoveries
    from ui.commands import push

    push(window.session, moved(window.session.doc), "move")
    assert window.autosaver.save_now() is not None
    window.session.undo_stack.setClean()
    window.close()
    assert pending_recoveries() == []


def chars(path):
    with pdfplumber.open(path) as pdf:
        return [[(c["text"], round(c["x0"], 3), round(c["top"], 3), c["fontname"], round(c["size"], 3))
                 for c in page.chars] for page in pdf.pages]


def test_editor_export_equals_cli_export(window, tmp_path):
    doc_path = tmp_path / "page.banmian.json"
    save_document(window.session.doc, doc_path)
    ui_pdf = tmp_path / "editor.pdf"
    assert window.export_pdf(str(ui_pdf), ask_open=False) == str(ui_pdf)
    cli_pdf = tmp_path / "cli.pdf"
    assert cli_run(["export", str(doc_path), "-o", str(cli_pdf)]) == 0
    ui_chars, cli_chars = chars(ui_pdf), chars(cli_pdf)
    assert len(ui_chars) == 1 and len(ui_chars[0]) > 1000
    assert ui_chars == cli_chars


def test_editor_opens_on_bundled_sample_without_arguments(qtbot, ui_env, dialogs):
    from ui.app import open_window

    w = open_window(None, ui_env)
    qtbot.addWidget(w)
    assert len(w.session.doc.pages[0].blocks) >= 5
    assert len(w.scene.block_items()) == len(w.session.doc.pages[0].blocks)
    assert not dialogs["shown"]


def test_bad_file_is_a_message_and_the_document_stays(window, tmp_path, dialogs):
    bad = tmp_path / "broken.banmian.json"
    bad.write_text('{"banmian": 1, "document": {"pages": [', encoding="utf-8")
    doc = window.session.doc
    window.open_document(str(bad))
    assert window.session.doc is doc
    assert dialogs["shown"] and dialogs["shown"][-1][0] == "warning"
    assert "truncated" in dialogs["shown"][-1][1]
