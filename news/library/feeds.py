from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse

from news.models import Document

FEED_SIZE = 30


class LatestDocumentsFeed(Feed):
    """/van-ban/rss/: the latest published documents of the library."""

    description = "Văn bản pháp luật, quyết định, kế hoạch về kinh tế tập thể, hợp tác xã."
    language = "vi"

    def title(self) -> str:
        return f"Văn bản – {settings.ALLIANCE_NAME}"

    def link(self) -> str:
        return reverse("library:list")

    def items(self):
        return (
            Document.objects.published()
            .select_related("issuer")
            .defer("search_folded")
            .order_by("-created_at", "-pk")[:FEED_SIZE]
        )

    def item_title(self, item: Document) -> str:
        return f"{item.title}: {item.summary}"[:300]

    def item_description(self, item: Document) -> str:
        issued = item.issued_on.strftime("%d/%m/%Y")
        return f"{item.issuer.name} ban hành ngày {issued}. {item.summary}"

    def item_pubdate(self, item: Document):
        return item.created_at

    def item_updateddate(self, item: Document):
        return item.updated_at

    def item_categories(self, item: Document):
        return [item.get_doc_type_display()]
