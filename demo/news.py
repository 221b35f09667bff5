"""The news part of ``manage.py load_demo``: the seed articles and more, with covers.

Safe to run twice: nothing is added when the demo articles are already there.
"""

import datetime
from typing import TextIO

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from cooperatives.models import Organization
from demo.covers import cover_alt, cover_caption, cover_image, cover_seed
from demo.news_content import EXTRA_ARTICLES, SEED_ARTICLES
from news.models import Article, Banner, Category, Link, SiteContent, Tag
from news.services import store_banner_image, store_cover_image
from news.slugs import slug_from_title

SITE = {
    "name": "Liên minh Hợp tác xã tỉnh Nam Định",
    # As the alliance's site footer gives them (seed 001).
    "address": "Số 119 – Đường Lê Hồng Phong – Phường Nguyễn Du, Thành phố Nam Định",
    "phone": "0228.3849058",
    "fax": "0228.3849058",
    "email": "lienminhnamdinh@gmail.com",
    "website": "http://lienminhhtx.namdinh.gov.vn/",
    "responsible": "Chủ tịch Liên minh HTX tỉnh",
}
LINKS = [
    ("Liên minh Hợp tác xã Việt Nam", "https://vca.org.vn"),
    ("Cổng thông tin điện tử Chính phủ", "https://chinhphu.vn"),
    ("Cổng dịch vụ công quốc gia", "https://dichvucong.gov.vn"),
    ("Chương trình OCOP", "https://ocop.gov.vn"),
    ("Báo Nam Định", "https://baonamdinh.vn"),
]
# Two more to show the editors' workflow: one scheduled, one draft.
WORKFLOW = [
    {
        "title": "Thông báo lịch tiếp nhận hồ sơ vay vốn Quỹ hỗ trợ phát triển HTX đợt 1/2027",
        "lead": "Liên minh HTX tỉnh thông báo lịch tiếp nhận hồ sơ vay vốn đợt 1 năm 2027.",
        "body": "<p>Hồ sơ được tiếp nhận tại Văn phòng Liên minh HTX tỉnh, giờ hành chính.</p>",
        "category": "thong-bao",
        "status": Article.Status.PUBLISHED,
        "days": 3,
    },
    {
        "title": "Tổng kết hoạt động Liên minh HTX tỉnh năm 2026",
        "lead": "Bản nháp bài tổng kết năm, chờ số liệu cả năm.",
        "body": "<p>Đang chờ số liệu cả năm 2026 của các HTX.</p>",
        "category": "tin-tuc-su-kien",
        "status": Article.Status.DRAFT,
        "days": 0,
    },
]


def _when(text: str) -> datetime.datetime:
    naive = datetime.datetime.strptime(text, "%Y-%m-%d %H:%M")
    return timezone.make_aware(naive, timezone.get_default_timezone())


@transaction.atomic
def load_news_demo(*, stdout: TextIO | None = None) -> bool:
    """Add the demo articles, site details, links and banners; False if already there."""
    first_slug = slug_from_title(SEED_ARTICLES[0]["title"])
    if Article.objects.filter(slug=first_slug).exists():
        if stdout:
            stdout.write("Tin tức mẫu đã có; không thay đổi gì.\n")
        return False
    if not SiteContent.objects.exists():
        SiteContent.objects.create(**SITE)
    for order, (name, url) in enumerate(LINKS, start=1):
        Link.objects.get_or_create(url=url, defaults={"name": name, "order": order})
    categories = {c.slug: c for c in Category.objects.all()}
    articles = SEED_ARTICLES + EXTRA_ARTICLES
    # The organisations an article is about, by name (the demo registry's: demo.data.FEATURED).
    named = Organization.objects.filter(
        name__in=[name for data in articles for name in data.get("organizations", ())]
    )
    about = {org.name: org for org in named}
    for data in articles:
        seed = cover_seed(data)
        article = Article(
            title=data["title"], lead=data["lead"], body=data["body"],
            highlight=data["highlight"], author=data["author"],
            source_name=data["source_name"], source_url=data["source_url"],
            category=categories[data["category"]], featured=data["featured"],
            status=Article.Status.PUBLISHED, publish_at=_when(data["published"]),
            cover_alt=cover_alt(seed), cover_caption=cover_caption(seed),
        )  # fmt: skip
        name = f"{slug_from_title(data['title'])[:60]}.jpg"
        store_cover_image(article=article, upload=ContentFile(cover_image(seed), name=name))
        article.tags.set([Tag.objects.get_or_create(name=name)[0] for name in data["tags"]])
        linked = [about[name] for name in data.get("organizations", ()) if name in about]
        if linked:
            article.organizations.set(linked)
    now = timezone.now().replace(second=0, microsecond=0)
    for data in WORKFLOW:
        Article.objects.create(
            title=data["title"], lead=data["lead"], body=data["body"],
            category=categories[data["category"]], status=data["status"],
            publish_at=now + datetime.timedelta(days=data["days"]),
        )  # fmt: skip
    for order, (title, seed) in enumerate((("Chương trình OCOP tỉnh", 7), ("Hội chợ HTX", 11))):
        banner = Banner(
            title=title, alt=f"Banner: {title}", place=Banner.Place.SIDE, order=order,
            link="https://ocop.gov.vn" if order == 0 else "https://vca.org.vn",
        )  # fmt: skip
        store_banner_image(
            banner=banner, upload=ContentFile(cover_image(seed, 800, 300), f"banner-{order}.jpg")
        )
    if stdout:
        stdout.write(
            f"Đã tạo {len(articles) + len(WORKFLOW)} bài viết mẫu ({len(SEED_ARTICLES)} bài từ "
            "các trang Liên minh HTX, 1 bài hẹn giờ, 1 bản nháp), thông tin đơn vị, "
            f"{len(LINKS)} liên kết website và 2 banner.\n"
        )
    return True
