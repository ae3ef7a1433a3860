"""Slug-line glyphs drawn from the flattened outline cache are the outlines fontTools draws."""
from fontTools.pens.basePen import BasePen
from fontTools.pens.recordingPen import DecomposingRecordingPen
from fontTools.ttLib import TTFont

from layout import outline_pen
from layout.fonts import FONT_DIR


class _Reference(BasePen):
    """PDF path operators straight from fontTools, the way the outlines were drawn before caching."""

    def __init__(self, scale, x, y):
        super().__init__(None)
        self.ops, self.s, self.x, self.y = [], scale, x, y

    def _p(self, pt):
        return f"{self.x + pt[0] * self.s:.3f} {self.y + pt[1] * self.s:.3f}"

    def _moveTo(self, pt):
        self.ops.append(f"{self._p(pt)} m")

    def _lineTo(self, pt):
        self.ops.append(f"{self._p(pt)} l")

    def _curveToOne(self, p1, p2, p3):
        self.ops.append(f"{self._p(p1)} {self._p(p2)} {self._p(p3)} c")

    def _closePath(self):
        self.ops.append("h")


def test_cached_outline_draws_the_same_path_as_fonttools(tmp_path, monkeypatch):
    monkeypatch.setenv("BANMIAN_CACHE", str(tmp_path))
    monkeypatch.setattr(outline_pen, "_MEMO", {})
    path = str(FONT_DIR / "NotoSansSC-Bold.ttf")
    tt = TTFont(path, lazy=True)
    cmap = tt.getBestCmap()
    glyph_set = tt.getGlyphSet()
    upem = tt["head"].unitsPerEm
    for ch in "版面2026年①Ag。":  # quadratic curves, straight stems, composites
        name = cmap[ord(ch)]
        gid = tt.getGlyphID(name)
        rec = DecomposingRecordingPen(glyph_set)
        glyph_set[name].draw(rec)
        want = _Reference(7.5 / upem, 31.25, 402.5)
        rec.replay(want)
        assert outline_pen.glyph_path_ops(path, gid, 7.5, 31.25, 402.5) == want.ops  # read and cached
        outline_pen._MEMO.clear()
        assert outline_pen.glyph_path_ops(path, gid, 7.5, 31.25, 402.5) == want.ops  # from the disk cache
    assert list(tmp_path.glob("*.paths.pickle"))
