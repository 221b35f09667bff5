from django.conf import settings
from django.core.cache import cache
from django.utils.functional import SimpleLazyObject

from core import freshness
from news.models import Banner, Link, SiteContent


def _site_content() -> dict:
    key = f"site-content:{freshness.version('news')}"
    content = cache.get(key)
    if content is None:
        content = {
            "site": SiteContent.load(),
            "site_links": list(Link.objects.all()),
            "site_banners": list(Banner.objects.filter(is_active=True)),
        }
        cache.set(key, content, 3600)
    return content


def site(request) -> dict:
    """The alliance's name and footer details, cached until news change.

    Lazy: pages that do not show them (the admin) cost no query.
    """
    loaded: dict = {}

    def part(name: str):
        if not loaded:
            loaded.update(_site_content())
        return loaded[name]

    return {
        "alliance_name": SimpleLazyObject(lambda: part("site").name or settings.ALLIANCE_NAME),
        "site": SimpleLazyObject(lambda: part("site")),
        "site_links": SimpleLazyObject(lambda: part("site_links")),
        "site_banners": SimpleLazyObject(lambda: part("site_banners")),
    }
