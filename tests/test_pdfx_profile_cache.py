"""The output profile is deflated and described once per profile file; every export embeds it intact."""
import os
import shutil

import pikepdf
from PIL import ImageCms

from layout import pdfx
from layout.display import PageDisplay, RuleItem
from layout.pdf import PdfOptions, write_pdf


def _export(tmp_path, name, profile):
    out = tmp_path / name
    write_pdf([PageDisplay(300, 300, 8.5, (RuleItem(10, 10, 100, 10),))], out, PdfOptions(icc_profile=str(profile)))
    with pikepdf.open(out) as pdf:
        intent = pdf.Root.OutputIntents[0]
        return intent.DestOutputProfile.read_bytes(), str(intent.Info)


def test_cached_profile_is_embedded_byte_for_byte_and_follows_a_changed_file(tmp_path, monkeypatch):
    monkeypatch.setenv("BANMIAN_CACHE", str(tmp_path / "cache"))
    profile = tmp_path / "plant.icc"
    shutil.copy(pdfx.DEFAULT_PROFILE, profile)
    want = profile.read_bytes()
    desc = ImageCms.getProfileDescription(ImageCms.getOpenProfile(str(profile))).strip()
    first = _export(tmp_path, "a.pdf", profile)
    assert list((tmp_path / "cache").glob("*.icc.pickle"))
    assert _export(tmp_path, "b.pdf", profile) == first == (want, desc)  # the second from the cache
    changed = bytearray(want)
    changed[-1] ^= 0xFF  # same size; the cache key must still see the new modification time
    old = profile.stat().st_mtime_ns
    profile.write_bytes(bytes(changed))
    os.utime(profile, ns=(old + 10**9, old + 10**9))  # a coarse clock must not hide the change
    assert _export(tmp_path, "c.pdf", profile)[0] == bytes(changed)
