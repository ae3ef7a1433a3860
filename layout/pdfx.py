"""PDF/X-1a structures written by reportlab as it saves the export: OutputIntent with a CMYK output
profile, GTS_PDFXVersion, Trapped, Info dates, PDF 1.3 (reportlab writes the document ID). No
post-pass: the file is written once and pikepdf is not imported on the export path (≈ 50 ms).

PDF/X-1a:2001 rather than PDF/X-4: newspaper plants' CTP workflows (and most Chinese plants'
RIPs) still ask for X-1a; it forbids what a newsprint page must not have anyway (RGB, transparency,
unembedded fonts), and Banmian's pages have no transparency that X-4 would keep live.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import os
import zlib
from pathlib import Path
from typing import Optional

from reportlab.pdfbase import pdfdoc as pd

from .errors import UserError
from .fonts import read_cached, write_cached

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


class _Deflated:
    """A FlateDecode filter whose output is known already: the profile as deflated once."""

    pdfname = "FlateDecode"

    def __init__(self, data: bytes) -> None:
        self.data = data

    def encode(self, _content: bytes) -> bytes:
        return self.data


def _profile_facts(path: str) -> tuple[str, bytes, bytes]:
    """(description, bytes, bytes deflated at zlib's default level, as reportlab would) of a
    profile. Cached beside the font metrics, keyed by path, size and mtime: deflating the 230 KB
    bundled profile (8 ms) and importing Pillow's ImageCms for its description (8 ms) would
    otherwise be paid by every exporting process for the same answer."""
    st = os.stat(path)
    key = hashlib.sha1(f"icc|{os.path.abspath(path)}|{st.st_size}|{st.st_mtime_ns}".encode()).hexdigest()
    facts = read_cached(f"{key}.icc.pickle")
    if facts is None:
        data = Path(path).read_bytes()
        facts = (profile_description(path), data, zlib.compress(data))
        write_cached(f"{key}.icc.pickle", facts)
    return facts


def pdf_date(when: _dt.datetime) -> str:
    """A PDF date string, D:YYYYMMDDHHmmSS+hh'mm'."""
    off = when.utcoffset() or _dt.timedelta(0)
    sign = "+" if off >= _dt.timedelta(0) else "-"
    mins = abs(int(off.total_seconds())) // 60
    return when.strftime("D:%Y%m%d%H%M%S") + f"{sign}{mins // 60:02d}'{mins % 60:02d}'"


class _Info(pd.PDFInfo):
    """The document Info dictionary: reportlab's keys, the export's dates, and the PDF/X keys
    (reportlab's PDFInfo.format writes a fixed set of keys)."""

    def __init__(self, base: pd.PDFInfo, stamp: str, extra: dict) -> None:
        super().__init__()
        self.base = base  # reportlab's PDFInfo, filled by canvas.setTitle() and friends
        self.stamp = stamp
        self.extra = extra

    def digest(self, md5object) -> None:
        self.base.digest(md5object)  # the document ID is a digest of the content and these

    def format(self, document) -> bytes:
        b = self.base
        d = {"Title": pd.PDFString(b.title), "Author": pd.PDFString(b.author),
             "CreationDate": pd.PDFString(self.stamp), "ModDate": pd.PDFString(self.stamp),
             "Producer": pd.PDFString(b.producer), "Creator": pd.PDFString(b.creator),
             "Subject": pd.PDFString(b.subject), "Keywords": pd.PDFString(b.keywords),
             "Trapped": pd.PDFName("False")}
        d.update({k: pd.PDFString(v) for k, v in self.extra.items()})
        return pd.PDFDictionary(d).format(document)


def make_pdfx(canv, profile: str, title: str = "", pdfx: bool = True, output_condition: str = "",
              when: Optional[_dt.datetime] = None) -> None:
    """Make the reportlab canvas `canv` (before its save()) write a PDF/X-1a file: PDF 1.3, the
    OutputIntent in the catalog, the GTS_PDFX keys, Trapped, dates and title in Info; reportlab
    writes the document ID. With pdfx=False (e.g. RGB pictures kept) only the dates, Trapped
    and the title. Written by reportlab itself as it saves, so the file is written once."""
    doc = canv._doc
    when = when or _dt.datetime.now().astimezone()
    if title:
        doc.info.title = title
    extra = {}
    if pdfx:
        desc, data, deflated = _profile_facts(profile)
        icc = pd.PDFStream(content=data, filters=[_Deflated(deflated)] if doc.compression else [])
        icc.dictionary["N"] = 4
        intent = pd.PDFDictionary({
            "Type": pd.PDFName("OutputIntent"), "S": pd.PDFName("GTS_PDFX"),
            "OutputConditionIdentifier": pd.PDFString(output_condition or "Custom"),
            "OutputCondition": pd.PDFString(desc if not output_condition else output_condition),
            "RegistryName": pd.PDFString("http://www.color.org"),
            "Info": pd.PDFString(desc),
            "DestOutputProfile": doc.Reference(icc, "BMOutputProfile")})
        cat = doc.Catalog
        # reportlab's catalog writes only the keys its class lists: list this one for this document
        cat.__NoDefault__ = [*type(cat).__NoDefault__, "OutputIntents"]
        cat.OutputIntents = pd.PDFArray([intent])
        extra = {"GTS_PDFXVersion": PDFX_VERSION, "GTS_PDFXConformance": PDFX_CONFORMANCE}
        doc._pdfVersion = (1, 3)  # PDF/X-1a:2001 is PDF 1.3 (reportlab writes no object streams)
    doc.info = _Info(doc.info, pdf_date(when), extra)
