import datetime
import re

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core import images
from core.lib.links import shop_name, web_links
from core.lib.periods import add_months, period_end, period_label
from core.lib.text import fold, nfc
from core.locking import VersionedModel

from .imports import ImportedHistory
from .organizations import MONEY, Organization, watch_organization_records
from .text_fields import FoldedNameMixin

OCOP_VALIDITY_MONTHS = 36
OCOP_PHOTOS = "ocop/anh/%Y/%m/"
OCOP_PHOTO_SIZES = "ocop/anh/co/%Y/%m/"


def _nonnegative(field: str, label: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__gte": 0}),
        name=f"%(class)s_{field}_nonnegative",
        violation_error_message=_("%(label)s không được âm.") % {"label": label},
    )


def _not_above(part: str, whole: str, message: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(**{f"{part}__isnull": True})
        | Q(**{f"{whole}__isnull": True})
        | Q(**{f"{part}__lte": F(whole)}),
        name=f"%(class)s_{part}_within_{whole}",
        violation_error_message=message,
    )


class Member(FoldedNameMixin, VersionedModel):
    folded_source = "full_name"

    class MemberType(models.TextChoices):
        OFFICIAL = "official", _("Chính thức")
        CAPITAL_ASSOCIATE = "capital_associate", _("Liên kết góp vốn")
        ASSOCIATE = "associate", _("Liên kết không góp vốn")

    class PartyType(models.TextChoices):
        PERSON = "person", _("Cá nhân")
        HOUSEHOLD = "household", _("Hộ gia đình")
        LEGAL_ENTITY = "legal_entity", _("Pháp nhân")

    organization = models.ForeignKey(
        Organization, verbose_name=_("tổ chức"), on_delete=models.CASCADE, related_name="members"
    )
    full_name = models.CharField(_("họ tên"), max_length=200)
    name_folded = models.CharField(max_length=200, editable=False, db_index=True)
    member_type = models.CharField(
        _("loại thành viên"),
        max_length=20,
        choices=MemberType.choices,
        default=MemberType.OFFICIAL,
    )
    party_type = models.CharField(
        _("đối tượng"), max_length=20, choices=PartyType.choices, default=PartyType.PERSON
    )
    id_number = models.CharField(
        _("số giấy tờ"),
        max_length=30,
        blank=True,
        help_text=_("Dữ liệu cá nhân: không bao giờ hiển thị công khai."),
    )
    capital_contribution = models.DecimalField(
        _("vốn góp (triệu đồng)"), null=True, blank=True, **MONEY
    )
    joined_on = models.DateField(_("ngày gia nhập"), null=True, blank=True)
    left_on = models.DateField(_("ngày ra"), null=True, blank=True)
    history = HistoricalRecords(
        verbose_name=_("lịch sử thành viên"), bases=[ImportedHistory], excluded_fields=["version"]
    )

    class Meta:
        verbose_name = _("thành viên")
        verbose_name_plural = _("sổ đăng ký thành viên")
        ordering = ["organization", "name_folded"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "id_number"],
                condition=~Q(id_number=""),
                name="member_unique_id_number",
                violation_error_message=_("Số giấy tờ này đã có trong sổ thành viên."),
            ),
            models.UniqueConstraint(
                fields=["organization", "full_name"],
                condition=Q(id_number=""),
                name="member_unique_name_without_id",
                violation_error_message=_(
                    "Thành viên cùng tên, không có số giấy tờ, đã có trong sổ thành viên."
                ),
            ),
            _nonnegative("capital_contribution", "Vốn góp"),
            models.CheckConstraint(
                condition=Q(joined_on__isnull=True)
                | Q(left_on__isnull=True)
                | Q(left_on__gte=F("joined_on")),
                name="member_left_after_joined",
                violation_error_message=_("Ngày ra phải sau ngày gia nhập."),
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args, **kwargs):
        self.normalize_names()
        self.id_number = nfc(self.id_number)
        super().save(*args, **kwargs)

    @staticmethod
    def mask_id_number(id_number: str) -> str:
        """``036090001234`` → ``•••••••••234``: the form every list, export and page shows
        to whoever may not see the full number (``cooperatives.privacy``)."""
        if not id_number:
            return ""
        return "•" * max(len(id_number) - 3, 0) + id_number[-3:]

    @property
    def masked_id_number(self) -> str:
        """This member's ID number, masked (``mask_id_number``)."""
        return self.mask_id_number(self.id_number)


class FiguresQuerySet(models.QuerySet):
    def for_period(self, year: int, months: int) -> "FiguresQuerySet":
        return self.filter(year=year, months=months)


class Figures(VersionedModel):
    """One organisation's figures for a period: ``months`` months counted from January."""

    class DataKind(models.TextChoices):
        OFFICIAL = "official", _("Chính thức")
        ESTIMATE = "estimate", _("Ước")

    class Rating(models.TextChoices):
        GOOD = "good", _("Tốt")
        FAIR = "fair", _("Khá")
        AVERAGE = "average", _("Trung bình")
        WEAK = "weak", _("Yếu")

    class State(models.TextChoices):
        DRAFT = "draft", _("Nháp")
        SUBMITTED = "submitted", _("Đã gửi")
        APPROVED = "approved", _("Đã duyệt")

    organization = models.ForeignKey(
        Organization, verbose_name=_("tổ chức"), on_delete=models.CASCADE, related_name="figures"
    )
    year = models.PositiveSmallIntegerField(
        _("năm"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    months = models.PositiveSmallIntegerField(
        _("số tháng"),
        validators=[MinValueValidator(1), MaxValueValidator(12)],
        help_text=_("Số tháng tính từ tháng 1: 6 là 6 tháng đầu năm, 12 là cả năm."),
    )
    data_kind = models.CharField(
        _("loại số liệu"), max_length=10, choices=DataKind.choices, default=DataKind.OFFICIAL
    )
    members = models.PositiveIntegerField(_("số thành viên"), null=True, blank=True)
    workers = models.PositiveIntegerField(_("số lao động thường xuyên"), null=True, blank=True)
    revenue = models.DecimalField(_("doanh thu (triệu đồng)"), null=True, blank=True, **MONEY)
    profit = models.DecimalField(_("lợi nhuận (triệu đồng)"), null=True, blank=True, **MONEY)
    avg_income = models.DecimalField(
        _("thu nhập bình quân (triệu đồng/người/tháng)"), null=True, blank=True, **MONEY
    )
    tax_paid = models.DecimalField(_("nộp ngân sách (triệu đồng)"), null=True, blank=True, **MONEY)
    insured_workers = models.PositiveIntegerField(_("số lao động đóng BHXH"), null=True, blank=True)
    rating = models.CharField(_("xếp loại"), max_length=10, choices=Rating.choices, blank=True)
    meets_ntm_13_1 = models.BooleanField(_("đạt tiêu chí 13.1"), default=False)
    managers = models.PositiveIntegerField(_("cán bộ quản lý"), null=True, blank=True)
    managers_university = models.PositiveIntegerField(
        _("CBQL đại học trở lên"), null=True, blank=True
    )
    managers_college = models.PositiveIntegerField(
        _("CBQL cao đẳng, trung cấp"), null=True, blank=True
    )
    managers_trained = models.PositiveIntegerField(
        _("CBQL đã qua bồi dưỡng"), null=True, blank=True
    )
    state = models.CharField(
        _("trạng thái"), max_length=10, choices=State.choices, default=State.DRAFT
    )
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)
    history = HistoricalRecords(
        verbose_name=_("lịch sử số liệu"), bases=[ImportedHistory], excluded_fields=["version"]
    )

    objects = FiguresQuerySet.as_manager()

    class Meta:
        verbose_name = _("số liệu định kỳ")
        verbose_name_plural = _("số liệu định kỳ")
        ordering = ["-year", "-months", "organization"]
        # The admin list's order (FiguresAdmin.ordering), newest period first, read from
        # the index instead of sorting two million rows; filters on the year and months
        # use its leading columns.
        indexes = [
            models.Index(fields=["-year", "-months", "organization"], name="figures_newest_first"),
            # Figures waiting for approval (the staff home's count, the list's filter): a
            # few among two million, found without reading the rest.
            models.Index(
                fields=["organization"],
                condition=models.Q(state="submitted"),
                name="figures_submitted",
            ),
        ]
        permissions = [("approve_figures", _("Có thể duyệt số liệu"))]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "year", "months"],
                name="figures_unique_period",
                violation_error_message=_("Tổ chức đã có số liệu cho kỳ này."),
            ),
            models.CheckConstraint(
                condition=Q(year__gte=2000, year__lte=2100),
                name="figures_year_range",
                violation_error_message=_("Năm phải từ 2000 đến 2100."),
            ),
            models.CheckConstraint(
                condition=Q(months__gte=1, months__lte=12),
                name="figures_months_range",
                violation_error_message=_("Số tháng phải từ 1 đến 12."),
            ),
            _nonnegative("members", "Số thành viên"),
            _nonnegative("workers", "Số lao động thường xuyên"),
            _nonnegative("revenue", "Doanh thu"),
            _nonnegative("avg_income", "Thu nhập bình quân"),
            _nonnegative("tax_paid", "Nộp ngân sách"),
            _nonnegative("insured_workers", "Số lao động đóng BHXH"),
            _nonnegative("managers", "Cán bộ quản lý"),
            _nonnegative("managers_university", "CBQL đại học trở lên"),
            _nonnegative("managers_college", "CBQL cao đẳng, trung cấp"),
            _nonnegative("managers_trained", "CBQL đã qua bồi dưỡng"),
            _not_above(
                "insured_workers",
                "workers",
                _("Số lao động đóng BHXH không được lớn hơn số lao động thường xuyên."),
            ),
            _not_above(
                "managers_university",
                "managers",
                _("Số CBQL đại học trở lên không được lớn hơn số cán bộ quản lý."),
            ),
            _not_above(
                "managers_college",
                "managers",
                _("Số CBQL cao đẳng, trung cấp không được lớn hơn số cán bộ quản lý."),
            ),
            _not_above(
                "managers_trained",
                "managers",
                _("Số CBQL đã qua bồi dưỡng không được lớn hơn số cán bộ quản lý."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization} – {self.period_label}"

    @property
    def period_label(self) -> str:
        return period_label(self.year, self.months)

    @property
    def period_end(self) -> datetime.date:
        return period_end(self.year, self.months)

    @staticmethod
    def may_approve(user) -> bool:
        """Whether ``user`` may approve figures; no user is a command run by the operators."""
        return user is None or user.has_perm("cooperatives.approve_figures")

    def state_after_edit(self, *, edited: bool, user) -> str:
        """The state these figures take when ``user`` saves them, ``edited`` or not.

        The one rule of an edit: approved figures changed by someone who may not approve
        them go back to "Đã gửi", to be approved again. Any other save keeps the state.
        """
        if edited and self.state == self.State.APPROVED and not self.may_approve(user):
            return self.State.SUBMITTED
        return self.state


class OcopProductQuerySet(models.QuerySet):
    def valid_at(self, day: datetime.date) -> "OcopProductQuerySet":
        """Products whose certificate is valid on ``day`` (``OcopProduct.valid_q``)."""
        return self.filter(OcopProduct.valid_q(day))

    def expired_at(self, day: datetime.date) -> "OcopProductQuerySet":
        """Products whose certificate ended before ``day`` (one not yet certified has not)."""
        return self.filter(expires_on__lt=day)

    def expiring_within(self, days: int, today: datetime.date | None = None):
        """Still valid today but expiring within ``days`` days."""
        today = today or timezone.localdate()
        return self.valid_at(today).filter(expires_on__lte=today + datetime.timedelta(days=days))


_NOT_SLUG = re.compile(r"[^\w\s-]")
_SLUG_GAPS = re.compile(r"[-\s]+")


def product_slug(folded: str) -> str:
    """The address part of a product's folded name: Django's ``slugify`` of an ASCII text,
    without its Unicode normalisation (a sitemap page makes 5,000 of them)."""
    slug = _SLUG_GAPS.sub("-", _NOT_SLUG.sub("", folded.lower())).strip("-_")
    return slug or "san-pham"


class OcopProduct(FoldedNameMixin, VersionedModel):
    class Group(models.TextChoices):
        FOOD = "food", _("Thực phẩm")
        DRINK = "drink", _("Đồ uống")
        HERBAL = "herbal", _("Dược liệu")
        HANDICRAFT = "handicraft", _("Thủ công mỹ nghệ")
        ORNAMENTAL = "ornamental", _("Sinh vật cảnh")
        TOURISM = "tourism", _("Dịch vụ du lịch")

    class Level(models.TextChoices):
        DISTRICT = "district", _("Huyện")
        PROVINCE = "province", _("Tỉnh")
        CENTRAL = "central", _("Trung ương")

    organization = models.ForeignKey(
        Organization,
        verbose_name=_("chủ thể"),
        on_delete=models.CASCADE,
        related_name="ocop_products",
    )
    name = models.CharField(_("tên sản phẩm"), max_length=255)
    name_folded = models.CharField(max_length=255, editable=False, db_index=True)
    group = models.CharField(_("nhóm sản phẩm"), max_length=12, choices=Group.choices)
    stars = models.PositiveSmallIntegerField(
        _("số sao"), validators=[MinValueValidator(2), MaxValueValidator(5)]
    )
    certified_on = models.DateField(_("ngày công nhận"))
    decision_number = models.CharField(_("số quyết định"), max_length=100, blank=True)
    level = models.CharField(_("cấp công nhận"), max_length=10, choices=Level.choices, blank=True)
    expires_on = models.DateField(
        _("ngày hết hạn"),
        blank=True,
        help_text=_("Để trống: 36 tháng sau ngày công nhận, trừ một ngày."),
    )
    # What a buyer reads on the catalogue and the product's page.
    description = models.CharField(
        _("mô tả ngắn"),
        max_length=600,
        blank=True,
        help_text=_("Vài câu về sản phẩm: nguyên liệu, cách làm, quy cách đóng gói."),
    )
    photo = models.ImageField(
        _("ảnh sản phẩm"),
        upload_to=OCOP_PHOTOS,
        blank=True,
        validators=[images.validate_image],
    )
    # The photo's sizes, made when it is stored (cooperatives.services.store_ocop_photo).
    photo_list = models.ImageField(upload_to=OCOP_PHOTO_SIZES, blank=True, editable=False)
    photo_card = models.ImageField(upload_to=OCOP_PHOTO_SIZES, blank=True, editable=False)
    photo_large = models.ImageField(upload_to=OCOP_PHOTO_SIZES, blank=True, editable=False)
    photo_alt = models.CharField(
        _("mô tả ảnh (cho người khiếm thị)"),
        max_length=300,
        blank=True,
        help_text=_("Bắt buộc khi có ảnh: nói ảnh cho thấy gì."),
    )
    shop_address = models.CharField(
        _("điểm bán"),
        max_length=255,
        blank=True,
        help_text=_("Cửa hàng, quầy giới thiệu sản phẩm: địa chỉ người mua tới được."),
    )
    sales_phone = models.CharField(
        _("điện thoại đặt hàng"),
        max_length=50,
        blank=True,
        help_text=_("Số công khai cho người mua; hiện trên trang sản phẩm."),
    )
    buy_links = models.CharField(
        _("liên kết mua hàng"),
        max_length=1000,
        blank=True,
        help_text=_(
            "Mỗi dòng một địa chỉ (https://…): gian hàng trên sàn thương mại điện tử, "
            "trang bán hàng của chủ thể. Tối đa 5."
        ),
    )
    history = HistoricalRecords(
        verbose_name=_("lịch sử sản phẩm OCOP"),
        bases=[ImportedHistory],
        excluded_fields=["version"],
    )

    objects = OcopProductQuerySet.as_manager()

    class Meta:
        verbose_name = _("sản phẩm OCOP")
        verbose_name_plural = _("sản phẩm OCOP")
        ordering = ["-stars", "name_folded"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "name"],
                name="ocop_unique_name_per_owner",
                violation_error_message=_("Chủ thể đã có sản phẩm OCOP cùng tên."),
            ),
            models.CheckConstraint(
                condition=Q(stars__gte=2, stars__lte=5),
                name="ocop_stars_range",
                violation_error_message=_("Số sao phải từ 2 đến 5."),
            ),
            models.CheckConstraint(
                condition=Q(expires_on__gte=F("certified_on")),
                name="ocop_expires_after_certified",
                violation_error_message=_("Ngày hết hạn phải sau ngày công nhận."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.stars} sao)"

    def save(self, *args, **kwargs):
        self.normalize_names()
        self.description = nfc(self.description).strip()
        self.buy_links = "\n".join(web_links(self.buy_links))
        if self.expires_on is None:
            self.expires_on = self.default_expiry(self.certified_on)
        if not self.photo:  # the sizes go with their photo (cooperatives.services)
            self.photo_list = self.photo_card = self.photo_large = ""
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("cooperatives:ocop-product", args=[self.pk, self.slug])

    @property
    def slug(self) -> str:
        return product_slug(self.name_folded or fold(self.name))

    def clean(self):
        super().clean()
        errors = {}
        if self.photo and not self.photo_alt.strip():
            errors["photo_alt"] = _("Hãy mô tả ảnh sản phẩm cho người khiếm thị.")
        try:
            web_links(self.buy_links, strict=True)
        except ValueError as problem:
            errors["buy_links"] = str(problem)
        if errors:
            raise ValidationError(errors)

    def links(self) -> list[tuple[str, str]]:
        """(address, what a buyer reads) for each place to buy online: the site's name."""
        return [(link, shop_name(link)) for link in web_links(self.buy_links)]

    def photo_srcset(self) -> str:
        return images.srcset(self.photo_list, self.photo_card, self.photo_large)

    @staticmethod
    def default_expiry(certified_on: datetime.date) -> datetime.date:
        return add_months(certified_on, OCOP_VALIDITY_MONTHS) - datetime.timedelta(days=1)

    def clean_fields(self, exclude=None):
        if self.expires_on is None and self.certified_on is not None:
            self.expires_on = self.default_expiry(self.certified_on)
        super().clean_fields(exclude=exclude)

    # When a certificate is valid: the one definition, in SQL (``valid_q``, behind
    # ``OcopProduct.objects.valid_at``) and in Python (``is_valid_on``), kept side by side.
    # Valid on day D means certified_on <= D <= expires_on: both ends count.
    @staticmethod
    def valid_q(day: datetime.date) -> Q:
        """The condition "certificate valid on ``day``", for filters and aggregates."""
        return Q(certified_on__lte=day, expires_on__gte=day)

    def is_valid_on(self, day: datetime.date) -> bool:
        """Whether this product's certificate is valid on ``day``, as ``valid_q`` says."""
        return self.certified_on <= day <= self.expires_on

    def days_to_expiry(self, today: datetime.date | None = None) -> int:
        return (self.expires_on - (today or timezone.localdate())).days


class Loan(VersionedModel):
    class Source(models.TextChoices):
        CENTRAL_FUND = "central_fund", _("Quỹ HTPT HTX Trung ương")
        PROVINCIAL_FUND = "provincial_fund", _("Quỹ HTPT HTX tỉnh")
        EMPLOYMENT_FUND = "employment_fund", _("Quỹ quốc gia về việc làm")
        OTHER = "other", _("Khác")

    organization = models.ForeignKey(
        Organization, verbose_name=_("bên vay"), on_delete=models.CASCADE, related_name="loans"
    )
    source = models.CharField(_("nguồn vốn"), max_length=20, choices=Source.choices)
    amount = models.DecimalField(_("số tiền vay (triệu đồng)"), **MONEY)
    disbursed_on = models.DateField(_("ngày giải ngân"))
    matures_on = models.DateField(_("ngày đáo hạn"), null=True, blank=True)
    outstanding = models.DecimalField(
        _("dư nợ (triệu đồng)"),
        blank=True,
        help_text=_("Để trống: bằng số tiền vay."),
        **MONEY,
    )
    history = HistoricalRecords(
        verbose_name=_("lịch sử khoản vay"), bases=[ImportedHistory], excluded_fields=["version"]
    )

    class Meta:
        verbose_name = _("khoản vay Quỹ hỗ trợ")
        verbose_name_plural = _("vốn vay Quỹ hỗ trợ phát triển HTX")
        ordering = ["-disbursed_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "source", "disbursed_on"],
                name="loan_unique_disbursement",
                violation_error_message=_(
                    "Tổ chức đã có khoản vay cùng nguồn vốn và ngày giải ngân."
                ),
            ),
            models.CheckConstraint(
                condition=Q(amount__gt=0),
                name="loan_amount_positive",
                violation_error_message=_("Số tiền vay phải lớn hơn 0."),
            ),
            models.CheckConstraint(
                condition=Q(outstanding__gte=0),
                name="loan_outstanding_nonnegative",
                violation_error_message=_("Dư nợ không được âm."),
            ),
            models.CheckConstraint(
                condition=Q(matures_on__isnull=True) | Q(matures_on__gte=F("disbursed_on")),
                name="loan_matures_after_disbursed",
                violation_error_message=_("Ngày đáo hạn phải sau ngày giải ngân."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_source_display()} – {self.organization}"

    def save(self, *args, **kwargs):
        if self.outstanding is None:
            self.outstanding = self.amount
        super().save(*args, **kwargs)

    def clean_fields(self, exclude=None):
        if self.outstanding is None and self.amount is not None:
            self.outstanding = self.amount
        super().clean_fields(exclude=exclude)


# Every record on an organisation's admin page moves its version (core/locking.py).
watch_organization_records(Member, Figures, OcopProduct, Loan)
