"""The `stories` subcommand: import copy files and print their stories and the import report (text or JSON)."""
from __future__ import annotations

import argparse
import json
import sys
from typing import TextIO

from layout.errors import UserError
from layout.import_report import ImportResult, ReportEntry
from layout.importer import import_files
from layout.model import Story
from layout.punctuation import is_han

JSON_SCHEMA_VERSION = 1


class _Parser(argparse.ArgumentParser):
    """argparse that reports bad arguments as a UserError instead of exiting."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UserError(message, "stories", "see `python main.py stories --help`")


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="main.py stories",
                description="Import copy (.txt, .md, .docx) and show its stories and the import report.")
    p.add_argument("copy", nargs="+", metavar="COPY", help="copy files, imported in order")
    p.add_argument("--json", action="store_true", help="print JSON (schema: docs/stories-json.md)")
    p.add_argument("--no-normalise", dest="normalise", action="store_false",
                   help="keep punctuation as written (spaces between Chinese characters are still removed)")
    return p


def run_stories(args: list[str], out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run `stories COPY... [--json] [--no-normalise]`; 0 on success, 1 on a user error."""
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        ns = _parser().parse_args(args)
        result = import_files(ns.copy, normalise=ns.normalise)
    except UserError as e:
        print(f"error: {e.message}", file=err)
        return 1
    except OSError as e:  # unreadable file, permission denied
        print(f"error: {getattr(e, 'filename', '') or 'a copy file'}: cannot read it ({e.strerror or e}) "
              "— check the path and its permissions", file=err)
        return 1
    if ns.json:
        json.dump(result_to_json(result), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        out.write(format_result(result))
    return 0


def char_counts(story: Story) -> tuple[int, int]:
    """(Han characters, all non-space characters) of the story's text fields."""
    h = story.headline
    text = "".join([h.kicker, *h.main, h.sub, story.byline, story.body_text, story.credits])
    chars = [c for c in text if not c.isspace()]
    return sum(1 for c in chars if is_han(c)), len(chars)


def story_to_json(story: Story) -> dict:
    han, total = char_counts(story)
    return {
        "id": story.id, "kind": story.kind, "group": story.group,
        "headline": {"kicker": story.headline.kicker, "main": list(story.headline.main),
                     "sub": story.headline.sub},
        "byline": story.byline, "byline_at_start": story.byline_at_start, "credits": story.credits,
        "paragraphs": [{"role": p.role, "text": p.text} for p in story.paragraphs],
        "subheads": [p.text for p in story.paragraphs if p.role == "subhead"],
        "continued": story.continued, "image": story.image, "source": story.source,
        "chars": {"han": han, "total": total},
    }


def entry_to_json(e: ReportEntry) -> dict:
    return {"story": e.story, "paragraph": e.paragraph, "field": e.field, "kind": e.kind,
            "before": e.before, "after": e.after, "message": e.message}


def counts(result: ImportResult) -> dict:
    """Every Story object counts, a package included; its sub-stories are articles with `group` set."""
    kinds = [s.kind for s in result.stories]
    return {"stories": len(kinds), "articles": kinds.count("article"), "photos": kinds.count("photo"),
            "packages": kinds.count("package"), "sub_stories": sum(1 for s in result.stories if s.group),
            "report": len(result.report)}


def result_to_json(result: ImportResult) -> dict:
    return {
        "version": JSON_SCHEMA_VERSION,
        "counts": counts(result),
        "stories": [story_to_json(s) for s in result.stories],
        "report": [entry_to_json(e) for e in result.report],
    }


def format_story(story: Story) -> str:
    h = story.headline
    han, total = char_counts(story)
    lines = [f"[{story.id}] {story.kind}" + (f" in {story.group}" if story.group else "")
             + (" · continued" if story.continued else "") + f" · {han} Han / {total} chars · {story.source}"]
    if h.kicker:
        lines.append(f"  kicker:   {h.kicker}")
    lines.append("  headline: " + " | ".join(h.main))
    if h.sub:
        lines.append(f"  subtitle: {h.sub}")
    if story.byline:
        lines.append(f"  byline:   {story.byline}" + (" (at start)" if story.byline_at_start else ""))
    if story.credits:
        lines.append(f"  credits:  {story.credits}")
    if story.image:
        lines.append(f"  image:    {story.image}")
    for k, p in enumerate(story.paragraphs):
        tag = "" if p.role == "body" else f"<{p.role}> "
        lines.append(f"  ¶{k} {tag}{p.text}")
    return "\n".join(lines)


def format_result(result: ImportResult) -> str:
    c = counts(result)
    head = (f"{c['stories']} stories: {c['articles']} articles ({c['sub_stories']} of them in packages), "
            f"{c['photos']} photo news, {c['packages']} package(s)")
    parts = [head, ""] + [format_story(s) + "\n" for s in result.stories]
    parts.append(f"Import report: {len(result.report)} entries")
    for e in result.report:
        where = e.story or "file"
        if e.paragraph >= 0:
            where += f" ¶{e.paragraph}"
        elif e.field != "body":
            where += f" {e.field}"
        parts.append(f"  {where:<12} {e.kind:<9} {e.message}")
    return "\n".join(parts) + "\n"
