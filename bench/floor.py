"""The floor: the least any reportlab exporter can cost for the page — its characters drawn as
pre-positioned lines with `drawString` in the same font files, no layout at all.

The lines come from Banmian's own display list (every glyph run's characters, grouped into the
lines they sit on, at the first glyph's origin), so the floor draws the same characters in the same
fonts; until the pipeline lands they are read from the Typst peer's PDF instead. The line file is
made untimed; the timed process only registers the fonts, draws and saves.

    python3 bench/floor.py LINES.json -o FLOOR.pdf     the timed floor process; prints its PDF-stage ms
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

FONT_DIR = Path(__file__).resolve().parent.parent / "fonts"


def draw(pages: list[dict], out: Path) -> None:
    """Register the fonts the lines use, draw every line with drawString, save the PDF."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    fonts = {ln["font"] for page in pages for ln in page["lines"]}
    for key in sorted(fonts):
        pdfmetrics.registerFont(TTFont(key, str(FONT_DIR / f"{key}.ttf")))
    first = sorted(fonts)[0] if fonts else None
    c = Canvas(str(out), pagesize=(pages[0]["width"], pages[0]["height"]), pageCompression=1,
               initialFontName=first, initialFontSize=9)
    for page in pages:
        c.setPageSize((page["width"], page["height"]))
        h = page["height"]
        cur = None
        for ln in page["lines"]:
            if cur != (ln["font"], ln["size"]):
                cur = (ln["font"], ln["size"])
                c.setFont(*cur)
            c.drawString(ln["x"], h - ln["y"], ln["text"])
        c.showPage()
    c.save()


def _main(argv: list[str]) -> int:
    t = time.perf_counter()
    pages = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    draw(pages, Path(argv[argv.index("-o") + 1]))
    print(json.dumps({"pdf_stage_ms": round((time.perf_counter() - t) * 1000, 2)}))
    return 0


def lines_from_display(displays) -> list[dict]:
    """Lines of a display list: consecutive glyphs of one run on one baseline, drawn from the first
    glyph's origin (vertical and rotated glyphs are drawn one per line at their own origins)."""
    pages = []
    for d in displays:
        lines = []
        for item in d.items:
            if not hasattr(item, "glyphs") or not item.glyphs:
                continue
            start = 0
            for i in range(1, len(item.glyphs) + 1):
                brk = (i == len(item.glyphs) or item.vertical or abs(item.ys[i] - item.ys[start]) > 0.01
                       or item.xs[i] < item.xs[i - 1])
                if brk:
                    text = "".join(item.text[start:i])
                    if text.strip():
                        lines.append({"font": item.font, "size": item.size, "x": round(item.xs[start], 2),
                                      "y": round(item.ys[start], 2), "text": text})
                    start = i
        pages.append({"width": d.width, "height": d.height, "lines": lines})
    return pages


def lines_from_pdf(pdf: Path) -> list[dict]:
    """Lines of another PDF (the Typst peer's) read back with pdfplumber: the fallback source."""
    import pdfplumber

    pages = []
    with pdfplumber.open(str(pdf)) as doc:
        for page in doc.pages:
            rows: dict[tuple, list] = {}
            for ch in page.chars:
                font = ch["fontname"].split("+", 1)[-1]
                if not (FONT_DIR / f"{font}.ttf").exists():
                    continue
                key = (font, round(ch["size"], 2), round(ch["top"] + ch["size"] * 0.88, 1),
                       int(ch["x0"] // 126))  # one line per column
                rows.setdefault(key, []).append(ch)
            lines = []
            for (font, size, y, _), chars in rows.items():
                chars.sort(key=lambda c: c["x0"])
                lines.append({"font": font, "size": size, "x": round(chars[0]["x0"], 2), "y": y,
                              "text": "".join(c["text"] for c in chars)})
            pages.append({"width": float(page.width), "height": float(page.height), "lines": lines})
    return pages


def write_lines(pages: list[dict], out: Path) -> int:
    """Write the line file; returns the number of characters it draws."""
    out.write_text(json.dumps(pages, ensure_ascii=False), encoding="utf-8")
    return sum(len(ln["text"]) for p in pages for ln in p["lines"])


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
