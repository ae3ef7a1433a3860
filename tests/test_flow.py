"""Flow of a story into a block: L-shape, linked frames, wrap around a picture, overset figures."""
from dataclasses import replace

from layout.flow import flat_text, story_segments
from layout.model import Block, Document, Headline, ImageFrame, Notch, Page, Paragraph, Story
from layout.presets import page_spec
from layout.render import lay_out_document

SPEC = page_spec("broadsheet")
TEXT = "基层治理千头万绪外人听起来是小事但对当事人来说都是大事。" * 20
STORY = Story("s", Headline(("测试标题",)), (Paragraph(TEXT),))


def _lay(*blocks):
    return lay_out_document(Document((Page("p", SPEC, blocks=blocks),), (STORY,)))[0]


def test_overset_figures_count_what_did_not_fit():
    f = _lay(Block("b", "s", 0, 0, 1, 10))
    facts = f.blocks[0]
    assert facts.overset_chars > 0 and facts.fit_label == f"超{facts.overset_chars}字"


def test_linked_frames_continue_where_the_first_stopped():
    f = _lay(Block("a", "s", 0, 0, 1, 10, next_block="b"), Block("b", "s", 2, 0, 2, 100, show_head=False))
    offs = [o for r in f.glyph_runs() if r.role == "body" for o in r.offsets]
    assert offs == sorted(offs) and len(offs) == len(TEXT)


def test_l_shape_leaves_the_notch_empty():
    f = _lay(Block("b", "s", 0, 0, 3, 40, notch=Notch("bottom-right", 1, 20)))
    g = SPEC.grid
    x0, y0 = g.col_x(2), g.row_y(20)
    for r in f.glyph_runs():
        for x, y in zip(r.xs, r.ys):
            assert not (x >= x0 - 0.1 and y > y0)


def test_text_wraps_around_a_picture():  # 图文互斥
    f = _lay(Block("b", "s", 0, 0, 3, 40, image=ImageFrame("none.jpg", 1, 5, 2, 10, caption="图说")))
    img = next(i for i in f.items if i.__class__.__name__ == "ImageItem")
    assert img.missing and img.label == "none.jpg"
    assert any(x.code == "image-missing" for x in f.findings)
    for r in f.glyph_runs():
        if r.role == "body":
            for x, y in zip(r.xs, r.ys):
                assert not (img.x <= x < img.x + img.w and img.y <= y <= img.y + img.h)


def test_flat_text_offsets_index_the_story():
    flat = flat_text(STORY)
    for seg in story_segments(STORY):
        assert flat[seg.start:seg.start + len(seg.text)] == seg.text


def test_jump_lines_name_the_other_page():
    p1 = Page("p1", SPEC, blocks=(Block("a", "s", 0, 0, 1, 10, next_block="b"),))
    p2 = Page("p2", SPEC, blocks=(Block("b", "s", 0, 0, 2, 100, show_head=False),))
    d = lay_out_document(Document((p1, p2), (STORY,)))
    out = "".join(t for r in d[0].glyph_runs() if r.role == "jump" for t in r.text)
    inn = "".join(t for r in d[1].glyph_runs() if r.role == "jump" for t in r.text)
    assert "下转第2版" in out and "上接第1版" in inn


def _body_baselines(page, story_id):
    return [y for r in page.glyph_runs() if r.story_id == story_id and r.role == "body" for y in r.ys]


def test_story_never_starts_flush_under_another_storys_text():  # air: ≥ 3.2 em between the two
    from layout.model import HeadStyle
    from layout.render import predict_block

    other = Story("o", Headline(("上面的稿件",)), (Paragraph(TEXT),))
    vhead = Block("v", "s", 0, 30, 2, 40, head=HeadStyle(orientation="vertical", size=20.0))
    cont = Block("c", "s", 0, 30, 2, 40, show_head=False)
    for below in (vhead, cont):
        above = Block("a", "o", 0, 0, 2, 30)
        page = lay_out_document(Document((Page("p", SPEC, blocks=(above, below)),), (STORY, other)))[0]
        gap = min(_body_baselines(page, "s")) - max(_body_baselines(page, "o"))
        assert gap >= 3.2 * SPEC.grid.body_size, below.id
        facts = next(f for f in page.blocks if f.block_id == below.id)
        assert predict_block(STORY, below, SPEC.grid, under=True) == facts  # makeup predicts it
        alone = _lay(replace(below, row=0))  # at the top of the type area: no air needed
        assert min(_body_baselines(alone, "s")) < SPEC.grid.baseline(1)
