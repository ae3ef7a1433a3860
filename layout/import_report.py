"""The import report and result: every change the importer made, so a chief sub-editor can check it."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

from layout.model import Story


@dataclass(frozen=True)
class ReportEntry:
    """One change or remark.

    story: the story id ("" for a file-level entry); paragraph: index into story.paragraphs, or
    -1 when the entry is about another field (`field`: headline | kicker | sub | byline | credits
    | file). kind: join | punct | space | byline | credits | dropped | continued | encoding |
    warning. before/after are exactly the characters removed and inserted (a join shows the seam
    as a newline in `before`); message says it in words, with context.
    """

    story: str
    paragraph: int
    kind: str
    before: str = ""
    after: str = ""
    message: str = ""
    field: str = "body"


@dataclass(frozen=True)
class ImportResult:
    """Stories in order of appearance (a package story precedes its sub-stories) and the report."""

    stories: tuple[Story, ...] = ()
    report: tuple[ReportEntry, ...] = ()
    per_file: tuple[int, ...] = ()  # how many of the stories each file gave, in order

    def by_file(self, stories: Optional[Sequence[Story]] = None) -> list[tuple[Story, ...]]:
        """The stories split by the file they came from (one page's copy each, see edition.py);
        `stories`: others to split the same way, one for each imported story (converted ones)."""
        stories = tuple(self.stories if stories is None else stories)
        out, at = [], 0
        for n in self.per_file:
            out.append(stories[at:at + n])
            at += n
        return out
