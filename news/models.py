"""The alliance's news: articles with their images and attachments, and site content."""

import datetime
import secrets
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField
from simple_history.models import HistoricalRecords

from core import images
from core.lib.text import fold, nfc
from core.locking import VersionedModel
from news.attachments import KINDS, sniff, validate_attachment
from news.sanitize import EDITOR_EXTENSIONS, clean_html, web_address
from news.slugs import RESERVED_SLUGS, is_generated, slug_from_title, unique_slug


def _unguessable(folder: str, filename: str) -> str:
    """An upload name with a random part, so that a draft's files cannot be guessed."""
    path = PurePath(filename)
    stem = slug_from_title(path.stem, max_length=60)
    return (
        f"{folder}/{timezone.localdate():%Y/%m}/{stem}-{secrets.token_hex(4)}{path.suffix.lower()}"
    )


def cover_path(instance, filename: str) -> str:
    return _unguessable("tin-tuc/anh", filename)


def cover_size_path(instance, filename: str) -> str:
    return _unguessable("tin-tuc/anh/co", filename)


def attachment_path(instance, filename: str) -> str:
    return _unguessable("tin-tuc/tep", filename)


def banner_path(instance, filename: str) -> str:
    return _unguessable("tin-tuc/banner", filename)


class Category(models.Model):
    name = models.CharField(_("tên chuyên mục"), max_length=100, unique=True)
    slug = models.SlugField(_("đường dẫn"), max_length=100, unique=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    description = models.CharField(_("mô tả"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("chuyên mục")
        verbose_name_plural = _("chuyên mục")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("news:category", args=[self.slug])


class Tag(models.Model):
    name = models.CharField(_("từ khóa"), max_length=100, unique=True)
    slug = models.SlugField(_("đường dẫn"), max_length=100, unique=True)

    class Meta:
        verbose_name = _("từ khóa")
        verbose_name_plural = _("từ khóa")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.name = nfc(self.name)
        if not self.slug:
            self.slug = unique_slug(
                slug_from_title(self.name, max_length=90),
                lambda s: Tag.objects.filter(slug=s).exclude(pk=self.pk).exists(),
            )
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("news:tag", args=[self.slug])


class ArticleQuerySet(models.QuerySet):
    def published(self, now=None) -> "ArticleQuerySet":
        """Live for the public at ``now``: set to publish, and its publish time has come.

        Scheduled articles need no worker: they appear by this rule at their time.
        """
        return self.filter(status=Article.Status.PUBLISHED, publish_at__lte=now or timezone.now())

    def listed(self) -> "ArticleQuerySet":
        """What a list of articles shows: title, lead, cover and category, not the body."""
        return self.select_related("category").defer("body", "highlight", "search_folded")

    def search(self, text: str) -> "ArticleQuerySet":
        """Accent-insensitive: ``hop tac xa`` finds ``Hợp tác xã``."""
        words = fold(text).split()
        query = Q()
        for word in words:
            query &= Q(search_folded__contains=word)
        return self.filter(query) if words else self


class Article(VersionedModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Bản nháp")
        PUBLISHED = "published", _("Đăng (ngay hoặc hẹn giờ)")
        UNPUBLISHED = "unpublished", _("Đã gỡ xuống")

    title = models.CharField(_("tiêu đề"), max_length=255)
    slug = models.SlugField(
        _("đường dẫn"),
        max_length=140,
        unique=True,
        blank=True,
        help_text=_("Tạo từ tiêu đề; không đổi sau khi bài đã đăng."),
    )
    lead = models.TextField(_("sapo (tóm tắt)"), max_length=1000)
    body = ProseEditorField(
        _("nội dung"), extensions=EDITOR_EXTENSIONS, sanitize=clean_html, blank=True
    )
    highlight = ProseEditorField(
        _("hộp thông tin (Box)"),
        extensions=EDITOR_EXTENSIONS,
        sanitize=clean_html,
        blank=True,
        help_text=_("Khung nổi bật trong bài, như “Box:” của bài báo in."),
    )
    cover = models.ImageField(
        _("ảnh đại diện"),
        upload_to=cover_path,
        blank=True,
        validators=[images.validate_image],
    )
    cover_list = models.ImageField(upload_to=cover_size_path, blank=True, editable=False)
    cover_card = models.ImageField(upload_to=cover_size_path, blank=True, editable=False)
    cover_article = models.ImageField(upload_to=cover_size_path, blank=True, editable=False)
    # The cover's size in pixels (its sizes keep its shape), so that pages reserve its box
    # before it loads: set when it is stored (news.services.store_cover_image).
    cover_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    cover_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    cover_caption = models.CharField(_("chú thích ảnh"), max_length=300, blank=True)
    cover_alt = models.CharField(
        _("mô tả ảnh (cho người khiếm thị)"),
        max_length=300,
        blank=True,
        help_text=_("Bắt buộc khi có ảnh: nói ảnh cho thấy gì."),
    )
    author = models.CharField(_("tác giả"), max_length=150, blank=True)
    source_name = models.CharField(
        _("nguồn"), max_length=150, blank=True, help_text=_("Ví dụ: baonamdinh.vn")
    )
    source_url = models.URLField(_("liên kết nguồn"), blank=True)
    category = models.ForeignKey(
        Category, verbose_name=_("chuyên mục"), on_delete=models.PROTECT, related_name="articles"
    )
    tags = models.ManyToManyField(
        Tag, verbose_name=_("từ khóa"), blank=True, related_name="articles"
    )
    organizations = models.ManyToManyField(
        "cooperatives.Organization",
        verbose_name=_("tổ chức liên quan"),
        blank=True,
        related_name="articles",
        # Forms and the admin's autocomplete offer and accept public organisations only:
        # a writer never reads the name of one that is not (docs/security.md).
        limit_choices_to={"is_public": True},
    )
    featured = models.BooleanField(_("tin nổi bật"), default=False)
    # A gallery's album or video shown in the article (issue 19), after its body.
    album = models.ForeignKey(
        "news.Album", verbose_name=_("album ảnh kèm bài"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="articles",
    )  # fmt: skip
    video = models.ForeignKey(
        "news.Video", verbose_name=_("video kèm bài"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="articles",
    )  # fmt: skip
    status = models.CharField(
        _("trạng thái"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    publish_at = models.DateTimeField(
        _("thời điểm đăng"),
        default=timezone.now,
        help_text=_("Đặt thời điểm trong tương lai để hẹn giờ đăng."),
    )
    view_count = models.PositiveIntegerField(_("lượt xem"), default=0, editable=False)
    # Set when first saved to publish: from then on the address never changes.
    published_once = models.BooleanField(default=False, editable=False)
    search_folded = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người tạo"),
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
        related_name="+",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người sửa sau cùng"),
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
        related_name="+",
    )
    history = HistoricalRecords(
        verbose_name=_("phiên bản bài viết"),
        m2m_fields=[tags],
        excluded_fields=["view_count", "search_folded", "published_once", "version"],
    )  # fmt: skip

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("bài viết")
        verbose_name_plural = _("bài viết")
        ordering = ["-publish_at", "-pk"]
        indexes = [models.Index(fields=["status", "-publish_at"])]
        permissions = [("publish_article", _("Có thể đăng và gỡ bài viết"))]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.title, self.lead = nfc(self.title), nfc(self.lead)
        # Whatever path the text came by (admin, import, shell), only clean HTML is kept.
        self.body, self.highlight = clean_html(self.body), clean_html(self.highlight)
        self.source_url = web_address(self.source_url)
        self.search_folded = fold(f"{self.title} {self.lead}")
        self._choose_slug()
        if self.status == self.Status.PUBLISHED:
            self.published_once = True
        if not self.cover:  # the sizes go with their cover (news.services makes them)
            self.cover_list = self.cover_card = self.cover_article = ""
            self.cover_width = self.cover_height = None
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("news:detail", args=[self.slug])

    @property
    def state(self) -> str:
        """Draft, scheduled, published or unpublished, as the editors see it."""
        if self.status == self.Status.PUBLISHED:
            return "scheduled" if self.publish_at > timezone.now() else "published"
        return self.status

    STATE_LABELS = {"draft": "Bản nháp", "scheduled": "Hẹn giờ đăng", "published": "Đã đăng",
                    "unpublished": "Đã gỡ xuống"}  # fmt: skip

    @property
    def state_label(self) -> str:
        return self.STATE_LABELS[self.state]

    @property
    def is_live(self) -> bool:
        return self.state == "published"

    def clean(self):
        super().clean()
        self.title = nfc(self.title)
        if self.cover and not self.cover_alt.strip():
            raise ValidationError({"cover_alt": "Hãy mô tả ảnh đại diện cho người khiếm thị."})

    def _choose_slug(self) -> None:
        """Make the address: from the title, or as typed; fixed once ever published.

        The stored row decides, so restoring an old revision cannot move a published
        article's address, and a typed address is kept when the title changes.
        """
        before = (
            Article.objects.filter(pk=self.pk).values("slug", "title", "published_once").first()
            if self.pk
            else None
        )
        if before and before["published_once"]:
            self.slug, self.published_once = before["slug"], True
            return
        if not self.slug:
            self.slug = slug_from_title(self.title)
        elif (
            before
            and self.title != before["title"]
            and self.slug == before["slug"]
            and is_generated(before["slug"], before["title"])
        ):
            self.slug = slug_from_title(self.title)  # a draft's address follows its title
        else:
            self.slug = slug_from_title(self.slug)
        self.slug = unique_slug(
            self.slug,
            lambda s: (
                s in RESERVED_SLUGS or Article.objects.filter(slug=s).exclude(pk=self.pk).exists()
            ),
        )

    def cover_srcset(self) -> str:
        return images.srcset(self.cover_list, self.cover_card, self.cover_article, self.cover_width)


class StoredFile(models.Model):
    """A file for readers to download: PDF, Word or Excel, recognised by its content
    (news.attachments), with the name it is shown by, its kind and size."""

    title = models.CharField(_("tên tệp hiển thị"), max_length=255)
    kind = models.CharField(_("loại tệp"), max_length=5, editable=False)
    size = models.PositiveIntegerField(_("dung lượng (byte)"), default=0, editable=False)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        abstract = True
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.title = nfc(self.title)
        if self.file and not getattr(self.file, "_committed", True):
            self.kind = sniff(self.file) or ""
            self.size = self.file.size
        super().save(*args, **kwargs)

    @property
    def kind_label(self) -> str:
        return KINDS.get(self.kind, ("", ""))[0]

    @property
    def content_type(self) -> str:
        return KINDS.get(self.kind, ("", "application/octet-stream"))[1]


class Attachment(StoredFile):
    article = models.ForeignKey(
        Article, verbose_name=_("bài viết"), on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("tệp"), upload_to=attachment_path, validators=[validate_attachment])

    class Meta(StoredFile.Meta):
        verbose_name = _("tệp đính kèm")
        verbose_name_plural = _("tệp đính kèm")


class SiteContent(models.Model):
    """The alliance's own details, shown in every page's footer. There is one."""

    name = models.CharField(_("tên đơn vị"), max_length=255)
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=50, blank=True)
    fax = models.CharField(_("fax"), max_length=50, blank=True)
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    responsible = models.CharField(
        _("chịu trách nhiệm nội dung"), max_length=255, blank=True,
        help_text=_("Ví dụ: Chủ tịch Liên minh HTX tỉnh"),
    )  # fmt: skip
    logo = models.ImageField(
        _("biểu trưng (logo)"),
        upload_to="don-vi/",
        blank=True,
        validators=[images.validate_image],
        help_text=_(
            "Hiện trước tên đơn vị ở đầu mọi trang. Nên dùng ảnh vuông, nền trong (PNG); "
            "ảnh được thu về cao 192 điểm ảnh. Để trống: biểu trưng mặc định của cổng."
        ),
    )
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("thông tin đơn vị")
        verbose_name_plural = _("thông tin đơn vị")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.pk = 1  # one row only
        self.website = web_address(self.website)
        super().save(*args, **kwargs)

    @classmethod
    def load(cls) -> "SiteContent":
        content = cls.objects.filter(pk=1).first()
        return content or cls(pk=1, name=settings.ALLIANCE_NAME)


class Banner(models.Model):
    class Place(models.TextChoices):
        TOP = "top", _("Đầu trang")
        SIDE = "side", _("Cột bên (quảng cáo, giới thiệu)")

    title = models.CharField(_("tên"), max_length=200)
    image = models.ImageField(_("ảnh"), upload_to=banner_path, validators=[images.validate_image])
    alt = models.CharField(_("mô tả ảnh"), max_length=300)
    link = models.URLField(_("liên kết"), blank=True)
    place = models.CharField(_("vị trí"), max_length=5, choices=Place.choices, default=Place.SIDE)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    is_active = models.BooleanField(_("đang hiển thị"), default=True)

    class Meta:
        verbose_name = _("banner")
        verbose_name_plural = _("banner")
        ordering = ["place", "order", "pk"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        # The image is cleaned by news.services.store_banner_image, not here.
        self.link = web_address(self.link)
        super().save(*args, **kwargs)


class Link(models.Model):
    """An entry of "Liên kết website"."""

    name = models.CharField(_("tên"), max_length=200)
    url = models.URLField(_("địa chỉ"))
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("liên kết website")
        verbose_name_plural = _("liên kết website")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.url = web_address(self.url)
        super().save(*args, **kwargs)


# --- sections beside the news (issue 19): the document library, galleries, questions ----
def document_file_path(instance, filename: str) -> str:
    return _unguessable("van-ban", filename)


def photo_path(instance, filename: str) -> str:
    return _unguessable("thu-vien/anh", filename)


def photo_size_path(instance, filename: str) -> str:
    return _unguessable("thu-vien/anh/co", filename)


def video_path(instance, filename: str) -> str:
    return _unguessable("thu-vien/video", filename)


class Topic(models.Model):
    """A field (lĩnh vực) that documents and readers' questions are filed under."""

    name = models.CharField(_("tên"), max_length=150, unique=True)
    slug = models.SlugField(_("đường dẫn"), max_length=160, unique=True, blank=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("lĩnh vực")
        verbose_name_plural = _("lĩnh vực")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.name = nfc(self.name).strip()
        if not self.slug:
            self.slug = slug_from_title(self.name, max_length=150)
        super().save(*args, **kwargs)


class Issuer(models.Model):
    """A body that issues documents (cơ quan ban hành): Quốc hội, Chính phủ, Bộ Kế hoạch
    và Đầu tư, UBND tỉnh, the alliance itself."""

    name = models.CharField(_("tên cơ quan"), max_length=200, unique=True)
    name_folded = models.CharField(max_length=200, editable=False, default="", db_index=True)
    slug = models.SlugField(_("đường dẫn"), max_length=200, unique=True, blank=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("cơ quan ban hành")
        verbose_name_plural = _("cơ quan ban hành")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.name = " ".join(nfc(self.name).split())
        self.name_folded = fold(self.name)
        if not self.slug:
            self.slug = slug_from_title(self.name, max_length=190)
        super().save(*args, **kwargs)


class DocumentQuerySet(models.QuerySet):
    def published(self) -> "DocumentQuerySet":
        return self.filter(is_published=True)

    def search(self, text: str) -> "DocumentQuerySet":
        """Accent-insensitive, over the type, number and symbol and the summary:
        ``thong tu 09`` finds ``Thông tư 09/2024/TT-BKHĐT``."""
        words = fold(text).replace("/", " ").split()
        query = Q()
        for word in words:
            query &= Q(search_folded__contains=word)
        return self.filter(query) if words else self


class Document(models.Model):
    """A text of the document library (/van-ban/): a law, a decree, a decision, a plan."""

    class Type(models.TextChoices):
        LAW = "luat", _("Luật")
        DECREE = "nghi-dinh", _("Nghị định")
        CIRCULAR = "thong-tu", _("Thông tư")
        RESOLUTION = "nghi-quyet", _("Nghị quyết")
        DECISION = "quyet-dinh", _("Quyết định")
        PLAN = "ke-hoach", _("Kế hoạch")
        OFFICIAL_LETTER = "cong-van", _("Công văn")
        NOTICE = "thong-bao", _("Thông báo")
        REPORT = "bao-cao", _("Báo cáo")
        OTHER = "khac", _("Khác")

    class Status(models.TextChoices):
        IN_FORCE = "in_force", _("Còn hiệu lực")
        EXPIRED = "expired", _("Hết hiệu lực")
        REPLACED = "replaced", _("Bị thay thế")

    doc_type = models.CharField(_("loại văn bản"), max_length=12, choices=Type.choices)
    number = models.CharField(
        _("số/ký hiệu"), max_length=100, help_text=_("Ví dụ: 09/2024/TT-BKHĐT")
    )
    summary = models.TextField(_("trích yếu"), max_length=2000)
    issuer = models.ForeignKey(
        Issuer, verbose_name=_("cơ quan ban hành"), on_delete=models.PROTECT,
        related_name="documents",
    )  # fmt: skip
    signer = models.CharField(_("người ký"), max_length=150, blank=True)
    issued_on = models.DateField(_("ngày ban hành"))
    effective_on = models.DateField(_("ngày có hiệu lực"), null=True, blank=True)
    status = models.CharField(
        _("tình trạng hiệu lực"), max_length=10, choices=Status.choices, default=Status.IN_FORCE
    )
    replaced_by = models.ForeignKey(
        "self", verbose_name=_("được thay thế bởi"), on_delete=models.SET_NULL, null=True,
        blank=True, related_name="replaces",
        help_text=_("Bắt buộc khi văn bản bị thay thế."),
    )  # fmt: skip
    topic = models.ForeignKey(
        Topic, verbose_name=_("lĩnh vực"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="documents",
    )  # fmt: skip
    slug = models.SlugField(_("đường dẫn"), max_length=160, unique=True, blank=True)
    organizations = models.ManyToManyField(
        "cooperatives.Organization", verbose_name=_("tổ chức liên quan"), blank=True,
        related_name="documents", limit_choices_to={"is_public": True},
    )  # fmt: skip
    articles = models.ManyToManyField(
        Article, verbose_name=_("bài viết liên quan"), blank=True, related_name="documents"
    )
    is_published = models.BooleanField(_("hiện trên trang"), default=True)
    search_folded = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)
    history = HistoricalRecords(
        verbose_name=_("phiên bản văn bản"), excluded_fields=["search_folded"]
    )

    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("văn bản")
        verbose_name_plural = _("văn bản")
        ordering = ["-issued_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["doc_type", "number"],
                name="document_unique_number",
                violation_error_message=_("Đã có văn bản cùng loại với số/ký hiệu này."),
            ),
        ]
        indexes = [models.Index(fields=["is_published", "-issued_on"])]

    def __str__(self) -> str:
        return f"{self.get_doc_type_display()} {self.number}"

    def save(self, *args, **kwargs):
        self.number = " ".join(nfc(self.number).split())
        self.summary = nfc(self.summary).strip()
        self.signer = nfc(self.signer).strip()
        self.search_folded = fold(
            f"{self.get_doc_type_display()} {self.number} {self.number.replace('/', ' ')} "
            f"{self.summary}"
        )
        if not self.slug:
            # "Thông tư 09/2024/TT-BKHĐT" → "thong-tu-09-2024-tt-bkhdt"
            spaced = self.number.replace("/", " ")
            base = slug_from_title(f"{self.get_doc_type_display()} {spaced}", 150)
            self.slug = unique_slug(
                base,
                lambda s: (
                    s in RESERVED_SLUGS
                    or Document.objects.filter(slug=s).exclude(pk=self.pk).exists()
                ),
            )
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("library:detail", args=[self.slug])

    @property
    def title(self) -> str:
        """``Thông tư 09/2024/TT-BKHĐT``."""
        return str(self)

    def clean(self):
        super().clean()
        errors = {}
        if self.status == self.Status.REPLACED and not self.replaced_by_id:
            errors["replaced_by"] = "Hãy chọn văn bản thay thế văn bản này."
        if self.replaced_by_id and self.replaced_by_id == self.pk:
            errors["replaced_by"] = "Văn bản không thể thay thế chính nó."
        if self.effective_on and self.issued_on and self.effective_on < self.issued_on:
            errors["effective_on"] = "Ngày có hiệu lực không thể trước ngày ban hành."
        if errors:
            raise ValidationError(errors)


class DocumentFile(StoredFile):
    """A file of a document: its text as PDF, Word or Excel, checked as attachments are."""

    document = models.ForeignKey(
        Document, verbose_name=_("văn bản"), on_delete=models.CASCADE, related_name="files"
    )
    file = models.FileField(
        _("tệp"), upload_to=document_file_path, validators=[validate_attachment]
    )

    class Meta(StoredFile.Meta):
        verbose_name = _("tệp văn bản")
        verbose_name_plural = _("tệp văn bản")


class GalleryEntry(models.Model):
    """What an album and a video share: an address made from the title, an introduction,
    and when it is shown (published, from its publish time)."""

    slug = models.SlugField(_("đường dẫn"), max_length=140, unique=True, blank=True)
    description = models.TextField(_("giới thiệu"), max_length=2000, blank=True)
    is_published = models.BooleanField(_("hiện trên trang"), default=False)
    published_at = models.DateTimeField(_("thời điểm đăng"), default=timezone.now)
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        abstract = True
        ordering = ["-published_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.title = nfc(self.title)
        if not self.slug:
            taken = type(self)._default_manager.exclude(pk=self.pk)
            self.slug = unique_slug(
                slug_from_title(self.title), lambda s: taken.filter(slug=s).exists()
            )
        super().save(*args, **kwargs)


class Album(GalleryEntry):
    """A photo album of the gallery (/thu-vien/)."""

    title = models.CharField(_("tên album"), max_length=255)
    taken_on = models.DateField(_("ngày chụp"), null=True, blank=True)

    class Meta(GalleryEntry.Meta):
        verbose_name = _("album ảnh")
        verbose_name_plural = _("album ảnh")


class Photo(models.Model):
    """A picture of an album, cleaned like article covers (upright, no EXIF or GPS) and
    kept in three sizes (news.services stores them)."""

    album = models.ForeignKey(
        Album, verbose_name=_("album"), on_delete=models.CASCADE, related_name="photos"
    )
    image = models.ImageField(_("ảnh"), upload_to=photo_path, validators=[images.validate_image])
    image_small = models.ImageField(upload_to=photo_size_path, blank=True, editable=False)
    image_card = models.ImageField(upload_to=photo_size_path, blank=True, editable=False)
    image_large = models.ImageField(upload_to=photo_size_path, blank=True, editable=False)
    width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    caption = models.CharField(_("chú thích"), max_length=300, blank=True)
    alt = models.CharField(
        _("mô tả ảnh (cho người khiếm thị)"), max_length=300,
        help_text=_("Nói ảnh cho thấy gì."),
    )  # fmt: skip
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("ảnh")
        verbose_name_plural = _("ảnh")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.caption or self.alt

    def srcset(self) -> str:
        return images.srcset(self.image_small, self.image_card, self.image_large, self.width)


class Video(GalleryEntry):
    """A video of the gallery: an uploaded MP4 or WebM file with its poster, or a link to
    a known video host, embedded in its privacy-enhanced mode after the visitor clicks."""

    class Source(models.TextChoices):
        FILE = "file", _("Tệp tải lên (MP4, WebM)")
        LINK = "link", _("Liên kết (YouTube, Vimeo)")

    title = models.CharField(_("tên video"), max_length=255)
    source = models.CharField(
        _("nguồn video"), max_length=4, choices=Source.choices, default=Source.LINK
    )
    file = models.FileField(_("tệp video"), upload_to=video_path, blank=True)
    file_type = models.CharField(max_length=20, blank=True, editable=False)
    link = models.URLField(_("liên kết video"), blank=True)
    host = models.CharField(max_length=20, blank=True, editable=False)
    host_id = models.CharField(max_length=64, blank=True, editable=False)
    poster = models.ImageField(
        _("ảnh đại diện"), upload_to=photo_path, blank=True, validators=[images.validate_image]
    )
    poster_small = models.ImageField(upload_to=photo_size_path, blank=True, editable=False)
    poster_card = models.ImageField(upload_to=photo_size_path, blank=True, editable=False)
    poster_large = models.ImageField(upload_to=photo_size_path, blank=True, editable=False)
    poster_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    poster_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    poster_alt = models.CharField(_("mô tả ảnh đại diện"), max_length=300, blank=True)
    featured = models.BooleanField(_("video nổi bật (trang chủ)"), default=False)

    class Meta(GalleryEntry.Meta):
        verbose_name = _("video")
        verbose_name_plural = _("video")

    def poster_srcset(self) -> str:
        return images.srcset(
            self.poster_small, self.poster_card, self.poster_large, self.poster_width
        )


class Question(models.Model):
    """A reader's question (/hoi-dap/). The asker's name is shown with a published answer;
    their email and phone are personal data, never shown publicly, and erased after the
    time docs/security.md states."""

    name = models.CharField(_("họ và tên"), max_length=120)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("điện thoại"), max_length=30, blank=True)
    topic = models.ForeignKey(
        Topic, verbose_name=_("lĩnh vực"), on_delete=models.PROTECT, related_name="questions"
    )
    title = models.CharField(_("tiêu đề câu hỏi"), max_length=200)
    text = models.TextField(_("nội dung câu hỏi"), max_length=4000)
    answer = models.TextField(_("trả lời"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người trả lời"), on_delete=models.SET_NULL,
        null=True, blank=True, editable=False, related_name="+",
    )  # fmt: skip
    answered_at = models.DateTimeField(_("trả lời lúc"), null=True, blank=True, editable=False)
    is_published = models.BooleanField(_("công khai câu hỏi và trả lời"), default=False)
    notified_at = models.DateTimeField(
        _("đã báo người hỏi lúc"), null=True, blank=True, editable=False
    )
    notify_error = models.CharField(
        _("lỗi gửi thư báo"), max_length=300, blank=True, editable=False
    )
    search_folded = models.TextField(editable=False, default="")
    contact_erased_at = models.DateTimeField(
        _("đã xóa thông tin liên hệ lúc"), null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("gửi lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("câu hỏi của bạn đọc")
        verbose_name_plural = _("câu hỏi của bạn đọc")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["is_published", "-answered_at"])]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.name, self.title, self.text = nfc(self.name), nfc(self.title), nfc(self.text)
        self.answer = nfc(self.answer)
        self.search_folded = fold(f"{self.title} {self.text} {self.answer}")
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("questions:detail", args=[self.pk])


class Comment(models.Model):
    """A reader's comment on an article: shown only once staff approve it. The email is
    personal data, never shown."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Chờ duyệt")
        APPROVED = "approved", _("Đã duyệt")
        REJECTED = "rejected", _("Không duyệt")

    article = models.ForeignKey(
        Article, verbose_name=_("bài viết"), on_delete=models.CASCADE, related_name="comments"
    )
    name = models.CharField(_("họ và tên"), max_length=120)
    email = models.EmailField(_("email"), blank=True)
    text = models.TextField(_("nội dung"), max_length=2000)
    status = models.CharField(
        _("trạng thái"), max_length=8, choices=Status.choices, default=Status.PENDING
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người duyệt"), on_delete=models.SET_NULL,
        null=True, blank=True, editable=False, related_name="+",
    )  # fmt: skip
    moderated_at = models.DateTimeField(_("duyệt lúc"), null=True, blank=True, editable=False)
    contact_erased_at = models.DateTimeField(
        _("đã xóa thông tin liên hệ lúc"), null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("gửi lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("bình luận")
        verbose_name_plural = _("bình luận")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["article", "status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.name}: {self.text[:60]}"

    def save(self, *args, **kwargs):
        self.name, self.text = nfc(self.name), nfc(self.text)
        super().save(*args, **kwargs)


def next_publication() -> datetime.datetime | None:
    """When the next scheduled article goes live (None: none is scheduled)."""
    return (
        Article.objects.filter(status=Article.Status.PUBLISHED, publish_at__gt=timezone.now())
        .order_by("publish_at")
        .values_list("publish_at", flat=True)
        .first()
    )
