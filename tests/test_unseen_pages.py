"""Other page sizes and modes on copy Banmian has never seen (tests/data/unseen): what a chief
editor would see on the page, read back from the composed document and its display list."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from layout.compose import compose_pages
from layout.convert import convert_story
from layout.document_io import load_document
from layout.edition import compose_converted
from layout.importer import import_files
from layout.model import PageHeader
from layout.presets import page_spec
from layout.render import lay_out_document
from layout.typeset import TextStyle, set_paragraph

ROOT = Path(__file__).resolve().parent.parent
UNSEEN = ROOT / "tests" / "data" / "unseen"


def _reading_order(page):
    """Story ids as a reader meets them on a page of stacks: stack by stack, top to bottom."""
    seen: list[str] = []
    for b in sorted(page.blocks, key=lambda b: (b.col, b.row)):
        if b.story_id not in seen:
            seen.append(b.story_id)
    return seen


def test_plain_page_keeps_the_copy_order_with_the_lead_story_first():
    # headlines.txt opens with a story whose 34-character head fits no half-page stack: no
    # arrangement makes the page, and the plain stacks must still open with it, not end with it
    stories = list(import_files([str(UNSEEN / "headlines.txt")]).stories)
    res = compose_pages(stories, page_spec("broadsheet"), PageHeader())
    page = res.document.pages[0]
    assert any("(plain stacks)" in line for line in res.report)
    order = [s.id for s in stories]
    assert _reading_order(page) == [i for i in order if i in _reading_order(page)]
    # the lead's head is the first head at the top left of the type area, in the display list
    g = page_spec("broadsheet").grid
    heads = [r for r in lay_out_document(res.document)[0].glyph_runs() if r.role == "head"]
    first_stack = [r for r in heads if r.xs[0] < g.left + g.width / 2]
    assert min(first_stack, key=lambda r: r.ys[0]).story_id == stories[0].id


def test_plain_page_of_briefs_opens_with_the_first_brief():
    stories = list(import_files([str(UNSEEN / "briefs.txt")]).stories)
    res = compose_pages(stories, page_spec("broadsheet"), PageHeader())
    page = res.document.pages[0]
    assert _reading_order(page)[0] == stories[0].id
    assert _reading_order(page) == [s.id for s in stories if s.id in _reading_order(page)]



def _assert_datelines_run_in(stories, dated):
    """Each dated story's dateline opens its first paragraph in kai, on the paragraph's first line,
    after the 2-em indent (read back from the laid-out page)."""
    res = compose_pages(stories, page_spec("broadsheet"), PageHeader())
    runs = lay_out_document(res.document)[0].glyph_runs()
    for s in dated:
        glyphs = sorted((round(y, 1), x, t, r.font, r.size) for r in runs
                        if r.story_id == s.id and r.role not in ("head", "kicker", "sub")
                        for x, y, t in zip(r.xs, r.ys, r.text))
        left = min(g[1] for g in glyphs)
        first = min(g for g in glyphs if g[1] < left + 3 * g[4])  # the first column's first line
        column = [g for g in glyphs if g[1] < left + 12.5 * first[4]]  # 13 ems wide
        column.sort()
        n = len(s.byline)
        assert "".join(g[2] for g in column).startswith(s.byline + s.paragraphs[0].text[:4]), s.byline
        assert all("WenKai" in g[3] for g in column[:n]) and "WenKai" not in column[n][3]
        # the paragraph starts on the line where the dateline ends: no line of its own
        assert column[n - 1][0] == column[n][0], s.byline
        # indented two ems from the column's left edge, like every paragraph
        assert abs(column[0][1] - left - 2 * column[0][4]) < 0.3 * column[0][4]


def test_a_dateline_runs_into_the_first_paragraph_in_kai_after_its_indent():
    # numbers.txt opens stories with 本报讯（通讯员 孙蕾 记者 周航）: set as a ragged line of its own,
    # it broke the name (…记者 周 / 航）) and the paragraph started a line lower
    stories = list(import_files([str(UNSEEN / "numbers.txt")]).stories)
    dated = [s for s in stories if s.byline_at_start and s.byline.startswith("本报讯")]
    assert len(dated) == 4
    _assert_datelines_run_in(stories, dated)


@pytest.mark.parametrize("name, config, opening, count", [
    ("headlines.txt", "s2twp", "本報訊", 4), ("numbers.txt", "s2hk", "本報訊", 4),
    ("traditional.txt", "t2s", "【记者", 7)])
def test_a_dateline_runs_in_after_conversion_to_the_other_script(name, config, opening, count):
    # conversion happens before flow: in the s2twp edition 本報訊（記者 周濤） stood on a ragged line
    # of its own (pdfcheck: 14.85 pt short), and in the t2s edition of traditional.txt
    # 【记者林志明／台北报导】 (報導 → 报导) broke as 【记者林志明／台北报 / 导】, 6 orphans
    stories = [convert_story(s, config) for s in import_files([str(UNSEEN / name)]).stories]
    dated = [s for s in stories if s.byline_at_start and s.byline.startswith(opening)]
    assert len(dated) == count
    _assert_datelines_run_in(stories, dated)


def test_a_package_banner_on_the_plain_page_outranks_its_sub_heads():
    # package.txt is too short for a broadsheet: the plain page sets the package as its parts, and
    # gave the banner the smallest head on the page (16 pt, both parts on one line) under 20-pt sub-heads
    stories = list(import_files([str(UNSEEN / "package.txt")]).stories)
    banner = next(s for s in stories if s.kind == "package")
    subs = [s.id for s in stories if s.group == banner.id]
    res = compose_pages(stories, page_spec("broadsheet"), PageHeader())
    assert any("(plain stacks)" in line for line in res.report)
    heads = [r for r in lay_out_document(res.document)[0].glyph_runs() if r.role == "head"]
    size = {sid: max(r.size for r in heads if r.story_id == sid) for sid in [banner.id, *subs]}
    assert all(size[banner.id] > size[s] for s in subs), size
    lines = {}
    for r in heads:
        if r.story_id == banner.id:
            for y, t in zip(r.ys, r.text):
                lines[round(y, 1)] = lines.get(round(y, 1), "") + t
    assert [lines[y] for y in sorted(lines)] == list(banner.headline.main)  # a part to a line


def test_unbreakable_number_range_with_an_em_dash_stays_on_one_line():
    # clreq 3.1.5: a range 1—9月 / 8:30—17:30 written with — (the usual Chinese connector) broke
    # after the dash on numbers.txt's page ("2024年1—" / "9月"); 2021－2025 already held together
    paras = [p.text for s in import_files([str(UNSEEN / "numbers.txt")]).stories for p in s.paragraphs]
    ranged = [t for t in paras if "—" in t]
    assert len(ranged) >= 4
    style = TextStyle(role="body", size=9.0, script="sc", indent=2.0)
    broken = []
    for ems in range(9, 27):
        for text in ranged:
            for line in set_paragraph(text, 9.0 * ems, style)[:-1]:
                if line.end < len(text) and text[line.end - 1] == "—" and text[line.end - 2].isdigit():
                    broken.append((ems, text[line.end - 6:line.end + 2]))
    assert broken == []


def test_a_leading_name_line_starts_where_the_paragraphs_do():
    """本报记者 黄蓉 on its own line at a story's start is set in 楷体 from the 2-em indent, like a
    paragraph's first line — not pushed to the right edge, where pdfcheck (and a reader) took it
    for a stray line with an odd indent."""
    stories = list(import_files([str(UNSEEN / "numbers.txt")]).stories)
    res = compose_pages(stories, page_spec("broadsheet"), PageHeader())
    page = lay_out_document(res.document)[0]
    facts = {b.story_id: b for b in page.blocks}
    names = [r for r in page.glyph_runs() if "".join(r.text).startswith("本报记者")]
    assert names
    for r in names:
        column_x = max(x for x, *_ in facts[r.story_id].frames if x <= r.xs[0] + 0.01)
        assert r.font.startswith("LXGWWenKai") and abs(r.xs[0] - (column_x + 2 * r.size)) < 0.01


def _compose_saved(tmp_path, name, *extra):
    """Compose unseen copy through the command line and load the document it saved."""
    out = tmp_path / f"{name}{'-'.join(extra)}.banmian.json"
    r = subprocess.run([sys.executable, str(ROOT / "main.py"), "compose", str(UNSEEN / name), "-o",
                        str(out.with_suffix(".pdf")), "--save", str(out), "--force", *extra],
                       capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert r.returncode == 0, r.stderr
    return load_document(out), r.stderr


def _makeup(doc):
    return [(b.id, b.col, b.row, b.cols, b.rows, b.show_head, b.head, b.image) for p in doc.pages for b in p.blocks]


def test_an_edition_is_the_same_page_flowed_again_when_its_text_fits(tmp_path):
    # made up from the converted text, the s2twp edition of photo-page.txt was another page: other
    # picture heights, heads turned vertical, a story moved (score 18.4 → 30.4), and the edition
    # report compared blocks the source page never had
    source, _ = _compose_saved(tmp_path, "photo-page.txt")
    edition, report = _compose_saved(tmp_path, "photo-page.txt", "--convert", "s2twp")
    assert edition.edition == "s2twp" and edition.stories == source.stories
    assert _makeup(edition) == _makeup(source)
    assert "the source page's makeup" in report
    displays = lay_out_document(edition)
    assert not [b.block_id for d in displays for b in d.blocks if b.overset_chars]
    body = "".join(t for d in displays for r in d.glyph_runs() if r.role == "body" for t in r.text)
    assert "區" in body and "区" not in body  # the blocks hold the converted text


def test_an_edition_whose_text_would_overset_the_source_page_is_made_up_again():
    # on the sample page 2 of the source page's blocks overset in s2twp (超12字, 超13字): copy
    # must not be lost, so the edition gets its own makeup and the report names the blocks
    stories = list(import_files([str(ROOT / "examples" / "jiceng-page.txt")]).stories)
    made, displays = compose_converted(stories, "s2twp", page_spec("broadsheet"), PageHeader())
    assert any("oversets the source page's block(s)" in line for line in made.report)
    assert made.document.edition == "s2twp" and made.document.stories == tuple(stories)
    assert not [b.block_id for d in displays for b in d.blocks if b.overset_chars]
