"""Display lists for the PDF and preflight tests, made with the real typesetter and bundled fonts
(composition is not needed: columns are filled line by line on the page grid)."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from layout.display import BLACK, BlockFacts, BoxItem, ImageItem, PageDisplay, RuleItem
from layout.model import PageSpec
from layout.typeset import TextStyle, set_paragraph
from layout.units import mm

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "jiceng-page.txt"
TINT = (0.0, 0.0, 0.0, 0.1)


def sample_spec() -> PageSpec:
    return PageSpec(width=mm(330), height=mm(480), bleed=mm(3))


def sample_page(text: Optional[str] = None, image: Optional[str] = None, label: str = "A05",
                pixel_size=(0, 0)) -> PageDisplay:
    """The sample copy set on a 330 × 480 mm page: a headline over six columns of body, a photo
    with a tinted box in the last two columns, column rules."""
    text = SAMPLE.read_text(encoding="utf-8") if text is None else text
    paras = [p.strip() for p in text.splitlines() if p.strip()]
    head, body = paras[0], paras[1:]
    spec = sample_spec()
    g = spec.grid
    items: list = [RuleItem(g.left, g.top - 4, g.left + g.width, g.top - 4, 1.5, BLACK)]
    hstyle = TextStyle(role="hei", size=36.0, indent=0.0, align="left")
    for line in set_paragraph(head, g.span_width(6), hstyle):
        items += line.runs(g.left, g.baseline(3, 36.0), hstyle, story_id="s1", role="head")
    style = TextStyle()
    col, row, first_row, cols = 0, 6, 6, 6
    offset, overset = 0, 0
    for para in body:
        for line in set_paragraph(para, g.column_width, style):
            if row >= g.rows:
                col, row = col + 1, first_row
            if col >= cols:
                overset += line.end - line.start
                continue
            items += line.runs(g.col_x(col), g.baseline(row), style, story_id="s1", base_offset=offset)
            row += 1
        offset += len(para)
    for c in range(1, cols):
        x = g.col_x(c) - g.gutter / 2
        items.append(RuleItem(x, g.row_y(first_row), x, g.row_y(g.rows), 0.5, BLACK))
    x6, w2 = g.col_x(6), g.span_width(2)
    items.append(BoxItem(x6, g.row_y(0), w2, g.row_y(30) - g.row_y(0), fill=TINT))
    if image:
        items.append(ImageItem(x6 + 6, g.row_y(1), w2 - 12, 150.0, image, pixel_size=pixel_size))
    cap = TextStyle(role="kai", size=8.0, indent=0.0, align="left")
    for n, line in enumerate(set_paragraph("图为闸弄口街道“蓝天·同心荟”幸福食堂。", w2 - 12, cap)):
        items += line.runs(x6 + 6, g.row_y(14) + 10 + n * 11, cap, story_id="s2", role="caption")
    blocks = (BlockFacts("b1", "s1", g.left, g.row_y(0), g.span_width(6), g.height, lines=row,
                         overset_chars=overset),
              BlockFacts("b2", "s2", x6, g.row_y(0), w2, g.row_y(30) - g.row_y(0), lines=2))
    return PageDisplay(spec.width, spec.height, spec.bleed, tuple(items), blocks, label=label)


def make_jpeg(path: Path, size=(1200, 800), mode: str = "CMYK") -> Path:
    """A photo-like JPEG (gradients) written with Pillow."""
    from PIL import Image

    im = Image.radial_gradient("L").resize(size)
    lin = Image.linear_gradient("L").resize(size)
    if mode == "L":
        out = im
    elif mode == "RGB":
        out = Image.merge("RGB", (im, lin, lin.transpose(Image.Transpose.FLIP_LEFT_RIGHT)))
    else:
        out = Image.merge("CMYK", (lin, im, lin.transpose(Image.Transpose.FLIP_TOP_BOTTOM), im.point(lambda v: v // 3)))
    out.save(path, "JPEG", quality=85)
    return path
