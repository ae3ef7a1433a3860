"""Input limits (layout/limits.py): past each one, a clear UserError up front instead of a freeze."""
import json
from dataclasses import replace

import pytest

from layout import limits
from layout.document_io import document_json, load_document
from layout.errors import UserError
from layout.model import Block, Document, HeadStyle, Headline, ImageFrame, Notch, Page, Paragraph, Story
from layout.presets import broadsheet
from layout.render import lay_out_document, lay_out_page


def _doc(*blocks: Block, stories=None, spec=None) -> Document:
    s = Story(id="s", headline=Headline(main=("标题",)), paragraphs=(Paragraph("正文。" * 50),))
    return Document(pages=(Page(id="p1", spec=spec or broadsheet(), blocks=blocks),), stories=stories or (s,))


def _block(**kw) -> Block:
    return replace(Block(id="b1", story_id="s", col=0, row=0, cols=3, rows=20), **kw)


@pytest.mark.parametrize("change,words", [
    (dict(cols=10 ** 6), ["block b1", "width in columns", "1e+06"]),
    (dict(rows=-4), ["height in lines"]),
    (dict(body_columns=1000), ["text columns"]),
    (dict(head=HeadStyle(size=-5.0)), ["headline size"]),
    (dict(head=HeadStyle(orientation="vertical", size=1e5)), ["headline size"]),
    (dict(tracking=1e6), ["tracking"]),
    (dict(tracking=-1.0), ["tracking"]),  # net advance 0: set_paragraph took minutes on 3000 'ｗ' (fuzz)
    (dict(image=ImageFrame("x.jpg", cols=100)), ["picture's width"]),
    (dict(notch=Notch("bottom-left", 3, 10 ** 7)), ["corner cut's height"]),
])
def test_absurd_block_geometry_is_a_user_error_at_layout(change, words):
    with pytest.raises(UserError) as e:
        lay_out_page(_doc(_block(**change)), 0)
    for w in words:
        assert w in str(e.value)


@pytest.mark.parametrize("field,value", [("body_size", 0.0), ("leading", 0.0), ("columns", 0),
                                         ("columns", 10 ** 6), ("width", -1.0), ("gutter", -50.0)])
def test_unusable_page_grid_is_a_user_error(field, value):
    """Regression: body_size 0 or leading 0 raised ZeroDivisionError inside make_grid; 10**6
    columns ran for minutes."""
    with pytest.raises(UserError, match="page 1"):
        lay_out_document(_doc(_block(), spec=replace(broadsheet(), **{field: value})))


@pytest.mark.parametrize("links", [[("a", "a")], [("a", "b"), ("b", "a")], [("a", "b"), ("b", "c"), ("c", "b")],
                                   [("e", "e"), ("e", "a"), ("e", "")]])
def test_linked_frame_loop_is_a_user_error(links):
    """Regression: a loop of linked frames recursed until RecursionError in render — also when
    duplicate block ids hide it (found by the layout fuzz: e→e, e→a, e)."""
    blocks = [replace(_block(), id=i, next_block=n) for i, n in links]
    with pytest.raises(UserError, match="loop|two blocks have the id"):
        lay_out_page(_doc(*blocks), 0)


def test_duplicate_block_ids_are_a_user_error():
    """Regression (layout fuzz): two blocks with id 'a' showing s1 and s0 — layout found the first
    by id twice and the second block's story was neither placed nor reported overset."""
    with pytest.raises(UserError, match="two blocks have the id 'a'"):
        lay_out_page(_doc(_block(id="a"), _block(id="a", col=4)), 0)


def test_story_and_paragraph_limits():
    big = Story(id="big", paragraphs=(Paragraph("字" * (limits.MAX_PARAGRAPH_CHARS + 1)),))
    with pytest.raises(UserError, match=f"paragraph 1 is {limits.MAX_PARAGRAPH_CHARS + 1:,} characters"):
        lay_out_page(_doc(_block(story_id="big"), stories=(big,)), 0)
    many = Story(id="many", paragraphs=tuple(Paragraph("字" * 25_000) for _ in range(9)))
    with pytest.raises(UserError, match="story many is 225,000 characters"):
        limits.check_stories([many])


def test_page_and_block_counts():
    page = Page(id="p", spec=broadsheet())
    with pytest.raises(UserError, match="201 pages"):
        limits.check_document(Document(pages=(page,) * (limits.MAX_PAGES + 1)))
    crowded = replace(page, blocks=tuple(_block(id=str(i)) for i in range(limits.MAX_BLOCKS_PER_PAGE + 1)))
    with pytest.raises(UserError, match="2,001 blocks"):
        limits.check_document(Document(pages=(crowded,)))


def test_image_and_font_limits():
    limits.check_image_pixels((9504, 6336), "photo.jpg")  # a 60 MP camera
    with pytest.raises(UserError, match="photo.jpg.*megapixels"):
        limits.check_image_pixels((20000, 20000), "photo.jpg")
    with pytest.raises(UserError, match=f"first {limits.MAX_USER_FONTS}"):
        limits.check_font_count(limits.MAX_USER_FONTS + 1, "fonts/")


def test_hand_edited_absurd_block_is_refused_on_open_and_untouched(tmp_path):
    raw = json.loads(document_json(_doc(_block())))
    raw["document"]["pages"][0]["blocks"][0]["cols"] = 1000000
    p = tmp_path / "page.json"
    p.write_text(json.dumps(raw), encoding="utf-8")
    before = p.read_bytes()
    with pytest.raises(UserError, match="block b1.*width in columns"):
        load_document(p)
    assert p.read_bytes() == before


def test_a_document_within_the_limits_lays_out():
    pages = lay_out_document(_doc(_block(), _block(id="b2", col=3, cols=5, rows=30)))
    assert pages and pages[0].glyph_runs()


def test_picture_over_the_pixel_limit_is_a_preflight_finding_not_a_crash(tmp_path, monkeypatch):
    """image_info refuses a picture past MAX_IMAGE_PIXELS from its header, before decoding."""
    from PIL import Image

    from layout import pdfimage

    p = tmp_path / "huge.png"
    Image.new("L", (400, 300)).save(p)
    monkeypatch.setattr(pdfimage, "check_image_pixels",
                        lambda size, where: limits.check_image_pixels((size[0] * 1000, size[1] * 1000), where))
    with pytest.raises(UserError, match="huge.png.*megapixels"):
        pdfimage.image_info(str(p))


def test_font_folder_over_the_limit_keeps_the_first_fonts(tmp_path, monkeypatch):
    from layout import fonts

    for i in range(3):
        (tmp_path / f"f{i}.ttf").write_bytes(b"not a font")
    monkeypatch.setattr(fonts, "MAX_USER_FONTS", 2)
    monkeypatch.setattr(fonts, "check_font_count", lambda n, where: (_ for _ in ()).throw(
        UserError(f"the font folder holds {n} fonts", where=where)))
    entries, problems = fonts._user_entries(tmp_path)
    assert entries == [] and "holds 3 fonts" in problems[0]
    assert len(problems) == 3  # the limit message and the two files read (both broken), not the third
