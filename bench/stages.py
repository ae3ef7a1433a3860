"""Stage medians for the sample page in one process, and a cProfile of the whole pipeline.

Stages: fonts (registry + metrics of every face the page uses, from the metrics cache), import
(copy → stories), typeset (every paragraph of the page set at the column measure, caches empty),
compose (automatic makeup, caches empty), lay out (document → display list, caches empty, and
warm as the editor sees it), pdf (write_pdf in a process that has already registered its fonts,
with its own paint/pdfx/preflight split), save (the document file). The first call of each stage in
the process is reported too: it carries one-off costs (jieba's dictionary, opencc, imports).
"""
from __future__ import annotations

import cProfile
import io
import pstats
import time
from pathlib import Path

from bench import pipeline
from bench.common import ROOT, Unavailable, need, time_calls


def _first(fn) -> float:
    t = time.perf_counter()
    fn()
    return round((time.perf_counter() - t) * 1000, 2)


def _typeset_all(story_list) -> int:
    set_paragraph, TextStyle = need("layout.typeset", "set_paragraph", "TextStyle")
    page_spec = need("layout.presets", "page_spec")
    g = page_spec("broadsheet").grid
    style = TextStyle(size=g.body_size)
    n = 0
    for s in story_list:
        for p in s.paragraphs:
            n += len(set_paragraph(p.text, g.column_width, style))
    return n


def run(work: Path, repeat: int = 5) -> dict:
    out: dict = {}
    first: dict = {}
    try:
        first["import"] = _first(pipeline.stories)
    except Unavailable as e:
        return {"unavailable": str(e)}
    story_list = pipeline.stories()
    chars = sum(len(p.text) for s in story_list for p in s.paragraphs)
    out["page"] = {"stories": len(story_list), "body_chars": chars}

    def fonts():
        FontRegistry, entries = need("layout.fonts", "FontRegistry", "_bundled_entries")
        reg = FontRegistry(entries())
        for key in reg.entries:
            reg.face(key)

    stages: dict = {}
    stages["fonts"] = time_calls(fonts, repeat)
    stages["import"] = time_calls(pipeline.stories, repeat)
    lines = _typeset_all(story_list)
    stages["typeset"] = time_calls(lambda: _typeset_all(story_list), repeat, before=pipeline.clear_layout_caches)
    stages["typeset"]["lines"] = lines
    if stages["typeset"]["median_ms"]:
        stages["typeset"]["chars_per_s"] = round(chars / (stages["typeset"]["median_ms"] / 1000))
    try:
        pipeline.clear_layout_caches()
        first["compose"] = _first(lambda: pipeline.compose(story_list))
        stages["compose"] = time_calls(lambda: pipeline.compose(story_list), repeat,
                                       before=pipeline.clear_layout_caches)
        stages["compose_warm"] = time_calls(lambda: pipeline.compose(story_list), repeat)
        doc = pipeline.compose(story_list)
        stages["lay_out"] = time_calls(lambda: pipeline.displays(doc), repeat, before=pipeline.clear_layout_caches)
        stages["lay_out_warm"] = time_calls(lambda: pipeline.displays(doc), repeat)
        pages = pipeline.displays(doc)
        pdf = work / "stage.pdf"
        first["pdf"] = _first(lambda: pipeline.export(pages, pdf))
        parts: list[dict] = []
        stages["pdf"] = time_calls(lambda: parts.append(pipeline.export(pages, pdf).timings), repeat)
        stages["pdf"]["parts_median_ms"] = {
            k: round(sorted(p[k] for p in parts[-repeat:])[repeat // 2] * 1000, 2) for k in parts[-1]}
        stages["pdf"]["bytes"] = pdf.stat().st_size
        stages["save"] = time_calls(lambda: pipeline.save(doc, work / "page.banmian.json"), repeat)
    except Unavailable as e:
        stages["rest"] = {"unavailable": str(e)}
    out["stages"] = stages
    out["first_call_ms"] = first
    out["profile"] = profile(work)
    return out


def profile(work: Path, top: int = 20) -> dict:
    """cProfile of import → compose → lay out → export with empty caches: top entries by own time
    and by cumulative time (layout and bench functions only for the cumulative list)."""
    pipeline.clear_layout_caches()
    prof = cProfile.Profile()
    prof.enable()
    try:
        doc = pipeline.compose(pipeline.stories())
        pipeline.export(pipeline.displays(doc), work / "profile.pdf")
    except Unavailable as e:
        prof.disable()
        return {"unavailable": str(e)}
    prof.disable()
    st = pstats.Stats(prof, stream=io.StringIO())
    total = st.total_tt

    def rows(key: str, keep) -> list[dict]:
        entries = []
        for (file, line, fn), (cc, nc, tt, ct, _) in st.stats.items():
            if keep(file):
                entries.append({"function": f"{_short(file)}:{line}({fn})", "calls": nc,
                                "own_ms": round(tt * 1000, 1), "cumulative_ms": round(ct * 1000, 1)})
        entries.sort(key=lambda e: -e[key])
        return entries[:top]

    return {"total_ms": round(total * 1000, 1),
            "by_own_time": rows("own_ms", lambda f: True),
            "by_cumulative_in_layout": rows("cumulative_ms", lambda f: "/layout/" in f)}


def _short(file: str) -> str:
    for marker in ("/site-packages/", f"{ROOT}/", "/lib/python3"):
        if marker in file:
            return file.split(marker, 1)[1]
    return file
