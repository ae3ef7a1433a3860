"""A story's body as editable plain text and back: one paragraph per line, a role as a prefix.

"## " marks a subhead (小标题), "> " a lead (导语), "[caption] " a caption; other lines are body
paragraphs. The mapping is exact both ways for every paragraph without a newline in it.
"""
from __future__ import annotations

from dataclasses import replace

from layout.model import Paragraph, Story

PREFIXES = {"subhead": "## ", "lead": "> ", "caption": "[caption] "}


def body_to_text(story: Story) -> str:
    return "\n".join(PREFIXES.get(p.role, "") + p.text for p in story.paragraphs)


def text_to_paragraphs(text: str) -> tuple[Paragraph, ...]:
    out = []
    for line in text.split("\n"):
        for role, prefix in PREFIXES.items():
            if line.startswith(prefix):
                out.append(Paragraph(line[len(prefix):], role))
                break
        else:
            out.append(Paragraph(line))
    return tuple(out)


MAIN_SEP = " / "  # between the parts of a main head shown on one line


def with_fields(story: Story, kicker: str, main: str, sub: str, byline: str, body: str) -> Story:
    """The story with its headline, byline and body taken from the editor's fields."""
    parts = tuple(p.strip() for p in main.split(MAIN_SEP.strip()) if p.strip())
    head = replace(story.headline, kicker=kicker, main=parts, sub=sub)
    return replace(story, headline=head, byline=byline, paragraphs=text_to_paragraphs(body))
