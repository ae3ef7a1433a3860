"""Copyfit 调整: the fit of a story to a block, and the steps an editor accepts and can undo.

Steps: tracking within ±3 % (Block.tracking), one line more or less of headline (HeadStyle.rows),
a headline size from the house scale, and resizing a block by whole lines. The body size is never
changed. Every step returns the new block and a `Change` saying what was done, so composition
can record it and the editor can undo it.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Optional

from .flow import body_segments, head_segments, lines_needed
from .fonts import FontRegistry, default_registry
from .headline import plan_headline, plan_vertical
from .model import Block, Grid, Story

MAX_TRACKING = 0.03
HEAD_SIZES = (48.0, 42.0, 36.0, 30.0, 26.0, 22.0, 20.0, 18.0, 16.0)  # the house headline scale


@dataclass(frozen=True)
class Change:
    """One recorded copyfit step: block, what changed, from → to."""

    block: str
    what: str
    before: str
    after: str

    def __str__(self) -> str:
        return f"{self.block}: {self.what} {self.before} → {self.after}"


def set_tracking(block: Block, tracking: float) -> tuple[Block, Change]:
    """Tracking, clamped to ±3 % of the em."""
    t = max(-MAX_TRACKING, min(MAX_TRACKING, round(tracking, 4)))
    return replace(block, tracking=t), Change(block.id, "tracking", f"{block.tracking:+.1%}", f"{t:+.1%}")


def head_lines(block: Block, delta: int, current_rows: int) -> tuple[Block, Change]:
    """One line more (delta=+1) or less (-1) of headline zone; `current_rows` is the zone's height now."""
    rows = max(1, current_rows + delta)
    return (replace(block, head=replace(block.head, rows=rows)),
            Change(block.id, "headline lines", str(current_rows), str(rows)))


def head_size(block: Block, size: float) -> tuple[Block, Change]:
    return (replace(block, head=replace(block.head, size=size)),
            Change(block.id, "headline size", f"{block.head.size:g}pt", f"{size:g}pt"))


def resize_lines(block: Block, delta: int) -> tuple[Block, Change]:
    """The block taller or shorter by whole grid lines."""
    rows = max(1, block.rows + delta)
    return replace(block, rows=rows), Change(block.id, "block lines", str(block.rows), str(rows))


# ------------------------------------------------------------ measuring for composition

@lru_cache(maxsize=4096)
def _body_lines(story: Story, width: float, grid: Grid, script: str, fonts_id: int) -> int:
    return lines_needed(body_segments(story), width, grid, script, fonts=_REG[fonts_id])


_REG: dict[int, FontRegistry] = {}


def body_lines(story: Story, grid: Grid, width: Optional[float] = None, script: str = "sc",
               fonts: Optional[FontRegistry] = None) -> int:
    """Grid lines the story's body needs in one text column (the grid column by default)."""
    fonts = fonts or default_registry()
    _REG[id(fonts)] = fonts
    return _body_lines(story, width or grid.column_width, grid, script, id(fonts))


@lru_cache(maxsize=8192)
def _head_rows(story: Story, width: float, size: float, face: str, grid: Grid, script: str,
               fonts_id: int) -> tuple[int, bool]:
    from .render import head_zone_rows

    plan = plan_headline(head_segments(story), width, size, face, script, fonts=_REG[fonts_id])
    return head_zone_rows(plan.height, grid.leading), plan.fits


def head_rows(story: Story, grid: Grid, span: int, size: float, face: str = "hei", script: str = "sc",
              fonts: Optional[FontRegistry] = None) -> tuple[int, bool]:
    """Grid lines a horizontal headline zone needs across `span` columns, and whether it fits."""
    fonts = fonts or default_registry()
    _REG[id(fonts)] = fonts
    return _head_rows(story, grid.span_width(span), size, face, grid, script, id(fonts))


@lru_cache(maxsize=4096)
def _vhead(story: Story, size: float, face: str, grid: Grid, script: str, fonts_id: int) -> tuple[int, int, bool]:
    plan = plan_vertical(head_segments(story), 1e6, size, face, script, fonts=_REG[fonts_id])
    pitch = grid.column_width + grid.gutter
    return math.ceil(plan.height / grid.leading) + 1, max(1, math.ceil((plan.width + grid.gutter) / pitch)), True


def vertical_head(story: Story, grid: Grid, size: float, face: str = "hei", script: str = "sc",
                  fonts: Optional[FontRegistry] = None) -> tuple[int, int]:
    """(rows, columns) a vertical headline 竖题 of `size` takes."""
    fonts = fonts or default_registry()
    _REG[id(fonts)] = fonts
    r, c, _ = _vhead(story, size, face, grid, script, id(fonts))
    return r, c

