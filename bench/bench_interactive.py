"""The editor's interactive latency, measured through the real widgets in one warm process.

For each event the clock covers what the user waits for: the edit reaching the session, the page
laid out again (layout.render.lay_out_page, reusing the blocks the edit did not change) and the
canvas repainted by Qt's event loop — the dirty region only, as on screen (`repaint`). For
comparison `repaint_full` repaints the whole viewport synchronously (QWidget.repaint, whole page
visible at fit-page zoom — the worst case, what earlier figures measured). Kinds:
- move / resize, live: a drag step that reflows the text (EditorSession.set_trial_block);
- move / resize, outline: a drag step that only moves the block's outline (what the editor does
  when the last layout took longer than items.LIVE_REFLOW_BUDGET_S; the text reflows on release);
- typing: one character committed by an input method into the story editor.
p50/p95 over ≥ 200 events per kind on the sample page; the target for live dragging is p95 ≤ 16 ms.

    python3 bench/bench_interactive.py [--events N]
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import ui  # noqa: E402,F401  (first: the PySide6 None-refcount workaround)


def _pct(ms: list[float], p: float) -> float:
    k = max(0, min(len(ms) - 1, int(round(p / 100 * len(ms) + 0.5)) - 1))  # nearest rank
    return ms[k]


def _summary(seconds: list[float]) -> dict:
    ms = sorted(s * 1000 for s in seconds)
    return {"n": len(ms), "p50_ms": round(_pct(ms, 50), 2), "p95_ms": round(_pct(ms, 95), 2),
            "mean_ms": round(statistics.fmean(ms), 2), "max_ms": round(ms[-1], 2)}


def run(events: int = 200) -> dict:
    """p50/p95 of re-layout, repaint and their sum per kind of event (move, resize, typing)."""
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    from ui.app import sample_document
    from ui.main_window import MainWindow
    from ui.settings import Settings

    app = QApplication.instance() or QApplication([])
    tmp = Path(os.environ.get("TMPDIR", "/tmp")) / "banmian-bench-settings.ini"
    w = MainWindow(sample_document(), "", Settings(QSettings(str(tmp), QSettings.Format.IniFormat)))
    w.resize(1400, 950)
    w.show()
    app.processEvents()
    w.view.fit_page()
    sc, vp = w.scene, w.view.viewport()
    grid = sc.page.spec.grid
    block = max(sc.page.blocks, key=lambda b: b.cols * b.rows)
    out: dict = {"events": events, "page_blocks": len(sc.page.blocks),
                 "glyphs": sum(len(r.glyphs) for r in w.session.display(0).glyph_runs()),
                 "viewport_px": [vp.width(), vp.height()], "zoom": round(w.view.zoom(), 3)}

    from PySide6.QtCore import QEvent, QObject

    class PaintCount(QObject):
        n = 0

        def eventFilter(self, obj, ev) -> bool:
            if ev.type() == QEvent.Type.Paint:
                self.n += 1
            return False

    painted = PaintCount()
    vp.installEventFilter(painted)
    full: list[float] = []

    def timed(step) -> tuple[float, float, float]:
        """(re-layout, total, repaint) of one event; the repaint is Qt's own, of the dirty region."""
        app.processEvents()
        t0 = time.perf_counter()
        step()
        t1 = time.perf_counter()
        layout = sc.last_layout_s
        before = painted.n
        for _ in range(5):  # the scene's update reaches the viewport through posted events
            app.processEvents()
            if painted.n > before:
                break
        t2 = time.perf_counter()
        vp.repaint()
        full.append(time.perf_counter() - t2)
        return layout + 0.0, t2 - t0, t2 - t1

    for kind, mode in (("move", "live"), ("resize", "live"), ("move", "outline"), ("resize", "outline")):
        lay, paint, total = [], [], []
        item = sc.block_item(block.id)
        for k in range(events + 10):  # 10 warm-up events are not counted
            d = 1 if (k // 4) % 2 == 0 else -1
            if kind == "move":
                b = replace(block, col=max(0, min(grid.columns - block.cols, block.col + (k % 3) * d)),
                            row=max(0, min(grid.rows - block.rows, block.row + (k % 5) * d)))
            else:
                b = replace(block, cols=max(1, min(grid.columns - block.col, block.cols + (k % 2) * d)),
                            rows=max(2, min(grid.rows - block.row, block.rows + (k % 7) * d)))
            if mode == "live":
                la, to, pa = timed(lambda: w.session.set_trial_block(b))
            else:
                la, to, pa = timed(lambda: item.set_block(b, grid, item.facts))
                la = 0.0
            if k >= 10:
                lay.append(la)
                total.append(to)
                paint.append(pa)
        w.session.set_trial_block(None)
        out[f"{kind}_{mode}"] = {"relayout": _summary(lay), "repaint": _summary(paint), "total": _summary(total),
                                 "repaint_full": _summary(full[-len(total):])}

    w.docks["story_editor"].show()
    sc.select_block(block.id)
    editor = w.panel("story_editor")
    editor.body.setFocus()
    lay, paint, total = [], [], []
    for k in range(events + 10):
        ev = QInputMethodEvent("", [])
        ev.setCommitString("的")
        la, to, pa = timed(lambda: QApplication.sendEvent(editor.body, ev))
        if k >= 10:
            lay.append(la)
            total.append(to)
            paint.append(pa)
    out["typing"] = {"relayout": _summary(lay), "repaint": _summary(paint), "total": _summary(total),
                     "repaint_full": _summary(full[-len(total):])}
    from ui.items import LIVE_REFLOW_BUDGET_S

    fast = out["move_live"]["relayout"]["p95_ms"] <= LIVE_REFLOW_BUDGET_S * 1000
    out["live_reflow"] = "live (text follows the mouse)" if fast else "on release (outline follows the mouse)"
    w.session.undo_stack.setClean()
    w.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=200)
    print(json.dumps(run(max(200, ap.parse_args().events)), ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
