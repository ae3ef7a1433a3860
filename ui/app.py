"""Starting the editor: the Qt application, the interface language, the document to open, and
the offer to recover after a crash. `run_editor` is what `main.py` calls with no subcommand."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from layout.document_io import load_document
from layout.errors import UserError
from layout.model import Document

from .main_window import MainWindow, empty_document
from .settings import APP, ORG, Settings

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DOC = ROOT / "examples" / "jiceng-page.banmian.json"
SAMPLE_COPY = ROOT / "examples" / "jiceng-page.txt"
I18N_DIR = Path(__file__).resolve().parent / "i18n"


def sample_document() -> Document:
    """The bundled sample page; composed from the sample copy when the saved page is absent."""
    if SAMPLE_DOC.exists():
        return load_document(SAMPLE_DOC)
    from layout.compose import compose_pages
    from layout.importer import import_files
    from layout.model import PageHeader
    from layout.presets import broadsheet

    stories = list(import_files([str(SAMPLE_COPY)]).stories)
    return compose_pages(stories, broadsheet(), PageHeader(section="基层"), max_pages=1).document


_INSTALLED: list[QTranslator] = []  # the translators of the current interface language


def switch_language(lang: str) -> None:
    """Change the interface language of the running editor: the old translators go, the new ones
    come, and Qt sends QEvent.LanguageChange to every widget (the main window retranslates)."""
    app = QApplication.instance()
    for t in _INSTALLED:
        app.removeTranslator(t)
    _INSTALLED[:] = install_translators(app, lang)


def install_translators(app: QApplication, lang: str) -> list[QTranslator]:
    """Chinese is the source language; English loads ui/i18n/banmian_en.qm. Qt's own dialogs
    follow with Qt's bundled translations where they exist. The language is kept as the
    application's `ui_language` property (engine findings are shown in it)."""
    app.setProperty("ui_language", lang)
    out = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if lang == "en":
        t = QTranslator(app)
        if t.load(str(I18N_DIR / "banmian_en.qm")):
            out.append(t)
    else:
        t = QTranslator(app)
        if t.load(QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_", qt_dir):
            out.append(t)
    for t in out:
        app.installTranslator(t)
    return out


def open_window(path: Optional[str], settings: Optional[Settings] = None) -> MainWindow:
    """The main window on `path`, else on the sample page (an unreadable file is reported and the
    editor opens on an empty page rather than not at all)."""
    error = ""
    doc, doc_path = None, ""
    try:
        if path:
            doc, doc_path = load_document(path), path
        else:
            doc = sample_document()
    except UserError as e:
        error = e.message
    w = MainWindow(doc or empty_document(), doc_path, settings)
    if doc_path:
        w.settings.add_recent(doc_path)
    if error:
        QMessageBox.warning(w, "版面", error)
    return w


def run_editor(path: Optional[str]) -> int:
    """Run the editor until its window closes; returns the exit code."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(ORG)
    app.setApplicationName(APP)
    settings = Settings()
    switch_language(settings.language())
    w = open_window(path, settings)
    w.show()
    w.view.fit_page()
    QTimer.singleShot(0, w.view.fit_page)  # again once the window has its final size
    w.offer_recovery()
    return app.exec()
