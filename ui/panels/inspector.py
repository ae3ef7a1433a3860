"""The Inspector: the selected block's geometry in 栏/行 (and mm), headline treatment, body columns,
box and tint. Each change is one undo step."""
from __future__ import annotations

from dataclasses import replace
from typing import Optional

from PySide6.QtWidgets import (QComboBox, QDoubleSpinBox, QFormLayout, QLabel, QScrollArea, QSpinBox,
                               QVBoxLayout, QWidget)

from layout.model import Block, Notch
from layout.units import to_mm

from ..commands import push
from ..edits import link_frames
from ..session import EditorSession

FACES = (("hei", "黑体"), ("song", "标宋"), ("kai", "楷体"))
ORIENTATIONS = (("horizontal", "横题"), ("vertical", "竖题"))
FRAMES = (("none", "无"), ("line", "单线"), ("double", "双线"), ("dotted", "点线"), ("flower", "花边"))
CORNERS = (("", "矩形"), ("bottom-right", "右下拐弯"), ("bottom-left", "左下拐弯"), ("top-right", "右上拐弯"),
           ("top-left", "左上拐弯"))
FITS = (("fill", "充满（裁切）"), ("fit", "完整显示"), ("manual", "手动裁切"))


class InspectorPanel(QWidget):
    def __init__(self, session: EditorSession) -> None:
        super().__init__()
        self.session = session
        self.block_id = ""
        self._loading = False
        self.title = QLabel(self.tr("未选择版块"))
        self.col, self.row, self.cols, self.rows = (QSpinBox() for _ in range(4))
        self.mm = QLabel()
        self.head_size = QDoubleSpinBox()
        self.head_size.setRange(0, 200)
        self.head_size.setSpecialValueText(self.tr("自动"))
        self.head_face = self._combo(FACES)
        self.head_orient = self._combo(ORIENTATIONS)
        self.head_span = QSpinBox()
        self.head_span.setSpecialValueText(self.tr("通栏"))
        self.body_columns = QSpinBox()
        self.body_columns.setSpecialValueText(self.tr("按栏"))
        self.frame = self._combo(FRAMES)
        self.tint = QDoubleSpinBox()
        self.tint.setRange(0, 1)
        self.tint.setSingleStep(0.05)
        self.notch_corner = self._combo(CORNERS)
        self.notch_cols, self.notch_rows = QSpinBox(), QSpinBox()
        self.next_block = QComboBox()
        self.image_fit = self._combo(FITS)
        form = QFormLayout()
        for label, w in ((self.tr("栏"), self.col), (self.tr("行"), self.row), (self.tr("宽（栏）"), self.cols),
                         (self.tr("高（行）"), self.rows), (self.tr("毫米"), self.mm),
                         (self.tr("标题字号"), self.head_size), (self.tr("标题字体"), self.head_face),
                         (self.tr("标题方向"), self.head_orient), (self.tr("标题跨栏"), self.head_span),
                         (self.tr("正文栏数"), self.body_columns), (self.tr("框线"), self.frame),
                         (self.tr("底纹"), self.tint), (self.tr("拐弯"), self.notch_corner),
                         (self.tr("拐弯宽（栏）"), self.notch_cols), (self.tr("拐弯高（行）"), self.notch_rows),
                         (self.tr("续排到"), self.next_block), (self.tr("图片适配"), self.image_fit)):
            form.addRow(label, w)
        inner = QWidget()
        inner_lay = QVBoxLayout(inner)
        inner_lay.addWidget(self.title)
        inner_lay.addLayout(form)
        inner_lay.addStretch(1)
        scroll = QScrollArea()  # many fields: the dock can stay short and leave room to the text
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(scroll)
        for w in (self.col, self.row, self.cols, self.rows, self.head_span, self.body_columns,
                  self.notch_cols, self.notch_rows):
            w.valueChanged.connect(self._apply)
        for w in (self.head_size, self.tint):
            w.valueChanged.connect(self._apply)
        for w in (self.head_face, self.head_orient, self.frame, self.notch_corner, self.image_fit):
            w.currentIndexChanged.connect(self._apply)
        self.next_block.currentIndexChanged.connect(self._apply_link)
        session.changed.connect(self._reload)
        self.setEnabled(False)

    def _combo(self, options) -> QComboBox:
        c = QComboBox()
        for key, label in options:
            c.addItem(self.tr(label), key)
        return c

    def show_block(self, block_id: str) -> None:
        self.block_id = block_id
        self._reload()

    def _block(self) -> Optional[tuple[int, Block]]:
        return self.session.doc.find_block(self.block_id) if self.block_id else None

    def _reload(self) -> None:
        found = self._block()
        self.setEnabled(found is not None)
        if found is None:
            self.title.setText(self.tr("未选择版块"))
            return
        page_i, b = found
        grid = self.session.doc.pages[page_i].spec.grid
        self._loading = True
        try:
            self.title.setText(f"{b.id} · {b.story_id}")
            self.col.setRange(1, grid.columns)
            self.row.setRange(1, grid.rows)
            self.cols.setRange(1, grid.columns)
            self.rows.setRange(1, grid.rows)
            self.head_span.setRange(0, grid.columns)
            self.body_columns.setRange(0, grid.columns)
            # 栏 and 行 are counted from 1 on screen, as editors say them
            self.col.setValue(b.col + 1)
            self.row.setValue(b.row + 1)
            self.cols.setValue(b.cols)
            self.rows.setValue(b.rows)
            x, y, w, h = grid.rect(b.col, b.row, b.cols, b.rows)
            self.mm.setText(f"{to_mm(x):.1f}, {to_mm(y):.1f} · {to_mm(w):.1f} × {to_mm(h):.1f} mm")
            self.head_size.setValue(b.head.size)
            self.head_face.setCurrentIndex(max(0, self.head_face.findData(b.head.face)))
            self.head_orient.setCurrentIndex(max(0, self.head_orient.findData(b.head.orientation)))
            self.head_span.setValue(b.head.span)
            self.body_columns.setValue(b.body_columns)
            self.frame.setCurrentIndex(max(0, self.frame.findData(b.box.frame)))
            self.tint.setValue(b.box.tint)
            n = b.notch
            self.notch_corner.setCurrentIndex(max(0, self.notch_corner.findData(n.corner if n else "")))
            self.notch_cols.setRange(1, max(1, b.cols - 1))
            self.notch_rows.setRange(1, max(1, b.rows - 1))
            self.notch_cols.setValue(n.cols if n else max(1, b.cols // 2))
            self.notch_rows.setValue(n.rows if n else max(1, b.rows // 2))
            for w in (self.notch_cols, self.notch_rows):
                w.setEnabled(n is not None)
            self.next_block.clear()
            self.next_block.addItem(self.tr("（不续排）"), "")
            for p in self.session.doc.pages:
                for other in p.blocks:
                    if other.id != b.id:
                        self.next_block.addItem(f"{other.id} · {other.story_id}", other.id)
            self.next_block.setCurrentIndex(max(0, self.next_block.findData(b.next_block)))
            self.image_fit.setEnabled(b.image is not None)
            self.image_fit.setCurrentIndex(max(0, self.image_fit.findData(b.image.fit if b.image else "fill")))
        finally:
            self._loading = False

    def _apply(self, *_args) -> None:
        found = self._block()
        if self._loading or found is None:
            return
        page_i, b = found
        grid = self.session.doc.pages[page_i].spec.grid
        cols = min(self.cols.value(), grid.columns)
        rows = min(self.rows.value(), grid.rows)
        new = replace(
            b, col=min(self.col.value() - 1, grid.columns - cols), row=min(self.row.value() - 1, grid.rows - rows),
            cols=cols, rows=rows, body_columns=self.body_columns.value(),
            head=replace(b.head, size=self.head_size.value(), face=self.head_face.currentData(),
                         orientation=self.head_orient.currentData(), span=self.head_span.value()),
            box=replace(b.box, frame=self.frame.currentData(), tint=self.tint.value()))
        corner = self.notch_corner.currentData()
        new = replace(new, notch=Notch(corner, min(self.notch_cols.value(), cols - 1),
                                       min(self.notch_rows.value(), rows - 1))
                      if corner and cols > 1 and rows > 1 else None)
        if b.image is not None:
            new = replace(new, image=replace(b.image, fit=self.image_fit.currentData()))
        push(self.session, self.session.doc.replace_block(new), self.tr("修改版块属性"))

    def _apply_link(self, *_args) -> None:
        found = self._block()
        if self._loading or found is None:
            return
        after = link_frames(self.session.doc, found[1].id, self.next_block.currentData() or "")
        if after is not None:
            push(self.session, after, self.tr("续排版块"))
