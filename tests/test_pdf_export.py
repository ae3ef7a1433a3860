"""Print PDF export read back: structure (qpdf, pdffonts, pikepdf boxes and OutputIntent), colour
operators, embedded JPEG bytes, per-page names, atomic writes and bad input."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest

from layout.display import BLACK, ImageItem, PageDisplay, RuleItem
from layout.errors import UserError
from layout.fonts import FontEntry, FontRegistry
from layout.pdf import PdfMeta, PdfOptions, write_pdf, write_pdf_per_page
from layout.typeset import TextStyle, set_paragraph
from pdf_pages import make_jpeg, sample_page

META = PdfMeta(title="基层", date="2023-11-20", edition="第1版", sections=("基层", "要闻"))
FORCE = PdfOptions(force=True)  # the sample copy is longer than one page: overset is expected


@pytest.fixture(scope="module")
def photo(tmp_path_factory) -> Path:
    return make_jpeg(tmp_path_factory.mktemp("img") / "photo.jpg", (1200, 800), "CMYK")


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory, photo):
    out = tmp_path_factory.mktemp("pdf") / "sample.pdf"
    result = write_pdf([sample_page(image=str(photo))], out, FORCE, META)
    return out, result


def _tool(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=False).stdout


@pytest.mark.skipif(not shutil.which("qpdf"), reason="qpdf not installed")
def test_qpdf_check_is_clean(sample_pdf):
    out = subprocess.run(["qpdf", "--check", str(sample_pdf[0])], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "No syntax or stream encoding errors" in out.stdout


@pytest.mark.skipif(not shutil.which("pdffonts"), reason="pdffonts not installed")
def test_pdffonts_every_font_embedded_with_tounicode(sample_pdf):
    rows = _tool("pdffonts", str(sample_pdf[0])).splitlines()[2:]
    assert rows, "no fonts listed"
    for row in rows:
        cols = row.split()
        emb, sub, uni = cols[-5], cols[-4], cols[-3]
        assert (emb, sub, uni) == ("yes", "yes", "yes"), row
        assert "Helvetica" not in row


def test_boxes_and_output_intent_on_every_page(sample_pdf):
    with pikepdf.open(sample_pdf[0]) as pdf:
        assert pdf.pdf_version == "1.3"
        intents = pdf.Root.OutputIntents
        assert intents[0].S == pikepdf.Name.GTS_PDFX
        icc = intents[0].DestOutputProfile
        assert int(icc.N) == 4 and icc.read_bytes()[16:20] == b"CMYK"
        assert str(pdf.docinfo["/GTS_PDFXVersion"]) == "PDF/X-1:2001"
        assert pdf.docinfo["/Trapped"] == pikepdf.Name("/False")
        assert str(pdf.docinfo["/CreationDate"]).startswith("D:")
        assert len(pdf.trailer.ID) == 2
        for page in pdf.pages:
            media = [float(v) for v in page.MediaBox]
            bleed = [float(v) for v in page.BleedBox]
            trim = [float(v) for v in page.TrimBox]
            assert media[0] <= bleed[0] < trim[0] and media[1] <= bleed[1] < trim[1]
            assert trim[2] < bleed[2] <= media[2] and trim[3] < bleed[3] <= media[3]
            assert trim[0] - bleed[0] == pytest.approx(72 * 3 / 25.4, abs=0.01)
            assert trim[2] - trim[0] == pytest.approx(72 * 330 / 25.4, abs=0.01)


def _walk_colours(pdf, page):
    """(operator, fill, stroke, overprint) at every text show, stroke and fill; and RGB operators."""
    gstates = page.Resources.get("/ExtGState", {})
    fill, stroke, op, stack = None, None, False, []
    events, rgb = [], []
    for operands, operator in pikepdf.parse_content_stream(page):
        o = str(operator)
        if o == "q":
            stack.append((fill, stroke, op))
        elif o == "Q":
            fill, stroke, op = stack.pop()
        elif o == "k":
            fill = tuple(float(v) for v in operands)
        elif o == "K":
            stroke = tuple(float(v) for v in operands)
        elif o == "gs":
            g = gstates[str(operands[0])]
            if "/op" in g:
                op = bool(g.op)
        elif o in ("rg", "RG", "sc", "SC", "scn", "SCN", "cs", "CS", "g", "G"):
            rgb.append(o)
        elif o in ("Tj", "TJ", "S", "f", "B"):
            events.append((o, fill, stroke, op, len(stack)))
    return events, rgb


def test_colour_operators_are_cmyk_black_is_100k_and_overprints(sample_pdf):
    with pikepdf.open(sample_pdf[0]) as pdf:
        events, others = _walk_colours(pdf, pdf.pages[0])
    assert others == [], "only DeviceCMYK operators (k/K) may set colour"
    texts = [e for e in events if e[0] in ("Tj", "TJ")]
    assert len(texts) > 400
    for o, fill, stroke, op, depth in events:
        if depth == 0:
            continue  # marks outside the clipped page content: registration colour, checked below
        if o in ("Tj", "TJ"):
            assert fill == BLACK and op, (o, fill, op)
        elif o == "S":
            assert stroke == BLACK, stroke
        elif o == "f":
            assert fill[:3] == (0, 0, 0) and not op, "tints knock out"
    marks = [e for e in events if e[4] == 0 and e[0] == "S"]
    assert marks and all(e[2] == (1, 1, 1, 1) for e in marks)


def test_text_extracts_in_reading_order(sample_pdf):
    text = _tool("pdftotext", "-layout", str(sample_pdf[0]), "-")
    assert "立足小阵地" in text and "服务大民生" in text
    # the slug line is a printer's mark drawn as outlines, so it never reads back as page text
    assert "2023-11-20" not in text and "A05" not in text


def test_slug_line_is_drawn_beyond_the_trim(sample_pdf):
    import pdfplumber

    with pikepdf.open(sample_pdf[0]) as pdf:
        trim_bottom = float(pdf.pages[0].TrimBox[1])
    with pdfplumber.open(sample_pdf[0]) as pdf:
        page = pdf.pages[0]
        shapes = [c for c in page.curves if c.get("fill") and page.height - c["bottom"] < trim_bottom]
    assert len(shapes) >= 10  # the slug's glyph outlines, below the trimmed page


def test_jpeg_bytes_embedded_as_is_and_resolution_reported(sample_pdf, photo):
    out, result = sample_pdf
    with pikepdf.open(out) as pdf:
        images = [xo for xo in pdf.pages[0].Resources.XObject.values() if xo.Subtype == "/Image"]
        assert len(images) == 1
        assert images[0].Filter in (pikepdf.Name.DCTDecode, pikepdf.Array([pikepdf.Name.DCTDecode]))
        assert images[0].read_raw_bytes() == photo.read_bytes()
        assert images[0].ColorSpace == pikepdf.Name.DeviceCMYK
    (path, ppi), = result.images
    # 1200 px across a frame of two columns less 12 pt: 168 pt = 2.33 in.
    assert path == str(photo) and ppi == pytest.approx(800 / (150 / 72), rel=0.01)


def test_font_objects_per_page_reported(sample_pdf):
    _, result = sample_pdf
    with pikepdf.open(sample_pdf[0]) as pdf:
        n = len(pdf.pages[0].Resources.Font.keys())
    assert result.font_objects == (n,) and n >= 3


def test_rgb_photo_is_separated_to_cmyk(tmp_path):
    rgb = make_jpeg(tmp_path / "rgb.jpg", (800, 600), "RGB")
    page = PageDisplay(400, 400, 8.5, (ImageItem(20, 20, 200, 150, str(rgb)),))
    write_pdf([page], tmp_path / "p.pdf", PdfOptions(marks=False))
    with pikepdf.open(tmp_path / "p.pdf") as pdf:
        (im,) = pdf.pages[0].Resources.XObject.values()
        assert im.ColorSpace == pikepdf.Name.DeviceCMYK
        assert "/OutputIntents" in pdf.Root


def test_rgb_photo_kept_on_request_drops_pdfx_claim(tmp_path):
    rgb = make_jpeg(tmp_path / "rgb.jpg", (800, 600), "RGB")
    page = PageDisplay(400, 400, 8.5, (ImageItem(20, 20, 200, 150, str(rgb)),))
    r = write_pdf([page], tmp_path / "p.pdf", PdfOptions(marks=False, rgb_images="keep"))
    with pikepdf.open(tmp_path / "p.pdf") as pdf:
        (im,) = pdf.pages[0].Resources.XObject.values()
        assert im.ColorSpace == pikepdf.Name.DeviceRGB and im.read_raw_bytes() == rgb.read_bytes()
        assert "/GTS_PDFXVersion" not in pdf.docinfo
    assert any(f.code == "rgb-image" and f.severity == "warning" for f in r.findings)


def test_rotated_glyph_turns_clockwise(tmp_path):
    style = TextStyle(size=20.0, indent=0.0)
    (line,) = set_paragraph("AB", 200, style)
    run = line.runs(50, 100, style)[0]
    from dataclasses import replace
    run = replace(run, rotated=(False, True))
    write_pdf([PageDisplay(300, 300, 8.5, (run,))], tmp_path / "r.pdf", PdfOptions(marks=False))
    with pikepdf.open(tmp_path / "r.pdf") as pdf:
        ops = [(str(o), [float(v) for v in a if isinstance(v, (int, float, pikepdf.objects.Object)) and not isinstance(v, pikepdf.Name)])
               for a, o in pikepdf.parse_content_stream(pdf.pages[0]) if str(o) == "Tm"]
    assert ops[0][1][:4] == [1, 0, 0, 1] and ops[1][1][:4] == [0, -1, 1, 0]


def test_missing_picture_gets_a_labelled_placeholder(tmp_path):
    page = PageDisplay(400, 400, 8.5, (ImageItem(20, 20, 200, 150, str(tmp_path / "gone.jpg"), missing=True),))
    write_pdf([page], tmp_path / "m.pdf", PdfOptions(marks=False, force=True))
    # the label is a mark drawn as outlines (not page text): grey box, cross, and glyph shapes
    assert "gone.jpg" not in _tool("pdftotext", str(tmp_path / "m.pdf"), "-")
    import pdfplumber

    with pdfplumber.open(tmp_path / "m.pdf") as pdf:
        p = pdf.pages[0]
        grey = [r for r in p.rects if r.get("non_stroking_color") in ([0, 0, 0, 0.25], (0, 0, 0, 0.25))]
        label = [c for c in p.curves if c.get("fill")]
    assert grey and len(label) >= 8  # "缺图 gone.jpg": one filled outline per glyph at least
    with pikepdf.open(tmp_path / "m.pdf") as pdf:
        assert "/XObject" not in pdf.pages[0].Resources


def test_per_page_files_named_by_pattern(tmp_path):
    style = TextStyle()
    pages = []
    for i, label in enumerate(("A05", "A06")):
        (line,) = set_paragraph("第一段正文", 200, style)
        pages.append(PageDisplay(400, 500, 8.5, tuple(line.runs(40, 60, style)), page_index=i, label=label))
    r = write_pdf_per_page(pages, tmp_path, meta=META)
    assert sorted(os.listdir(tmp_path)) == ["20231120-A05-基层.pdf", "20231120-A06-要闻.pdf"]
    assert r.paths == (str(tmp_path / "20231120-A05-基层.pdf"), str(tmp_path / "20231120-A06-要闻.pdf"))
    with pikepdf.open(r.paths[1]) as pdf:
        assert len(pdf.pages) == 1


def _one_page() -> PageDisplay:
    style = TextStyle()
    (line,) = set_paragraph("正文", 200, style)
    return PageDisplay(300, 300, 8.5, (*line.runs(40, 60, style), RuleItem(10, 10, 100, 10)))


def test_failed_write_leaves_target_untouched(tmp_path, monkeypatch):
    import errno

    import layout.pdfx

    target = tmp_path / "page.pdf"
    target.write_bytes(b"previous edition")

    def disk_full(*a, **k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(layout.pdfx, "make_pdfx", disk_full)
    with pytest.raises(UserError) as e:
        write_pdf([_one_page()], target)
    assert "No space left" in str(e.value)
    assert target.read_bytes() == b"previous edition"
    assert os.listdir(tmp_path) == ["page.pdf"]  # no temporary file left behind


def test_failed_first_write_leaves_no_file(tmp_path, monkeypatch):
    import layout.pdfx

    monkeypatch.setattr(layout.pdfx, "make_pdfx", lambda *a, **k: (_ for _ in ()).throw(OSError(28, "full")))
    with pytest.raises(UserError):
        write_pdf([_one_page()], tmp_path / "new.pdf")
    assert os.listdir(tmp_path) == []


def test_folder_that_does_not_exist_is_a_user_error(tmp_path):
    with pytest.raises(UserError) as e:
        write_pdf([_one_page()], tmp_path / "nope" / "x.pdf")
    assert "folder" in str(e.value)


def test_undecodable_picture_is_a_user_error(tmp_path):
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    page = PageDisplay(300, 300, 8.5, (ImageItem(10, 10, 50, 50, str(bad)),))
    with pytest.raises(UserError) as e:
        write_pdf([page], tmp_path / "x.pdf", PdfOptions(force=True))
    assert "bad.jpg" in str(e.value)
    assert not (tmp_path / "x.pdf").exists()


def test_corrupt_font_is_a_user_error(tmp_path, monkeypatch):
    monkeypatch.setenv("BANMIAN_CACHE", str(tmp_path / "cache"))
    bad = tmp_path / "Broken.ttf"
    bad.write_bytes(b"\x00\x01\x00\x00" + b"garbage" * 50)
    fonts = FontRegistry([FontEntry("Broken", str(bad), "body", "sc")])
    from layout.display import GlyphRun

    run = GlyphRun("Broken", 9.0, (5,), ("字",), (10.0,), (20.0,))
    with pytest.raises(UserError) as e:
        write_pdf([PageDisplay(100, 100, 8.5, (run,))], tmp_path / "x.pdf", PdfOptions(force=True), fonts=fonts)
    assert "Broken.ttf" in str(e.value)
    assert not (tmp_path / "x.pdf").exists()


def test_plants_profile_must_be_cmyk(tmp_path):
    srgb = Path(pikepdf.__file__).parent / "pdfa" / "data" / "sRGB.icc"
    with pytest.raises(UserError) as e:
        write_pdf([_one_page()], tmp_path / "x.pdf", PdfOptions(icc_profile=str(srgb)))
    assert "CMYK" in str(e.value)


def test_every_glyph_origin_is_where_the_display_list_puts_it(tmp_path):
    """Read each glyph's text matrix back with pdfplumber: the origin equals the engine's to 0.01 pt,
    horizontal and vertical runs alike (vertical: one glyph per baseline)."""
    import pdfplumber

    from layout.pdf import geometry

    hstyle = TextStyle(size=9.0)
    lines = set_paragraph("临近中午,杭州市上城区闸弄口街道“蓝天·同心荟”幸福食堂内 LOFT 2023年已香气四溢。", 120, hstyle)
    runs = [r for n, ln in enumerate(lines) for r in ln.runs(40, 60 + n * 13, hstyle)]
    vstyle = TextStyle(role="hei", size=24.0, indent=0.0, vertical=True)
    for ln in set_paragraph("立足小阵地", 300, vstyle):
        runs += ln.runs(300, 40, vstyle)
    page = PageDisplay(400, 400, 8.5, tuple(runs))
    write_pdf([page], tmp_path / "g.pdf", PdfOptions(marks=False))
    geo = geometry(page, PdfOptions(marks=False))
    want = [(r.text[i], geo.x(r.xs[i]), geo.y(r.ys[i])) for r in runs for i in range(len(r.glyphs))]
    with pdfplumber.open(tmp_path / "g.pdf") as pdf:
        chars = pdf.pages[0].chars
    got = [(c["text"], c["matrix"][4], c["matrix"][5]) for c in chars]
    assert [t for t, _, _ in got] == [t for t, _, _ in want]
    for (t, gx, gy), (_, wx, wy) in zip(got, want):
        assert gx == pytest.approx(wx, abs=0.01) and gy == pytest.approx(wy, abs=0.01), t
