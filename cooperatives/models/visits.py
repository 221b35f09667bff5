from django.db import models
from django.utils.translation import gettext_lazy as _


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
