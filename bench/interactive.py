"""Interactive latency in one warm process, as the editor sees it, on the composed sample page.

Events: move one block by a column or a line; resize one block by a column or a line; type one
character into a story (the text grows as typing does); and a whole-page re-compose after a
keystroke. Each event builds the new document snapshot, re-lays out the page (lay_out_page) and,
when Qt is present, repaints the whole page offscreen at screen size (ui.painter.render_page_image,
a pessimistic stand-in for the canvas, which repaints only what changed). p50/p95 over the events.
When the editor engineer's bench/bench_interactive.py exists, its figures are reported as well.
"""
from __future__ import annotations

import ctypes
import os
import sys
import time
from dataclasses import replace

from bench import pipeline
from bench.common import Unavailable, need, summary

SCREEN_WIDTH_PX = 1000  # a page shown whole on a laptop screen


def _painter():
    """render_page_image with an offscreen QApplication (a widgets one: the editor's own bench,
    run in this process after, builds widgets), or None when Qt cannot run here."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        from PySide6.QtWidgets import QApplication

        from ui.painter import render_page_image
    except ImportError:
        return None
    if sys.version_info < (3, 12):
        # PySide6 6.12 on Python 3.11 drops a reference to None on every void method call
        # (QGlyphRun.setPositions, QPointF.setX, …), so a process that paints a page a few
        # hundred times dies with "deallocating None". None is immortal from 3.12 on; give it
        # the same immortality here so the bench measures painting, not the binding bug.
        ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40
    if QApplication.instance() is None:
        _painter.app = QApplication([])  # kept alive for the process
    return render_page_image


def _events(doc, kind: str, n: int):
    """The document after each of n edits of one kind."""
    page = doc.pages[0]
    grid = page.spec.grid
    blocks = sorted(page.blocks, key=lambda b: -b.cols * b.rows)
    if kind == "typing":
        b = blocks[0]
        story = doc.story(b.story_id)
        paras = list(story.paragraphs)
        for k in range(n):
            i = k % len(paras)
            p = paras[i]
            at = (k * 7) % (len(p.text) + 1)
            paras[i] = replace(p, text=p.text[:at] + "的" + p.text[at:])
            story = replace(story, paragraphs=tuple(paras))
            doc = doc.replace_story(story)
            yield doc
        return
    for k in range(n):
        b = blocks[k % len(blocks)]
        step = 1 if (k // len(blocks)) % 2 == 0 else -1
        if kind == "move":
            if k % 2:
                nb = replace(b, row=max(0, min(grid.rows - b.rows, b.row + step)))
            else:
                nb = replace(b, col=max(0, min(grid.columns - b.cols, b.col + step)))
        else:
            if k % 2:
                nb = replace(b, rows=max(2, min(grid.rows - b.row, b.rows + step)))
            else:
                nb = replace(b, cols=max(1, min(grid.columns - b.col, b.cols + step)))
        yield doc.replace_block(nb)


def run(events: int = 200, recompose_events: int = 30) -> dict:
    lay_out_page = need("layout.render", "lay_out_page")
    doc = pipeline.sample_document()
    paint = _painter()
    lay_out_page(doc, 0)
    if paint:
        paint(lay_out_page(doc, 0), SCREEN_WIDTH_PX)
    out: dict = {"events": events, "repaint": f"whole page at {SCREEN_WIDTH_PX} px (ui.painter)" if paint
                 else "Qt not available: re-layout only"}
    for kind in ("move", "resize", "typing"):
        layout_t, paint_t, total_t = [], [], []
        for d in _events(doc, kind, events):
            t0 = time.perf_counter()
            disp = lay_out_page(d, 0)
            t1 = time.perf_counter()
            if paint:
                paint(disp, SCREEN_WIDTH_PX)
            t2 = time.perf_counter()
            layout_t.append(t1 - t0)
            paint_t.append(t2 - t1)
            total_t.append(t2 - t0)
        out[kind] = {"relayout": summary(layout_t), "repaint": summary(paint_t) if paint else None,
                     "total": summary(total_t)}
    try:
        story_list = list(pipeline.sample_document().stories)
        pipeline.compose(story_list)
        times = []
        for d in _events(doc, "typing", recompose_events):
            t = time.perf_counter()
            lay_out_page(pipeline.compose(d.stories), 0)
            times.append(time.perf_counter() - t)
        out["recompose_after_keystroke"] = summary(times)
    except Unavailable as e:
        out["recompose_after_keystroke"] = {"unavailable": str(e)}
    out["editor_bench"] = editor_bench()
    return out


def editor_bench() -> dict:
    """The editor engineer's own figures (bench/bench_interactive.py), when it exists."""
    try:
        mod = __import__("bench.bench_interactive", fromlist=["*"])
    except ImportError:
        return {"unavailable": "bench/bench_interactive.py not available yet"}
    for name in ("run", "main", "measure", "bench"):
        fn = getattr(mod, name, None)
        if callable(fn):
            try:
                got = fn()
            except TypeError:
                continue
            return got if isinstance(got, dict) else {"result": repr(got)[:2000]}
    return {"unavailable": "bench/bench_interactive.py has no run() returning a dict"}
