"""The sample page as stories: from layout.importer when it exists, else a small stand-in parser
(blank-line chunks re-joined mid-sentence, short unpunctuated lines as headlines)."""
from __future__ import annotations

import re
from pathlib import Path

from layout.model import Headline, Paragraph, Story

SAMPLE = Path("/work/shared/samples/jiceng-page.txt")
_END = "。！？”」）)…"


def sample_stories() -> list[Story]:
    try:
        from layout.importer import import_files

        return list(import_files([str(SAMPLE)]).stories)
    except ImportError:
        return _stand_in(SAMPLE.read_text(encoding="utf-8"))


def _stand_in(text: str) -> list[Story]:
    chunks = [c.strip() for c in re.split(r"\n\s*\n", text) if c.strip()]
    paras: list[str] = []
    kinds: list[str] = []
    for c in chunks:
        c = c.replace(",", "，").replace("(", "（").replace(")", "）")
        is_head = len(c) <= 24 and c[-1] not in "。！？”）"
        if paras and kinds[-1] == "p" and paras[-1][-1] not in _END and not is_head:
            paras[-1] += c
            continue
        paras.append(c)
        kinds.append("h" if is_head else "p")
    stories: list[Story] = []
    cur = None
    for k, t in zip(kinds, paras):
        if k == "h":
            cur = {"head": tuple(t.split(" ")), "paras": []}
            stories.append(cur)
        else:
            cur["paras"].append(t)
    out: list[Story] = []
    pkg = ""
    for i, d in enumerate(stories):
        paras = d["paras"]
        byline = ""
        m = re.search(r"（[^（）]{2,12}）$", paras[-1]) if paras else None
        if m:
            byline = m.group(0)
            paras[-1] = paras[-1][: m.start()]
        kind, group, credits = "article", "", ""
        if "直升机" in d["head"][0]:
            kind = "photo"
            cap = paras[0]
            credits = cap[cap.rindex("。") + 1:]
            paras = [cap[: cap.rindex("。") + 1]]
        if "基层治理有温度" in d["head"][0]:
            kind, pkg = "package", f"s{i + 1}"
        elif pkg:
            group = pkg
        out.append(Story(f"s{i + 1}", Headline(d["head"]), tuple(Paragraph(p) for p in paras if p),
                         byline=byline, credits=credits.strip(), kind=kind, group=group))
    return out
