"""Preflight of an existing PDF: page boxes, embedded fonts, colour operators, image colour and
resolution — walked with pikepdf, knowing nothing of the program that made the file."""
from __future__ import annotations

from typing import Iterable

from .display import Finding

RGB_OPS = {"rg", "RG"}
REGISTRATION = (1.0, 1.0, 1.0, 1.0)


def _rect(a) -> tuple[float, float, float, float]:
    x0, y0, x1, y1 = (float(v) for v in a)
    return (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))


def _contains(outer, inner, tol: float = 0.01) -> bool:
    return (outer[0] <= inner[0] + tol and outer[1] <= inner[1] + tol
            and outer[2] >= inner[2] - tol and outer[3] >= inner[3] - tol)


def _boxes(page, n: int) -> Iterable[Finding]:
    media = _rect(page.obj.get("/MediaBox", page.mediabox))
    trim = page.obj.get("/TrimBox")
    bleed = page.obj.get("/BleedBox")
    if trim is None:
        yield Finding("error", "page has no TrimBox (the plant cannot tell where to cut)", n, code="boxes")
        return
    trim = _rect(trim)
    if bleed is None:
        yield Finding("warning", "page has no BleedBox", n, code="boxes")
        bleed = trim
    else:
        bleed = _rect(bleed)
    if not _contains(bleed, trim):
        yield Finding("error", "BleedBox does not contain the TrimBox", n, code="boxes")
    if not _contains(media, bleed):
        yield Finding("error", "MediaBox does not contain the BleedBox", n, code="boxes")
    if _contains(trim, bleed) and bleed == trim:
        yield Finding("warning", "no bleed beyond the trim", n, code="boxes")


def _font_embedded(font) -> bool:
    import pikepdf

    sub = font.get("/Subtype")
    if sub == pikepdf.Name.Type3:
        return True
    if sub == pikepdf.Name.Type0:
        font = font.DescendantFonts[0]
    fd = font.get("/FontDescriptor")
    return fd is not None and any(k in fd for k in ("/FontFile", "/FontFile2", "/FontFile3"))


def _colorspace_components(cs) -> int:
    import pikepdf

    if cs is None:
        return 0
    if isinstance(cs, pikepdf.Name):
        return {"/DeviceRGB": 3, "/DeviceCMYK": 4, "/DeviceGray": 1, "/CalRGB": 3}.get(str(cs), 0)
    if isinstance(cs, pikepdf.Array) and len(cs) > 1:
        kind = str(cs[0])
        if kind == "/ICCBased":
            return int(cs[1].get("/N", 0))
        if kind in ("/Indexed",):
            return _colorspace_components(cs[1])
        if kind == "/CalRGB":
            return 3
    return 0


def _mul(a, b):
    return [a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
            a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
            a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5]]


def _walk(container, resources, ctm, n: int, min_ppi: float, out: list, seen_rgb: set, depth: int = 0) -> None:
    """Walk one content stream: colour operators, fonts and images placed with their CTM."""
    import pikepdf

    stack = []
    fonts = resources.get("/Font", {}) if resources is not None else {}
    xobjects = resources.get("/XObject", {}) if resources is not None else {}
    spaces = resources.get("/ColorSpace", {}) if resources is not None else {}
    for operands, op in pikepdf.parse_content_stream(container):
        o = str(op)
        if o == "q":
            stack.append(list(ctm))
        elif o == "Q" and stack:
            ctm = stack.pop()
        elif o == "cm":
            ctm = _mul([float(v) for v in operands], ctm)
        elif o in RGB_OPS and "op" not in seen_rgb:
            seen_rgb.add("op")
            out.append(Finding("error", f"RGB colour operator '{o}' in the page content", n, code="rgb"))
        elif o in ("cs", "CS") and operands:
            name = operands[0]
            cs = spaces.get(str(name)) if str(name) not in ("/DeviceRGB", "/DeviceCMYK", "/DeviceGray") else name
            if _colorspace_components(cs) == 3 and "cs" not in seen_rgb:
                seen_rgb.add("cs")
                out.append(Finding("error", f"RGB colour space {name} in the page content", n, code="rgb"))
        elif o in ("k", "K") and len(operands) == 4:
            c = tuple(float(v) for v in operands)
            if c != REGISTRATION and c[3] >= 0.8 and sum(c[:3]) > 0 and "rich" not in seen_rgb:
                seen_rgb.add("rich")
                out.append(Finding("warning", f"rich black {c} in the page content", n, code="rich-black"))
        elif o == "Do" and operands:
            xo = xobjects.get(str(operands[0]))
            if xo is None:
                continue
            if xo.get("/Subtype") == pikepdf.Name.Image:
                _image(xo, str(operands[0]), ctm, n, min_ppi, out)
            elif xo.get("/Subtype") == pikepdf.Name.Form and depth < 8:
                m = [float(v) for v in xo.get("/Matrix", [1, 0, 0, 1, 0, 0])]
                _walk(xo, xo.get("/Resources", resources), _mul(m, ctm), n, min_ppi, out, seen_rgb, depth + 1)
    for name, font in dict(fonts).items():
        if not _font_embedded(font):
            out.append(Finding("error", f"font {font.get('/BaseFont', name)} is not embedded", n, code="font"))


def _image(xo, name: str, ctm, n: int, min_ppi: float, out: list) -> None:
    if xo.get("/ImageMask", False):
        return
    comps = _colorspace_components(xo.get("/ColorSpace"))
    if comps == 3:
        out.append(Finding("warning", f"image {name} is RGB", n, code="rgb-image"))
    w_pt = (ctm[0] ** 2 + ctm[1] ** 2) ** 0.5
    h_pt = (ctm[2] ** 2 + ctm[3] ** 2) ** 0.5
    if w_pt > 0 and h_pt > 0:
        ppi = min(int(xo.Width) / (w_pt / 72.0), int(xo.Height) / (h_pt / 72.0))
        if ppi < min_ppi:
            sev = "error" if ppi < min_ppi / 2 else "warning"
            out.append(Finding(sev, f"image {name} is {ppi:.0f} ppi as placed (needs {min_ppi:.0f})", n,
                               code="image-ppi"))


def check_pdf(path: str, min_ppi: float = 200.0) -> list[Finding]:
    """All findings for the PDF at `path`; a file that cannot be opened is one error finding."""
    import pikepdf

    try:
        pdf = pikepdf.open(path)
    except (pikepdf.PdfError, OSError) as e:
        return [Finding("error", f"cannot open the PDF: {e}", code="unreadable")]
    out: list[Finding] = []
    with pdf:
        if "/OutputIntents" not in pdf.Root:
            out.append(Finding("warning", "no OutputIntent: the file is not PDF/X", code="pdfx"))
        for n, page in enumerate(pdf.pages):
            out += _boxes(page, n)
            _walk(page, page.obj.get("/Resources"), [1, 0, 0, 1, 0, 0], n, min_ppi, out, set())
    return out
