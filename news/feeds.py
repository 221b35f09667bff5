from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse

from news.models import Article

FEED_SIZE = 30


class LatestArticlesFeed(Feed):
    """/tin-tuc/rss/: the latest published articles."""

    description = "Tin tức, sự kiện và chính sách về kinh tế tập thể, hợp tác xã."
    language = "vi"

    def title(self) -> str:
        return f"Tin tức – {settings.ALLIANCE_NAME}"

    def link(self) -> str:
        return reverse("news:list")

    def items(self):
        return Article.objects.published().listed()[:FEED_SIZE]

    def item_title(self, item: Article) -> str:
        return item.title

    def item_description(self, item: Article) -> str:
        return item.lead

    def item_pubdate(self, item: Article):
        return item.publish_at

    def item_updateddate(self, item: Article):
        return item.updated_at

    def item_author_name(self, item: Article) -> str:
        return item.author

    def item_categories(self, item: Article):
        return [item.category.name]
