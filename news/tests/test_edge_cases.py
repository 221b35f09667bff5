"""Edge cases: caches that could be poisoned or outlive a change, addresses that could
move, the publishing right, revisions with covers, and uploads from real phones."""

import datetime
import io

from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from news.images import validate_image
from news.models import Article, Banner, Link, SiteContent
from news.services import store_banner_image, store_cover_image
from testing import news_factories as f
from testing.admin_forms import article_form as form_data
from testing.roles import RolesTestCase


class CacheTests(f.TemporaryMedia, RolesTestCase):
    def setUp(self):
        cache.clear()

    def test_other_methods_never_fill_the_visitors_cache(self):
        f.article("Tin hiển thị")
        self.client.options("/tin-tuc/")
        self.client.post("/tin-tuc/")
        self.client.head("/tin-tuc/")
        self.assertContains(self.client.get("/tin-tuc/"), "Tin hiển thị")

    @override_settings(ALLOWED_HOSTS=["cong-a.vn", "cong-b.vn"])
    def test_each_host_gets_its_own_addresses(self):
        f.article("Tin hiển thị")
        self.client.get("/sitemap.xml", HTTP_HOST="cong-a.vn")
        self.assertContains(
            self.client.get("/sitemap.xml", HTTP_HOST="cong-b.vn"), "http://cong-b.vn/"
        )
        self.assertContains(
            self.client.get("/tin-tuc/rss/", HTTP_HOST="cong-b.vn"), "http://cong-b.vn/"
        )

    def test_unknown_parameters_share_the_cached_page(self):
        f.article("Tin hiển thị")
        self.client.get("/tin-tuc/")
        self.assertIsNone(self.client.get("/tin-tuc/?utm_source=zalo").context)  # cached

    def test_a_change_in_another_process_is_seen(self):
        """Versions live in the database: a change made elsewhere moves pages on."""
        from core.models import DataVersion

        self.client.get("/tin-tuc/")
        f.article("Tin mới của máy khác")  # bumps through the signal, as any process would
        self.assertContains(self.client.get("/tin-tuc/"), "Tin mới của máy khác")
        self.assertNotEqual(DataVersion.objects.get(name="news").version, 1)


class AddressTests(RolesTestCase):
    def test_a_published_article_keeps_its_address_after_unpublishing_and_retitling(self):
        article = f.article("Tiêu đề gốc")
        article.status = Article.Status.DRAFT
        article.title = "Tiêu đề mới"
        article.save()
        self.assertEqual(article.slug, "tieu-de-goc")

    def test_restoring_an_old_revision_keeps_the_address_and_never_collides(self):
        article = f.article("Tiêu đề đầu", live=False)
        article.title = "Tiêu đề cuối"
        article.save()
        self.assertEqual(article.slug, "tieu-de-cuoi")
        article.status = Article.Status.PUBLISHED
        article.save()
        old = article.history.earliest().instance
        old.save()  # restore the first draft revision
        self.assertEqual(Article.objects.get(pk=article.pk).slug, "tieu-de-cuoi")
        draft = f.article("Bản nháp A", live=False)
        draft.title = "Bản nháp B"
        draft.save()
        f.article("Bản nháp A")  # another article takes the old address
        draft.history.earliest().instance.save()
        self.assertEqual(Article.objects.get(pk=draft.pk).slug, "ban-nhap-a-2")

    def test_a_typed_address_is_kept_and_rss_is_reserved(self):
        typed = f.article("Tiêu đề A", live=False, slug="Đường dẫn riêng")
        self.assertEqual(typed.slug, "duong-dan-rieng")
        typed.title = "Tiêu đề B"
        typed.save()
        self.assertEqual(typed.slug, "duong-dan-rieng")
        self.assertEqual(f.article("RSS").slug, "rss-2")


class PublishingRightTests(RolesTestCase):
    def setUp(self):
        self.editor.groups.clear()
        self.editor.user_permissions.set(
            Permission.objects.filter(
                content_type__app_label="news",
                codename__in=["add_article", "change_article", "view_article"],
            )
        )
        self.client.force_login(self.editor)

    def post(self, article, **changes):
        url = reverse("admin:news_article_change", args=[article.pk])
        local = timezone.localtime(changes.pop("publish_at", article.publish_at))
        data = form_data(
            title=article.title, status=changes.pop("status", article.status),
            publish_at_0=local.strftime("%d/%m/%Y"), publish_at_1=local.strftime("%H:%M:%S"),
            **changes,
        )  # fmt: skip
        return self.client.post(url, data)

    def test_without_it_no_move_changes_what_the_public_sees(self):
        soon = f.article("Hẹn giờ", publish_at=timezone.now() + datetime.timedelta(days=1))
        live = f.article("Đang đăng")
        cases = [
            (soon, {"publish_at": timezone.now() - datetime.timedelta(minutes=1)}),
            (live, {"publish_at": timezone.now() + datetime.timedelta(days=999)}),
            (live, {"status": Article.Status.DRAFT}),
            (live, {"body": "<p>Sửa thẳng trên bài đang đăng.</p>"}),
        ]
        for article, changes in cases:
            response = self.post(article, **changes)
            self.assertEqual(response.status_code, 200, changes)
            self.assertContains(response, "chỉ người có quyền đăng bài mới sửa được")
        self.assertEqual(Article.objects.get(pk=soon.pk).state, "scheduled")
        self.assertEqual(Article.objects.get(pk=live.pk).state, "published")

    def test_restoring_a_published_revision_of_a_draft_is_refused(self):
        article = f.article("Bài từng đăng")
        article.status = Article.Status.DRAFT
        article.save()
        first = article.history.earliest()
        url = reverse("admin:news_article_simple_history", args=[article.pk, first.pk])
        local = timezone.localtime(article.publish_at)
        response = self.client.post(url, form_data(
            title=article.title, status="published",
            publish_at_0=local.strftime("%d/%m/%Y"), publish_at_1=local.strftime("%H:%M:%S"),
        ))  # fmt: skip
        self.assertContains(response, "Bạn không có quyền đăng bài")
        self.assertEqual(Article.objects.get(pk=article.pk).status, Article.Status.DRAFT)


class EditorLooksUpOrganisationsTests(RolesTestCase):
    def test_an_editor_finds_public_organisations_only_and_cannot_read_the_registry(self):
        self.other.is_public = False
        self.other.save()
        self.client.force_login(self.editor)
        url = reverse("admin:autocomplete")
        params = {"app_label": "news", "model_name": "article", "field_name": "organizations"}
        found = self.client.get(url, params | {"term": "htx"}).json()["results"]
        self.assertEqual([r["text"] for r in found], [str(self.own)])
        organisations = reverse("admin:cooperatives_organization_changelist")
        self.assertEqual(self.client.get(organisations).status_code, 403)
        wrong = self.client.get(url, params | {"field_name": "tags", "model_name": "x"})
        self.assertEqual(wrong.status_code, 403)

    def test_the_refusal_page_is_vietnamese(self):
        self.client.force_login(self.editor)
        response = self.client.get("/bao-cao/")
        self.assertContains(response, "Không có quyền truy cập", status_code=403)


class RevisionCoverTests(f.TemporaryMedia, RolesTestCase):
    def test_restoring_a_revision_keeps_every_cover_file(self):
        article = f.article(cover=ContentFile(f.image_file().read(), name="a.jpg"), cover_alt="A")
        first_cover = article.cover.name
        store_cover_image(
            article=article,
            upload=ContentFile(f.image_file(color=(200, 10, 10)).read(), name="b.jpg"),
        )
        self.assertNotEqual(article.cover.name, first_cover)
        article.history.earliest().instance.save()  # restore the first revision
        restored = Article.objects.get(pk=article.pk)
        self.assertEqual(restored.cover.name, first_cover)
        self.assertTrue(restored.cover.storage.exists(first_cover))
        self.assertTrue(restored.cover_list)
        restored.full_clean()  # stored files are not checked again, and are there


class PhoneUploadTests(f.TemporaryMedia, RolesTestCase):
    def test_comments_and_camera_data_are_removed_from_covers_and_banners(self):
        buffer = io.BytesIO()
        exif = Image.Exif()
        exif[0x0112] = 6
        Image.new("RGB", (300, 200), (10, 90, 40)).save(
            buffer, "JPEG", comment=b"bi mat", exif=exif.tobytes()
        )
        article = f.article(cover=SimpleUploadedFile("c.jpg", buffer.getvalue()), cover_alt="x")
        banner = store_banner_image(
            banner=Banner(title="B", alt="b"), upload=SimpleUploadedFile("b.jpg", buffer.getvalue())
        )
        for stored in (article.cover, banner.image):
            data = stored.storage.open(stored.name).read()
            self.assertNotIn(b"bi mat", data)
            with Image.open(io.BytesIO(data)) as image:
                self.assertEqual(image.size, (200, 300))
                self.assertFalse(dict(image.getexif()))

    def test_a_motion_photo_with_a_video_after_the_picture_is_accepted(self):
        picture = f.image_file().read()
        validate_image(SimpleUploadedFile("pixel.jpg", picture + b"\x00\x00\x00\x18ftypmp42" * 50))

    def test_links_are_web_addresses_whatever_the_path(self):
        link = Link.objects.create(name="x", url="javascript:alert(1)")
        banner = Banner(title="b", alt="b", link="JAVASCRIPT:alert(1)",
                        image=SimpleUploadedFile("b.jpg", f.image_file().read()))  # fmt: skip
        banner.save()
        site = SiteContent.objects.create(name="x", website="data:text/html,x")
        article = f.article(source_url="javascript:alert(1)")
        self.assertEqual((link.url, banner.link, site.website, article.source_url), ("",) * 4)

    def test_a_decompression_bomb_gets_a_size_message(self):
        import struct
        import zlib

        def chunk(kind: bytes, data: bytes) -> bytes:
            return (
                struct.pack(">I", len(data))
                + kind
                + data
                + struct.pack(">I", zlib.crc32(kind + data))
            )

        # A header claiming 30.000 × 30.000 pixels: Pillow refuses it when opening.
        header = struct.pack(">IIBBBBB", 30000, 30000, 8, 2, 0, 0, 0)
        bomb = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IEND", b"")
        with self.assertRaisesMessage(ValidationError, "Ảnh “bom.png” quá lớn"):
            validate_image(SimpleUploadedFile("bom.png", bomb))
