"""Interface language: Chinese by default, English from ui/i18n/banmian_en.qm."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from ui_support import dialogs, sample_doc, ui_env  # noqa: F401  (fixtures)

pytestmark = pytest.mark.gui


def test_chinese_by_default_english_from_translation_file(qtbot, ui_env, dialogs):
    from ui.app import install_translators
    from ui.main_window import MainWindow

    assert ui_env.language() == "zh"
    w = MainWindow(sample_doc(), "", ui_env)
    qtbot.addWidget(w)
    assert w.actions["save"].text() == "保存(&S)"
    app = QApplication.instance()
    installed = install_translators(app, "en")
    try:
        assert installed, "ui/i18n/banmian_en.qm did not load"
        w2 = MainWindow(sample_doc(), "", ui_env)
        qtbot.addWidget(w2)
        assert w2.actions["save"].text() == "&Save"
        assert w2.docks["inspector"].windowTitle() == "Inspector"
        assert [m.title() for m in (a.menu() for a in w2.menuBar().actions())][0] == "&File"
    finally:
        for t in installed:
            app.removeTranslator(t)
