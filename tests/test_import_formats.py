"""Markdown and Word renditions of two of the sample's stories import with the same structure as the plain text."""
from pathlib import Path

import docx
import pytest

from layout.errors import UserError
from layout.importer import import_files

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "import"
SAMPLE = ROOT / "examples" / "jiceng-page.txt"


def shape(story):
    """Everything but ids, sources and group: the story's structure and text."""
    return (story.kind, story.headline, story.paragraphs, story.byline, story.byline_at_start,
            story.credits, story.continued)


@pytest.fixture(scope="module")
def from_text():
    stories = import_files([str(SAMPLE)]).stories
    return [next(s for s in stories if s.headline.main == ("一片红叶带共富",)),
            next(s for s in stories if s.kind == "photo")]


def test_markdown_rendition_matches_plain_text(from_text):
    r = import_files([str(DATA / "two_stories.md")])
    assert [shape(s) for s in r.stories] == [shape(s) for s in from_text]


def _write_docx(path: Path, stories) -> None:
    d = docx.Document()
    caption_style = d.styles.add_style("Credit", 1)
    assert caption_style.name == "Credit"
    for s in stories:
        d.add_paragraph(" ".join(s.headline.main), style="Title")
        for p in s.paragraphs:
            d.add_paragraph("\u3000\u3000" + p.text, style="Caption" if p.role == "caption" else None)
        if s.byline:
            d.add_paragraph(f"（{s.byline}）")
        if s.credits:
            d.add_paragraph(s.credits, style="Credit")
    d.save(str(path))


def test_docx_rendition_matches_plain_text(from_text, tmp_path):
    path = tmp_path / "two_stories.docx"
    _write_docx(path, from_text)
    r = import_files([str(path)])
    assert [shape(s) for s in r.stories] == [shape(s) for s in from_text]


def test_docx_heading_levels_and_prefixes_map_to_roles(tmp_path):
    d = docx.Document()
    d.add_paragraph("引题：乡村振兴看浙江")
    d.add_heading("稻香里的新农人", level=1)
    d.add_paragraph("副题：——90后返乡种出“智慧田”", style="Subtitle")
    d.add_paragraph("本报记者 陈晨")
    d.add_paragraph("他叫李明，今年28岁。")
    d.add_heading("从城市回到田野", level=2)
    d.add_paragraph("三年前，他辞去了城里的工作。")
    table = d.add_table(rows=1, cols=1)
    table.cell(0, 0).text = "表格里的一句话也不能丢。"
    path = tmp_path / "roles.docx"
    d.save(str(path))
    (s,) = import_files([str(path)]).stories
    assert s.headline.kicker == "乡村振兴看浙江"
    assert s.headline.main == ("稻香里的新农人",)
    assert s.headline.sub == "——90后返乡种出“智慧田”"
    assert s.byline == "本报记者 陈晨" and s.byline_at_start
    assert [p.role for p in s.paragraphs] == ["body", "subhead", "body", "body"]
    assert s.paragraphs[-1].text == "表格里的一句话也不能丢。"


def test_markdown_conventions(tmp_path):
    md = tmp_path / "c.md"
    md.write_text("引题：冬日暖阳\n# 雪后 **西湖**\n副题：——游客踏雪赏景\n\n作者：王力\n\n第一段，写到一半\n接着写完。\n\n"
                  "## 断桥\n\n断桥上人头攒动。\n\n![游客在断桥拍照](duanqiao.jpg)\n", encoding="utf-8")
    (s,) = import_files([str(md)]).stories
    assert (s.headline.kicker, s.headline.main, s.headline.sub) == ("冬日暖阳", ("雪后", "西湖"), "——游客踏雪赏景")
    assert s.byline == "王力" and s.byline_at_start
    assert [(p.role, p.text) for p in s.paragraphs] == [
        ("body", "第一段，写到一半接着写完。"), ("subhead", "断桥"), ("body", "断桥上人头攒动。"),
        ("caption", "游客在断桥拍照")]
    assert s.image == "duanqiao.jpg"


def test_markdown_picture_only_story_is_photo_news(tmp_path):
    md = tmp_path / "p.md"
    md.write_text("# 银装素裹\n\n![12月18日，杭州西湖迎来降雪。](snow.jpg)\n\n摄影：王小明\n", encoding="utf-8")
    (s,) = import_files([str(md)]).stories
    assert s.kind == "photo" and s.image == "snow.jpg" and s.credits == "王小明"


def test_damaged_docx_is_a_user_error(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(UserError) as err:
        import_files([str(bad)])
    assert "Word" in err.value.message and "bad.docx" in err.value.message
