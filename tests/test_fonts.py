"""The font registry: metrics from the font files themselves, fallback chains, user fonts."""
import json

import pytest
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.t2CharStringPen import T2CharStringPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont

from layout import fonts as F
from layout.errors import UserError


@pytest.fixture(scope="module")
def reg():
    return F.default_registry()


@pytest.mark.parametrize("key", ["NotoSerifSC-Regular", "NotoSansSC-Bold", "LXGWWenKai-Regular",
                                 "NotoSerifTC-Regular"])
def test_metrics_match_fonttools(reg, key):
    face = reg.face(key)
    tt = TTFont(face.path, lazy=True)
    cmap = tt.getBestCmap()
    order = tt.getGlyphOrder()
    upem = tt["head"].unitsPerEm
    for ch in "中国，。“A1》\ufe11":
        name = cmap[ord(ch)]
        gid = face.gid(ch)
        assert order[gid] == name
        assert face.advance(gid) == pytest.approx(tt["hmtx"][name][0] / upem)
        assert face.vadvance(gid) == pytest.approx(tt["vmtx"][name][0] / upem)
    g = tt["glyf"][cmap[ord("，")]]
    assert face.bounds(face.gid("，")) == pytest.approx(
        (g.xMin / upem, g.yMin / upem, g.xMax / upem, g.yMax / upem))


def test_sc_and_tc_punctuation_sit_differently(reg):
    # Mainland faces draw the comma in the lower left of the cell; Traditional faces centre it.
    sc = reg.primary("body", "sc")
    tc = reg.primary("body", "tc")
    bsc = sc.bounds(sc.gid("，"))
    btc = tc.bounds(tc.gid("，"))
    assert bsc[2] < 0.5 and bsc[1] < 0
    assert btc[0] > 0.3 and btc[2] < 0.7


def test_fallback_chain_per_role(reg):
    assert reg.chain("body", "sc")[0] == "NotoSerifSC-Regular"
    assert reg.chain("kai", "sc")[0] == "LXGWWenKai-Regular"
    assert reg.chain("hei", "tc")[0] == "NotoSansTC-Bold"
    assert reg.chain("heavy", "tc")[0] == "NotoSansTC-Bold"  # no TC Black: the TC bold, not SC shapes
    # a character the Simplified face lacks comes from the next face in the chain that has it
    sc, tc = reg.face("NotoSerifSC-Regular"), reg.face("NotoSerifTC-Regular")
    ch = next(chr(cp) for cp in sorted(tc.cmap) if cp >= 0x4E00 and cp not in sc.cmap)
    assert reg.resolve("body", "sc", ch).key == "NotoSerifTC-Regular"


def test_missing_reports_characters_no_font_has(reg):
    assert reg.missing("中文😀𓀀 ") == ["😀", "𓀀"]


def test_metrics_cache_is_used(tmp_path, monkeypatch):
    monkeypatch.setenv("BANMIAN_CACHE", str(tmp_path))
    path = str(F.FONT_DIR / "NotoSansTC-Bold.ttf")
    F.load_metrics(path)
    assert len(list(tmp_path.glob("*.pickle"))) == 1
    calls = []
    monkeypatch.setattr(F, "_parse_metrics", lambda p: calls.append(p))
    assert F.load_metrics(path)["upem"] == 1000
    assert calls == []


def _build_font(path, cff: bool):
    fb = FontBuilder(1000, isTTF=not cff)
    fb.setupGlyphOrder([".notdef", "uni4E2D"])
    fb.setupCharacterMap({0x4E2D: "uni4E2D"})
    if cff:
        pen = T2CharStringPen(1000, None)
        pen.moveTo((0, 0)); pen.lineTo((0, 800)); pen.lineTo((800, 800)); pen.closePath()
        cs = pen.getCharString()
        fb.setupCFF("Test", {"FullName": "Test"}, {".notdef": cs, "uni4E2D": cs}, {})
    else:
        pen = TTGlyphPen(None)
        pen.moveTo((0, 0)); pen.lineTo((0, 800)); pen.lineTo((800, 800)); pen.closePath()
        g = pen.glyph()
        fb.setupGlyf({".notdef": g, "uni4E2D": g})
    fb.setupHorizontalMetrics({".notdef": (1000, 0), "uni4E2D": (1000, 0)})
    fb.setupHorizontalHeader(ascent=880, descent=-120)
    fb.setupNameTable({"familyName": "Test House", "styleName": "Regular"})
    fb.setupOS2()
    fb.setupPost()
    fb.save(str(path))


def test_user_font_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("BANMIAN_CACHE", str(tmp_path / "cache"))
    folder = tmp_path / "fonts"
    folder.mkdir()
    _build_font(folder / "HouseSong.ttf", cff=False)
    _build_font(folder / "HouseCFF.otf", cff=True)
    (folder / "fonts.json").write_text(json.dumps({"fonts": [{"file": "HouseSong.ttf", "role": "body"}]}))
    entries, problems = F._user_entries(folder)
    assert [e.key for e in entries] == ["HouseSong"]
    assert len(problems) == 1 and "CFF" in problems[0] and "HouseCFF.otf" in problems[0]
    reg = F.FontRegistry(F._bundled_entries() + entries, problems)
    assert reg.chain("body", "sc")[0] == "HouseSong"  # a user's licensed face wins for its role


def test_corrupt_font_is_a_user_error(tmp_path, monkeypatch):
    monkeypatch.setenv("BANMIAN_CACHE", str(tmp_path / "cache"))
    bad = tmp_path / "broken.ttf"
    bad.write_bytes(b"\x00\x01\x00\x00garbage" * 10)
    with pytest.raises(UserError, match="cannot read the font file"):
        F.load_metrics(str(bad))
