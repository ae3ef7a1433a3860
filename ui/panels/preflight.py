"""The Preflight panel: findings of every page (and every overset or underset block); a click
selects the block it is about."""
from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from ..session import EditorSession
from . import debounce

ICONS = {"error": "✖", "warning": "⚠", "info": "ℹ"}  # in the common fonts (⛔ is in few: it showed as a box)

# Finding.code → (pattern on the engine's English message, Chinese template with {names}).
# The engine speaks English; the editor shows findings in its interface language. A code not
# listed here (or a message the pattern does not match) is shown as the engine wrote it.
TEMPLATES: dict[str, tuple[str, str]] = {
    "overset": (r"(?P<n>\d+) characters|超(?P<m>\d+)字", "超{n}字：稿件放不下，请加大版块、删稿或续排"),
    "empty-block": (r"", "空版块：版块里没有内容"),
    "tofu": (r"no font has '(?P<chars>[^']*)'", "字库缺字 {chars}：印出来会是空框"),
    "font-licence": (r"font (?P<font>\S+):", "字体 {font} 的授权不允许嵌入或子集化"),
    "font": (r"", "字体有问题：{message}"),
    "image-empty": (r"", "图片框还没有置入图片（会印成灰框）"),
    "image-missing": (r"picture (?:missing: |')(?P<name>[^']+)", "找不到图片 {name}：请放回文件或另选图片"),
    "image-unreadable": (r"", "图片无法读取：{message}"),
    "image-ppi": (r"(?P<ppi>\d+) ?ppi", "图片分辨率只有 {ppi} ppi，印刷会模糊"),
    "rgb-image": (r"picture (?P<name>\S+)", "图片 {name} 是 RGB 色彩"),
    "trim": (r"text '(?P<text>[^']*)'", "文字“{text}”越过裁切线，会被裁掉"),
    "bleed": (r"", "有对象伸出出血线或只压到裁切线"),
    "rich-black": (r"", "小字或线条用了四色黑，应只用单黑 100K"),
    "head-overflow": (r"headline of (?P<story>\S+)", "{story} 的标题放不进标题区"),
    "story-missing": (r"story '(?P<story>[^']+)'", "版块显示的稿件 {story} 不在文档里"),
}


def finding_text(f) -> str:
    """A finding's message in the interface language (see TEMPLATES)."""
    from PySide6.QtCore import QCoreApplication

    if QCoreApplication.instance().property("ui_language") == "en" or f.code not in TEMPLATES:
        return f.message
    pattern, template = TEMPLATES[f.code]
    m = re.search(pattern, f.message)
    if m is None:
        return f.message
    values = {k: v for k, v in m.groupdict().items() if v is not None}
    if "m" in values:
        values.setdefault("n", values["m"])
    values["message"] = f.message
    try:
        return template.format(**values)
    except KeyError:
        return f.message


class PreflightPanel(QListWidget):
    blockActivated = Signal(int, str)  # page index, block id

    def __init__(self, session: EditorSession) -> None:
        super().__init__()
        self.session = session
        self._later = debounce(self, self.refresh)
        session.changed.connect(self._later.start)
        self.itemClicked.connect(self._activate)
        self.refresh()

    def refresh(self) -> None:
        self.clear()
        doc = self.session.shown
        for i in range(len(doc.pages)):
            d = self.session.display(i)
            for f in d.findings:
                # the block's name, as the overset lines have it: three "empty picture frame" lines
                # are otherwise indistinguishable
                where = f"{f.block}: " if f.block else ""
                self._add(f"{ICONS.get(f.severity, '')} {self.tr('第%1版').replace('%1', str(i + 1))} "
                          f"{where}{finding_text(f)}", i, f.block)
            for b in d.blocks:
                if b.fit_label:
                    self._add(f"{ICONS['warning']} {self.tr('第%1版').replace('%1', str(i + 1))} "
                              f"{b.block_id}: {b.fit_label}", i, b.block_id)
        if self.count() == 0:
            self._add("✓ " + self.tr("没有问题"), -1, "")

    def _add(self, text: str, page: int, block: str) -> None:
        it = QListWidgetItem(text)
        it.setData(Qt.ItemDataRole.UserRole, (page, block))
        self.addItem(it)

    def _activate(self, item: QListWidgetItem) -> None:
        page, block = item.data(Qt.ItemDataRole.UserRole)
        if block:
            self.blockActivated.emit(page, block)
