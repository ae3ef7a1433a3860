"""Preflight: one test per finding, each injecting its defect into a display list (or a PDF) and
asserting severity and location."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from layout.display import BlockFacts, BoxItem, GlyphRun, ImageItem, PageDisplay, RuleItem
from layout.fonts import FontEntry, FontRegistry
from layout.pdf import write_pdf
from layout.preflight import preflight_pages, preflight_pdf
from layout.typeset import TextStyle, set_paragraph
from layout.units import mm
from pdf_pages import make_jpeg

W, H, BLEED = 400.0, 500.0, mm(3)
BLOCK = BlockFacts("b7", "s7", 40, 40, 200, 200, lines=3)


def _runs(text: str = "基层正文", x: float = 50, y: float = 60, size: float = 9.0, story: str = "s7"):
    style = TextStyle(size=size, indent=0.0)
    (line,) = set_paragraph(text, 300, style)
    return line.runs(x, y, style, story_id=story)


def _page(*items, blocks=(BLOCK,), index: int = 2) -> PageDisplay:
    return PageDisplay(W, H, BLEED, tuple(items), tuple(blocks), page_index=index)


def _only(findings, code):
    got = [f for f in findings if f.code == code]
    assert len(got) == 1, findings
    return got[0]


def test_clean_page_has_no_findings():
    assert preflight_pages([_page(*_runs(), RuleItem(40, 50, 240, 50))]) == []


def test_overset_text_is_an_error_on_its_block():
    f = _only(preflight_pages([_page(*_runs(), blocks=(replace(BLOCK, overset_chars=37),))]), "overset")
    assert (f.severity, f.page, f.block, f.story) == ("error", 2, "b7", "s7")
    assert "37" in f.message


def test_tofu_glyph_is_an_error_with_its_story_and_block():
    run = _runs()[0]
    run = replace(run, glyphs=(run.glyphs[0], 0, *run.glyphs[2:]), text=("基", "\U000F0000", *run.text[2:]))
    f = _only(preflight_pages([_page(run)]), "tofu")
    assert (f.severity, f.page, f.block, f.story) == ("error", 2, "b7", "s7")
    assert "U+F0000" in f.message


def test_missing_picture_is_an_error():
    f = _only(preflight_pages([_page(*_runs(), ImageItem(60, 100, 100, 80, "/nowhere/p.jpg", missing=True))]),
              "image-missing")
    assert (f.severity, f.page, f.block) == ("error", 2, "b7")
    assert "p.jpg" in f.message


@pytest.mark.parametrize("pixels, severity", [((300, 240), "error"), ((600, 480), "warning")])
def test_low_resolution_picture(tmp_path, pixels, severity):
    """A 300 × 240 pt frame: 300 px is 72 ppi (below half the 200 ppi floor: error), 600 px 144 ppi."""
    img = make_jpeg(tmp_path / "p.jpg", pixels, "L")
    frame = ImageItem(60, 100, 300, 240, str(img))  # 300 pt = 4.17 in
    f = _only(preflight_pages([_page(*_runs(), frame, blocks=(replace(BLOCK, w=320, h=320),))]), "image-ppi")
    assert (f.severity, f.page, f.block) == (severity, 2, "b7")


def test_good_picture_has_no_resolution_finding(tmp_path):
    img = make_jpeg(tmp_path / "p.jpg", (900, 700), "CMYK")
    assert preflight_pages([_page(*_runs(), ImageItem(60, 100, 200, 150, str(img)))]) == []


def test_rgb_picture_kept_is_a_warning_converted_is_info(tmp_path):
    img = make_jpeg(tmp_path / "p.jpg", (900, 700), "RGB")
    page = _page(*_runs(), ImageItem(60, 100, 200, 150, str(img)))
    f = _only(preflight_pages([page], rgb_images="keep"), "rgb-image")
    assert (f.severity, f.page, f.block) == ("warning", 2, "b7")
    assert _only(preflight_pages([page]), "rgb-image").severity == "info"


def test_unreadable_picture_is_an_error(tmp_path):
    bad = tmp_path / "x.jpg"
    bad.write_bytes(b"not an image")
    f = _only(preflight_pages([_page(*_runs(), ImageItem(60, 100, 200, 150, str(bad)))]), "image-unreadable")
    assert f.severity == "error" and "x.jpg" in f.message


def test_text_crossing_the_trim_is_an_error():
    f = _only(preflight_pages([_page(*_runs(x=W - 20), blocks=())]), "trim")
    assert (f.severity, f.page, f.story) == ("error", 2, "s7")


def test_tint_crossing_trim_short_of_the_bleed_is_a_warning():
    short = BoxItem(-4, 300, 100, 50, fill=(0, 0, 0, 0.2))  # 4 pt past the trim, bleed is 8.5 pt
    f = _only(preflight_pages([_page(short, blocks=())]), "bleed")
    assert (f.severity, f.page) == ("warning", 2)
    full = BoxItem(-BLEED, 300, 100, 50, fill=(0, 0, 0, 0.2))
    assert preflight_pages([_page(full, blocks=())]) == []


def test_item_outside_the_bleed_is_a_warning():
    f = _only(preflight_pages([_page(RuleItem(W + 30, 10, W + 60, 10), blocks=())]), "bleed")
    assert f.severity == "warning" and "outside the bleed" in f.message


def test_empty_block_is_a_warning():
    f = _only(preflight_pages([_page(*_runs(), blocks=(BLOCK, BlockFacts("b8", "s8", 250, 40, 100, 100)))]),
              "empty-block")
    assert (f.severity, f.page, f.block, f.story) == ("warning", 2, "b8", "s8")


def test_rich_black_text_and_rules_are_errors():
    run = replace(_runs()[0], color=(0.6, 0.5, 0.4, 1.0))
    f = _only(preflight_pages([_page(run)]), "rich-black")
    assert (f.severity, f.page, f.block, f.story) == ("error", 2, "b7", "s7")
    f = _only(preflight_pages([_page(*_runs(), RuleItem(50, 100, 200, 100, color=(0.3, 0.3, 0.3, 1.0)))]),
              "rich-black")
    assert (f.severity, f.block) == ("error", "b7")


def _restricted_font(tmp_path: Path, fs_type: int) -> Path:
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    pen = TTGlyphPen(None)
    for a, b in ((0, 0), (0, 800), (800, 800), (800, 0)):
        (pen.moveTo if (a, b) == (0, 0) else pen.lineTo)((a, b))
    pen.closePath()
    box = pen.glyph()
    fb = FontBuilder(1000, isTTF=True)
    fb.setupGlyphOrder([".notdef", "uni57FA"])
    fb.setupCharacterMap({0x57FA: "uni57FA"})
    fb.setupGlyf({".notdef": TTGlyphPen(None).glyph(), "uni57FA": box})
    fb.setupHorizontalMetrics({".notdef": (1000, 0), "uni57FA": (1000, 0)})
    fb.setupHorizontalHeader(ascent=880, descent=-120)
    fb.setupNameTable({"familyName": "Locked", "styleName": "Regular"})
    fb.setupOS2(fsType=fs_type, sTypoAscender=880, sTypoDescender=-120, usWinAscent=880, usWinDescent=120)
    fb.setupPost()
    path = tmp_path / "Locked.ttf"
    fb.save(str(path))
    return path


def test_font_whose_licence_forbids_embedding_is_an_error(tmp_path, monkeypatch):
    monkeypatch.setenv("BANMIAN_CACHE", str(tmp_path / "cache"))
    fonts = FontRegistry([FontEntry("Locked", str(_restricted_font(tmp_path, 0x0002)), "body", "sc")])
    run = GlyphRun("Locked", 9.0, (1,), ("基",), (50.0,), (60.0,), story_id="s7")
    f = _only(preflight_pages([_page(run)], fonts=fonts), "font-licence")
    assert (f.severity, f.page, f.block, f.story) == ("error", 2, "b7", "s7")
    assert "0x0002" in f.message


def test_installable_font_is_fine(tmp_path, monkeypatch):
    monkeypatch.setenv("BANMIAN_CACHE", str(tmp_path / "cache"))
    fonts = FontRegistry([FontEntry("Open", str(_restricted_font(tmp_path, 0)), "body", "sc")])
    run = GlyphRun("Open", 9.0, (1,), ("基",), (50.0,), (60.0,), story_id="s7")
    assert preflight_pages([_page(run)], fonts=fonts) == []


# -- an existing PDF

def test_banmian_pdf_passes_pdf_preflight(tmp_path):
    img = make_jpeg(tmp_path / "p.jpg", (900, 700), "CMYK")
    write_pdf([_page(*_runs(), ImageItem(60, 100, 200, 150, str(img)))], tmp_path / "ok.pdf")
    assert [f for f in preflight_pdf(tmp_path / "ok.pdf") if f.severity != "info"] == []


def test_foreign_pdf_with_rgb_unembedded_font_no_boxes_and_coarse_image(tmp_path):
    from reportlab.pdfgen import canvas

    img = make_jpeg(tmp_path / "small.jpg", (100, 80), "RGB")
    c = canvas.Canvas(str(tmp_path / "foreign.pdf"), pagesize=(400, 400))
    c.setFillColorRGB(1, 0, 0)
    c.setFont("Helvetica", 12)
    c.drawString(50, 300, "Hello")
    c.drawImage(str(img), 50, 50, 200, 160)
    c.showPage()
    c.save()
    found = {(f.code, f.severity, f.page) for f in preflight_pdf(tmp_path / "foreign.pdf")}
    assert ("boxes", "error", 0) in found  # no TrimBox
    assert ("font", "error", 0) in found  # Helvetica not embedded
    assert ("rgb", "error", 0) in found  # rg operator
    assert ("rgb-image", "warning", 0) in found
    assert ("image-ppi", "error", 0) in found  # 100 px over 200 pt = 36 ppi
    assert ("pdfx", "warning", 0) in found


def test_unreadable_pdf_is_one_error(tmp_path):
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.4 broken")
    (f,) = preflight_pdf(tmp_path / "x.pdf")
    assert f.severity == "error" and f.code == "unreadable"


def test_blocks_laid_over_each_other_are_an_error_naming_both():
    """A block dragged onto its neighbour: where they meet, text prints over text (found auditing
    the editor on unseen copy — preflight said nothing and export went ahead)."""
    other = BlockFacts("b8", "s8", 120, 40, 200, 200, lines=3)
    page = _page(*_runs("基层正文基层正文基层正文", 50, 60, story="s7"), *_runs("另一篇稿件正文", 130, 60, story="s8"),
                 blocks=(BLOCK, other))
    (f,) = [f for f in preflight_pages([page]) if f.code == "overlap"]
    assert f.severity == "error" and f.page == 2 and "b7" in f.message and "b8" in f.message
    apart = _page(*_runs("基层正文", 50, 60, story="s7"), *_runs("另一篇稿件正文", 130, 120, story="s8"),
                  blocks=(BLOCK, other))  # the rectangles meet, the text does not: no finding
    assert not [f for f in preflight_pages([apart]) if f.code == "overlap"]


def test_the_sample_page_has_no_overlapping_blocks(sample_copy):
    from layout.compose import compose_pages
    from layout.importer import import_files
    from layout.model import PageHeader
    from layout.presets import page_spec
    from layout.render import lay_out_document

    doc = compose_pages(list(import_files([str(sample_copy)]).stories), page_spec("broadsheet"),
                        PageHeader()).document
    assert not [f for f in preflight_pages(lay_out_document(doc)) if f.code == "overlap"]
    page = doc.pages[0]
    first, second = page.blocks[0], page.blocks[1]
    moved = replace(doc, pages=(replace(page, blocks=(first, replace(second, col=first.col, row=first.row))
                                        + page.blocks[2:]),))
    assert [f for f in preflight_pages(lay_out_document(moved)) if f.code == "overlap"]
