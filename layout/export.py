"""Exporting a document: lay out, preflight, write the print PDF (one file or one per page), PNGs.

The CLI and the editor both call `export_document`, so the editor's export is the CLI's export.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Sequence

from .display import Finding, PageDisplay
from .document_io import ImageAccess
from .model import Document


@dataclass(frozen=True)
class ExportResult:
    """What an export did. `refused`: preflight found errors and nothing was written."""

    files: tuple[str, ...] = ()
    pngs: tuple[str, ...] = ()
    findings: tuple[Finding, ...] = ()
    refused: bool = False
    displays: tuple[PageDisplay, ...] = ()
    font_objects: tuple[int, ...] = ()
    images: tuple[tuple[str, float], ...] = ()


def pdf_meta(doc: Document):
    """The PDF's metadata and slug texts from the document's page headers."""
    from .pdf import PdfMeta

    first = doc.pages[0].header if doc.pages else None
    return PdfMeta(title=doc.title or (first.section if first else ""),
                   paper=first.paper if first else "", date=first.date if first else "",
                   edition=first.edition if first else "",
                   sections=tuple(p.header.section for p in doc.pages))


def export_document(doc: Document, out: Optional[str], pages: Optional[Sequence[int]] = None, *,
                    per_page: Optional[str] = None, png: Optional[str] = None, png_dpi: float = 60.0,
                    force: bool = False, displays: Optional[Sequence[PageDisplay]] = None,
                    images: ImageAccess = ImageAccess()) -> ExportResult:
    """Lay out `doc`, preflight the chosen pages (0-based; None = all), and write them.

    out: the PDF file, or with `per_page` (a name pattern) the folder. png: for one page a .png
    file, else a folder (or a file stem: NAME-1.png, NAME-2.png …). Nothing is written when
    preflight finds errors and `force` is off; the findings say why. images: which picture files
    may be read (the document's folder; see layout.document_io.ImageAccess).
    """
    from .pdf import PdfOptions, write_pdf, write_pdf_per_page
    from .preflight import preflight_pages
    from .render import lay_out_document

    if displays is None:
        displays = lay_out_document(doc, images=images)
    idx = list(range(len(displays))) if pages is None else list(pages)
    chosen = [displays[i] for i in idx]
    findings = preflight_pages(chosen, doc)
    if any(f.severity == "error" for f in findings) and not force:
        return ExportResult(findings=tuple(findings), refused=True, displays=tuple(displays))
    meta = pdf_meta(doc)
    options = PdfOptions(force=True)  # preflight was judged above, once
    if per_page:
        result = write_pdf_per_page(chosen, Path(out or "."), pattern=per_page, options=options,
                                    meta=meta)
    else:
        result = write_pdf(chosen, out, options=options, meta=meta, page_numbers=idx, findings=findings)
    pngs: list[str] = []
    if png:
        pngs = _previews(list(result.paths), png, png_dpi)
    return ExportResult(files=tuple(result.paths), pngs=tuple(pngs), findings=tuple(findings),
                        displays=tuple(displays), font_objects=tuple(result.font_objects),
                        images=tuple(result.images))


def _previews(pdfs: list[str], png: str, dpi: float) -> list[str]:
    """PNG previews (trim only) of the written PDFs at `png` (file, folder or stem)."""
    import os
    import tempfile

    from .preview import write_png

    target = Path(png)
    if target.is_dir():
        out: list[str] = []
        for pdf in pdfs:
            out += write_png(pdf, target, dpi=dpi, trim_only=True)
        return out
    folder = target.parent if str(target.parent) else Path(".")
    stem = target.stem if target.suffix.lower() == ".png" else target.name
    with tempfile.TemporaryDirectory(dir=folder) as tmp:
        made: list[str] = []
        for pdf in pdfs:
            made += write_png(pdf, tmp, dpi=dpi, trim_only=True, stem=f"p{len(made)}")
        final = []
        for i, f in enumerate(made):
            name = f"{stem}.png" if len(made) == 1 else f"{stem}-{i + 1}.png"
            os.replace(f, folder / name)
            final.append(str(folder / name))
    return final


def edition_fit_report(doc: Document, displays: Sequence[PageDisplay]) -> list[str]:
    """What an edition changed: characters per story, and every block whose fit differs from the
    source text's layout (s2twp changes lengths: 软件 → 軟體). Empty for a source-text document."""
    if not doc.edition:
        return []
    from dataclasses import replace

    from .convert import convert_document_stories, edition_report
    from .render import lay_out_document

    lines = [f"edition {doc.edition}: {c.story_id}: {c.chars_changed} character(s) changed, "
             f"length {c.length_before} → {c.length_after}"
             for c in edition_report(doc.stories, convert_document_stories(doc)) if c.chars_changed]
    source = lay_out_document(replace(doc, edition=""))
    for src, ed in zip(source, displays):
        before = {b.block_id: b.fit_label or "fits" for b in src.blocks}
        for b in ed.blocks:
            after = b.fit_label or "fits"
            if before.get(b.block_id, "fits") != after:
                lines.append(f"edition {doc.edition}: page {ed.page_index + 1}, block {b.block_id} "
                             f"({b.story_id}): {before.get(b.block_id, 'fits')} → {after}")
    return lines
