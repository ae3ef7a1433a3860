"""Chinese words for break decisions: jieba's dictionary behind an on-disk index.

Headlines break only between words and the importer asks whether a word runs across a seam.
jieba answers both, but `jieba.initialize()` costs about a second in every process — as much as
the rest of a page. So the dictionary jieba ships (its dict.txt) is indexed once into SQLite in
the cache folder, and each question costs a few lookups. `segment` is jieba's own method without
its HMM: the dictionary-word DAG of the text and the route of greatest total log frequency.
"""
from __future__ import annotations

import importlib.util
import math
import os
import sqlite3
import tempfile
import threading
from functools import lru_cache
from pathlib import Path
from typing import Optional

from .fonts import cache_dir

MAX_WORD = 8  # longer dictionary entries are idioms that never matter at a break
_LOCAL = threading.local()


def _dict_path() -> Path:
    spec = importlib.util.find_spec("jieba")  # locate the package without importing it (slow)
    if spec is None or not spec.origin:
        raise RuntimeError("jieba is not installed")  # a packaging bug, not user input
    return Path(spec.origin).parent / "dict.txt"


def _build(src: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".sqlite.tmp")
    os.close(fd)
    con = sqlite3.connect(tmp)
    try:
        con.execute("CREATE TABLE w (word TEXT PRIMARY KEY, freq INTEGER) WITHOUT ROWID")
        total = 0
        rows = {}
        with open(src, encoding="utf-8") as f:
            for line in f:
                parts = line.split()
                if len(parts) >= 2 and len(parts[0]) <= MAX_WORD:
                    rows[parts[0]] = int(parts[1])
                    total += int(parts[1])
        con.executemany("INSERT INTO w VALUES (?, ?)", rows.items())
        con.execute("CREATE TABLE meta (total INTEGER)")
        con.execute("INSERT INTO meta VALUES (?)", (total,))
        con.commit()
    finally:
        con.close()
    os.replace(tmp, target)


def _connection() -> sqlite3.Connection:
    con = getattr(_LOCAL, "con", None)
    if con is None:
        src = _dict_path()
        st = src.stat()
        target = cache_dir() / f"words-{st.st_size}-{st.st_mtime_ns}.sqlite"
        if not target.exists():
            _build(src, target)
        con = sqlite3.connect(f"file:{target}?mode=ro", uri=True, check_same_thread=False)
        _LOCAL.con = con
    return con


@lru_cache(maxsize=1)
def _total() -> int:
    return _connection().execute("SELECT total FROM meta").fetchone()[0]


@lru_cache(maxsize=65536)
def freq(word: str) -> int:
    """The word's frequency in jieba's dictionary; 0 when it is not a word there."""
    if not word or len(word) > MAX_WORD:
        return 0
    row = _connection().execute("SELECT freq FROM w WHERE word = ?", (word,)).fetchone()
    return row[0] if row else 0


def _is_han(ch: str) -> bool:
    """CJK ideographs: the unified blocks and extension A, and extensions B onwards. (A range
    test, not a regex: compiling the character class cost every process about 1.5 ms.)"""
    o = ord(ch)
    return 0x3400 <= o <= 0x9FFF or 0x20000 <= o <= 0x3134F


def _runs(text: str) -> list[tuple[str, bool]]:
    """The text cut into Han runs (segmented) and other runs (kept whole: Latin, digits, marks)."""
    out: list[tuple[str, bool]] = []
    for ch in text:
        han = _is_han(ch)
        if out and out[-1][1] == han and (han or not ch.isspace()):
            out[-1] = (out[-1][0] + ch, han)
        else:
            out.append((ch, han))
    return out


def _segment_han(text: str) -> list[str]:
    n = len(text)
    log_total = math.log(_total())
    # route[i] = (best log probability of text[i:], end of the first word)
    route: list[tuple[float, int]] = [(0.0, n)] * (n + 1)
    for i in range(n - 1, -1, -1):
        best: Optional[tuple[float, int]] = None
        for j in range(i + 1, min(n, i + MAX_WORD) + 1):
            f = freq(text[i:j]) if j > i + 1 else max(freq(text[i]), 1)
            if f == 0:
                continue
            score = math.log(f) - log_total + route[j][0]
            if best is None or score > best[0]:
                best = (score, j)
        route[i] = best or (route[i + 1][0] - log_total, i + 1)
    out, i = [], 0
    while i < n:
        j = route[i][1]
        out.append(text[i:j])
        i = j
    return out


@lru_cache(maxsize=4096)
def segment(text: str) -> tuple[str, ...]:
    """The text as words: Han runs by jieba's dictionary route, other runs whole."""
    out: list[str] = []
    for run, han in _runs(text):
        out += _segment_han(run) if han else [run]
    return tuple(out)


def word_across(left: str, right: str) -> bool:
    """Does a dictionary word of two or more characters run across the seam left|right?"""
    a, b = left[-4:], right[:4]
    if not a or not b:
        return False
    pos = 0
    for word in segment(a + b):
        end = pos + len(word)
        if pos < len(a) < end and len(word) >= 2:
            return True
        pos = end
    return False
