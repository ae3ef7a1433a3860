"""A snapshot the engine refuses (over a documented limit) never takes the editor down."""
from dataclasses import replace

import ui  # noqa: F401  (PySide6 workaround first)
from layout.model import Paragraph
from ui.session import EditorSession


def test_a_refused_page_shows_the_reason_and_keeps_the_document(qtbot):
    from ui.app import sample_document

    doc = sample_document()
    story = doc.stories[0]
    huge = replace(story, paragraphs=(Paragraph("字" * 250_000),))
    session = EditorSession(doc)
    before = session.display(0)
    assert before.glyph_runs()
    session.set_document(doc.replace_story(huge))
    shown = session.display(0)  # no exception escapes into a Qt slot
    assert [f.code for f in shown.findings] == ["layout-refused"]
    assert "characters" in shown.findings[0].message
    assert session.doc.story(story.id).paragraphs[0].text == "字" * 250_000  # nothing lost
    session.set_document(doc)  # undoing brings the page back
    assert session.display(0).glyph_runs()
