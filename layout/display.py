"""The display list: the contract between the engine and its two painters (Qt and PDF).

Everything is decided here: each glyph's font file, glyph id, characters and position in page
points (origin top-left of the trim, y down). Painters only walk the list.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Union

CMYK = tuple[float, float, float, float]
BLACK: CMYK = (0.0, 0.0, 0.0, 1.0)
WHITE: CMYK = (0.0, 0.0, 0.0, 0.0)


@dataclass(frozen=True)
class GlyphRun:
    """Glyphs of one font, size and colour, each placed on its own baseline origin.

    font: the font key in the registry (file stem, e.g. "NotoSerifSC-Regular").
    text: per glyph, the characters it stands for (for ToUnicode and the caret).
    xs, ys: each glyph's origin — the left end of its horizontal baseline — in page points, y down.
    rotated: per glyph, turned 90° clockwise about its origin (Latin in vertical text); () = none.
    vertical: the run belongs to a vertical line (竖排).
    offsets: per glyph, the character offset in the story's flat text; -1 for generated text.
    """

    font: str
    size: float
    glyphs: tuple[int, ...]
    text: tuple[str, ...]
    xs: tuple[float, ...]
    ys: tuple[float, ...]
    color: CMYK = BLACK
    rotated: tuple[bool, ...] = ()
    vertical: bool = False
    offsets: tuple[int, ...] = ()
    story_id: str = ""
    role: str = "body"  # body | head | kicker | sub | byline | caption | header | jump | ...


@dataclass(frozen=True)
class RuleItem:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float = 0.5
    color: CMYK = BLACK
    dash: tuple[float, ...] = ()


@dataclass(frozen=True)
class BoxItem:
    """A rectangle: tint fill and/or frame."""

    x: float
    y: float
    w: float
    h: float
    fill: Optional[CMYK] = None
    stroke: Optional[CMYK] = None
    stroke_width: float = 0.5
    dash: tuple[float, ...] = ()


@dataclass(frozen=True)
class ImageItem:
    """A placed picture: the frame (x, y, w, h) shows the region `crop` (x, y, w, h, 0–1) of the image.

    missing: the file could not be read; painters draw a grey placeholder labelled with `label`.
    """

    x: float
    y: float
    w: float
    h: float
    path: str
    crop: tuple[float, float, float, float] = (0.0, 0.0, 1.0, 1.0)
    missing: bool = False
    label: str = ""
    pixel_size: tuple[int, int] = (0, 0)


Item = Union[GlyphRun, RuleItem, BoxItem, ImageItem]


@dataclass(frozen=True)
class BlockFacts:
    """What the editor and preflight need to know about a laid-out block."""

    block_id: str
    story_id: str
    x: float
    y: float
    w: float
    h: float
    frames: tuple[tuple[float, float, float, float], ...] = ()
    lines: int = 0
    capacity_lines: int = 0
    capacity_chars: int = 0
    needed_chars: int = 0
    overset_chars: int = 0  # characters that did not fit (超 N 字)
    underset_lines: int = 0  # empty body lines left (缺 N 行)
    head_fits: bool = True
    notes: tuple[str, ...] = ()

    @property
    def fit_label(self) -> str:
        if self.overset_chars > 0:
            return f"超{self.overset_chars}字"
        if self.underset_lines > 0:
            return f"缺{self.underset_lines}行"
        return ""


@dataclass(frozen=True)
class Finding:
    """A preflight or composition finding. severity: error | warning | info."""

    severity: str
    message: str
    page: int = 0
    block: str = ""
    story: str = ""
    code: str = ""


@dataclass(frozen=True)
class PageDisplay:
    """One page's display list. width/height are the trim; bleed extends it on every side."""

    width: float
    height: float
    bleed: float
    items: tuple[Item, ...] = ()
    blocks: tuple[BlockFacts, ...] = ()
    findings: tuple[Finding, ...] = ()
    page_index: int = 0
    label: str = ""

    def glyph_runs(self) -> list[GlyphRun]:
        return [i for i in self.items if isinstance(i, GlyphRun)]
