"""Print PDF export: paints the display list with reportlab into a PDF a print plant accepts.

The painter makes no layout decisions: each glyph is drawn at the origin the engine gave it.
Page coordinates (top-left of the trim, y down) are flipped once, in `PageGeometry`; the PDF
page is the trim enlarged by the bleed and a slug band for the marks. Everything is DeviceCMYK;
100 K text and rules overprint. The file is written to a temporary name beside the target,
written as PDF/X by reportlab itself (layout/pdfx) and only then renamed, so a failure never leaves a
half-written PDF under the target name. Glyphs are shown by glyph id in one Type0 font per face,
embedded by layout/pdf_fonts as a subset of the glyphs drawn.
"""
from __future__ import annotations

import datetime as _dt
import os
import tempfile
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional, Sequence

from .display import BLACK, CMYK, BoxItem, GlyphRun, ImageItem, PageDisplay, RuleItem, Finding
from .document_io import published_mode
from .errors import UserError
from .fonts import FontRegistry, default_registry
from .marks import Circle, SlugInfo, page_marks
from .pdf_fonts import DocumentFonts, initial_font_name
from .units import mm

GREY_PLACEHOLDER: CMYK = (0.0, 0.0, 0.0, 0.25)


@dataclass(frozen=True)
class PdfOptions:
    """How to export.

    bleed: points beyond the trim on every side; None = each page's own (PageDisplay.bleed).
    marks: crop and registration marks and the slug line, in a band of `slug` points beyond the
      bleed; without marks the MediaBox is the BleedBox.
    rgb_images: convert (to CMYK through the output profile) | keep (embed as they are; the
      file is then not PDF/X-1a and preflight warns).
    pdfx: write the PDF/X-1a OutputIntent and keys (layout/pdfx). icc_profile: the plant's CMYK
      profile (.icc); None = the bundled newsprint stand-in. output_condition: the registered
      characterisation name that goes with the plant's profile (e.g. "IFRA26").
    force: export although preflight found errors.
    """

    bleed: Optional[float] = None
    marks: bool = True
    slug: float = mm(10)
    rgb_images: str = "convert"
    jpeg_quality: int = 92
    pdfx: bool = True
    icc_profile: Optional[str] = None
    output_condition: str = ""
    min_ppi: float = 200.0
    force: bool = False


@dataclass(frozen=True)
class PdfMeta:
    """What the document and its slug lines say. sections: per page (版名), by page position."""

    title: str = ""
    paper: str = ""
    date: str = ""  # as printed, e.g. 2023-11-20
    edition: str = ""
    sections: tuple[str, ...] = ()
    author: str = ""

    def section(self, index: int) -> str:
        return self.sections[index] if index < len(self.sections) else ""


@dataclass(frozen=True)
class PdfResult:
    """What an export wrote: files, per-page font objects, preflight findings, timings (s)."""

    paths: tuple[str, ...]
    pages: int
    font_objects: tuple[int, ...] = ()
    findings: tuple[Finding, ...] = ()
    timings: dict = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    images: tuple[tuple[str, float], ...] = ()  # (file, effective ppi as placed) per placed picture

    def __iter__(self):
        """Iterating a result gives the files written."""
        return iter(self.paths)


@dataclass(frozen=True)
class PageGeometry:
    """The page boxes in PDF points (origin bottom-left of the MediaBox, y up)."""

    width: float
    height: float
    bleed: float
    margin: float  # MediaBox edge to trim edge

    @property
    def media(self) -> tuple[float, float, float, float]:
        return (0.0, 0.0, self.width + 2 * self.margin, self.height + 2 * self.margin)

    @property
    def trim(self) -> tuple[float, float, float, float]:
        m = self.margin
        return (m, m, m + self.width, m + self.height)

    @property
    def bleed_box(self) -> tuple[float, float, float, float]:
        m, b = self.margin, self.bleed
        return (m - b, m - b, m + self.width + b, m + self.height + b)

    def x(self, x: float) -> float:
        return self.margin + x

    def y(self, y: float) -> float:
        """The one place y is flipped: page y (down from the trim's top) → PDF y (up)."""
        return self.margin + self.height - y


def geometry(page: PageDisplay, options: PdfOptions) -> PageGeometry:
    bleed = page.bleed if options.bleed is None else options.bleed
    margin = bleed + (options.slug if options.marks else 0.0)
    return PageGeometry(page.width, page.height, bleed, margin)


@lru_cache(maxsize=4096)  # a page asks ~5 500 times for ~400 values (justification's TJ gaps)
def _n(v: float) -> str:
    """A compact PDF number."""
    s = f"{v:.3f}".rstrip("0").rstrip(".")
    return "0" if s in ("", "-0") else s


def _cmyk(c: CMYK) -> str:
    return " ".join(_n(v) for v in c)


class _Painter:
    """Walks one page's display list into reportlab canvas operators."""

    def __init__(self, canv, fonts: DocumentFonts, options: PdfOptions, profile: Optional[str]) -> None:
        self.c = canv
        self.fonts = fonts
        self.options = options
        self.profile = profile
        self.notes: list[str] = []
        self.images: list[tuple[str, float]] = []

    # -- state
    def op(self, s: str) -> None:
        self.c._code.append(s)

    def set_overprint(self, on: bool) -> None:
        """Overprint for 100 K only: a knocked-out black hairline mis-registers on newsprint,
        while overprinting any other colour (or white) would change or hide it."""
        # reportlab's ExtGState remembers the value and follows saveState/restoreState, but
        # writes `op` again for every call while OP is on: skip when nothing changes.
        if self.c._extgstate.getValue("OP") == on and self.c._extgstate.getValue("op") == on:
            return
        self.c._extgstate.set(self.c, "OP", on)
        self.c._extgstate.set(self.c, "op", on)

    def fill(self, color: CMYK) -> None:
        self.set_overprint(tuple(color) == BLACK)
        self.op(f"{_cmyk(color)} k")

    def stroke(self, color: CMYK) -> None:
        self.set_overprint(tuple(color) == BLACK)
        self.op(f"{_cmyk(color)} K")

    # -- page
    def page(self, page: PageDisplay, geo: PageGeometry, marks: Sequence) -> None:
        self.c._extgstate.set(self.c, "OPM", 1)
        bx0, by0, bx1, by1 = geo.bleed_box
        # Content stops at the bleed edge; the marks live outside it.
        self.c.saveState()
        self.op(f"{_n(bx0)} {_n(by0)} {_n(bx1 - bx0)} {_n(by1 - by0)} re W n")
        for item in page.items:
            self.item(item, geo)
        self.c.restoreState()
        for item in marks:
            self.item(item, geo)

    def item(self, item, geo: PageGeometry) -> None:
        if isinstance(item, GlyphRun) and item.role == "slug":
            self.outlines(item, geo)
        elif isinstance(item, GlyphRun):
            self.glyphs(item, geo)
        elif isinstance(item, RuleItem):
            self.rule(item, geo)
        elif isinstance(item, BoxItem):
            self.box(item, geo)
        elif isinstance(item, ImageItem):
            self.image(item, geo)
        elif isinstance(item, Circle):
            self.stroke(item.color)
            self.op(f"{_n(item.width)} w")
            self.c.circle(geo.x(item.cx), geo.y(item.cy), item.r, stroke=1, fill=0)

    def _dash(self, dash: tuple[float, ...]) -> None:
        self.op(f"[{' '.join(_n(d) for d in dash)}] 0 d")

    def rule(self, r: RuleItem, geo: PageGeometry) -> None:
        self.stroke(r.color)
        self.op(f"{_n(r.width)} w")
        self._dash(r.dash)
        self.op(f"{_n(geo.x(r.x1))} {_n(geo.y(r.y1))} m {_n(geo.x(r.x2))} {_n(geo.y(r.y2))} l S")

    def box(self, b: BoxItem, geo: PageGeometry) -> None:
        rect = f"{_n(geo.x(b.x))} {_n(geo.y(b.y + b.h))} {_n(b.w)} {_n(b.h)} re"
        if b.fill is not None:
            self.fill(b.fill)
            self.op(f"{rect} f")
        if b.stroke is not None:
            self.stroke(b.stroke)
            self.op(f"{_n(b.stroke_width)} w")
            self._dash(b.dash)
            self.op(f"{rect} S")

    # -- text
    def outlines(self, run: GlyphRun, geo: PageGeometry) -> None:
        """Glyphs drawn as filled outlines, not text: the slug line and placeholder labels are
        marks, not page content, so they must not read back as text of the page."""
        from .outline_pen import glyph_path_ops

        self.fill(run.color)
        ops = []
        for i, gid in enumerate(run.glyphs):
            ops += glyph_path_ops(self.fonts.registry.path(run.font), gid, run.size,
                                  geo.x(run.xs[i]), geo.y(run.ys[i]))
        if ops:
            self.op(" ".join(ops) + " f")

    def glyphs(self, run: GlyphRun, geo: PageGeometry) -> None:
        """One BT/ET per run, its face selected once: a Tm where the run starts or turns, TJ with
        kerning numbers where glyphs sit off their natural advance on the same baseline, Td for a
        new baseline. Glyphs are shown by their 2-byte CIDs (layout/pdf_fonts)."""
        if not run.glyphs:
            return
        font = self.fonts.face(run.font)
        face = self.fonts.registry.face(run.font)
        size = run.size
        self.fill(run.color)
        out = ["BT", f"/{font.resource} {_n(size)} Tf"]
        tj: list[str] = []
        buf: list[str] = []
        pen: Optional[tuple[float, float]] = None  # where the next glyph would fall (PDF)
        line = (0.0, 0.0)  # origin of the text line matrix, for Td
        upright = True

        def flush_string() -> None:
            if buf:
                tj.append("<" + "".join(buf) + ">")
                buf.clear()

        def flush() -> None:
            flush_string()
            if tj:
                out.append(f"{tj[0]} Tj" if len(tj) == 1 and tj[0][0] == "<" else f"[{' '.join(tj)}] TJ")
                tj.clear()

        for i, gid in enumerate(run.glyphs):
            code = font.cid(gid, run.text[i] if i < len(run.text) else "")
            x, y = geo.x(run.xs[i]), geo.y(run.ys[i])
            rotated = bool(run.rotated and i < len(run.rotated) and run.rotated[i])
            if rotated or not upright or pen is None:
                flush()
                # 90° clockwise about the origin: the glyph's x axis points down the page.
                out.append(f"{'0 -1 1 0' if rotated else '1 0 0 1'} {_n(x)} {_n(y)} Tm")
                line, upright = (x, y), not rotated
            elif abs(y - pen[1]) > 0.0005:
                flush()
                out.append(f"{_n(x - line[0])} {_n(y - line[1])} Td")
                line = (x, y)
            elif abs(x - pen[0]) > 0.0005:
                flush_string()
                tj.append(_n(-(x - pen[0]) * 1000.0 / size))
            buf.append(f"{code:04X}")
            adv = face.advance(gid) * size
            pen = (x, y - adv) if rotated else (x + adv, y)
        flush()
        out.append("ET")
        self.op(" ".join(out))

    # -- images
    def image(self, item: ImageItem, geo: PageGeometry) -> None:
        from .pdfimage import effective_ppi, image_info, prepare_image

        if item.missing or not os.path.exists(item.path):
            self.placeholder(item, geo)
            return
        placed = prepare_image(item.path, self.options.rgb_images, self.profile,
                               self.options.jpeg_quality)
        px = item.pixel_size if item.pixel_size[0] > 0 else image_info(item.path).size
        self.images.append((item.path, effective_ppi(px, item.crop, item.w, item.h)))
        cx, cy, cw, ch = item.crop
        full_w, full_h = item.w / cw, item.h / ch
        x0, y0 = item.x - cx * full_w, item.y - cy * full_h
        self.c.saveState()
        self.op(f"{_n(geo.x(item.x))} {_n(geo.y(item.y + item.h))} {_n(item.w)} {_n(item.h)} re W n")
        self.c.drawImage(placed.source, geo.x(x0), geo.y(y0 + full_h), full_w, full_h)
        self.c.restoreState()
        if placed.note:
            self.notes.append(f"{item.path}: {placed.note}")

    def placeholder(self, item: ImageItem, geo: PageGeometry) -> None:
        """A grey frame with a cross and the file name, so the missing picture cannot go unseen."""
        self.box(BoxItem(item.x, item.y, item.w, item.h, fill=GREY_PLACEHOLDER, stroke=BLACK), geo)
        self.rule(RuleItem(item.x, item.y, item.x + item.w, item.y + item.h), geo)
        self.rule(RuleItem(item.x + item.w, item.y, item.x, item.y + item.h), geo)
        from .typeset import TextStyle, set_paragraph

        # an empty picture box says where the photo goes; a lost file says which file is lost
        text = f"缺图 {item.label or os.path.basename(item.path)}" if item.path else "图片位置"
        style = TextStyle(role="hei", size=8.0, indent=0.0, align="left")
        for n, line in enumerate(set_paragraph(text, max(item.w - 8, 20), style,
                                               self.fonts.registry)[:3]):
            for run in line.runs(item.x + 4, item.y + 12 + n * 10, style, role="placeholder"):
                self.outlines(run, geo)  # a mark for the make-up desk, not text of the page


def _check_folder(folder: Path) -> None:
    if not folder.is_dir():
        raise UserError("the output folder does not exist", where=str(folder),
                        hint="create it or choose another folder")
    if not os.access(folder, os.W_OK):
        raise UserError("the output folder cannot be written", where=str(folder),
                        hint="choose a folder you may write to")


def _render(pages: Sequence[PageDisplay], tmp: str, options: PdfOptions, meta: PdfMeta,
            fonts: FontRegistry, profile: Optional[str], exported: str,
            page_numbers: Sequence[int], finish) -> tuple[list[str], list[tuple[str, float]], int]:
    """Paint every page into `tmp`; `finish(canvas)` runs just before reportlab writes the file
    (the PDF/X structures). Returns notes, placed pictures and the number of font objects
    (every page's resources name the document's one font dictionary)."""
    from reportlab import rl_config
    from reportlab.pdfgen import canvas as rl_canvas

    # JPEGs go in as the file's own bytes: no ASCII85 wrapping (binary PDF is fine for plants).
    saved_a85, rl_config.useA85 = rl_config.useA85, 0
    try:
        return _paint_all(pages, tmp, options, meta, fonts, profile, exported, page_numbers, rl_canvas,
                          finish)
    finally:
        rl_config.useA85 = saved_a85


def _paint_all(pages, tmp, options, meta, fonts, profile, exported, page_numbers, rl_canvas, finish):
    # The canvas's initial font names no font at all, so no unembedded Helvetica ever appears.
    canv = rl_canvas.Canvas(tmp, initialFontName=initial_font_name(), pageCompression=1,
                            pdfVersion=(1, 3), invariant=False)
    fontset = DocumentFonts(fonts, canv._doc)
    canv.setTitle(meta.title or "Banmian")
    canv.setAuthor(meta.author)
    canv.setCreator("Banmian 版面")
    canv.setProducer("Banmian 版面 (reportlab)")
    painter = _Painter(canv, fontset, options, profile)
    for page, number in zip(pages, page_numbers):
        geo = geometry(page, options)
        canv.setPageSize(geo.media[2:])
        canv.setTrimBox(geo.trim)
        canv.setBleedBox(geo.bleed_box)
        marks = []
        if options.marks:
            info = SlugInfo(section=meta.section(number), page=page.label or str(number + 1),
                            date=meta.date, edition=meta.edition, exported=exported)
            marks = page_marks(page.width, page.height, geo.bleed, info, fonts)
        painter.page(page, geo, marks)
        canv.showPage()
    finish(canv)
    canv.save()
    return list(painter.notes), painter.images, len(canv._doc.idToObject["BasicFonts"].dict)


def write_pdf(pages: Sequence[PageDisplay], out_path, options: PdfOptions = PdfOptions(),
              meta: Optional[PdfMeta] = None, *, fonts: Optional[FontRegistry] = None,
              page_numbers: Optional[Sequence[int]] = None,
              findings: Optional[Sequence[Finding]] = None) -> PdfResult:
    """Export pages as one print PDF at `out_path`, atomically. Raises UserError when preflight
    finds errors (unless options.force), or when an input or the output cannot be used.
    findings: the caller's preflight of exactly these pages with these options, so that it is
    not run twice; None runs it here."""
    from .pdfx import make_pdfx, resolve_profile
    from .preflight import preflight_pages

    fonts = fonts or default_registry()
    meta = meta or PdfMeta()
    out = Path(out_path)
    numbers = list(page_numbers) if page_numbers is not None else [p.page_index for p in pages]
    timings: dict[str, float] = {}
    t = time.perf_counter()
    if findings is None:
        findings = preflight_pages(pages, fonts=fonts, min_ppi=options.min_ppi,
                                   rgb_images=options.rgb_images)
    timings["preflight"] = time.perf_counter() - t
    errors = [f for f in findings if f.severity == "error"]
    if errors and not options.force:
        first = errors[0]
        raise UserError(f"preflight found {len(errors)} error(s); first: page {first.page + 1}"
                        f"{' block ' + first.block if first.block else ''}: {first.message}",
                        where=str(out), hint="fix them, or export with force")
    _check_folder(out.parent if str(out.parent) else Path("."))
    profile = resolve_profile(options.icc_profile)
    exported = _dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".part")
    os.close(fd)
    try:
        rgb_kept = options.rgb_images == "keep" and any(
            f.code == "rgb-image" for f in findings)

        def finish(canv) -> None:
            t = time.perf_counter()
            make_pdfx(canv, profile, title=meta.title or out.stem, pdfx=options.pdfx and not rgb_kept,
                      output_condition=options.output_condition)
            timings["pdfx"] = time.perf_counter() - t

        t = time.perf_counter()
        notes, images, font_objects = _render(pages, tmp, options, meta, fonts, profile, exported,
                                              numbers, finish)
        timings["paint"] = time.perf_counter() - t - timings["pdfx"]
        counts = (font_objects,) * len(pages)
        os.chmod(tmp, published_mode(out))
        os.replace(tmp, out)
    except OSError as e:
        raise UserError(f"cannot write the PDF ({e.strerror or e})", where=str(out),
                        hint="free some disk space or choose a folder you may write to") from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    if rgb_kept:
        notes.append("RGB images kept as they are: the file is not PDF/X-1a")
    return PdfResult(paths=(str(out),), pages=len(pages), font_objects=counts,
                     findings=tuple(findings), timings=timings, notes=tuple(notes), images=tuple(images))


def page_file_name(pattern: str, page: PageDisplay, index: int, meta: PdfMeta) -> str:
    """A per-page file name from a pattern with {date} {page} {section} {edition} {n}."""
    date = meta.date.replace("-", "").replace("/", "")
    name = pattern.format(date=date, page=page.label or f"{index + 1:02d}",
                          section=meta.section(index), edition=meta.edition, n=index + 1)
    for bad in '/\\:*?"<>|':
        name = name.replace(bad, "_")
    name = name.replace("--", "-").strip("-_ ")
    return name if name.lower().endswith(".pdf") else name + ".pdf"


def write_pdf_per_page(pages: Sequence[PageDisplay], folder, pattern: str = "{date}-{page}-{section}.pdf",
                       options: PdfOptions = PdfOptions(), meta: Optional[PdfMeta] = None, *,
                       fonts: Optional[FontRegistry] = None) -> PdfResult:
    """Export one PDF per page into `folder`, named by `pattern` (e.g. 20231120-A05-基层.pdf)."""
    meta = meta or PdfMeta()
    folder = Path(folder)
    _check_folder(folder)
    names = [page_file_name(pattern, p, i, meta) for i, p in enumerate(pages)]
    if len(set(names)) != len(names):
        raise UserError("the file name pattern gives two pages the same name", where=pattern,
                        hint="add {page} or {n} to the pattern")
    paths, counts, findings, notes, images = [], [], [], [], []
    timings: dict[str, float] = {}
    for i, (page, name) in enumerate(zip(pages, names)):
        r = write_pdf([page], folder / name, options, meta, fonts=fonts, page_numbers=[i])
        paths += r.paths
        counts += r.font_objects
        findings += r.findings
        notes += r.notes
        images += r.images
        for k, v in r.timings.items():
            timings[k] = timings.get(k, 0.0) + v
    return PdfResult(paths=tuple(paths), pages=len(pages), font_objects=tuple(counts),
                     findings=tuple(findings), timings=timings, notes=tuple(notes), images=tuple(images))
