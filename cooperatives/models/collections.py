"""Collections: the alliance asks cooperatives to file their figures for a period, or to
update their record once a year, by a deadline (issue 18)."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.lib.periods import period_end, period_label

from .areas import Area
from .organizations import Organization


def annual_update_deadline(year: int) -> datetime.date:
    """The annual information update's default deadline: 15 December of its year."""
    return datetime.date(year, 12, 15)


class Collection(models.Model):
    class Kind(models.TextChoices):
        FIGURES = "figures", _("Số liệu định kỳ")
        UPDATE = "update", _("Cập nhật thông tin hằng năm")

    class Months(models.IntegerChoices):
        HALF = 6, _("6 tháng đầu năm")
        YEAR = 12, _("Cả năm")

    kind = models.CharField(_("loại"), max_length=8, choices=Kind.choices, default=Kind.FIGURES)
    year = models.PositiveSmallIntegerField(_("năm"))
    months = models.PositiveSmallIntegerField(
        _("kỳ"),
        choices=Months.choices,
        default=Months.HALF,
        help_text=_("Cập nhật thông tin hằng năm luôn là cả năm."),
    )
    organization_kinds = models.JSONField(
        _("loại hình tổ chức nộp"),
        default=list,
        blank=True,
        help_text=_("Để trống: mọi loại hình."),
    )
    areas = models.ManyToManyField(
        Area,
        verbose_name=_("địa bàn"),
        blank=True,
        related_name="collections",
        help_text=_("Để trống: toàn bộ địa bàn của Liên minh."),
    )
    opens_on = models.DateField(_("ngày mở"))
    deadline = models.DateField(
        _("hạn nộp"),
        blank=True,
        help_text=_("Cập nhật thông tin hằng năm: để trống là ngày 15/12 của năm."),
    )
    closed_at = models.DateTimeField(_("đóng lúc"), null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người mở"),
        on_delete=models.PROTECT,
        null=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("kỳ thu thập số liệu")
        verbose_name_plural = _("kỳ thu thập số liệu")
        ordering = ["-year", "-months", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "year", "months"],
                name="collection_unique_period",
                violation_error_message=_("Đã có kỳ thu thập cùng loại cho kỳ này."),
            ),
            models.CheckConstraint(
                condition=Q(deadline__gte=models.F("opens_on")),
                name="collection_deadline_after_opening",
                violation_error_message=_("Hạn nộp phải từ ngày mở trở đi."),
            ),
        ]

    def __str__(self) -> str:
        # "Cập nhật thông tin hằng năm 2026", not "… hằng năm năm 2026".
        if self.kind == self.Kind.UPDATE:
            return f"{self.get_kind_display()} {self.year}"
        return f"{self.get_kind_display()} {self.period_label()}"

    def save(self, *args, **kwargs):
        if self.kind == self.Kind.UPDATE:
            self.months = self.Months.YEAR
            if self.deadline is None:
                self.deadline = annual_update_deadline(self.year)
        super().save(*args, **kwargs)

    def period_label(self) -> str:
        if self.kind == self.Kind.UPDATE:
            return f"năm {self.year}"
        return period_label(self.year, self.months)

    def period_end(self) -> datetime.date:
        return period_end(self.year, self.months)

    def clean(self):
        super().clean()
        errors = {}
        if self.kind == self.Kind.UPDATE:
            self.months = self.Months.YEAR
            if self.deadline is None and self.year:
                self.deadline = annual_update_deadline(self.year)
        elif self.deadline is None:
            errors["deadline"] = _("Hãy nhập hạn nộp.")
        unknown = set(self.organization_kinds or []) - set(Organization.Kind.values)
        if unknown:
            errors["organization_kinds"] = _("Loại hình không có: %(kinds)s.") % {
                "kinds": ", ".join(sorted(unknown))
            }
        if self.opens_on and self.deadline and self.deadline < self.opens_on:
            errors["deadline"] = _("Hạn nộp phải từ ngày mở (%(day)s) trở đi.") % {
                "day": f"{self.opens_on:%d/%m/%Y}"
            }
        if errors:
            raise ValidationError(errors)

    # --- its state on a day -------------------------------------------------------------
    def state(self, today: datetime.date | None = None) -> str:
        """ "closed", "waiting" (not yet open), "open", or "late" (past its deadline and
        not closed: filing still goes on, marked late)."""
        today = today or timezone.localdate()
        if self.closed_at is not None:
            return "closed"
        if today < self.opens_on:
            return "waiting"
        return "open" if today <= self.deadline else "late"

    STATE_LABELS = {
        "closed": _("Đã đóng"),
        "waiting": _("Chưa mở"),
        "open": _("Đang mở"),
        "late": _("Quá hạn, chưa đóng"),
    }

    def state_label(self, today: datetime.date | None = None) -> str:
        return str(self.STATE_LABELS[self.state(today)])

    def accepts_filing(self, today: datetime.date | None = None) -> bool:
        """Whether cooperatives may file: opened and not closed (after the deadline too)."""
        return self.state(today) in ("open", "late")

    def days_left(self, today: datetime.date | None = None) -> int:
        return (self.deadline - (today or timezone.localdate())).days

    # --- who files -----------------------------------------------------------------------
    def organizations(self):
        """The organisations asked to file: of its kinds, existing at the period's end,
        and in one of its areas or below (where they are recorded today; in an ended
        unit, where they were on its last day)."""
        from cooperatives.public import in_area

        end = self.period_end()
        queryset = Organization.objects.existing_at(end)
        if self.organization_kinds:
            queryset = queryset.filter(kind__in=self.organization_kinds)
        areas = list(self.areas.all())
        if not areas:
            return queryset
        today, condition = timezone.localdate(), Q()
        for area in areas:  # one subquery each, all in one query
            condition |= Q(pk__in=in_area(Organization.objects.all(), area, today).values("pk"))
        return queryset.filter(condition)
