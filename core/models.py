from django.db import models
from django.utils.translation import gettext_lazy as _


class DataVersion(models.Model):
    """A counter per kind of public data ("registry", "news"), moved on by every change.

    Kept in the database so that every process (gunicorn workers, cron commands, several
    machines) sees the same version, whatever cache each one has.
    """

    name = models.CharField(_("tên"), max_length=30, primary_key=True)
    version = models.PositiveBigIntegerField(_("phiên bản"), default=1)

    class Meta:
        verbose_name = _("phiên bản dữ liệu")
        verbose_name_plural = _("phiên bản dữ liệu")
        default_permissions = ()

    def __str__(self) -> str:
        return f"{self.name}: {self.version}"


class VisitDay(models.Model):
    """How many visits the public site had on one day. No visitor is recorded, only sums."""

    day = models.DateField(_("ngày"), primary_key=True)
    visits = models.PositiveIntegerField(_("lượt truy cập"), default=0)

    class Meta:
        verbose_name = _("lượt truy cập trong ngày")
        verbose_name_plural = _("lượt truy cập theo ngày")
        ordering = ["-day"]
        default_permissions = ("view",)

    def __str__(self) -> str:
        return f"{self.day:%d/%m/%Y}: {self.visits}"
