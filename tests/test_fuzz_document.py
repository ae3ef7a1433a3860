"""Fuzz the document loader with damaged and hand-edited files: only UserError, every call bounded,
the file never changed; whatever loads also lays out (or says why not) and saves again."""
import json
import tempfile
from pathlib import Path

from hypothesis import given, strategies as st

from fuzz_support import bounded, budget, hostile_str, tally
from layout.document_io import document_json, load_document, save_document
from layout.errors import UserError
from layout.model import Block, Document, Headline, ImageFrame, Page, Paragraph, Story
from layout.presets import tabloid
from layout.render import lay_out_document

BASE = Document(
    pages=(Page(id="p1", spec=tabloid(), blocks=(
        Block(id="b1", story_id="s1", col=0, row=0, cols=3, rows=30, image=ImageFrame("photo.jpg", cols=2, rows=8)),
        Block(id="b2", story_id="s1", col=3, row=0, cols=2, rows=30))),),
    stories=(Story(id="s1", headline=Headline(main=("立足小阵地", "服务大民生")),
                   paragraphs=(Paragraph("临近中午，食堂内已香气四溢。"),), byline="梁艺", image="photo.jpg"),))
TEXT = document_json(BASE)

json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-10 ** 6, 10 ** 6), st.sampled_from([10 ** 30, -1, 0]),
              st.floats(allow_nan=False, allow_infinity=False), hostile_str),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)),
    max_leaves=8)


def _paths(data, prefix=()):
    yield prefix
    if isinstance(data, dict):
        for k, v in data.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from _paths(v, prefix + (i,))


PATHS = [p for p in _paths(json.loads(TEXT)) if p]


def _open(data: bytes, what: str) -> None:
    tally(what)
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "page.banmian.json"
        p.write_bytes(data)
        with bounded(f"{what} ({len(data)} bytes)"):
            try:
                doc = load_document(p)
            except UserError as e:
                tally(what + ": refused (UserError)")
                assert str(p) in str(e)
                assert p.read_bytes() == data
                return
            assert p.read_bytes() == data
            try:
                lay_out_document(doc)
            except UserError:
                pass
            save_document(doc, p)
            assert load_document(p) == doc


def _same_type(old):
    """A value of the same JSON type as `old` (a hand edit that keeps the type: a wrong size, …)."""
    if isinstance(old, bool):
        return st.booleans()
    if isinstance(old, int):
        return st.one_of(st.integers(-20, 200), st.sampled_from([-10 ** 6, 10 ** 6, 10 ** 30]))
    if isinstance(old, float):
        return st.one_of(st.floats(-50, 2000), st.sampled_from([0.0, -1.0, 1e300]))
    if isinstance(old, str):
        return hostile_str
    return json_values


@budget(100)
@given(st.sampled_from(PATHS), st.data())
def test_fuzz_hand_edited_document(path, data):
    raw = json.loads(TEXT)
    node = raw
    for k in path[:-1]:
        node = node[k]
    value = data.draw(st.one_of(_same_type(node[path[-1]]), _same_type(node[path[-1]]), json_values))
    node[path[-1]] = value
    _open(json.dumps(raw, ensure_ascii=bool(len(path) % 2)).encode("utf-8", "surrogatepass"), "document loader (edited)")


@budget(100)
@given(st.lists(st.tuples(st.integers(0, len(TEXT.encode()) - 1), st.integers(0, 255), st.sampled_from(["set", "cut", "insert"])),
                min_size=1, max_size=4))
def test_fuzz_damaged_document_bytes(edits):
    data = bytearray(TEXT.encode())
    for pos, byte, how in edits:
        if not data:
            break
        pos %= len(data)
        if how == "set":
            data[pos] = byte
        elif how == "cut":
            del data[pos:]
        else:
            data[pos:pos] = bytes([byte]) * 3
    _open(bytes(data), "document loader (damaged)")
