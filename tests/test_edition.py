"""An edition from one copy file per page: each page holds its own file's stories, made up in parallel."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pdfplumber
import pytest

from layout.edition import make_edition
from layout.render import lay_out_document
from layout.importer import import_files
from layout.model import PageHeader
from layout.presets import page_spec

ROOT = Path(__file__).resolve().parent.parent
HEADER = PageHeader(paper="", section="要闻", number="3", date="2026-11-28", edition="", editor="")
sys.path.insert(0, str(ROOT))
from bench import edition_copy  # noqa: E402  (a whole page of different copy per page)

HEADS = ("村口食堂开张了", "溪边步道连成环", "夜校课堂满座了")


def _copy(k: int) -> str:
    """Page k's copy: a whole page of stories, the first one headed HEADS[k] (found on page k only)."""
    return f"{HEADS[k]}\n\n" + edition_copy.page_copy(k)


@pytest.fixture(scope="module")
def copies(tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("edition")
    paths = []
    for k in range(3):
        p = folder / f"page-{k + 1}.txt"
        p.write_text(_copy(k), encoding="utf-8")
        paths.append(p)
    return paths


def test_each_page_holds_its_own_files_stories_serial_and_parallel_alike(copies):
    imported = import_files([str(p) for p in copies])
    groups = imported.by_file()
    assert [sum(len(g) for g in groups)] == [len(imported.stories)] and all(groups)
    made = make_edition(groups, page_spec("broadsheet"), HEADER, workers=1)
    parallel = make_edition(groups, page_spec("broadsheet"), HEADER, workers=2)
    assert parallel == made
    serial, doc = made.composed, made.composed.document
    assert list(made.displays) == lay_out_document(doc)  # laid out in the workers as the document lays out
    assert all(f.page == d.page_index for d in made.displays for f in d.findings)
    assert [p.id for p in doc.pages] == ["p1", "p2", "p3"]
    assert [p.header.number for p in doc.pages] == ["3", "4", "5"]
    for page, group in zip(doc.pages, groups):
        assert {b.story_id for b in page.blocks} == {s.id for s in group}
    assert [line.split(":")[0] for line in serial.report if "score" in line] == ["page 1", "page 2", "page 3"]
    assert any(line.startswith(f"{groups[2][0].id}: page 3,") for line in serial.report)


def test_cli_page_per_file_prints_each_files_headline_on_its_page(copies, tmp_path):
    out = tmp_path / "ed.pdf"
    run = subprocess.run([sys.executable, str(ROOT / "main.py"), "compose", *map(str, copies), "-o", str(out),
                          "--page-per-file", "--force"], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    with pdfplumber.open(str(out)) as pdf:
        texts = [page.extract_text().replace("\n", "") for page in pdf.pages]
    assert len(texts) == 3
    for k, text in enumerate(texts):
        assert HEADS[k] in text
        assert all(h not in text for j, h in enumerate(HEADS) if j != k)


def test_page_per_file_refuses_a_template(copies, tmp_path):
    run = subprocess.run([sys.executable, str(ROOT / "main.py"), "compose", str(copies[0]), "-o",
                          str(tmp_path / "x.pdf"), "--page-per-file", "--template", str(ROOT / "examples" /
                          "jiceng-page.banmian.json")], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 1 and "--page-per-file and --template" in run.stderr


def test_a_short_copy_still_makes_its_page_and_the_pages_keep_their_numbers(copies, tmp_path):
    tiny = tmp_path / "tiny.txt"
    tiny.write_text("短讯一则\n\n临近中午,社区的老人们围坐一桌,享用着午餐。\n", encoding="utf-8")
    imported = import_files([str(tiny), str(copies[0])])
    made = make_edition(imported.by_file(), page_spec("broadsheet"), HEADER, workers=1)
    got = made.composed
    # the second page holds the photo story with no picture yet: its warning names page 2 (index 1)
    assert [f.page for f in made.displays[1].findings] and all(f.page == 1 for f in made.displays[1].findings)
    first, second = got.document.pages
    assert (first.id, first.header.number) == ("p1", "3")
    assert {b.story_id for b in first.blocks} == {s.id for s in imported.by_file()[0]}  # the brief is set
    assert any(line.startswith("page 1:") and "of the type area is empty" in line for line in got.report)
    assert second.id == "p2" and second.header.number == "4" and second.blocks
    assert {s.id for s in got.document.stories} == {s.id for s in imported.stories}  # nothing lost


def test_a_page_with_no_copy_stays_in_the_edition_empty(copies):
    stories = import_files([str(copies[1])]).stories
    got = make_edition([(), stories], page_spec("broadsheet"), HEADER, workers=1).composed
    first, second = got.document.pages
    assert (first.id, first.blocks, first.header.number) == ("p1", (), "3") and second.blocks
    assert "page 1: no page could be made up from its copy — left empty" in got.report


def test_a_converted_edition_sets_each_page_in_traditional_and_keeps_the_source(copies):
    imported = import_files([str(copies[0])])
    got = make_edition(imported.by_file(), page_spec("broadsheet"), HEADER, convert="s2twp", workers=1)
    assert got.composed.document.edition == "s2twp"
    assert got.composed.document.stories == imported.stories  # the source text is what is kept
    shown = "".join("".join(i.text) for d in got.displays for i in d.items if hasattr(i, "glyphs"))
    assert "層" in shown and "层" not in shown
