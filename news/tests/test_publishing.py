"""Scheduled articles go live at their time, with no worker; feeds and sitemaps follow."""

import datetime
import io
import re

import time_machine
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone

from news.models import Article
from testing import news_factories as f
from testing.roles import RolesTestCase


class ScheduledPublishingTests(RolesTestCase):
    def setUp(self):
        cache.clear()
        self.start = timezone.now().replace(microsecond=0)
        self.traveller = time_machine.travel(self.start, tick=False)
        self.clock = self.traveller.start()
        self.addCleanup(self.traveller.stop)
        self.live = f.article(
            "Tin đã đăng từ trước", publish_at=self.start - datetime.timedelta(days=1)
        )
        self.scheduled = f.article(
            "Thông báo mở lớp tập huấn cán bộ HTX",
            publish_at=self.start + datetime.timedelta(hours=2),
        )
        self.draft = f.article("Bản nháp chưa xong", live=False)
        self.gone = f.article("Tin đã gỡ", status=Article.Status.UNPUBLISHED)

    def listed(self) -> list[str]:
        return [a.title for a in self.client.get("/tin-tuc/").context["articles"]]

    def test_a_scheduled_article_appears_at_its_time_and_not_before(self):
        self.assertEqual(self.listed(), ["Tin đã đăng từ trước"])  # and now it is cached
        self.assertEqual(self.client.get(self.scheduled.get_absolute_url()).status_code, 404)
        self.assertEqual(self.scheduled.state_label, "Hẹn giờ đăng")

        self.clock.shift(datetime.timedelta(hours=2) - datetime.timedelta(seconds=1))
        self.assertNotIn(
            "Thông báo mở lớp tập huấn cán bộ HTX",
            self.client.get("/tin-tuc/rss/").content.decode(),
        )

        self.clock.shift(datetime.timedelta(seconds=1))  # exactly the publish time
        self.assertEqual(
            self.listed(), ["Thông báo mở lớp tập huấn cán bộ HTX", "Tin đã đăng từ trước"]
        )
        self.assertEqual(self.client.get(self.scheduled.get_absolute_url()).status_code, 200)
        self.assertIn(
            "Thông báo mở lớp tập huấn cán bộ HTX",
            self.client.get("/tin-tuc/rss/").content.decode(),
        )
        self.assertIn(self.scheduled.slug, self.client.get("/sitemap-tin-tuc.xml").content.decode())

    def test_a_page_rendered_across_a_publish_time_is_not_cached(self):
        from django.contrib.auth.models import AnonymousUser
        from django.http import HttpResponse
        from django.test import RequestFactory

        from core.caching import cached_for_visitors

        renders = []

        def slow_view(request):
            renders.append(1)
            self.clock.shift(datetime.timedelta(hours=3))  # the scheduled one went live
            return HttpResponse("trang")

        view = cached_for_visitors(slow_view, "thu")
        request = RequestFactory().get("/tin-tuc/")
        request.user = AnonymousUser()
        view(request)
        view(request)
        self.assertEqual(len(renders), 2)

    def test_the_command_refreshes_caches_at_the_moment(self):
        self.client.get("/tin-tuc/")
        self.clock.shift(datetime.timedelta(hours=3))
        out = io.StringIO()
        call_command("publish_scheduled", stdout=out)
        self.assertIn("Đã đến giờ đăng: Thông báo mở lớp tập huấn cán bộ HTX", out.getvalue())
        self.assertIn("1 bài đến giờ đăng", out.getvalue())
        out = io.StringIO()
        call_command("publish_scheduled", stdout=out)  # nothing new the second time
        self.assertIn("0 bài đến giờ đăng", out.getvalue())

    def test_drafts_scheduled_and_unpublished_are_404_for_the_public_and_preview_for_editors(self):
        for article in (self.draft, self.scheduled, self.gone):
            self.client.logout()
            self.assertEqual(self.client.get(article.get_absolute_url()).status_code, 404)
            for user in (self.area_officer, self.official):
                self.client.force_login(user)
                self.assertEqual(self.client.get(article.get_absolute_url()).status_code, 404)
            for user in (self.editor, self.alliance):
                self.client.force_login(user)
                page = self.client.get(article.get_absolute_url())
                self.assertContains(page, "Bản xem trước")
                self.assertContains(page, '<meta name="robots" content="noindex, nofollow">')
                self.assertIn("no-store", page["Cache-Control"])
        self.client.force_login(self.editor)
        self.assertContains(
            self.client.get(self.scheduled.get_absolute_url()),
            f"sẽ đăng lúc {timezone.localtime(self.scheduled.publish_at):%H:%M %d/%m/%Y}",
        )

    def test_feed_and_sitemap_list_exactly_the_published_articles(self):
        more = [
            f.article(publish_at=self.start - datetime.timedelta(minutes=n)) for n in range(1, 4)
        ]
        published = {self.live.slug, *[a.slug for a in more]}
        feed = self.client.get("/tin-tuc/rss/")
        self.assertEqual(feed["Content-Type"], "application/rss+xml; charset=utf-8")
        in_feed = set(
            re.findall(r"<link>http://testserver/tin-tuc/([^/<]+)/</link>", feed.content.decode())
        )
        self.assertEqual(in_feed, published)
        sitemap = self.client.get("/sitemap-tin-tuc.xml").content.decode()
        in_sitemap = set(re.findall(r"<loc>http://testserver/tin-tuc/([^/<]+)/</loc>", sitemap))
        self.assertEqual(in_sitemap, published)

    def test_unpublishing_takes_an_article_away_at_once(self):
        self.assertIn("Tin đã đăng từ trước", self.listed())
        self.live.status = Article.Status.UNPUBLISHED
        with self.captureOnCommitCallbacks(execute=True):
            self.live.save()
        self.assertNotIn("Tin đã đăng từ trước", self.listed())
        self.assertEqual(self.client.get(self.live.get_absolute_url()).status_code, 404)
