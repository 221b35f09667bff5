from django.contrib.sitemaps import Sitemap
from django.db.models import Max

from news.questions.services import published_questions


class QuestionSitemap(Sitemap):
    """Published questions only (their answers are the page's content)."""

    limit = 5000

    def items(self):
        return published_questions().only("pk", "answered_at").order_by("pk")

    def lastmod(self, item):
        return item.answered_at

    def get_latest_lastmod(self):
        return self.items().aggregate(latest=Max("answered_at"))["latest"]
