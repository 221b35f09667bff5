from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# The record kinds of docs/interfaces.md §1, in the order staff usually import them.
IMPORT_KINDS = [
    ("areas", _("Đơn vị hành chính")),
    ("organizations", _("Tổ chức kinh tế tập thể")),
    ("figures", _("Số liệu định kỳ")),
    ("ocop", _("Sản phẩm OCOP")),
    ("targets", _("Chỉ tiêu kế hoạch")),
    ("loans", _("Vốn vay Quỹ hỗ trợ")),
    ("members", _("Sổ đăng ký thành viên")),
]


class ImportBatch(models.Model):
    """One real (not dry-run) import of a spreadsheet: who, when, what file, what it did."""

    kind = models.CharField(_("loại dữ liệu"), max_length=20, choices=IMPORT_KINDS)
    file_name = models.CharField(_("tên tệp"), max_length=255)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người nhập"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("thời điểm nhập"), auto_now_add=True)
    rows = models.PositiveIntegerField(_("số dòng"), default=0)
    created = models.PositiveIntegerField(_("tạo mới"), default=0)
    updated = models.PositiveIntegerField(_("cập nhật"), default=0)
    unchanged = models.PositiveIntegerField(_("không thay đổi"), default=0)
    # What history cannot restore by itself (e.g. the successor lists of areas).
    undo_data = models.JSONField(default=dict, blank=True, editable=False)
    undone_at = models.DateTimeField(_("hoàn tác lúc"), null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người hoàn tác"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("lần nhập tệp")
        verbose_name_plural = _("lịch sử nhập tệp")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"#{self.pk} {self.get_kind_display()} – {self.file_name}"


class ImportedHistory(models.Model):
    """Added to every historical record: the import batch that made the change, if any."""

    import_batch = models.ForeignKey(
        ImportBatch,
        verbose_name=_("lần nhập tệp"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        abstract = True
