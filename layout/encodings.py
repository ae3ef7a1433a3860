"""Decode copy files: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK and Big5 — detected, never guessed into mojibake.

A file that is not valid UTF-8 is decoded as GB18030 and as Big5; each decoding is scored by the
share of its characters that are plausible in Chinese copy (ASCII, CJK punctuation, full-width
forms and *common* Han characters: GB2312 level 1 ∪ Big5 常用字). The wrong decoding of a
double-byte text lands mostly on kana, Cyrillic, box drawing, rare or private-use characters, so
the right one scores near 1 and the wrong one far below. When neither wins clearly the user is
asked to re-save the file as UTF-8 (UserError) rather than handed mojibake.
"""
from __future__ import annotations

import codecs
from dataclasses import dataclass
from functools import lru_cache

from layout.errors import UserError

# Decisions need a clear winner: plausible enough, and ahead of the runner-up by a margin.
_MIN_SCORE = 0.85
_MIN_MARGIN = 0.10
_SAMPLE_CHARS = 20000  # scoring a prefix is enough and keeps 5 MB files fast

_MAGIC = (
    (b"%PDF", "a PDF document", "extract its text first (for example with pdftotext) and import the .txt"),
    (b"PK\x03\x04", "a ZIP archive (perhaps a Word file)", "if it is a Word document, give it the .docx extension"),
    (b"\x89PNG", "a PNG image", "import the copy, not the picture"),
    (b"\xff\xd8\xff", "a JPEG image", "import the copy, not the picture"),
    (b"GIF8", "a GIF image", "import the copy, not the picture"),
    (b"\xd0\xcf\x11\xe0", "an old Word/Office file (.doc)", "save it as .docx or .txt and import that"),
)


@dataclass(frozen=True)
class Decoded:
    """Text of a file and the encoding it was read in."""

    text: str
    encoding: str


@lru_cache(maxsize=1)
def _common_han() -> frozenset[str]:
    """GB2312 level-1 (the 3,755 commonest simplified characters) ∪ Big5 常用字 (5,401 traditional)."""
    chars = set()
    for lead in range(0xB0, 0xD8):
        for trail in range(0xA1, 0xFF):
            try:
                chars.add(bytes((lead, trail)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    for lead in range(0xA4, 0xC7):
        for trail in list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)):
            try:
                chars.add(bytes((lead, trail)).decode("big5"))
            except UnicodeDecodeError:
                pass
    return frozenset(chars)


def _plausible(ch: str, common: frozenset[str]) -> bool:
    o = ord(ch)
    if o < 0x80:
        return ch.isprintable() or ch in "\t\n\r"
    if ch in common:
        return True
    return (0x3000 <= o <= 0x303F or 0xFF01 <= o <= 0xFF5E or 0x2010 <= o <= 0x2027
            or ch in "·×÷±°℃％")


def plausibility(text: str) -> float:
    """Share of the non-space characters of `text` (a prefix of it) that Chinese copy would contain."""
    common = _common_han()
    sample = [c for c in text[:_SAMPLE_CHARS] if not c.isspace()]
    if not sample:
        return 1.0
    return sum(1 for c in sample if _plausible(c, common)) / len(sample)


def _binary_reason(data: bytes) -> str:
    for magic, what, _hint in _MAGIC:
        if data.startswith(magic):
            return what
    head = data[:8192]
    if b"\x00" in head:
        return "binary data (it contains NUL bytes)"
    return ""


def decode_copy(data: bytes, where: str) -> Decoded:
    """Decode the bytes of a copy file, or raise UserError saying why it cannot be read as text."""
    if data.startswith(codecs.BOM_UTF8):
        return Decoded(_strict(data[3:], "utf-8", where), "utf-8-sig")
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return Decoded(_strict(data, "utf-16", where), "utf-16")
    reason = _binary_reason(data)
    if reason:
        hint = next((h for m, _w, h in _MAGIC if data.startswith(m)), "import a .txt, .md or .docx file")
        raise UserError(f"this is {reason}, not copy", where, hint)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    candidates = []
    for enc in ("gb18030", "big5"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        candidates.append((plausibility(text), enc, text))
    candidates.sort(reverse=True)
    if candidates:
        best_score, best_enc, best_text = candidates[0]
        runner_up = candidates[1][0] if len(candidates) > 1 else 0.0
        if best_score >= _MIN_SCORE and best_score - runner_up >= _MIN_MARGIN:
            return Decoded(best_text, best_enc)
    tried = ", ".join(f"{enc} {score:.0%} plausible" for score, enc, _t in candidates) or "none decodes"
    raise UserError(
        f"cannot tell the text encoding (not UTF-8; GB18030/Big5: {tried})", where,
        "open the file in a text editor and save it as UTF-8, then import it again")


def _strict(data: bytes, encoding: str, where: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise UserError(
            f"the file says it is {encoding} but byte {err.start} is not valid {encoding}", where,
            "save the file again as UTF-8 in a text editor") from None
