"""PNG previews of an exported PDF: size follows the chosen resolution, the page is really drawn."""
from __future__ import annotations

import pytest
from PIL import Image

from layout.display import BoxItem, PageDisplay
from layout.errors import UserError
from layout.pdf import PdfOptions, write_pdf
from layout.preview import write_png
from layout.units import mm


def test_png_preview_at_chosen_resolution(tmp_path):
    page = PageDisplay(200, 300, mm(3), (BoxItem(0, 0, 100, 150, fill=(0, 0, 0, 1)),))
    pdf = tmp_path / "p.pdf"
    write_pdf([page], pdf, PdfOptions(slug=mm(10)))
    (full,) = write_png(pdf, tmp_path, dpi=36)
    media = 200 + 2 * (mm(3) + mm(10))
    assert Image.open(full).size == (round(media / 2), round((300 + 2 * (mm(3) + mm(10))) / 2))
    (trim,) = write_png(pdf, tmp_path, dpi=72, trim_only=True, stem="trim")
    im = Image.open(trim).convert("L")
    assert im.size == (200, 300)
    assert im.getpixel((50, 50)) < 60 and im.getpixel((150, 250)) > 200  # black box top-left only


def test_preview_of_a_missing_folder_is_a_user_error(tmp_path):
    with pytest.raises(UserError):
        write_png(tmp_path / "x.pdf", tmp_path / "none")
