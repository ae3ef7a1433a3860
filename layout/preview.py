"""PNG previews of an exported PDF at a chosen resolution, rendered with PDFium (pypdfium2).

PDFium rather than poppler's pdftoppm: it renders in-process from a pip wheel on Linux, macOS and
Windows alike (an editor's desktop has no poppler-utils), page by page without a subprocess or
temporary files, and it is the same renderer Chromium uses for the PDFs editors open. The
preview shows the MediaBox (marks and slug included) unless `trim_only`.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional, Sequence

from .errors import UserError


def write_png(pdf_path, out_dir, dpi: float = 50.0, pages: Optional[Sequence[int]] = None,
               trim_only: bool = False, stem: Optional[str] = None) -> list[str]:
    """Render pages (0-based; None = all) of `pdf_path` to `out_dir/{stem}-{n}.png` at `dpi`."""
    import pypdfium2 as pdfium

    out = Path(out_dir)
    if not out.is_dir():
        raise UserError("the preview folder does not exist", where=str(out), hint="create it first")
    try:
        doc = pdfium.PdfDocument(str(pdf_path))
    except (pdfium.PdfiumError, OSError) as e:
        raise UserError(f"cannot open the PDF for a preview ({e})", where=str(pdf_path)) from None
    stem = stem or Path(pdf_path).stem
    written: list[str] = []
    try:
        for i in (range(len(doc)) if pages is None else pages):
            page = doc[i]
            crop = (0, 0, 0, 0)
            if trim_only:
                # Crop from the MediaBox to the TrimBox (PDFium's crop is left, bottom, right, top).
                mx0, my0, mx1, my1 = page.get_mediabox()
                tx0, ty0, tx1, ty1 = page.get_trimbox()
                crop = (tx0 - mx0, ty0 - my0, mx1 - tx1, my1 - ty1)
            image = page.render(scale=dpi / 72.0, crop=crop, may_draw_forms=False).to_pil()
            target = out / f"{stem}-{i + 1}.png"
            image.save(target)
            written.append(str(target))
    finally:
        doc.close()
    return written
