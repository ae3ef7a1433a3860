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
    for s in stories:
        assert s.id in placed or any(s.id in line and "not placed" in line for line in res.report)
    grid = page_spec("tabloid").grid
    for p in res.document.pages:
        used = set()
        for b in p.blocks:
            assert 0 <= b.col and b.col + b.cols <= grid.columns and 0 <= b.row and b.row + b.rows <= grid.rows
            assert not (_cells(b) & used)
            used |= _cells(b)
