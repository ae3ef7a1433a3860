"""The metrics cache stores a font's cmap and advances as flat arrays; they must read back as the font."""
import pickle

from fontTools.ttLib import TTFont

from layout import fonts as F


def test_cached_cmap_is_the_whole_font_cmap_including_astral_code_points(tmp_path, monkeypatch):
    monkeypatch.setenv("BANMIAN_CACHE", str(tmp_path))
    path = str(F.FONT_DIR / "LXGWWenKai-Regular.ttf")  # has code points beyond the BMP
    F.load_metrics(path)  # parses and writes the cache
    m = F.load_metrics(path)  # reads it back
    tt = TTFont(path, lazy=True)
    order = {n: i for i, n in enumerate(tt.getGlyphOrder())}
    want = {cp: order[n] for cp, n in tt.getBestCmap().items()}
    assert any(cp > 0xFFFF for cp in want)
    assert dict(m["cmap"].items()) == want and len(m["cmap"]) == len(want)
    assert 0x10FFFF not in m["cmap"] and m["cmap"].get(0xE000) is None and "中" not in m["cmap"]
    hm = tt["hmtx"].metrics
    assert list(m["advances"]) == [hm[n][0] for n in tt.getGlyphOrder()]


def test_code_map_survives_pickling():
    cm = F.CodeMap({0x41: 3, 0x4E2D: 0, 0x20000: 7})
    back = pickle.loads(pickle.dumps(cm, protocol=pickle.HIGHEST_PROTOCOL))
    assert dict(back.items()) == {0x41: 3, 0x4E2D: 0, 0x20000: 7}
    assert back[0x4E2D] == 0 and 0x4E2D in back and 0x42 not in back and back.get(0x42, 5) == 5
