"""Copy for the bench: the sample page's stories, and varied pages recombined from its paragraphs.

An edition of N pages needs N pages of *different* copy (identical pages would flatter every
cache). Page 1 is the sample copy as is; every other page is new stories whose headlines join
halves of two sample headlines and whose bodies are sample paragraphs drawn in a shuffled order,
with their sentences rotated — about a page's worth of characters each, deterministic per seed.
The output is plain text in the sample's own shape (headline, blank line, paragraphs), so it goes
through the same importer.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

from bench.common import SAMPLE

_SENTENCE_PUNCT = re.compile(r"[，。、；：！？,;:!?]")
_ENDS = ("。", "！", "？", "”", "）", ")", "」", "』", "…")
_SENTENCES = re.compile(r"[^。！？]*[。！？]+”?")
_ASCII_TO_FULL = str.maketrans({",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"})


@dataclass(frozen=True)
class PlainStory:
    """A story as the bench's own splitter sees it: headline parts, body paragraphs, byline."""

    head: tuple[str, ...]
    paragraphs: tuple[str, ...]
    byline: str = ""


def is_headline(line: str) -> bool:
    """A short line without sentence punctuation is a headline (the sample's only structure cue)."""
    return len(line) <= 20 and not _SENTENCE_PUNCT.search(line)


def split_stories(text: str) -> list[PlainStory]:
    """Stories of a plain-text page: headline lines start stories; paragraphs broken by extraction
    (not ending in a stop or closing mark) are joined to the next; a final (作者) is the byline."""
    stories: list[PlainStory] = []
    head: list[str] = []
    paras: list[str] = []

    def flush() -> None:
        if head or paras:
            body = list(paras)
            byline = ""
            if body:
                m = re.search(r"[（(]([^（）()]{2,12})[)）]$", body[-1])
                if m:
                    byline = m.group(1)
                    body[-1] = body[-1][: m.start()]
            stories.append(PlainStory(tuple(head), tuple(p for p in body if p), byline))

    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if is_headline(line):
            if paras:
                flush()
                head, paras = [], []
            head.append(line)
            continue
        if paras and not paras[-1].endswith(_ENDS):
            paras[-1] += line
        else:
            paras.append(line)
    flush()
    return stories


def normalise(text: str) -> str:
    """ASCII punctuation between CJK characters to full width, as the importer does for the sample."""
    return text.translate(_ASCII_TO_FULL)


def sample_stories() -> list[PlainStory]:
    return split_stories(SAMPLE.read_text(encoding="utf-8"))


def story_text(s: PlainStory) -> str:
    """A story back in the sample's plain-text shape."""
    body = list(s.paragraphs)
    if s.byline and body:
        body[-1] += f"({s.byline})"
    return "\n\n".join([" ".join(s.head)] + body) + "\n\n"


def _rotate(paragraph: str, k: int) -> str:
    sentences = _SENTENCES.findall(paragraph)
    if len(sentences) < 2 or "".join(sentences) != paragraph:
        return paragraph
    k %= len(sentences)
    return "".join(sentences[k:] + sentences[:k])


def page_copy(index: int, seed: int = 9) -> str:
    """The copy of page `index` (0 = the sample itself) as plain text."""
    text = SAMPLE.read_text(encoding="utf-8")
    if index == 0:
        return text
    stories = split_stories(text)
    rng = random.Random(seed * 1000 + index)
    heads = [h for s in stories for h in s.head]
    pool = [p for s in stories for p in s.paragraphs]
    bylines = [s.byline for s in stories if s.byline] or ["本报记者"]
    budget = sum(len(p) for p in pool)
    out: list[str] = []
    used = 0
    order = pool[:]
    rng.shuffle(order)
    sizes = [len(s.paragraphs) for s in stories]
    rng.shuffle(sizes)
    i = 0
    for n in sizes:
        if used >= budget or i >= len(order):
            break
        a, b = rng.sample(heads, 2)
        head = (a[: max(2, len(a) // 2)] + b[len(b) // 2:])[:16]
        paras = tuple(_rotate(p, rng.randrange(7)) for p in order[i:i + max(1, n)])
        i += max(1, n)
        used += sum(len(p) for p in paras)
        out.append(story_text(PlainStory((head,), paras, rng.choice(bylines))))
    return "".join(out)


def write_edition(folder: Path, pages: int, seed: int = 9) -> list[Path]:
    """Write the copy of an edition of `pages` pages, one file per page; returns the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(pages):
        p = folder / f"page-{i + 1:02d}.txt"
        p.write_text(page_copy(i, seed), encoding="utf-8")
        paths.append(p)
    return paths
