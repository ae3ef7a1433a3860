"""An edition made the way a desk makes it: each page from its own copy, pages made up in parallel.

When every page has its own copy (one file per page, as pages are assigned on a night desk), no
story moves between pages, so the pages are independent: each is made up by `compose_pages` on
its own, in worker processes on every core, and the pages are then joined in order into one
document. One pool of copy for several pages (makeup choosing which page each story goes on,
with jumps) stays `compose_pages(..., max_pages=N)`.
"""
from __future__ import annotations

import multiprocessing
import os
from dataclasses import replace
from typing import Optional, Sequence

from .compose import ComposeResult, compose_pages
from .fonts import FontRegistry, default_registry
from .model import Document, Page, PageHeader, PageSpec, Story

MIN_PARALLEL_PAGES = 3  # below this, starting workers costs more than it saves


def compose_edition(copies: Sequence[Sequence[Story]], spec: PageSpec, header: PageHeader,
                    images: dict[str, str] = {}, fonts: Optional[FontRegistry] = None,
                    workers: Optional[int] = None) -> ComposeResult:
    """One page per copy: page k holds the stories of copies[k] (story ids unique across copies).

    workers: processes to make pages up in (default: every core; 1 = in this process). A page's
    stories that do not fit are reported and kept in the document, unplaced, as compose_pages does;
    a page whose copy cannot be made up at all stays in the edition empty (the pages after it keep
    their numbers) and the report says so."""
    fonts = fonts or default_registry()
    jobs = [(list(stories), spec, _page_header(header, k), images, k) for k, stories in enumerate(copies)]
    workers = min(len(jobs), workers or os.cpu_count() or 1)
    if workers > 1 and len(jobs) >= MIN_PARALLEL_PAGES and _can_fork():
        # Fonts are opened before the workers fork, so each starts with the metrics in memory.
        for key in fonts.entries:
            fonts.face(key)
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            made = pool.map(_compose_one, jobs, chunksize=1)
    else:
        made = [_compose_one(job) for job in jobs]
    return _join(made, jobs)


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def _page_header(header: PageHeader, k: int) -> PageHeader:
    """Page k's header: the page number counts on from the first page's (版次)."""
    return replace(header, number=str(int(header.number) + k)) if header.number.isdigit() else header


def _compose_one(job) -> ComposeResult:
    stories, spec, header, images, k = job
    return compose_pages(stories, spec, header, max_pages=1, images=images, first_page=k)


def _join(made: Sequence[ComposeResult], jobs: Sequence[tuple]) -> ComposeResult:
    pages, report = [], []
    for r, (stories, spec, header, _, k) in zip(made, jobs):
        if r.document.pages:
            pages += r.document.pages
        else:
            pages.append(Page(f"p{k + 1}", spec, header))
            report.append(f"page {k + 1}: no page could be made up from its copy — left empty")
        report += r.report
    stories = tuple(s for job in jobs for s in job[0])
    return ComposeResult(Document(tuple(pages), stories), tuple(report), sum(r.score for r in made))
