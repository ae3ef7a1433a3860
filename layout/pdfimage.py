"""Pictures for the print PDF: what a file is (format, colour, pixels) and how it is embedded.

JPEGs that are already CMYK or grey go in byte for byte (no recompression, no generation loss);
RGB pictures are separated to CMYK through the output profile with LittleCMS (Pillow ImageCms),
or kept as they are when the export says so. Transparency is flattened on white (PDF/X-1a has
none).
"""
from __future__ import annotations

import io
import os
from dataclasses import dataclass
from typing import Optional

from .errors import UserError
from .limits import MAX_IMAGE_PIXELS, check_image_pixels


@dataclass(frozen=True)
class ImageInfo:
    """A picture file as read: format (JPEG, PNG, …), Pillow mode, pixel size, its own ICC."""

    path: str
    format: str
    mode: str
    size: tuple[int, int]
    has_icc: bool = False

    @property
    def is_rgb(self) -> bool:
        return self.mode not in ("CMYK", "L", "1", "LA", "I", "I;16", "F")

    @property
    def is_jpeg(self) -> bool:
        return self.format == "JPEG"


@dataclass(frozen=True)
class PlacedImage:
    """What the painter hands reportlab: a file path (embedded as is) or an in-memory image."""

    source: object
    note: str = ""
    passthrough: bool = False


_INFO: dict[tuple[str, float], ImageInfo] = {}
_PREPARED: dict[tuple, PlacedImage] = {}


def image_info(path: str) -> ImageInfo:
    """Read a picture's header; UserError when the file is not a picture Pillow can decode."""
    from PIL import Image, UnidentifiedImageError

    key = (os.path.abspath(path), os.path.getmtime(path))
    if key in _INFO:
        return _INFO[key]
    try:
        with Image.open(path) as im:
            check_image_pixels(im.size, path)  # before any decoding
            im.verify()
        with Image.open(path) as im:
            info = ImageInfo(path, im.format or "", im.mode, im.size, bool(im.info.get("icc_profile")))
    except Image.DecompressionBombError:  # Pillow's own guard, past twice its 89 MP warning
        raise UserError(f"the picture has more than {MAX_IMAGE_PIXELS / 1e6:.0f} megapixels", where=path,
                        hint="scale it down in an image editor (300 ppi at the printed size is enough)") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as e:
        raise UserError(f"the picture cannot be decoded ({e})", where=path,
                        hint="open it in an image editor and save it again as JPEG, or replace it") from None
    _INFO[key] = info
    return info


def effective_ppi(pixel_size: tuple[int, int], crop: tuple[float, float, float, float],
                  w: float, h: float) -> float:
    """Pixels per inch of the picture as placed: the cropped pixels over the frame, the lower axis."""
    if w <= 0 or h <= 0:
        return 0.0
    px = pixel_size[0] * crop[2] / (w / 72.0)
    py = pixel_size[1] * crop[3] / (h / 72.0)
    return min(px, py)


def _flatten(im):
    from PIL import Image

    if im.mode in ("RGBA", "LA", "P", "PA") or "transparency" in im.info:
        rgba = im.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, rgba).convert("RGB")
    if im.mode in ("I", "I;16", "F"):
        return im.convert("L")
    if im.mode not in ("RGB", "CMYK", "L", "1"):
        return im.convert("RGB")
    return im


def to_cmyk(im, cmyk_profile: str):
    """Separate an RGB picture to CMYK through the output profile (perceptual intent), using the
    picture's own ICC profile when it has one and sRGB otherwise."""
    from PIL import ImageCms

    src_icc = im.info.get("icc_profile")
    src = ImageCms.ImageCmsProfile(io.BytesIO(src_icc)) if src_icc else ImageCms.createProfile("sRGB")
    dst = ImageCms.getOpenProfile(cmyk_profile)
    return ImageCms.profileToProfile(im, src, dst, renderingIntent=ImageCms.Intent.PERCEPTUAL,
                                     outputMode="CMYK")


def prepare_image(path: str, rgb_images: str, cmyk_profile: Optional[str], quality: int = 92) -> PlacedImage:
    """How to embed a picture file (cached per file, option and profile)."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    info = image_info(path)
    key = (os.path.abspath(path), os.path.getmtime(path), rgb_images, cmyk_profile, quality)
    if key in _PREPARED:
        return _PREPARED[key]
    if info.is_jpeg and (not info.is_rgb or rgb_images == "keep"):
        placed = PlacedImage(path, "", passthrough=True)  # the file's own bytes
    else:
        try:
            with Image.open(path) as im:
                im.load()
                im = _flatten(im)
                note = ""
                if im.mode == "RGB" and rgb_images != "keep" and cmyk_profile:
                    im = to_cmyk(im, cmyk_profile)
                    note = "RGB converted to CMYK"
        except (OSError, ValueError) as e:
            raise UserError(f"the picture cannot be decoded ({e})", where=path,
                            hint="save it again as JPEG, or replace it") from None
        if info.is_jpeg:
            # A photo stays a JPEG: re-encode the separation once, at high quality.
            buf = io.BytesIO()
            im.save(buf, "JPEG", quality=quality, subsampling=0)
            buf.seek(0)
            placed = PlacedImage(ImageReader(buf), note)
        else:
            placed = PlacedImage(ImageReader(im), note)
    _PREPARED[key] = placed
    return placed
