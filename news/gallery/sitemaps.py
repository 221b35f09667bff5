from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from news.gallery import queries


class GallerySitemap(Sitemap):
    """/sitemap-thu-vien.xml: the gallery, its published albums and videos."""

    limit = 5000

    def items(self):
        albums = queries.published_albums().only("slug", "updated_at").order_by("-pk")
        videos = queries.published_videos().only("slug", "updated_at").order_by("-pk")
        return ["index", *albums, *videos]

    def location(self, item) -> str:
        if item == "index":
            return reverse("gallery:index")
        name = "gallery:album" if item._meta.model_name == "album" else "gallery:video"
        return reverse(name, args=[item.slug])

    def lastmod(self, item):
        return None if item == "index" else item.updated_at

    def get_latest_lastmod(self):
        latest = [
            query.aggregate(latest=Max("updated_at"))["latest"]
            for query in (queries.published_albums(), queries.published_videos())
        ]
        latest = [moment for moment in latest if moment is not None]
        return max(latest) if latest else None
