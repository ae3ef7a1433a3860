"""Glyph outlines as PDF path operators (for printer's marks drawn as shapes, not text).

Outlines are read once with fontTools and cached on disk beside the font metrics, because
opening a 10 MB CJK font's glyph table costs more than the rest of a page export.
"""
from __future__ import annotations

from fontTools.pens.basePen import BasePen
from fontTools.pens.recordingPen import DecomposingRecordingPen

from .fonts import _cache_key, _tt, read_cached, write_cached

_MEMO: dict[str, dict[int, list]] = {}


def _outline_cache(font_path: str) -> tuple[str, dict[int, list]]:
    key = _cache_key(font_path)
    if key not in _MEMO:
        _MEMO[key] = read_cached(f"{key}.outlines.pickle") or {}
    return key, _MEMO[key]


def _recording(font_path: str, gid: int) -> tuple[int, list]:
    """(units per em, the glyph's recorded pen operations in font units)."""
    key, cache = _outline_cache(font_path)
    if gid not in cache:
        tt = _tt(font_path)
        glyph_set = tt.getGlyphSet()
        pen = DecomposingRecordingPen(glyph_set)
        glyph_set[tt.getGlyphName(gid)].draw(pen)
        cache[gid] = (tt["head"].unitsPerEm, pen.value)
        write_cached(f"{key}.outlines.pickle", cache)
    return cache[gid]


class _PdfPathPen(BasePen):
    """Turns pen operations into PDF path operators, scaled and placed in PDF space (y up)."""

    def __init__(self, scale: float, x: float, y: float) -> None:
        super().__init__(None)
        self.ops: list[str] = []
        self.s, self.x, self.y = scale, x, y

    def _p(self, pt) -> str:
        return f"{self.x + pt[0] * self.s:.3f} {self.y + pt[1] * self.s:.3f}"

    def _moveTo(self, pt) -> None:
        self.ops.append(f"{self._p(pt)} m")

    def _lineTo(self, pt) -> None:
        self.ops.append(f"{self._p(pt)} l")

    def _curveToOne(self, p1, p2, p3) -> None:
        self.ops.append(f"{self._p(p1)} {self._p(p2)} {self._p(p3)} c")

    def _closePath(self) -> None:
        self.ops.append("h")


def glyph_path_ops(font_path: str, gid: int, size: float, x: float, y: float) -> list[str]:
    """PDF path operators drawing glyph `gid` of the font at `size` with its origin at (x, y)."""
    upem, ops = _recording(font_path, gid)
    pen = _PdfPathPen(size / upem, x, y)
    for op, args in ops:
        getattr(pen, op)(*args)
    return pen.ops
