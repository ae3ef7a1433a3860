"""Glyph outlines as PDF path operators (for printer's marks drawn as shapes, not text).

Outlines are read once with fontTools and cached on disk beside the font metrics, because
opening a 10 MB CJK font's glyph table costs more than the rest of a page export. The cache holds
each outline already flattened to moveto/lineto/curveto/closepath in font units (quadratic
segments made cubic by fontTools' BasePen), so drawing a cached glyph needs no fontTools at all
(importing its pens cost 4.5 ms of every export).
"""
from __future__ import annotations

from .fonts import _cache_key, _tt, read_cached, write_cached

_MEMO: dict[str, dict[int, tuple[int, list]]] = {}


def _outline_cache(font_path: str) -> tuple[str, dict[int, tuple[int, list]]]:
    key = _cache_key(font_path)
    if key not in _MEMO:
        _MEMO[key] = read_cached(f"{key}.paths.pickle") or {}
    return key, _MEMO[key]


def _outline(font_path: str, gid: int) -> tuple[int, list[tuple[str, tuple]]]:
    """(units per em, the glyph's path as (operator, points in font units)), operators m l c h."""
    key, cache = _outline_cache(font_path)
    if gid not in cache:
        cache[gid] = _read_outline(font_path, gid)
        write_cached(f"{key}.paths.pickle", cache)
    return cache[gid]


def _read_outline(font_path: str, gid: int) -> tuple[int, list[tuple[str, tuple]]]:
    from fontTools.pens.basePen import BasePen
    from fontTools.pens.recordingPen import DecomposingRecordingPen

    class FlatPen(BasePen):
        """Records what BasePen makes of any outline: m, l, cubic c, h."""

        def __init__(self) -> None:
            super().__init__(None)
            self.ops: list[tuple[str, tuple]] = []

        def _moveTo(self, pt) -> None:
            self.ops.append(("m", (pt,)))

        def _lineTo(self, pt) -> None:
            self.ops.append(("l", (pt,)))

        def _curveToOne(self, p1, p2, p3) -> None:
            self.ops.append(("c", (p1, p2, p3)))

        def _closePath(self) -> None:
            self.ops.append(("h", ()))

    tt = _tt(font_path)
    glyph_set = tt.getGlyphSet()
    recorded = DecomposingRecordingPen(glyph_set)
    glyph_set[tt.getGlyphName(gid)].draw(recorded)
    flat = FlatPen()
    recorded.replay(flat)
    return tt["head"].unitsPerEm, flat.ops


def glyph_path_ops(font_path: str, gid: int, size: float, x: float, y: float) -> list[str]:
    """PDF path operators drawing glyph `gid` of the font at `size` with its origin at (x, y)."""
    upem, path = _outline(font_path, gid)
    s = size / upem
    return [" ".join([*(f"{x + p[0] * s:.3f} {y + p[1] * s:.3f}" for p in points), op])
            for op, points in path]
