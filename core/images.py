"""Checking uploaded images and making the sizes the pages show.

Used by the news (article covers, banners) and the registry (OCOP product photos).

An upload must be a real image Pillow decodes, within a size and a pixel limit. It is
stored turned upright (EXIF orientation applied) and re-encoded without its metadata
(camera, GPS position); the list, card and article sizes are made from it as WebP.
"""

import io
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.text import slugify
from PIL import Image, ImageOps, UnidentifiedImageError

from core.lib.formatting import vn_number
from core.lib.text import fold

# MPO: a JPEG with a second picture after it (phones, 3D cameras); its first is used.
FORMATS = {"JPEG": "jpg", "MPO": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}
MAX_PIXELS = 40_000_000
# Widths of the generated sizes: lists, cards and the article page (2x for sharp screens).
SIZES = {"list": 480, "card": 960, "article": 1600}


def _megabytes(size: int) -> str:
    return vn_number(size / 2**20, 1, strip_zero=True)


def validate_image(upload) -> None:
    """Raise a Vietnamese ValidationError naming the file when it is not a usable image.

    A file already stored (unchanged on an edit, or restored from history) was checked
    when it arrived.
    """
    if getattr(upload, "_committed", False):
        return
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
    except Image.DecompressionBombError:
        raise ValidationError(
            f"Ảnh “{name}” quá lớn: tối đa {vn_number(MAX_PIXELS // 1_000_000)} triệu điểm ảnh."
        ) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError(
            f"Tệp “{name}” không phải là ảnh hợp lệ (JPEG, PNG, WebP hoặc GIF)."
        ) from None
    finally:
        upload.seek(position)


def _complete(data: bytes, kind: str) -> bool:
    """Whether the file holds its whole picture.

    Pillow's own check is a process-wide switch that WeasyPrint turns off when it is
    imported (``ImageFile.LOAD_TRUNCATED_IMAGES``), so a cut-off upload is caught here.
    Data after the picture (a phone's "motion photo") is fine.
    """
    if kind in ("JPEG", "MPO"):
        return _jpeg_has_end(data)
    if kind == "PNG":
        return b"IEND\xaeB`\x82" in data
    if kind == "WEBP":
        return len(data) >= 12 and int.from_bytes(data[4:8], "little") + 8 <= len(data)
    if kind == "GIF":
        return b"\x3b" in data[-16:]
    return True


def _jpeg_has_end(data: bytes) -> bool:
    """Walk the JPEG's segments from its start to its end-of-image marker.

    Segments with a length (including an embedded thumbnail inside APP1) are skipped
    whole; after a start-of-scan the entropy-coded data runs to the next marker that is
    neither a stuffed 0xFF00 nor a restart marker.
    """
    if not data.startswith(b"\xff\xd8"):
        return False
    position, size = 2, len(data)
    while position + 2 <= size:
        if data[position] != 0xFF:
            return False
        marker = data[position + 1]
        if marker == 0xFF:  # fill byte
            position += 1
            continue
        if marker == 0xD9:
            return True
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            position += 2
            continue
        if position + 4 > size:
            return False
        length = int.from_bytes(data[position + 2 : position + 4], "big")
        position += 2 + length
        if marker == 0xDA:  # scan data up to the next real marker
            while position + 1 < size:
                if data[position] == 0xFF and data[position + 1] not in (
                    0x00, 0xD0, 0xD1, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6, 0xD7,
                ):  # fmt: skip
                    break
                position += 1
            else:
                return False
    return False


def _open_upright(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image = ImageOps.exif_transpose(image)
    if image.mode not in ("RGB", "RGBA"):
        image = image.convert("RGBA" if "transparency" in image.info else "RGB")
    return image


def dimensions(data: bytes) -> tuple[int, int]:
    """Width and height of an image, from its header."""
    with Image.open(io.BytesIO(data)) as image:
        return image.size


def clean_original(upload) -> tuple[str, bytes]:
    """The upload turned upright and re-encoded without metadata (EXIF, GPS, comments).

    Returns the file name to store it under and its bytes.
    """
    upload.seek(0)
    image = _open_upright(upload.read())
    image.info.clear()  # comments, ICC profiles, XMP: nothing from the camera is kept
    stem = slugify(fold(PurePath(upload.name).stem))[:60].strip("-") or "anh"
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


def logo(upload, height: int = 192) -> tuple[str, bytes]:
    """An emblem for the page header: cleaned as ``clean_original``, at most ``height``
    pixels high (twice what the header shows, for sharp screens), transparency kept."""
    name, data = clean_original(upload)
    image = Image.open(io.BytesIO(data))
    if image.height > height:
        image = image.resize((round(image.width * height / image.height), height), Image.LANCZOS)
    buffer = io.BytesIO()
    if image.mode == "RGBA":
        image.save(buffer, "PNG", optimize=True)
    else:
        image.save(buffer, "JPEG", quality=90, optimize=True)
    return name, buffer.getvalue()


def store_with_sizes(upload, original, small, card, large) -> tuple[int, int]:
    """Store ``upload`` cleaned (``clean_original``) in the file field ``original`` and
    its sizes (``renditions``) in ``small``, ``card`` and ``large``, without saving the
    record; returns the picture's width and height."""
    name, data = clean_original(upload)
    original.save(name, ContentFile(data), save=False)
    sizes = renditions(data, PurePath(name).stem)
    for field, size in ((small, "list"), (card, "card"), (large, "article")):
        field.save(sizes[size].name, sizes[size], save=False)
    return dimensions(data)


def srcset(small, card, large, width: int | None = None) -> str:
    """The ``srcset`` of the sizes of a picture ``width`` pixels wide (each size says its
    real width: never wider than the picture)."""
    if not small:
        return ""
    widest = width or SIZES["article"]
    files = ((small, SIZES["list"]), (card, SIZES["card"]), (large, SIZES["article"]))
    return ", ".join(f"{image.url} {min(size, widest)}w" for image, size in files)
