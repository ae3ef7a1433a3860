"""Encodings and bad input: GB18030, Big5, BOMs, undecidable bytes, empty, binary, control characters, a 5 MB file."""
from collections import Counter
from pathlib import Path

import pytest

from layout.encodings import decode_copy
from layout.errors import UserError
from layout.importer import import_files, import_text, story_text

DATA = Path(__file__).resolve().parent / "data" / "import"


def test_gb18030_file_is_detected_and_reported():
    r = import_files([str(DATA / "gb18030.txt")])
    (s,) = r.stories
    assert s.headline.main == ("防汛演练进社区",) and s.byline == "王立"
    assert any(e.kind == "encoding" and "gb18030" in e.message for e in r.report)


def test_big5_file_is_detected_and_reported():
    r = import_files([str(DATA / "big5.txt")])
    (s,) = r.stories
    assert s.headline.main == ("防汛演練進社區",) and "臺北市大安區" in s.body_text
    assert any(e.kind == "encoding" and "big5" in e.message for e in r.report)


def test_utf8_with_bom_and_utf16_with_bom():
    text = "标题\n\n正文一句。（甲）\n"
    assert decode_copy(b"\xef\xbb\xbf" + text.encode("utf-8"), "x").text == text
    assert decode_copy(text.encode("utf-16"), "x").text == text


def test_undecidable_bytes_are_refused_not_turned_into_mojibake():
    # bytes that decode in both GB18030 and Big5 but read as plausible Chinese in neither
    data = bytes([0xC9, 0x40, 0xD0, 0x50, 0xE0, 0x60, 0xF0, 0x70] * 20)
    with pytest.raises(UserError) as err:
        decode_copy(data, "odd.txt")
    assert "encoding" in err.value.message and "UTF-8" in err.value.message


def test_empty_file_is_a_clear_error():
    with pytest.raises(UserError) as err:
        import_files([str(DATA / "empty.txt")])
    assert "empty" in err.value.message and "empty.txt" in err.value.message


def test_binary_file_is_a_clear_error():
    with pytest.raises(UserError) as err:
        import_files([str(DATA / "binary.dat")])
    assert "binary" in err.value.message


def test_pdf_given_as_copy_says_what_to_do(tmp_path):
    pdf = tmp_path / "page.txt"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    with pytest.raises(UserError) as err:
        import_files([str(pdf)])
    assert "PDF" in err.value.message and "pdftotext" in err.value.message


def test_missing_file_and_folder_are_clear_errors(tmp_path):
    with pytest.raises(UserError):
        import_files([str(tmp_path / "nope.txt")])
    with pytest.raises(UserError):
        import_files([str(tmp_path)])


def test_control_characters_are_dropped_and_listed():
    r = import_files([str(DATA / "controls.txt")])
    dropped = "".join(e.before for e in r.report if e.kind == "dropped")
    assert Counter(dropped) == Counter("\x07\x1b\u200b")
    (s,) = r.stories
    assert s.body_text == "清晨，海边的渔民开始修补渔网。码头上一片忙碌。"


def test_empty_text_in_memory_gives_no_stories_and_a_warning():
    r = import_text("  \n\u3000\n")
    assert r.stories == () and r.report[0].kind == "warning"


def test_five_megabyte_file_imports_without_losing_text(tmp_path):
    story = ("第{n}篇稿件\n\n近日,某县开展了第{n}次便民服务活动,居民们纷纷点赞,现场气氛热烈。"
             "活动还设置了咨询台,解答群众关心的问题,发放资料{n}份。\n\n(记者甲)\n\n")
    parts, size, n = [], 0, 0
    while size < 5 * 1024 * 1024:
        chunk = story.format(n=n)
        parts.append(chunk)
        size += len(chunk.encode("utf-8"))
        n += 1
    path = tmp_path / "big.txt"
    path.write_text("".join(parts), encoding="utf-8")
    r = import_files([str(path)])
    assert len(r.stories) == n
    assert r.stories[-1].headline.main == (f"第{n - 1}篇稿件",) and r.stories[-1].byline == "记者甲"
    src = Counter(c for c in path.read_text(encoding="utf-8") if not c.isspace())
    out = Counter(c for s in r.stories for c in story_text(s) if not c.isspace())
    removed = Counter(c for e in r.report for c in e.before if not c.isspace())
    added = Counter(c for e in r.report for c in e.after if not c.isspace())
    assert src + added == out + removed
