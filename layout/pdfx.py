"""PDF/X-1a post-pass (pikepdf): OutputIntent with a CMYK output profile, GTS_PDFXVersion, Trapped,
document ID, Info dates, PDF 1.3 — what reportlab cannot write itself.

PDF/X-1a:2001 rather than PDF/X-4: newspaper plants' CTP workflows (and most Chinese plants'
RIPs) still ask for X-1a; it forbids what a newsprint page must not have anyway (RGB, transparency,
unembedded fonts), and Banmian's pages have no transparency that X-4 would keep live.
"""
from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Optional

from .errors import UserError

ICC_DIR = Path(__file__).resolve().parent.parent / "icc"
DEFAULT_PROFILE = ICC_DIR / "BanmianNewsprint.icc"
DEFAULT_CONDITION = "Banmian newsprint stand-in (FOGRA29L, TAC 240%)"
PDFX_VERSION = "PDF/X-1:2001"
PDFX_CONFORMANCE = "PDF/X-1a:2001"


def resolve_profile(path: Optional[str]) -> str:
    """The output profile to use: the plant's when given (checked: a CMYK output profile), else the
    bundled newsprint stand-in."""
    p = Path(path) if path else DEFAULT_PROFILE
    try:
        head = p.read_bytes()[:128]
    except OSError as e:
        raise UserError(f"cannot read the ICC profile ({e.strerror or e})", where=str(p),
                        hint="give the path of the plant's .icc file") from None
    if len(head) < 128 or head[36:40] != b"acsp":
        raise UserError("this is not an ICC profile", where=str(p),
                        hint="ask the plant for its output profile (.icc)")
    if head[16:20] != b"CMYK" or head[12:16] != b"prtr":
        raise UserError(f"the profile is not a CMYK printer profile (it is {head[16:20].decode('latin-1').strip()} "
                        f"{head[12:16].decode('latin-1')})", where=str(p),
                        hint="PDF/X-1a needs the plant's CMYK output profile")
    return str(p)


def profile_description(path: str) -> str:
    from PIL import ImageCms

    try:
        return ImageCms.getProfileDescription(ImageCms.getOpenProfile(path)).strip() or Path(path).stem
    except (OSError, ImageCms.PyCMSError):
        return Path(path).stem


def pdf_date(when: _dt.datetime) -> str:
    """A PDF date string, D:YYYYMMDDHHmmSS+hh'mm'."""
    off = when.utcoffset() or _dt.timedelta(0)
    sign = "+" if off >= _dt.timedelta(0) else "-"
    mins = abs(int(off.total_seconds())) // 60
    return when.strftime("D:%Y%m%d%H%M%S") + f"{sign}{mins // 60:02d}'{mins % 60:02d}'"


def make_pdfx(path: str, profile: str, title: str = "", pdfx: bool = True, output_condition: str = "",
              when: Optional[_dt.datetime] = None) -> None:
    """Rewrite the PDF at `path` in place as PDF/X-1a (or, with pdfx=False, only with the Info
    dates and Trapped key, e.g. when RGB pictures were kept)."""
    import pikepdf

    when = when or _dt.datetime.now().astimezone()
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        for i, page in enumerate(pdf.pages):
            for box in ("/TrimBox", "/BleedBox"):
                if box not in page.obj:
                    raise RuntimeError(f"page {i + 1} has no {box}")  # the painter always writes them
        info = pdf.docinfo
        stamp = pikepdf.String(pdf_date(when))
        info["/CreationDate"] = stamp
        info["/ModDate"] = stamp
        info["/Trapped"] = pikepdf.Name("/False")
        if title:
            info["/Title"] = pikepdf.String(title)
        if pdfx:
            icc = pdf.make_stream(Path(profile).read_bytes())
            icc["/N"] = 4
            desc = profile_description(profile)
            intent = pikepdf.Dictionary(
                Type=pikepdf.Name.OutputIntent, S=pikepdf.Name.GTS_PDFX,
                OutputConditionIdentifier=pikepdf.String(output_condition or "Custom"),
                OutputCondition=pikepdf.String(desc if not output_condition else output_condition),
                RegistryName=pikepdf.String("http://www.color.org"),
                Info=pikepdf.String(desc),
                DestOutputProfile=icc)
            pdf.Root.OutputIntents = pikepdf.Array([intent])
            info["/GTS_PDFXVersion"] = pikepdf.String(PDFX_VERSION)
            info["/GTS_PDFXConformance"] = pikepdf.String(PDFX_CONFORMANCE)
        # PDF/X-1a:2001 is PDF 1.3: no object streams; qpdf writes a fresh document /ID.
        pdf.save(path, force_version="1.3" if pdfx else None,
                 object_stream_mode=pikepdf.ObjectStreamMode.disable, fix_metadata_version=False)
