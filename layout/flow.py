"""Story → frames in a block → lines: the flat text of a story, a block's text slots, and body flow.

A block's body is flowed into *slots*: vertical runs of grid lines at one x and width, in reading
order (text column by text column, left to right). Obstacles (the headline zone, a picture and its
caption 图文互斥, the corner cut of an L-shaped block 拐弯, jump lines) remove grid lines from the
slots they cross. What does not fit is overset data (a cursor to resume from and a character
count), never an error; linked frames resume from that cursor.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Optional, Sequence

from .bylines import is_dateline
from .fonts import FontRegistry, default_registry
from .model import Block, Grid, Story
from .typeset import SetLine, TextStyle, set_paragraph

# Segment roles of a story's flat text, in order.
HEAD_ROLES = ("kicker", "head", "sub")


@dataclass(frozen=True)
class Segment:
    """One piece of a story's flat text: its role, text and offset of its first character."""

    role: str  # kicker | head | sub | byline | body | subhead | lead | caption | credit
    text: str
    start: int
    spans: tuple[tuple[int, int, str], ...] = ()  # font roles of character ranges (inline byline)


def story_segments(story: Story) -> list[Segment]:
    """The story as segments of one flat text (see `_segments`; cached: flow asks often)."""
    return list(_segments(story))


@lru_cache(maxsize=1024)
def _segments(story: Story) -> tuple[Segment, ...]:
    """The story as segments of one flat text, joined by one newline each.

    Order: kicker 引题, main-head parts 主题, subtitle 副题, a leading byline, paragraphs, a trailing
    byline, credits. A leading dateline 电头 (本报讯（记者 张三）) runs in at the start of the first
    body paragraph, in 楷体; a leading line of names (本报记者 张三) stands on its own line, indented like a
    paragraph. GlyphRun.offsets index this flat text, so the editor maps glyphs to copy with it.
    A trailing byline runs on at the end of the last paragraph in parentheses and 楷体, as the
    copy had it and as Chinese papers set it — not as a ragged line of its own.
    """
    parts: list[tuple[str, str]] = []
    h = story.headline
    if h.kicker:
        parts.append(("kicker", h.kicker))
    parts += [("head", m) for m in h.main if m]
    if h.sub:
        parts.append(("sub", h.sub))
    spans: dict[int, tuple[tuple[int, int, str], ...]] = {}
    paras = [(p.role if p.role in ("subhead", "lead", "caption") else "body", p.text)
             for p in story.paragraphs if p.text]
    run_in = (bool(story.byline) and story.byline_at_start and is_dateline(story.byline)
              and bool(paras) and paras[0][0] == "body")
    if story.byline and story.byline_at_start and not run_in:
        parts.append(("signature", story.byline))  # 本报记者 张三: its own line, where the text starts
    if run_in:
        # a dateline 电头 opens the first paragraph in 楷体 after its indent, as papers set it — not a
        # ragged line of its own that breaks a name ("本报讯（通讯员 孙蕾 记者 周" / "航）")
        gap = "" if story.byline[-1] in "）)】" else "\u3000"
        paras[0] = ("body", story.byline + gap + paras[0][1])
        spans[len(parts)] = ((0, len(story.byline), "kai"),)
    parts += paras
    if story.byline and not story.byline_at_start:
        if parts and parts[-1][0] == "body":
            last = parts[-1][1]
            tail = f"（{story.byline}）"
            parts[-1] = ("body", last + tail)
            spans[len(parts) - 1] = ((len(last), len(last) + len(tail), "kai"),)
        else:
            parts.append(("byline", story.byline))
    if story.credits:
        if parts and parts[-1][0] in ("body", "caption") and story.kind == "photo":
            # photographers' credits run on after the caption, as the copy gives them
            parts[-1] = (parts[-1][0], parts[-1][1] + story.credits)
        else:
            parts.append(("credit", story.credits))
    out, pos = [], 0
    for i, (role, text) in enumerate(parts):
        out.append(Segment(role, text, pos, spans.get(i, ())))
        pos += len(text) + 1
    return tuple(out)


def flat_text(story: Story) -> str:
    """The story's flat text (see `story_segments`)."""
    return "\n".join(s.text for s in story_segments(story))


def body_segments(story: Story) -> list[Segment]:
    return [s for s in story_segments(story) if s.role not in HEAD_ROLES]


def head_segments(story: Story) -> list[Segment]:
    return [s for s in story_segments(story) if s.role in HEAD_ROLES]


@dataclass(frozen=True)
class Slot:
    """A run of `rows` grid lines from grid row `row`, at x with width `width` (points)."""

    x: float
    width: float
    row: int
    rows: int


@dataclass(frozen=True)
class Cursor:
    """Where flow resumes: segment index and character offset inside it."""

    seg: int = 0
    pos: int = 0


@dataclass(frozen=True)
class PlacedLine:
    """A set line on the page: baseline-left (x, y), its style, role and flat-text offset."""

    line: SetLine
    x: float
    y: float
    style: TextStyle
    role: str
    base_offset: int
    slot: int
    row: int


@dataclass(frozen=True)
class FlowResult:
    lines: tuple[PlacedLine, ...]
    capacity_lines: int
    capacity_chars: int
    needed_chars: int  # characters of the body still to set when this frame began
    overset_chars: int  # characters left over after this frame (超 N 字)
    underset_lines: int  # grid lines left empty (缺 N 行)
    rest: Optional[Cursor]  # None when everything was set
    line_count: int = 0  # lines set (also when they were only counted, not placed)


@lru_cache(maxsize=8192)
def _count(text: str) -> int:
    return len(text) - sum(1 for c in text if c.isspace())


def rect_slots(grid: Grid, col: int, row: int, cols: int, rows: int, body_columns: int = 0,
               obstacles: Sequence[tuple[float, float, int, int]] = ()) -> list[Slot]:
    """Text slots of a grid rectangle with `body_columns` text columns (0 = one per grid column).

    obstacles: (x0, x1, row0, row1) rectangles (points across, grid rows down, row1 exclusive)
    taken out of every text column whose x range they overlap.
    """
    x0, w = grid.col_x(col), grid.span_width(cols)
    k = cols if body_columns <= 0 else min(body_columns, cols)
    if k == cols:
        cols_x = [(grid.col_x(col + i), grid.column_width) for i in range(cols)]
    else:
        tw = (w - (k - 1) * grid.gutter) / k
        cols_x = [(x0 + i * (tw + grid.gutter), tw) for i in range(k)]
    slots: list[Slot] = []
    for cx, cw in cols_x:
        free = [True] * rows
        for ox0, ox1, r0, r1 in obstacles:
            if ox0 < cx + cw - 0.5 and ox1 > cx + 0.5:
                for r in range(max(r0, row), min(r1, row + rows)):
                    free[r - row] = False
        r = 0
        while r < rows:
            if free[r]:
                s = r
                while r < rows and free[r]:
                    r += 1
                slots.append(Slot(cx, cw, row + s, r - s))
            else:
                r += 1
    return slots


def notch_obstacle(grid: Grid, block: Block) -> list[tuple[float, float, int, int]]:
    """The corner cut out of an L-shaped block (拐弯) as an obstacle."""
    n = block.notch
    if n is None or n.cols <= 0 or n.rows <= 0:
        return []
    left = n.corner.endswith("left")
    c0 = block.col if left else block.col + block.cols - n.cols
    top = n.corner.startswith("top")
    r0 = block.row if top else block.row + block.rows - n.rows
    return [(grid.col_x(c0) - 0.1, grid.col_x(c0) + grid.span_width(n.cols) + 0.1, r0, r0 + n.rows)]


_ROLE_FACE = {"body": "body", "lead": "body", "subhead": "hei", "byline": "kai", "signature": "kai",
              "credit": "kai", "caption": "kai"}


def text_style(seg: Segment, pos: int, size: float, script: str, tracking: float = 0.0,
               char_grid: bool = False, gutter: float = 0.0) -> TextStyle:
    """The style of a segment's text from character `pos` on: its role's style, no indent after
    the first line, its inline font spans shifted to the remaining text, and the character grid
    for body text when the page asks for it."""
    style = segment_style(seg.role, size, script, tracking)
    if char_grid and seg.role in ("body", "lead"):
        # a hung 、，。 needs its own cell in the gutter and air before the next column
        style = replace(style, char_grid=True, hang_punct=gutter >= 2 * size)
    if pos:
        style = replace(style, indent=0.0)
    if seg.spans:
        style = replace(style, role_spans=tuple((a - pos, b - pos, r) for a, b, r in seg.spans if b > pos))
    return style


def segment_style(role: str, size: float, script: str, tracking: float = 0.0) -> TextStyle:
    """The body-level style of a segment role: body/lead indented 2 em, bylines and captions in 楷体;
    a leading name line (signature) starts where the paragraphs do, a closing byline or credit
    stands at the right."""
    face = _ROLE_FACE.get(role, "body")
    indent = 2.0 if role in ("body", "lead", "caption", "signature") else 0.0
    align = {"subhead": "center", "byline": "right", "credit": "right",
             "signature": "left"}.get(role, "justify")
    return TextStyle(role=face, size=size, script=script, indent=indent, align=align, tracking=tracking)


@lru_cache(maxsize=20000)
def _set_cached(text: str, measure: float, style: TextStyle, fonts_id: int) -> tuple[SetLine, ...]:
    return tuple(set_paragraph(text, measure, style, _FONTS[fonts_id]))


_FONTS: dict[int, FontRegistry] = {}


def set_lines(text: str, measure: float, style: TextStyle, fonts: FontRegistry) -> tuple[SetLine, ...]:
    """set_paragraph with a cache keyed by text, measure and style (flow re-sets the same copy often)."""
    _FONTS[id(fonts)] = fonts
    return _set_cached(text, round(measure, 3), style, id(fonts))


def _align_x(line: SetLine, style: TextStyle, x: float, width: float) -> float:
    if style.align == "right":
        return x + max(0.0, width - line.width)
    if style.align == "center":
        return x + max(0.0, (width - line.width) / 2)
    return x


def flow_segments(segments: Sequence[Segment], slots: Sequence[Slot], grid: Grid, script: str = "sc",
                  tracking: float = 0.0, start: Cursor = Cursor(),
                  fonts: Optional[FontRegistry] = None, place: bool = True) -> FlowResult:
    """Flow body segments from `start` into the slots, one set line per grid line.

    A paragraph that moves to a slot of another width is set again from where it stopped, so
    text wraps around pictures and notches. Body lines sit on the baseline grid. place=False only
    counts (makeup's predictions): the same walk a slot at a time, no PlacedLine built.
    """
    fonts = fonts or default_registry()
    if not place:  # memoised: headline choices of one height leave the same slots to fill
        return _counted(tuple(segments), tuple(slots), grid, script, tracking, start, fonts)
    return _flow(segments, slots, grid, script, tracking, start, fonts, True)


@lru_cache(maxsize=16384)
def _counted(segments: tuple[Segment, ...], slots: tuple[Slot, ...], grid: Grid, script: str, tracking: float,
             start: Cursor, fonts: FontRegistry) -> FlowResult:
    return _flow(segments, slots, grid, script, tracking, start, fonts, False)


def _flow(segments: Sequence[Segment], slots: Sequence[Slot], grid: Grid, script: str, tracking: float,
          start: Cursor, fonts: FontRegistry, place: bool) -> FlowResult:
    size = grid.body_size
    placed: list[PlacedLine] = []
    cap_lines = sum(s.rows for s in slots)
    cap_chars = sum(s.rows * int(s.width / size + 1e-6) for s in slots)
    needed = sum(_count(s.text[start.pos:] if i == start.seg else s.text)
                 for i, s in enumerate(segments) if i >= start.seg)
    si, li = 0, 0  # slot index, line inside slot
    count = 0
    rest: Optional[Cursor] = None
    for gi in range(start.seg, len(segments)):
        seg = segments[gi]
        pos = start.pos if gi == start.seg else 0
        while pos < len(seg.text):
            while si < len(slots) and li >= slots[si].rows:
                si, li = si + 1, 0
            if si >= len(slots):
                rest = Cursor(gi, pos)
                break
            # a subhead never stands alone at the foot of a slot
            if seg.role == "subhead" and li == slots[si].rows - 1 and si + 1 < len(slots):
                si, li = si + 1, 0
                continue
            width = slots[si].width
            style = text_style(seg, pos, size, script, tracking, grid.char_grid, grid.gutter)
            lines = set_lines(seg.text[pos:], width, style, fonts)
            taken, k = 0, 0
            while k < len(lines):
                while si < len(slots) and li >= slots[si].rows:
                    si, li = si + 1, 0
                if si >= len(slots) or abs(slots[si].width - width) > 0.01:
                    break
                s = slots[si]
                m = min(len(lines) - k, s.rows - li)  # lines going into this slot
                if place:
                    for j in range(k, k + m):
                        ln, row = lines[j], s.row + li + j - k
                        placed.append(PlacedLine(ln, _align_x(ln, style, s.x, s.width), grid.baseline(row),
                                                 style, seg.role, seg.start + pos, si, row))
                li, k, count = li + m, k + m, count + m
                taken = lines[k - 1].end
            if taken == 0 and si < len(slots) and abs(slots[si].width - width) <= 0.01:
                raise AssertionError("flow made no progress")  # a bug, never user input
            pos += taken
        if rest is not None:
            break
    over = 0
    if rest is not None:
        over = _count(segments[rest.seg].text[rest.pos:]) + sum(
            _count(s.text) for s in segments[rest.seg + 1:])
    return FlowResult(tuple(placed), cap_lines, cap_chars, needed, over,
                      0 if rest is not None else cap_lines - count, rest, count)


@dataclass(frozen=True)
class Tape:
    """A story's body set at one width as one tall column: what `flow_segments` does with slots of
    that width only depends on the line count and where subheads start, so makeup derives every
    candidate block's fill from the tape instead of flowing each candidate."""

    lines: int
    subheads: frozenset[int]  # line indices where a subhead starts (kept off a slot's foot)

    def fill(self, heights: Sequence[int]) -> int:
        """Lines set when slots of these heights, in flow order, take the tape (all of it when
        that is `lines`) — exactly `_flow`'s walk: a subhead due on a slot's last line moves on."""
        p, k = 0, len(heights)
        for i, h in enumerate(heights):
            if p >= self.lines:
                break
            foot = p + h - 1
            p = min(self.lines, p + h - (foot < self.lines and foot in self.subheads and i + 1 < k))
        return p


@lru_cache(maxsize=4096)
def _tape(segments: tuple[Segment, ...], width: float, grid: Grid, script: str, fonts: FontRegistry
          ) -> Optional[Tape]:
    n, subs = 0, set()
    for seg in segments:
        if not seg.text:
            continue
        lines = set_lines(seg.text, width, text_style(seg, 0, grid.body_size, script, char_grid=grid.char_grid, gutter=grid.gutter), fonts)
        if not lines or lines[-1].end != len(seg.text):
            return None  # not one clean run of lines: let the real flow decide
        if seg.role == "subhead":
            subs.add(n)
        n += len(lines)
    return Tape(n, frozenset(subs))


def column_tape(segments: Sequence[Segment], width: float, grid: Grid, script: str = "sc",
                fonts: Optional[FontRegistry] = None) -> Optional[Tape]:
    """The body segments (from their start, no tracking) as a `Tape` at `width`; None when the
    walk cannot be modelled so (then flow the block)."""
    return _tape(tuple(segments), round(width, 3), grid, script, fonts or default_registry())


def flow_vertical(segments: Sequence[Segment], region: tuple[float, float, float, float], grid: Grid,
                  script: str = "sc", tracking: float = 0.0, start: Cursor = Cursor(),
                  fonts: Optional[FontRegistry] = None) -> FlowResult:
    """Flow body segments vertically 竖排 into region (x, y, w, h): each line runs down the whole
    height, lines step right to left by the body leading. PlacedLine (x, y) is the top of a line's
    centre axis; `row` counts lines from the right."""
    fonts = fonts or default_registry()
    rx, ry, rw, rh = region
    size = grid.body_size
    cap = max(0, int((rw - (grid.leading - size)) / grid.leading + 1e-6))
    per_line = int(rh / size + 1e-6)
    needed = sum(_count(s.text[start.pos:] if i == start.seg else s.text)
                 for i, s in enumerate(segments) if i >= start.seg)
    placed: list[PlacedLine] = []
    rest: Optional[Cursor] = None
    for gi in range(start.seg, len(segments)):
        seg = segments[gi]
        pos = start.pos if gi == start.seg else 0
        style = replace(text_style(seg, pos, size, script, tracking, grid.char_grid, grid.gutter), vertical=True)
        for ln in set_lines(seg.text[pos:], rh, style, fonts):
            if len(placed) >= cap:
                rest = Cursor(gi, pos + ln.start)
                break
            axis = rx + rw - grid.leading / 2 - len(placed) * grid.leading
            top = ry + (0.0 if style.align != "right" else max(0.0, rh - ln.width))
            placed.append(PlacedLine(ln, axis, top, style, seg.role, seg.start + pos, 0, len(placed)))
        if rest is not None:
            break
    over = 0
    if rest is not None:
        over = _count(segments[rest.seg].text[rest.pos:]) + sum(_count(s.text) for s in segments[rest.seg + 1:])
    return FlowResult(tuple(placed), cap, cap * per_line, needed, over,
                      0 if rest is not None else cap - len(placed), rest, len(placed))


def lines_needed(segments: Sequence[Segment], width: float, grid: Grid, script: str = "sc",
                 tracking: float = 0.0, fonts: Optional[FontRegistry] = None) -> int:
    """How many grid lines the segments take in one column of `width` (for copyfitting)."""
    fonts = fonts or default_registry()
    n = 0
    for seg in segments:
        n += len(set_lines(seg.text, width, text_style(seg, 0, grid.body_size, script, tracking, grid.char_grid, grid.gutter), fonts))
    return n
