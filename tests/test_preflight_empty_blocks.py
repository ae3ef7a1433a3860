"""Empty-block findings: a block is empty unless a glyph origin or a picture's centre lies in it,
edges included — checked against the plain definition on random pages."""
from hypothesis import given, settings, strategies as st

from layout.display import BlockFacts, GlyphRun, ImageItem, PageDisplay
from layout.preflight import _blocks

coord = st.integers(0, 40).map(float)  # a coarse grid, so origins land on block edges often


@st.composite
def pages(draw):
    runs = []
    for _ in range(draw(st.integers(0, 6))):
        pts = draw(st.lists(st.tuples(coord, coord), min_size=1, max_size=5))
        runs.append(GlyphRun("F", 9.0, (1,) * len(pts), ("字",) * len(pts),
                             tuple(p[0] for p in pts), tuple(p[1] for p in pts)))
    images = [ImageItem(draw(coord), draw(coord), draw(coord), draw(coord), "") for _ in range(draw(st.integers(0, 2)))]
    blocks = tuple(BlockFacts(f"b{k}", "s", draw(coord), draw(coord), draw(coord), draw(coord))
                   for k in range(draw(st.integers(1, 6))))
    return PageDisplay(40, 40, 8.5, tuple(runs + images), blocks)


def _empty_by_definition(page):
    def inside(b, x, y):
        return b.x <= x <= b.x + b.w and b.y <= y <= b.y + b.h

    return [b.block_id for b in page.blocks
            if not any(inside(b, x, y) for r in page.glyph_runs() for x, y in zip(r.xs, r.ys))
            and not any(inside(b, i.x + i.w / 2, i.y + i.h / 2) for i in page.items if isinstance(i, ImageItem))]


@settings(max_examples=300, deadline=None)
@given(pages())
def test_empty_block_warning_exactly_when_nothing_lies_in_the_block(page):
    found = [f.block for f in _blocks(page) if f.code == "empty-block"]
    assert found == _empty_by_definition(page)
