from urllib.parse import quote

from django.contrib.sitemaps import Sitemap
from django.core.cache import cache
from django.db.models import Max
from django.urls import reverse
from django.utils.http import RFC3986_SUBDELIMS

from cooperatives.models import OcopProduct, Organization
from cooperatives.models.records import product_slug
from cooperatives.views import CachedCountPaginator
from core import freshness


class RegistrySitemap(Sitemap):
    """A section of the registry's many addresses, read once per registry version.

    Its count (the pages of the index) and its newest change are kept per registry
    version: the index and each page asked for them again (10-25 ms each at national
    scale), for every request that the page cache does not answer. No ``changefreq`` nor
    ``priority`` per address: search engines ignore them, and they were a third of a
    page's 0.75 MB.
    """

    limit = 5000

    def _key(self, what: str) -> str:
        return f"sitemap-{what}:{type(self).__name__}:{freshness.version('registry')}"

    @property
    def paginator(self):
        return CachedCountPaginator(self._items(), self.limit, count_key=self._key("count"))

    def get_latest_lastmod(self):
        key = self._key("lastmod")
        latest = cache.get(key, "")
        if latest == "":
            latest = self.newest_change()
            cache.set(key, latest, 3600)
        return latest

    def newest_change(self):
        return None


class OrganizationSitemap(RegistrySitemap):
    """Public organisations (their OCOP products have a section of their own).

    Pages of 5,000 addresses (about 0.5 MB) stay under the visitor cache's 1 MB limit
    (core.caching.MAX_CACHED_BYTES), so each page is built once per registry version.
    """

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

    def newest_change(self):
        # The index's date of this section: one aggregate, not a walk over every item
        # (Django's default when ``lastmod`` is a method).
        return self.items().aggregate(latest=Max("updated_at"))["latest"]


class OcopProductSitemap(RegistrySitemap):
    """The pages of the OCOP products of public organisations, expired ones included
    (their page says so)."""

    def items(self):
        return (
            OcopProduct.objects.filter(organization__is_public=True)
            .order_by("pk")
            .values_list("pk", "name_folded")
        )

    def location(self, item: tuple) -> str:
        # ``OcopProduct.get_absolute_url`` without loading each product, reversed once.
        if not hasattr(self, "_address"):
            self._address = reverse("cooperatives:ocop-product", args=[1, "SLUG"])
            self._address = self._address.replace("/1/", "/{}/", 1).replace("SLUG", "{}")
        pk, folded = item
        return self._address.format(pk, product_slug(folded))


class PortalSitemap(Sitemap):
    """The portal's own pages: home, directory, OCOP catalogue, news, statistics."""

    changefreq = "daily"
    priority = 0.8

    def items(self):
        return ["home", "cooperatives:directory", "cooperatives:ocop", "news:list", "statistics"]

    def location(self, item: str) -> str:
        return reverse(item)
