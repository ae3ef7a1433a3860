"""Document files under damage: every bad file gives a clear UserError and is left untouched;
saves are atomic and keep a backup, even when the saving process is killed mid-write."""
import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from layout.document_io import document_json, load_document, parse_document, save_document
from layout.errors import UserError
from layout.model import SCHEMA_VERSION, Block, Document, Headline, Page, Paragraph, Story
from layout.presets import broadsheet

ROOT = Path(__file__).resolve().parent.parent


def _doc(title: str = "") -> Document:
    s = Story(id="s1", headline=Headline(main=("立足小阵地", "服务大民生")),
              paragraphs=(Paragraph("临近中午，食堂内已香气四溢。"), Paragraph("老人们陆续到来。")), byline="梁艺")
    b = Block(id="b1", story_id="s1", col=0, row=0, cols=3, rows=20)
    return Document(pages=(Page(id="p1", spec=broadsheet(), blocks=(b,)),), stories=(s,), title=title)


def _refused(path: Path, *words: str) -> str:
    """Open `path`: a UserError naming the file and `words`, the bytes and mtime unchanged."""
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    with pytest.raises(UserError) as e:
        load_document(path)
    msg = str(e.value)
    assert str(path) in msg
    for w in words:
        assert w in msg, msg
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # nothing written beside it
    return msg


def _write(tmp_path: Path, data: bytes, name: str = "page.banmian.json") -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


# ---------------------------------------------------------------- truncated and corrupt

@pytest.mark.parametrize("fraction", [0.01, 0.2, 0.5, 0.8, 0.99])
def test_truncated_document_is_refused_and_untouched(tmp_path, fraction):
    full = document_json(_doc()).encode()
    _refused(_write(tmp_path, full[: int(len(full) * fraction)]), "truncated")


def test_every_truncation_point_gives_a_user_error():
    full = document_json(_doc())
    for n in range(0, len(full) - 1):
        with pytest.raises(UserError):
            parse_document(full[:n])


@pytest.mark.parametrize("pos", [0, 3, 40, 200, 500])
def test_corrupt_byte_gives_a_user_error_or_the_document(tmp_path, pos):
    data = bytearray(document_json(_doc()).encode())
    data[pos % len(data)] ^= 0xFF
    p = _write(tmp_path, bytes(data))
    try:
        load_document(p)
    except UserError as e:
        assert str(p) in str(e)
    assert p.read_bytes() == bytes(data)


@pytest.mark.parametrize("text,words", [
    ("[" * 100_000, ["nests too deeply"]),
    ('{"banmian": 1, "document": {"title": ' + "9" * 5000 + "}}", ["number too long"]),
    ('{"banmian": 1, "document": {"title": "x", "pages": 5}}', ["document.pages", "expected a list"]),
    ('{"banmian": 1, "document": null}', ["expected an object"]),
    ('{"banmian": "1", "document": {}}', ["version is not a number"]),
    ('{"banmian": true, "document": {}}', ["version is not a number"]),
    ('{"banmian": 1, "document": {"pages": [{"id": "p"}]}}', ["missing field 'spec'"]),
    ('{"banmian": 1, "document": {"pages": [{"id": "p", "spec": {"width": 1e999, "height": 1}}]}}',
     ["expected a finite number"]),
])
def test_hand_edited_document_is_refused_with_where(tmp_path, text, words):
    _refused(_write(tmp_path, text.encode()), *words)


def test_newer_version_is_refused_and_untouched(tmp_path):
    raw = json.loads(document_json(_doc()))
    raw["banmian"] = SCHEMA_VERSION + 7
    _refused(_write(tmp_path, json.dumps(raw).encode()), "newer Banmian", "update Banmian")


def test_unknown_fields_from_a_hand_edit_are_ignored(tmp_path):
    raw = json.loads(document_json(_doc()))
    raw["document"]["stories"][0]["colour"] = "red"
    assert load_document(_write(tmp_path, json.dumps(raw).encode())) == _doc()


# ---------------------------------------------------------------- wrong type of file

def _docx_bytes(tmp_path: Path) -> bytes:
    z = tmp_path / "x.zip"
    with zipfile.ZipFile(z, "w") as f:
        f.writestr("word/document.xml", "<w:document/>")
    data = z.read_bytes()
    z.unlink()
    return data


@pytest.mark.parametrize("kind,words", [
    ("png", ["not UTF-8"]), ("pdf", ["not UTF-8"]), ("docx", ["not UTF-8"]),
    ("list", ["not a Banmian document"]), ("utf16", ["not UTF-8"]), ("copy", ["not valid JSON"]),
    ("empty", ["empty"]), ("nul", ["not valid JSON"]),
])
def test_wrong_type_of_file_is_refused_and_untouched(tmp_path, kind, words):
    data = {
        "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        "pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n",
        "docx": None,
        "list": b"[1, 2, 3]",
        "utf16": document_json(_doc()).encode("utf-16"),
        "copy": "立足小阵地 服务大民生\n临近中午，食堂内已香气四溢。".encode(),
        "empty": b"",
        "nul": b"\x00" * 4096,
    }[kind]
    if data is None:
        data = _docx_bytes(tmp_path)
    _refused(_write(tmp_path, data), *words)


def test_folder_device_and_oversized_file_are_refused(tmp_path):
    with pytest.raises(UserError, match="folder"):
        load_document(tmp_path)
    with pytest.raises(UserError, match="not a file"):
        load_document("/dev/zero")  # would otherwise be read forever
    big = tmp_path / "big.json"
    with open(big, "wb") as f:
        f.truncate(65 * 1024 * 1024)  # sparse: costs no disk
    with pytest.raises(UserError, match="too large"):
        load_document(big)


def test_unreadable_file_is_refused(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    p = _write(tmp_path, document_json(_doc()).encode())
    p.chmod(0)
    try:
        with pytest.raises(UserError, match="permission denied"):
            load_document(p)
    finally:
        p.chmod(0o644)


# ---------------------------------------------------------------- unpaired surrogates

def test_unpaired_surrogate_in_a_document_opens_and_saves(tmp_path):
    """Regression: "\\ud800" in the JSON loaded as a lone surrogate that save_document could not
    encode (UnicodeEncodeError, a traceback on Save)."""
    raw = json.loads(document_json(_doc()))
    raw["document"]["stories"][0]["paragraphs"][0]["text"] = "前\ud800后\ud83d\ude00"
    p = _write(tmp_path, json.dumps(raw).encode())  # ensure_ascii: the file spells \ud800
    doc = load_document(p)
    assert doc.stories[0].paragraphs[0].text == "前\ufffd后\U0001F600"
    save_document(doc, p)
    assert load_document(p) == doc


def test_save_of_a_document_holding_lone_surrogates_keeps_pairs(tmp_path):
    s = replace(_doc().stories[0], paragraphs=(Paragraph("a\ud800b\ud83d\ude00c"),))
    p = tmp_path / "page.json"
    save_document(replace(_doc(), stories=(s,)), p)
    assert load_document(p).stories[0].paragraphs[0].text == "a\ufffdb\U0001F600c"


# ---------------------------------------------------------------- atomic save and backup

def test_failed_save_leaves_the_previous_file_and_no_temp(tmp_path, monkeypatch):
    p = tmp_path / "page.json"
    save_document(_doc("one"), p)
    before = p.read_bytes()

    def boom(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(UserError, match="previous file is unchanged"):
        save_document(_doc("two"), p)
    monkeypatch.undo()
    assert p.read_bytes() == before
    assert not [f for f in os.listdir(tmp_path) if f.endswith(".tmp")]


def test_save_into_a_read_only_folder_is_a_user_error(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root writes everywhere")
    d = tmp_path / "ro"
    d.mkdir()
    save_document(_doc("one"), d / "page.json")
    d.chmod(0o555)
    try:
        with pytest.raises(UserError, match="cannot write"):
            save_document(_doc("two"), d / "page.json")
        assert load_document(d / "page.json").title == "one"
    finally:
        d.chmod(0o755)


def test_backup_holds_the_previous_version(tmp_path):
    p = tmp_path / "page.json"
    for title in ("one", "two", "three"):
        save_document(_doc(title), p)
    assert load_document(p).title == "three"
    assert load_document(tmp_path / "page.json~").title == "two"


_SAVER = """
import sys
from dataclasses import replace
sys.path.insert(0, {root!r})
from layout.document_io import save_document
from layout.model import Document, Paragraph, Story
body = tuple(Paragraph("第%d段。" % i + "新闻" * 400) for i in range(300))
i = 0
print("ready", flush=True)
while True:
    i += 1
    save_document(Document(stories=(Story(id="s", paragraphs=body),), title=str(i)), {path!r})
"""


def test_kill_during_saves_never_leaves_a_broken_document(tmp_path):
    """A process saving a large document in a loop is killed with SIGKILL at random moments; the
    file is always a complete document (the old or the new one) and so is its backup."""
    p = tmp_path / "page.json"
    save_document(_doc("start"), p)
    save_document(_doc("start"), p)  # a backup exists from the start
    titles = set()
    for delay in (0.15, 0.3, 0.45, 0.6):
        proc = subprocess.Popen([sys.executable, "-c", _SAVER.format(root=str(ROOT), path=str(p))],
                                stdout=subprocess.PIPE, text=True)
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        proc.stdout.close()
        titles.add(load_document(p).title)
        load_document(tmp_path / "page.json~")
    assert titles - {"start"}, "the saver never completed a save"


# ---------------------------------------------------------------- missing picture or font on open

def test_missing_picture_is_a_placeholder_and_finding_and_the_document_edits_and_saves(tmp_path):
    from layout.display import ImageItem
    from layout.model import ImageFrame
    from layout.preflight import preflight_pages
    from layout.render import lay_out_page

    b = replace(_doc().pages[0].blocks[0], image=ImageFrame("gone.jpg", cols=2, rows=8))
    doc = replace(_doc(), pages=(replace(_doc().pages[0], blocks=(b,)),))
    p = tmp_path / "page.json"
    save_document(doc, p)
    opened = load_document(p)
    page = lay_out_page(opened, 0)
    assert [i.missing for i in page.items if isinstance(i, ImageItem)] == [True]
    assert any(f.code == "image-missing" for f in preflight_pages([page]))
    edited = opened.replace_story(replace(opened.stories[0], byline="任龙"))
    save_document(edited, p)
    assert load_document(p).stories[0].byline == "任龙"


def test_vanished_fonts_fall_back_and_unrenderable_text_is_reported(tmp_path):
    """Only the Kai font left (the others deleted or not installed): the page still lays out from
    the fallback chain; characters no remaining font has are tofu, kept and reported."""
    from layout.fonts import FontRegistry, _bundled_entries
    from layout.preflight import preflight_pages
    from layout.render import lay_out_page

    kai = [e for e in _bundled_entries() if e.role == "kai"][:1]
    fonts = FontRegistry(kai)
    s = replace(_doc().stories[0], paragraphs=(Paragraph("临近中午\U0002A700。"),))
    page = lay_out_page(replace(_doc(), stories=(s,)), 0, fonts)
    placed = "".join(t for r in page.glyph_runs() for t in r.text)
    assert "临近中午" in placed and "\U0002A700" in placed
    assert {r.font for r in page.glyph_runs()} == {kai[0].key}
    assert any(f.code == "tofu" and "\U0002A700" in f.message for f in preflight_pages([page], fonts=fonts))
