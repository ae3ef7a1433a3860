"""Scale: editions of 1, 4, 16 and 64 different pages, Banmian against Typst, and a parallel export.

Each edition's copy is one file per page (bench/edition_copy: the sample, then recombined pages).
Banmian runs `main.py compose page-01.txt … -o ed.pdf --pages N --force` as a whole process (one
pool of copy: makeup chooses which page each story goes on) and `… --page-per-file` (each file is
one page's copy, pages made up on every core — what the peer does); Typst compiles the same stories
one page per copy file; both give time and peak memory against pages,
and the cost of each added page is the least-squares slope of time against pages.

Parallel export: the 16-page edition is composed and saved once; then a fresh process loads it,
lays out every page and writes one PDF per page (as pages go to the plant), either serially or
split over worker processes, one per core.

Where each added page goes: a fresh process per edition size imports the copy, composes the
edition and exports it, timing each stage; the slope of each stage against pages splits the
cost of an added page between import, makeup and export.

    python3 bench/scale.py --export DOC.json OUTDIR WORKERS     child: the export, timed by the parent
    python3 bench/scale.py --stages OUT.pdf COPY…                child: stage times as JSON
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import edition_copy, pipeline, typst_peer  # noqa: E402
from bench.common import PYTHON, ROOT, Unavailable, ratio, time_processes  # noqa: E402


_DOC = None  # the edition the export child loaded; forked workers inherit it


def _export_pages(out_dir: str, indices: list[int]) -> int:
    """Lay out and write the given pages of the loaded edition, one PDF each."""
    from layout.pdf import PdfOptions, write_pdf
    from layout.render import lay_out_page

    for i in indices:
        write_pdf([lay_out_page(_DOC, i)], os.path.join(out_dir, f"page-{i + 1:02d}.pdf"), PdfOptions(force=True))
    return len(indices)


def _export_child(doc_path: str, out_dir: str, workers: int) -> int:
    global _DOC
    from layout.document_io import load_document

    _DOC = load_document(doc_path)  # once, before any worker forks
    n = len(_DOC.pages)
    if workers <= 1:
        _export_pages(out_dir, list(range(n)))
        return 0
    from concurrent.futures import ProcessPoolExecutor

    # Import the exporter and load the font metrics once, before the workers fork: each worker
    # then starts with them (and with the document), instead of paying for them again.
    import layout.pdf  # noqa: F401
    import layout.render  # noqa: F401
    from layout.fonts import default_registry

    reg = default_registry()
    for key in reg.entries:
        reg.face(key)
    chunks = [list(range(k, n, workers)) for k in range(workers)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        done = sum(pool.map(_export_pages, [out_dir] * workers, chunks))
    assert done == n
    return 0


def _stages_child(out_pdf: str, copies: list[str]) -> int:
    """Import, compose and export one edition in this (fresh) process; print each stage's ms."""
    import json
    import time

    t0 = time.perf_counter()
    stories = pipeline.stories([Path(c) for c in copies])
    t1 = time.perf_counter()
    doc = pipeline.compose(stories, pages=len(copies))
    t2 = time.perf_counter()
    from layout.document_io import ImageAccess
    from layout.export import export_document

    export_document(doc, out_pdf, list(range(len(doc.pages))), force=True, images=ImageAccess())
    t3 = time.perf_counter()
    print(json.dumps({"import_ms": round(1000 * (t1 - t0), 1), "compose_ms": round(1000 * (t2 - t1), 1),
                      "export_ms": round(1000 * (t3 - t2), 1), "pdf_pages": len(doc.pages)}))
    return 0


def stage_split(work: Path, sizes: tuple[int, ...]) -> dict:
    """Per added page, how much is import, makeup (compose) and export (lay out + PDF): the
    least-squares slope of each stage's time against pages, one fresh process per edition."""
    import json
    import subprocess

    rows = []
    for n in sizes:
        copies = edition_copy.write_edition(work / f"ed{n}", n)
        got = subprocess.run([PYTHON, "bench/scale.py", "--stages", str(work / f"stages{n}.pdf"),
                              *map(str, copies)], cwd=ROOT, capture_output=True, text=True,
                             env={k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"})
        if got.returncode:
            return {"unavailable": f"stage split of {n} pages exited {got.returncode}: {got.stderr[-300:]}"}
        rows.append({"pages": n, **json.loads(got.stdout.strip().splitlines()[-1])})
    out: dict = {"editions": rows}
    for stage in ("import_ms", "compose_ms", "export_ms"):
        out[f"per_page_{stage}"] = _slope([(r["pages"], r[stage]) for r in rows])
    return out


def _pages_of(pdf: Path) -> int:
    import pikepdf

    with pikepdf.open(str(pdf)) as p:
        return len(p.pages)


def per_page(editions: list[dict], mode: str = "banmian") -> dict:
    """Cost of each added page: least-squares slopes of wall time against pages, over the
    editions both Banmian (in `mode`: "banmian", one pool of copy for the edition, or
    "banmian_per_file", one copy file per page) and Typst finished, so both cover the same range."""
    both = [e for e in editions if "median_ms" in e.get(mode, {}) and "median_ms" in e.get("typst", {})]
    b = _slope([(e["pages"], e[mode]["median_ms"]) for e in both])
    t = _slope([(e["pages"], e["typst"]["median_ms"]) for e in both])
    return {f"per_page_over_pages_{mode}": [e["pages"] for e in both], f"ms_per_added_page_{mode}": b,
            "ms_per_added_page_typst": t, f"ratio_per_page_{mode}_typst": ratio(b, t)}


def _slope(points: list[tuple[int, float]]) -> float | None:
    if len(points) < 2:
        return None
    n = len(points)
    mx = sum(p for p, _ in points) / n
    my = sum(t for _, t in points) / n
    den = sum((p - mx) ** 2 for p, _ in points)
    return round(sum((p - mx) * (t - my) for p, t in points) / den, 2) if den else None


def run(work: Path, sizes: tuple[int, ...] = (1, 4, 16, 64), repeat: int = 3, parallel_pages: int = 16,
        warmup: int = 1, timeout: float = 240.0) -> dict:
    """Editions of each size (64 pages run once) and the parallel export. A Banmian edition that
    does not finish within `timeout` seconds is recorded as such and the larger ones are skipped."""
    out: dict = {"editions": [], "timeout_s": timeout}
    for n in sizes:
        if any("timeout_s" in e["banmian"] or "skipped" in e["banmian"].get("unavailable", "")
               for e in out["editions"]):
            skipped = {"unavailable": "skipped: a smaller edition did not finish"}
        else:
            skipped = None
        folder = work / f"ed{n}"
        copies = edition_copy.write_edition(folder, n)
        row: dict = {"pages": n, "copy_chars": sum(len(p.read_text(encoding="utf-8")) for p in copies)}
        typ = folder / "ed.typ"
        typst_peer.make(copies, typ)
        tpdf, bpdf = folder / "typst.pdf", folder / "banmian.pdf"
        commands = {"typst": [PYTHON, "bench/typst_peer.py", str(typ), "-o", str(tpdf)]}
        fpdf = folder / "banmian-per-file.pdf"
        commands["banmian_per_file"] = [PYTHON, "main.py", "compose", *[str(c) for c in copies], "-o", str(fpdf),
                                        "--page-per-file", "--force"]
        if not skipped:
            commands["banmian"] = [PYTHON, "main.py", "compose", *[str(c) for c in copies], "-o", str(bpdf),
                                   "--pages", str(n), "--force"]
        got = time_processes(commands, repeat if n < 64 else 1, warmup, timeout=timeout)
        got.setdefault("banmian", skipped)
        for name, pdf in (("typst", tpdf), ("banmian", bpdf), ("banmian_per_file", fpdf)):
            row[name] = got[name]
            if "median_ms" in got[name]:
                got[name]["pdf_pages"] = _pages_of(pdf)
        if "median_ms" in row["banmian"]:
            row["banmian"]["command"] = f"main.py compose page-01.txt … page-{n:02d}.txt -o ed.pdf --pages {n} --force"
        out["editions"].append(row)
    out.update(per_page(out["editions"]))
    out.update(per_page(out["editions"], "banmian_per_file"))
    out["stage_split"] = stage_split(work, tuple(n for n in sizes if n <= 16))
    out["parallel_export"] = parallel(work, parallel_pages, repeat, warmup)
    return out


def page_by_page(copies: list[Path]):
    """An edition made the way a desk makes it: each page composed from its own copy (one
    compose_pages call per page, which stays fast where one call for the whole edition does not),
    the pages then joined into one document with story and block ids made unique per page."""
    from dataclasses import replace

    pages, stories = [], []
    for k, copy in enumerate(copies):
        doc = pipeline.compose(pipeline.stories([copy]))
        pre = f"p{k + 1}-"
        stories += [replace(s, id=pre + s.id, group=pre + s.group if s.group else "") for s in doc.stories]
        for page in doc.pages:
            blocks = tuple(replace(b, id=pre + b.id, story_id=pre + b.story_id,
                                   next_block=pre + b.next_block if b.next_block else "") for b in page.blocks)
            pages.append(replace(page, id=pre + page.id, blocks=blocks))
    return replace(doc, pages=tuple(pages), stories=tuple(stories))


def parallel(work: Path, pages: int, repeat: int, warmup: int = 1) -> dict:
    """Serial vs one worker process per core, exporting a saved edition one PDF per page."""
    cores = os.cpu_count() or 1
    try:
        copies = edition_copy.write_edition(work / f"par{pages}", pages)
        doc = page_by_page(copies)
        doc_path = work / f"par{pages}.banmian.json"
        pipeline.save(doc, doc_path)
    except Unavailable as e:
        return {"unavailable": str(e)}
    res: dict = {"pages": len(doc.pages), "cores": cores}
    dirs = {label: work / f"par-{label}" for label in ("serial", "parallel")}
    for d in dirs.values():
        d.mkdir(exist_ok=True)
    workers = {"serial": 1, "parallel": cores}
    got = time_processes({label: [PYTHON, "bench/scale.py", "--export", str(doc_path), str(dirs[label]),
                                  str(workers[label])] for label in dirs}, repeat, warmup)
    for label, r in got.items():
        res[label] = r
        r["workers"] = workers[label]
        r["files"] = len(list(dirs[label].glob("*.pdf")))
    res["speedup"] = ratio(res.get("serial", {}).get("median_ms"), res.get("parallel", {}).get("median_ms"))
    return res


if __name__ == "__main__":
    if sys.argv[1:2] == ["--export"]:
        sys.exit(_export_child(sys.argv[2], sys.argv[3], int(sys.argv[4])))
    if sys.argv[1:2] == ["--stages"]:
        sys.exit(_stages_child(sys.argv[2], sys.argv[3:]))
    import json
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        print(json.dumps(run(Path(d), sizes=(1, 4), repeat=1, parallel_pages=4), ensure_ascii=False, indent=1))
