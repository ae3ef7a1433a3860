"""PDF font embedding whose cost follows the glyphs drawn, not the 10–15 MB font file.

Each face a document uses becomes one Type0 font (Identity-H) over a CIDFontType2 whose FontFile2
is a TrueType subset holding only the glyphs drawn; widths (W) and a ToUnicode CMap come with it.
The font file is read a few bytes at a time: the table directory, the small header tables and,
per glyph drawn, its loca and hmtx entries and its glyf bytes. Nothing walks the whole cmap, hmtx or loca
(reportlab's TTFont did, 40–100 ms per face, in every exporting process).

Text is drawn by glyph id, so a glyph no character maps to (a vertical form, a shaped variant)
is drawn as itself. A character code (CID) stands for one (glyph, text) pair: the same glyph
drawn for two different texts, or .notdef for two missing characters, gets one CID each (the
glyph's bytes are repeated in the subset), so every glyph reads back as the text it was set for.
"""
from __future__ import annotations

import hashlib
import os
import struct
import sys
import threading
import zlib
from array import array
from dataclasses import dataclass

from .errors import UserError

# glyf component flags (OpenType spec, 'glyf' composite glyph description)
_ARGS_ARE_WORDS, _HAVE_SCALE, _MORE_COMPONENTS = 0x0001, 0x0008, 0x0020
_HAVE_XY_SCALE, _HAVE_2X2 = 0x0040, 0x0080
# OS/2 fsType bits that forbid embedding a subset (as layout/preflight reads them)
_FS_FORBIDS_SUBSET = 0x0002 | 0x0100 | 0x0200
# tables copied as they are: hinting programs, naming, OS/2 metrics
_COPIED = (b"OS/2", b"cvt ", b"fpgm", b"name", b"prep")
MAX_CID = 0xFFFF
_PREAD = hasattr(os, "pread")  # not on Windows


class FontFileError(ValueError):
    """The font file cannot be embedded (truncated, damaged, or not TrueType)."""


@dataclass(frozen=True)
class FaceFacts:
    """What the FontDescriptor needs, in PDF glyph space (1000 units per em)."""

    ps_name: str
    units_per_em: int
    bbox: tuple[float, float, float, float]
    ascent: float
    descent: float
    cap_height: float
    italic_angle: float
    stem_v: int
    flags: int
    fs_type: int


class SfntFile:
    """Random access to one TrueType file's tables, glyphs and metrics, read on demand.

    Reads are positioned reads of the few bytes wanted (not mmap: a font file rewritten in place
    while mapped would kill the process with SIGBUS; a short read here is an error message)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._file = open(path, "rb", buffering=0)
        self._lock = threading.Lock()  # seek + read as one step where there is no pread (Windows)
        try:
            self._read_directory()
        except (struct.error, IndexError, KeyError) as e:
            self._file.close()
            raise FontFileError(f"truncated or not a TrueType font ({e})") from None
        except FontFileError:
            self._file.close()
            raise

    def read(self, offset: int, length: int) -> bytes:
        # pread: one system call, and no shared file position, so threads need no lock
        # (three reads per glyph drawn: seek + read under a lock cost ~2 ms per page).
        if _PREAD:
            data = os.pread(self._file.fileno(), length, offset)
        else:
            with self._lock:
                self._file.seek(offset)
                data = self._file.read(length)
        if len(data) != length:
            raise FontFileError("the file is shorter than its tables say (truncated?)")
        return data

    def _read_directory(self) -> None:
        start = 0
        if self.read(0, 4) == b"ttcf":  # a collection: its first font, as the metrics cache reads it
            start = struct.unpack(">L", self.read(12, 4))[0]
        version, n = struct.unpack(">4sH", self.read(start, 6))
        if version == b"OTTO":
            raise FontFileError("CFF outlines; only TrueType (glyf) fonts can be embedded")
        if version not in (b"\x00\x01\x00\x00", b"true"):
            raise FontFileError("not a TrueType font")
        size = os.fstat(self._file.fileno()).st_size
        directory = self.read(start + 12, 16 * n)
        self.tables: dict[bytes, tuple[int, int]] = {}
        for i in range(n):
            tag, _sum, off, length = struct.unpack_from(">4sLLL", directory, 16 * i)
            if off + length > size:
                raise FontFileError(f"table {tag.decode('latin-1')} runs past the end of the file")
            self.tables[tag] = (off, length)
        for tag in (b"head", b"hhea", b"maxp", b"hmtx", b"loca", b"glyf"):
            if tag not in self.tables:
                raise FontFileError(f"no '{tag.decode('latin-1').strip()}' table")
        head = self.table(b"head")
        self.units_per_em = struct.unpack_from(">H", head, 18)[0]
        self.long_loca = struct.unpack_from(">h", head, 50)[0] == 1
        self.num_hmetrics = struct.unpack_from(">H", self.table(b"hhea"), 34)[0]
        self.num_glyphs = struct.unpack_from(">H", self.table(b"maxp"), 4)[0]
        if not self.units_per_em or not self.num_hmetrics:
            raise FontFileError("head or hhea table is damaged")

    def table(self, tag: bytes) -> bytes:
        """A whole table: only for the small ones (never glyf, loca, hmtx, cmap)."""
        return self.read(*self.tables[tag])

    def glyph(self, gid: int) -> bytes:
        """The glyf bytes of one glyph (b"" for an empty one or a gid beyond the font)."""
        if not 0 <= gid < self.num_glyphs:
            return b""
        loca = self.tables[b"loca"][0]
        if self.long_loca:
            a, b = struct.unpack(">LL", self.read(loca + 4 * gid, 8))
        else:
            a, b = (2 * v for v in struct.unpack(">HH", self.read(loca + 2 * gid, 4)))
        off, length = self.tables[b"glyf"]
        if b <= a or b > length:
            return b""
        return self.read(off + a, b - a)

    def glyphs(self, gids: list[int]) -> list[bytes]:
        """glyph() of each gid, their loca entries read as one span (one read, not one per glyph)."""
        inside = [g for g in gids if 0 <= g < self.num_glyphs]
        if not inside:
            return [b"" for _ in gids]
        lo, hi = min(inside), max(inside)
        at = self.tables[b"loca"][0]
        step = 4 if self.long_loca else 2
        loca = array("I" if self.long_loca else "H", self.read(at + step * lo, step * (hi - lo + 2)))
        if sys.byteorder == "little":
            loca.byteswap()
        scale = 1 if self.long_loca else 2
        off, length = self.tables[b"glyf"]
        out = []
        for g in gids:
            a, b = (scale * loca[g - lo], scale * loca[g - lo + 1]) if 0 <= g < self.num_glyphs else (0, 0)
            out.append(b"" if b <= a or b > length else self.read(off + a, b - a))
        return out

    def hmetrics(self, gids: list[int]) -> list[tuple[int, int]]:
        """hmetric() of each gid, the long metrics read as one span."""
        long = [g for g in gids if 0 <= g < self.num_hmetrics]
        if not long:
            return [self.hmetric(g) for g in gids]
        lo, hi = min(long), max(long)
        span = self.read(self.tables[b"hmtx"][0] + 4 * lo, 4 * (hi - lo + 1))
        return [struct.unpack_from(">Hh", span, 4 * (g - lo)) if 0 <= g < self.num_hmetrics
                else self.hmetric(g) for g in gids]

    def hmetric(self, gid: int) -> tuple[int, int]:
        """(advance, left side bearing) in font units."""
        hmtx = self.tables[b"hmtx"][0]
        n = self.num_hmetrics
        if gid < n:
            return struct.unpack(">Hh", self.read(hmtx + 4 * gid, 4))
        adv = struct.unpack(">H", self.read(hmtx + 4 * (n - 1), 2))[0]
        lsb = struct.unpack(">h", self.read(hmtx + 4 * n + 2 * (gid - n), 2))[0] if gid < self.num_glyphs else 0
        return adv, lsb

    def facts(self) -> FaceFacts:
        try:
            return self._facts()
        except (struct.error, IndexError) as e:
            raise FontFileError(f"a header table is damaged ({e})") from None

    def _facts(self) -> FaceFacts:
        scale = 1000.0 / self.units_per_em
        bbox = tuple(v * scale for v in struct.unpack_from(">hhhh", self.table(b"head"), 36))
        weight, fs_type, ascent, descent, cap = 400, 0, bbox[3], bbox[1], bbox[3]
        if b"OS/2" in self.tables:
            os2 = self.table(b"OS/2")
            version, _avg, weight, _width, fs_type = struct.unpack_from(">HhHHH", os2)
            ascent, descent = (v * scale for v in struct.unpack_from(">hh", os2, 68))
            cap = struct.unpack_from(">h", os2, 88)[0] * scale if version > 1 else ascent
        italic, fixed = 0.0, 0
        if b"post" in self.tables:
            post = self.table(b"post")
            whole, frac = struct.unpack_from(">hH", post, 4)
            italic = whole + frac / 65536.0
            fixed = struct.unpack_from(">L", post, 12)[0]
        # FontDescriptor flags as reportlab wrote them: symbolic, plus italic/fixed/force-bold
        flags = 4 | (64 if italic else 0) | (1 if fixed else 0) | (1 << 18 if weight >= 600 else 0)
        return FaceFacts(ps_name=self._ps_name(), units_per_em=self.units_per_em, bbox=bbox,
                         ascent=ascent, descent=descent, cap_height=cap, italic_angle=italic,
                         stem_v=50 + int((weight / 65.0) ** 2), flags=flags, fs_type=fs_type)

    def _ps_name(self) -> str:
        """The PostScript name (name ID 6; else the full or family name), PDF-name safe."""
        found: dict[int, str] = {}
        if b"name" in self.tables:
            name = self.table(b"name")
            _fmt, count, strings = struct.unpack_from(">HHH", name)
            for i in range(count):
                pid, eid, _lang, nid, length, off = struct.unpack_from(">6H", name, 6 + 12 * i)
                if nid not in (1, 4, 6) or nid in found:
                    continue
                raw = name[strings + off:strings + off + length]
                if pid == 3 or pid == 0:
                    found[nid] = raw.decode("utf-16-be", "replace")
                elif pid == 1 and eid == 0:
                    found[nid] = raw.decode("mac_roman", "replace")
        ps = found.get(6) or found.get(4) or found.get(1) or "Font"
        safe = "".join(c if 33 <= ord(c) <= 126 and c not in "[](){}<>/%#" else "-" for c in ps)
        return safe[:63] or "Font"


_OPEN: dict[str, tuple[tuple[int, int], SfntFile, FaceFacts]] = {}


def open_sfnt(path: str) -> tuple[SfntFile, FaceFacts]:
    """The font file opened once per process (one descriptor per font, however many exports),
    opened again when the file's size or modification time changes."""
    st = os.stat(path)
    stamp = (st.st_size, st.st_mtime_ns)
    hit = _OPEN.get(path)
    if hit is None or hit[0] != stamp:
        src = SfntFile(path)
        facts = src.facts()
        hit = _OPEN[path] = (stamp, src, facts)
    return hit[1], hit[2]


def _components(data: bytes) -> list[tuple[int, int]]:
    """(offset of the glyph index, glyph index) of each component of a composite glyph."""
    out = []
    pos, flags = 10, _MORE_COMPONENTS
    while flags & _MORE_COMPONENTS and pos + 4 <= len(data):
        flags, gid = struct.unpack_from(">HH", data, pos)
        out.append((pos + 2, gid))
        pos += 4 + (4 if flags & _ARGS_ARE_WORDS else 2)
        pos += 2 if flags & _HAVE_SCALE else 4 if flags & _HAVE_XY_SCALE else 8 if flags & _HAVE_2X2 else 0
    return out


def _checksum(data: bytes) -> int:
    """The sfnt checksum: the sum of the big-endian uint32s, zero-padded, modulo 2**32."""
    words = array("I", data + b"\0" * (-len(data) % 4))
    if sys.byteorder == "little":
        words.byteswap()
    return sum(words) & 0xFFFFFFFF


def _cmap_format4(pairs: list[tuple[int, int]]) -> bytes:
    """A (3,1) cmap with one format 4 subtable: BMP code → glyph, runs merged into segments."""
    segs: list[list[int]] = []  # [start, end, delta]
    for code, gid in sorted(pairs):
        if segs and code == segs[-1][1] + 1 and (gid - code) % 65536 == segs[-1][2]:
            segs[-1][1] = code
        else:
            segs.append([code, code, (gid - code) % 65536])
    segs.append([0xFFFF, 0xFFFF, 1])
    n = len(segs)
    search = 2 * (1 << (n.bit_length() - 1))
    sub = struct.pack(">7H", 4, 16 + 8 * n, 0, 2 * n, search, search.bit_length() - 2, 2 * n - search)
    sub += struct.pack(f">{n}H", *(s[1] for s in segs)) + b"\0\0"
    sub += struct.pack(f">{n}H", *(s[0] for s in segs))
    sub += struct.pack(f">{n}H", *(s[2] for s in segs)) + b"\0\0" * n
    return struct.pack(">HHHHL", 0, 1, 3, 1, 12) + sub


def build_subset(src: SfntFile, gids: list[int], cmap: list[tuple[int, int]]) -> tuple[bytes, list[int]]:
    """A TrueType font whose glyph i is the source's glyph gids[i] (gids[0] is .notdef), with the
    components of composite glyphs appended and re-pointed; `cmap` is (BMP code, new glyph).
    Returns the font and the advance of each of its glyphs (font units)."""
    gids = list(gids)
    first: dict[int, int] = {}
    for new, old in enumerate(gids):
        first.setdefault(old, new)
    glyphs: list[bytes] = []
    drawn = src.glyphs(gids)  # components found below are read one by one
    i = 0
    while i < len(gids):
        data = drawn[i] if i < len(drawn) else src.glyph(gids[i])
        if len(data) > 10 and struct.unpack_from(">h", data, 0)[0] < 0:  # composite
            data = bytearray(data)
            for at, comp in _components(data):
                if comp not in first:
                    first[comp] = len(gids)
                    gids.append(comp)
                struct.pack_into(">H", data, at, first[comp])
            data = bytes(data)
        glyphs.append(data + b"\0" * (-len(data) % 4))
        i += 1
    offsets = [0]
    for g in glyphs:
        offsets.append(offsets[-1] + len(g))
    n = len(gids)
    metrics = src.hmetrics(gids)
    tables: dict[bytes, bytes] = {
        b"glyf": b"".join(glyphs),
        b"loca": struct.pack(f">{n + 1}L", *offsets),
        b"hmtx": b"".join(struct.pack(">Hh", *m) for m in metrics),
        b"cmap": _cmap_format4(cmap),
    }
    head = bytearray(src.table(b"head"))
    struct.pack_into(">L", head, 8, 0)  # checkSumAdjustment, set below
    struct.pack_into(">h", head, 50, 1)  # long loca
    tables[b"head"] = bytes(head)
    hhea = bytearray(src.table(b"hhea"))
    struct.pack_into(">H", hhea, 34, n)
    tables[b"hhea"] = bytes(hhea)
    maxp = bytearray(src.table(b"maxp"))
    struct.pack_into(">H", maxp, 4, n)
    tables[b"maxp"] = bytes(maxp)
    post = src.table(b"post") if b"post" in src.tables else b"\0" * 32
    tables[b"post"] = b"\x00\x03\x00\x00" + bytes(post[4:32]).ljust(28, b"\0")  # no glyph names
    for tag in _COPIED:
        if tag in src.tables:
            tables[tag] = bytes(src.table(tag))
    return _sfnt(tables), [m[0] for m in metrics]


def _sfnt(tables: dict[bytes, bytes]) -> bytes:
    tags = sorted(tables)
    n = len(tags)
    entry = 1 << (n.bit_length() - 1)
    header = struct.pack(">LHHHH", 0x00010000, n, entry * 16, entry.bit_length() - 1, n * 16 - entry * 16)
    directory, body = [], []
    offset = 12 + 16 * n
    total = 0
    for tag in tags:
        data = tables[tag]
        sum_ = _checksum(data)
        total += sum_
        directory.append(struct.pack(">4sLLL", tag, sum_, offset, len(data)))
        padded = data + b"\0" * (-len(data) % 4)
        body.append(padded)
        offset += len(padded)
    # The whole file's checksum is the front's plus the tables' (every table starts on a 4-byte
    # boundary and is zero-padded), so the tables are not summed a second time.
    front = header + b"".join(directory)
    total = (total + _checksum(front)) & 0xFFFFFFFF
    font = bytearray(front + b"".join(body))
    head_at = 12 + 16 * n + sum(len(b) for t, b in zip(tags, body) if t < b"head")
    struct.pack_into(">L", font, head_at + 8, (0xB1B0AFBA - total) & 0xFFFFFFFF)
    return bytes(font)


def _utf16_hex(text: str) -> str:
    # at most 100 characters (a bfchar destination holds 512 bytes); a lone surrogate from a
    # damaged file still gets its code unit rather than stopping the export
    return text[:100].encode("utf-16-be", "surrogatepass").hex().upper()


def to_unicode_cmap(texts: dict[int, str]) -> str:
    """A ToUnicode CMap for 2-byte codes: CID → the text its glyph was set for."""
    lines = ["/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
             "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
             "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def",
             "1 begincodespacerange", "<0000> <FFFF>", "endcodespacerange"]
    items = sorted((cid, t) for cid, t in texts.items() if t)
    for k in range(0, len(items), 100):  # at most 100 entries per block (PDF spec)
        block = items[k:k + 100]
        lines.append(f"{len(block)} beginbfchar")
        lines += [f"<{cid:04X}> <{_utf16_hex(t)}>" for cid, t in block]
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines)


class EmbeddedFace:
    """One face in one PDF: assigns a CID to each (glyph, text) drawn; writes the font at save."""

    def __init__(self, key: str, path: str, resource: str, cmap: dict[int, int]) -> None:
        self.key = key
        self.resource = resource  # the name the content stream selects it by, e.g. BM1
        self._cmap = cmap
        try:
            self.src, self.facts = open_sfnt(path)
        except FontFileError as e:
            raise UserError(f"cannot embed the font ({e})", where=path,
                            hint="replace the font file, or choose another font for this text") from None
        except OSError as e:
            raise UserError(f"cannot read the font file ({e.strerror or e})", where=path,
                            hint="replace the font file, or choose another font for this text") from None
        if self.facts.fs_type & _FS_FORBIDS_SUBSET:
            raise UserError(f"the font's licence forbids embedding a subset (OS/2 fsType "
                            f"0x{self.facts.fs_type:04X})", where=path,
                            hint="choose another font for this text")
        self.gids: list[int] = [0]  # CID → source glyph id; CID 0 is .notdef
        self.texts: dict[int, str] = {}
        self._cids: dict[tuple[int, str], int] = {}
        self._by_gid: dict[int, int] = {}

    def cid(self, gid: int, text: str) -> int:
        """The code that draws `gid` and reads back as `text`."""
        key = (gid, text)
        c = self._cids.get(key)
        if c is None:
            if len(self.gids) > MAX_CID:  # a full face: the glyph, read back as first set
                return self._by_gid.get(gid, 0)
            c = self._cids[key] = len(self.gids)
            self.gids.append(gid)
            self.texts[c] = text
            self._by_gid.setdefault(gid, c)
        return c

    def font_program(self) -> tuple[bytes, list[int]]:
        """The subset font and the advance of each of its glyphs, in font units."""
        cmap = [(ord(t), c) for c, t in self.texts.items()
                if len(t) == 1 and ord(t) < 0xFFFF and self._cmap.get(ord(t)) == self.gids[c]
                and self._by_gid.get(self.gids[c]) == c]
        try:
            return build_subset(self.src, self.gids, cmap)
        except (FontFileError, struct.error, OSError) as e:  # the file changed under the export
            raise UserError(f"cannot embed the font ({e})", where=self.src.path,
                            hint="replace the font file, or choose another font for this text") from None

    def subset_tag(self) -> str:
        """Six capitals that differ between different subsets of the same face (PDF 9.6.4)."""
        h = hashlib.md5(self.facts.ps_name.encode() + array("I", self.gids).tobytes()).digest()
        return "".join(chr(65 + b % 26) for b in h[:6])


def _widths(advances: list[int], units_per_em: int) -> tuple[float, str]:
    """DW (the commonest width) and a W array of the other CIDs' widths, in runs."""
    scale = 1000.0 / units_per_em
    w = [round(a * scale, 4) for a in advances]
    dw = max(set(w[1:] or w), key=w.count)
    parts, run_start, run = [], None, []
    for cid, v in enumerate(w + [dw]):
        if v != dw and cid < len(w):
            if run_start is None:
                run_start = cid
            run.append(v)
        elif run:
            parts.append(f"{run_start} [{' '.join(f'{x:g}' for x in run)}]")
            run_start, run = None, []
    return dw, "[" + " ".join(parts) + "]"


class CanvasFont:
    """The canvas's initial font. reportlab names a static initial font in every page's
    preamble (an unembedded Helvetica by default); a dynamic one is named only when reportlab
    draws text with it, which Banmian's painter never does: it selects its own faces."""

    fontName = "Banmian-no-initial-font"
    _dynamicFont = 1
    _multiByte = 1

    class face:  # noqa: N801 (reportlab reads font.face.name)
        name = b"Banmian-no-initial-font"


def initial_font_name() -> str:
    """Register CanvasFont with reportlab (once) and return its name for Canvas(initialFontName=)."""
    from reportlab.pdfbase import pdfmetrics

    # not getFont(): for an unknown name it first searches the disk for Type 1 files (30 ms)
    if CanvasFont.fontName not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(CanvasFont())
    return CanvasFont.fontName


class _FastFlate:
    """FlateDecode at zlib level 1 for font programs: the body face's subset is ~360 KB and
    deflating it at reportlab's level 6 took 9 ms of every export for 4 % less file."""

    pdfname = "FlateDecode"

    @staticmethod
    def encode(data: bytes) -> bytes:
        return zlib.compress(data, 1)


class DocumentFonts:
    """The faces one PDF document draws with. reportlab calls addObjects(doc) when it saves the
    document (it treats this like one of its delayed fonts), and the font objects are written
    then, when every glyph is known."""

    def __init__(self, registry, doc) -> None:
        self.registry = registry  # layout.fonts.FontRegistry
        self.faces: dict[str, EmbeddedFace] = {}
        doc.delayedFonts.append(self)

    def face(self, key: str) -> EmbeddedFace:
        f = self.faces.get(key)
        if f is None:
            metrics = self.registry.face(key)
            f = EmbeddedFace(key, self.registry.path(key), f"BM{len(self.faces) + 1}", metrics.cmap)
            self.faces[key] = f
        return f

    def addObjects(self, doc) -> None:  # noqa: N802 (reportlab's name)
        from reportlab.pdfbase import pdfdoc as pd

        fonts = doc.idToObject["BasicFonts"].dict
        for face in self.faces.values():
            program, advances = face.font_program()
            facts = face.facts
            base = f"{face.subset_tag()}+{facts.ps_name}"
            filters = [pd.PDFZCompress] if doc.compression else []
            stream = pd.PDFStream(content=program, filters=[_FastFlate] if doc.compression else [])
            stream.dictionary["Length1"] = len(program)
            descriptor = pd.PDFDictionary({
                "Type": pd.PDFName("FontDescriptor"), "FontName": pd.PDFName(base),
                "Flags": facts.flags, "FontBBox": pd.PDFArrayCompact([round(v, 3) for v in facts.bbox]),
                "ItalicAngle": facts.italic_angle, "Ascent": round(facts.ascent, 3),
                "Descent": round(facts.descent, 3), "CapHeight": round(facts.cap_height, 3),
                "StemV": facts.stem_v,
                "FontFile2": doc.Reference(stream, f"BMFontFile:{face.resource}")})
            dw, w = _widths(advances, facts.units_per_em)
            cid_font = pd.PDFDictionary({
                "Type": pd.PDFName("Font"), "Subtype": pd.PDFName("CIDFontType2"),
                "BaseFont": pd.PDFName(base),
                "CIDSystemInfo": pd.PDFDictionary({"Registry": pd.PDFString("Adobe"),
                                                   "Ordering": pd.PDFString("Identity"),
                                                   "Supplement": 0}),
                "FontDescriptor": doc.Reference(descriptor, f"BMFontDescriptor:{face.resource}"),
                "DW": dw, "W": w, "CIDToGIDMap": pd.PDFName("Identity")})
            cmap = pd.PDFStream(content=to_unicode_cmap(face.texts).encode("ascii"), filters=filters)
            type0 = pd.PDFDictionary({
                "Type": pd.PDFName("Font"), "Subtype": pd.PDFName("Type0"),
                "BaseFont": pd.PDFName(base), "Encoding": pd.PDFName("Identity-H"),
                "DescendantFonts": pd.PDFArrayCompact([doc.Reference(cid_font, f"BMCIDFont:{face.resource}")]),
                "ToUnicode": doc.Reference(cmap, f"BMToUnicode:{face.resource}")})
            fonts[face.resource] = doc.Reference(type0, f"BMFont:{face.resource}")
