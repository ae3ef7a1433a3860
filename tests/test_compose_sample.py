"""Automatic makeup of the sample page and of generated story sets."""
from hypothesis import given, settings, strategies as st

from layout.compose import compose_pages
from layout.model import Headline, PageHeader, Paragraph, Story
from layout.presets import page_spec
from layout.render import lay_out_document
from sample_stories import sample_stories


def _cells(b):
    return {(c, r) for c in range(b.col, b.col + b.cols) for r in range(b.row, b.row + b.rows)}


def test_sample_fills_one_broadsheet_without_overset():
    stories = sample_stories()
    res = compose_pages(stories, page_spec("broadsheet"), PageHeader(section="基层", number="7"))
    assert len(res.document.pages) == 1
    page = lay_out_document(res.document)[0]
    assert all(f.overset_chars == 0 for f in page.blocks)
    assert all(f.underset_lines <= 2 for f in page.blocks)  # 漏白
    placed = {b.story_id for b in res.document.pages[0].blocks}
    assert placed == {s.id for s in stories}
    grid = page_spec("broadsheet").grid
    used = set()
    for b in res.document.pages[0].blocks:
        assert not (_cells(b) & used)
        used |= _cells(b)
    assert len(used) == grid.columns * grid.rows  # the page is filled


def test_no_gutter_runs_down_the_whole_page():  # 通缝
    res = compose_pages(sample_stories(), page_spec("broadsheet"), PageHeader())
    blocks = res.document.pages[0].blocks
    for g in range(7):
        assert any(b.col <= g < b.col + b.cols - 1 for b in blocks), g


_text = st.text(alphabet="的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经", min_size=20, max_size=600)


@settings(max_examples=8, deadline=None)
@given(st.lists(_text, min_size=1, max_size=6))
def test_makeup_never_loses_a_story_or_overlaps(texts):
    stories = [Story(f"s{i}", Headline((f"标题{i}号稿件",)), (Paragraph(t + "。"),)) for i, t in enumerate(texts)]
    res = compose_pages(stories, page_spec("tabloid"), PageHeader(), max_pages=2)
    placed = {b.story_id for p in res.document.pages for b in p.blocks}
    assert placed == {s.id for s in stories}, res.report  # two tabloid pages hold this much copy
    grid = page_spec("tabloid").grid
    for p in res.document.pages:
        used = set()
        for b in p.blocks:
            assert 0 <= b.col and b.col + b.cols <= grid.columns and 0 <= b.row and b.row + b.rows <= grid.rows
            assert not (_cells(b) & used)
            used |= _cells(b)
    pages = lay_out_document(res.document)
    for s in stories:  # a placed story is set in full, once, across its linked frames
        if s.id in placed and not any(s.id in line and "not placed" in line for line in res.report):
            offs = [o for d in pages for r in d.glyph_runs() if r.story_id == s.id and r.role == "body"
                    for o in r.offsets if o >= 0]
            assert len(offs) == len(set(offs)) == sum(not c.isspace() for c in s.paragraphs[0].text)


# ---------------------------------------------------------------- makeup rules on the sample page

from functools import lru_cache

from layout.compose import compose_from_template
from layout.flow import flat_text
from layout.makeup import MIN_BODY_ROWS


@lru_cache(maxsize=None)
def _sample_page():
    res = compose_pages(sample_stories(), page_spec("broadsheet"), PageHeader(section="基层", number="7"))
    return res, lay_out_document(res.document)


def _head_zones(doc_page):
    """(block, head row interval, faces left neighbour, faces right neighbour) of each shown head."""
    out = []
    for b in doc_page.blocks:
        if not b.show_head or b.head.rows == 0:
            continue
        top = b.row + (b.image.rows if b.image else 0)
        vertical = b.head.orientation == "vertical"
        out.append((b, (top, top + b.head.rows), not vertical or b.cols <= 1, True))
    return out


def test_no_two_headlines_side_by_side_at_the_same_height():  # 碰题, package band included
    res, _ = _sample_page()
    zones = _head_zones(res.document.pages[0])
    for a, (a0, a1), _, a_right in zones:
        for b, (b0, b1), b_left, _ in zones:
            if a is not b and a.col + a.cols == b.col and a_right and b_left:
                assert not (a0 < b1 and b0 < a1), (a.id, b.id)


def test_no_headline_at_the_foot_of_a_column():  # 背题
    res, _ = _sample_page()
    for b, (h0, h1), _, _ in _head_zones(res.document.pages[0]):
        if b.head.orientation != "vertical" and b.story_id != "s9":
            assert b.row + b.rows - h1 >= MIN_BODY_ROWS, b.id


def test_package_stays_together_under_its_banner():
    res, _ = _sample_page()
    blocks = {b.story_id: b for b in res.document.pages[0].blocks if b.show_head}
    banner = blocks["s9"]
    for sid in ("s10", "s11", "s12", "s13"):
        assert blocks[sid].row >= banner.row + banner.rows


def test_makeup_heights_are_what_render_produces():
    res, (page,) = _sample_page()
    for f in page.blocks:
        assert f.overset_chars == 0 and f.underset_lines <= 2, (f.block_id, f.fit_label)


def test_subhead_kept_off_a_column_foot_is_counted_by_makeup():
    para = "社区干部走街串巷，把群众的急难愁盼记在心上，一件一件抓落实。"
    paras = []
    for i in range(6):
        paras += [Paragraph(f"第{i + 1}件实事", "subhead"), Paragraph(para * (2 + i % 3))]
    stories = [Story(f"s{i}", Headline((f"基层治理第{i}篇",)), tuple(paras)) for i in range(3)]
    res = compose_pages(stories, page_spec("tabloid"), PageHeader(), max_pages=2)
    predicted = {b.id: b.rows for p in res.document.pages for b in p.blocks}
    for d in lay_out_document(res.document):
        for f in d.blocks:
            assert f.block_id in predicted and f.overset_chars == 0 and f.underset_lines <= 2, f


def test_tabloid_jump_resumes_at_the_exact_offset():
    text = "基层治理千头万绪，外人听起来是小事，但对当事人来说都是大事。社区干部走街串巷，把群众的急难愁盼记在心上。"
    stories = [Story("a", Headline(("社区治理有新招",)), tuple(Paragraph(text * 4) for _ in range(16))),
               Story("b", Headline(("小区加装电梯惠民生",)), tuple(Paragraph(text * 3) for _ in range(10))),
               Story("c", Headline(("村里来了新书记",)), tuple(Paragraph(text * 2) for _ in range(6)))]
    res = compose_pages(stories, page_spec("tabloid"), PageHeader(number="3"), max_pages=3)
    pages = lay_out_document(res.document)
    assert len(pages) >= 2
    jumps = ["".join(t for r in p.glyph_runs() if r.role == "jump" for t in r.text) for p in pages]
    assert "（下转第4版）" in jumps[0] and "（上接第3版）" in jumps[1]
    for s in stories:  # every character once, none lost, none repeated, in reading order
        offs = [o for p in pages for r in p.glyph_runs() if r.story_id == s.id for o in r.offsets if o >= 0]
        flat = flat_text(s)
        assert offs == sorted(offs) and len(offs) == len(set(offs))
        assert set(offs) == {i for i, c in enumerate(flat) if not c.isspace()}
    first = res.document.pages[0].blocks[-1]
    assert first.next_block and first.rows - first.head.rows >= 6  # never a lone head at the foot


def test_tabloid_sample_jumps_with_right_page_numbers_and_every_character_once():
    """The sample on tabloid pages (the must-show): page 1 starts stories than it can hold whole and
    ends the last one read with （下转第2版）; its rest opens page 2 under （上接第1版） and its head
    repeated small (续题, no offsets: not the story's text a second time); nothing lost or twice."""
    from layout.flow import flat_text

    stories = sample_stories()
    res = compose_pages(stories, page_spec("tabloid"), PageHeader(section="基层", number="1"), max_pages=4)
    doc = res.document
    pages = lay_out_document(doc)
    assert len(pages) >= 2
    links = [(pi, b) for pi, p in enumerate(doc.pages) for b in p.blocks if b.next_block]
    assert links, "no story jumps"
    for pi, b in links:
        qi, nb = doc.find_block(b.next_block)
        assert qi == pi + 1 and nb.story_id == b.story_id
        out = ["".join(r.text) for r in pages[pi].glyph_runs() if r.role == "jump" and r.story_id == b.story_id]
        into = ["".join(r.text) for r in pages[qi].glyph_runs() if r.role == "jump" and r.story_id == b.story_id]
        assert out == [f"（下转第{qi + 1}版）"] and into == [f"（上接第{pi + 1}版）"]
        repeated = [r for r in pages[qi].glyph_runs() if r.story_id == b.story_id and r.role != "jump"
                    and all(o < 0 for o in r.offsets)]
        assert nb.show_head == bool(nb.head.rows) and (not nb.head.rows or repeated)
    placed = {b.story_id for p in doc.pages for b in p.blocks}
    assert placed == {s.id for s in stories}
    for s in stories:  # every character once, in reading order across the pages
        offs = [o for p in pages for r in p.glyph_runs() if r.story_id == s.id for o in r.offsets if o >= 0]
        assert offs == sorted(offs) and len(offs) == len(set(offs)), s.id
        flat = flat_text(s)
        assert {i for i, c in enumerate(flat) if not c.isspace()} <= set(offs) <= set(range(len(flat))), s.id
    for p in pages:
        assert all(f.overset_chars == 0 and f.underset_lines <= 2 for f in p.blocks)


def test_template_reuses_a_saved_pages_blocks():
    res, _ = _sample_page()
    stories = sample_stories()
    again = compose_from_template(stories, res.document, PageHeader(number="8"))
    old = [(b.col, b.row, b.cols, b.rows, b.story_id) for b in res.document.pages[0].blocks]
    new = [(b.col, b.row, b.cols, b.rows, b.story_id) for b in again.document.pages[0].blocks]
    assert new == old
    assert again.document.pages[0].header.number == "8"


def test_makeup_fill_from_the_column_tape_is_what_render_predicts():
    """makeup.fill reads most candidate blocks off a story's column tape instead of flowing them;
    every answer (fits, empty lines) must be render's own, one line either side of each height."""
    from dataclasses import replace

    from layout.fonts import default_registry
    from layout.makeup import article_variants, fill, photo_variants, variant_block
    from layout.render import predict_block

    fonts, checked = default_registry(), 0
    for spec in ("broadsheet", "tabloid"):
        grid = page_spec(spec).grid
        for story in sample_stories():
            for cols in (2, 3, 5):
                for under in (False, True):
                    vs = (photo_variants(story, cols, grid, "sc", fonts) if story.kind == "photo" else
                          article_variants(story, cols, 3, grid, "sc", fonts, under=under))
                    for v in vs[::2]:
                        for rows in (v.rows - 1, v.rows, v.rows + 1):
                            fits, empty = fill(story, v, rows, grid, "sc", fonts)
                            f = predict_block(story, variant_block(story, replace(v, rows=rows)), grid, "sc",
                                              fonts, under=v.air > 0)
                            assert fits == (f.overset_chars == 0 and f.head_fits), (story.id, v, rows)
                            assert not fits or empty == f.underset_lines, (story.id, v, rows)
                            checked += 1
    assert checked > 1000


def test_no_rule_runs_through_a_line_of_text():
    """The hairlines between stacked stories and the package band's rule sit in the interline gap:
    none crosses a character's em box (they used to underline the last line of the story above)."""
    from layout.display import GlyphRun, RuleItem

    page = _sample_page()[1][0]
    rules = [r for r in page.items if isinstance(r, RuleItem) and abs(r.y1 - r.y2) < 0.01]
    assert rules
    for run in (i for i in page.items if isinstance(i, GlyphRun) and not i.vertical):
        for x, y in zip(run.xs, run.ys):
            top, bottom = y - 0.88 * run.size, y + 0.12 * run.size
            for r in rules:
                half = r.width / 2
                if min(r.x1, r.x2) < x + run.size and x < max(r.x1, r.x2):
                    assert not (top < r.y1 + half and r.y1 - half < bottom), (run.story_id, "".join(run.text))
