"""The plain page: when no arrangement makes a page, the stories still go on it, in order, none lost."""
from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pdfplumber

from layout.compose import compose_pages
from layout.importer import import_files
from layout.model import Headline, PageHeader, Paragraph, Story
from layout.presets import page_spec
from layout.render import lay_out_document

ROOT = Path(__file__).resolve().parent.parent
UNSEEN = ROOT / "tests" / "data" / "unseen"


def _cells(b):
    return {(c, r) for c in range(b.col, b.col + b.cols) for r in range(b.row, b.row + b.rows)}


def _check_geometry(doc, grid):
    for p in doc.pages:
        used = set()
        for b in p.blocks:
            assert 0 <= b.col and b.col + b.cols <= grid.columns and 0 <= b.row and b.row + b.rows <= grid.rows
            assert not (_cells(b) & used), b.id
            used |= _cells(b)


def _body_offsets(displays, story):
    return [o for d in displays for r in d.glyph_runs() if r.story_id == story.id and r.role == "body"
            for o in r.offsets if o >= 0]


def test_a_page_of_briefs_sets_every_brief_and_says_the_page_is_short():
    stories = list(import_files([str(UNSEEN / "briefs.txt")]).stories)
    spec = page_spec("broadsheet")
    res = compose_pages(stories, spec, PageHeader())
    assert len(res.document.pages) == 1
    assert {b.story_id for b in res.document.pages[0].blocks} == {s.id for s in stories}
    _check_geometry(res.document, spec.grid)
    assert any("no arrangement fills it" in line for line in res.report)
    assert any("of the type area is empty" in line for line in res.report)
    assert not any("not placed" in line for line in res.report)
    page = lay_out_document(res.document)[0]
    assert all(f.overset_chars == 0 for f in page.blocks)


def test_a_story_longer_than_a_stack_runs_on_in_the_next_stack_and_then_the_next_page():
    text = "（" + "产业升级激活县域经济新动能，" * 6 + "）"
    long = Story("s1", Headline(("县域经济观察",)), tuple(Paragraph(text * 12) for _ in range(14)))
    brief = Story("s2", Headline(("城东污水处理厂扩建完工",)), (Paragraph("日处理能力由8万吨提升至12万吨。" * 4),))
    spec = page_spec("broadsheet")
    res = compose_pages([long, brief], spec, PageHeader(number="3"), max_pages=2)
    doc = res.document
    assert len(doc.pages) == 2 and not any("not placed" in line for line in res.report)
    _check_geometry(doc, spec.grid)
    frames = [b for p in doc.pages for b in p.blocks if b.story_id == "s1"]
    assert len(frames) >= 3 and all(a.next_block == b.id for a, b in zip(frames, frames[1:]))
    displays = lay_out_document(doc)
    offs = _body_offsets(displays, long)  # set in full, once, in order across the frames
    assert offs == sorted(offs) and len(offs) == len(set(offs)) == sum(len(p.text) for p in long.paragraphs)
    assert "下转第4版" in "".join("".join(r.text) for r in displays[0].glyph_runs())


def test_the_last_page_takes_every_story_rather_than_leave_some_out():
    stories = list(import_files([str(UNSEEN / "feature.md")]).stories)
    res = compose_pages(stories, page_spec("broadsheet"), PageHeader())
    assert {b.story_id for p in res.document.pages for b in p.blocks} == {s.id for s in stories}
    assert not any("not placed" in line for line in res.report)


def test_cli_never_writes_an_empty_pdf_for_short_copy(tmp_path):
    out = tmp_path / "briefs.pdf"
    run = subprocess.run([sys.executable, str(ROOT / "main.py"), "compose", str(UNSEEN / "briefs.txt"),
                          "-o", str(out), "--force"], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    with pdfplumber.open(str(out)) as pdf:
        assert len(pdf.pages) == 1
        text = pdf.pages[0].extract_text().replace("\n", "")
    source = (UNSEEN / "briefs.txt").read_text(encoding="utf-8")
    han = [c for c in source if "\u4e00" <= c <= "\u9fff"]
    printed = Counter(c for c in text if "\u4e00" <= c <= "\u9fff")
    assert sum(min(n, printed[c]) for c, n in Counter(han).items()) >= 0.98 * len(han)  # the copy is all there


def test_a_headline_too_long_for_its_zone_stays_inside_its_block():
    """A 34-character head on a plain page: set in more lines at the floor size, never across its
    neighbours or off the trim (found on unseen copy: it printed over two stacks)."""
    stories = list(import_files([str(UNSEEN / "headlines.txt")]).stories)
    res = compose_pages(stories, page_spec("broadsheet"), PageHeader())
    assert {b.story_id for b in res.document.pages[0].blocks} == {s.id for s in stories}
    page = lay_out_document(res.document)[0]
    facts = {f.story_id: f for f in page.blocks}
    heads = [r for r in page.glyph_runs() if r.role in ("head", "kicker", "sub") and r.story_id]
    assert heads
    for r in heads:
        f = facts[r.story_id]
        for x, g in zip(r.xs, r.text):
            assert f.x - 0.5 <= x and x + r.size <= f.x + f.w + 0.5, (r.story_id, "".join(r.text))


def test_stories_left_over_fill_the_empty_foot_of_a_page_made_up_from_the_top():
    """A lead whose head needs four columns and briefs that fit two: no region cut takes them all,
    so the page is made up from the top — the stories next in line then fill its foot in plain
    stacks instead of waiting for another page while half of this one stays empty."""
    stories = list(import_files([str(UNSEEN / "headlines.txt")]).stories)
    spec = page_spec("300x420mm", 6)
    res = compose_pages(stories, spec, PageHeader(), max_pages=2)
    _check_geometry(res.document, spec.grid)
    first = res.document.pages[0]
    grid = spec.grid
    empty = 1 - sum(b.cols * b.rows for b in first.blocks) / (grid.columns * grid.rows)
    assert empty < 0.35, res.report
    assert any(line.startswith("page 1: the stories left over fill its foot") for line in res.report)
    assert {b.story_id for p in res.document.pages for b in p.blocks} == {s.id for s in stories}
    page = lay_out_document(res.document)[0]
    assert all(f.overset_chars == 0 for f in page.blocks)
