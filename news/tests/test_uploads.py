"""Uploads are checked by their content, turned upright and stripped of metadata."""

import datetime
import io
import re

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase, override_settings
from PIL import Image

from news.attachments import validate_attachment
from news.images import validate_image
from news.models import Attachment
from testing import news_factories as f
from testing.roles import RolesTestCase


class ImageCheckTests(f.TemporaryMedia, TestCase):
    def test_a_text_file_named_jpg_is_refused_by_name(self):
        fake = SimpleUploadedFile("anh-hoi-nghi.jpg", b"day khong phai la anh")
        with self.assertRaisesMessage(ValidationError, "Tệp “anh-hoi-nghi.jpg” không phải là ảnh"):
            validate_image(fake)

    def test_a_pdf_renamed_jpg_is_refused(self):
        with self.assertRaisesMessage(ValidationError, "không phải là ảnh hợp lệ"):
            validate_image(SimpleUploadedFile("bao-cao.jpg", f.pdf_bytes()))

    def test_a_truncated_image_is_refused_even_after_weasyprint_loosened_pillow(self):
        import weasyprint  # noqa: F401  (it sets ImageFile.LOAD_TRUNCATED_IMAGES = True)

        for name, fmt in (("cut.jpg", "JPEG"), ("cut.png", "PNG"), ("cut.webp", "WEBP")):
            whole = f.image_file(name, fmt=fmt).read()
            validate_image(SimpleUploadedFile(name, whole))
            with self.assertRaises(ValidationError, msg=name) as refused:
                validate_image(SimpleUploadedFile(name, whole[: len(whole) * 2 // 3]))
            self.assertIn(name, refused.exception.messages[0])

    def test_an_image_with_too_many_pixels_is_refused(self):
        huge = f.image_file("lon.png", size=(8000, 6000), fmt="PNG")  # 48 MP, small file
        with self.assertRaisesMessage(ValidationError, "quá lớn: 8.000 × 6.000 điểm ảnh"):
            validate_image(huge)

    @override_settings(IMAGE_MAX_MB=1)
    def test_a_heavy_file_is_refused_with_its_size(self):
        heavy = SimpleUploadedFile("nang.jpg", b"\xff\xd8" + b"0" * (2 * 2**20))
        with self.assertRaisesMessage(ValidationError, "vượt giới hạn 1 MB"):
            validate_image(heavy)

    def test_a_real_image_passes(self):
        validate_image(f.image_file())


class CoverTests(f.TemporaryMedia, TestCase):
    def test_cover_is_turned_upright_stripped_and_made_in_three_sizes(self):
        exif = Image.Exif()
        exif[0x0112] = 6  # orientation: turn 90° clockwise to view
        exif[0x8825] = {2: (21.0, 1.0, 0.0)}  # GPS latitude
        exif[0x010F] = "Máy ảnh"
        upload = f.image_file("anh hội nghị.jpg", size=(1200, 800), exif=exif.tobytes())
        article = f.article(cover=upload, cover_alt="Quang cảnh hội nghị")
        with Image.open(article.cover.path) as stored:
            self.assertEqual(stored.size, (800, 1200))  # upright
            self.assertFalse(dict(stored.getexif()))  # no orientation, camera or GPS left
        for field, width in (("cover_list", 480), ("cover_card", 800), ("cover_article", 800)):
            with Image.open(getattr(article, field).path) as size:
                self.assertEqual(size.format, "WEBP")
                self.assertEqual(size.width, width, field)
        self.assertIn("480w", article.cover_srcset())
        self.assertTrue(article.cover.name.endswith(".jpg"))
        # Its size is kept, so that the article's page reserves the cover's box.
        self.assertEqual((article.cover_width, article.cover_height), (800, 1200))
        self.assertIn("-card-", article.cover_srcset().split(", ")[1])
        self.assertTrue(article.cover_srcset().split(", ")[1].endswith(" 800w"))  # not 960w
        page = self.client.get(article.get_absolute_url()).content.decode()
        cover = re.search(r'<img src="[^"]*"[^>]*alt="Quang cảnh hội nghị"[^>]*>', page).group()
        self.assertIn('width="800" height="1200"', cover)
        article.cover = ""
        article.save()
        self.assertEqual((article.cover_width, article.cover_height), (None, None))

    def test_the_home_pages_largest_image_is_not_loaded_lazily(self):
        from django.core.cache import cache

        first = f.article("Hội nghị tổng kết", cover=f.image_file(), cover_alt="Hội nghị",
                          featured=True)  # fmt: skip
        f.article("Tin cũ hơn", cover=f.image_file(), cover_alt="Tin cũ", featured=True,
                  publish_at=first.publish_at - datetime.timedelta(days=1))  # fmt: skip
        cache.clear()
        page = self.client.get("/").content.decode()
        covers = re.findall(r'<img src="[^"]*"[^>]*alt="(Hội nghị|Tin cũ)"[^>]*>', page)
        tags = re.findall(r'<img src="[^"]*"[^>]*alt="(?:Hội nghị|Tin cũ)"[^>]*>', page)
        self.assertEqual(covers, ["Hội nghị", "Tin cũ"])
        self.assertIn('fetchpriority="high"', tags[0])
        self.assertNotIn('loading="lazy"', tags[0])
        self.assertIn('loading="lazy"', tags[1])

    def test_a_cover_is_processed_once_not_on_every_save(self):
        from django.core.files.base import ContentFile

        from news.models import Article

        data = f.image_file().read()
        article = f.article(cover=ContentFile(data, name="bia.jpg"), cover_alt="Ảnh bìa")
        stored = (article.cover.name, article.cover_list.name)
        self.assertTrue(all(stored))
        article.title = "Tiêu đề khác"
        article.save()
        again = Article.objects.get(pk=article.pk)
        again.save()
        listed = Article.objects.only("slug").get(pk=article.pk)  # cover not loaded
        listed.save()
        again.refresh_from_db()
        self.assertEqual((again.cover.name, again.cover_list.name), stored)

    def test_a_cover_needs_a_description(self):
        article = f.article()
        article.cover = f.image_file()
        with self.assertRaisesMessage(ValidationError, "mô tả ảnh đại diện"):
            article.full_clean()


class AttachmentTests(f.TemporaryMedia, TestCase):
    def test_pdf_word_and_excel_are_recognised_by_content(self):
        article = f.article()
        for name, data, kind in (
            ("ke-hoach.pdf", f.pdf_bytes(), "pdf"),
            ("bieu-mau.docx", f.office_bytes("docx"), "docx"),
            ("so-lieu.xlsx", f.office_bytes("xlsx"), "xlsx"),
        ):
            upload = SimpleUploadedFile(name, data)
            validate_attachment(upload)
            stored = Attachment.objects.create(article=article, title=name, file=upload)
            self.assertEqual((stored.kind, stored.size), (kind, len(data)))

    def test_other_files_are_refused_whatever_their_name(self):
        cases = [
            ("virus.pdf", b"MZ\x90\x00 an executable", "không phải là tệp PDF, Word"),
            ("trang.docx", b"<html><script>alert(1)</script></html>", "không phải là tệp PDF"),
            ("nen.xlsx", _zip_without_office(), "không phải là tệp PDF"),
            ("ke-hoach.docx", f.pdf_bytes(), "có nội dung PDF nhưng phần mở rộng là “.docx”"),
            ("anh.jpg", f.image_file().read(), "không phải là tệp PDF"),
        ]
        for name, data, message in cases:
            with self.assertRaisesMessage(ValidationError, message, msg=name):
                validate_attachment(SimpleUploadedFile(name, data))

    @override_settings(ATTACHMENT_MAX_MB=1)
    def test_a_heavy_attachment_is_refused(self):
        heavy = SimpleUploadedFile("lon.pdf", f.pdf_bytes() + b"0" * 2**21)
        with self.assertRaisesMessage(ValidationError, "vượt giới hạn 1 MB"):
            validate_attachment(heavy)


def _zip_without_office() -> bytes:
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "x")
    return buffer.getvalue()


class AdminCoverTests(f.TemporaryMedia, RolesTestCase):
    """The admin stores a cover through news.services.store_cover_image: never as sent."""

    def test_a_cover_sent_to_the_admin_is_stored_upright_stripped_and_in_three_sizes(self):
        from django.urls import reverse

        from news.models import Article
        from testing.admin_forms import article_form

        exif = Image.Exif()
        exif[0x0112] = 6  # orientation: turn 90° clockwise to view
        exif[0x010F] = "Máy ảnh"
        upload = f.image_file("bia.jpg", size=(1200, 800), exif=exif.tobytes())
        self.client.force_login(self.editor)
        data = article_form(title="Tin có ảnh", cover=upload, cover_alt="Ảnh bìa")
        response = self.client.post(reverse("admin:news_article_add"), data)
        self.assertEqual(response.status_code, 302)
        article = Article.objects.get(title="Tin có ảnh")
        with Image.open(article.cover.path) as stored:
            self.assertEqual(stored.size, (800, 1200))
            self.assertFalse(dict(stored.getexif()))
        with Image.open(article.cover_list.path) as size:
            self.assertEqual((size.format, size.width), ("WEBP", 480))
        self.assertEqual((article.created_by, article.updated_by), (self.editor, self.editor))
        self.assertEqual(article.history.get().history_user, self.editor)

        # An edit that keeps the cover keeps its files; removing it drops the sizes.
        stored = (article.cover.name, article.cover_list.name)
        change = reverse("admin:news_article_change", args=[article.pk])
        self.client.post(change, article_form(title="Tin có ảnh", cover_alt="Ảnh bìa"))
        article.refresh_from_db()
        self.assertEqual((article.cover.name, article.cover_list.name), stored)
        self.client.post(change, article_form(title="Tin có ảnh", **{"cover-clear": "on"}))
        article.refresh_from_db()
        self.assertEqual((article.cover.name, article.cover_list.name), ("", ""))


class AdminBannerTests(f.TemporaryMedia, RolesTestCase):
    """The admin stores a banner's image through news.services.store_banner_image."""

    def test_a_banner_sent_to_the_admin_is_stored_upright_and_stripped(self):
        from django.urls import reverse

        from news.models import Banner

        exif = Image.Exif()
        exif[0x0112] = 6  # orientation: turn 90° clockwise to view
        exif[0x010F] = "Máy ảnh"
        upload = f.image_file("hoi-cho.jpg", size=(900, 300), exif=exif.tobytes())
        self.client.force_login(self.editor)
        response = self.client.post(
            reverse("admin:news_banner_add"),
            {"title": "Hội chợ HTX", "image": upload, "alt": "Hội chợ", "link": "vca.org.vn",
             "place": "side", "order": "0", "is_active": "on"},
        )  # fmt: skip
        self.assertEqual(response.status_code, 302)
        banner = Banner.objects.get(title="Hội chợ HTX")
        with Image.open(banner.image.path) as stored:
            self.assertEqual(stored.size, (300, 900))
            self.assertFalse(dict(stored.getexif()))
        self.assertEqual(banner.link, "https://vca.org.vn")

        # Changing the order from the list keeps the stored image.
        name = banner.image.name
        change = reverse("admin:news_banner_change", args=[banner.pk])
        self.client.post(
            change,
            {"title": "Hội chợ HTX", "alt": "Hội chợ", "link": "https://vca.org.vn",
             "place": "side", "order": "3", "is_active": "on"},
        )  # fmt: skip
        banner.refresh_from_db()
        self.assertEqual((banner.order, banner.image.name), (3, name))
