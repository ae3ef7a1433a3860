"""Editor: blocks dragged, resized and nudged with real mouse and key events land on the grid,
reflow their text, update the fit badge, and undo/redo restores the exact document."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

from layout.render import lay_out_page

from ui_support import dialogs, drag, sample_doc, ui_env, window  # noqa: F401  (fixtures)

pytestmark = pytest.mark.gui


def story_glyph_xs(display, story_id):
    return sorted({round(x, 2) for r in display.glyph_runs() if r.story_id == story_id for x in r.xs})


def test_drag_block_snaps_to_grid_and_reflows(window):
    sc, view = window.scene, window.view
    grid = sc.page.spec.grid
    item = sc.block_item("b3")
    before = window.session.display(0)
    view.set_zoom(1.0)  # a screen pixel is under a point, so the half-line tolerance below is real
    start = item.sceneBoundingRect().center()
    view.centerOn(start + QPointF(100, 30))
    pitch = grid.column_width + grid.gutter
    # a little off the grid on purpose: the block must snap to whole columns and lines
    drag(view, start, start + QPointF(2 * pitch + 0.3 * pitch, 5 * grid.leading + 0.3 * grid.leading))
    _, b = window.session.doc.find_block("b3")
    assert (b.col, b.row, b.cols, b.rows) == (2, 69, 3, 30)
    assert window.session.undo_stack.count() == 1
    after = window.session.display(0)
    facts = {f.block_id: f for f in after.blocks}["b3"]
    assert (facts.x, facts.y) == pytest.approx(grid.rect(2, 69, 3, 30)[:2])
    # the text was laid out again at the new place: same lines, shifted by exactly two columns
    old_facts = {f.block_id: f for f in before.blocks}["b3"]
    assert facts.lines == old_facts.lines > 0
    assert story_glyph_xs(after, "s3") == pytest.approx([x + 2 * pitch for x in story_glyph_xs(before, "s3")], abs=0.01)
    assert after == lay_out_page(window.session.doc, 0)


def test_resize_changes_capacity_lines_and_badge(window):
    sc = window.scene
    grid = sc.page.spec.grid
    item = sc.block_item("b3")
    sc.select_block("b3")
    facts0 = window.session.facts(0, "b3")
    assert facts0.underset_lines > 0 and item.fit_label() == f"缺{facts0.underset_lines}行"
    # drag the bottom handle up to 8 lines high: the story no longer fits
    handle = item.handle_rects()["b"].center()
    drag(window.view, handle, QPointF(handle.x(), grid.row_y(64 + 8)))
    _, b = window.session.doc.find_block("b3")
    assert (b.rows, b.cols) == (8, 3)
    facts = window.session.facts(0, "b3")
    assert facts.capacity_lines < facts0.capacity_lines
    assert facts.overset_chars > 0
    assert item.fit_label() == f"超{facts.overset_chars}字"
    # wider by one column with the right handle: more capacity, fewer lines per column
    handle = item.handle_rects()["r"].center()
    drag(window.view, handle, QPointF(grid.col_x(3) + grid.column_width, handle.y()))
    _, b = window.session.doc.find_block("b3")
    assert b.cols == 4
    assert window.session.facts(0, "b3").capacity_lines > facts.capacity_lines


def test_arrow_nudges_merge_and_undo_redo_restore_exact_document(window):
    sc = window.scene
    doc0 = window.session.doc
    sc.select_block("b3")
    item = sc.block_item("b3")
    for key in (Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Down):
        QTest.keyClick(window.view.viewport(), key)
    _, b = window.session.doc.find_block("b3")
    assert (b.col, b.row) == (2, 67)
    assert window.session.undo_stack.count() == 1  # five nudges, one step
    doc1 = window.session.doc
    drag(window.view, item.sceneBoundingRect().center(), item.sceneBoundingRect().center() + QPointF(0, -130))
    doc2 = window.session.doc
    assert doc2 != doc1
    window.actions["undo"].trigger()
    window.actions["undo"].trigger()
    assert window.session.doc == doc0
    assert window.scene.block_item("b3").block == doc0.find_block("b3")[1]
    window.actions["redo"].trigger()
    window.actions["redo"].trigger()
    assert window.session.doc == doc2


def test_draw_new_block_on_grid(window):
    sc = window.scene
    grid = sc.page.spec.grid
    window.actions["draw_block"].setChecked(True)
    a = QPointF(grid.col_x(3) + 5, grid.row_y(64) + 2)
    b = QPointF(grid.col_x(5) + 20, grid.row_y(80) + 3)
    drag(window.view, a, b)
    new = [bl for bl in window.session.doc.pages[0].blocks if bl.id not in {"b0", "b1", "b2", "b3"}]
    assert len(new) == 1
    assert (new[0].col, new[0].row, new[0].cols, new[0].rows) == (3, 64, 3, 16)
    assert window.session.doc.story(new[0].story_id) is not None
