from django.contrib.sitemaps import Sitemap
from django.db.models import Max

from news.models import Article, Document


class ArticleSitemap(Sitemap):
    # No changefreq nor priority per address: search engines ignore them.
    limit = 5000

    def items(self):
        return Article.objects.published().only("slug", "updated_at", "publish_at")

    def lastmod(self, item: Article):
        return item.updated_at

    def get_latest_lastmod(self):
        # One aggregate for the index, not a walk over every published article.
        return self.items().aggregate(latest=Max("updated_at"))["latest"]


class DocumentSitemap(Sitemap):
    """The library's published documents (/van-ban/<slug>/)."""

    limit = 5000

    def items(self):
        return Document.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, item: Document):
        return item.updated_at

    def get_latest_lastmod(self):
        return self.items().aggregate(latest=Max("updated_at"))["latest"]
