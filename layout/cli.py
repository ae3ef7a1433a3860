"""The headless command line: stories, compose, export, preflight, convert (never imports Qt).

Exit codes are a contract: 0 success, 1 a user error (one paragraph on stderr, no traceback),
2 preflight found errors.
"""
from __future__ import annotations

import argparse
import datetime
import gc
import importlib
import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Optional, Sequence

from .errors import UserError

USAGE = """usage: main.py [DOC]                       open the editor (on DOC or the bundled sample page)
       main.py stories COPY... [--json] [--no-normalise]
       main.py compose COPY... -o PAGE.pdf [--png PAGE.png] [--dpi N] [--save DOC] [--size broadsheet|tabloid|WxHmm]
                               [--columns N] [--char-grid] [--pages N] [--convert CONFIG] [--image STORY=FILE] [--force]
       main.py export DOC -o OUT.pdf [--pages 1,3-4] [--png DIR] [--dpi N] [--convert CONFIG] [--per-page PATTERN]
                              [--force] [--allow-outside-images]
       main.py preflight DOC|PDF [--json] [--allow-outside-images]
       main.py convert CONFIG [FILE] [--dict FILE]
"""


# The modules a page command (compose, export, preflight) goes on to import.
_PAGE_MODULES = ("layout.compose", "layout.importer", "layout.presets", "layout.document_io",
                 "layout.render", "layout.preflight", "layout.export", "layout.pdf", "layout.pdfx",
                 "reportlab.pdfgen.canvas")


def preload(cmd: str) -> None:
    """Import now what the command `cmd` will import later (main.py does it before freezing the
    garbage collector's view of the process); a command it does not know imports nothing."""
    if cmd in ("compose", "export", "preflight"):
        for name in _PAGE_MODULES:
            importlib.import_module(name)


class _Parser(argparse.ArgumentParser):
    """argparse that reports a bad flag as a UserError (exit 1) instead of exiting 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UserError(message, where=self.prog, hint="see `python main.py --help`")


def run(args: Sequence[str], one_shot: bool = False) -> int:
    """Run one subcommand; returns the exit code. one_shot: the process runs this one command and
    exits (main.py), so what a page command has built when it starts writing may be frozen out of
    the garbage collector's sight (see _write_outputs); in-process callers leave it False."""
    if not args or args[0] in ("-h", "--help"):
        print(USAGE)
        return 0
    cmd, rest = args[0], list(args[1:])
    try:
        if cmd == "stories":
            from .stories_cli import run_stories

            return run_stories(rest)
        if cmd == "convert":
            from .convert_cli import run_convert

            return run_convert(rest)
        if cmd == "compose":
            return _compose(rest, one_shot)
        if cmd == "export":
            return _export(rest, one_shot)
        if cmd == "preflight":
            return _preflight(rest)
        raise UserError(f"unknown command '{cmd}'", hint="see `python main.py --help`")
    except UserError as e:
        print(f"banmian: {e.message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("banmian: interrupted; nothing was written", file=sys.stderr)
        return 1


def _parse_pages(spec: Optional[str], count: int) -> list[int]:
    """'1,3-4' → [0, 2, 3] (0-based), checked against the page count."""
    if not spec:
        return list(range(count))
    out: list[int] = []
    for part in spec.split(","):
        part = part.strip()
        try:
            if "-" in part:
                a, b = (int(x) for x in part.split("-", 1))
            else:
                a = b = int(part)
        except ValueError:
            raise UserError(f"'{part}' is not a page number or range", hint="write pages like 1,3-4") from None
        if a < 1 or b > count or a > b:
            raise UserError(f"pages {part} are outside 1–{count}", hint=f"the document has {count} pages")
        out.extend(range(a - 1, b))
    return list(dict.fromkeys(out))


def _header(ns: argparse.Namespace):
    from .model import PageHeader

    return PageHeader(paper=ns.paper, section=ns.section, number=ns.number,
                      date=ns.date or datetime.date.today().isoformat(), edition=ns.edition,
                      editor=ns.editor)


def _write_outputs(doc, pages_idx, out: Optional[str], png: Optional[str], force: bool,
                   per_page: Optional[str] = None, report_edition: bool = False,
                   dpi: float = 60.0, images=None, displays=None, one_shot: bool = False) -> int:
    """Lay out, preflight, and write the PDF (and PNGs); print findings. Returns the exit code."""
    from .export import export_document

    if one_shot:
        # The document and the typesetting caches behind it live until the process exits: frozen,
        # they are not walked again by the export's collections (a middle-generation pass over a
        # composed page cost ~4.5 ms, ~9 ms of a cold compose in all).
        gc.freeze()
    if not 10 <= dpi <= 1200:
        raise UserError(f"--dpi {dpi:g} is out of range", hint="previews take 10 to 1200 dpi")
    from .document_io import ImageAccess

    result = export_document(doc, out, pages_idx, per_page=per_page, png=png, png_dpi=dpi, force=force,
                             images=images or ImageAccess(), displays=displays)
    if report_edition:
        from .export import edition_fit_report

        for line in edition_fit_report(doc, result.displays):
            print(line, file=sys.stderr)
    for f in result.findings:
        where = f"page {f.page + 1}" + (f", block {f.block}" if f.block else "")
        print(f"{f.severity}: {where}: {f.message}", file=sys.stderr)
    for i in pages_idx:
        for b in result.displays[i].blocks:
            if b.fit_label:
                print(f"fit: page {i + 1}, block {b.block_id} ({b.story_id}): {b.fit_label}",
                      file=sys.stderr)
    if result.refused:
        errors = sum(f.severity == "error" for f in result.findings)
        print(f"banmian: preflight found {errors} error(s); nothing was written "
              "— fix them or pass --force", file=sys.stderr)
        return 2
    for f in result.files + result.pngs:
        print(f)
    return 0


def _compose(args: list[str], one_shot: bool = False) -> int:
    p = _Parser(prog="main.py compose", add_help=True)
    p.add_argument("copy", nargs="+")
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--png")
    p.add_argument("--dpi", type=float, default=60.0, help="resolution of the PNG previews")
    p.add_argument("--save")
    p.add_argument("--size", default="broadsheet")
    p.add_argument("--columns", type=int)
    p.add_argument("--char-grid", action="store_true", help="字符网格: body characters on a column grid")
    p.add_argument("--pages", type=int, default=0, help="allow up to N pages (default 1, tabloid 4)")
    p.add_argument("--page-per-file", action="store_true",
                   help="each copy file is one page's copy: pages made up independently, on every core")
    p.add_argument("--convert")
    p.add_argument("--image", action="append", default=[], metavar="STORY=FILE")
    p.add_argument("--template")
    p.add_argument("--force", action="store_true")
    p.add_argument("--no-normalise", action="store_true")
    _header_flags(p)
    ns = p.parse_args(args)

    from .compose import compose_pages
    from .importer import import_files
    from .presets import page_spec

    spec = replace(page_spec(ns.size, ns.columns), char_grid=ns.char_grid)
    imported = import_files(ns.copy, normalise=not ns.no_normalise)
    stories = list(imported.stories)
    if not stories:
        raise UserError("no stories were found in the copy", where=", ".join(ns.copy),
                        hint="check that the files hold text")
    images = _images(ns.image, stories)
    template = None
    if ns.template:
        from .document_io import load_document

        template = load_document(ns.template)
    max_pages = ns.pages or (1 if spec.name == "broadsheet" else 4)
    if ns.convert:
        from .convert import validate_config

        validate_config(ns.convert)
    from .document_io import ImageAccess

    access = ImageAccess(allowed=frozenset(images.values()))  # chosen on the command line
    displays = None
    if ns.page_per_file:
        if template is not None:
            raise UserError("--page-per-file and --template cannot be used together",
                            hint="a template gives the blocks of every page; leave one of them out")
        from .edition import make_edition

        edition = make_edition(imported.by_file(stories), spec, _header(ns), images=images,
                               convert=ns.convert or "", access=access)
        result, displays = edition.composed, edition.displays
        doc = result.document
    else:
        if ns.convert:  # the source page, flowed again in the edition (the document keeps the source text)
            from .edition import compose_converted

            result, displays = compose_converted(stories, ns.convert, spec, _header(ns), access=access,
                                                 max_pages=max_pages, images=images, template=template)
        else:
            result = compose_pages(stories, spec, _header(ns), max_pages=max_pages, images=images,
                                   template=template)
        doc = result.document
    for line in result.report:
        print(f"compose: {line}", file=sys.stderr)
    if ns.save:
        from .document_io import save_document

        save_document(_images_relative_to(doc, ns.save), ns.save)
    return _write_outputs(doc, list(range(len(doc.pages))), ns.output, ns.png, ns.force,
                          report_edition=bool(ns.convert), dpi=ns.dpi, images=access, displays=displays,
                          one_shot=one_shot)


def _images_relative_to(doc, doc_path: str):
    """The document with picture paths written relative to where it is saved (so the folder can
    move as a whole); a picture outside that folder keeps its full path and will need consent."""
    import os


    folder = Path(doc_path).resolve().parent

    def rel(p: str) -> str:
        try:
            return os.path.relpath(p, folder) if p and Path(p).resolve().is_relative_to(folder) else p
        except ValueError:
            return p

    pages = tuple(replace(pg, blocks=tuple(replace(b, image=replace(b.image, path=rel(b.image.path)))
                                           if b.image is not None else b for b in pg.blocks))
                  for pg in doc.pages)
    return replace(doc, pages=pages, stories=tuple(replace(s, image=rel(s.image)) for s in doc.stories))


def _images(pairs: list[str], stories) -> dict[str, str]:
    """--image STORY=FILE: STORY is a story id (s3) or a word of its headline."""
    out: dict[str, str] = {}
    for pair in pairs:
        if "=" not in pair:
            raise UserError(f"'{pair}' is not STORY=FILE", hint="e.g. --image s7=photo.jpg")
        key, path = pair.split("=", 1)
        if not Path(path).is_file():
            raise UserError("image file not found", where=path, hint="check the path")
        match = [s for s in stories if s.id == key] or \
                [s for s in stories if key and key in " ".join(s.headline.main)]
        if not match:
            raise UserError(f"no story '{key}' for --image", hint="use a story id from `main.py stories`")
        out[match[0].id] = str(Path(path).resolve())
    return out


def _header_flags(p: argparse.ArgumentParser) -> None:
    p.add_argument("--paper", default="")
    p.add_argument("--section", default="基层")
    p.add_argument("--number", default="1")
    p.add_argument("--date", default="")
    p.add_argument("--edition", default="")
    p.add_argument("--editor", default="")


def _export(args: list[str], one_shot: bool = False) -> int:
    p = _Parser(prog="main.py export")
    p.add_argument("doc")
    p.add_argument("-o", "--output")
    p.add_argument("--pages")
    p.add_argument("--png")
    p.add_argument("--dpi", type=float, default=60.0, help="resolution of the PNG previews")
    p.add_argument("--convert")
    p.add_argument("--per-page", metavar="PATTERN")
    p.add_argument("--force", action="store_true")
    p.add_argument("--allow-outside-images", action="store_true",
                   help="read pictures outside the document's folder (a document you trust)")
    ns = p.parse_args(args)
    if not ns.output and not ns.per_page:
        raise UserError("say where to write", hint="-o OUT.pdf, or --per-page PATTERN with -o FOLDER")
    from .document_io import load_document

    doc = load_document(ns.doc)
    if ns.convert:
        from .convert import validate_config

        validate_config(ns.convert)
        doc = replace(doc, edition=ns.convert)
    from .document_io import ImageAccess

    return _write_outputs(doc, _parse_pages(ns.pages, len(doc.pages)), ns.output, ns.png, ns.force,
                          per_page=ns.per_page, report_edition=bool(ns.convert), dpi=ns.dpi,
                          images=ImageAccess.for_document(ns.doc, anywhere=ns.allow_outside_images),
                          one_shot=one_shot)


def _preflight(args: list[str]) -> int:
    p = _Parser(prog="main.py preflight")
    p.add_argument("file")
    p.add_argument("--json", action="store_true")
    p.add_argument("--allow-outside-images", action="store_true",
                   help="read pictures outside the document's folder (a document you trust)")
    ns = p.parse_args(args)
    path = Path(ns.file)
    if not path.exists():
        raise UserError("no such file", where=ns.file, hint="check the path")
    head = path.read_bytes()[:5]
    if head == b"%PDF-":
        from .preflight import preflight_pdf

        findings = preflight_pdf(str(path))
    else:
        from .document_io import load_document
        from .preflight import preflight_pages
        from .render import lay_out_document

        from .document_io import ImageAccess

        doc = load_document(path)
        access = ImageAccess.for_document(path, anywhere=ns.allow_outside_images)
        findings = preflight_pages(lay_out_document(doc, images=access), doc)
    if ns.json:
        print(json.dumps([f.__dict__ for f in findings], ensure_ascii=False, indent=1))
    else:
        for f in findings:
            where = f"page {f.page + 1}" + (f", block {f.block}" if f.block else "") + \
                    (f", story {f.story}" if f.story else "")
            print(f"{f.severity}: {where}: {f.message}")
        print(f"{sum(f.severity == 'error' for f in findings)} error(s), "
              f"{sum(f.severity == 'warning' for f in findings)} warning(s)")
    return 2 if any(f.severity == "error" for f in findings) else 0
