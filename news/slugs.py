"""Article addresses from Vietnamese titles."""

from django.utils.text import slugify

from core.lib.text import fold

MAX_LENGTH = 120
# Addresses the news pages use themselves (/tin-tuc/rss/).
RESERVED_SLUGS = {"rss"}


def slug_from_title(title: str, max_length: int = MAX_LENGTH) -> str:
    """``Phát huy năng lực sản xuất của HTX`` → ``phat-huy-nang-luc-san-xuat-cua-htx``.

    Marks are dropped and đ becomes d (as in search), then cut at a word boundary.
    """
    slug = slugify(fold(title))
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0]
    return slug or "bai-viet"


def unique_slug(base: str, taken) -> str:
    """Return ``base``, or ``base-2``, ``base-3``… the first one ``taken(slug)`` refuses."""
    slug, number = base, 1
    while taken(slug):
        number += 1
        slug = f"{base}-{number}"
    return slug


def is_generated(slug: str, title: str) -> bool:
    """Whether ``slug`` is what ``slug_from_title(title)`` gives, with or without ``-N``."""
    base = slug_from_title(title)
    return slug == base or (slug.startswith(base + "-") and slug[len(base) + 1 :].isdigit())
