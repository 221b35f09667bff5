"""Kept for the news' migrations, which name ``news.images.validate_image``.

The image code itself is in ``core.images``: the registry's OCOP photos use it too.
"""

from core.images import validate_image

__all__ = ["validate_image"]
