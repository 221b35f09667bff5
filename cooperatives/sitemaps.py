from urllib.parse import quote

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse
from django.utils.http import RFC3986_SUBDELIMS
from django.utils.text import slugify

from cooperatives.models import OcopProduct, Organization


class OrganizationSitemap(Sitemap):
    """Public organisations (their OCOP products have a section of their own).

    Pages of 5,000 addresses (about 0.75 MB) stay under the visitor cache's 1 MB limit
    (core.caching.MAX_CACHED_BYTES), so each page is built once per registry version.
    """

    changefreq = "monthly"
    priority = 0.5
    limit = 5000

    def items(self):
        # (code, updated_at) pairs, not model instances: a page of 5,000 is read in one
        # light query (core.sitemaps writes the XML).
        return (
            Organization.objects.filter(is_public=True)
            .order_by("code")
            .values_list("code", "updated_at")
        )

    def location(self, item: tuple) -> str:
        # The organisation page's address (``Organization.get_absolute_url``), reversed
        # once per page with a stand-in code rather than once per organisation.
        if not hasattr(self, "_address"):
            self._address = reverse("cooperatives:organization", args=["CODE"]).split("CODE")
        before, after = self._address
        return f"{before}{quote(item[0], safe=RFC3986_SUBDELIMS + '/~:@')}{after}"

    def lastmod(self, item: tuple):
        return item[1]

    def get_latest_lastmod(self):
        # The index's date of this section: one aggregate, not a walk over every item
        # (Django's default when ``lastmod`` is a method).
        return self.items().aggregate(latest=Max("updated_at"))["latest"]


class OcopProductSitemap(Sitemap):
    """The pages of the OCOP products of public organisations, expired ones included
    (their page says so)."""

    changefreq = "monthly"
    priority = 0.6
    limit = 5000

    def items(self):
        return (
            OcopProduct.objects.filter(organization__is_public=True)
            .order_by("pk")
            .values_list("pk", "name_folded")
        )

    def location(self, item: tuple) -> str:
        # ``OcopProduct.get_absolute_url`` without loading each product.
        pk, folded = item
        return reverse("cooperatives:ocop-product", args=[pk, slugify(folded) or "san-pham"])


class PortalSitemap(Sitemap):
    """The portal's own pages: home, directory, OCOP catalogue, news, statistics."""

    changefreq = "daily"
    priority = 0.8

    def items(self):
        return ["home", "cooperatives:directory", "cooperatives:ocop", "news:list", "statistics"]

    def location(self, item: str) -> str:
        return reverse(item)
