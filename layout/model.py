"""The document model: frozen dataclasses for editions, pages, the grid, blocks and stories.

Every length is in points (1/72 in), origin at the top-left of the trimmed page, y down.
Blocks are placed in grid units (columns 栏 and lines 行); `Grid` turns those into points.
Edits never mutate: they build a new snapshot with `dataclasses.replace`.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Optional

SCHEMA_VERSION = 1

# Fraction of the em above the baseline in the ideographic em box (Noto CJK: 880/1000).
EM_ASCENT = 0.88


# ---------------------------------------------------------------- stories

@dataclass(frozen=True)
class Headline:
    """The headline unit: kicker 引题 above, main head 主题 (one or more parts), subtitle 副题 below."""

    main: tuple[str, ...] = ()
    kicker: str = ""
    sub: str = ""

    @property
    def text(self) -> str:
        return " ".join(self.main)


@dataclass(frozen=True)
class Paragraph:
    """One paragraph. role: body | subhead (小标题) | lead (导语) | caption."""

    text: str
    role: str = "body"


@dataclass(frozen=True)
class Story:
    """A story as the desk receives it.

    kind: article | photo (图片新闻: picture + caption) | package (banner + lead over sub-stories).
    group: for a sub-story, the id of its package story.
    continued: the copy ends mid-sentence (转版) and goes on elsewhere.
    image: path of the story's picture, relative to the document.
    """

    id: str
    headline: Headline = Headline()
    paragraphs: tuple[Paragraph, ...] = ()
    byline: str = ""
    byline_at_start: bool = False
    credits: str = ""
    kind: str = "article"
    group: str = ""
    continued: bool = False
    image: str = ""
    source: str = ""

    @property
    def body_text(self) -> str:
        return "".join(p.text for p in self.paragraphs)


# ---------------------------------------------------------------- the page

@dataclass(frozen=True)
class PageSpec:
    """Trim, bleed, margins and the column/line grid of a page, all in points."""

    width: float
    height: float
    bleed: float = 8.504  # 3 mm
    margin_top: float = 85.0
    margin_bottom: float = 56.7
    margin_left: float = 51.0
    margin_right: float = 51.0
    columns: int = 8
    gutter: float = 9.0
    body_size: float = 9.0
    leading: float = 13.0
    header_height: float = 34.0  # the 版头 band, inside the top margin, above the type area
    name: str = "custom"
    char_grid: bool = False  # 字符网格: body characters line up column to column (clreq 3.2.5)

    @property
    def grid(self) -> "Grid":
        return make_grid(self)


@dataclass(frozen=True)
class Grid:
    """The newspaper grid: columns (栏) of whole body characters and lines (行) of the body leading."""

    left: float
    top: float
    columns: int
    column_width: float
    gutter: float
    rows: int
    leading: float
    body_size: float
    char_grid: bool = False

    @property
    def chars_per_column(self) -> int:
        return round(self.column_width / self.body_size)

    @property
    def width(self) -> float:
        return self.columns * self.column_width + (self.columns - 1) * self.gutter

    @property
    def height(self) -> float:
        return self.rows * self.leading

    def col_x(self, col: int) -> float:
        """Left edge of column `col` (0-based)."""
        return self.left + col * (self.column_width + self.gutter)

    def row_y(self, row: int) -> float:
        """Top of line `row` (0-based)."""
        return self.top + row * self.leading

    def span_width(self, cols: int) -> float:
        return cols * self.column_width + max(cols - 1, 0) * self.gutter

    def rect(self, col: int, row: int, cols: int, rows: int) -> tuple[float, float, float, float]:
        """(x, y, w, h) in points of a grid rectangle."""
        return (self.col_x(col), self.row_y(row), self.span_width(cols), rows * self.leading)

    def baseline(self, row: int, size: Optional[float] = None) -> float:
        """Baseline of body text on line `row`: the em box centred in the line's pitch."""
        size = self.body_size if size is None else size
        return self.row_y(row) + (self.leading - size) / 2 + EM_ASCENT * size

    def col_at(self, x: float) -> int:
        """The column whose left edge is nearest to x (for snapping)."""
        pitch = self.column_width + self.gutter
        return max(0, min(self.columns - 1, round((x - self.left) / pitch)))

    def row_at(self, y: float) -> int:
        return max(0, min(self.rows - 1, round((y - self.top) / self.leading)))


def make_grid(spec: PageSpec) -> Grid:
    """Derive the grid: columns hold whole characters; the type area is centred in the margins."""
    area_w = spec.width - spec.margin_left - spec.margin_right
    area_h = spec.height - spec.margin_top - spec.margin_bottom
    n = max(1, spec.columns)
    chars = max(1, int(((area_w + spec.gutter) / n - spec.gutter) / spec.body_size + 1e-6))
    col_w = chars * spec.body_size
    used = n * col_w + (n - 1) * spec.gutter
    left = spec.margin_left + (area_w - used) / 2
    rows = max(1, int(area_h / spec.leading + 1e-6))
    return Grid(left=left, top=spec.margin_top, columns=n, column_width=col_w, gutter=spec.gutter,
                rows=rows, leading=spec.leading, body_size=spec.body_size, char_grid=spec.char_grid)


@dataclass(frozen=True)
class PageHeader:
    """The page header 版头/报眉: paper, section 版名, page number 版次, date, edition, editor 责任编辑."""

    paper: str = ""
    section: str = ""
    number: str = ""
    date: str = ""
    edition: str = ""
    editor: str = ""


@dataclass(frozen=True)
class HeadStyle:
    """How a block's headline is set.

    orientation: horizontal | vertical (竖题 at the block's right side)
    face: hei (黑体) | song (标宋) | kai (楷体)
    size: main-head size in points; 0 lets composition choose by importance
    span: grid columns the headline spans; 0 = the whole block
    align: left | center
    """

    orientation: str = "horizontal"
    face: str = "hei"
    size: float = 0.0
    span: int = 0
    align: str = "center"
    rows: int = 0  # grid lines the zone takes; 0 = as many as the head needs (copyfit sets it)


@dataclass(frozen=True)
class BoxStyle:
    """A boxed story 框: frame: none | line | double | dotted | flower (花边); tint 0–1 of black."""

    frame: str = "none"
    tint: float = 0.0
    inset: float = 6.0


@dataclass(frozen=True)
class ImageFrame:
    """A picture inside a block, in grid units relative to the block, with caption and credit.

    fit: fill (crop to fill) | fit (letterbox) | manual (crop rectangle, normalised 0–1)
    """

    path: str
    col: int = 0
    row: int = 0
    cols: int = 1
    rows: int = 1
    fit: str = "fill"
    crop: tuple[float, float, float, float] = (0.0, 0.0, 1.0, 1.0)
    caption: str = ""
    credit: str = ""


@dataclass(frozen=True)
class Notch:
    """The corner cut out of an L-shaped block (拐弯), in grid units: corner is
    bottom-left | bottom-right | top-left | top-right."""

    corner: str
    cols: int
    rows: int


@dataclass(frozen=True)
class Block:
    """An article block: one story (or a part of it, via linked frames) on a rectangle of the grid."""

    id: str
    story_id: str
    col: int
    row: int
    cols: int
    rows: int
    body_columns: int = 0  # 0 = one text column per grid column
    balance: bool = False
    head: HeadStyle = HeadStyle()
    show_head: bool = True
    box: BoxStyle = BoxStyle()
    image: Optional[ImageFrame] = None
    notch: Optional[Notch] = None
    next_block: str = ""  # the linked frame that takes the overflow (may be on another page)
    tracking: float = 0.0  # copyfit, fraction of the em (±0.03)
    importance: int = 0  # 0 = lead story 头条
    z: int = 0
    vertical: bool = False  # the body is set vertically 竖排: lines top to bottom, right to left


@dataclass(frozen=True)
class RuleLine:
    """A rule 线 in page coordinates: style solid | double | dotted | wave."""

    x1: float
    y1: float
    x2: float
    y2: float
    weight: float = 0.5
    style: str = "solid"


@dataclass(frozen=True)
class Page:
    id: str
    spec: PageSpec
    header: PageHeader = PageHeader()
    blocks: tuple[Block, ...] = ()
    rules: tuple[RuleLine, ...] = ()


@dataclass(frozen=True)
class Document:
    """An edition: pages, the stories they show, and the edition's conversion settings.

    edition: "" for the source text, else an OpenCC config (s2t, s2tw, s2twp, s2hk, t2s, tw2s, hk2s).
    phrases: the document's phrase dictionary (source → target) overriding the converter.
    """

    pages: tuple[Page, ...] = ()
    stories: tuple[Story, ...] = ()
    edition: str = ""
    phrases: tuple[tuple[str, str], ...] = ()
    title: str = ""
    version: int = SCHEMA_VERSION

    def story(self, story_id: str) -> Optional[Story]:
        for s in self.stories:
            if s.id == story_id:
                return s
        return None

    def find_block(self, block_id: str) -> Optional[tuple[int, Block]]:
        for i, p in enumerate(self.pages):
            for b in p.blocks:
                if b.id == block_id:
                    return i, b
        return None

    def replace_block(self, block: Block) -> "Document":
        """A new document with the block of the same id replaced."""
        pages = []
        for p in self.pages:
            if any(b.id == block.id for b in p.blocks):
                p = replace(p, blocks=tuple(block if b.id == block.id else b for b in p.blocks))
            pages.append(p)
        return replace(self, pages=tuple(pages))

    def replace_story(self, story: Story) -> "Document":
        return replace(self, stories=tuple(story if s.id == story.id else s for s in self.stories))
