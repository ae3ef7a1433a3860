"""Crash and recover with real processes: an editor that autosaves is killed with SIGKILL, and the
next start offers the recovery file and restores the last autosaved document exactly."""
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from layout.document_io import load_document, save_document
from layout.model import Block, Document, Headline, Page, Paragraph, Story
from layout.presets import broadsheet

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.gui

# The editor as main.py starts it (ui.app.open_window), on a saved document; one edit through the
# undo stack, then the real AutoSaver timer (shortened) writes the recovery file; then it waits.
EDITOR = """
import sys, time
from dataclasses import replace
sys.path.insert(0, {root!r})
from PySide6.QtWidgets import QApplication
from ui.app import open_window
from ui.commands import push
app = QApplication(sys.argv[:1])
w = open_window({path!r})
s = w.session
story = s.doc.stories[0]
edited = s.doc.replace_story(replace(story, paragraphs=story.paragraphs + (replace(story.paragraphs[0], text={text!r}),)))
push(s, edited, "edit")
w.autosaver.timer.setInterval(100)
t0 = time.time()
while not w.autosaver.path().exists() and time.time() - t0 < 30:
    app.processEvents()
    time.sleep(0.02)
print("autosaved" if w.autosaver.path().exists() else "no autosave", w.autosaver.path(), flush=True)
while True:  # working on, until killed
    app.processEvents()
    time.sleep(0.05)
"""

# The next start: run_editor's steps (open_window, then offer_recovery) with the question answered
# "Yes"; prints what was offered and the document the editor then shows.
NEXT_START = """
import json, sys
sys.path.insert(0, {root!r})
from PySide6.QtWidgets import QApplication, QMessageBox
from layout.document_io import document_json
from ui.app import open_window
asked = []
def answer(parent, title, text, *a, **k):
    asked.append(text)
    return QMessageBox.StandardButton.Yes
QMessageBox.question = answer
app = QApplication(sys.argv[:1])
w = open_window({path!r})
took = w.offer_recovery()
print(json.dumps({{"asked": asked, "took": took, "doc": document_json(w.session.doc),
                   "clean": w.session.undo_stack.isClean()}}))
"""


def _env(tmp_path: Path) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BANMIAN_RECOVERY_DIR=str(tmp_path / "recovery"),
               HOME=str(tmp_path / "home"), XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"), PYTHONPATH=str(ROOT))
    (tmp_path / "home").mkdir(exist_ok=True)
    return env


def _doc() -> Document:
    s = Story(id="s1", headline=Headline(main=("立足小阵地", "服务大民生")),
              paragraphs=(Paragraph("临近中午，食堂内已香气四溢。"),), byline="梁艺")
    b = Block(id="b1", story_id="s1", col=0, row=0, cols=3, rows=30)
    return Document(pages=(Page(id="p1", spec=broadsheet(), blocks=(b,)),), stories=(s,))


def test_kill_9_then_next_start_restores_the_last_autosave(tmp_path):
    doc_path = tmp_path / "page.banmian.json"
    save_document(_doc(), doc_path)
    saved_bytes = doc_path.read_bytes()
    env = _env(tmp_path)
    added = "编辑在崩溃前加上的一段：上午十时，村民陆续来到礼堂。"
    editor = subprocess.Popen([sys.executable, "-c", EDITOR.format(root=str(ROOT), path=str(doc_path), text=added)],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = editor.stdout.readline().split()
        assert line and line[0] == "autosaved", editor.stderr.read() if editor.poll() is not None else line
        recovery = Path(line[1])
        time.sleep(0.3)  # the editor keeps running
        assert editor.poll() is None
    finally:
        editor.send_signal(signal.SIGKILL)
        editor.wait(timeout=10)
        editor.stdout.close()
        editor.stderr.close()
    assert editor.returncode == -signal.SIGKILL
    # the crash lost nothing: the saved file is as saved, the recovery file holds the edit
    assert doc_path.read_bytes() == saved_bytes
    assert recovery.exists() and recovery.parent == tmp_path / "recovery"
    autosaved = load_document(recovery)
    assert autosaved.stories[0].paragraphs[-1].text == added

    nxt = subprocess.run([sys.executable, "-c", NEXT_START.format(root=str(ROOT), path=str(doc_path))],
                         env=env, capture_output=True, text=True, timeout=120)
    assert nxt.returncode == 0, nxt.stderr
    out = json.loads(nxt.stdout.strip().splitlines()[-1])
    assert len(out["asked"]) == 1 and str(recovery) in out["asked"][0]  # the offer names the file
    assert out["took"] is True
    from layout.document_io import parse_document
    assert parse_document(out["doc"]) == autosaved  # the last autosave, exactly
    assert out["clean"] is False  # recovered edits are unsaved until the user saves
    assert not recovery.exists()


def test_a_damaged_recovery_file_is_not_offered_and_is_kept(tmp_path):
    env = _env(tmp_path)
    rec = tmp_path / "recovery"
    rec.mkdir()
    bad = rec / "untitled.recovery.banmian.json"
    bad.write_bytes(b'{"banmian": 1, "document": {"pag')
    nxt = subprocess.run([sys.executable, "-c", NEXT_START.format(root=str(ROOT), path="")],
                         env=env, capture_output=True, text=True, timeout=120)
    assert nxt.returncode == 0, nxt.stderr
    out = json.loads(nxt.stdout.strip().splitlines()[-1])
    assert out["asked"] == [] and out["took"] is False
    assert bad.read_bytes() == b'{"banmian": 1, "document": {"pag'
