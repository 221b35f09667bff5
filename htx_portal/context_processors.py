from django.conf import settings
from django.core.cache import cache

from htx_portal import freshness


def site(request) -> dict:
    """The alliance's name and footer details on every page, cached until news change."""
    key = f"site-content:{freshness.version('news')}"
    content = cache.get(key)
    if content is None:
        from news.models import Banner, Link, SiteContent

        content = {
            "site": SiteContent.load(),
            "site_links": list(Link.objects.all()),
            "site_banners": list(Banner.objects.filter(is_active=True)),
        }
        cache.set(key, content, 3600)
    return {"alliance_name": content["site"].name or settings.ALLIANCE_NAME, **content}
