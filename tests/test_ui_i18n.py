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


def test_language_switch_retranslates_the_running_window(qtbot, ui_env, dialogs):
    from ui.main_window import MainWindow

    w = MainWindow(sample_doc(), "", ui_env)
    qtbot.addWidget(w)
    w.docks["review"].show()
    try:
        w.actions["lang_en"].trigger()  # as the Help menu does: no restart
        assert ui_env.language() == "en"
        # QEvent.LanguageChange is posted by Qt: let it arrive
        qtbot.waitUntil(lambda: w.actions["save"].text() == "&Save")
        assert w.actions["link_frames"].text() == "&Link frames"
        assert w.docks["review"].windowTitle() == "Editions review"
        assert w.menuBar().actions()[0].text() == "&File"
        assert w.panel("review").override_btn.text() == "Use this form"  # panels are rebuilt
        w.actions["lang_zh"].trigger()
        qtbot.waitUntil(lambda: w.actions["save"].text() == "保存(&S)")
        assert w.docks["review"].windowTitle() == "简繁审校"
        assert w.menuBar().actions()[0].text() == "文件(&F)"
    finally:
        from ui.app import switch_language

        switch_language("zh")
