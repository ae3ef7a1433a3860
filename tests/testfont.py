"""A test font with exact metrics, built with fontTools at test time.

Ideographs are 1-em squares; full-width marks have 1-em cells with their ink in one half —
pause/stop and closing marks in the left half, opening marks in the right half (mainland SC
style), or pause marks centred (TC style); Latin letters and digits are ½ em; ASCII marks and
the space ¼ em. Vertical presentation forms carry their ink top-right (pause marks) or in the
half away from the enclosed text (brackets), as in the Noto CJK fonts.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import Optional

from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen

from layout.cjk import ADJUSTABLE, CLOSE_CHARS, OPEN_CHARS, PAUSE_CHARS
from layout.fonts import FontEntry, FontRegistry

UPEM = 1000
HAN = "一二三四五六七八九十中文字测试天地人大小上下左右国家社区街道同心元年月日说你好他们的是不了在有" + \
    "".join(chr(c) for c in range(0x4E00, 0x4F00))
LATIN = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
ASCII_MARKS = ",.;:?!()[]{}'\"-/%&_+@#*=<>"
FULL_OTHER = "—…～·／％℃¥‰"
V_PAUSE = "".join(chr(c) for c in range(0xFE10, 0xFE17)) + "\ufe19\ufe30\ufe31\ufe32\ufe33\ufe34"
V_OPEN = "\ufe17\ufe35\ufe37\ufe39\ufe3b\ufe3d\ufe3f\ufe41\ufe43\ufe47"
V_CLOSE = "\ufe18\ufe36\ufe38\ufe3a\ufe3c\ufe3e\ufe40\ufe42\ufe44\ufe48"


def _box(x0: int, y0: int, x1: int, y1: int):
    pen = TTGlyphPen(None)
    pen.moveTo((x0, y0))
    pen.lineTo((x0, y1))
    pen.lineTo((x1, y1))
    pen.lineTo((x1, y0))
    pen.closePath()
    return pen.glyph()


def _empty():
    return TTGlyphPen(None).glyph()


def build_font(path: Path, centred: bool = False, extra: str = "") -> Path:
    """Write the test font to `path`. centred: TC-style pause marks. extra: more 1-em ideographs."""
    glyphs: dict[str, tuple[int, object]] = {".notdef": (500, _box(50, 0, 450, 700)), "space": (250, _empty())}
    cmap: dict[int, str] = {32: "space"}

    def add(ch: str, adv: int, outline) -> None:
        name = f"u{ord(ch):04X}"
        glyphs[name] = (adv, outline)
        cmap[ord(ch)] = name

    for ch in dict.fromkeys(HAN + extra):
        add(ch, 1000, _box(50, -70, 950, 830))
    for ch in LATIN:
        add(ch, 500, _box(50, 0, 450, 700))
    for ch in ASCII_MARKS:
        add(ch, 250, _box(60, 0, 190, 600))
    for ch in ADJUSTABLE:
        if ch in OPEN_CHARS:
            add(ch, 1000, _box(600, -70, 950, 830))
        elif centred and ch in PAUSE_CHARS:
            add(ch, 1000, _box(380, 200, 620, 560))
        elif ch in PAUSE_CHARS or ch in CLOSE_CHARS:
            add(ch, 1000, _box(50, -70, 400, 300 if ch in PAUSE_CHARS else 830))
    for ch in FULL_OTHER:
        add(ch, 1000, _box(0, 300, 1000, 360) if ch == "—" else _box(100, 300, 900, 400))
    for ch in V_PAUSE:
        add(ch, 1000, _box(600, 500, 950, 850))
    for ch in V_OPEN:
        add(ch, 1000, _box(50, -120, 950, 330))
    for ch in V_CLOSE:
        add(ch, 1000, _box(50, 430, 950, 880))

    order = list(glyphs)
    fb = FontBuilder(UPEM, isTTF=True)
    fb.setupGlyphOrder(order)
    fb.setupCharacterMap(cmap)
    fb.setupGlyf({n: g for n, (_, g) in glyphs.items()})
    fb.setupHorizontalMetrics({n: (a, 0) for n, (a, _) in glyphs.items()})
    fb.setupHorizontalHeader(ascent=880, descent=-120)
    fb.setupNameTable({"familyName": "BanmianTest" + ("TC" if centred else "SC"), "styleName": "Regular"})
    fb.setupOS2(sTypoAscender=880, sTypoDescender=-120, usWinAscent=880, usWinDescent=120)
    fb.setupPost()
    fb.save(str(path))
    return path


_REGISTRY: Optional[FontRegistry] = None


def test_fonts() -> FontRegistry:
    """A registry of the SC-style test font (body, sc) and the TC-style one (body, tc), which
    alone has 龍 (for fallback tests). Built once per version of this file into a temp folder,
    so the metrics cache (keyed by path and mtime) is reused between runs."""
    global _REGISTRY
    if _REGISTRY is None:
        tag = hashlib.sha1(Path(__file__).read_bytes()).hexdigest()[:10]
        folder = Path(tempfile.gettempdir()) / f"banmian-testfont-{tag}"
        folder.mkdir(exist_ok=True)
        paths = {}
        for name, centred, extra in (("BanmianTestSC", False, ""), ("BanmianTestTC", True, "龍")):
            p = folder / f"{name}.ttf"
            if not p.exists():
                tmp = folder / f"{name}.{os.getpid()}.tmp"
                build_font(tmp, centred, extra)
                os.replace(tmp, p)
            paths[name] = p
        _REGISTRY = FontRegistry([FontEntry("BanmianTestSC", str(paths["BanmianTestSC"]), "body", "sc"),
                                  FontEntry("BanmianTestTC", str(paths["BanmianTestTC"]), "body", "tc")])
    return _REGISTRY


test_fonts.__test__ = False  # a helper, not a test


# The font set-ups typography tests run on: the exact-metric test font, and the bundled SC and TC faces.
FONT_SETS = {"test": (test_fonts, "sc"), "noto-sc": (None, "sc"), "noto-tc": (None, "tc")}


def font_env(request) -> tuple[FontRegistry, str]:
    """(registry, script) for a fixture parametrised over FONT_SETS."""
    from layout.fonts import default_registry

    make, script = FONT_SETS[request.param]
    return (make or default_registry)(), script
