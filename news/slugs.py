"""Article addresses from Vietnamese titles."""

from django.utils.text import slugify

from cooperatives.text import fold

MAX_LENGTH = 120


def slug_from_title(title: str) -> str:
    """``Phát huy năng lực sản xuất của HTX`` → ``phat-huy-nang-luc-san-xuat-cua-htx``.

    Marks are dropped and đ becomes d (as in search), then cut at a word boundary.
    """
    slug = slugify(fold(title))
    if len(slug) > MAX_LENGTH:
        slug = slug[:MAX_LENGTH].rsplit("-", 1)[0]
    return slug or "bai-viet"


def unique_slug(base: str, taken) -> str:
    """Return ``base``, or ``base-2``, ``base-3``… the first one ``taken(slug)`` refuses."""
    slug, number = base, 1
    while taken(slug):
        number += 1
        slug = f"{base}-{number}"
    return slug
