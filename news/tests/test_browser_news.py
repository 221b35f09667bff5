"""An editor writes an article in the rich-text editor, offline, schedules it; it appears."""

import datetime
from urllib.parse import urlparse

import time_machine
from django.core.cache import cache
from django.utils import timezone

from news.models import Article
from testing.browser import BrowserTestCase
from testing.news_factories import TemporaryMedia
from testing.roles import RolesTestCase


class EditorInBrowserTests(TemporaryMedia, BrowserTestCase):
    make_htx = classmethod(RolesTestCase.make_htx.__func__)

    def setUp(self):
        RolesTestCase.setUpTestData.__func__(type(self))
        cache.clear()

    def offline_page(self, user=None):
        """A page that may load nothing but the portal itself: no CDN, no outside font."""
        page = self.new_page(user)
        own = urlparse(self.live_server_url).netloc
        outside = []

        def guard(route):
            if urlparse(route.request.url).netloc == own:
                route.continue_()
            else:
                outside.append(route.request.url)
                route.abort()

        page.route("**/*", guard)
        self.addCleanup(lambda: self.assertEqual(outside, [], "requests left the portal"))
        return page

    def test_an_editor_writes_schedules_and_the_article_appears_at_its_time(self):
        start = timezone.localtime().replace(second=0, microsecond=0)
        publish = start + datetime.timedelta(hours=1)
        page = self.offline_page(self.editor)
        page.goto(f"{self.live_server_url}/quan-tri/news/article/add/")
        page.fill("#id_title", "HTX Rau an toàn Yên Bằng đạt chứng nhận VietGAP")
        page.fill("#id_lead", "HTX vừa được cấp chứng nhận VietGAP cho 12 ha rau.")
        self.assertEqual(page.locator(".field-body [title='Chữ đậm (Ctrl+B)']").count(), 1)
        editor = page.locator(".field-body [contenteditable=true]")
        editor.click()
        page.keyboard.type("Sáng 20/11, ")
        page.keyboard.press("Control+b")
        page.keyboard.type("HTX Rau an toàn Yên Bằng")
        page.keyboard.press("Control+b")
        page.keyboard.type(" nhận chứng nhận VietGAP.")
        page.select_option("#id_category", label="Gương HTX điển hình")
        page.select_option("#id_status", "published")
        page.fill("#id_publish_at_0", publish.strftime("%d/%m/%Y"))
        page.fill("#id_publish_at_1", publish.strftime("%H:%M:%S"))
        self.screenshot(page, "news-editor")
        page.locator("input[name=_save]").click()
        page.locator(".messagelist").wait_for()
        article = Article.objects.get()
        self.assertIn("<strong>HTX Rau an toàn Yên Bằng</strong>", article.body)
        self.assertEqual(article.state, "scheduled")
        self.assertEqual(article.created_by, self.editor)

        reader = self.offline_page()
        self.assertEqual(
            reader.goto(f"{self.live_server_url}{article.get_absolute_url()}").status, 404
        )
        reader.goto(f"{self.live_server_url}/tin-tuc/")
        self.assertEqual(reader.get_by_text("HTX Rau an toàn Yên Bằng đạt chứng nhận").count(), 0)

        with time_machine.travel(publish + datetime.timedelta(seconds=1)):
            reader.goto(f"{self.live_server_url}/tin-tuc/")
            reader.get_by_role(
                "link", name="HTX Rau an toàn Yên Bằng đạt chứng nhận VietGAP"
            ).click()
            reader.get_by_role("heading", level=1).wait_for()
            self.assertIn("VietGAP", reader.get_by_role("heading", level=1).inner_text())
            self.assertEqual(
                reader.locator(".prose strong").inner_text(), "HTX Rau an toàn Yên Bằng"
            )
            self.screenshot(reader, "news-article-published")
