"""Input limits: the largest inputs Banmian handles interactively, and a clear UserError beyond them.

The figures are measured by `bench/limits.py` (table in docs/limits.md); each limit leaves a wide
margin over real newspaper work (a broadsheet page holds ~15 000 characters; an edition has tens
of pages; a press photo is 20–60 megapixels). Past a limit, the work would freeze the editor or
exhaust memory, so the entry points (importer, layout, composition, picture decoding, the font
folder) refuse it up front with what, where and what to do — before any time is spent.
"""
from __future__ import annotations

from typing import Iterable, Sequence

from .errors import UserError

MAX_STORY_CHARS = 200_000  # one story (about 13 broadsheet pages of body text)
MAX_PARAGRAPH_CHARS = 30_000  # one paragraph; set whole on every reflow of its block (0.4 s at 30 000)
MAX_IMPORT_CHARS = 10_000_000  # one file of copy (a 5 MB wire dump is ~1.7 M Chinese characters)
MAX_PAGES = 200  # pages in one document or one composition
MAX_BLOCKS_PER_PAGE = 2_000  # blocks on one page
MAX_IMAGE_PIXELS = 150_000_000  # pixels in one picture (a 60 MP camera is 9504 × 6336)
MAX_USER_FONTS = 100  # font files read from the user font folder (first start parses each)
# Geometry a hand-edited document could make absurd; layout work grows with columns × lines.
MAX_COLUMNS = 64  # grid columns of a page, and columns a block, picture or notch spans
MAX_ROWS = 5_000  # grid lines a block spans (a broadsheet page has ~110)
MAX_PAGE_SIDE = 14_400.0  # points: 5 m, past any press
MAX_TYPE_SIZE = 1_000.0  # points: body size, leading and headline sizes
MAX_CHAIN = 500  # linked frames in one chain


def _plain(n: int) -> str:
    return f"{n:,}"


def check_import_text(text: str, where: str) -> None:
    """Copy to import: at most MAX_IMPORT_CHARS characters."""
    if len(text) > MAX_IMPORT_CHARS:
        raise UserError(f"the copy is {_plain(len(text))} characters; Banmian imports at most "
                        f"{_plain(MAX_IMPORT_CHARS)} per file", where=where,
                        hint="split the file into several files and import them one by one")


def check_story(story_id: str, paragraphs: Iterable[str], where: str = "", other_chars: int = 0) -> None:
    """One story: at most MAX_STORY_CHARS characters (paragraphs + `other_chars` of headline,
    byline and credits), no paragraph over MAX_PARAGRAPH_CHARS."""
    total = other_chars
    for i, text in enumerate(paragraphs):
        total += len(text)
        if len(text) > MAX_PARAGRAPH_CHARS:
            raise UserError(f"story {story_id}: paragraph {i + 1} is {_plain(len(text))} characters; "
                            f"a paragraph can have at most {_plain(MAX_PARAGRAPH_CHARS)}", where=where,
                            hint="break it into paragraphs (a blank line or a full-width indent 　　)")
    if total > MAX_STORY_CHARS:
        raise UserError(f"story {story_id} is {_plain(total)} characters; a story can have at most "
                        f"{_plain(MAX_STORY_CHARS)}", where=where,
                        hint="split it into several stories (each with its own headline)")


def check_stories(stories: Sequence, where: str = "") -> None:
    """Every story of a sequence of model.Story (headline, byline and paragraphs)."""
    for s in stories:
        h = s.headline
        other = sum(map(len, (h.kicker, *h.main, h.sub, s.byline, s.credits)))
        if other > MAX_PARAGRAPH_CHARS:
            raise UserError(f"story {s.id}: the headline, byline and credits are {_plain(other)} characters",
                            where=where, hint="move the copy into the story's paragraphs")
        check_story(s.id, [p.text for p in s.paragraphs], where, other)


def check_page_count(n: int, where: str = "") -> None:
    if n > MAX_PAGES:
        raise UserError(f"{_plain(n)} pages; Banmian handles at most {MAX_PAGES} pages in one document",
                        where=where, hint="split the edition into several documents")


def _bad(where: str, what: str) -> UserError:
    return UserError(what, where=where, hint="correct the value in the document (was it edited by hand?) "
                     "or open its backup (NAME~)")


def _within(value: float, lo: float, hi: float, where: str, what: str) -> None:
    if not lo <= value <= hi:
        raise _bad(where, f"{what} is {value:g}; it must be between {lo:g} and {hi:g}")


def check_spec(spec, where: str) -> None:
    """A model.PageSpec: sizes that give a usable grid (positive body size and leading, …)."""
    _within(spec.width, 1.0, MAX_PAGE_SIDE, where, "the page width (pt)")
    _within(spec.height, 1.0, MAX_PAGE_SIDE, where, "the page height (pt)")
    _within(spec.columns, 1, MAX_COLUMNS, where, "the number of columns")
    _within(spec.body_size, 1.0, MAX_TYPE_SIZE, where, "the body size (pt)")
    _within(spec.leading, 1.0, MAX_TYPE_SIZE, where, "the leading (pt)")
    for name in ("bleed", "gutter", "margin_top", "margin_bottom", "margin_left", "margin_right",
                 "header_height"):
        _within(getattr(spec, name), 0.0, MAX_PAGE_SIDE, where, f"the {name.replace('_', ' ')} (pt)")


def check_block(block, where: str) -> None:
    """A model.Block's grid geometry and sizes: bounded, so its layout work is bounded."""
    for name, hi, what in (("col", MAX_COLUMNS, "the first column"), ("cols", MAX_COLUMNS, "the width in columns"),
                           ("body_columns", MAX_COLUMNS, "the number of text columns"),
                           ("row", MAX_ROWS, "the first line"), ("rows", MAX_ROWS, "the height in lines")):
        _within(getattr(block, name), 0, hi, where, what)
    _within(block.head.size, 0.0, MAX_TYPE_SIZE, where, "the headline size (pt)")
    _within(block.head.span, 0, MAX_COLUMNS, where, "the headline span")
    _within(block.head.rows, 0, MAX_ROWS, where, "the headline rows")
    # a net advance of 0 (tracking -1 em) makes every break feasible and line breaking cubic
    _within(block.tracking, -0.5, 0.5, where, "the tracking (em)")
    for part, what in ((block.image, "the picture's"), (block.notch, "the corner cut's")):
        if part is not None:
            _within(part.cols, 0, MAX_COLUMNS, where, f"{what} width in columns")
            _within(part.rows, 0, MAX_ROWS, where, f"{what} height in lines")
    if block.image is not None:
        _within(block.image.col, 0, MAX_COLUMNS, where, "the picture's column")
        _within(block.image.row, 0, MAX_ROWS, where, "the picture's row")


def check_links(doc, where: str = "") -> None:
    """Linked frames (Block.next_block): no loop, at most MAX_CHAIN frames in a chain. Followed
    backwards as layout follows them (each frame's predecessor), so duplicate ids are covered."""
    prev = {b.next_block: b.id for p in doc.pages for b in p.blocks if b.next_block}
    for start in prev:
        seen = [start]
        b = prev.get(start)
        while b is not None:
            if b in seen:
                raise _bad(where, "linked frames form a loop: " + " ← ".join(seen + [b]))
            seen.append(b)
            if len(seen) > MAX_CHAIN:
                raise _bad(where, f"more than {MAX_CHAIN} linked frames in one chain (to {start})")
            b = prev.get(b)


def check_shape(doc, where: str = "") -> None:
    """A model.Document's structure: page count, page grids, blocks, links (not story sizes, so a
    document with an over-long story still opens and can be cut down)."""
    check_page_count(len(doc.pages), where)
    for i, page in enumerate(doc.pages):
        at = f"{where + ': ' if where else ''}page {i + 1}"
        check_spec(page.spec, at)
        if len(page.blocks) > MAX_BLOCKS_PER_PAGE:
            raise UserError(f"page {i + 1} has {_plain(len(page.blocks))} blocks; a page can have at most "
                            f"{_plain(MAX_BLOCKS_PER_PAGE)}", where=where,
                            hint="delete unused blocks or move stories to another page")
        for b in page.blocks:
            check_block(b, f"{at}, block {b.id}")
    seen: set[str] = set()
    for i, page in enumerate(doc.pages):
        for b in page.blocks:
            if b.id in seen:  # layout finds blocks by id: a second one would silently not be laid out
                raise _bad(f"{where + ': ' if where else ''}page {i + 1}",
                           f"two blocks have the id '{b.id}'; block ids must be unique in a document")
            seen.add(b.id)
    check_links(doc, where)


def check_document(doc, where: str = "") -> None:
    """A model.Document before layout: its shape (see check_shape) and its stories' lengths."""
    check_shape(doc, where)
    check_stories(doc.stories, where)


def check_image_pixels(size: tuple[int, int], where: str) -> None:
    """A picture's pixel size (read from its header, before decoding)."""
    w, h = size
    if w * h > MAX_IMAGE_PIXELS:
        raise UserError(f"the picture is {w} × {h} pixels ({w * h / 1e6:.0f} megapixels); Banmian places "
                        f"pictures of at most {MAX_IMAGE_PIXELS / 1e6:.0f} megapixels", where=where,
                        hint="scale it down in an image editor (300 ppi at the printed size is enough)")


def check_font_count(n: int, where: str) -> None:
    if n > MAX_USER_FONTS:
        raise UserError(f"the font folder holds {n} fonts; Banmian reads the first {MAX_USER_FONTS} "
                        "(by file name)", where=where, hint="remove fonts the paper does not use")
