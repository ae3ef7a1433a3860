"""The Banmian pipeline as the bench drives it: copy → stories → document → display lists → PDF.

Each step calls the engine directly and raises `Unavailable` while its module has not landed,
so every measurement that needs it reports "not available yet" instead of failing.
"""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Sequence

from bench.common import SAMPLE, need

HEADER = dict(paper="基层周刊", section="基层", number="", date="2023-11-20", edition="", editor="")


def stories(paths: Sequence[Path] = (SAMPLE,)) -> list:
    import_files = need("layout.importer", "import_files")
    return list(import_files([str(p) for p in paths]).stories)


def compose(story_list: Sequence, pages: int = 1, size: str = "broadsheet"):
    """The composed document (compose_pages), allowed up to `pages` pages."""
    compose_pages = need("layout.compose", "compose_pages")
    page_spec = need("layout.presets", "page_spec")
    PageHeader = need("layout.model", "PageHeader")
    return compose_pages(list(story_list), page_spec(size), PageHeader(**HEADER), max_pages=pages).document


def displays(doc) -> list:
    lay_out_document = need("layout.render", "lay_out_document")
    return lay_out_document(doc)


def export(pages: Sequence, out: Path):
    """The print PDF of display lists; preflight findings never stop a bench run."""
    write_pdf, PdfOptions = need("layout.pdf", "write_pdf", "PdfOptions")
    return write_pdf(list(pages), str(out), PdfOptions(force=True))


def save(doc, out: Path) -> None:
    save_document = need("layout.document_io", "save_document")
    save_document(doc, str(out))


@functools.lru_cache(maxsize=None)
def sample_document():
    """The sample page composed once per process (shared by the warm measurements)."""
    return compose(stories())


# Process state that a real process keeps between pages: font metrics and faces, the reportlab
# fonts registered for export, the OpenCC dictionaries.
_KEEP = ("layout.fonts", "layout.pdf", "layout.opencc_adapter")


def clear_layout_caches() -> int:
    """Empty the engine's result caches (paragraph sets, shaping, copyfit, jieba words, …) so a
    timing is what a fresh process pays for layout; process state in _KEEP stays. Returns how many
    caches were emptied."""
    import sys

    n = 0
    for name, mod in list(sys.modules.items()):
        if not name.startswith("layout.") or mod is None or name in _KEEP:
            continue
        for attr, obj in list(vars(mod).items()):
            if callable(getattr(obj, "cache_clear", None)) and hasattr(obj, "cache_info"):
                obj.cache_clear()
                n += 1
            elif "CACHE" in attr and hasattr(obj, "clear") and not isinstance(obj, type):
                obj.clear()
                n += 1
    return n
