"""Makes the README's pictures from the project itself: the exported sample page and the editor.

    QT_QPA_PLATFORM=offscreen python3 docs/make_images.py

docs/page.png           the sample page, `main.py compose` → PDF → PNG (60 dpi)
docs/editor.png         the editor on examples/jiceng-page.banmian.json, 1600 × 1000
docs/editor-preview.png the same in preview mode (no guides, handles or badges)
docs/editor-editions.png  source and s2twp edition side by side, with the edition report
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import ui  # noqa: E402,F401  (the PySide6 workaround comes first)


def page_png() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, str(ROOT / "main.py"), "compose", str(ROOT / "examples" / "jiceng-page.txt"),
                        "-o", str(Path(tmp) / "page.pdf"), "--png", str(ROOT / "docs" / "page.png"),
                        "--section", "基层", "--number", "7", "--paper", "浙江日报", "--date", "2023-11-10",
                        "--editor", "王芳"], check=True, capture_output=True)


def editor_pngs() -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from ui.app import open_window
    from ui.settings import Settings

    app = QApplication.instance() or QApplication([])
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    with tempfile.TemporaryDirectory() as cfg:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, cfg)
        w = open_window(str(ROOT / "examples" / "jiceng-page.banmian.json"), Settings())
        w.resize(1600, 1000)
        w.show()

        def shot(name: str) -> None:
            for _ in range(5):
                app.processEvents()
            w.view.fit_page()
            app.processEvents()
            w.grab().save(str(ROOT / "docs" / name))

        shot("editor.png")
        w.set_preview(True)
        shot("editor-preview.png")
        w.set_preview(False)
        w.set_edition("s2twp")
        w.set_side_by_side(True)
        shot("editor-editions.png")
        w.session.undo_stack.setClean()  # nothing to save: the pictures are all we wanted
        w.close()


if __name__ == "__main__":
    page_png()
    editor_pngs()
    print("docs/page.png docs/editor.png docs/editor-preview.png docs/editor-editions.png")
