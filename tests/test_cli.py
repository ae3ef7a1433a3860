"""The command line: exit codes (0 ok, 1 user error, 2 preflight errors), and a real compose."""
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run(*args, cwd=None, input=None):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], cwd=cwd or ROOT,
                          capture_output=True, text=True, input=input, timeout=300)


@pytest.fixture(scope="module")
def composed(tmp_path_factory, sample_copy):
    out = tmp_path_factory.mktemp("cli")
    r = run("compose", sample_copy, "-o", out / "page.pdf", "--png", out / "page.png",
            "--save", out / "page.banmian.json")
    return out, r


def test_compose_sample_writes_pdf_png_and_document(composed):
    out, r = composed
    assert r.returncode == 0, r.stderr
    assert (out / "page.pdf").stat().st_size > 10000
    assert (out / "page.png").read_bytes()[:4] == b"\x89PNG"
    assert "Traceback" not in r.stderr


@pytest.mark.skipif(not shutil.which("pdffonts"), reason="poppler-utils missing")
def test_every_font_embedded_and_no_helvetica(composed):
    out, _ = composed
    table = subprocess.run(["pdffonts", out / "page.pdf"], capture_output=True, text=True).stdout
    rows = table.splitlines()[2:]
    assert rows
    for row in rows:
        assert "Helvetica" not in row
        cols = row.split()
        assert cols[-5] == "yes", row  # emb


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils missing")
def test_text_reads_back(composed):
    out, _ = composed
    text = subprocess.run(["pdftotext", out / "page.pdf", "-"], capture_output=True, text=True).stdout
    flat = "".join(text.split())
    for phrase in ("立足小阵地", "闸弄口街道", "基层治理有温度", "联动联治再上新台阶"):
        assert phrase in flat


def test_export_saved_document_and_page_range(composed, tmp_path):
    out, _ = composed
    r = run("export", out / "page.banmian.json", "-o", tmp_path / "again.pdf", "--pages", "1")
    assert r.returncode == 0, r.stderr
    r = run("export", out / "page.banmian.json", "-o", tmp_path / "x.pdf", "--pages", "2-3")
    assert r.returncode == 1 and "outside 1–1" in r.stderr and not (tmp_path / "x.pdf").exists()


def test_preflight_of_a_document_with_a_missing_picture_exits_2(composed, tmp_path):
    out, _ = composed
    raw = json.loads((out / "page.banmian.json").read_text(encoding="utf-8"))
    for b in raw["document"]["pages"][0]["blocks"]:
        if b["image"] is not None:
            b["image"]["path"] = "gone.jpg"
    doc = tmp_path / "broken.banmian.json"
    doc.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    r = run("preflight", doc)
    assert r.returncode == 2 and "gone.jpg" in r.stdout
    r = run("export", doc, "-o", tmp_path / "no.pdf")
    assert r.returncode == 2 and not (tmp_path / "no.pdf").exists()


def test_png_preview_at_a_chosen_resolution(composed, tmp_path):
    from PIL import Image

    out, _ = composed
    r = run("export", out / "page.banmian.json", "-o", tmp_path / "p.pdf", "--png", tmp_path / "p.png",
            "--dpi", "30")
    assert r.returncode == 0, r.stderr
    with Image.open(tmp_path / "p.png") as im:
        assert abs(im.width - 390 / 25.4 * 30) <= 2  # the trimmed broadsheet at 30 dpi


def test_preflight_of_an_exported_pdf(composed):
    out, _ = composed
    r = run("preflight", out / "page.pdf", "--json")
    assert r.returncode == 0, r.stdout + r.stderr
    assert isinstance(json.loads(r.stdout), list)


@pytest.mark.parametrize("args, words", [
    (["frobnicate"], "neither a command nor a file"),
    (["compose"], "required"),
    (["compose", "nope.txt", "-o", "x.pdf"], "nope.txt"),
    (["compose", "examples/jiceng-page.txt", "-o", "x.pdf", "--size", "huge"], "unknown page size"),
    (["export", "README.md", "-o", "x.pdf"], "not valid JSON"),
    (["preflight", "missing.pdf"], "no such file"),
    (["convert", "s2x"], "s2x"),
])
def test_user_errors_exit_1_with_one_message(args, words, tmp_path):
    r = run(*args)
    assert r.returncode == 1, (r.returncode, r.stderr)
    assert words in r.stderr and "Traceback" not in r.stderr
    assert r.stderr.startswith("banmian: ")


def test_convert_reads_stdin():
    r = run("convert", "s2t", input="软件和信息")
    assert r.returncode == 0 and r.stdout.strip() == "軟件和信息"


def test_pictures_outside_the_document_folder_need_consent(tmp_path, sample_copy):
    from PIL import Image

    photos, work = tmp_path / "photos", tmp_path / "work"
    photos.mkdir()
    work.mkdir()
    Image.new("CMYK", (1600, 900), (0, 40, 80, 0)).save(photos / "heli.jpg", dpi=(300, 300))
    r = run("compose", sample_copy, "-o", work / "p.pdf", "--save", work / "p.banmian.json",
            "--image", f"直升机={photos / 'heli.jpg'}")
    assert r.returncode == 0, r.stderr  # chosen on the command line: read and embedded
    r = run("export", work / "p.banmian.json", "-o", work / "again.pdf")
    assert r.returncode == 2 and "outside the document's folder" in r.stderr  # a document alone: no
    assert not (work / "again.pdf").exists()
    r = run("export", work / "p.banmian.json", "-o", work / "again.pdf", "--allow-outside-images")
    assert r.returncode == 0, r.stderr
    (work / "heli.jpg").write_bytes((photos / "heli.jpg").read_bytes())
    raw = json.loads((work / "p.banmian.json").read_text(encoding="utf-8"))
    for b in raw["document"]["pages"][0]["blocks"]:
        if b["image"] and b["image"]["path"]:
            b["image"]["path"] = "heli.jpg"  # next to the document: no consent needed
    (work / "p.banmian.json").write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    r = run("export", work / "p.banmian.json", "-o", work / "again.pdf")
    assert r.returncode == 0, r.stderr
