"""Import copy (.txt, .md, .docx) as Story objects, with a report of every change made to the text.

Pipeline: bytes → text (`layout.encodings`) → control characters dropped (reported) → chunks
(plain lines, or Markdown/Word paragraphs with their roles: `layout.import_formats`) → units with
broken paragraphs joined (`layout.copy_units`) → stories (`layout.copy_structure`) → spaces
between Chinese characters removed and, unless turned off, punctuation normalised
(`layout.punctuation`). Nothing the user wrote is lost: every non-space character of the input
is in some story field, or the report says where it went (byline parentheses, dropped control
characters, normalised marks).
"""
from __future__ import annotations

import unicodedata
from pathlib import Path

from layout.bylines import split_dateline
from layout.copy_structure import Draft, build_drafts
from layout.copy_units import Chunk, repair, split_lines
from layout.encodings import decode_copy
from layout.errors import UserError
from layout.import_formats import read_docx, read_markdown
from layout.import_report import ImportResult, ReportEntry
from layout.limits import check_import_text, check_stories
from layout.model import Headline, Paragraph, Story
from layout.punctuation import Change, normalise_punctuation, remove_cjk_spaces

__all__ = ["ImportResult", "ReportEntry", "import_files", "import_text", "story_text"]

MAX_BYTES = 50 * 1024 * 1024
_KEEP = "\n\t"
_NEWLINES = {"\r\n": "\n", "\r": "\n", "\u2028": "\n", "\u2029": "\n", "\x0b": "\n", "\x0c": "\n"}


def import_text(text: str, name: str = "", normalise: bool = True) -> ImportResult:
    """Import plain-text copy held in memory (`name` labels the stories' source)."""
    check_import_text(text, name or "the copy")
    text, dropped = clean_text(text, name)
    return _import(split_lines(text), name, normalise, 1, dropped)


def import_files(paths: list[str], normalise: bool = True) -> ImportResult:
    """Import copy files in order; story ids run on across files. Raises UserError for unreadable input."""
    stories: list[Story] = []
    report: list[ReportEntry] = []
    per_file: list[int] = []
    for path in paths:
        chunks, notes = _read(Path(path))
        result = _import(chunks, Path(path).name, normalise, len(stories) + 1, notes)
        stories.extend(result.stories)
        report.extend(result.report)
        per_file.append(len(result.stories))
    return ImportResult(tuple(stories), tuple(report), tuple(per_file))


def story_text(story: Story) -> str:
    """Every piece of text a story holds, in reading order (kicker, head parts, sub, byline, text, credits)."""
    h = story.headline
    fields = [h.kicker, *h.main, h.sub, story.byline, *(p.text for p in story.paragraphs), story.credits]
    return "\n".join(f for f in fields if f)


def clean_text(text: str, where: str = "") -> tuple[str, list[ReportEntry]]:
    """Unify line ends and drop control and invisible format characters, reporting them per line."""
    for old, new in _NEWLINES.items():
        text = text.replace(old, new)
    lines, notes = [], []
    for n, line in enumerate(text.split("\n"), 1):
        bad = [c for c in line if c not in _KEEP and unicodedata.category(c) in ("Cc", "Cf", "Cs")]
        if bad:
            line = "".join(c for c in line if c not in bad)
            codes = " ".join(sorted({f"U+{ord(c):04X}" for c in bad}))
            notes.append(ReportEntry("", -1, "dropped", "".join(bad), "",
                                     f"{where + ':' if where else 'line '}{n}: dropped {len(bad)} control "
                                     f"or invisible character(s) ({codes})", "file"))
        lines.append(line)
    return "\n".join(lines), notes


def _read(path: Path) -> tuple[list[Chunk], list[ReportEntry]]:
    where = str(path)
    if not path.exists():
        raise UserError("no such file", where, "check the path")
    if path.is_dir():
        raise UserError("this is a folder, not a copy file", where, "name the .txt, .md or .docx files in it")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise UserError(f"the file is {size // (1024 * 1024)} MB; copy files over {MAX_BYTES // (1024 * 1024)} MB "
                        "are not imported", where, "split it into smaller files")
    if path.suffix.lower() == ".docx":
        return read_docx(path), []
    data = path.read_bytes()
    if not data.strip():
        raise UserError("the file is empty", where, "check that you picked the right file")
    decoded = decode_copy(data, where)
    check_import_text(decoded.text, where)
    text, notes = clean_text(decoded.text, path.name)
    if decoded.encoding not in ("utf-8", "utf-8-sig"):
        notes.insert(0, ReportEntry("", -1, "encoding", message=f"{path.name}: read as {decoded.encoding}",
                                    field="file"))
    if not text.strip():
        raise UserError("the file holds no text (only control characters or spaces)", where,
                        "check that you picked the right file")
    if path.suffix.lower() in (".md", ".markdown"):
        return read_markdown(text), notes
    return split_lines(text), notes


def _import(chunks: list[Chunk], name: str, normalise: bool, first_id: int,
            notes: list[ReportEntry]) -> ImportResult:
    report = list(notes)
    if not chunks:
        report.append(ReportEntry("", -1, "warning", message=f"{name or 'the copy'}: no text to import",
                                  field="file"))
        return ImportResult((), tuple(report))
    stories = []
    for draft in build_drafts(repair(chunks), name, first_id):
        story, entries = _finish(draft, normalise)
        stories.append(story)
        report.extend(entries)
    check_stories(stories, name)
    return ImportResult(tuple(stories), tuple(report))


def _finish(draft: Draft, normalise: bool) -> tuple[Story, list[ReportEntry]]:
    s = draft.story
    entries = list(draft.notes)
    for k, joins in enumerate(draft.joins):
        for before, after in joins:
            entries.append(ReportEntry(s.id, k, "join", before, after,
                                       f"joined a paragraph broken by extraction: …{after}… (nothing inserted)"))

    def fix(text: str, field: str, para: int = -1, spaces: bool = True) -> str:
        steps = [remove_cjk_spaces] if spaces else []
        if normalise:
            steps.append(normalise_punctuation)
        for step in steps:
            new, changes = step(text)
            entries.extend(_entry(s.id, para, field, text, c) for c in changes)
            text = new
        return text

    h = s.headline
    headline = Headline(main=tuple(fix(p, "headline") for p in h.main),
                        kicker=fix(h.kicker, "kicker", spaces=False), sub=fix(h.sub, "sub", spaces=False))
    def body(text: str, k: int) -> str:
        dated = split_dateline(text) if k == 0 and not s.byline_at_start else None
        if dated is None or text[len(dated[0])] not in " \t\u3000":
            return fix(text, "body", k)
        # 本报讯 left in the text (the byline is at the end): the gap after it is the house style, not a scar
        gap = text[len(dated[0]):len(text) - len(dated[1])]
        return fix(dated[0], "body", k) + gap + fix(dated[1], "body", k)

    paragraphs = tuple(Paragraph(body(p.text, k), p.role) for k, p in enumerate(s.paragraphs))
    story = Story(id=s.id, headline=headline, paragraphs=paragraphs,
                  byline=fix(s.byline, "byline", spaces=False), byline_at_start=s.byline_at_start,
                  credits=fix(s.credits, "credits", spaces=False), kind=s.kind, group=s.group,
                  continued=s.continued, image=s.image, source=s.source)
    entries.sort(key=lambda e: (e.kind == "continued", e.paragraph))
    return story, entries


def _entry(sid: str, para: int, field: str, text: str, c: Change) -> ReportEntry:
    context = text[max(0, c.start - 6):c.start + len(c.before) + 6].replace("\n", " ")
    what = "removed spaces between Chinese characters" if c.rule == "space" else f"{c.before} → {c.after}"
    return ReportEntry(sid, para, c.rule, c.before, c.after, f"{what} in “{context}”", field)
