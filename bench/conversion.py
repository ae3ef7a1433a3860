"""Conversion: the sample page's s2twp (Taiwan, with phrases) edition — convert plus re-layout.

Reports the first conversion in the process (it loads the OpenCC dictionaries), then warm medians
of converting every story (convert_story) and of converting plus laying out the page again with the
Traditional fonts (lay_out_document of the document with edition "s2twp", which converts before
flow), with the layout caches emptied so the lines are really set again.
"""
from __future__ import annotations

import time
from dataclasses import replace

from bench import pipeline
from bench.common import Unavailable, need, time_calls

CONFIG = "s2twp"


def run(repeat: int = 5) -> dict:
    convert_story = need("layout.convert", "convert_story")
    try:
        doc = pipeline.sample_document()
    except Unavailable as e:
        return {"unavailable": str(e)}
    stories = list(doc.stories)
    chars = sum(len(p.text) for s in stories for p in s.paragraphs)
    t = time.perf_counter()
    for s in stories:
        convert_story(s, CONFIG)
    first = round((time.perf_counter() - t) * 1000, 1)
    edition = replace(doc, edition=CONFIG)
    out = {"config": CONFIG, "chars": chars, "first_convert_ms": first,
           # the converted texts are memoised (the editor's path); empty them for a cold figure
           "convert_stories": time_calls(lambda: [convert_story(s, CONFIG) for s in stories], repeat,
                                         before=pipeline.clear_layout_caches),
           "convert_and_relayout": time_calls(lambda: pipeline.displays(edition), repeat,
                                              before=pipeline.clear_layout_caches),
           "source_relayout": time_calls(lambda: pipeline.displays(doc), repeat,
                                         before=pipeline.clear_layout_caches)}
    fonts = {r.font for d in pipeline.displays(edition) for r in d.glyph_runs()}
    out["edition_fonts"] = sorted(fonts)
    return out
