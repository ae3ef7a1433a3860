"""PDF font embedding read back: every face a Type0/CIDFontType2 subset with ToUnicode, embedded
outlines and widths equal to the source font's for the very glyphs drawn, text that extracts in
order (Simplified, Traditional, vertical forms, glyphs no character maps to, tofu), qpdf clean."""
from __future__ import annotations

import functools
import io
import re
import shutil
import struct
import subprocess
from dataclasses import replace
from pathlib import Path

import pikepdf
import pytest
from fontTools.pens.recordingPen import DecomposingRecordingPen
from fontTools.ttLib import TTFont

from layout.display import GlyphRun, PageDisplay
from layout.errors import UserError
from layout.fonts import FontEntry, FontRegistry, default_registry
from layout.pdf import PdfOptions, write_pdf
from layout.pdf_fonts import SfntFile, build_subset
from layout.typeset import TextStyle, set_paragraph
from pdf_pages import sample_page

PLAIN = PdfOptions(marks=False, force=True)
SC = "临近中午，杭州市上城区闸弄口街道“蓝天·同心荟”幸福食堂内已香气四溢。2023年，LOFT空间开放。"
TC = "臨近中午，杭州市上城區閘弄口街道「藍天·同心薈」幸福食堂內已香氣四溢。（二〇二三年）"


def _tool(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(args, capture_output=True, text=True, check=False)


def _runs(text: str, style: TextStyle, x: float, y: float, measure: float = 200) -> list[GlyphRun]:
    return [r for n, ln in enumerate(set_paragraph(text, measure, style))
            for r in ln.runs(x + (n * 30 if style.vertical else 0), y + (0 if style.vertical else n * 14), style)]


def _write(tmp_path: Path, runs, name: str = "p.pdf") -> Path:
    out = tmp_path / name
    write_pdf([PageDisplay(500, 500, 8.5, tuple(runs))], out, PLAIN)
    return out


def _drawn(pdf: pikepdf.Pdf) -> list[tuple[str, int]]:
    """(font resource, code) of every glyph shown on page 1, in content-stream order."""
    out, font = [], None
    for operands, op in pikepdf.parse_content_stream(pdf.pages[0]):
        o = str(op)
        if o == "Tf":
            font = str(operands[0])
        elif o in ("Tj", "TJ"):
            parts = operands[0] if o == "TJ" else [operands[0]]
            for p in parts:
                if isinstance(p, pikepdf.String):
                    b = bytes(p)
                    out += [(font, c) for c in struct.unpack(f">{len(b) // 2}H", b)]
    return out


class _Embedded:
    """One embedded Type0 font read back: its TrueType program, W widths and ToUnicode map."""

    def __init__(self, font: pikepdf.Dictionary) -> None:
        self.font = font
        self.cid_font = font.DescendantFonts[0]
        ff2 = self.cid_font.FontDescriptor.FontFile2
        self.program = ff2.read_bytes()
        assert int(ff2.Length1) == len(self.program)
        self.tt = TTFont(io.BytesIO(self.program))
        self.dw = float(self.cid_font.get("/DW", 1000))
        self.widths: dict[int, float] = {}
        w = list(self.cid_font.get("/W", []))
        i = 0
        while i < len(w):  # c [w1 w2 …]  or  c_first c_last w
            if isinstance(w[i + 1], pikepdf.Array):
                for k, v in enumerate(w[i + 1]):
                    self.widths[int(w[i]) + k] = float(v)
                i += 2
            else:
                for c in range(int(w[i]), int(w[i + 1]) + 1):
                    self.widths[c] = float(w[i + 2])
                i += 3
        cmap = font.ToUnicode.read_bytes().decode("ascii")
        self.text = {int(a, 16): bytes.fromhex(b).decode("utf-16-be")
                     for a, b in re.findall(r"<([0-9A-F]{4})> <([0-9A-F]+)>", cmap)}

    def width(self, cid: int) -> float:
        return self.widths.get(cid, self.dw)

    def outline(self, cid: int) -> list:
        gs = self.tt.getGlyphSet()
        pen = DecomposingRecordingPen(gs)
        gs[self.tt.getGlyphOrder()[cid]].draw(pen)
        return pen.value


@functools.lru_cache(maxsize=None)
def _source(path: str) -> TTFont:
    return TTFont(path, lazy=True)


def _source_outline(path: str, gid: int) -> list:
    tt = _source(path)
    gs = tt.getGlyphSet()
    pen = DecomposingRecordingPen(gs)
    gs[tt.getGlyphOrder()[gid]].draw(pen)
    return pen.value


def _check_glyphs_against_sources(pdf_path: Path, runs, fonts: FontRegistry = None) -> dict:
    """Every glyph drawn is, in the embedded subset, the source font's glyph: same outline (each
    distinct one compared once), same advance in hmtx and W; and it reads back as its text."""
    fonts = fonts or default_registry()
    expected = [(r.font, g, r.text[i]) for r in runs for i, g in enumerate(r.glyphs)]
    with pikepdf.open(pdf_path) as pdf:
        drawn = _drawn(pdf)
        res = pdf.pages[0].Resources.Font
        embedded = {name: _Embedded(res[name]) for name in res.keys()}
    assert len(drawn) == len(expected)
    by_font: dict[str, str] = {}
    checked: set = set()
    for (resource, cid), (key, gid, text) in zip(drawn, expected):
        assert by_font.setdefault(key, resource) == resource, "one font object per face"
        e = embedded[resource]
        assert e.text.get(cid, "") == text
        if (key, gid) in checked:
            continue
        checked.add((key, gid))
        face = fonts.face(key)
        assert e.outline(cid) == _source_outline(face.path, gid), (key, gid)
        name = e.tt.getGlyphOrder()[cid]
        assert e.tt["hmtx"][name][0] == face.advances[gid]
        assert e.width(cid) == pytest.approx(face.advance(gid) * 1000, abs=1e-3)
    return embedded


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory):
    out = tmp_path_factory.mktemp("fonts") / "sample.pdf"
    page = sample_page()
    write_pdf([page], out, PdfOptions(force=True))
    return out, page


@pytest.mark.skipif(not shutil.which("pdffonts"), reason="pdffonts not installed")
def test_every_face_is_one_embedded_cid_subset_with_tounicode(sample_pdf):
    out, page = sample_pdf
    rows = _tool("pdffonts", str(out)).stdout.splitlines()[2:]
    faces = {r.font for r in page.glyph_runs() if r.role != "slug"}
    assert len(rows) == len(faces)  # one font object per face, however many glyphs it draws
    for row in rows:
        name, cols = row.split()[0], row.split()
        assert re.fullmatch(r"[A-Z]{6}\+[\x21-\x7e]+", name), row
        assert "CID TrueType" in row and "Identity-H" in row
        assert (cols[-5], cols[-4], cols[-3]) == ("yes", "yes", "yes"), row
    with pikepdf.open(out) as pdf:
        for font in pdf.pages[0].Resources.Font.values():
            assert font.Subtype == "/Type0" and font.Encoding == "/Identity-H"
            cid = font.DescendantFonts[0]
            assert cid.Subtype == "/CIDFontType2" and cid.CIDToGIDMap == "/Identity"
            assert "/FontFile2" in cid.FontDescriptor and "/ToUnicode" in font


@pytest.mark.skipif(not shutil.which("qpdf"), reason="qpdf not installed")
def test_sample_page_is_qpdf_clean_and_reads_back_in_order(sample_pdf):
    out, page = sample_pdf
    check = _tool("qpdf", "--check", str(out))
    assert check.returncode == 0 and "No syntax or stream encoding errors" in check.stdout, check.stdout
    # in content-stream order (-raw) the page reads back exactly as the display list's text
    text = re.sub(r"\s", "", _tool("pdftotext", "-raw", str(out), "-").stdout)
    want = "".join(t for r in page.glyph_runs() if r.role != "slug" for t in r.text)
    assert len(want) > 3000 and text == re.sub(r"\s", "", want)


def test_embedded_glyphs_equal_the_source_fonts(tmp_path):
    runs = (_runs(SC, TextStyle(), 20, 40) + _runs("基层治理", TextStyle(role="hei", size=24, indent=0), 20, 150)
            + _runs(SC[:12], TextStyle(role="kai", indent=0), 20, 200)
            + _runs(SC[:12], TextStyle(role="song", indent=0), 20, 230))
    # a composite glyph of LXGW WenKai (its components must come along, re-numbered)
    runs.append(GlyphRun("LXGWWenKai-Regular", 20.0, (106,), ("ǅ",), (20.0,), (300.0,)))
    out = _write(tmp_path, runs)
    assert _tool("qpdf", "--check", str(out)).returncode == 0
    _check_glyphs_against_sources(out, runs)


def test_traditional_and_vertical_text_embeds_and_reads_back(tmp_path):
    style = TextStyle(script="tc")
    vstyle = TextStyle(role="hei", script="tc", size=18, indent=0, vertical=True)
    runs = _runs(TC, style, 20, 40) + _runs("臺灣「新聞」——報導……", vstyle, 400, 40, 300)
    assert all(r.font.endswith("TC-Regular") or r.font.endswith("TC-Bold") for r in runs)
    assert any(r.vertical for r in runs)
    out = _write(tmp_path, runs)
    assert _tool("qpdf", "--check", str(out)).returncode == 0
    _check_glyphs_against_sources(out, runs)
    fonts = _tool("pdffonts", str(out)).stdout
    assert "NotoSerifTC-Regular" in fonts and "NotoSansTC-Bold" in fonts and "SC-" not in fonts
    text = re.sub(r"\s", "", _tool("pdftotext", str(out), "-").stdout)
    assert re.sub(r"\s", "", TC) in text
    import pdfplumber

    with pdfplumber.open(out) as pdf:
        chars = "".join(c["text"] for c in pdf.pages[0].chars)
    assert "".join(t for r in runs if r.vertical for t in r.text) in chars


def test_glyph_no_character_maps_to_and_tofu_read_back_as_their_text(tmp_path):
    fonts = default_registry()
    face = fonts.face("NotoSerifTC-Regular")
    mapped = set(face.cmap.values())
    unmapped = next(g for g in range(1, len(face.advances)) if g not in mapped and face.bounds(g))
    han = face.gid("中")
    runs = [GlyphRun("NotoSerifTC-Regular", 20.0, (unmapped, han, han, 0, 0, 0),
                     ("（", "中", "仲", "𠀀", "𪚥", "𠀀"),
                     tuple(20.0 + 24 * i for i in range(6)), (60.0,) * 6)]
    out = _write(tmp_path, runs)
    embedded = _check_glyphs_against_sources(out, runs)
    (e,) = embedded.values()
    # the same glyph for two texts, and .notdef for two missing characters: a code each
    assert len(set(_drawn(pikepdf.open(out)))) == 5
    assert e.outline(1) != e.outline(2)
    assert _tool("pdftotext", str(out), "-").stdout.split() == ["（中仲𠀀𪚥𠀀"]


def test_pages_of_one_edition_share_a_face_and_each_reads_back(tmp_path):
    style = TextStyle()
    pages = [PageDisplay(300, 300, 8.5, tuple(_runs(t, style, 20, 40)), page_index=i)
             for i, t in enumerate(("第一版：社区食堂开张。", "第二版：食堂又添新菜。"))]
    write_pdf(pages, tmp_path / "ed.pdf", PLAIN)
    with pikepdf.open(tmp_path / "ed.pdf") as pdf:
        assert [len(p.Resources.Font.keys()) for p in pdf.pages] == [1, 1]
    for n, want in ((1, "第一版：社区食堂开张。"), (2, "第二版：食堂又添新菜。")):
        got = _tool("pdftotext", "-f", str(n), "-l", str(n), str(tmp_path / "ed.pdf"), "-").stdout
        assert re.sub(r"\s", "", got) == want


def test_odd_glyph_texts_do_not_stop_the_export(tmp_path):
    face = default_registry().face("NotoSerifSC-Regular")
    g = face.gid("中")
    texts = ("", "\ud800", "中" * 300, "\x00", "中")
    runs = [GlyphRun("NotoSerifSC-Regular", 12.0, (g,) * 5, texts, tuple(20.0 + 14 * i for i in range(5)),
                     (40.0,) * 5)]
    out = _write(tmp_path, runs)
    assert _tool("qpdf", "--check", str(out)).returncode == 0
    assert _tool("pdftotext", str(out), "-").stdout.rstrip().endswith("中")


def test_subset_holds_only_the_glyphs_drawn(tmp_path):
    fonts = default_registry()
    face = fonts.face("NotoSerifSC-Regular")
    src = SfntFile(face.path)
    gids = [0, face.gid("中"), face.gid("文")]
    program, advances = build_subset(src, gids, [(ord("中"), 1), (ord("文"), 2)])
    tt = TTFont(io.BytesIO(program))
    assert advances == [face.advances[g] for g in gids] and tt["maxp"].numGlyphs == 3
    assert tt.getBestCmap() == {ord("中"): tt.getGlyphOrder()[1], ord("文"): tt.getGlyphOrder()[2]}
    assert len(program) < 20_000 < Path(face.path).stat().st_size // 100
    # the sfnt checksums hold (checkSumAdjustment makes the whole file sum to B1B0AFBA)
    words = struct.unpack(f">{len(program) // 4}L", program)
    assert sum(words) & 0xFFFFFFFF == 0xB1B0AFBA


@pytest.mark.parametrize("damage", ["truncated", "cff"])
def test_font_that_cannot_be_embedded_is_a_user_error(tmp_path, monkeypatch, damage):
    monkeypatch.setenv("BANMIAN_CACHE", str(tmp_path / "cache"))
    good = default_registry().face("NotoSansSC-Bold")
    data = Path(good.path).read_bytes()
    bad = tmp_path / "Bad.ttf"
    registry = FontRegistry([FontEntry("Bad", str(bad), "body", "sc")])
    # the metrics are already loaded (as from the cache): only the embedding reads the damage
    registry._faces["Bad"] = replace(good, key="Bad", path=str(bad))
    bad.write_bytes(data[:len(data) // 2] if damage == "truncated" else b"OTTO" + data[4:4096])
    run = GlyphRun("Bad", 9.0, (good.gid("中"),), ("中",), (10.0,), (20.0,))
    with pytest.raises(UserError) as e:
        write_pdf([PageDisplay(100, 100, 8.5, (run,))], tmp_path / "x.pdf", PLAIN, fonts=registry)
    assert "Bad.ttf" in str(e.value)
    assert not (tmp_path / "x.pdf").exists()
