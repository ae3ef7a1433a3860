"""results.json → results.md: the targets, then every figure of the run in tables."""
from __future__ import annotations


def _f(x, unit: str = "") -> str:
    if x is None:
        return "—"
    if isinstance(x, float):
        x = f"{x:,.1f}" if abs(x) >= 10 else f"{x:.2f}"
    return f"{x}{unit}"


def _na(d) -> str:
    """Why a section has no figure: 'not available yet (…)' or its error."""
    if not isinstance(d, dict):
        return "not available yet"
    if "unavailable" in d:
        return f"not available yet ({d['unavailable'][:240]})"
    if "error" in d:
        return f"error: {d['error'][:240]}"
    return ""


def _table(head: list[str], rows: list[list]) -> list[str]:
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    out += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    return out + [""]


def _proc_row(name: str, d: dict) -> list:
    if _na(d):
        return [name, _na(d), "", "", "", ""]
    return [name, _f(d.get("median_ms"), " ms"), _f(d.get("p95_ms"), " ms"), _f(d.get("cpu_ms"), " ms"),
            _f(d.get("peak_rss_mb"), " MB"), d.get("n", "")]


def markdown(r: dict) -> str:
    m = r["machine"]
    pk = ", ".join(f"{k} {v}" for k, v in m["packages"].items())
    L = [f"# Banmian bench results ({r['mode']} run)", "",
         f"{m['date']} · {m['cores']} cores · {m['cpu']} · Python {m['python']} · {m['platform']} · "
         f"load {m.get('load_at_start')} → {m.get('load_at_end')} · run took {r.get('seconds')} s", "",
         f"Packages: {pk}.", "", "## Targets", ""]
    L += _table(["target", "this run", "target", "met", "missed by"],
                [[t["target"], _f(t["figure"]), t["limit"],
                  {True: "yes", False: "**no**", None: "not measured"}[t["met"]],
                  f"{t['by']}×" if t["by"] else ""] for t in r["targets"]])

    v = r.get("versus", {})
    L += ["## The sample page against the peer and the floor", ""]
    if _na(v):
        L += [_na(v), ""]
    else:
        w = v.get("whole_process", {})
        L += [f"Whole process, median of {_get_n(w)} runs after a warm-up, the commands taking turns. "
              f"Typst's stories come from {v.get('typst_stories_from')}; the floor draws "
              f"{v.get('floor_chars')} characters from the {v.get('floor_lines_from')}.", ""]
        L += _table(["process", "median wall", "p95 wall", "CPU (user+sys)", "peak RSS", "runs"],
                    [_proc_row(label, w.get(k, {})) for k, label in (
                        ("python_startup", "`python3 -c pass` (interpreter alone)"),
                        ("typst", "Typst peer (`bench/typst_peer.py page.typ`)"),
                        ("floor", "reportlab floor (`bench/floor.py lines.json`)"),
                        ("banmian", "Banmian `main.py compose examples/jiceng-page.txt`"))])
        ec = w.get("banmian_empty_metrics_cache", {})
        if not _na(ec):
            L += [f"First run on a machine (empty font-metrics cache): {_f(ec.get('wall_ms'), ' ms')} wall, "
                  f"{_f(ec.get('peak_rss_mb'), ' MB')} peak.", ""]
        L += [f"Ratios, whole process (wall): Banmian/Typst **{_f(v.get('ratio_whole_banmian_typst'))}**, "
              f"Banmian/floor **{_f(v.get('ratio_whole_banmian_floor'))}**, floor/Typst "
              f"{_f(v.get('ratio_whole_floor_typst'))}; by CPU time: Banmian/Typst "
              f"{_f(v.get('ratio_cpu_banmian_typst'))}, Banmian/floor {_f(v.get('ratio_cpu_banmian_floor'))}.", ""]
        ip = v.get("in_process", {})
        L += ["In process (warm interpreter; Banmian's layout caches emptied before each run):", ""]
        L += _table(["work", "median", "p95", "runs"], [
            [label, *(["—", "—", _na(ip.get(k, {}))] if _na(ip.get(k, {})) else
                      [_f(ip[k]["median_ms"], " ms"), _f(ip[k]["p95_ms"], " ms"), ip[k]["n"]])]
            for k, label in (("typst_compile", "typst.compile(page.typ)"),
                             ("banmian_import_compose_export", "Banmian import + compose + lay out + write_pdf"),
                             ("floor_draw", "floor: register fonts + drawString + save"))])
        L += [f"Ratio in process, Banmian/Typst: {_f(v.get('ratio_inprocess_banmian_typst'))}.", ""]
        ps = v.get("pdf_stage_cold", {})
        b = ps.get("banmian", {})
        parts = ", ".join(f"{k} {_f(x, ' ms')}" for k, x in b.get("parts_median_ms", {}).items())
        L += ["PDF stage alone, timed inside a fresh process (font registration, painting, subsetting, "
              "writing):", ""]
        L += _table(["exporter", "median", "parts"], [
            ["Banmian write_pdf", _na(b) or _f(b.get("median_ms"), " ms"), parts],
            ["floor", _na(ps.get("floor", {})) or _f(ps.get("floor", {}).get("median_ms"), " ms"), ""]])
        L += [f"Ratio PDF stage, Banmian/floor: **{_f(v.get('ratio_pdf_stage_banmian_floor'))}**.", ""]

    s = r.get("stages", {})
    L += ["## Stages of the sample page (in process)", ""]
    if _na(s):
        L += [_na(s), ""]
    else:
        st = s.get("stages", {})
        notes = {"fonts": "registry + metrics of all 8 faces from the metrics cache",
                 "import": "copy → stories (warm: jieba loaded)",
                 "typeset": f"{get_path(st, 'typeset', 'lines')} lines at the column measure, "
                            f"{_f(get_path(st, 'typeset', 'chars_per_s'))} chars/s, caches empty",
                 "compose": "automatic makeup, caches empty", "compose_warm": "the same, caches warm",
                 "lay_out": "document → display list, caches empty", "lay_out_warm": "the same, caches warm",
                 "pdf": "write_pdf with fonts already registered: " + ", ".join(
                     f"{k} {_f(x, ' ms')}" for k, x in (get_path(st, "pdf", "parts_median_ms") or {}).items()),
                 "save": "document file (JSON, atomic, backup)"}
        rows = []
        for k, d in st.items():
            rows.append([k, _na(d) or _f(d.get("median_ms"), " ms"), "" if _na(d) else _f(d.get("p95_ms"), " ms"),
                         notes.get(k, "")])
        L += _table(["stage", "median", "p95", "what"], rows)
        fc = s.get("first_call_ms", {})
        L += ["First call in the process (one-off costs included): " +
              ", ".join(f"{k} {_f(x, ' ms')}" for k, x in fc.items()) + ".", ""]
        prof = s.get("profile", {})
        if not _na(prof):
            L += [f"cProfile of import → compose → lay out → export, caches empty "
                  f"(total {_f(prof.get('total_ms'), ' ms')} under the profiler), top 20 by own time:", ""]
            L += _table(["function", "calls", "own", "cumulative"],
                        [[f"`{e['function']}`", e["calls"], _f(e["own_ms"], " ms"), _f(e["cumulative_ms"], " ms")]
                         for e in prof.get("by_own_time", [])])
            L += ["Top 20 by cumulative time inside `layout/`:", ""]
            L += _table(["function", "calls", "own", "cumulative"],
                        [[f"`{e['function']}`", e["calls"], _f(e["own_ms"], " ms"), _f(e["cumulative_ms"], " ms")]
                         for e in prof.get("by_cumulative_in_layout", [])])

    i = r.get("interactive", {})
    L += ["## Interactive (one warm process)", ""]
    if _na(i):
        L += [_na(i), ""]
    else:
        L += [f"{i.get('events')} events per kind; repaint: {i.get('repaint')}.", ""]
        rows = []
        for k in ("move", "resize", "typing"):
            d = i.get(k, {})
            rp = d.get("repaint") or {}
            rows.append([k, _f(get_path(d, "relayout", "p50_ms")), _f(get_path(d, "relayout", "p95_ms")),
                         _f(rp.get("p50_ms")), _f(rp.get("p95_ms")), _f(get_path(d, "total", "p50_ms")),
                         _f(get_path(d, "total", "p95_ms"))])
        L += _table(["event", "re-layout p50 ms", "p95", "repaint p50 ms", "p95", "total p50 ms", "total p95"], rows)
        rc = i.get("recompose_after_keystroke", {})
        L += [f"Whole-page re-compose + lay out after a keystroke: {_na(rc) or _f(rc.get('median_ms'), ' ms')} "
              f"median, {_f(rc.get('p95_ms'), ' ms')} p95 over {rc.get('n', 0)} events.", ""]
        eb = i.get("editor_bench", {})
        kinds = {k: d for k, d in eb.items() if isinstance(d, dict) and "total" in d}
        if _na(eb) or not kinds:
            L += [f"Editor engineer's bench (bench/bench_interactive.py): {_na(eb) or eb}", ""]
        else:
            L += ["The editor engineer's bench (bench/bench_interactive.py: the real MainWindow, its canvas "
                  "repainting what changed): " + ", ".join(f"{k} {v}" for k, v in eb.items()
                                                           if not isinstance(v, dict)), ""]
            L += _table(["event", "re-layout p50 ms", "p95", "repaint p50 ms", "p95", "total p50 ms", "total p95"],
                        [[k, _f(get_path(d, "relayout", "p50_ms")), _f(get_path(d, "relayout", "p95_ms")),
                          _f(get_path(d, "repaint", "p50_ms")), _f(get_path(d, "repaint", "p95_ms")),
                          _f(get_path(d, "total", "p50_ms")), _f(get_path(d, "total", "p95_ms"))]
                         for k, d in kinds.items()])

    c = r.get("conversion", {})
    L += ["## Conversion (s2twp) of the sample page", ""]
    if _na(c):
        L += [_na(c), ""]
    else:
        L += _table(["work", "median", "p95"], [
            ["first conversion in the process (loads the dictionaries)", _f(c.get("first_convert_ms"), " ms"), ""],
            [f"convert every story ({c.get('chars')} chars)", _f(get_path(c, "convert_stories", "median_ms"), " ms"),
             _f(get_path(c, "convert_stories", "p95_ms"), " ms")],
            ["convert + lay out the page again (caches empty)",
             _f(get_path(c, "convert_and_relayout", "median_ms"), " ms"), _f(get_path(c, "convert_and_relayout", "p95_ms"), " ms")],
            ["for comparison: lay out the source page (caches empty)",
             _f(get_path(c, "source_relayout", "median_ms"), " ms"), _f(get_path(c, "source_relayout", "p95_ms"), " ms")]])
        L += [f"Edition fonts: {', '.join(c.get('edition_fonts', []))}.", ""]

    tb = r.get("typeset_bench", {})
    L += ["## Typesetting (bench/bench_typeset.py, the typesetting engineer's)", ""]
    L += [_na(tb)] if _na(tb) else ["```", *tb.get("output", []), "```"]
    L += [""]

    sc = r.get("scale", {})
    L += ["## Scale: editions of different pages", ""]
    if _na(sc):
        L += [_na(sc), ""]
    else:
        rows = []
        for e in sc.get("editions", []):
            b, f, t = e.get("banmian", {}), e.get("banmian_per_file", {}), e.get("typst", {})
            rows.append([e["pages"], e["copy_chars"], *(x for d in (f, b, t) for x in (
                _na(d) or _f(d.get("median_ms"), " ms"), _f(d.get("peak_rss_mb"), " MB"), d.get("pdf_pages", "")))])
        L += _table(["pages", "copy chars", "Banmian, page per file", "peak", "PDF pages", "Banmian, one pool",
                     "peak", "PDF pages", "Typst", "peak", "PDF pages"], rows)
        for mode, label in (("banmian_per_file", "one copy file per page (`--page-per-file`)"),
                            ("banmian", "one pool of copy (`--pages N`)")):
            L += [f"Cost of each added page, {label} (least-squares slope over the editions both finished: "
                  f"{', '.join(map(str, sc.get(f'per_page_over_pages_{mode}', [])))} pages): Banmian "
                  f"{_f(sc.get(f'ms_per_added_page_{mode}'), ' ms')}, Typst {_f(sc.get('ms_per_added_page_typst'), ' ms')}; "
                  f"ratio **{_f(sc.get(f'ratio_per_page_{mode}_typst'))}**.", ""]
        split = sc.get("stage_split", {})
        if _na(split):
            L += [f"Where an added page goes: {_na(split)}", ""]
        elif split:
            L += ["Where an added page goes (one fresh process per edition, each stage timed in it; "
                  "slope against pages):", ""]
            L += _table(["pages", "PDF pages", "import copy", "compose (makeup)", "export (lay out + PDF)"],
                        [[e["pages"], e["pdf_pages"], _f(e["import_ms"], " ms"), _f(e["compose_ms"], " ms"),
                          _f(e["export_ms"], " ms")] for e in split.get("editions", [])]
                        + [["per added page", "", _f(split.get("per_page_import_ms"), " ms"),
                            _f(split.get("per_page_compose_ms"), " ms"), _f(split.get("per_page_export_ms"), " ms")]])
        pe = sc.get("parallel_export", {})
        if _na(pe):
            L += [f"Parallel export: {_na(pe)}", ""]
        else:
            L += [f"Export of a saved {pe.get('pages')}-page edition, one PDF per page, fresh process each run:", ""]
            L += _table(["mode", "workers", "median wall", "CPU", "peak RSS (parent)", "files"],
                        [[k, pe.get(k, {}).get("workers", ""), _na(pe.get(k, {})) or _f(pe[k].get("median_ms"), " ms"),
                          _f(pe.get(k, {}).get("cpu_ms"), " ms"), _f(pe.get(k, {}).get("peak_rss_mb"), " MB"),
                          pe.get(k, {}).get("files", "")] for k in ("serial", "parallel")])
            L += [f"Speed-up serial/parallel: **{_f(pe.get('speedup'))}**.", ""]
    return "\n".join(L) + "\n"


def get_path(d, *path):
    """d[path[0]][path[1]]…, or None where the path ends."""
    for p in path:
        if not isinstance(d, dict) or p not in d:
            return None
        d = d[p]
    return d


def _get_n(w: dict) -> str:
    ns = {d.get("n") for d in w.values() if isinstance(d, dict) and "n" in d}
    return "/".join(str(n) for n in sorted(ns)) or "0"
