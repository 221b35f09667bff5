import datetime

from django.conf import settings
from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.locking import VersionedModel, bump_version

from .areas import Area, AreaMap
from .imports import ImportedHistory
from .text_fields import FoldedNameMixin

MONEY = {"max_digits": 20, "decimal_places": 6}


class Sector(FoldedNameMixin, models.Model):
    name = models.CharField(_("tên lĩnh vực"), max_length=100, unique=True)
    name_folded = models.CharField(max_length=100, editable=False, db_index=True)
    is_agricultural = models.BooleanField(
        _("thuộc nông nghiệp"),
        default=False,
        help_text=_("HTX của lĩnh vực này được tính vào chỉ tiêu HTX nông nghiệp."),
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=100)
    history = HistoricalRecords(verbose_name=_("lịch sử lĩnh vực"), bases=[ImportedHistory])

    class Meta:
        verbose_name = _("lĩnh vực")
        verbose_name_plural = _("lĩnh vực")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.normalize_names()
        super().save(*args, **kwargs)


def existing_q(day: datetime.date, prefix: str = "") -> Q:
    """§2.2 "existing at D": founded on or before ``day`` and not ceased on or before it.

    ``Tạm ngừng`` (suspended) still exists. ``prefix`` reaches the organisation from
    another model (``"organization__"``). The one definition: every query uses it.
    """
    return Q(**{f"{prefix}founded_on__lte": day}) & ~Q(
        **{
            f"{prefix}status__in": Organization.CEASED_STATUSES,
            f"{prefix}status_changed_on__lte": day,
        }
    )


def recorded_area_at(day: datetime.date | None, organization: str = "pk") -> Subquery:
    """§2.2 "location at D", as recorded: the area of the organisation's location whose
    ``Địa bàn từ ngày`` is the latest on or before ``day`` (``None``: the latest of all).

    A subquery on ``OuterRef(organization)``. The recorded area may no longer exist at
    ``day``; ``AreaMap.resolve`` follows its successors. The one definition of the
    location at a date: every query uses it.
    """
    locations = Location.objects.filter(organization=OuterRef(organization))
    if day is not None:
        locations = locations.filter(valid_from__lte=day)
    return Subquery(locations.order_by("-valid_from").values("area_id")[:1])


class OrganizationQuerySet(models.QuerySet):
    def existing_at(self, day: datetime.date) -> "OrganizationQuerySet":
        """Founded on or before ``day`` and not ceased on or before it (suspended still exists)."""
        return self.filter(existing_q(day))

    def with_location_at(self, day: datetime.date) -> "OrganizationQuerySet":
        """Annotate ``location_area_id``: the area recorded by the location valid at ``day``.

        This is the recorded area, before successors are followed; see ``AreaMap.resolve``.
        """
        return self.annotate(location_area_id=recorded_area_at(day))

    def in_area_at(
        self, area: Area, day: datetime.date, area_map: AreaMap | None = None
    ) -> "OrganizationQuerySet":
        """Organisations whose location at ``day`` is ``area`` or lies below it."""
        raw_ids = (area_map or AreaMap.current()).raw_ids_in(area.pk, day)
        return self.with_location_at(day).filter(location_area_id__in=raw_ids)

    def unplaced_at(
        self, day: datetime.date, area_map: AreaMap | None = None
    ) -> "OrganizationQuerySet":
        """Organisations existing at ``day`` that count in no area at ``day``.

        Either their recorded area is gone with no single successor, or they have no
        location on or before ``day`` at all.
        """
        unplaced = (area_map or AreaMap.current()).unplaced_ids(day)
        # Narrowed first by the current recorded area (``area_id``, the latest location,
        # indexed): an organisation without a location after ``day`` is at ``day`` where
        # its latest location is. Only the others (a move recorded ahead, or any for a
        # past day) are looked up location by location: 200 ms for 100,000 otherwise.
        later = Location.objects.filter(valid_from__gt=day).values("organization_id")
        candidates = Q(area_id__in=unplaced) | Q(area_id__isnull=True) | Q(pk__in=later)
        return (
            self.existing_at(day)
            .filter(candidates)
            .with_location_at(day)
            .filter(Q(location_area_id__in=unplaced) | Q(location_area_id__isnull=True))
        )

    def in_scope(self, raw_area_ids: set[int]) -> "OrganizationQuerySet":
        """Organisations whose current head office is one of ``raw_area_ids``."""
        return self.filter(area_id__in=raw_area_ids)


class Organization(FoldedNameMixin, VersionedModel):
    class Kind(models.TextChoices):
        HTX = "htx", _("HTX")
        UNION = "union", _("Liên hiệp HTX")
        GROUP = "group", _("Tổ hợp tác")
        CREDIT_FUND = "credit_fund", _("Quỹ TDND")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Đang hoạt động")
        SUSPENDED = "suspended", _("Tạm ngừng")
        DISSOLVED = "dissolved", _("Giải thể")
        MERGED = "merged", _("Sáp nhập")
        CONVERTED = "converted", _("Chuyển đổi")

    CEASED_STATUSES = (Status.DISSOLVED, Status.MERGED, Status.CONVERTED)

    code = models.CharField(
        _("mã số"), max_length=20, unique=True, help_text=_("Mã số HTX, cũng là mã số thuế.")
    )
    name = models.CharField(_("tên"), max_length=255)
    name_folded = models.CharField(max_length=255, editable=False, db_index=True)
    kind = models.CharField(_("loại hình"), max_length=12, choices=Kind.choices)
    sector = models.ForeignKey(
        Sector, verbose_name=_("lĩnh vực"), on_delete=models.PROTECT, related_name="organizations"
    )
    area = models.ForeignKey(
        Area,
        verbose_name=_("địa bàn hiện tại"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        help_text=_("Lấy từ lịch sử địa bàn: địa bàn có ngày bắt đầu muộn nhất."),
    )
    founded_on = models.DateField(_("ngày thành lập"))
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=50, blank=True)
    email = models.EmailField(_("email"), blank=True)
    representative = models.CharField(_("người đại diện"), max_length=150, blank=True)
    charter_capital = models.DecimalField(
        _("vốn điều lệ (triệu đồng)"), null=True, blank=True, **MONEY
    )
    tax_code = models.CharField(
        _("mã số thuế"),
        max_length=20,
        blank=True,
        help_text=_("Khi khác mã số hoặc được cấp sau; để trống nếu chưa có."),
    )
    is_alliance_member = models.BooleanField(_("thành viên Liên minh"), default=False)
    alliance_joined_on = models.DateField(_("ngày gia nhập Liên minh"), null=True, blank=True)
    is_new_model = models.BooleanField(_("HTX kiểu mới"), default=False)
    status = models.CharField(
        _("tình trạng"), max_length=12, choices=Status.choices, default=Status.ACTIVE
    )
    status_changed_on = models.DateField(_("ngày đổi tình trạng"), null=True, blank=True)
    is_public = models.BooleanField(
        _("công khai"), default=True, help_text=_("Hiển thị trên trang công khai.")
    )
    contacts_public = models.BooleanField(
        _("liên hệ công khai"),
        default=False,
        help_text=_(
            "Đánh dấu khi địa chỉ, điện thoại, email là liên hệ chính thức của tổ chức, "
            "được phép công khai. Nếu không, trang công khai ẩn liên hệ của tổ hợp tác và "
            "số di động, email cá nhân (Gmail, Yahoo…) của mọi tổ chức."
        ),
    )
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)
    history = HistoricalRecords(
        verbose_name=_("lịch sử tổ chức"), bases=[ImportedHistory], excluded_fields=["version"]
    )

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        verbose_name = _("tổ chức kinh tế tập thể")
        verbose_name_plural = _("tổ chức kinh tế tập thể")
        ordering = ["name_folded"]
        indexes = [models.Index(fields=["kind", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="active") | Q(status_changed_on__isnull=False),
                name="organization_status_date",
                violation_error_message=_("Cần nhập ngày đổi tình trạng."),
            ),
            models.CheckConstraint(
                condition=Q(charter_capital__isnull=True) | Q(charter_capital__gte=0),
                name="organization_capital_nonnegative",
                violation_error_message=_("Vốn điều lệ không được âm."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.normalize_names()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "name" in update_fields:
            kwargs["update_fields"] = {*update_fields, "name_folded"}
        super().save(*args, **kwargs)
        # ``area`` is derived from the locations: a save (e.g. restoring an old version)
        # must not write back a stale value.
        self.refresh_area()

    def get_absolute_url(self) -> str:
        return reverse("cooperatives:organization", args=[self.code])

    @property
    def is_ceased(self) -> bool:
        return self.status in self.CEASED_STATUSES

    def exists_at(self, day: datetime.date) -> bool:
        """``existing_q`` for one loaded organisation."""
        if self.founded_on > day:
            return False
        return not (self.is_ceased and self.status_changed_on and self.status_changed_on <= day)

    def location_at(self, day: datetime.date) -> "Location | None":
        """The recorded location at ``day`` (``recorded_area_at`` for one organisation)."""
        return self.locations.filter(valid_from__lte=day).order_by("-valid_from").first()

    def refresh_area(self) -> None:
        """Point ``area`` at the latest recorded location (the current head office)."""
        latest = self.locations.order_by("-valid_from").values_list("area_id", flat=True).first()
        if latest != self.area_id:
            self.area_id = latest
            # A cached pointer, not an edit: no history entry, no updated_at bump.
            Organization.objects.filter(pk=self.pk).update(area_id=latest)


class Location(VersionedModel):
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("tổ chức"),
        on_delete=models.CASCADE,
        related_name="locations",
    )
    area = models.ForeignKey(
        Area, verbose_name=_("địa bàn"), on_delete=models.PROTECT, related_name="locations"
    )
    valid_from = models.DateField(_("địa bàn từ ngày"))
    history = HistoricalRecords(
        verbose_name=_("lịch sử địa bàn"), bases=[ImportedHistory], excluded_fields=["version"]
    )

    class Meta:
        verbose_name = _("địa bàn trụ sở")
        verbose_name_plural = _("lịch sử địa bàn trụ sở")
        ordering = ["organization", "-valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "valid_from"],
                name="location_unique_day",
                violation_error_message=_("Tổ chức đã có địa bàn bắt đầu từ ngày này."),
            )
        ]
        indexes = [
            # "Where was it on day D": the newest location from D back, read from the index
            # alone (area included) for every organisation of a report; 20 % of the
            # national report (two such lookups for each of 100,000 organisations).
            models.Index(
                fields=["organization", "-valid_from"], include=["area"], name="location_at_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.area} (từ {self.valid_from:%d/%m/%Y})"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._loaded_organization_id = self.organization_id


@receiver(post_save, sender=Location)
@receiver(post_delete, sender=Location)
def _refresh_current_area(sender, instance: Location, **kwargs) -> None:
    """Keep ``Organization.area`` in step with the locations, however they change.

    Signals rather than ``save``/``delete`` overrides, so that admin bulk deletes are
    covered; a location moved to another organisation refreshes both.
    """
    ids = {instance.organization_id, instance._loaded_organization_id} - {None}
    for org in Organization.objects.filter(pk__in=ids):
        org.refresh_area()
    instance._loaded_organization_id = instance.organization_id


class StaffProfile(models.Model):
    """The areas an area officer (cán bộ địa bàn) is limited to."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người dùng"),
        on_delete=models.CASCADE,
        related_name="staff_profile",
    )
    areas = models.ManyToManyField(
        Area, verbose_name=_("địa bàn phụ trách"), blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("phạm vi địa bàn")
        verbose_name_plural = _("phạm vi địa bàn")

    def __str__(self) -> str:
        return str(self.user)


def _bump_organization(sender, instance, **kwargs):
    """A change to a record shown on an organisation's admin page moves its version, so
    that a form opened before it cannot silently write it back (core/locking.py)."""
    if kwargs.get("raw"):
        return
    bump_version(Organization, [instance.organization_id])


def watch_organization_records(*models_) -> None:
    for model in models_:
        uid = f"organization-version-{model._meta.label}"
        post_save.connect(_bump_organization, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(_bump_organization, sender=model, dispatch_uid=f"{uid}-delete")


watch_organization_records(Location)
