from django.conf import settings
from django.db import models
from django.urls import reverse
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


class Job(models.Model):
    """A piece of heavy work run by a background worker, as the person who asked sees it.

    Written by ``core.jobs`` only; the progress page (``core.views.job_page``) reads it.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("đang chờ")
        RUNNING = "running", _("đang chạy")
        DONE = "done", _("hoàn thành")
        FAILED = "failed", _("thất bại")

    ACTIVE = (Status.QUEUED, Status.RUNNING)

    kind = models.CharField(_("loại việc"), max_length=50)
    title = models.CharField(_("tên việc"), max_length=255)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người yêu cầu"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    done = models.PositiveIntegerField(_("đã xong"), default=0)
    total = models.PositiveIntegerField(_("tổng số"), null=True, blank=True)
    step = models.CharField(_("bước hiện tại"), max_length=255, blank=True)
    message = models.TextField(_("kết quả"), blank=True)
    # Details the result page shows under the message (e.g. an import's list of errors).
    details = models.JSONField(_("chi tiết"), default=dict, blank=True)
    result_url = models.CharField(_("địa chỉ kết quả"), max_length=500, blank=True)
    key = models.CharField(_("khóa chống trùng"), max_length=200, blank=True, db_index=True)
    task_id = models.CharField(_("mã tác vụ"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    started_at = models.DateTimeField(_("bắt đầu lúc"), null=True, blank=True)
    finished_at = models.DateTimeField(_("kết thúc lúc"), null=True, blank=True)
    # Moved on by every report of progress: a running job silent for long is dead.
    heartbeat_at = models.DateTimeField(_("báo tiến độ lần cuối"), null=True, blank=True)

    class Meta:
        verbose_name = _("công việc nền")
        verbose_name_plural = _("công việc nền")
        ordering = ["-created_at"]
        default_permissions = ("view",)
        indexes = [models.Index(fields=["status", "kind"], name="core_job_status_kind")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("job", args=[self.pk])

    @property
    def active(self) -> bool:
        return self.status in self.ACTIVE

    @property
    def percent(self) -> int | None:
        """Whole percent done, or None while the total is unknown."""
        if not self.total:
            return 100 if self.status == self.Status.DONE else None
        return max(0, min(100, self.done * 100 // self.total))
