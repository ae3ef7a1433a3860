"""Rendering facts: capacity and overset figures, picture findings, page header, jump lines."""
from layout.display import ImageItem
from layout.model import Block, Document, Headline, ImageFrame, Page, PageHeader, Paragraph, Story
from layout.presets import page_spec
from layout.render import lay_out_document

SPEC = page_spec("broadsheet")
TEXT = "基层治理千头万绪外人听起来是小事但对当事人来说都是大事。" * 10  # 280 characters


def _page(blocks, stories, header=PageHeader()):
    return lay_out_document(Document((Page("p", SPEC, header, tuple(blocks)),), tuple(stories)))[0]


def test_block_facts_capacity_and_overset_add_up():
    story = Story("s", Headline(), (Paragraph(TEXT),))
    g = SPEC.grid
    facts = _page([Block("b", "s", 0, 0, 2, 5)], [story]).blocks[0]
    assert facts.capacity_lines == 10
    assert facts.capacity_chars == 10 * g.chars_per_column
    assert facts.needed_chars == len(TEXT)
    set_chars = len(TEXT) - facts.overset_chars
    assert 0 < set_chars <= facts.capacity_chars and facts.fit_label == f"超{facts.overset_chars}字"


def test_block_facts_report_empty_lines_as_underset():
    story = Story("s", Headline(), (Paragraph(TEXT),))
    facts = _page([Block("b", "s", 0, 0, 1, 40)], [story]).blocks[0]
    assert facts.overset_chars == 0
    assert facts.underset_lines == 40 - facts.lines and facts.fit_label == f"缺{facts.underset_lines}行"


def test_empty_picture_box_is_a_warning_and_missing_file_an_error():
    story = Story("s", Headline(("直升机作业",)), (Paragraph("图片说明。"),), kind="photo")
    empty = _page([Block("b", "s", 0, 0, 3, 30, image=ImageFrame("", 0, 0, 3, 15))], [story])
    im = next(i for i in empty.items if isinstance(i, ImageItem))
    assert im.missing and im.label == "图片"
    assert [(f.severity, f.code) for f in empty.findings] == [("warning", "image-empty")]
    gone = _page([Block("b", "s", 0, 0, 3, 30, image=ImageFrame("nowhere/heli.jpg", 0, 0, 3, 15))], [story])
    assert [(f.severity, f.code) for f in gone.findings] == [("error", "image-missing")]
    assert "heli.jpg" in gone.findings[0].message


def test_page_header_is_drawn_with_section_and_number():
    page = _page([], [], PageHeader(section="基层", number="7", date="2026年11月28日", editor="王芳"))
    text = "".join(t for r in page.glyph_runs() if r.role == "header" for t in r.text)
    assert "基层" in text and "第7版" in text and "王芳" in text
    assert all(y < SPEC.grid.top for r in page.glyph_runs() for y in r.ys)  # above the type area


def test_jump_lines_follow_the_page_a_frame_moves_to():
    story = Story("s", Headline(("测试",)), (Paragraph(TEXT * 3),))
    a = Block("a", "s", 0, 0, 1, 10, next_block="b")
    b = Block("b", "s", 0, 0, 2, 100, show_head=False)
    three = Document((Page("p1", SPEC, PageHeader(number="3"), (a,)), Page("p2", SPEC, PageHeader(number="4")),
                      Page("p3", SPEC, PageHeader(number="5"), (b,))), (story,))
    d = lay_out_document(three)
    jumps = ["".join(t for r in p.glyph_runs() if r.role == "jump" for t in r.text) for p in d]
    assert jumps == ["（下转第5版）", "", "（上接第3版）"]


def test_vertical_text_block_runs_top_to_bottom_right_to_left_with_vertical_forms():  # 竖排
    from layout.model import HeadStyle

    text = "乡村振兴的故事在这里展开，“共富”路上《新篇章》。" * 12
    story = Story("s", Headline(("助力振兴",)), (Paragraph(text),))
    page = _page([Block("b", "s", 0, 0, 3, 30, head=HeadStyle(size=26.0), vertical=True)], [story])
    body = [r for r in page.glyph_runs() if r.role == "body"]
    assert body and all(r.vertical for r in body)
    firsts = [r.xs[0] for r in body]
    assert firsts == sorted(firsts, reverse=True)  # lines right to left
    drawn = "".join(t for r in body for t in r.text)
    assert not set("“”《》，。") & set(drawn)  # brackets and SC pause marks take vertical forms
    offs = [o for r in body for o in r.offsets if o >= 0]
    assert len(offs) == len(text) and page.blocks[0].overset_chars == 0


def test_vertical_demo_document_has_a_vertical_head_and_a_vertical_text_block():
    from pathlib import Path

    from layout.document_io import load_document

    doc = load_document(Path(__file__).resolve().parent.parent / "examples" / "vertical-demo.banmian.json")
    blocks = doc.pages[0].blocks
    assert any(b.vertical for b in blocks) and any(b.head.orientation == "vertical" for b in blocks)
    page = lay_out_document(doc)[0]
    assert all(f.overset_chars == 0 for f in page.blocks)


def test_reused_block_keeps_its_own_page_in_findings():
    """lay_out_page(reuse=…) takes unchanged blocks from the caller's dict; a block moved to
    another page with the same dict must not bring the old page's findings along."""
    from layout.render import lay_out_page

    story = Story("s", Headline(), (Paragraph(TEXT),))
    block = Block("b", "s", 0, 0, 1, 5)  # overset: one finding
    one = Document((Page("p1", SPEC, blocks=(block,)), Page("p2", SPEC)), (story,))
    two = Document((Page("p1", SPEC), Page("p2", SPEC, blocks=(block,))), (story,))
    reuse: dict = {}
    assert [f.page for f in lay_out_page(one, 0, reuse=reuse).findings] == [0]
    assert [f.page for f in lay_out_page(two, 1, reuse=reuse).findings] == [1]
    again = lay_out_page(two, 1, reuse=reuse)
    assert [f.page for f in again.findings] == [1] and len(reuse) == 2
