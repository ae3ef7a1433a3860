"""The one bench command: runs every measurement and writes bench/results.md and bench/results.json.

    python3 bench/run.py            the full run (sample page ×5 runs, editions of 1/4/16/64 pages,
                                    200 interactive events per kind); several minutes
    python3 bench/run.py --quick    a smoke run (editions of 1 and 4 pages, fewer events); ~2 minutes
    --out DIR                       write the results elsewhere (the tests use a temporary folder)

A stage of the pipeline that has not landed is reported "not available yet"; nothing else stops.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import conversion, interactive, scale, stages, versus  # noqa: E402
from bench.common import Unavailable, machine  # noqa: E402
from bench.report import get_path, markdown  # noqa: E402

HERE = Path(__file__).resolve().parent

FULL = dict(repeat=5, sizes=(1, 4, 16, 64), scale_repeat=3, scale_warmup=1, events=200, recompose=50,
            parallel_pages=16)
QUICK = dict(repeat=5, sizes=(1, 2), scale_repeat=1, scale_warmup=0, events=50, recompose=10, parallel_pages=4)


def _section(name: str, fn) -> dict:
    """One section's results; an unavailable stage or a crash is recorded, never fatal."""
    t = time.perf_counter()
    print(f"bench: {name} …", file=sys.stderr, flush=True)
    try:
        out = fn()
    except Unavailable as e:
        out = {"unavailable": str(e)}
    except Exception as e:  # a broken stage must not lose the other figures of the run
        out = {"error": f"{type(e).__name__}: {e}", "traceback": traceback.format_exc()[-2000:]}
    out["section_seconds"] = round(time.perf_counter() - t, 1)
    return out


def typeset_bench() -> dict:
    """The typesetting engineer's figures: bench/bench_typeset.py's main(), its report kept as printed."""
    import contextlib
    import io

    try:
        mod = __import__("bench.bench_typeset", fromlist=["main"])
    except ImportError:
        return {"unavailable": "bench/bench_typeset.py not available yet"}
    if not callable(getattr(mod, "main", None)):
        return {"unavailable": "bench/bench_typeset.py has no main()"}
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        got = mod.main()
    out = {"output": buf.getvalue().strip().splitlines()}
    if isinstance(got, dict):
        out.update(got)
    return out


def targets(r: dict) -> list[dict]:
    """Each target of issue 9 with this run's figure and whether it is met."""
    rows = []

    def add(name, figure, limit, at_most=True, unit="×"):
        met = None if figure is None else (figure <= limit if at_most else figure >= limit)
        rows.append({"target": name, "figure": figure, "limit": f"{'≤' if at_most else '≥'} {limit}{unit}",
                     "met": met, "by": None if figure is None or met else round(figure / limit, 2)})

    v, i, s = r.get("versus", {}), r.get("interactive", {}), r.get("scale", {})
    add("cold compose, whole process: Banmian / Typst", v.get("ratio_whole_banmian_typst"), 1.5)
    add("cold compose, whole process: Banmian / reportlab floor", v.get("ratio_whole_banmian_floor"), 1.3)
    editor = i.get("editor_bench", {})
    for kind, ed_kind, label in (("move", "move_live", "move one block"), ("resize", "resize_live", "resize one block"),
                                 ("typing", "typing", "one keystroke")):
        # the figure that counts: the editor's own canvas (bench_interactive: the real MainWindow
        # re-lays out the blocks the event touched and repaints what changed)
        add(f"{label}: re-layout + repaint in the editor's canvas p95", get_path(editor, ed_kind, "total", "p95_ms"),
            16, unit=" ms")
        add(f"{label}: engine alone, whole page re-laid out p95", get_path(i, kind, "relayout", "p95_ms"), 16,
            unit=" ms")
        add(f"{label}: whole page re-laid out + repainted at 1000 px p95 (pessimistic bound)",
            get_path(i, kind, "total", "p95_ms"), 16, unit=" ms")
    add("whole-page re-compose (after a keystroke), median", get_path(i, "recompose_after_keystroke", "median_ms"),
        50, unit=" ms")
    add("cost of each added page, one copy file per page (as the peer): Banmian / Typst",
        s.get("ratio_per_page_banmian_per_file_typst"), 1.5)
    add("cost of each added page, one pool of copy (makeup places every story): Banmian / Typst",
        s.get("ratio_per_page_banmian_typst"), 1.5)
    add(f"parallel export of {get_path(s, 'parallel_export', 'pages')} pages on "
        f"{get_path(s, 'parallel_export', 'cores')} cores: serial / parallel", get_path(s, "parallel_export", "speedup"),
        1.6, at_most=False)
    return rows


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="Banmian bench: speed and scale against Typst and the reportlab floor")
    p.add_argument("--quick", action="store_true", help="a smoke run of about two minutes")
    p.add_argument("--out", default=str(HERE), help="folder for results.md and results.json")
    ns = p.parse_args(argv)
    cfg = QUICK if ns.quick else FULL
    out_dir = Path(ns.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    results: dict = {"machine": machine(), "mode": "quick" if ns.quick else "full", "config": cfg}
    with tempfile.TemporaryDirectory(prefix="banmian-bench-") as d:
        work = Path(d)
        results["versus"] = _section("peer and floor", lambda: versus.run(work, cfg["repeat"]))
        results["stages"] = _section("stages", lambda: stages.run(work, cfg["repeat"]))
        results["interactive"] = _section("interactive", lambda: interactive.run(cfg["events"], cfg["recompose"]))
        results["conversion"] = _section("conversion", lambda: conversion.run(cfg["repeat"]))
        results["typeset_bench"] = _section("typesetting (bench_typeset)", typeset_bench)
        results["scale"] = _section("scale", lambda: scale.run(work, cfg["sizes"], cfg["scale_repeat"],
                                                                cfg["parallel_pages"], cfg["scale_warmup"]))
    try:
        results["machine"]["load_at_end"] = round(os.getloadavg()[0], 2)
    except OSError:
        pass
    results["targets"] = targets(results)
    results["seconds"] = round(time.perf_counter() - t0, 1)
    (out_dir / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (out_dir / "results.md").write_text(markdown(results), encoding="utf-8")
    print(out_dir / "results.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
