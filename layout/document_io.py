"""Saving and loading documents: versioned, human-readable JSON; atomic saves; clear errors.

The file is the model's dataclasses as JSON objects (field names as keys, tuples as lists), under
{"banmian": SCHEMA_VERSION, "document": {...}}. Image paths are stored relative to the document.
A save writes a temp file in the same folder, fsyncs it, keeps the previous file as `NAME~`, and
renames over the target, so a crash never leaves a half-written document.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
import json
import os
import re
import shutil
import stat
import tempfile
import types
from pathlib import Path
from typing import Any, Optional, Union, get_args, get_origin, get_type_hints

from . import model
from .errors import UserError
from .limits import check_shape
from .model import SCHEMA_VERSION, Document

MAX_DOCUMENT_BYTES = 64 * 1024 * 1024  # a page of text is ~100 KB; refuse absurd files fast
FORMAT_KEY = "banmian"


# ---------------------------------------------------------------- encoding

def to_data(obj: Any) -> Any:
    """A dataclass tree as plain JSON data."""
    if dataclasses.is_dataclass(obj):
        return {f.name: to_data(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (tuple, list)):
        return [to_data(v) for v in obj]
    return obj


def document_json(doc: Document) -> str:
    return json.dumps({FORMAT_KEY: SCHEMA_VERSION, "document": to_data(doc)},
                      ensure_ascii=False, indent=1, sort_keys=False)


# ---------------------------------------------------------------- decoding

class _Bad(Exception):
    """A structural problem at a path inside the JSON (turned into a UserError)."""

    def __init__(self, path: str, what: str) -> None:
        super().__init__(f"{path}: {what}")


_HINTS: dict[type, dict[str, Any]] = {}
# JSON can spell an unpaired surrogate ("\ud800"); it is no character and cannot be saved as UTF-8
# or printed, so it is read as U+FFFD, a visible mark where it stood.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = get_type_hints(cls, vars(model))
    return _HINTS[cls]


def from_data(tp: Any, data: Any, path: str = "document") -> Any:
    """Build a value of type `tp` from JSON data, checking types as it goes."""
    origin = get_origin(tp)
    if dataclasses.is_dataclass(tp):
        if not isinstance(data, dict):
            raise _Bad(path, f"expected an object for {tp.__name__}")
        hints = _hints(tp)
        kwargs = {}
        for f in dataclasses.fields(tp):
            if f.name in data:
                kwargs[f.name] = from_data(hints[f.name], data[f.name], f"{path}.{f.name}")
            elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                raise _Bad(path, f"missing field '{f.name}'")
        return tp(**kwargs)
    if origin in (Union, types.UnionType):
        args = get_args(tp)
        if data is None and type(None) in args:
            return None
        errors = []
        for a in args:
            if a is type(None):
                continue
            try:
                return from_data(a, data, path)
            except _Bad as e:
                errors.append(str(e))
        raise _Bad(path, "; ".join(errors) or "unexpected value")
    if origin is tuple:
        args = get_args(tp)
        if not isinstance(data, list):
            raise _Bad(path, "expected a list")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(from_data(args[0], v, f"{path}[{i}]") for i, v in enumerate(data))
        if len(args) != len(data):
            raise _Bad(path, f"expected {len(args)} values, found {len(data)}")
        return tuple(from_data(a, v, f"{path}[{i}]") for i, (a, v) in enumerate(zip(args, data)))
    if tp is float:
        if isinstance(data, bool) or not isinstance(data, (int, float)):
            raise _Bad(path, "expected a number")
        v = float(data)
        if v != v or v in (float("inf"), float("-inf")):
            raise _Bad(path, "expected a finite number")
        return v
    if tp is int:
        if isinstance(data, bool) or not isinstance(data, int):
            raise _Bad(path, "expected a whole number")
        return data
    if tp is bool:
        if not isinstance(data, bool):
            raise _Bad(path, "expected true or false")
        return data
    if tp is str:
        if not isinstance(data, str):
            raise _Bad(path, "expected text")
        return _LONE_SURROGATE.sub("\ufffd", data)
    raise _Bad(path, f"unsupported type {tp!r}")


def parse_document(text: str, where: str = "document") -> Document:
    """A Document from the file's text, or a UserError saying what is wrong and where."""
    hint_open = "the file was not changed; open a backup (NAME~) or the autosave, or re-import the copy"
    if not text.strip():
        raise UserError("the file is empty", where=where, hint=hint_open)
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as e:
        truncated = e.pos >= len(text.rstrip()) - 1
        what = ("the file is truncated (it ends in the middle of the document)" if truncated
                else f"the file is not valid JSON (line {e.lineno}, column {e.colno}: {e.msg})")
        raise UserError(what, where=where, hint=hint_open) from None
    except RecursionError:
        raise UserError("the file nests too deeply to be a Banmian document", where=where,
                        hint=hint_open) from None
    except ValueError:  # json refuses integers of thousands of digits
        raise UserError("the file holds a number too long to read", where=where, hint=hint_open) from None
    if not isinstance(raw, dict) or FORMAT_KEY not in raw or "document" not in raw:
        raise UserError("this is not a Banmian document", where=where,
                        hint="to bring in copy (.txt, .md, .docx) use Import or `main.py compose`")
    version = raw[FORMAT_KEY]
    if not isinstance(version, int) or isinstance(version, bool):
        raise UserError("the document's format version is not a number", where=where, hint=hint_open)
    if version > SCHEMA_VERSION:
        raise UserError(f"the document was saved by a newer Banmian (format {version}; "
                        f"this one reads up to {SCHEMA_VERSION})", where=where,
                        hint="update Banmian to open it; the file was not changed")
    try:
        doc = from_data(Document, raw["document"])
    except _Bad as e:
        raise UserError(f"the document is damaged or was edited by hand wrongly ({e})",
                        where=where, hint=hint_open) from None
    except (TypeError, ValueError) as e:
        raise UserError(f"the document has an invalid value ({e})", where=where, hint=hint_open) from None
    return dataclasses.replace(doc, version=SCHEMA_VERSION)


def load_document(path: Union[str, os.PathLike]) -> Document:
    """Read a document file. Raises UserError (never anything else) for a bad file."""
    p = Path(path)
    try:
        st = p.stat()
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(st.st_mode):  # a device or pipe could be read forever
            raise UserError("this is not a file", where=str(p), hint="choose a document file")
        size = st.st_size
        if size > MAX_DOCUMENT_BYTES:
            raise UserError(f"the file is {size // (1024 * 1024)} MB, too large for a Banmian document",
                            where=str(p), hint="check that this is the right file")
        data = p.read_bytes()
    except FileNotFoundError:
        raise UserError("no such file", where=str(p), hint="check the path") from None
    except IsADirectoryError:
        raise UserError("this is a folder, not a document", where=str(p)) from None
    except PermissionError:
        raise UserError("permission denied", where=str(p), hint="check the file's permissions") from None
    except OSError as e:
        raise UserError(f"cannot read the file ({e.strerror})", where=str(p)) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise UserError(f"the file is not UTF-8 text (byte {e.start}); it may be binary or damaged",
                        where=str(p), hint="open a backup (NAME~) or the autosave") from None
    doc = parse_document(text, where=str(p))
    check_shape(doc, where=str(p))  # a hand-edited grid or block that layout could not bound
    return doc


# ---------------------------------------------------------------- atomic writes

def published_mode(target: Path) -> int:
    """The permissions a file written via a temp file should get: the old file's, else the
    user's default (mkstemp's 0600 would hide a saved page from the rest of the desk)."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def atomic_write(path: Union[str, os.PathLike], data: bytes, backup: bool = True) -> None:
    """Write bytes so that the target is either the old file or the complete new one.

    temp file in the same folder → fsync → keep the old file as NAME~ → rename → fsync the folder.
    """
    p = Path(path)
    folder = p.parent if str(p.parent) else Path(".")
    if not folder.is_dir():
        raise UserError("the folder does not exist", where=str(folder), hint="choose another folder")
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{p.name}.", suffix=".tmp")
    except OSError as e:
        raise UserError(f"cannot write in this folder ({e.strerror})", where=str(folder),
                        hint="choose a folder you can write to") from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, published_mode(p))
        if backup and p.exists():
            # the backup is a second link to the old file, so the target exists at every instant
            # (linked under a temp name and renamed over the old backup, so a kill at any moment
            # leaves a complete backup)
            bak = p.with_name(p.name + "~")
            try:
                os.link(p, tmp + "~")
                os.replace(tmp + "~", bak)
            except OSError:
                shutil.copy2(p, bak)
        os.replace(tmp, p)
        try:
            dfd = os.open(folder, os.O_RDONLY)
            try:
                os.fsync(dfd)
            finally:
                os.close(dfd)
        except OSError:
            pass
    except OSError as e:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise UserError(f"could not save ({e.strerror}); the previous file is unchanged", where=str(p),
                        hint="free disk space or choose another folder") from None


def save_document(doc: Document, path: Union[str, os.PathLike], backup: bool = True) -> None:
    """Save atomically; the previous version is kept as NAME~."""
    text = document_json(doc)
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # unpaired surrogates from outside (see _LONE_SURROGATE): keep pairs
        text = text.encode("utf-16", "surrogatepass").decode("utf-16", "surrogatepass")
        data = _LONE_SURROGATE.sub("\ufffd", text).encode("utf-8")
    atomic_write(path, data, backup=backup)


@dataclass(frozen=True)
class ImageAccess:
    """Which picture files layout may read: those inside `root` (the document's folder; "" = the
    working directory), the files in `allowed` (chosen by the user: a dialog, a command-line
    flag), or any file when `anywhere` (the user trusts the document). A document from someone
    else cannot make Banmian read — and embed in a PDF — a file outside its folder."""

    root: str = ""
    allowed: frozenset = frozenset()
    anywhere: bool = False

    @staticmethod
    def for_document(doc_path: Optional[Union[str, os.PathLike]], anywhere: bool = False) -> "ImageAccess":
        return ImageAccess(root=str(Path(doc_path).resolve().parent) if doc_path else "", anywhere=anywhere)

    def resolve(self, image_path: str) -> Optional[Path]:
        """The picture's full path, or None when it may not be read (outside and not allowed)."""
        if not image_path:
            return None
        base = Path(self.root) if self.root else Path.cwd()
        p = Path(image_path)
        full = (p if p.is_absolute() else base / p).resolve()
        if self.anywhere or str(full) in self.allowed:
            return full
        try:
            full.relative_to(base.resolve())
        except ValueError:
            return None
        return full


def resolve_image(doc_path: Optional[Union[str, os.PathLike]], image_path: str,
                  allow_outside: bool = False) -> Optional[Path]:
    """An image path from a document, resolved relative to the document's folder.

    Returns None when the path escapes the document's folder and the user has not consented
    (a document from someone else must not make Banmian read arbitrary files).
    """
    return ImageAccess.for_document(doc_path, anywhere=allow_outside).resolve(image_path)


def missing_images(doc: Document, doc_path: Optional[Union[str, os.PathLike]]) -> list[str]:
    """Messages for images the document names that cannot be found (or are refused because they
    lie outside the document's folder). The document still opens; each becomes a placeholder."""
    wanted: list[tuple[str, str]] = []
    for s in doc.stories:
        if s.image:
            wanted.append((s.image, f"story {s.id}"))
    for i, page in enumerate(doc.pages):
        for b in page.blocks:
            if b.image is not None and b.image.path:
                wanted.append((b.image.path, f"page {i + 1}, block {b.id}"))
    out = []
    for img, where in dict.fromkeys(wanted):
        full = resolve_image(doc_path, img)
        if full is None:
            out.append(f"{where}: image '{img}' lies outside the document's folder and was not read "
                       "— move it next to the document or allow outside images")
        elif not full.is_file():
            out.append(f"{where}: image '{img}' is missing — a grey placeholder is shown; "
                       "put the file back or choose another picture")
    return out
