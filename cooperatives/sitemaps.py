from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from cooperatives.models import Organization


class OrganizationSitemap(Sitemap):
    """Public organisations; their OCOP products are listed on their pages."""

    changefreq = "monthly"
    priority = 0.5
    limit = 10000

    def items(self):
        return (
            Organization.objects.filter(is_public=True).only("code", "updated_at").order_by("code")
        )

    def lastmod(self, item: Organization):
        return item.updated_at


class PortalSitemap(Sitemap):
    """The portal's own pages: home, directory, OCOP catalogue, news, statistics."""

    changefreq = "daily"
    priority = 0.8

    def items(self):
        return ["home", "cooperatives:directory", "cooperatives:ocop", "news:list", "statistics"]

    def location(self, item: str) -> str:
        return reverse(item)
