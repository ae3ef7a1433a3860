"""The main window: actions, menus, toolbar, docks, status bar, files, export — no layout logic.

Every edit goes through the session's undo stack; every action runs inside `guarded`, so an
error is shown as a message and the document stays as it was.
"""
from __future__ import annotations

import functools
import os
import traceback
from dataclasses import replace
from pathlib import Path
from typing import Callable, Optional

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QSize, Qt, QUrl
from PySide6.QtGui import QActionGroup, QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (QApplication, QDialog, QFileDialog, QLabel, QMainWindow, QMessageBox,
                               QProgressDialog, QStackedWidget, QVBoxLayout)

from layout.document_io import load_document, save_document
from layout.errors import UserError
from layout.model import Document, Page
from layout.presets import broadsheet
from layout.render import lay_out_page
from layout.units import to_mm

from .actions import MENUS, TOOLBAR, create_actions, retranslate_actions
from .autosave import AutoSaver, pending_recoveries, read_recovery
from .commands import push
from .editions_view import EditionsView
from .icons import set_icons
from .page_view import GUIDES, PageScene, PageView
from .painter import render_page_image
from .panels import LazyDock
from .panels.history import HistoryPanel
from .panels.inspector import InspectorPanel
from .panels.pages import PagesPanel
from .panels.phrases import PhrasesPanel
from .panels.preflight import PreflightPanel
from .panels.review import ReviewPanel
from .panels.stories import STORY_MIME, StoriesPanel
from .panels.story_editor import StoryEditorPanel
from .session import EditorSession
from .settings import Settings

DOC_FILTER = "版面文档 (*.banmian.json *.json)"
COPY_SUFFIXES = (".txt", ".md", ".docx")
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".tif", ".tiff")
IMAGE_FILTER = "图片 (*.jpg *.jpeg *.png *.tif *.tiff)"


def _t(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def guarded(method: Callable) -> Callable:
    """Run an action; a UserError or a bug is reported in a message box, never a crash."""

    @functools.wraps(method)
    def run(self: "MainWindow", *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except UserError as e:
            self.show_error(e.message)
        except Exception as e:  # a bug must not take the user's page with it
            traceback.print_exc()
            self.show_error(_t("操作失败，文档未改变：") + f"{type(e).__name__}: {e}")
        return None

    return run


def empty_document() -> Document:
    return Document(pages=(Page(id="p1", spec=broadsheet()),), title="")


class MainWindow(QMainWindow):
    def __init__(self, doc: Document, path: str = "", settings: Optional[Settings] = None) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.session = EditorSession(doc, path, self)
        self.scene = PageScene(self.session, 0, self)
        self.view = PageView(self.scene)
        self.editions = EditionsView(self.session)
        self.central = QStackedWidget()
        self.central.addWidget(self.view)
        self.central.addWidget(self.editions)
        self.setCentralWidget(self.central)
        self.setAcceptDrops(True)
        self.view.setAcceptDrops(True)
        self.view.viewport().setAcceptDrops(True)
        self.view.viewport().installEventFilter(self)
        self.actions = create_actions(self)
        set_icons(self.actions, self)
        self.docks: dict[str, LazyDock] = {}
        self._build_docks()
        self._build_menus()
        self._build_status()
        self._connect()
        self.autosaver = AutoSaver(self.session, self.settings.autosave_seconds(), self)
        for g in GUIDES:
            on = self.settings.guide(g)
            self.actions[f"guide_{g}"].setChecked(on)
            self.scene.set_guide(g, on)
        self.resize(1400, 950)
        if self.settings.geometry() is not None:
            self.restoreGeometry(self.settings.geometry())
        if self.settings.state() is not None:
            self.restoreState(self.settings.state())
        self._update_title()
        self._sync_edition_actions()

    # ------------------------------------------------------------ building
    def _build_docks(self) -> None:
        s = self.session
        # titles are translated where they are shown (_t in retranslate); these are the sources
        specs = (
            ("stories", "稿件", lambda: StoriesPanel(s), Qt.DockWidgetArea.LeftDockWidgetArea),
            ("pages", "版面", self._make_pages, Qt.DockWidgetArea.LeftDockWidgetArea),
            ("inspector", "属性", lambda: InspectorPanel(s), Qt.DockWidgetArea.RightDockWidgetArea),
            ("story_editor", "稿件编辑", lambda: StoryEditorPanel(s), Qt.DockWidgetArea.RightDockWidgetArea),
            ("preflight", "印前检查", self._make_preflight, Qt.DockWidgetArea.BottomDockWidgetArea),
            ("history", "历史", lambda: HistoryPanel(s), Qt.DockWidgetArea.BottomDockWidgetArea),
            ("review", "简繁审校", lambda: ReviewPanel(s), Qt.DockWidgetArea.BottomDockWidgetArea),
            ("phrases", "词库", lambda: PhrasesPanel(s), Qt.DockWidgetArea.BottomDockWidgetArea),
        )
        for name, title, factory, area in specs:
            dock = LazyDock(_t(title), name, factory, self)
            dock.source_title = title
            self.addDockWidget(area, dock)
            self.docks[name] = dock
        for name in ("history", "review", "phrases"):
            self.tabifyDockWidget(self.docks["preflight"], self.docks[name])
            self.docks[name].hide()
        self.docks["pages"].hide()
        self.resizeDocks([self.docks["preflight"]], [120], Qt.Orientation.Vertical)
        self.resizeDocks([self.docks["stories"], self.docks["inspector"]], [280, 300], Qt.Orientation.Horizontal)
        # the story's text needs the room; the inspector scrolls
        self.resizeDocks([self.docks["inspector"], self.docks["story_editor"]], [330, 600], Qt.Orientation.Vertical)

    def _make_pages(self) -> PagesPanel:
        p = PagesPanel(self.session)
        p.pageActivated.connect(self.show_page)
        return p

    def _make_preflight(self) -> PreflightPanel:
        p = PreflightPanel(self.session)
        p.blockActivated.connect(self.reveal_block)
        return p

    def panel(self, name: str):
        """A dock's panel widget (built on first request)."""
        return self.docks[name].panel()

    def _build_menus(self) -> None:
        a = self.actions
        self.recent_menu = None
        self._menus = []  # (menu, source title, context) for a language switch
        for title, names in MENUS:
            menu = self.menuBar().addMenu(QCoreApplication.translate("Menus", title))
            self._menus.append((menu, title, "Menus"))
            for n in names:
                if n is None:
                    menu.addSeparator()
                elif n == "recent":
                    self.recent_menu = menu.addMenu(_t("最近的文件"))
                    self._menus.append((self.recent_menu, "最近的文件", "MainWindow"))
                    self.recent_menu.aboutToShow.connect(self._fill_recent)
                elif n == "panels":
                    panels = menu.addMenu(_t("面板"))
                    self._menus.append((panels, "面板", "MainWindow"))
                    for d in self.docks.values():
                        panels.addAction(d.toggleViewAction())
                else:
                    menu.addAction(a[n])
        tb = self.toolbar = self.addToolBar(_t("工具"))
        tb.setObjectName("main_toolbar")
        tb.setIconSize(QSize(22, 22))
        for n in TOOLBAR:
            tb.addSeparator() if n is None else tb.addAction(a[n])
        editions = QActionGroup(self)
        for n in ("edition_source", "edition_s2twp", "edition_s2hk"):
            editions.addAction(a[n])
        langs = QActionGroup(self)
        for n in ("lang_zh", "lang_en"):
            langs.addAction(a[n])
        a[f"lang_{self.settings.language()}"].setChecked(True)

    def _build_status(self) -> None:
        self.zoom_label, self.page_label, self.pointer_label, self.fit_label = (QLabel() for _ in range(4))
        for w in (self.fit_label, self.pointer_label, self.page_label, self.zoom_label):
            self.statusBar().addPermanentWidget(w)

    def _connect(self) -> None:
        a, s = self.actions, self.session
        slots = {
            "new": self.new_document, "open": self.open_document, "save": self.save,
            "save_as": self.save_as, "import_copy": self.import_copy, "compose": self.compose_page,
            "export_pdf": self.export_pdf, "export_png": self.export_png,
            "print_preview": self.print_preview, "quit": self.close, "undo": s.undo_stack.undo,
            "redo": s.undo_stack.redo, "delete": self.delete_selection, "select_all": self.select_all,
            "bring_front": lambda: self.restack(+1), "send_back": lambda: self.restack(-1),
            "align_left": lambda: self.align("left"), "align_top": lambda: self.align("top"),
            "distribute_h": self.distribute, "zoom_in": lambda: self.view.zoom_by(1.25),
            "zoom_out": lambda: self.view.zoom_by(0.8), "zoom_fit_page": self.view.fit_page,
            "zoom_fit_width": self.view.fit_width, "zoom_100": self.view.actual_size,
            "edition_source": lambda: self.set_edition(""), "edition_s2twp": lambda: self.set_edition("s2twp"),
            "edition_s2hk": lambda: self.set_edition("s2hk"), "lang_zh": lambda: self.set_language("zh"),
            "lang_en": lambda: self.set_language("en"), "about": self.about,
            "place_image": self.place_image,
        }
        for name, slot in slots.items():
            # drop QAction's `checked` argument so it never lands in a slot's optional parameter
            a[name].triggered.connect(lambda _checked=False, f=slot: f())
        a["preview"].toggled.connect(self.set_preview)
        a["draw_block"].toggled.connect(lambda on: self._tool_toggled("draw", on))
        a["link_frames"].toggled.connect(lambda on: self._tool_toggled("link", on))
        self.scene.toolChanged.connect(self._tool_changed)
        a["side_by_side"].toggled.connect(self.set_side_by_side)
        for g in GUIDES:
            a[f"guide_{g}"].toggled.connect(functools.partial(self.set_guide, g))
        s.undo_stack.canUndoChanged.connect(a["undo"].setEnabled)
        s.undo_stack.canRedoChanged.connect(a["redo"].setEnabled)
        # bound methods, not lambdas: Qt drops the connection when the window is destroyed (the
        # stack clears itself on the way out and would call a deleted window)
        s.undo_stack.cleanChanged.connect(self._update_title)
        s.pathChanged.connect(self._update_title)
        s.changed.connect(self._update_status)
        a["undo"].setEnabled(False)
        a["redo"].setEnabled(False)
        self.scene.selectionChangedBlocks.connect(self._selection_changed)
        self.view.pointerMoved.connect(self._pointer)
        self.view.zoomChanged.connect(lambda z: self.zoom_label.setText(f"{z * 100:.0f}%"))

    def _tool_toggled(self, tool: str, on: bool) -> None:
        if on:
            self.scene.tool = tool
        elif self.scene.tool == tool:
            self.scene.tool = "select"

    def _tool_changed(self, tool: str) -> None:
        for name, t in (("draw_block", "draw"), ("link_frames", "link")):
            a = self.actions[name]
            a.blockSignals(True)
            a.setChecked(tool == t)
            a.blockSignals(False)
        if tool == "link":
            self.statusBar().showMessage(_t("续排：点接排的版块（点空白处取消）") if self.scene.link_source
                                         else _t("续排：先点要续排的版块"))
        else:
            self.statusBar().clearMessage()

    # ------------------------------------------------------------ status
    def _update_title(self, *_signal_args) -> None:
        name = Path(self.session.path).name if self.session.path else _t("未命名")
        self.setWindowTitle(f"{name}[*] — {_t('版面')}")
        self.setWindowModified(not self.session.undo_stack.isClean())

    def _update_status(self) -> None:
        n = len(self.session.doc.pages)
        self.page_label.setText(_t("第%1版 / 共%2版").replace("%1", str(self.scene.page_index + 1))
                                .replace("%2", str(n)))
        self._selection_changed(self.scene.selected_block_ids())

    def _pointer(self, p: QPointF) -> None:
        g = self.scene.page.spec.grid
        pitch = g.column_width + g.gutter
        col = int((p.x() - g.left) // pitch) + 1
        row = int((p.y() - g.top) // g.leading) + 1
        where = (_t("%1栏 %2行").replace("%1", str(col)).replace("%2", str(row))
                 if 1 <= col <= g.columns and 1 <= row <= g.rows else "—")
        self.pointer_label.setText(f"{where}  {to_mm(p.x()):.1f}, {to_mm(p.y()):.1f} mm")

    def _selection_changed(self, ids: list[str]) -> None:
        if len(ids) == 1:
            f = self.session.facts(self.scene.page_index, ids[0])
            found = self.session.doc.find_block(ids[0])
            if f is not None:
                self.fit_label.setText(_t("容量 %1行 %2字 · 稿件 %3字 %4")
                                       .replace("%1", str(f.capacity_lines)).replace("%2", str(f.capacity_chars))
                                       .replace("%3", str(f.needed_chars)).replace("%4", f.fit_label or "✓"))
            if found is not None:
                for name, method in (("inspector", "show_block"), ("story_editor", "show_story")):
                    if self.docks[name].is_built() or self.docks[name].isVisible():
                        panel = self.panel(name)
                        getattr(panel, method)(ids[0] if name == "inspector" else found[1].story_id)
        else:
            self.fit_label.setText(_t("已选 %1 个版块").replace("%1", str(len(ids))) if ids else "")

    # ------------------------------------------------------------ documents
    def show_error(self, message: str) -> None:
        QMessageBox.warning(self, _t("版面"), message)

    def set_document(self, doc: Document, path: str = "") -> None:
        """Start editing another document (a fresh history)."""
        self.autosaver.discard()
        self.session.undo_stack.clear()
        self.session.set_path(path)
        self.session.set_document(doc)
        self.scene.page_index = 0
        self.scene.refresh()
        self._sync_edition_actions()
        if path:
            self.settings.add_recent(path)

    def maybe_save(self) -> bool:
        """Ask about unsaved changes; False when the user cancels."""
        if self.session.undo_stack.isClean():
            return True
        r = QMessageBox.question(self, _t("版面"), _t("文档已修改，是否保存？"),
                                 QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                                 | QMessageBox.StandardButton.Cancel)
        if r == QMessageBox.StandardButton.Save:
            return bool(self.save())
        return r == QMessageBox.StandardButton.Discard

    @guarded
    def new_document(self) -> None:
        if self.maybe_save():
            self.set_document(empty_document())

    @guarded
    def open_document(self, path: str = "") -> None:
        if not self.maybe_save():
            return
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, _t("打开"), "", _t(DOC_FILTER))
        if path:
            self.set_document(load_document(path), path)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for p in self.settings.recent_files():
            act = self.recent_menu.addAction(p)
            act.triggered.connect(functools.partial(self.open_document, p))

    @guarded
    def save(self) -> bool:
        if not self.session.path:
            return bool(self.save_as())
        return self._write(self.session.path)

    @guarded
    def save_as(self, path: str = "") -> bool:
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, _t("另存为"), self.session.path or "page.banmian.json",
                                                  _t(DOC_FILTER))
        if not path:
            return False
        self.autosaver.discard()
        return self._write(path)

    def _write(self, path: str) -> bool:
        save_document(self.session.doc, path)
        self.session.set_path(path)
        self.session.undo_stack.setClean()
        self.autosaver.discard()
        self.settings.add_recent(path)
        self.statusBar().showMessage(_t("已保存 ") + path, 3000)
        return True

    def offer_recovery(self) -> bool:
        """After a crash: offer the newest recovery file; True if it was taken."""
        files = pending_recoveries()
        if not files:
            return False
        doc = read_recovery(files[0])
        if doc is None:
            return False
        r = QMessageBox.question(self, _t("恢复"), _t("版面上次没有正常关闭。是否恢复自动保存的文档？\n") + str(files[0]))
        if r != QMessageBox.StandardButton.Yes:
            files[0].unlink(missing_ok=True)
            return False
        # the recovered edits are unsaved: one undoable step over an empty page, not a clean file
        self.set_document(empty_document(), "")
        push(self.session, doc, _t("恢复"))
        files[0].unlink(missing_ok=True)
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        self.settings.save_window(self.saveGeometry(), self.saveState())
        self.autosaver.stop()
        self.autosaver.discard()
        event.accept()

    # ------------------------------------------------------------ copy and composition
    @guarded
    def import_copy(self, paths: Optional[list[str]] = None) -> None:
        from layout.importer import import_files

        if not paths:
            paths, _ = QFileDialog.getOpenFileNames(self, _t("导入稿件"), "", _t("稿件 (*.txt *.md *.docx)"))
        if not paths:
            return
        imported = import_files(paths)
        doc = self.session.doc
        known = {s.id for s in doc.stories}
        new = []
        for s in imported.stories:
            sid, n = s.id, 1
            while sid in known:
                n += 1
                sid = f"{s.id}-{n}"
            known.add(sid)
            new.append(replace(s, id=sid))
        push(self.session, replace(doc, stories=doc.stories + tuple(new)), _t("导入稿件"))
        self.docks["stories"].show()
        self.statusBar().showMessage(_t("导入了 %1 篇稿件").replace("%1", str(len(new))), 4000)

    @guarded
    def compose_page(self) -> None:
        """The engine's automatic makeup of all stories onto the current page size."""
        from layout.compose import compose_pages

        doc = self.session.doc
        if not doc.stories:
            raise UserError(_t("没有稿件可以组版"), hint=_t("先导入稿件"))
        page = doc.pages[self.scene.page_index] if doc.pages else empty_document().pages[0]
        result = compose_pages(list(doc.stories), page.spec, page.header, max_pages=max(1, len(doc.pages)))
        after = replace(result.document, stories=doc.stories, edition=doc.edition, phrases=doc.phrases,
                        title=doc.title)
        push(self.session, after, _t("自动组版"))
        # The engine's report is English and long (one line per story): the status bar gets a
        # short summary, the report stays readable in its tooltip.
        placed = {b.story_id for p in after.pages for b in p.blocks}
        left = [s for s in after.stories if s.id not in placed]
        self.statusBar().setToolTip("\n".join(result.report))
        self.statusBar().showMessage(_t("自动组版：%1 篇稿件排进 %2 个版面，%3 篇未排")
                                     .replace("%1", str(len(after.stories) - len(left)))
                                     .replace("%2", str(len(after.pages))).replace("%3", str(len(left))))
        if left:
            QMessageBox.information(self, _t("自动组版"), _t(
                "%1 篇稿件没有排进版面，仍在稿件面板里（标为“未排”）。\n"
                "可以在版面面板里加一个版面再自动组版，或把稿件拖到版面上。").replace("%1", str(len(left))))

    # ------------------------------------------------------------ block edits
    def _page(self) -> Page:
        return self.session.doc.pages[self.scene.page_index]

    def _selected(self):
        ids = set(self.scene.selected_block_ids())
        return [b for b in self._page().blocks if b.id in ids]

    def _replace_page(self, page: Page) -> Document:
        doc = self.session.doc
        pages = list(doc.pages)
        pages[self.scene.page_index] = page
        return replace(doc, pages=tuple(pages))

    @guarded
    def delete_selection(self) -> None:
        ids = set(self.scene.selected_block_ids())
        if ids:
            page = self._page()
            page = replace(page, blocks=tuple(b for b in page.blocks if b.id not in ids))
            push(self.session, self._replace_page(page), _t("删除版块"))

    def select_all(self) -> None:
        for it in self.scene.block_items():
            it.setSelected(True)

    @guarded
    def restack(self, direction: int) -> None:
        sel = self._selected()
        if not sel:
            return
        zs = [b.z for b in self._page().blocks]
        z = (max(zs) + 1) if direction > 0 else (min(zs) - 1)
        doc = self.session.doc
        for b in sel:
            doc = doc.replace_block(replace(b, z=z))
        push(self.session, doc, _t("移到最前") if direction > 0 else _t("移到最后"))

    @guarded
    def align(self, edge: str) -> None:
        sel = self._selected()
        if len(sel) < 2:
            return
        doc = self.session.doc
        target = min(b.col for b in sel) if edge == "left" else min(b.row for b in sel)
        for b in sel:
            doc = doc.replace_block(replace(b, col=target) if edge == "left" else replace(b, row=target))
        push(self.session, doc, _t("对齐"))

    @guarded
    def distribute(self) -> None:
        """Place the selected blocks side by side from the leftmost, one column apart-free."""
        sel = sorted(self._selected(), key=lambda b: b.col)
        if len(sel) < 2:
            return
        grid = self._page().spec.grid
        col, doc = sel[0].col, self.session.doc
        for b in sel:
            doc = doc.replace_block(replace(b, col=min(col, grid.columns - b.cols)))
            col += b.cols
        push(self.session, doc, _t("水平分布"))

    def place_story(self, story_id: str, scene_pos: QPointF) -> None:
        """Drop of a story from the Stories panel: a new block of 2 columns × 30 lines there."""
        grid = self._page().spec.grid
        cols, rows = min(2, grid.columns), min(30, grid.rows)
        col = max(0, min(grid.columns - cols, grid.col_at(scene_pos.x())))
        row = max(0, min(grid.rows - rows, grid.row_at(scene_pos.y())))
        bid = self.scene.add_block(col, row, cols, rows)
        # the new block takes the dropped story instead of an empty one
        doc = self.session.doc
        _i, b = doc.find_block(bid)
        stories = tuple(s for s in doc.stories if s.id != b.story_id)
        self.session.undo_stack.undo()
        after = replace(doc.replace_block(replace(b, story_id=story_id)), stories=stories)
        push(self.session, after, _t("放置稿件"))
        self.scene.select_block(bid)

    def eventFilter(self, obj, event) -> bool:
        """Story drops on the canvas; copy files dropped anywhere are imported."""
        t = event.type()
        if obj is self.view.viewport() and t in (event.Type.DragEnter, event.Type.DragMove):
            if event.mimeData().hasFormat(STORY_MIME) or event.mimeData().hasUrls():
                event.acceptProposedAction()
                return True
        if obj is self.view.viewport() and t == event.Type.Drop:
            md = event.mimeData()
            if md.hasFormat(STORY_MIME):
                sid = bytes(md.data(STORY_MIME)).decode("utf-8")
                self.place_story(sid, self.view.mapToScene(event.position().toPoint()))
                event.acceptProposedAction()
                return True
            images = [u.toLocalFile() for u in md.urls() if u.toLocalFile().lower().endswith(IMAGE_SUFFIXES)]
            if images:
                self.drop_image(images[0], self.view.mapToScene(event.position().toPoint()))
                event.acceptProposedAction()
                return True
            self.dropEvent(event)
            return True
        return super().eventFilter(obj, event)

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        images = [p for p in paths if p.lower().endswith(IMAGE_SUFFIXES)]
        if images:  # outside the canvas: into the selected block
            self.drop_image(images[0], None)
            event.acceptProposedAction()
            return
        copy = [p for p in paths if p.lower().endswith(COPY_SUFFIXES)]
        docs = [p for p in paths if p.lower().endswith(".json")]
        if copy:
            self.import_copy(copy)
        elif docs:
            self.open_document(docs[0])
        event.acceptProposedAction()

    @guarded
    def drop_image(self, path: str, scene_pos: Optional[QPointF]) -> None:
        """An image file dropped on the canvas goes into the block under it (else the selected one)."""
        it = self.scene.block_at(scene_pos) if scene_pos is not None else None
        ids = [it.block_id] if it is not None else self.scene.selected_block_ids()
        if not ids:
            raise UserError(_t("图片要放进版块"), where=path, hint=_t("把图片拖到一个版块上"))
        self.session.allow_image(path)  # dropped here: readable wherever it lies
        self.scene.set_block_image(ids[0], os.path.abspath(path))
        self.scene.select_block(ids[0])

    @guarded
    def place_image(self, path: str = "") -> None:
        """Place a picture from a file into the selected block (置入)."""
        ids = self.scene.selected_block_ids()
        if len(ids) != 1:
            raise UserError(_t("先选中一个版块"), hint=_t("图片置入选中的版块"))
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, _t("置入图片"), "", _t(IMAGE_FILTER))
        if path:
            self.session.allow_image(path)  # chosen here: readable wherever it lies
            self.scene.set_block_image(ids[0], os.path.abspath(path))
            self.scene.select_block(ids[0])

    # ------------------------------------------------------------ view
    def show_page(self, index: int) -> None:
        if 0 <= index < len(self.session.doc.pages) and index != self.scene.page_index:
            self.scene.page_index = index
            self.scene.clearSelection()
            self.scene.refresh()
            self._update_status()

    def reveal_block(self, page: int, block_id: str) -> None:
        self.show_page(page)
        self.scene.select_block(block_id)
        it = self.scene.block_item(block_id)
        if it is not None:
            self.view.ensureVisible(it.sceneBoundingRect())

    def set_preview(self, on: bool) -> None:
        self.scene.set_preview(on)
        self.actions["preview"].setChecked(on)

    def set_guide(self, guide: str, on: bool) -> None:
        self.scene.set_guide(guide, on)
        self.settings.set_guide(guide, on)

    @guarded
    def set_edition(self, config: str) -> None:
        doc = self.session.doc
        if doc.edition != config:
            push(self.session, replace(doc, edition=config), _t("切换版本"))
            if config:
                self.docks["review"].show()
                self.docks["review"].raise_()
        self._sync_edition_actions()

    def set_side_by_side(self, on: bool) -> None:
        """Source and edition of the current page side by side, in place of the canvas."""
        self.actions["side_by_side"].setChecked(on)
        if on:
            self.editions.page_index = self.scene.page_index
            self.editions.follow_document()
        self.central.setCurrentWidget(self.editions if on else self.view)
        if on:
            self.editions.refresh()
            self.editions.fit()

    def _sync_edition_actions(self) -> None:
        name = {"": "edition_source", "s2twp": "edition_s2twp", "s2hk": "edition_s2hk"}.get(self.session.doc.edition)
        if name:
            self.actions[name].setChecked(True)

    def set_language(self, lang: str) -> None:
        """Switch the interface language now (QEvent.LanguageChange retranslates) and keep it."""
        from .app import switch_language

        self.settings.set_language(lang)
        self.actions[f"lang_{lang}"].setChecked(True)
        switch_language(lang)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Every visible string again in the current language: actions, menus, toolbar, docks, panels."""
        retranslate_actions(self.actions)
        for menu, title, context in self._menus:
            menu.setTitle(QCoreApplication.translate(context, title))
        self.toolbar.setWindowTitle(_t("工具"))
        for d in self.docks.values():
            d.setWindowTitle(_t(d.source_title))
            d.rebuild()
        self._update_title()
        self._update_status()

    def about(self) -> None:
        QMessageBox.about(self, _t("关于版面"), _t("版面 Banmian — 中文报纸版面编辑器。"))

    # ------------------------------------------------------------ output
    @guarded
    def export_pdf(self, path: str = "", ask_open: bool = True) -> str:
        """Lay out every page (cancellable) and write the PDF through layout.export.export_document,
        the CLI's `export`: the same document gives the same file."""
        from layout.export import export_document

        if not path:
            base = Path(self.session.path).name.replace(".banmian.json", "") if self.session.path else "page"
            path, _ = QFileDialog.getSaveFileName(self, _t("导出 PDF"), base + ".pdf", "PDF (*.pdf)")
        if not path:
            return ""
        doc = self.session.doc
        progress = QProgressDialog(_t("正在导出 PDF…"), _t("取消"), 0, len(doc.pages) + 1, self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)
        displays = []
        for i in range(len(doc.pages)):
            progress.setValue(i)
            QApplication.processEvents()
            if progress.wasCanceled():
                return ""
            displays.append(lay_out_page(doc, i, images=self.session.images))
        progress.setValue(len(doc.pages))
        result = export_document(doc, path, displays=displays)
        if result.refused:
            from .panels.preflight import finding_text

            errors = [f for f in result.findings if f.severity == "error"]
            listing = "\n".join(f"{_t('第%1版').replace('%1', str(f.page + 1))} {f.block}: {finding_text(f)}"
                                 for f in errors[:8])
            if QMessageBox.question(self, _t("导出 PDF"), _t("印前检查发现错误：\n") + listing + "\n\n"
                                    + _t("仍然导出吗？")) != QMessageBox.StandardButton.Yes:
                return ""
            export_document(doc, path, displays=displays, force=True)
        progress.setValue(len(doc.pages) + 1)
        if ask_open and QMessageBox.question(self, _t("导出 PDF"), _t("已导出。现在打开吗？\n") + path) \
                == QMessageBox.StandardButton.Yes:
            QDesktopServices.openUrl(QUrl.fromLocalFile(os.path.abspath(path)))
        return path

    @guarded
    def export_png(self, path: str = "", dpi: int = 150) -> str:
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, _t("导出 PNG"), "page.png", "PNG (*.png)")
        if not path:
            return ""
        d = self.session.display(self.scene.page_index)
        base = str(Path(self.session.path).parent) if self.session.path else ""
        if not render_page_image(d, round(d.width / 72 * dpi), base).save(path):
            raise UserError(_t("无法写入 PNG"), where=path, hint=_t("换一个文件夹"))
        return path

    @guarded
    def print_preview(self) -> None:
        """Export to a temporary PDF and show it with QtPdf: the print, not the canvas."""
        import tempfile

        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView

        tmp = os.path.join(tempfile.mkdtemp(prefix="banmian-"), "preview.pdf")
        if not self.export_pdf(tmp, ask_open=False):
            return
        dlg = QDialog(self)
        dlg.setWindowTitle(_t("打印预览"))
        pdf = QPdfDocument(dlg)
        pdf.load(tmp)
        view = QPdfView(dlg)
        view.setDocument(pdf)
        view.setZoomMode(QPdfView.ZoomMode.FitInView)
        lay = QVBoxLayout(dlg)
        lay.addWidget(view)
        dlg.resize(800, 1000)
        dlg.show()

