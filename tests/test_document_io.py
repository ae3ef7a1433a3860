"""The document file: round trip, atomic saves, and a clear message for every bad file."""
import json
import os
from dataclasses import replace

import pytest
from hypothesis import given, settings, strategies as st

from layout.document_io import (document_json, load_document, missing_images, parse_document,
                                save_document)
from layout.errors import UserError
from layout.model import (Block, BoxStyle, Document, HeadStyle, Headline, ImageFrame, Notch, Page,
                          PageHeader, Paragraph, RuleLine, SCHEMA_VERSION, Story)
from layout.presets import page_spec

text = st.text(max_size=30)
finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
small = st.integers(min_value=0, max_value=40)

stories = st.builds(
    Story, id=st.text(min_size=1, max_size=5),
    headline=st.builds(Headline, main=st.lists(text, max_size=3).map(tuple), kicker=text, sub=text),
    paragraphs=st.lists(st.builds(Paragraph, text=text, role=st.sampled_from(["body", "subhead"])),
                        max_size=4).map(tuple),
    byline=text, byline_at_start=st.booleans(), credits=text,
    kind=st.sampled_from(["article", "photo", "package"]), group=text, continued=st.booleans(),
    image=text)
blocks = st.builds(
    Block, id=text, story_id=text, col=small, row=small, cols=small, rows=small,
    body_columns=small, balance=st.booleans(),
    head=st.builds(HeadStyle, orientation=st.sampled_from(["horizontal", "vertical"]), size=finite,
                   span=small),
    box=st.builds(BoxStyle, frame=st.sampled_from(["none", "line", "flower"]), tint=finite),
    image=st.none() | st.builds(ImageFrame, path=text, cols=small, rows=small,
                                crop=st.tuples(finite, finite, finite, finite), caption=text),
    notch=st.none() | st.builds(Notch, corner=st.sampled_from(["bottom-left", "top-right"]),
                                cols=small, rows=small),
    next_block=text, tracking=finite)
pages = st.builds(Page, id=text, spec=st.just(page_spec("broadsheet")),
                  header=st.builds(PageHeader, section=text, number=text, date=text),
                  blocks=st.lists(blocks, max_size=3).map(tuple),
                  rules=st.lists(st.builds(RuleLine, x1=finite, y1=finite, x2=finite, y2=finite),
                                 max_size=2).map(tuple))
documents = st.builds(Document, pages=st.lists(pages, max_size=2).map(tuple),
                      stories=st.lists(stories, max_size=3).map(tuple), edition=text,
                      phrases=st.lists(st.tuples(text, text), max_size=2).map(tuple), title=text)


@settings(max_examples=60, deadline=None)
@given(documents)
def test_load_of_save_is_identity(doc):
    assert parse_document(document_json(doc)) == doc


def _doc():
    s = Story(id="s1", headline=Headline(main=("立足小阵地", "服务大民生")),
              paragraphs=(Paragraph("临近中午，食堂内已香气四溢。"),), byline="梁艺", image="photo.jpg")
    b = Block(id="b1", story_id="s1", col=0, row=0, cols=3, rows=20)
    return Document(pages=(Page(id="p1", spec=page_spec("broadsheet"), blocks=(b,)),), stories=(s,))


def test_save_then_load_file(tmp_path):
    p = tmp_path / "page.banmian.json"
    save_document(_doc(), p)
    assert load_document(p) == _doc()
    assert "立足小阵地" in p.read_text(encoding="utf-8")  # human-readable, not escaped


def test_save_keeps_previous_version_as_backup(tmp_path):
    p = tmp_path / "page.json"
    save_document(_doc(), p)
    d2 = replace(_doc(), title="second")
    save_document(d2, p)
    assert load_document(p).title == "second"
    assert load_document(tmp_path / "page.json~").title == ""
    assert not [f for f in os.listdir(tmp_path) if f.endswith(".tmp")]


def _expect(tmp_path, content: bytes, *words):
    p = tmp_path / "bad.json"
    p.write_bytes(content)
    with pytest.raises(UserError) as e:
        load_document(p)
    msg = str(e.value)
    assert str(p) in msg
    for w in words:
        assert w in msg
    assert p.read_bytes() == content  # untouched
    return msg


def test_truncated_file_message(tmp_path):
    full = document_json(_doc()).encode()
    _expect(tmp_path, full[: len(full) // 2], "truncated")


def test_not_json_message(tmp_path):
    _expect(tmp_path, b"{ this is not json", "not valid JSON", "line 1")


def test_not_a_banmian_document_message(tmp_path):
    _expect(tmp_path, json.dumps({"hello": 1}).encode(), "not a Banmian document")


def test_newer_version_message(tmp_path):
    raw = json.loads(document_json(_doc()))
    raw["banmian"] = SCHEMA_VERSION + 1
    _expect(tmp_path, json.dumps(raw).encode(), "newer Banmian", "update Banmian")


def test_hand_edited_wrong_type_message(tmp_path):
    raw = json.loads(document_json(_doc()))
    raw["document"]["pages"][0]["blocks"][0]["cols"] = "three"
    _expect(tmp_path, json.dumps(raw).encode(), "document.pages[0].blocks[0].cols", "whole number")


def test_binary_file_message(tmp_path):
    _expect(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe", "not UTF-8")


def test_empty_file_message(tmp_path):
    _expect(tmp_path, b"", "empty")


def test_missing_file_message(tmp_path):
    with pytest.raises(UserError, match="no such file"):
        load_document(tmp_path / "nope.json")


def test_missing_image_is_reported_and_document_still_opens(tmp_path):
    p = tmp_path / "page.json"
    save_document(_doc(), p)
    doc = load_document(p)
    problems = missing_images(doc, p)
    assert len(problems) == 1 and "photo.jpg" in problems[0] and "placeholder" in problems[0]
    (tmp_path / "photo.jpg").write_bytes(b"jpeg")
    assert missing_images(doc, p) == []


def test_image_outside_document_folder_is_refused(tmp_path):
    doc = replace(_doc(), stories=(replace(_doc().stories[0], image="../../etc/passwd"),))
    (tmp_path / "d").mkdir()
    problems = missing_images(doc, tmp_path / "d" / "page.json")
    assert problems and "outside the document's folder" in problems[0]


def test_saved_file_gets_normal_permissions(tmp_path):
    p = tmp_path / "page.json"
    save_document(_doc(), p)
    umask = os.umask(0)
    os.umask(umask)
    assert p.stat().st_mode & 0o777 == 0o666 & ~umask
    os.chmod(p, 0o640)
    save_document(_doc(), p)
    assert p.stat().st_mode & 0o777 == 0o640  # a re-save keeps the file's own permissions
