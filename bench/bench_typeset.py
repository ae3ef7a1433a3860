"""Benchmark: characters per second the typesetter composes, on the sample page's paragraphs in
13-em columns of 9 pt Noto Serif SC — cold (each paragraph set once, no paragraph cache) and
warm (the editor's path: the same paragraphs again, served by the cache).

    python3 bench/bench_typeset.py
"""
from __future__ import annotations

import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from layout.fonts import default_registry  # noqa: E402
from layout.typeset import TextStyle, set_paragraph  # noqa: E402

SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "jiceng-page.txt"


def main() -> None:
    paras = [p.strip() for p in SAMPLE.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    chars = sum(len(p) for p in paras)
    fonts = default_registry()
    style = TextStyle(size=9.0)
    set_paragraph(paras[0], 117.0, style, fonts)  # load metrics once
    rounds = 5
    t0 = time.perf_counter()
    for r in range(rounds):
        st = replace(style, tracking=r * 1e-6)  # a new style each round: no cache hits
        for p in paras:
            set_paragraph(p, 117.0, st, fonts)
    cold = time.perf_counter() - t0
    t0 = time.perf_counter()
    for _ in range(rounds):
        for p in paras:
            set_paragraph(p, 117.0, style, fonts)
    warm = time.perf_counter() - t0
    print(f"{len(paras)} paragraphs, {chars} characters, {rounds} rounds")
    print(f"cold (composed):  {chars * rounds / cold:,.0f} chars/s")
    print(f"warm (cached):    {chars * rounds / warm:,.0f} chars/s")


if __name__ == "__main__":
    main()
