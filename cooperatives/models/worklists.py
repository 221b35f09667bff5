"""Proxy models behind the staff worklists in the admin."""

from django.utils.translation import gettext_lazy as _

from .organizations import Organization
from .records import OcopProduct


class UnplacedOrganization(Organization):
    class Meta:
        proxy = True
        verbose_name = _("tổ chức chưa xác định địa bàn")
        verbose_name_plural = _("Việc cần làm: tổ chức chưa xác định địa bàn")


class ExpiringOcopProduct(OcopProduct):
    class Meta:
        proxy = True
        verbose_name = _("sản phẩm OCOP sắp hết hạn")
        verbose_name_plural = _("Việc cần làm: OCOP sắp hết hạn (90 ngày)")
