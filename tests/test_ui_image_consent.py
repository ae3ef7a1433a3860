"""The editor reads a picture outside the document's folder only when the user chose it."""
from dataclasses import replace

from PIL import Image

import ui  # noqa: F401  (PySide6 workaround first)
from layout.display import ImageItem
from layout.document_io import save_document
from layout.model import ImageFrame
from ui.session import EditorSession


def test_outside_picture_needs_the_users_choice(qtbot, tmp_path):
    from ui.app import sample_document

    docs, elsewhere = tmp_path / "docs", tmp_path / "elsewhere"
    docs.mkdir()
    elsewhere.mkdir()
    pic = elsewhere / "p.jpg"
    Image.new("RGB", (400, 300)).save(pic)
    doc = sample_document()
    block = doc.pages[0].blocks[0]
    doc = doc.replace_block(replace(block, image=ImageFrame(str(pic), cols=block.cols, rows=10)))
    save_document(doc, docs / "page.banmian.json")
    session = EditorSession(doc, str(docs / "page.banmian.json"))

    def picture():
        return next(i for i in session.display(0).items if isinstance(i, ImageItem))

    assert picture().missing  # a document alone cannot reach outside its folder
    assert "image-outside" in [f.code for f in session.display(0).findings]
    session.allow_image(str(pic))  # what the place-picture dialog and a drop do
    assert not picture().missing and picture().path == str(pic.resolve())
