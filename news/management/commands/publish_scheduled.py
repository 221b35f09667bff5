from django.core.cache import cache
from django.core.management.base import BaseCommand
from django.utils import timezone

from htx_portal import freshness
from news import counters
from news.models import Article

LAST_RUN = "news:publish-scheduled:last-run"


class Command(BaseCommand):
    help = (
        "Việc cần làm khi bài hẹn giờ đến giờ đăng: làm mới bộ nhớ đệm tin tức (danh sách, "
        "RSS, sitemap) và ghi lượt xem đang chờ. Bài vẫn tự hiện đúng giờ khi không chạy lệnh "
        "này; chạy nó (ví dụ mỗi phút bằng cron) để bộ nhớ đệm đổi ngay lúc đó."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        since = cache.get(LAST_RUN) or now - timezone.timedelta(days=1)
        due = list(
            Article.objects.published(now)
            .filter(publish_at__gt=since)
            .values_list("title", flat=True)
        )
        if due:
            freshness.bump("news")
        cache.set(LAST_RUN, now, timeout=None)
        flushed = counters.flush()
        for title in due:
            self.stdout.write(f"Đã đến giờ đăng: {title}")
        self.stdout.write(f"{len(due)} bài đến giờ đăng; đã ghi lượt xem của {flushed} bài.")
