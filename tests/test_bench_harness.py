"""The bench harness runs and writes well-formed results on tiny input (no timing is checked)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pdfplumber

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import edition_copy, floor, report, typst_peer  # noqa: E402
from bench.common import PYTHON, summary, time_processes  # noqa: E402
from bench.run import targets  # noqa: E402

TINY = "小标题测试\n\n临近中午,社区的老人们围坐一桌,享用着午餐。“这个食堂饭菜清淡可口。”(梁艺)\n"


def test_edition_pages_differ_and_keep_the_sample_first():
    pages = [edition_copy.page_copy(i) for i in range(3)]
    assert pages[0] == edition_copy.SAMPLE.read_text(encoding="utf-8")
    assert len(set(pages)) == 3
    assert all(edition_copy.split_stories(p) for p in pages)


def test_typst_peer_sets_the_same_text_in_eight_columns(tmp_path):
    copy = tmp_path / "tiny.txt"
    copy.write_text(TINY, encoding="utf-8")
    typ, pdf = tmp_path / "p.typ", tmp_path / "p.pdf"
    typst_peer.make([copy], typ)
    typst_peer.compile_pdf(typ, pdf)
    with pdfplumber.open(str(pdf)) as doc:
        assert len(doc.pages) == 1
        text = doc.pages[0].extract_text().replace("\n", "")
        fonts = {c["fontname"].split("+")[-1] for c in doc.pages[0].chars}
    assert "享用着午餐" in text
    assert "NotoSerifSC-Regular" in fonts  # the bundled body face, not a system font


def test_floor_draws_the_lines_it_is_given(tmp_path):
    pages = [{"width": 300.0, "height": 400.0, "lines": [
        {"font": "NotoSerifSC-Regular", "size": 9.0, "x": 20.0, "y": 40.0, "text": "临近中午，社区"}]}]
    lines, pdf = tmp_path / "lines.json", tmp_path / "floor.pdf"
    assert floor.write_lines(pages, lines) == 7
    floor.draw(json.loads(lines.read_text(encoding="utf-8")), pdf)
    with pdfplumber.open(str(pdf)) as doc:
        assert doc.pages[0].extract_text().strip() == "临近中午，社区"


def test_processes_are_timed_and_failures_reported_not_raised():
    got = time_processes({"ok": [PYTHON, "-c", "pass"], "bad": [PYTHON, "-c", "raise SystemExit(3)"]},
                         repeat=2, warmup=0)
    assert got["ok"]["n"] == 2 and got["ok"]["peak_rss_mb"] > 0
    assert "exited 3" in got["bad"]["unavailable"]


def test_report_is_written_for_partial_results():
    results = {"machine": {"date": "2026-01-01", "cores": 2, "cpu": "x", "python": "3.11", "platform": "p",
                           "load_at_start": 0.1, "packages": {"typst": "0"}},
               "mode": "quick", "seconds": 1.0,
               "versus": {"unavailable": "layout.compose not available yet"},
               "interactive": {"events": 3, "repaint": "none",
                               "move": {"relayout": summary([0.001, 0.002, 0.003]), "total": summary([0.020] * 3)},
                               "editor_bench": {"move_live": {"total": {"p95_ms": 4.0}}}},
               "scale": {"error": "RuntimeError: boom"}}
    results["targets"] = targets(results)
    md = report.markdown(results)
    assert "not available yet (layout.compose not available yet)" in md
    assert "error: RuntimeError: boom" in md
    rows = {t["target"]: t for t in results["targets"]}
    move = rows["move one block: re-layout + repaint in the editor's canvas p95"]
    assert move["figure"] == 4.0 and move["met"] is True
    whole = rows["move one block: whole page re-laid out + repainted at 1000 px p95 (pessimistic bound)"]
    assert whole["figure"] == 20.0 and whole["met"] is False and whole["by"] == 1.25
    assert rows["resize one block: re-layout + repaint in the editor's canvas p95"]["met"] is None  # not measured
    json.dumps(results)  # JSON-ready


def test_stage_split_times_each_stage_of_real_editions(tmp_path):
    from bench import scale

    split = scale.stage_split(tmp_path, (1, 2))
    assert [e["pages"] for e in split["editions"]] == [1, 2]
    assert all(e["pdf_pages"] >= 1 and e["compose_ms"] > 0 and e["export_ms"] > 0 for e in split["editions"])
    assert (tmp_path / "stages2.pdf").stat().st_size > 0
    assert split["per_page_compose_ms"] is not None
    results = {"machine": {"date": "2026-01-01", "cores": 2, "cpu": "x", "python": "3.11", "platform": "p",
                           "load_at_start": 0.1, "packages": {}},
               "mode": "quick", "seconds": 1.0, "versus": {"unavailable": "not run"},
               "interactive": {"unavailable": "not run"}, "scale": {"editions": [], "stage_split": split,
                                                                   "parallel_export": {"unavailable": "not run"}}}
    results["targets"] = targets(results)
    md = report.markdown(results)
    assert "Where an added page goes" in md and "per added page" in md
