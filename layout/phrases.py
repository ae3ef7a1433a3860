"""The phrase dictionary 词库: house/user (source → target) pairs that override the converter.

A phrase keeps a name as written (闸弄口 → 闸弄口) or forces a reading (乾隆 → 乾隆). Matching is
longest first, left to right; a matched span is protected: the converter never sees it.
The user-level dictionary is a JSON file in the XDG config folder; a document carries its own
(Document.phrases), which wins over the user's for the same source.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Iterable, Optional, Union

from .document_io import atomic_write
from .errors import UserError

Phrases = tuple[tuple[str, str], ...]
FORMAT = 1


def merge_phrases(*layers: Iterable[tuple[str, str]]) -> Phrases:
    """One dictionary from several (user, then document): a later layer wins for the same source."""
    merged: dict[str, str] = {}
    for layer in layers:
        for source, target in layer:
            merged[source] = target
    return tuple(merged.items())


def protected_spans(text: str, phrases: Iterable[tuple[str, str]]) -> list[tuple[int, int, str]]:
    """(start, end, target) of every phrase match in `text`, longest match first, left to right."""
    table = dict(phrases)
    if not table or not text:
        return []
    longest: dict[str, int] = {}
    for key in table:
        if key:
            longest[key[0]] = max(longest.get(key[0], 0), len(key))
    spans = []
    pos, n = 0, len(text)
    while pos < n:
        for length in range(min(longest.get(text[pos], 0), n - pos), 0, -1):
            target = table.get(text[pos:pos + length])
            if target is not None:
                spans.append((pos, pos + length, target))
                pos += length
                break
        else:
            pos += 1
    return spans


def check_phrases(pairs: object, where: str) -> Phrases:
    """Validate a decoded list of [source, target] pairs (both non-empty strings, one line each)."""
    if not isinstance(pairs, list):
        raise UserError("the phrase dictionary must be a list of [source, target] pairs", where=where,
                        hint='write {"phrases": [["闸弄口", "闸弄口"], ["软件", "軟件"]]}')
    out = []
    for i, pair in enumerate(pairs, 1):
        if (not isinstance(pair, (list, tuple)) or len(pair) != 2
                or not all(isinstance(s, str) and s.strip() and "\n" not in s for s in pair)):
            raise UserError(f"entry {i} is not a pair of two non-empty one-line texts: {pair!r}",
                            where=where, hint="fix or remove that entry")
        out.append((pair[0], pair[1]))
    return tuple(out)


def parse_phrases_text(text: str, where: str) -> Phrases:
    """OpenCC's text format: one `source<TAB>target` per line; blank lines and # comments skipped."""
    pairs = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.rstrip("\r").split("\t")
        if len(parts) != 2 or not parts[0].strip() or not parts[1].strip():
            raise UserError("expected `source<TAB>target`", where=f"{where}, line {n}",
                            hint="separate the two forms with one tab, or use a JSON phrase file")
        pairs.append((parts[0].strip(), parts[1].strip()))
    return tuple(pairs)


def read_phrases(path: Union[str, os.PathLike]) -> Phrases:
    """A phrase file: JSON ({"phrases": [[s, t], …]} or a bare list) or OpenCC-style tab text."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UserError("the phrase dictionary does not exist", where=str(p),
                        hint="check the path given to --dict") from None
    except UnicodeDecodeError as e:
        raise UserError(f"the phrase dictionary is not UTF-8 text (byte {e.start})", where=str(p),
                        hint="save it as UTF-8") from None
    except OSError as e:
        raise UserError(f"cannot read the phrase dictionary ({e.strerror})", where=str(p)) from None
    if p.suffix.lower() != ".json":
        return parse_phrases_text(text, str(p))
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise UserError(f"the phrase dictionary is not valid JSON ({e.msg})",
                        where=f"{p}, line {e.lineno}", hint="fix the JSON or restore a backup (NAME~)") from None
    return check_phrases(data.get("phrases") if isinstance(data, dict) else data, str(p))


def user_phrases_path() -> Path:
    """$BANMIAN_CONFIG/phrases.json, else $XDG_CONFIG_HOME/banmian/phrases.json (~/.config/…)."""
    env = os.environ.get("BANMIAN_CONFIG")
    if env:
        return Path(env) / "phrases.json"
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return Path(base) / "banmian" / "phrases.json"


def load_user_phrases(path: Optional[Path] = None) -> Phrases:
    """The user's dictionary; none yet is an empty one."""
    p = path or user_phrases_path()
    if not p.exists():
        return ()
    return read_phrases(p)


def save_user_phrases(phrases: Iterable[tuple[str, str]], path: Optional[Path] = None) -> None:
    """Save the user's dictionary atomically (the previous file is kept as phrases.json~)."""
    p = path or user_phrases_path()
    pairs = check_phrases([list(pair) for pair in phrases], str(p))
    try:
        p.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise UserError(f"cannot create the settings folder ({e.strerror})", where=str(p.parent),
                        hint="check the permissions of your config folder") from None
    data = {"format": FORMAT, "phrases": [list(pair) for pair in pairs]}
    atomic_write(p, (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
