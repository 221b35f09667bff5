"""Checking uploaded images and making the sizes the pages show.

An upload must be a real image Pillow decodes, within a size and a pixel limit. It is
stored turned upright (EXIF orientation applied) and re-encoded without its metadata
(camera, GPS position); the list, card and article sizes are made from it as WebP.
"""

import io
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from PIL import Image, ImageOps, UnidentifiedImageError

from cooperatives.formatting import vn_number
from news.slugs import slug_from_title

FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}
MAX_PIXELS = 40_000_000
# Widths of the generated sizes: lists, cards and the article page (2x for sharp screens).
SIZES = {"list": 480, "card": 960, "article": 1600}


def _megabytes(size: int) -> str:
    return vn_number(size / 2**20, 1, strip_zero=True)


def validate_image(upload) -> None:
    """Raise a Vietnamese ValidationError naming the file when it is not a usable image."""
    name = PurePath(getattr(upload, "name", "") or "ảnh").name
    limit = settings.IMAGE_MAX_MB * 2**20
    if upload.size > limit:
        raise ValidationError(
            f"Ảnh “{name}” nặng {_megabytes(upload.size)} MB, vượt giới hạn "
            f"{settings.IMAGE_MAX_MB} MB."
        )
    position = upload.tell() if hasattr(upload, "tell") else 0
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            width, height = image.size
            kind = image.format
            if width * height > MAX_PIXELS:
                raise ValidationError(
                    f"Ảnh “{name}” quá lớn: {vn_number(width)} × {vn_number(height)} điểm ảnh, "
                    f"tối đa {vn_number(MAX_PIXELS // 1_000_000)} triệu điểm ảnh."
                )
            if kind not in FORMATS:
                raise ValidationError(
                    f"Ảnh “{name}” có định dạng {kind}; chỉ nhận JPEG, PNG, WebP hoặc GIF."
                )
            image.load()  # decode it all: a forged file fails here
        upload.seek(0)
        if not _complete(upload.read(), kind):
            raise ValidationError(f"Ảnh “{name}” bị cắt cụt hoặc hỏng (tệp không trọn vẹn).")
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(
            f"Tệp “{name}” không phải là ảnh hợp lệ (JPEG, PNG, WebP hoặc GIF)."
        ) from None
    finally:
        upload.seek(position)


def _complete(data: bytes, kind: str) -> bool:
    """Whether the file ends as its format says it must.

    Pillow's own check is a process-wide switch that WeasyPrint turns off when it is
    imported (``ImageFile.LOAD_TRUNCATED_IMAGES``), so a cut-off upload is caught here.
    """
    if kind == "JPEG":
        return data.rstrip(b"\x00\r\n ").endswith(b"\xff\xd9")
    if kind == "PNG":
        return b"IEND" in data[-32:]
    if kind == "WEBP":
        return len(data) >= 12 and int.from_bytes(data[4:8], "little") + 8 <= len(data)
    if kind == "GIF":
        return data.rstrip(b"\x00").endswith(b"\x3b")
    return True


def _open_upright(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image = ImageOps.exif_transpose(image)
    if image.mode not in ("RGB", "RGBA"):
        image = image.convert("RGBA" if "transparency" in image.info else "RGB")
    return image


def clean_original(upload) -> tuple[str, bytes]:
    """The upload turned upright and re-encoded without metadata (EXIF, GPS, comments).

    Returns the file name to store it under and its bytes.
    """
    upload.seek(0)
    image = _open_upright(upload.read())
    stem = slug_from_title(PurePath(upload.name).stem)[:60] or "anh"
    buffer = io.BytesIO()
    if image.mode == "RGBA":
        image.save(buffer, "PNG", optimize=True)
        return f"{stem}.png", buffer.getvalue()
    image.save(buffer, "JPEG", quality=88, optimize=True, progressive=True)
    return f"{stem}.jpg", buffer.getvalue()


def renditions(data: bytes, stem: str) -> dict[str, ContentFile]:
    """WebP copies at the widths of ``SIZES`` (never wider than the original)."""
    image = _open_upright(data)
    result = {}
    for size, width in SIZES.items():
        copy = image.copy()
        if copy.width > width:
            copy = copy.resize((width, round(copy.height * width / copy.width)), Image.LANCZOS)
        buffer = io.BytesIO()
        copy.save(buffer, "WEBP", quality=82, method=4)
        result[size] = ContentFile(buffer.getvalue(), name=f"{stem}-{size}.webp")
    return result
