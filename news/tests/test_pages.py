"""The public news pages: list, categories, tags, search, article, and their query counts."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from news import counters
from news.models import Attachment, Banner, Link, SiteContent, Tag
from testing import news_factories as f
from testing.roles import clear_caches


class NewsPagesTests(f.TemporaryMedia, TestCase):
    def setUp(self):
        clear_caches()
        counters.discard()

    def test_list_is_paginated_newest_first(self):
        for number in range(14):
            f.article(
                f"Tin số {number}", publish_at=timezone.now() - datetime.timedelta(days=number)
            )
        first = self.client.get("/tin-tuc/")
        self.assertEqual(len(first.context["articles"]), 12)
        self.assertEqual(first.context["articles"][0].title, "Tin số 0")
        self.assertContains(first, "Trang 1/2")
        second = self.client.get("/tin-tuc/?page=2")
        self.assertEqual([a.title for a in second.context["articles"]], ["Tin số 12", "Tin số 13"])
        self.assertRedirects(self.client.get("/tin-tuc/?page=9"), "/tin-tuc/?page=2")
        self.assertEqual(self.client.get("/tin-tuc/?page=x").status_code, 404)

    def test_search_needs_no_diacritics(self):
        f.article("Phát huy năng lực sản xuất của HTX tại Thanh Hóa")
        f.article("Hội chợ sản phẩm OCOP")
        for query in ("nang luc san xuat", "THANH HOA", "Năng lực", "phat huy htx"):
            titles = [
                a.title for a in self.client.get("/tin-tuc/", {"q": query}).context["articles"]
            ]
            self.assertEqual(titles, ["Phát huy năng lực sản xuất của HTX tại Thanh Hóa"], query)
        empty = self.client.get("/tin-tuc/", {"q": "khong co gi"})
        self.assertContains(empty, "Không có bài viết nào có “khong co gi”.")

    def test_by_category_and_by_tag(self):
        ocop = Tag.objects.create(name="OCOP")
        policy = f.article("Nghị định mới về HTX", category=f.category("chinh-sach-phap-luat"))
        fair = f.article("Hội chợ OCOP 2026", category=f.category("xuc-tien-thuong-mai"))
        fair.tags.add(ocop)
        page = self.client.get("/tin-tuc/chuyen-muc/chinh-sach-phap-luat/")
        self.assertEqual(list(page.context["articles"]), [policy])
        self.assertContains(page, "<h1>Chính sách - Pháp luật</h1>", html=True)
        tagged = self.client.get("/tin-tuc/the/ocop/")
        self.assertEqual(list(tagged.context["articles"]), [fair])
        self.assertEqual(self.client.get("/tin-tuc/chuyen-muc/khong-co/").status_code, 404)

    def test_article_page_has_everything_a_reader_and_a_crawler_need(self):
        tag = Tag.objects.create(name="Kinh tế tập thể")
        article = f.article(
            "Đẩy mạnh phát triển kinh tế tập thể",
            highlight="<p>Box: 514 HTX và quỹ tín dụng.</p>",
            author="Minh Hằng",
            source_name="baonamdinh.vn",
            source_url="https://baonamdinh.vn/",
            cover=f.image_file(),
            cover_alt="Quang cảnh hội nghị",
            cover_caption="Hội nghị sơ kết 6 tháng",
        )
        article.tags.add(tag)
        Attachment.objects.create(
            article=article, title="Báo cáo 6 tháng",
            file=SimpleUploadedFile("bao-cao.pdf", f.pdf_bytes()),
        )  # fmt: skip
        related = f.article("Tin cùng chuyên mục")
        page = self.client.get(article.get_absolute_url())
        for text in (
            '<link rel="canonical" href="http://testserver/tin-tuc/day-manh-phat-trien-kinh-te-tap-the/">',
            '<meta property="og:title" content="Đẩy mạnh phát triển kinh tế tập thể">',
            'property="og:image" content="http://testserver/media/tin-tuc/anh/co/',
            "Box: 514 HTX và quỹ tín dụng.",
            "Minh Hằng",
            'Nguồn: <a href="https://baonamdinh.vn/" rel="noopener nofollow">baonamdinh.vn</a>',
            "Tệp đính kèm",
            "Báo cáo 6 tháng",
            "(PDF,",
            "Hội nghị sơ kết 6 tháng",
            'alt="Quang cảnh hội nghị"',
            "480w",
            "https://www.facebook.com/sharer/sharer.php?u=http%3A%2F%2Ftestserver%2Ftin-tuc%2F",
            'href="/tin-tuc/the/kinh-te-tap-the/"',
            "Tin cùng chuyên mục",
            'aria-label="Vị trí trang"',
        ):
            self.assertContains(page, text)
        self.assertEqual(page.context["related"], [related])

    def test_views_are_counted_without_a_write_per_view(self):
        article = f.article()
        with CaptureQueriesContext(connection) as queries:
            self.client.get(article.get_absolute_url())
        self.assertFalse([q for q in queries if q["sql"].startswith('UPDATE "news_article"')])
        page = self.client.get(article.get_absolute_url())
        self.assertContains(page, "2 lượt xem")
        counters.flush()
        article.refresh_from_db()
        self.assertEqual(article.view_count, 2)

    def test_footer_shows_the_alliance_details_it_edits(self):
        SiteContent.objects.create(
            name="Liên minh Hợp tác xã tỉnh Nam Định", address="Số 2 Nguyễn Du, TP Nam Định",
            phone="0228.3849.412", fax="0228.3849.413", email="lienminhhtx@namdinh.gov.vn",
            website="https://lmhtx.namdinh.gov.vn",
        )  # fmt: skip
        Link.objects.create(name="Liên minh HTX Việt Nam", url="https://vca.org.vn")
        Banner.objects.create(
            title="OCOP", alt="Chương trình OCOP tỉnh", link="https://ocop.gov.vn",
            image=SimpleUploadedFile("ocop.jpg", f.image_file().read()),
        )  # fmt: skip
        Banner.objects.create(
            title="Cũ", alt="Banner đã tắt", is_active=False,
            image=SimpleUploadedFile("cu.jpg", f.image_file().read()),
        )  # fmt: skip
        page = self.client.get("/tin-tuc/")
        for text in (
            "Số 2 Nguyễn Du", "Điện thoại: 0228.3849.412", "Fax: 0228.3849.413",
            "lienminhhtx@namdinh.gov.vn", "Liên kết website", "Liên minh HTX Việt Nam",
            'alt="Chương trình OCOP tỉnh"', 'href="https://ocop.gov.vn"',
        ):  # fmt: skip
            self.assertContains(page, text)
        self.assertNotContains(page, "Banner đã tắt")


class NewsQueryCountTests(f.TemporaryMedia, TestCase):
    """Lists and articles cost the same number of queries with 3 or 30 articles."""

    def setUp(self):
        clear_caches()

    def add(self, count: int) -> None:
        tags = [Tag.objects.create(name=f"Từ khóa {Tag.objects.count() + n}") for n in range(3)]
        for _ in range(count):
            article = f.article()
            article.tags.add(*tags)
            Attachment.objects.create(
                article=article, title="Tệp", file=SimpleUploadedFile("a.pdf", f.pdf_bytes())
            )

    def count(self, url: str) -> int:
        clear_caches()
        counters.discard()
        self.client.cookies.clear()  # each measured view is a new visit, counted the same way
        with CaptureQueriesContext(connection) as queries:
            self.assertEqual(self.client.get(url).status_code, 200)
        return len(queries)

    def test_list_feed_sitemap_and_article_do_not_grow_with_articles(self):
        self.add(3)
        self.count("/tin-tuc/")  # the day's visit row exists from here on
        urls = ["/tin-tuc/", "/tin-tuc/?q=tin", "/tin-tuc/rss/", "/sitemap-tin-tuc.xml",
                "/tin-tuc/chuyen-muc/tin-tuc-su-kien/"]  # fmt: skip
        few = {url: self.count(url) for url in urls}
        article = f.article("Bài để đo")
        article.tags.add(*Tag.objects.all())
        few_article = self.count(article.get_absolute_url())
        self.add(30)
        for url in urls:
            self.assertEqual(self.count(url), few[url], url)
        self.assertEqual(self.count(article.get_absolute_url()), few_article)
