"""An edition made the way a desk makes it: each page from its own copy, pages made in parallel.

When every page has its own copy (one file per page, as pages are assigned on a night desk), no
story moves between pages, so the pages are independent: each is made up by `compose_pages` and
laid out on its own, in worker processes on every core, and the pages are joined in order into
one document with its display lists. One pool of copy for several pages (makeup choosing which
page each story goes on, with jumps) stays `compose_pages(..., max_pages=N)`.
"""
from __future__ import annotations

import multiprocessing
import os
from dataclasses import dataclass, replace
from typing import Optional, Sequence

from .compose import ComposeResult, compose_pages
from .display import PageDisplay
from .document_io import ImageAccess
from .fonts import FontRegistry, default_registry
from .model import Document, Page, PageHeader, PageSpec, Story

MIN_PARALLEL_PAGES = 3  # below this, starting workers costs more than it saves


@dataclass(frozen=True)
class Edition:
    """The made-up edition and each page's display list (laid out where the page was made up,
    while its typeset paragraphs were still in that worker's memory)."""

    composed: ComposeResult
    displays: tuple[PageDisplay, ...]


@dataclass(frozen=True)
class _Job:
    index: int
    stories: tuple[Story, ...]
    spec: PageSpec
    header: PageHeader
    images: dict
    convert: str
    access: ImageAccess


def make_edition(copies: Sequence[Sequence[Story]], spec: PageSpec, header: PageHeader, *,
                 images: dict[str, str] = {}, convert: str = "", access: ImageAccess = ImageAccess(),
                 fonts: Optional[FontRegistry] = None, workers: Optional[int] = None) -> Edition:
    """One page per copy: page k holds the stories of copies[k] (story ids unique across copies).

    convert: an OpenCC config: each page is made up in that edition's text (the document keeps
    the source stories, as a converted document does). workers: processes to make pages in
    (default: every core; 1 = this process). A page's stories that do not fit are reported and
    kept in the document, unplaced, as compose_pages does; a page with no copy stays in the
    edition empty (the pages after it keep their numbers) and is reported."""
    fonts = fonts or default_registry()
    jobs = [_Job(k, tuple(stories), spec, _page_header(header, k), images, convert, access)
            for k, stories in enumerate(copies)]
    workers = min(len(jobs), workers or os.cpu_count() or 1)
    if workers > 1 and len(jobs) >= MIN_PARALLEL_PAGES and "fork" in multiprocessing.get_all_start_methods():
        # Fonts are opened before the workers fork, so each starts with the metrics in memory.
        for key in fonts.entries:
            fonts.face(key)
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            made = pool.map(_make_page, jobs, chunksize=1)
    else:
        made = [_make_page(job) for job in jobs]
    report = [line for _, r, _ in made for line in r]
    doc = Document(tuple(p for page, _, _ in made for p in page.pages),
                   tuple(s for job in jobs for s in job.stories), edition=convert)
    composed = ComposeResult(doc, tuple(report), sum(score for *_, score in made))
    return Edition(composed, tuple(d for page, _, _ in made for d in page.displays))


def compose_converted(stories: Sequence[Story], config: str, spec: PageSpec, header: PageHeader, *,
                      access: ImageAccess = ImageAccess(), **compose_kw) -> tuple[ComposeResult, list[PageDisplay]]:
    """The edition `config` of the page the source copy makes: the same makeup, its blocks
    flowed again with the converted text (the document keeps the source stories, edition=config),
    and its display lists. Only when the converted text would overset a block of that page is the
    page made up again for the edition's own text — never at the cost of copy — and the report
    says which blocks forced it. (Made up from the converted text every time, unseen
    photo-page.txt came out a different page: other picture heights, heads turned vertical, a
    story moved, score 18.4 → 30.4, and the edition report compared blocks the source page never had.)"""
    from .convert import convert_story
    from .render import lay_out_document

    made = compose_pages(stories, spec, header, **compose_kw)
    doc = replace(made.document, edition=config)
    displays = lay_out_document(doc, images=access)
    overset = [f"{b.block_id} ({b.fit_label})" for d in displays for b in d.blocks if b.overset_chars > 0]
    if not overset:
        note = f"edition {config}: the source page's makeup, its blocks flowed again with the converted text"
        return replace(made, document=doc, report=made.report + (note,)), displays
    made = compose_pages([convert_story(s, config) for s in stories], spec, header, **compose_kw)
    doc = replace(made.document, stories=tuple(stories), edition=config)
    note = (f"edition {config}: the converted text oversets the source page's block(s) {', '.join(overset)}; "
            "the page was made up again for the edition's text")
    return replace(made, document=doc, report=made.report + (note,)), lay_out_document(doc, images=access)


def _page_header(header: PageHeader, k: int) -> PageHeader:
    """Page k's header: the page number counts on from the first page's (版次)."""
    return replace(header, number=str(int(header.number) + k)) if header.number.isdigit() else header


@dataclass(frozen=True)
class _Made:
    pages: tuple[Page, ...]
    displays: tuple[PageDisplay, ...]


def _make_page(job: _Job) -> tuple[_Made, tuple[str, ...], float]:
    """Make up and lay out page `job.index` from its own copy (in a worker process)."""
    from .render import lay_out_page

    kw = dict(max_pages=1, images=job.images, first_page=job.index)
    if job.convert:
        got, laid = compose_converted(job.stories, job.convert, job.spec, job.header, access=job.access, **kw)
    else:
        got, laid = compose_pages(job.stories, job.spec, job.header, **kw), None
    report = got.report
    pages = got.document.pages
    if not pages:
        pages, laid = (Page(f"p{job.index + 1}", job.spec, job.header),), None
        report = (f"page {job.index + 1}: no page could be made up from its copy — left empty",) + report
    doc = Document(pages, job.stories, edition=job.convert)
    if laid is None:
        laid = [lay_out_page(doc, i, images=job.access) for i in range(len(pages))]
    displays = tuple(_numbered(d, job.index + i) for i, d in enumerate(laid))
    return _Made(pages, displays), report, got.score


def _numbered(display: PageDisplay, index: int) -> PageDisplay:
    """A page laid out alone, numbered as the edition's page `index` (its findings too)."""
    return replace(display, page_index=index,
                   findings=tuple(replace(f, page=index) for f in display.findings))
