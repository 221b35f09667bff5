import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from core import freshness
from core.models import DataVersion
from news.models import Article

# The moment of the last run, in whole seconds since the epoch (kept in the database, so
# that runs from cron in a fresh process each time know it).
LAST_RUN = "news-scheduled-until"


class Command(BaseCommand):
    help = (
        "Làm mới ngay các trang tin tức được lưu đệm (danh sách, RSS, sitemap) khi bài hẹn "
        "giờ đến giờ đăng. Bài vẫn tự hiện đúng giờ khi không chạy lệnh này; chạy nó (ví dụ "
        "mỗi phút bằng cron) để mọi trang đổi ngay lúc đó."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        row, created = DataVersion.objects.get_or_create(
            name=LAST_RUN, defaults={"version": int((now - datetime.timedelta(days=1)).timestamp())}
        )
        since = datetime.datetime.fromtimestamp(row.version, tz=datetime.UTC)
        due = list(
            Article.objects.published(now)
            .filter(publish_at__gt=since)
            .values_list("title", flat=True)
        )
        if due:
            freshness.bump("news")
        row.version = int(now.timestamp())
        row.save(update_fields=["version"])
        for title in due:
            self.stdout.write(f"Đã đến giờ đăng: {title}")
        self.stdout.write(f"{len(due)} bài đến giờ đăng.")
