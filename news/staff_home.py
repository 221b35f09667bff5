"""The news's blocks of the staff home (``core.staff_home``): drafts and scheduled articles."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from core.lib.formatting import vn_number
from core.staff_home import Block
from news.models import Article


def blocks(request) -> list[Block]:
    if not request.user.has_perm("news.view_article"):
        return []
    now = timezone.now()
    counts = Article.objects.aggregate(
        drafts=_count(status=Article.Status.DRAFT),
        scheduled=_count(status=Article.Status.PUBLISHED, publish_at__gt=now),
    )
    url = reverse("admin:news_article_changelist")
    return [
        Block(
            title="Bài viết nháp",
            count=counts["drafts"],
            link=f"{url}?trang_thai=draft",
            link_label="Xem bài nháp",
            note=f"{vn_number(counts['scheduled'])} bài hẹn giờ đăng.",
            links=[
                ("Viết bài mới", reverse("admin:news_article_add")),
                ("Bài hẹn giờ đăng", f"{url}?trang_thai=scheduled"),
            ],  # fmt: skip
        )
    ]


def _count(**conditions):
    return Count("pk", filter=Q(**conditions))
