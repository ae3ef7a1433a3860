"""Editor: an L-shaped block from an Alt-drag of a corner, linked frames from the link tool and the
out-port, and pictures as items (place, move and resize on the grid, missing file) — real mouse
events on the canvas, each one undo step, the text reflowing."""
from __future__ import annotations

from dataclasses import replace

import pytest
from PIL import Image
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

from layout.display import ImageItem
from layout.model import Notch

from ui_support import dialogs, sample_doc, ui_env, view_point, window  # noqa: F401  (fixtures)

pytestmark = pytest.mark.gui
NO = Qt.KeyboardModifier.NoModifier
ALT = Qt.KeyboardModifier.AltModifier
LEFT = Qt.MouseButton.LeftButton


def click(view, pt: QPointF, mods=NO) -> None:
    QTest.mouseClick(view.viewport(), LEFT, mods, view_point(view, pt))


def mouse_drag(view, a: QPointF, b: QPointF, mods=NO, steps: int = 5) -> None:
    vp = view.viewport()
    pa, pb = view_point(view, a), view_point(view, b)
    QTest.mousePress(vp, LEFT, mods, pa)
    for i in range(1, steps + 1):
        QTest.mouseMove(vp, pa + (pb - pa) * i / steps)
    QTest.mouseRelease(vp, LEFT, mods, pb)


def facts(window, block_id):
    return window.session.facts(0, block_id)


def glyphs_in(display, story_id, rect):
    x, y, w, h = rect
    return [(gx, gy) for r in display.glyph_runs() if r.story_id == story_id and r.role == "body"
            for gx, gy in zip(r.xs, r.ys) if x <= gx < x + w and y <= gy < y + h]


def test_alt_drag_of_a_corner_cuts_an_l_and_reflows(window):
    sc, view = window.scene, window.view
    grid = sc.page.spec.grid
    view.set_zoom(1.0)
    item = sc.block_item("b2")  # col 4, row 24, 4 columns × 40 lines
    r = item.sceneBoundingRect().adjusted(14, 14, -14, -14)  # the block's rectangle
    view.centerOn(r.bottomRight())
    click(view, r.center() + QPointF(0, 200 - r.height() / 2))  # select (its handles appear)
    assert sc.selected_block_ids() == ["b2"]
    before = facts(window, "b2")
    # Alt-drag the bottom-right handle to the boundary 2 columns in and 10 lines up
    target = QPointF(grid.col_x(6) - grid.gutter / 2 + 1.5, grid.row_y(54) + 2.0)
    mouse_drag(view, r.bottomRight(), target, ALT)
    _, b = window.session.doc.find_block("b2")
    assert b.notch == Notch("bottom-right", 2, 10)
    assert (b.col, b.row, b.cols, b.rows) == (4, 24, 4, 40)  # the block itself did not move
    after = facts(window, "b2")
    assert after.capacity_lines == before.capacity_lines - 2 * 10  # two columns lose ten lines each
    cut = grid.rect(6, 54, 2, 10)
    assert glyphs_in(window.session.display(0), "s2", cut) == []  # no text in the cut corner
    assert window.session.undo_stack.undoText() == "版块拐弯"
    window.actions["undo"].trigger()
    assert window.session.doc == sample_doc()


def linked_doc():
    doc = sample_doc()
    _, b1 = doc.find_block("b1")
    return doc.replace_block(replace(b1, rows=10))  # s1 no longer fits


def test_link_tool_flows_overset_into_the_next_block(window):
    window.set_document(linked_doc())
    sc, view = window.scene, window.view
    src_before = facts(window, "b1")
    assert src_before.overset_chars > 0
    assert window.scene.block_item("b1").fit_label().startswith("超")
    window.actions["link_frames"].trigger()
    assert sc.tool == "link"
    click(view, sc.block_item("b1").sceneBoundingRect().center())
    click(view, sc.block_item("b3").sceneBoundingRect().center())
    doc = window.session.doc
    assert doc.find_block("b1")[1].next_block == "b3"
    assert doc.find_block("b3")[1].story_id == "s1"
    assert sc.tool == "select" and not window.actions["link_frames"].isChecked()
    src, nxt = facts(window, "b1"), facts(window, "b3")
    assert src.overset_chars == 0 and src.lines == src_before.lines  # the first frame is unchanged
    assert nxt.lines > 0 and nxt.story_id == "s1"
    # the text runs on: what the first frame could not take is set in the second, nothing lost
    body = "".join(p.text for p in doc.story("s1").paragraphs)
    shown = "".join("".join(r.text) for r in window.session.display(0).glyph_runs()
                    if r.story_id == "s1" and r.role == "body")
    assert shown.replace("\n", "").startswith(body[:50]) and body[-20:] in shown
    assert sc.block_item("b3").fit_label() == "" or sc.block_item("b3").fit_label().startswith("缺")
    window.actions["undo"].trigger()
    assert window.session.doc == linked_doc()


def test_out_port_click_starts_a_link(window):
    window.set_document(linked_doc())
    sc, view = window.scene, window.view
    view.set_zoom(1.0)
    port = sc.block_item("b1").out_port()
    assert not port.isEmpty()  # an overset block shows its out-port even unselected
    view.centerOn(port.center())
    click(view, port.center())
    assert sc.tool == "link" and sc.link_source == "b1"
    view.centerOn(sc.block_item("b2").sceneBoundingRect().center())
    click(view, sc.block_item("b2").sceneBoundingRect().center())
    assert window.session.doc.find_block("b1")[1].next_block == "b2"
    assert facts(window, "b1").overset_chars == 0 and facts(window, "b2").lines > 0
    assert len(sc.links.segments) == 1  # the thread between the two frames is drawn


def picture(path, size=(400, 300)):
    Image.new("RGB", size, (200, 120, 40)).save(path)
    return str(path)


def test_picture_placed_moved_and_resized_on_the_grid(window, tmp_path):
    sc, view = window.scene, window.view
    grid = sc.page.spec.grid
    sc.select_block("b2")
    window.place_image(picture(tmp_path / "photo.png"))
    _, b = window.session.doc.find_block("b2")
    assert b.image is not None and b.image.path == str(tmp_path / "photo.png")
    assert (b.image.col, b.image.row, b.image.cols) == (0, 0, 4)
    pic = sc.block_item("b2").picture
    assert pic is not None
    view.set_zoom(1.0)
    r = pic.frame_rect()
    view.centerOn(r.center())
    pitch = grid.column_width + grid.gutter
    # shrink it from its bottom-right handle to 2 columns × 8 lines (a little off the grid)
    click(view, r.center())
    assert pic.isSelected() and not sc.block_item("b2").isSelected()
    mouse_drag(view, r.bottomRight(), QPointF(grid.col_x(6) - grid.gutter / 2 + 0.25 * pitch,
                                               grid.row_y(24 + 8) + 0.3 * grid.leading))
    im = window.session.doc.find_block("b2")[1].image
    assert (im.col, im.row, im.cols, im.rows) == (0, 0, 2, 8)
    # drag it one column right and three lines down, off the grid a little
    r = sc.block_item("b2").picture.frame_rect()
    click(view, r.center())
    mouse_drag(view, r.center(), r.center() + QPointF(1.3 * pitch, 3.2 * grid.leading))
    im = window.session.doc.find_block("b2")[1].image
    assert (im.col, im.row, im.cols, im.rows) == (1, 3, 2, 8)
    items = [i for i in window.session.display(0).items if isinstance(i, ImageItem)]
    assert len(items) == 1 and not items[0].missing
    x, y, w, _h = grid.rect(4 + 1, 24 + 3, 2, 8)
    assert (items[0].x, items[0].y, items[0].w) == pytest.approx((x, y, w))
    # a drag past the block's edge keeps the picture inside its block
    r = sc.block_item("b2").picture.frame_rect()
    mouse_drag(view, r.center(), r.center() + QPointF(5 * pitch, 0))
    assert window.session.doc.find_block("b2")[1].image.col == 2
    assert window.session.undo_stack.count() == 4  # place, resize, move, move


def test_missing_picture_is_a_placeholder_and_a_preflight_finding(window, tmp_path):
    sc = window.scene
    sc.select_block("b3")
    window.place_image(picture(tmp_path / "gone.png"))
    (tmp_path / "gone.png").unlink()
    window.session.set_document(replace(window.session.doc))  # a new snapshot is laid out again
    items = [i for i in window.session.display(0).items if isinstance(i, ImageItem)]
    assert items and items[0].missing and items[0].label == "gone.png"
    window.docks["preflight"].show()
    panel = window.panel("preflight")
    panel.refresh()
    texts = [panel.item(i).text() for i in range(panel.count())]
    assert any("找不到图片 " in t and "gone.png" in t for t in texts), texts
