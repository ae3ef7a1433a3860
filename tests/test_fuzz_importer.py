"""Fuzz the importer (import_text, import_files) with hostile text and hostile bytes: no exception
but UserError, every call bounded, no character lost (in a story, or removed/changed in the report)."""
import tempfile
from collections import Counter
from pathlib import Path

from hypothesis import given, strategies as st

from fuzz_support import bounded, budget, hostile_str, hostile_text, nonspace, tally
from layout.errors import UserError
from layout.importer import import_files, import_text, story_text

lines = st.lists(st.one_of(hostile_text, st.just(""), st.just("　　"), st.sampled_from(
    ["本报记者 张三", "(梁艺)", "（任龙 许峰）", "引题：乡村振兴", "——副题在此", "# 标题", "![图](x.jpg)"])),
    max_size=12).map("\n".join)


def _accounted(text: str, result) -> None:
    """input = output − inserted + removed, over visible characters (issue 4's property)."""
    out = Counter()
    for s in result.stories:
        out += nonspace(story_text(s))
    removed = nonspace("".join(e.before for e in result.report))
    inserted = nonspace("".join(e.after for e in result.report))
    assert nonspace(text) + inserted == out + removed


@budget(80)
@given(st.one_of(lines, hostile_str))
def test_fuzz_import_text_loses_no_character(text):
    tally("importer")
    with bounded(f"import_text({len(text)} chars)"):
        try:
            result = import_text(text, "fuzz.txt")
        except UserError:
            tally("importer: refused (UserError)")
            return
    _accounted(text, result)


raw = st.one_of(
    st.binary(max_size=400),
    st.tuples(st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff"]),
              st.lists(st.sampled_from([b"\xed\xa0\x80", b"\xed\xbf\xbf", b"\x00", "新闻，".encode(),
                                        "新闻".encode("gb18030"), "新聞".encode("big5"), b"\r\n", b"\n\n",
                                        b"\x1a", b"\xc3", b"abc "]), max_size=40).map(b"".join))
    .map(lambda t: t[0] + t[1]),
)


@budget(60)
@given(raw, st.sampled_from([".txt", ".md", ".docx", ".TXT", ""]))
def test_fuzz_import_files_with_hostile_bytes(data, suffix):
    tally("importer (files)")
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / ("copy" + suffix)
        p.write_bytes(data)
        with bounded(f"import_files({len(data)} bytes, {suffix!r})"):
            try:
                result = import_files([str(p)])
            except UserError as e:
                assert str(e)
                tally("importer (files): refused (UserError)")
                return
        assert p.read_bytes() == data
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            return  # a legacy encoding: the decoder's guess is checked by the importer's own tests
        if suffix.lower() in (".txt", ""):
            _accounted(text.replace("\r", "\n"), result)


def test_unpaired_surrogate_in_pasted_copy_is_dropped_and_reported():
    """Regression: import_text kept a lone surrogate in the story, and write_pdf then failed with
    UnicodeEncodeError on export. Now it is dropped like a control character, and reported."""
    result = import_text("标题\n\n正文a\ud800b。", "paste")
    assert result.stories[0].paragraphs[0].text == "正文ab。"
    assert any(e.kind == "dropped" and "U+D800" in e.message for e in result.report)
