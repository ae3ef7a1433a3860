"""Banmian against its peer (Typst) and its floor (bare reportlab drawString) on the sample page.

Whole process: `python3 main.py compose examples/jiceng-page.txt -o X.pdf` vs the Typst peer
process (compile a prepared .typ) vs the floor process (draw prepared lines); each the median of
≥ 5 runs after a warm-up, with peak RSS. In process: typst.compile vs compose+export. PDF stage
alone: Banmian's write_pdf vs the floor's register+draw+save, each timed inside a fresh process
(the cost an export pays once per process: font registration, subsetting, writing).

    python3 bench/versus.py --pdf-stage DISPLAYS.pickle OUT.pdf    child: time write_pdf once
"""
from __future__ import annotations

import json
import pickle
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import floor, pipeline, typst_peer  # noqa: E402
from bench.common import (PYTHON, ROOT, SAMPLE, Unavailable, ratio, run_process, time_calls,  # noqa: E402
                          time_processes)


def _pdf_stage_child(displays_pickle: Path, out: Path) -> int:
    with open(displays_pickle, "rb") as f:
        pages = pickle.load(f)
    from layout.pdf import PdfOptions, write_pdf

    t = time.perf_counter()
    r = write_pdf(pages, str(out), PdfOptions(force=True))
    total = time.perf_counter() - t
    print(json.dumps({"pdf_stage_ms": round(total * 1000, 2),
                      "timings_ms": {k: round(v * 1000, 2) for k, v in r.timings.items()}}))
    return 0


def _child_stage(argv: list[str], repeat: int) -> dict:
    """Median of a child's self-reported pdf_stage_ms over `repeat` fresh processes."""
    import subprocess

    runs = []
    for _ in range(repeat + 1):
        p = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True)
        if p.returncode != 0:
            raise Unavailable(f"`{' '.join(argv)}` exited {p.returncode}: {p.stderr.strip()[-300:]}")
        runs.append(json.loads(p.stdout.strip().splitlines()[-1]))
    runs = runs[1:]  # the first run warms the page cache
    out = {"n": len(runs), "median_ms": round(statistics.median(r["pdf_stage_ms"] for r in runs), 2)}
    if "timings_ms" in runs[0]:
        out["parts_median_ms"] = {k: round(statistics.median(r["timings_ms"][k] for r in runs), 2)
                                  for k in runs[0]["timings_ms"]}
    return out


def _attempt(results: dict, key: str, fn) -> None:
    try:
        results[key] = fn()
    except Unavailable as e:
        results[key] = {"unavailable": str(e)}


def run(work: Path, repeat: int = 5) -> dict:
    """Every peer and floor figure; stages that have not landed are reported as unavailable."""
    res: dict = {}
    typ = work / "page.typ"
    res["typst_stories_from"] = typst_peer.make([SAMPLE], typ)
    typst_pdf = work / "typst.pdf"
    typst_peer.compile_pdf(typ, typst_pdf)

    # The floor's lines: Banmian's own display list when the pipeline runs, else the peer's PDF.
    lines = work / "lines.json"
    displays_pickle = work / "displays.pickle"
    try:
        pages = pipeline.displays(pipeline.sample_document())
        with open(displays_pickle, "wb") as f:
            pickle.dump(pages, f)
        res["floor_lines_from"] = "Banmian display list"
        chars = floor.write_lines(floor.lines_from_display(pages), lines)
    except Unavailable as e:
        pages = None
        res["floor_lines_from"] = f"Typst peer PDF ({e})"
        chars = floor.write_lines(floor.lines_from_pdf(typst_pdf), lines)
    res["floor_chars"] = chars

    banmian_argv = [PYTHON, "main.py", "compose", str(SAMPLE.relative_to(ROOT)), "-o", str(work / "banmian.pdf")]
    _, _, rc, _, _ = run_process(banmian_argv)
    if rc == 2:  # preflight refused the page (e.g. a missing picture): time what --force writes, and say so
        banmian_argv.append("--force")
    whole = time_processes({
        "python_startup": [PYTHON, "-c", "pass"],
        "typst": [PYTHON, "bench/typst_peer.py", str(typ), "-o", str(typst_pdf)],
        "floor": [PYTHON, "bench/floor.py", str(lines), "-o", str(work / "floor.pdf")],
        "banmian": banmian_argv,
    }, repeat)

    def cold_cache():  # the first run on a machine: no font metrics cache yet
        with tempfile.TemporaryDirectory() as cache:
            w, peak, rc, err, cpu = run_process(banmian_argv, env={"BANMIAN_CACHE": cache})
            if rc != 0:
                raise Unavailable(f"main.py compose exited {rc}: {err.strip()[-300:]}")
            return {"wall_ms": round(w * 1000, 1), "cpu_ms": round(cpu * 1000, 1), "peak_rss_mb": round(peak / 1024, 1)}

    _attempt(whole, "banmian_empty_metrics_cache", cold_cache)
    res["whole_process"] = whole
    b, t, f = (whole.get(k, {}).get("median_ms") for k in ("banmian", "typst", "floor"))
    res["ratio_whole_banmian_typst"] = ratio(b, t)
    res["ratio_whole_banmian_floor"] = ratio(b, f)
    res["ratio_whole_floor_typst"] = ratio(f, t)
    bc, tc, fc = (whole.get(k, {}).get("cpu_ms") for k in ("banmian", "typst", "floor"))
    res["ratio_cpu_banmian_typst"] = ratio(bc, tc)
    res["ratio_cpu_banmian_floor"] = ratio(bc, fc)

    inproc = {}
    _attempt(inproc, "typst_compile", lambda: time_calls(lambda: typst_peer.compile_pdf(typ, typst_pdf), repeat))

    def banmian_inproc():
        def once():
            pipeline.export(pipeline.displays(pipeline.compose(pipeline.stories())), work / "inproc.pdf")
        return time_calls(once, repeat, before=pipeline.clear_layout_caches)

    _attempt(inproc, "banmian_import_compose_export", banmian_inproc)
    floor_pages = json.loads(lines.read_text(encoding="utf-8"))
    _attempt(inproc, "floor_draw", lambda: time_calls(lambda: floor.draw(floor_pages, work / "floor-in.pdf"), repeat))
    res["in_process"] = inproc
    res["ratio_inprocess_banmian_typst"] = ratio(inproc.get("banmian_import_compose_export", {}).get("median_ms"),
                                                 inproc.get("typst_compile", {}).get("median_ms"))

    stage = {}
    _attempt(stage, "floor", lambda: _child_stage([PYTHON, "bench/floor.py", str(lines), "-o",
                                                   str(work / "floor.pdf")], repeat))
    if pages is not None:
        _attempt(stage, "banmian", lambda: _child_stage([PYTHON, "bench/versus.py", "--pdf-stage",
                                                         str(displays_pickle), str(work / "stage.pdf")], repeat))
    else:
        stage["banmian"] = {"unavailable": "the pipeline has not landed yet"}
    res["pdf_stage_cold"] = stage
    res["ratio_pdf_stage_banmian_floor"] = ratio(stage.get("banmian", {}).get("median_ms"),
                                                 stage.get("floor", {}).get("median_ms"))
    return res


if __name__ == "__main__":
    if sys.argv[1:2] == ["--pdf-stage"]:
        sys.exit(_pdf_stage_child(Path(sys.argv[2]), Path(sys.argv[3])))
    with tempfile.TemporaryDirectory() as d:
        print(json.dumps(run(Path(d), repeat=3), ensure_ascii=False, indent=1))
