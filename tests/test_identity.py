"""The portal's identity (issue 17): an emblem staff replace, a hero with the headline
figure, banners with their captions."""

import re

from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from news.models import Banner, SiteContent
from news.services import store_banner_image
from testing import news_factories as f
from testing.roles import RolesTestCase, clear_caches


def png(size=(1000, 1000)) -> SimpleUploadedFile:
    import io

    image = Image.new("RGBA", size, (0, 0, 0, 0))
    image.paste((11, 93, 59, 255), (100, 100, size[0] - 100, size[1] - 100))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return SimpleUploadedFile("logo lien minh.png", buffer.getvalue(), content_type="image/png")


class EmblemTests(f.TemporaryMedia, RolesTestCase):
    def setUp(self):
        clear_caches()

    def header_logo(self) -> str:
        page = self.client.get("/tin-tuc/").content.decode()
        brand = re.search(r'<a class="brand"[^>]*>(.*?)</a>', page, re.S).group(1)
        self.assertIn("<span>Liên minh", brand)  # the name is text beside the picture
        return re.search(r'<img class="brand-logo" src="([^"]+)" alt=""', brand).group(1)

    def test_the_portal_has_an_emblem_until_staff_upload_their_own(self):
        self.assertEqual(self.header_logo(), "/static/img/emblem.svg")
        self.client.force_login(self.superuser)
        change = reverse("admin:news_sitecontent_change", args=[1])
        self.client.get(reverse("admin:news_sitecontent_changelist"))  # makes the one row
        response = self.client.post(change, {"name": "Liên minh HTX tỉnh Ninh Bình", "logo": png()})
        self.assertEqual(response.status_code, 302)
        content = SiteContent.load()
        with Image.open(content.logo.path) as stored:
            # Header-sized (twice the 44 px shown), its transparency kept.
            self.assertEqual((stored.format, stored.size, stored.mode), ("PNG", (192, 192), "RGBA"))
        self.client.logout()
        clear_caches()
        self.assertEqual(self.header_logo(), content.logo.url)

    def test_a_file_that_is_not_an_image_is_refused_in_vietnamese(self):
        self.client.force_login(self.superuser)
        self.client.get(reverse("admin:news_sitecontent_changelist"))
        fake = SimpleUploadedFile("logo.png", b"khong phai anh", content_type="image/png")
        response = self.client.post(
            reverse("admin:news_sitecontent_change", args=[1]), {"name": "LM", "logo": fake}
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn(
            "không phải là hình ảnh", str(response.context["adminform"].form.errors["logo"])
        )
        self.assertFalse(SiteContent.load().logo)


class HeroAndBannerTests(f.TemporaryMedia, RolesTestCase):
    def setUp(self):
        cache.clear()
        clear_caches()

    def banner(self, title, place):
        return store_banner_image(
            banner=Banner(title=title, alt=f"Ảnh {title}", place=place, link="https://vca.org.vn"),
            upload=f.image_file("b.jpg", size=(1200, 300)),
        )

    def test_banners_say_in_words_what_they_are(self):
        self.banner("Hội chợ sản phẩm HTX 2026", Banner.Place.TOP)
        self.banner("Chương trình OCOP tỉnh", Banner.Place.SIDE)
        home = self.client.get("/").content.decode()
        hero = home[home.index('<section class="hero"') : home.index("</section>")]
        self.assertIn('<span class="banner-caption">Hội chợ sản phẩm HTX 2026</span>', hero)
        self.assertIn('fetchpriority="high"', hero)  # the largest picture is not lazy
        strip = home[home.index('<aside class="banners') :]
        strip = strip[: strip.index("</aside>")]
        self.assertIn('<span class="banner-caption">Chương trình OCOP tỉnh</span>', strip)
        self.assertNotIn("Hội chợ sản phẩm HTX 2026", strip)  # the top one is the hero's

    def test_the_hero_gives_the_headline_figure_of_the_latest_period(self):
        home = self.client.get("/")
        stats = home.context["stats"]
        hero = home.content.decode()
        hero = hero[hero.index('<section class="hero"') : hero.index("</section>")]
        self.assertIn("Tỉnh Nam Định · 6 tháng đầu năm 2023, đến ngày 30/06/2023", hero)
        total = stats["values"]["htx_total"]
        self.assertIn(f'<span class="hero-number">{total}</span>', hero)
        self.assertIn(f"thành lập mới {stats['values']['htx_new']} HTX", hero)
        self.assertIn('href="/thong-ke/"', hero)
