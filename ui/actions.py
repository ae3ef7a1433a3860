"""Every action of the editor, created and named in one place with its standard shortcut.

Menus and the toolbar are built from these; the main window connects them to its slots by name.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence

StdKey = QKeySequence.StandardKey


@dataclass(frozen=True)
class ActionSpec:
    name: str
    text: str  # Chinese source text; English comes from the translation file
    shortcut: object = None  # a StandardKey or a "Ctrl+…" string
    checkable: bool = False
    checked: bool = False
    tip: str = ""


def _t(text: str) -> str:
    return QCoreApplication.translate("Actions", text)


SPECS = (
    ActionSpec("new", "新建(&N)", StdKey.New),
    ActionSpec("open", "打开(&O)…", StdKey.Open),
    ActionSpec("save", "保存(&S)", StdKey.Save),
    ActionSpec("save_as", "另存为(&A)…", StdKey.SaveAs),
    ActionSpec("import_copy", "导入稿件(&I)…", "Ctrl+I"),
    ActionSpec("compose", "自动组版(&C)", "Ctrl+Shift+K"),
    ActionSpec("export_pdf", "导出 PDF(&E)…", "Ctrl+E"),
    ActionSpec("export_png", "导出 PNG…", "Ctrl+Shift+E"),
    ActionSpec("print_preview", "打印预览…", "Ctrl+Shift+P"),
    ActionSpec("quit", "退出(&Q)", StdKey.Quit),
    ActionSpec("undo", "撤销(&U)", StdKey.Undo),
    ActionSpec("redo", "重做(&R)", StdKey.Redo),
    ActionSpec("delete", "删除(&D)", StdKey.Delete),
    ActionSpec("select_all", "全选", StdKey.SelectAll),
    ActionSpec("draw_block", "画版块(&B)", "B", checkable=True),
    ActionSpec("link_frames", "续排(&L)", "L", checkable=True,
               tip="先点要续排的版块（或它的续排口），再点接排的版块"),
    ActionSpec("place_image", "置入图片(&M)…", "Ctrl+D"),
    ActionSpec("bring_front", "移到最前", "Ctrl+Shift+]"),
    ActionSpec("send_back", "移到最后", "Ctrl+Shift+["),
    ActionSpec("align_left", "左对齐"),
    ActionSpec("align_top", "顶对齐"),
    ActionSpec("distribute_h", "水平分布"),
    ActionSpec("preview", "预览模式(&P)", "W", checkable=True),
    ActionSpec("guide_margins", "页边距", checkable=True, checked=True),
    ActionSpec("guide_columns", "栏线", checkable=True, checked=True),
    ActionSpec("guide_baseline", "基线网格", "Ctrl+'", checkable=True, checked=True),
    ActionSpec("guide_trim", "裁切线", checkable=True, checked=True),
    ActionSpec("guide_bleed", "出血线", checkable=True, checked=True),
    ActionSpec("zoom_in", "放大", StdKey.ZoomIn),
    ActionSpec("zoom_out", "缩小", StdKey.ZoomOut),
    ActionSpec("zoom_fit_page", "适合页面", "Ctrl+0"),
    ActionSpec("zoom_fit_width", "适合宽度", "Ctrl+2"),
    ActionSpec("zoom_100", "实际大小 100%", "Ctrl+1"),
    ActionSpec("edition_source", "原文版（简体）", checkable=True, checked=True),
    ActionSpec("edition_s2twp", "台湾繁体版 s2twp", checkable=True),
    ActionSpec("edition_s2hk", "香港繁体版 s2hk", checkable=True),
    ActionSpec("side_by_side", "简繁对照(&S)", "Ctrl+Shift+D", checkable=True),
    ActionSpec("lang_zh", "中文界面", checkable=True),
    ActionSpec("lang_en", "English interface", checkable=True),
    ActionSpec("about", "关于版面"),
)


def create_actions(parent: QObject) -> dict[str, QAction]:
    """All actions, keyed by name, parented to `parent` (the main window)."""
    out: dict[str, QAction] = {}
    for s in SPECS:
        a = QAction(_t(s.text), parent)
        a.setObjectName(s.name)
        if isinstance(s.shortcut, StdKey):
            a.setShortcuts(QKeySequence.keyBindings(s.shortcut))
        elif s.shortcut:
            a.setShortcut(QKeySequence(s.shortcut))
        if s.checkable:
            a.setCheckable(True)
            a.setChecked(s.checked)
        if s.tip:
            a.setStatusTip(_t(s.tip))
            a.setToolTip(_t(s.tip))
        out[s.name] = a
    return out


MENUS = (
    ("文件(&F)", ("new", "open", "recent", None, "save", "save_as", None, "import_copy", "compose",
                 None, "export_pdf", "export_png", "print_preview", None, "quit")),
    ("编辑(&E)", ("undo", "redo", None, "delete", "select_all", None, "draw_block", "link_frames",
                 "place_image", None,
                 "bring_front", "send_back", "align_left", "align_top", "distribute_h")),
    ("视图(&V)", ("preview", None, "guide_margins", "guide_columns", "guide_baseline", "guide_trim",
                 "guide_bleed", None, "zoom_in", "zoom_out", "zoom_fit_page", "zoom_fit_width",
                 "zoom_100", None, "panels")),
    ("版本(&D)", ("edition_source", "edition_s2twp", "edition_s2hk", None, "side_by_side")),
    ("帮助(&H)", ("lang_zh", "lang_en", None, "about")),
)

TOOLBAR = ("new", "open", "save", None, "undo", "redo", None, "import_copy", "compose", "draw_block",
           "link_frames", "place_image", None, "preview", "side_by_side", "zoom_fit_page", "zoom_fit_width",
           "zoom_100", None, "export_pdf")


def retranslate_actions(actions: dict[str, QAction]) -> None:
    """Texts and tips again from the current translators (after a language switch)."""
    for s in SPECS:
        a = actions[s.name]
        a.setText(_t(s.text))
        if s.tip:
            a.setStatusTip(_t(s.tip))
            a.setToolTip(_t(s.tip))

