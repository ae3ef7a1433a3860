"""Copyfit steps: each recorded and undoable, tracking clamped to ±3 %, never a body-size change."""

import pytest

from layout.copyfit import MAX_TRACKING, Change, head_lines, head_size, resize_lines, set_tracking
from layout.model import Block, Document, Headline, HeadStyle, Page, Paragraph, Story
from layout.presets import page_spec
from layout.render import lay_out_document

SPEC = page_spec("broadsheet")
STORY = Story("s", Headline(("社区治理有新招",)), (Paragraph("基层治理千头万绪，外人听起来是小事。" * 30),))
BLOCK = Block("b", "s", 0, 0, 2, 30, head=HeadStyle(size=22.0))


def _page(block):
    return lay_out_document(Document((Page("p", SPEC, blocks=(block,)),), (STORY,)))[0]


@pytest.mark.parametrize("step", [lambda b: set_tracking(b, 0.02), lambda b: head_lines(b, +1, 4),
                                  lambda b: head_lines(b, -1, 4), lambda b: head_size(b, 26.0),
                                  lambda b: resize_lines(b, +3), lambda b: resize_lines(b, -2)])
def test_copyfit_step_is_recorded_and_undoable(step):
    new, change = step(BLOCK)
    assert isinstance(change, Change) and change.block == "b" and change.before != change.after
    assert str(change).startswith("b: ")
    undone = Document((Page("p", SPEC, blocks=(new,)),), (STORY,)).replace_block(BLOCK)
    assert undone.pages[0].blocks[0] == BLOCK  # the snapshot before the step restores the block


@pytest.mark.parametrize("asked, got", [(0.10, MAX_TRACKING), (-0.5, -MAX_TRACKING), (0.012, 0.012)])
def test_copyfit_tracking_is_clamped_to_three_percent(asked, got):
    new, change = set_tracking(BLOCK, asked)
    assert new.tracking == pytest.approx(got)
    assert change.after == f"{got:+.1%}"


def test_copyfit_never_changes_the_body_size():
    before = {r.size for r in _page(BLOCK).glyph_runs() if r.role == "body"}
    for step in (lambda b: set_tracking(b, -0.03), lambda b: resize_lines(b, -8),
                 lambda b: head_size(b, 30.0), lambda b: head_lines(b, 2, 3)):
        new, _ = step(BLOCK)
        assert {r.size for r in _page(new).glyph_runs() if r.role == "body"} == before == {SPEC.body_size}


def test_copyfit_tighter_tracking_sets_fewer_lines():
    loose = _page(set_tracking(BLOCK, 0.03)[0]).blocks[0]
    tight = _page(set_tracking(BLOCK, -0.03)[0]).blocks[0]
    assert tight.lines <= loose.lines
