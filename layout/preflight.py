"""Preflight: what would stop a print plant, found before export (display list) or in any PDF.

Findings carry severity (error | warning | info), page (0-based), block, story and a message.
Errors stop an export unless it is forced; warnings are shown to the editor.
"""
from __future__ import annotations

from typing import Iterable, Optional, Sequence

from .display import BlockFacts, BoxItem, CMYK, Finding, GlyphRun, ImageItem, PageDisplay, RuleItem
from .errors import UserError
from .fonts import FontRegistry, default_registry
from .model import EM_ASCENT

TOLERANCE = 0.5  # points: closer than this to an edge counts as on it
# OS/2 fsType bits that forbid what the export does (embed a subset): restricted licence,
# no subsetting, bitmap embedding only.
FS_RESTRICTED, FS_NO_SUBSET, FS_BITMAP_ONLY = 0x0002, 0x0100, 0x0200


def _is_rich_black(c: CMYK) -> bool:
    return c[3] >= 0.8 and (c[0] + c[1] + c[2]) > 0.0


def _block_at(page: PageDisplay, x: float, y: float) -> Optional[BlockFacts]:
    for b in page.blocks:
        if b.x - TOLERANCE <= x <= b.x + b.w + TOLERANCE and b.y - TOLERANCE <= y <= b.y + b.h + TOLERANCE:
            return b
    return None


def _where(page: PageDisplay, x: float, y: float, story: str = "") -> dict:
    b = _block_at(page, x, y)
    return {"page": page.page_index, "block": b.block_id if b else "", "story": story or (b.story_id if b else "")}


def _blocks(page: PageDisplay) -> Iterable[Finding]:
    # Each run's box of glyph origins, once per page: a block tests a run's origins one by one only
    # when that box straddles the block's edge (a whole page of runs per block was the cost).
    runs = [(min(i.xs), max(i.xs), min(i.ys), max(i.ys), i) for i in page.items
            if isinstance(i, GlyphRun) and i.xs and i.ys]
    centres = [(i.x + i.w / 2, i.y + i.h / 2) for i in page.items if isinstance(i, ImageItem)]
    for b in page.blocks:
        if b.overset_chars > 0:
            yield Finding("error", f"overset text: {b.overset_chars} characters do not fit (超{b.overset_chars}字)",
                          page.page_index, b.block_id, b.story_id, "overset")
        if not _has_content(b, runs, centres):
            yield Finding("warning", "empty block: nothing is set in it", page.page_index, b.block_id,
                          b.story_id, "empty-block")


def _overlaps(page: PageDisplay) -> Iterable[Finding]:
    """Two stories' blocks laid over each other (a block dragged onto its neighbour): where their
    rectangles meet, a character of one is printed over a character of the other."""
    meets = []  # pairs of blocks whose rectangles meet (on a made-up page: none, or an L's notch)
    for i, a in enumerate(page.blocks):
        for b in page.blocks[i + 1:]:
            x0, y0 = max(a.x, b.x), max(a.y, b.y)
            x1, y1 = min(a.x + a.w, b.x + b.w), min(a.y + a.h, b.y + b.h)
            if a.story_id != b.story_id and x1 - x0 >= 1 and y1 - y0 >= 1:
                meets.append((a, b, (x0, y0, x1, y1)))
    if not meets:
        return
    glyphs: dict[str, list[tuple[float, float, float, float]]] = {}
    for run in page.items:
        if isinstance(run, GlyphRun) and run.story_id:
            s = run.size
            glyphs.setdefault(run.story_id, []).extend(
                (x, y - 0.88 * s, x + s, y + 0.12 * s) for x, y in zip(run.xs, run.ys))
    said: set[frozenset] = set()
    for a, b, (x0, y0, x1, y1) in meets:
        pair = frozenset((a.story_id, b.story_id))
        if pair in said:
            continue
        near = lambda g: g[0] < x1 and x0 < g[2] and g[1] < y1 and y0 < g[3]  # noqa: E731
        ga = [g for g in glyphs.get(a.story_id, ()) if near(g)]
        gb = [g for g in glyphs.get(b.story_id, ()) if near(g)]
        if any(_cover(p, q) for p in ga for q in gb):
            said.add(pair)
            yield Finding("error", f"blocks {a.block_id} and {b.block_id} overlap: their text prints over "
                          "each other — move or resize one", page.page_index, a.block_id, a.story_id,
                          "overlap")


def _cover(p: tuple, q: tuple) -> bool:
    """Two glyph boxes share more than a fifth of an em each way (not just touching edges)."""
    w = min(p[2], q[2]) - max(p[0], q[0])
    h = min(p[3], q[3]) - max(p[1], q[1])
    return w > 0.2 * (p[2] - p[0]) and h > 0.2 * (p[3] - p[1])


def _has_content(b: BlockFacts, runs: list, centres: list[tuple[float, float]]) -> bool:
    """Does a glyph origin or a picture's centre lie in the block (edges included)?"""
    bx0, bx1, by0, by1 = b.x, b.x + b.w, b.y, b.y + b.h
    for x0, x1, y0, y1, run in runs:
        if x1 < bx0 or x0 > bx1 or y1 < by0 or y0 > by1:
            continue  # no origin can be inside
        if bx0 <= x0 and x1 <= bx1 and by0 <= y0 and y1 <= by1:
            return True  # every origin is inside
        if any(bx0 <= x <= bx1 and by0 <= y <= by1 for x, y in zip(run.xs, run.ys)):
            return True
    return any(bx0 <= x <= bx1 and by0 <= y <= by1 for x, y in centres)


def _tofu(page: PageDisplay) -> Iterable[Finding]:
    for run in page.glyph_runs():
        missing = [(run.text[i] if i < len(run.text) else "", i) for i, g in enumerate(run.glyphs) if g == 0]
        if not missing:
            continue
        chars = "".join(dict.fromkeys(t for t, _ in missing))
        codes = " ".join(f"U+{ord(c):04X}" for c in chars)
        i = missing[0][1]
        yield Finding("error", f"no font has {chars!r} ({codes}): it would print as an empty box",
                      code="tofu", **_where(page, run.xs[i], run.ys[i], run.story_id))


def _fonts(pages: Sequence[PageDisplay], fonts: FontRegistry) -> Iterable[Finding]:
    seen: set[str] = set()
    for page in pages:
        for run in page.glyph_runs():
            if run.font in seen:
                continue
            seen.add(run.font)
            try:
                fs = fonts.face(run.font).fs_type
            except UserError as e:
                yield Finding("error", e.message, page.page_index, "", run.story_id, "font")
                continue
            why = ("its licence forbids embedding (restricted)" if fs & FS_RESTRICTED else
                   "its licence allows bitmap embedding only" if fs & FS_BITMAP_ONLY else
                   "its licence forbids subsetting" if fs & FS_NO_SUBSET else "")
            if why:
                yield Finding("error", f"font {run.font}: {why} (OS/2 fsType 0x{fs:04X})",
                              code="font-licence", **_where(page, run.xs[0], run.ys[0], run.story_id))


def _images(page: PageDisplay, min_ppi: float, rgb_images: str) -> Iterable[Finding]:
    from .pdfimage import effective_ppi, image_info
    import os

    for im in (i for i in page.items if isinstance(i, ImageItem)):
        where = _where(page, im.x + im.w / 2, im.y + im.h / 2)
        name = os.path.basename(im.path) or im.label
        if not im.path:  # an empty picture box: the editor places the photo later
            yield Finding("warning", "picture box is empty: no picture placed yet (prints as a grey box)",
                          code="image-empty", **where)
            continue
        if im.missing or not os.path.exists(im.path):
            yield Finding("error", f"picture missing: {name}", code="image-missing", **where)
            continue
        try:
            info = image_info(im.path)
        except UserError as e:
            yield Finding("error", e.message, code="image-unreadable", **where)
            continue
        px = im.pixel_size if im.pixel_size[0] > 0 else info.size
        ppi = effective_ppi(px, im.crop, im.w, im.h)
        if ppi < min_ppi:
            sev = "error" if ppi < min_ppi / 2 else "warning"
            yield Finding(sev, f"picture {name} is {ppi:.0f} ppi as placed (needs {min_ppi:.0f})",
                          code="image-ppi", **where)
        if info.is_rgb:
            if rgb_images == "keep":
                yield Finding("warning", f"picture {name} is RGB and is kept as RGB: the plant's RIP "
                              "will separate it (not PDF/X-1a)", code="rgb-image", **where)
            else:
                yield Finding("info", f"picture {name} is RGB; it is converted to CMYK on export",
                              code="rgb-image", **where)


def _extent(item, fonts: FontRegistry) -> Optional[tuple[float, float, float, float]]:
    """Bounding box (x0, y0, x1, y1) of an item on the page, y down."""
    if isinstance(item, (BoxItem, ImageItem)):
        return (item.x, item.y, item.x + item.w, item.y + item.h)
    if isinstance(item, RuleItem):
        h = item.width / 2
        return (min(item.x1, item.x2) - h, min(item.y1, item.y2) - h,
                max(item.x1, item.x2) + h, max(item.y1, item.y2) + h)
    return None


def _edges(page: PageDisplay, fonts: FontRegistry) -> Iterable[Finding]:
    w, h, b = page.width, page.height, page.bleed
    for run in page.glyph_runs():
        face = None
        for i, g in enumerate(run.glyphs):
            x, y = run.xs[i], run.ys[i]
            try:
                face = face or fonts.face(run.font)
                adv = face.advance(g) * run.size
            except UserError:
                adv = run.size
            x0, y0, x1, y1 = x, y - EM_ASCENT * run.size, x + adv, y + (1 - EM_ASCENT) * run.size
            if x0 < -TOLERANCE or y0 < -TOLERANCE or x1 > w + TOLERANCE or y1 > h + TOLERANCE:
                yield Finding("error", f"text {''.join(run.text)[:12]!r} crosses the trim: it would be cut off",
                              code="trim", **_where(page, min(max(x, 0), w), min(max(y, 0), h), run.story_id))
                break
    for item in page.items:
        ext = _extent(item, fonts)
        if ext is None:
            continue
        x0, y0, x1, y1 = ext
        where = _where(page, (x0 + x1) / 2, (y0 + y1) / 2)
        kind = type(item).__name__.replace("Item", "").lower()
        if x1 < -b or y1 < -b or x0 > w + b or y0 > h + b:
            yield Finding("warning", f"{kind} lies outside the bleed: it will not print", code="bleed", **where)
            continue
        # Past the trim but short of the bleed edge: a white sliver shows if the cut wanders.
        short = [over for over in (-x0, -y0, x1 - w, y1 - h) if TOLERANCE < over < b - TOLERANCE]
        if short:
            yield Finding("warning", f"{kind} crosses the trim by {min(short) / 72 * 25.4:.1f} mm but does not "
                          f"reach the bleed ({b / 72 * 25.4:.0f} mm): extend it to the bleed edge or keep it "
                          "inside the trim", code="bleed", **where)


def _rich_black(page: PageDisplay) -> Iterable[Finding]:
    for item in page.items:
        if isinstance(item, GlyphRun) and _is_rich_black(item.color):
            yield Finding("error", f"text in rich black {item.color}: small type must be 100 K only",
                          code="rich-black", **_where(page, item.xs[0], item.ys[0], item.story_id))
        elif isinstance(item, RuleItem) and _is_rich_black(item.color):
            yield Finding("error", f"rule in rich black {item.color}: rules must be 100 K only",
                          code="rich-black", **_where(page, item.x1, item.y1))
        elif isinstance(item, BoxItem):
            for c in (item.fill, item.stroke):
                if c is not None and _is_rich_black(c):
                    yield Finding("warning", f"box in rich black {c}: total ink {sum(c) * 100:.0f}%",
                                  code="rich-black", **_where(page, item.x, item.y))


def preflight_pages(pages: Sequence[PageDisplay], doc=None, *, fonts: Optional[FontRegistry] = None,
                    min_ppi: float = 200.0, rgb_images: str = "convert") -> list[Finding]:
    """Everything a plant would reject in these laid-out pages. `doc` (the Document) is accepted
    for callers that have it; the display list carries all that is checked."""
    fonts = fonts or default_registry()
    out: list[Finding] = []
    for page in pages:
        out += page.findings
        out += _blocks(page)
        out += _overlaps(page)
        out += _tofu(page)
        out += _images(page, min_ppi, rgb_images)
        out += _edges(page, fonts)
        out += _rich_black(page)
    out += _fonts(pages, fonts)
    return _unique(out)


def _unique(findings: list[Finding]) -> list[Finding]:
    """One finding per defect: layout (which knows the story) and the display-list checks can both
    see the same picture; keep the first of each (code, page, block)."""
    absent = ("image-missing", "image-outside", "image-empty")  # one picture, one reason
    seen: set[tuple[str, int, str]] = set()
    out = []
    for f in findings:
        key = ("image-absent" if f.code in absent else f.code, f.page, f.block)
        if f.code and f.block and key in seen:
            continue
        seen.add(key)
        out.append(f)
    return out


def preflight_pdf(path, min_ppi: float = 200.0) -> list[Finding]:
    """Check an existing PDF (Banmian's or not): boxes, embedded fonts, colour spaces, pictures."""
    from .pdfinspect import check_pdf

    return check_pdf(str(path), min_ppi)
