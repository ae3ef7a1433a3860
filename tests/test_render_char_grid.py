"""字符网格 on a composed page: PageSpec.char_grid sets body text on the character grid."""
from dataclasses import replace

from layout.compose import compose_pages
from layout.model import PageHeader
from layout.presets import page_spec
from layout.render import lay_out_page
from sample_stories import sample_stories


def _on_grid_share(spec) -> float:
    doc = compose_pages(sample_stories(), spec, PageHeader()).document
    page = lay_out_page(doc, 0)
    grid = spec.grid
    em = grid.body_size
    lefts = [grid.col_x(c) for c in range(grid.columns)]
    on = total = 0
    for run in page.glyph_runs():
        if run.role != "body" or run.size != em:
            continue
        for ch, x in zip(run.text, run.xs):
            if not ("\u4e00" <= ch <= "\u9fff"):
                continue
            left = max(l for l in lefts if l <= x + 0.01)
            total += 1
            on += abs((x - left) / em - round((x - left) / em)) < 0.01
    return on / total


def test_char_grid_puts_body_han_on_whole_ems_from_the_column_edge():
    plain = _on_grid_share(page_spec("broadsheet"))
    gridded = _on_grid_share(replace(page_spec("broadsheet"), char_grid=True))
    assert gridded > 0.85 and gridded > plain + 0.05, (plain, gridded)
