"""Font registry: bundled and user fonts, their metrics from the font files, fallback chains, coverage.

Each font file is parsed at most once per machine: the metrics the engine needs (cmap, horizontal
and vertical advances, ink bounds of punctuation) are cached in a small pickle keyed by the file's
path, size and modification time, so a process that only lays out text never parses a 15 MB font.
The cached cmap and advances are flat arrays, so loading a face costs a copy of their bytes rather
than rebuilding 30 000-entry dicts and lists (which cost ~4 ms per face in every process).
The same file path is what Qt paints with and what the PDF embeds.
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
import tempfile
from array import array
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from .errors import UserError
from .limits import MAX_USER_FONTS, check_font_count

FONT_DIR = Path(__file__).resolve().parent.parent / "fonts"
CACHE_FORMAT = 3
ROLES = ("body", "song", "hei", "heavy", "kai")
SCRIPTS = ("sc", "tc")

# Characters whose ink bounds the typesetter needs (punctuation placement and compression).
_BOUNDS_CHARS = (
    "，。、；：？！．（）〔〕［］｛｝【】〖〗《》〈〉「」『』“”‘’—…～·・‧／"
    "\ufe10\ufe11\ufe12\ufe13\ufe14\ufe15\ufe16\ufe17\ufe18\ufe19"
    + "".join(chr(c) for c in range(0xFE30, 0xFE50))
    + "%‰℃¥$€,.;:?!()[]{}'\"-/"
)


def cache_dir() -> Path:
    """Where metrics caches live: $BANMIAN_CACHE, else the XDG cache, else a temp folder."""
    env = os.environ.get("BANMIAN_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "banmian"


def user_font_dir() -> Path:
    env = os.environ.get("BANMIAN_FONT_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "banmian" / "fonts"


_ABSENT = 0xFFFF  # never a glyph id: a font has at most 65 535 glyphs, numbered from 0


class CodeMap(Mapping):
    """A font's cmap, code point → glyph id: a flat table over the BMP plus a dict for the rest."""

    __slots__ = ("_bmp", "_astral", "_len")

    def __init__(self, pairs: Mapping[int, int]) -> None:
        self._bmp = array("H", [_ABSENT]) * 0x10000
        self._astral: dict[int, int] = {}
        for cp, gid in pairs.items():
            if cp < 0x10000:
                self._bmp[cp] = gid
            else:
                self._astral[cp] = gid
        self._len = len(pairs)

    def get(self, cp: int, default=None):
        if 0 <= cp < 0x10000:
            gid = self._bmp[cp]
            return default if gid == _ABSENT else gid
        return self._astral.get(cp, default)

    def __getitem__(self, cp: int) -> int:
        gid = self.get(cp)
        if gid is None:
            raise KeyError(cp)
        return gid

    def __contains__(self, cp: object) -> bool:
        return isinstance(cp, int) and self.get(cp) is not None

    def __iter__(self):
        bmp = self._bmp
        yield from (cp for cp in range(0x10000) if bmp[cp] != _ABSENT)
        yield from self._astral

    def __len__(self) -> int:
        return self._len


@dataclass
class Face:
    """One font file's metrics, in font units (divide by units_per_em for ems)."""

    key: str
    path: str
    family: str
    weight: int
    role: str
    script: str
    units_per_em: int
    cmap: Mapping[int, int]
    advances: Sequence[int]
    vadvances: Sequence[int]
    bounds_cache: dict[int, Optional[tuple[int, int, int, int]]] = field(default_factory=dict)
    fs_type: int = 0
    user: bool = False
    glyph_names: Optional[list[str]] = None

    def gid(self, ch: str) -> int:
        """Glyph id of a single character, 0 (.notdef) when the font lacks it."""
        return self.cmap.get(ord(ch), 0)

    def has(self, ch: str) -> bool:
        return ord(ch) in self.cmap

    def advance(self, gid: int) -> float:
        """Horizontal advance in ems."""
        return self.advances[gid] / self.units_per_em if gid < len(self.advances) else 1.0

    def vadvance(self, gid: int) -> float:
        """Vertical advance in ems (vmtx), 1 em when the font has none."""
        if gid < len(self.vadvances):
            return self.vadvances[gid] / self.units_per_em
        return 1.0

    def char_advance(self, ch: str) -> float:
        return self.advance(self.gid(ch))

    def bounds(self, gid: int) -> Optional[tuple[float, float, float, float]]:
        """Ink box (xmin, ymin, xmax, ymax) in ems, y up; None for an empty glyph."""
        if gid not in self.bounds_cache:
            self.bounds_cache[gid] = _read_bounds(self.path, gid)
        b = self.bounds_cache[gid]
        if b is None:
            return None
        u = self.units_per_em
        return (b[0] / u, b[1] / u, b[2] / u, b[3] / u)


_TT_CACHE: dict[str, object] = {}


def _tt(path: str):
    from fontTools.ttLib import TTFont

    if path not in _TT_CACHE:
        _TT_CACHE[path] = TTFont(path, lazy=True)
    return _TT_CACHE[path]


def _read_bounds(path: str, gid: int) -> Optional[tuple[int, int, int, int]]:
    tt = _tt(path)
    name = tt.getGlyphName(gid)
    g = tt["glyf"][name]
    if getattr(g, "numberOfContours", 0) == 0 and not hasattr(g, "xMin"):
        return None
    if not hasattr(g, "xMin"):
        g.recalcBounds(tt["glyf"])
    if not hasattr(g, "xMin") or g.numberOfContours == 0:
        return None
    return (g.xMin, g.yMin, g.xMax, g.yMax)


def _cache_key(path: str) -> str:
    st = os.stat(path)
    raw = f"{CACHE_FORMAT}|{os.path.abspath(path)}|{st.st_size}|{st.st_mtime_ns}"
    return hashlib.sha1(raw.encode()).hexdigest()


def _parse_metrics(path: str) -> dict:
    """Read what the engine needs from a font file with fontTools (the slow path, once per file)."""
    from fontTools.ttLib import TTFont, TTLibError

    try:
        tt = TTFont(path, lazy=True, fontNumber=0)
    except (TTLibError, OSError, Exception) as e:  # a corrupt file is the user's, not a bug
        raise UserError(f"cannot read the font file ({e})", where=path,
                        hint="replace the file or remove it from the font folder") from None
    if "glyf" not in tt:
        raise UserError("this is a CFF-flavoured OpenType font; Banmian needs TrueType (glyf) outlines",
                        where=path,
                        hint="convert it, e.g. `fonttools otf2ttf` or `python -m fontTools.cu2qu`, "
                             "or use the TrueType edition of the face")
    order = tt.getGlyphOrder()
    index = {n: i for i, n in enumerate(order)}
    cmap = CodeMap({cp: index[name] for cp, name in tt.getBestCmap().items() if name in index})
    hm = tt["hmtx"].metrics
    advances = array("H", [hm.get(n, (0, 0))[0] for n in order])  # uint16 in the font too
    vadv = array("H")
    if "vmtx" in tt:
        vm = tt["vmtx"].metrics
        vadv = array("H", [vm.get(n, (0, 0))[0] for n in order])
    upem = tt["head"].unitsPerEm
    glyf = tt["glyf"]
    bounds: dict[int, Optional[tuple[int, int, int, int]]] = {}
    for ch in _BOUNDS_CHARS:
        gid = cmap.get(ord(ch))
        if gid is None or gid in bounds:
            continue
        g = glyf[order[gid]]
        if g.numberOfContours == 0:
            bounds[gid] = None
        else:
            if not hasattr(g, "xMin"):
                g.recalcBounds(glyf)
            bounds[gid] = (g.xMin, g.yMin, g.xMax, g.yMax)
    name = tt["name"]
    os2 = tt["OS/2"] if "OS/2" in tt else None
    return {
        "family": name.getDebugName(16) or name.getDebugName(1) or Path(path).stem,
        "weight": os2.usWeightClass if os2 else 400,
        "fs_type": os2.fsType if os2 else 0,
        "upem": upem, "cmap": cmap, "advances": advances, "vadvances": vadv, "bounds": bounds,
    }


def read_cached(name: str):
    """A pickled object from the cache folder, or None when it is absent or unreadable."""
    try:
        with open(cache_dir() / name, "rb") as f:
            return pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        return None


def write_cached(name: str, data) -> None:
    """Pickle `data` into the cache folder atomically; a read-only cache only costs speed."""
    target = cache_dir() / name
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(data, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, target)
    except OSError:
        pass


def load_metrics(path: str) -> dict:
    """Metrics of a font file, from the cache when it is current, else parsed and cached."""
    name = f"{_cache_key(path)}.pickle"
    data = read_cached(name)
    if data is None:
        data = _parse_metrics(path)
        write_cached(name, data)
    return data


@dataclass(frozen=True)
class FontEntry:
    key: str
    path: str
    role: str
    script: str
    family: str = ""
    weight: int = 400
    user: bool = False


class FontRegistry:
    """All fonts Banmian can use, loaded lazily; fallback chains per role and script."""

    def __init__(self, entries: Iterable[FontEntry], problems: Iterable[str] = ()) -> None:
        self.entries: dict[str, FontEntry] = {}
        for e in entries:
            self.entries[e.key] = e
        self.problems: list[str] = list(problems)
        self._faces: dict[str, Face] = {}
        self._resolve_cache: dict[tuple[str, str, str], Optional[Face]] = {}
        self._chains: dict[tuple[str, str], tuple[str, ...]] = {}

    # -- faces
    def face(self, key: str) -> Face:
        """The face of a font key; loads its metrics on first use."""
        f = self._faces.get(key)
        if f is None:
            e = self.entries.get(key)
            if e is None:
                raise UserError(f"font '{key}' is not installed",
                                hint="add it to the user font folder " + str(user_font_dir()))
            m = load_metrics(e.path)
            f = Face(key=e.key, path=e.path, family=m["family"], weight=m["weight"], role=e.role,
                     script=e.script, units_per_em=m["upem"], cmap=m["cmap"], advances=m["advances"],
                     vadvances=m["vadvances"], bounds_cache=dict(m["bounds"]), fs_type=m["fs_type"],
                     user=e.user)
            self._faces[key] = f
        return f

    def path(self, key: str) -> str:
        return self.entries[key].path

    # -- roles and fallback
    def chain(self, role: str, script: str = "sc") -> list[str]:
        """Font keys to try for a role, best first: the role's face for the script, the role in the
        other script, the body face, then every other font."""
        return list(self._chain(role, script))

    def _chain(self, role: str, script: str) -> tuple[str, ...]:
        # Memoised: every character the registry has not resolved yet asks for its chain, and the
        # entries never change after __init__.
        k = (role, script)
        found = self._chains.get(k)
        if found is not None:
            return found
        other = "tc" if script == "sc" else "sc"
        order: list[str] = []

        def add(pred):
            for e in self.entries.values():
                if pred(e) and e.key not in order:
                    order.append(e.key)

        add(lambda e: e.role == role and e.script == script and e.user)
        add(lambda e: e.role == role and e.script == script)
        if role == "heavy":
            add(lambda e: e.role == "hei" and e.script == script)
        add(lambda e: e.role == role and e.script == other)
        add(lambda e: e.role == "body" and e.script == script)
        add(lambda e: e.role == "body")
        add(lambda e: True)
        self._chains[k] = found = tuple(order)
        return found

    def primary(self, role: str, script: str = "sc") -> Face:
        return self.face(self._chain(role, script)[0])

    def resolve(self, role: str, script: str, ch: str) -> Optional[Face]:
        """The first face in the role's chain that has `ch`; None when no font has it (tofu)."""
        k = (role, script, ch)
        if k in self._resolve_cache:
            return self._resolve_cache[k]
        found = None
        for key in self._chain(role, script):
            f = self.face(key)
            if f.has(ch):
                found = f
                break
        self._resolve_cache[k] = found
        return found

    def missing(self, text: str, role: str = "body", script: str = "sc") -> list[str]:
        """Characters of `text` that no available font has (whitespace and controls excluded)."""
        out = []
        for ch in dict.fromkeys(text):
            if ch.isspace() or ord(ch) < 0x20:
                continue
            if self.resolve(role, script, ch) is None:
                out.append(ch)
        return out


def _bundled_entries() -> list[FontEntry]:
    manifest = json.loads((FONT_DIR / "manifest.json").read_text(encoding="utf-8"))
    out = []
    for f in manifest["fonts"]:
        p = FONT_DIR / f["file"]
        if p.exists():
            out.append(FontEntry(key=f["key"], path=str(p), role=f["role"], script=f["script"],
                                 family=f["family"], weight=f["weight"]))
    return out


def _user_entries(folder: Path) -> tuple[list[FontEntry], list[str]]:
    """User fonts: every .ttf/.otf in the folder; an optional fonts.json there maps file → role/script."""
    entries: list[FontEntry] = []
    problems: list[str] = []
    if not folder.is_dir():
        return entries, problems
    roles: dict[str, dict] = {}
    mf = folder / "fonts.json"
    if mf.exists():
        try:
            roles = {d["file"]: d for d in json.loads(mf.read_text(encoding="utf-8")).get("fonts", [])}
        except (ValueError, KeyError, TypeError, AttributeError) as e:
            problems.append(f"{mf}: not a valid font manifest ({e}); its fonts are used without roles")
    files = [p for p in sorted(folder.iterdir()) if p.suffix.lower() in (".ttf", ".otf")]
    try:
        check_font_count(len(files), str(folder))
    except UserError as e:  # the editor still starts, with the first fonts and this message
        problems.append(e.message)
        files = files[:MAX_USER_FONTS]
    for p in files:
        try:
            load_metrics(str(p))
        except UserError as e:
            problems.append(e.message)
            continue
        d = roles.get(p.name, {})
        entries.append(FontEntry(key=p.stem, path=str(p), role=d.get("role", "user"),
                                 script=d.get("script", "sc"), user=True))
    return entries, problems


_DEFAULT: Optional[FontRegistry] = None


def default_registry() -> FontRegistry:
    """The process-wide registry: bundled fonts plus the user's font folder."""
    global _DEFAULT
    if _DEFAULT is None:
        user, problems = _user_entries(user_font_dir())
        _DEFAULT = FontRegistry(_bundled_entries() + user, problems)
    return _DEFAULT
