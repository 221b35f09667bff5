from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from cooperatives.models import Organization


class OrganizationSitemap(Sitemap):
    """Public organisations; their OCOP products are listed on their pages.

    Pages of 5,000 addresses (about 0.75 MB) stay under the visitor cache's 1 MB limit
    (core.caching.MAX_CACHED_BYTES), so each page is built once per registry version.
    """

    changefreq = "monthly"
    priority = 0.5
    limit = 5000

    def items(self):
        return (
            Organization.objects.filter(is_public=True).only("code", "updated_at").order_by("code")
        )

    def lastmod(self, item: Organization):
        return item.updated_at

    def get_latest_lastmod(self):
        # The index's date of this section: one aggregate, not a walk over every item
        # (Django's default when ``lastmod`` is a method).
        return self.items().aggregate(latest=Max("updated_at"))["latest"]


class PortalSitemap(Sitemap):
    """The portal's own pages: home, directory, OCOP catalogue, news, statistics."""

    changefreq = "daily"
    priority = 0.8

    def items(self):
        return ["home", "cooperatives:directory", "cooperatives:ocop", "news:list", "statistics"]

    def location(self, item: str) -> str:
        return reverse(item)
