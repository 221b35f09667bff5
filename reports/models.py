from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cooperatives.models import Area
from cooperatives.models.imports import ImportedHistory
from core.lib.periods import period_label
from reports.indicators import CHOICES


class Target(models.Model):
    """A plan figure for (area, year, months, indicator), with the decision it comes from."""

    area = models.ForeignKey(
        Area, verbose_name=_("địa bàn"), on_delete=models.PROTECT, related_name="targets"
    )
    year = models.PositiveSmallIntegerField(
        _("năm"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    months = models.PositiveSmallIntegerField(
        _("số tháng"), validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    indicator = models.CharField(_("chỉ tiêu"), max_length=40, choices=CHOICES)
    value = models.DecimalField(_("giá trị"), max_digits=20, decimal_places=6)
    basis = models.CharField(
        _("căn cứ"), max_length=255, blank=True, help_text=_("Kế hoạch hoặc quyết định giao.")
    )
    history = HistoricalRecords(verbose_name=_("lịch sử chỉ tiêu"), bases=[ImportedHistory])

    class Meta:
        verbose_name = _("chỉ tiêu kế hoạch")
        verbose_name_plural = _("chỉ tiêu kế hoạch")
        ordering = ["-year", "-months", "area", "indicator"]
        # Reading reports is not tied to one model; the permission lives here.
        permissions = [("view_report", _("Có thể xem báo cáo"))]
        constraints = [
            models.UniqueConstraint(
                fields=["area", "year", "months", "indicator"],
                name="target_unique",
                violation_error_message=_("Chỉ tiêu này đã được giao cho địa bàn và kỳ này."),
            ),
            models.CheckConstraint(
                condition=Q(months__gte=1, months__lte=12),
                name="target_months_range",
                violation_error_message=_("Số tháng phải từ 1 đến 12."),
            ),
        ]

    def __str__(self) -> str:
        return (
            f"{self.get_indicator_display()} – {self.area} – {period_label(self.year, self.months)}"
        )


class FrozenReport(models.Model):
    """An approved report whose numbers are kept, so that it never changes afterwards."""

    area = models.ForeignKey(
        Area, verbose_name=_("địa bàn"), on_delete=models.PROTECT, related_name="frozen_reports"
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    months = models.PositiveSmallIntegerField(_("số tháng"))
    data = models.JSONField(_("số liệu đã chốt"), editable=False)
    # [[sector, HTX], ...] at the period's end; None for reports frozen before it was kept.
    sectors = models.JSONField(_("HTX theo lĩnh vực đã chốt"), null=True, editable=False)
    frozen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người chốt"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        editable=False,
    )
    frozen_at = models.DateTimeField(_("chốt lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("báo cáo đã chốt")
        verbose_name_plural = _("báo cáo đã chốt")
        ordering = ["-year", "-months", "area"]
        constraints = [
            models.UniqueConstraint(
                fields=["area", "year", "months"],
                name="frozen_report_unique",
                violation_error_message=_("Báo cáo của địa bàn và kỳ này đã được chốt."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.area} – {period_label(self.year, self.months)}"
