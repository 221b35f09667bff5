import datetime
import io
import itertools

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from news.models import Article, Category
from news.services import store_cover_image

_numbers = itertools.count(1)


def category(slug: str = "tin-tuc-su-kien") -> Category:
    return Category.objects.get(slug=slug)


def article(title: str | None = None, *, live: bool = True, **fields) -> Article:
    number = next(_numbers)
    fields.setdefault("lead", f"Sapo của bài số {number}.")
    fields.setdefault("body", f"<p>Nội dung bài số {number}.</p>")
    fields.setdefault("category", category())
    fields.setdefault("status", Article.Status.PUBLISHED if live else Article.Status.DRAFT)
    fields.setdefault("publish_at", timezone.now() - datetime.timedelta(hours=number))
    cover = fields.pop("cover", None)
    article = Article(title=title or f"Tin hoạt động HTX số {number}", **fields)
    if cover:  # stored as the admin stores it: upright, no metadata, three sizes
        return store_cover_image(article=article, upload=cover)
    article.save(force_insert=True)
    return article


def image_file(name="anh.jpg", size=(1200, 800), color=(40, 120, 60), fmt="JPEG", **save):
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, fmt, **save)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def pdf_bytes() -> bytes:
    return (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    )


def office_bytes(kind: str) -> bytes:
    """A minimal .docx or .xlsx package (the parts the type check looks for)."""
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml" if kind == "docx" else "xl/workbook.xml", "<x/>")
    return buffer.getvalue()


class TemporaryMedia:
    """Uploads of a test class go to a folder of their own, removed afterwards."""

    @classmethod
    def setUpClass(cls):
        import shutil
        import tempfile

        from django.test import override_settings

        cls._media = tempfile.mkdtemp(prefix="htx-media-")
        cls._media_override = override_settings(MEDIA_ROOT=cls._media)
        cls._media_override.enable()
        cls.addClassCleanup(shutil.rmtree, cls._media, ignore_errors=True)
        cls.addClassCleanup(cls._media_override.disable)
        super().setUpClass()
