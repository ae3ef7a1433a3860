"""Readers for structured copy: Markdown and Word (.docx) → chunks with explicit roles for the importer.

Markdown conventions (docs/stories-json.md repeats them):
  `# 主题`                       headline (main head; parts separated by spaces)
  `## 小标题` / `### …`          subhead inside the story
  `引题：…` / `副题：…` / `主题：…`  kicker, subtitle, headline (also with ASCII colon, or after `> `)
  `——…` right after a headline   subtitle
  `作者：…` / `署名：…`            byline (at the start if it comes before the text, else at the end)
  `摄影：…` / `图片：…`            photo credits
  `![说明](photo.jpg)`            a picture and its caption (a story of only pictures is photo news)
  `---`                          ends a package (组合报道) early
  other lines                    paragraphs; a line ending mid-sentence joins the next one;
                                 `**` and `__` emphasis marks and a leading `> ` are removed.
Word: paragraph styles Title / Heading 1 → headline, Heading 2–9 → subhead, Subtitle → subtitle,
Caption → caption; a style whose name contains Kicker/引题, 副题, Byline/署名/作者 or Credit/摄影
maps to that role; the same `引题：`-style prefixes work in any style. Tables are read cell by cell
so no text is lost.
"""
from __future__ import annotations

import re
from pathlib import Path

from layout.copy_units import Chunk
from layout.errors import UserError

_PREFIXES = (
    (("引题", "肩题", "眉题"), "kicker"),
    (("副题", "子题"), "sub"),
    (("主题", "标题"), "head"),
    (("作者", "署名"), "byline"),
    (("摄影", "图片", "摄"), "credits"),
)
_IMAGE = re.compile(r"^!\[(?P<cap>[^\]]*)\]\((?P<path>[^)\s]+)(?:\s+\"[^\"]*\")?\)$")
_EMPHASIS = re.compile(r"\*\*|__")


def _prefixed(text: str) -> tuple[str, str] | None:
    for words, role in _PREFIXES:
        for w in words:
            for colon in ("：", ":"):
                if text.startswith(w + colon):
                    return role, text[len(w) + 1:].strip()
    return None


def read_markdown(text: str) -> list[Chunk]:
    """Markdown copy → chunks (one per line) with the roles the conventions above give them."""
    chunks = []
    for n, raw in enumerate(text.split("\n"), 1):
        line = raw.strip(" \t\u3000")
        if not line:
            continue
        if re.fullmatch(r"(?:-{3,}|\*{3,}|_{3,})", line):
            chunks.append(Chunk("", n, "break"))
            continue
        line = re.sub(r"^>\s?", "", line)
        m = re.match(r"^(#{1,6})\s+(.*?)\s*#*$", line)
        if m:
            level, body = len(m.group(1)), _EMPHASIS.sub("", m.group(2))
            chunks.append(Chunk(body, n, "head" if level == 1 else "subhead"))
            continue
        m = _IMAGE.match(line)
        if m:
            chunks.append(Chunk(_EMPHASIS.sub("", m.group("cap")).strip(), n, "image", image=m.group("path")))
            continue
        line = _EMPHASIS.sub("", line)
        pre = _prefixed(line)
        if pre:
            chunks.append(Chunk(pre[1], n, pre[0]))
        elif chunks and chunks[-1].hint in ("head", "kicker") and line.startswith(("——", "--")):
            chunks.append(Chunk(line, n, "sub"))
        else:
            chunks.append(Chunk(line, n, "body", indent=raw.startswith(("\u3000", "  "))))
    return _place_bylines(chunks)


def _place_bylines(chunks: list[Chunk]) -> list[Chunk]:
    """A byline written before the story's text opens it; one written after the text closes it."""
    out, seen_text = [], False
    for c in chunks:
        if c.hint in ("head", "kicker", "sub", "break"):
            seen_text = False
        elif c.hint in ("body", "caption", "image", "subhead"):
            seen_text = True
        out.append(c if c.hint != "byline" or not seen_text else Chunk(c.text, c.line, "byline_end"))
    return out


def _style_role(style: str) -> str:
    s = style.lower()
    if s == "title" or s == "heading 1":
        return "head"
    if s.startswith("heading"):
        return "subhead"
    if s == "subtitle" or "副题" in s:
        return "sub"
    if "kicker" in s or "引题" in s:
        return "kicker"
    if s == "caption" or "题注" in s:
        return "caption"
    if "byline" in s or "署名" in s or "作者" in s:
        return "byline"
    if "credit" in s or "摄影" in s:
        return "credits"
    return "body"


def read_docx(path: Path) -> list[Chunk]:
    """A Word document → chunks, mapping paragraph styles to roles."""
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph as DocxParagraph
        document = docx.Document(str(path))
    except Exception as err:  # python-docx raises several types for a damaged or foreign file
        raise UserError(f"cannot read this Word file ({type(err).__name__})", str(path),
                        "open it in Word or LibreOffice and save it again as .docx") from None
    chunks: list[Chunk] = []

    def add(par, n: int) -> None:
        raw = par.text
        text = raw.strip(" \t\u3000")
        if not text:
            return
        role = _style_role(par.style.name if par.style is not None else "")
        pre = _prefixed(text)
        if pre:
            role, text = pre
        chunks.append(Chunk(text, n, role, indent=raw.startswith("\u3000")))

    n = 0
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            n += 1
            add(DocxParagraph(child, document), n)
        elif tag == "tbl":
            for row in Table(child, document).rows:
                for cell in row.cells:
                    for par in cell.paragraphs:
                        n += 1
                        add(par, n)
    return _place_bylines(chunks)
