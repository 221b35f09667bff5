"""The news' writes that do more than save a form: an article's cover, a banner's image,
the alliance's emblem."""

from django.core.files.base import ContentFile
from django.db import transaction

from core import images
from news.models import Article, Banner, SiteContent


def cover_needs_storing(article: Article) -> bool:
    """Whether ``article``'s cover is a new upload, or a stored one without its sizes."""
    if not article.cover:
        return False
    return not getattr(article.cover, "_committed", True) or not article.cover_list


@transaction.atomic
def store_cover_image(*, article: Article, upload, user=None) -> Article:
    """Make ``upload`` the cover of ``article`` and save the article.

    The image is kept upright and re-encoded without its metadata (EXIF, GPS position,
    comments), and its three WebP sizes are made (``core.images``). Earlier files are
    left alone: older revisions still point at them. ``user``, when given, is the
    article's last editor and the author of its new revision.
    """
    article.cover_width, article.cover_height = images.store_with_sizes(
        upload, article.cover, article.cover_list, article.cover_card, article.cover_article
    )
    if user is not None:
        article.updated_by = user
        article._history_user = user
    article.save()
    return article


def banner_needs_storing(banner: Banner) -> bool:
    """Whether ``banner``'s image is a new upload, not yet cleaned and stored."""
    return bool(banner.image) and not getattr(banner.image, "_committed", True)


@transaction.atomic
def store_banner_image(*, banner: Banner, upload) -> Banner:
    """Make ``upload`` the image of ``banner`` and save the banner.

    Like a cover, the image is kept upright and re-encoded without its metadata.
    """
    name, data = images.clean_original(upload)
    banner.image.save(name, ContentFile(data), save=False)
    banner.save()
    return banner


def logo_needs_storing(content: SiteContent) -> bool:
    """Whether the alliance's emblem is a new upload, not yet cleaned and stored."""
    return bool(content.logo) and not getattr(content.logo, "_committed", True)


@transaction.atomic
def store_site_logo(*, content: SiteContent, upload) -> SiteContent:
    """Make ``upload`` the alliance's emblem: cleaned as a cover, at most 192 px high."""
    name, data = images.logo(upload)
    content.logo.save(name, ContentFile(data), save=False)
    content.save()
    return content
