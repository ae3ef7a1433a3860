"""Trust: a document from someone else cannot make Banmian read files outside its folder without
consent, and nothing in a document is ever executed."""
import json
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image

from layout.document_io import (ImageAccess, document_json, load_document, missing_images, resolve_image,
                                save_document)
from layout.model import Block, Document, Headline, ImageFrame, Page, Paragraph, Story
from layout.presets import tabloid
from layout.render import lay_out_page


def _doc(image: str) -> Document:
    s = Story(id="s1", headline=Headline(main=("标题",)), paragraphs=(Paragraph("正文。"),), image=image)
    b = Block(id="b1", story_id="s1", col=0, row=0, cols=3, rows=30, image=ImageFrame(image, cols=2, rows=8))
    return Document(pages=(Page(id="p1", spec=tabloid(), blocks=(b,)),), stories=(s,))


@pytest.fixture
def folders(tmp_path):
    docs, private = tmp_path / "docs", tmp_path / "private"
    docs.mkdir()
    private.mkdir()
    Image.new("RGB", (20, 20)).save(private / "secret.png")
    Image.new("RGB", (20, 20)).save(docs / "photo.png")
    return docs, private


@pytest.mark.parametrize("path", ["../private/secret.png", "{private}/secret.png", "photos/../../private/secret.png"])
def test_image_path_escaping_the_document_folder_is_refused_without_consent(folders, path):
    docs, private = folders
    path = path.format(private=private)
    assert resolve_image(docs / "page.json", path) is None
    assert resolve_image(docs / "page.json", path, allow_outside=True) == (private / "secret.png").resolve()
    problems = missing_images(_doc(path), docs / "page.json")
    assert problems and all("outside the document's folder" in p for p in problems)


def test_symlink_out_of_the_document_folder_is_refused(folders):
    docs, private = folders
    (docs / "link.png").symlink_to(private / "secret.png")
    assert resolve_image(docs / "page.json", "link.png") is None


def test_image_inside_the_document_folder_is_read(folders):
    docs, _ = folders
    assert resolve_image(docs / "page.json", "photo.png") == (docs / "photo.png").resolve()
    assert missing_images(_doc("photo.png"), docs / "page.json") == []


def test_layout_does_not_read_a_picture_outside_the_document_folder(folders, monkeypatch):
    docs, private = folders
    monkeypatch.chdir(docs)
    page = lay_out_page(_doc(str(private / "secret.png")), 0)
    im = [i for i in page.items if type(i).__name__ == "ImageItem"][0]
    assert im.missing  # refused: a placeholder, not the private picture, goes into the PDF
    assert [f.code for f in page.findings if f.code.startswith("image")] == ["image-outside"]
    # relative paths that climb out of the document's folder are refused the same way
    page = lay_out_page(_doc("../" + private.name + "/secret.png"), 0,
                        images=ImageAccess.for_document(docs / "page.json"))
    assert [i for i in page.items if type(i).__name__ == "ImageItem"][0].missing


def test_a_picture_the_user_chose_or_a_trusted_document_may_lie_anywhere(folders):
    docs, private = folders
    secret = str((private / "secret.png").resolve())
    chosen = ImageAccess(root=str(docs), allowed=frozenset({secret}))
    for access in (chosen, ImageAccess(root=str(docs), anywhere=True)):
        page = lay_out_page(_doc(secret), 0, images=access)
        im = [i for i in page.items if type(i).__name__ == "ImageItem"][0]
        assert not im.missing and im.path == secret


def test_no_code_in_a_document_is_executed(tmp_path):
    """Documents are JSON read into typed dataclasses: no pickle, eval or import of anything named
    in the file. Strings that look like code stay text; unknown keys are ignored."""
    marker = tmp_path / "pwned"
    payloads = [f"__import__('os').system('touch {marker}')", f"$(touch {marker})", f"`touch {marker}`",
                "{{7*7}}", "%(x)s", "cos\nsystem\n(S'touch x'\ntR."]
    doc = replace(_doc("photo.png"), title=payloads[0],
                  stories=(replace(_doc("").stories[0], paragraphs=tuple(Paragraph(p) for p in payloads)),))
    raw = json.loads(document_json(doc))
    raw["document"]["__class__"] = "os.system"
    raw["document"]["stories"][0]["__reduce__"] = ["os.system", [f"touch {marker}"]]
    p = tmp_path / "page.json"
    p.write_text(json.dumps(raw), encoding="utf-8")
    loaded = load_document(p)
    assert [x.text for x in loaded.stories[0].paragraphs] == payloads
    lay_out_page(loaded, 0)
    save_document(loaded, p)
    assert not marker.exists()
    src = (Path(__file__).resolve().parent.parent / "layout" / "document_io.py").read_text(encoding="utf-8")
    for danger in ("pickle", "eval(", "exec(", "importlib", "__import__", "yaml"):
        assert danger not in src
