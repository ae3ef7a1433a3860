"""A check of the typesetter alone: set the sample page's paragraphs in 13-em columns of 9 pt NotoSerifSC with the
typesetter and draw every glyph at its exact position with reportlab, for pdfcheck.py.

    python3 bench/sample_columns.py out.pdf [--vertical]
"""
from __future__ import annotations

import sys
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from layout.fonts import default_registry  # noqa: E402
from layout.typeset import TextStyle, set_paragraph  # noqa: E402

SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "jiceng-page.txt"
SIZE, COLS, LEAD = 9.0, 13, 14.0
PAGE_W, PAGE_H, MARGIN, GUTTER = 842.0, 1191.0, 36.0, 12.0


def paragraphs() -> list[str]:
    text = SAMPLE.read_text(encoding="utf-8")
    table = str.maketrans({",": "，", "(": "（", ")": "）"})
    return [p.strip().translate(table) for p in text.split("\n\n") if p.strip()]


def main(out: str, vertical: bool) -> None:
    fonts = default_registry()
    c = canvas.Canvas(out, pagesize=(PAGE_W, PAGE_H))
    registered: set[str] = set()
    measure = COLS * SIZE
    style = TextStyle(size=SIZE)
    col, y = 0, MARGIN
    ncols = int((PAGE_W - 2 * MARGIN + GUTTER) // (measure + GUTTER))
    runs_on_page = []
    for para in paragraphs():
        for line in set_paragraph(para, measure, style, fonts):
            if y + LEAD > PAGE_H - MARGIN:
                col, y = col + 1, MARGIN
                if col >= ncols:
                    draw(c, runs_on_page, registered, fonts)
                    c.showPage()
                    runs_on_page, col = [], 0
            x = MARGIN + col * (measure + GUTTER)
            runs_on_page += line.runs(x, y + SIZE * 0.88, style)
            y += LEAD
        y += 0  # no space between paragraphs (clreq 3.5.1)
    if vertical:
        vstyle = TextStyle(size=SIZE * 2, indent=0, vertical=True)
        axis = PAGE_W - MARGIN - SIZE
        for line in set_paragraph("“同心联盟”引领——新阶层（LOFT式）服务10分钟，送餐5分钟。", 400, vstyle, fonts):
            runs_on_page += line.runs(axis, PAGE_H - MARGIN - 420, vstyle)
            axis -= SIZE * 2.5
    draw(c, runs_on_page, registered, fonts)
    c.save()


def draw(c, runs, registered, fonts) -> None:
    for r in runs:
        if r.font not in registered:
            pdfmetrics.registerFont(TTFont(r.font, fonts.path(r.font)))
            registered.add(r.font)
        for k, ch in enumerate(r.text):
            t = c.beginText()
            t.setFont(r.font, r.size)
            if r.rotated and r.rotated[k]:
                t.setTextTransform(0, -1, 1, 0, r.xs[k], PAGE_H - r.ys[k])
            else:
                t.setTextOrigin(r.xs[k], PAGE_H - r.ys[k])
            t.textOut(ch)
            c.drawText(t)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "out.pdf", "--vertical" in sys.argv)
