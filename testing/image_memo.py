"""The demo's pictures, drawn and re-encoded once per test process.

``load_demo`` runs in several test classes (and before each test of a browser class): each
time it draws 31 covers and banners (``demo.covers.cover_image``) and 11 product photos
(``demo.product_photos.product_photo``, each then copied to the products of its kind) and
makes of each its cleaned original (``core.images.clean_original``) and three WebP sizes
(``core.images.renditions``), about 10 s of image encoding for the same bytes every time.
These functions are pure (the same input gives the same output), so in tests their results
are remembered by input, within one process; a call that raises is not remembered, and each
caller still gets files of its own. Every other step of an upload (storage, the article's or
product's fields) runs as usual.
"""

import contextlib

from django.core.files.base import ContentFile


@contextlib.contextmanager
def remembered():
    import demo.building.ocop
    import demo.news
    from core import images

    real_clean, real_renditions, real_draw, real_photo = (
        images.clean_original,
        images.renditions,
        demo.news.cover_image,
        demo.building.ocop.product_photo,
    )
    cleaned: dict[tuple[str, bytes], tuple[str, bytes]] = {}
    sized: dict[tuple[bytes, str], dict[str, tuple[str, bytes]]] = {}
    drawn: dict[tuple, bytes] = {}
    photographed: dict[tuple, bytes] = {}

    def clean_original(upload):
        upload.seek(0)
        key = (upload.name, upload.read())
        if key not in cleaned:
            cleaned[key] = real_clean(upload)
        return cleaned[key]

    def renditions(data: bytes, stem: str) -> dict[str, ContentFile]:
        if (data, stem) not in sized:
            made = real_renditions(data, stem)
            sized[data, stem] = {size: (f.name, f.read()) for size, f in made.items()}
        return {
            size: ContentFile(content, name=name)
            for size, (name, content) in sized[data, stem].items()
        }

    def cover_image(*args, **kwargs) -> bytes:
        key = (args, tuple(sorted(kwargs.items())))
        if key not in drawn:
            drawn[key] = real_draw(*args, **kwargs)
        return drawn[key]

    def product_photo(*args, **kwargs) -> bytes:
        key = (args, tuple(sorted(kwargs.items())))
        if key not in photographed:
            photographed[key] = real_photo(*args, **kwargs)
        return photographed[key]

    images.clean_original, images.renditions = clean_original, renditions
    demo.news.cover_image, demo.building.ocop.product_photo = cover_image, product_photo
    try:
        yield
    finally:
        images.clean_original, images.renditions = real_clean, real_renditions
        demo.news.cover_image, demo.building.ocop.product_photo = real_draw, real_photo
