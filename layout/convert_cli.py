"""`main.py convert CONFIG [FILE] [--dict FILE]`: convert plain text between Simplified and Traditional.

Reads FILE (or stdin) as UTF-8 and writes the converted text to stdout. The user's phrase
dictionary applies, and each --dict file on top of it (later files win).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Optional, Sequence

from .convert import EDITIONS, convert_text, validate_config
from .errors import UserError
from .phrases import load_user_phrases, merge_phrases, read_phrases


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UserError(message, where="convert", hint="usage: main.py convert CONFIG [FILE] [--dict FILE]")


def _read_input(path: Optional[str]) -> str:
    where = path or "stdin"
    try:
        data = Path(path).read_bytes() if path else sys.stdin.buffer.read()
    except FileNotFoundError:
        raise UserError("the file does not exist", where=where, hint="check the path") from None
    except OSError as e:
        raise UserError(f"cannot read the file ({e.strerror})", where=where,
                        hint="check the path and its permissions") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise UserError(f"the text is not UTF-8 (byte {e.start})", where=where,
                        hint="save it as UTF-8 (e.g. `iconv -f GB18030 -t UTF-8`)") from None


def run_convert(args: Sequence[str]) -> int:
    """Run the convert subcommand; 0 on success, 1 with one paragraph on stderr on bad input."""
    p = _Parser(prog="main.py convert", description="Convert text between Simplified and Traditional.")
    p.add_argument("config", help="one of " + ", ".join(EDITIONS))
    p.add_argument("file", nargs="?", help="UTF-8 text file (default: stdin)")
    p.add_argument("--dict", action="append", default=[], metavar="FILE",
                   help="phrase dictionary (JSON or `source<TAB>target` lines); repeatable")
    p.add_argument("--no-quotes", action="store_true", help="keep the source's quotation marks")
    try:
        ns = p.parse_args(list(args))
        validate_config(ns.config)
        phrases = merge_phrases(load_user_phrases(), *(read_phrases(d) for d in ns.dict))
        text = _read_input(ns.file)
        out = convert_text(text, ns.config, phrases, quotes=not ns.no_quotes)
    except UserError as e:
        print(f"banmian: {e.message}", file=sys.stderr)
        return 1
    sys.stdout.buffer.write(out.encode("utf-8"))
    sys.stdout.buffer.flush()
    return 0
