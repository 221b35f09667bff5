"""Cooperatives filing for themselves (issue 18): their filers' accounts, the invitations
that create them, their filings to a collection, and the mail sent to them.

A **filer** is a person (the representative, the accountant) whose account belongs to
exactly one organisation and is not staff: it reaches ``/htx/`` and nothing else.
An **invitation** creates that account once: by a link sent by email, or by a code printed
in a letter. Only a hash of the link's token or of the code is kept.
A **filing** is one organisation's answer to one collection: the figures of the period, or
in the annual update the changes it proposes to its record. Its states:
đang soạn → đã nộp → (bị trả lại → đã nộp …) → địa bàn đã kiểm tra → đã duyệt.
A submitted figures filing writes the period's ``Figures`` row as ``submitted``; the
alliance approves it with the figures workflow, which approves the filing too.
"""

import datetime
import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .collections import Collection
from .organizations import Organization
from .records import Figures

# Letters travel by post or by hand: their codes live longer than an email's link.
EMAIL_INVITATION_DAYS = 7
LETTER_INVITATION_DAYS = 30
# The printed code: no 0/O, 1/I/L that a person copying it by hand would confuse.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 12  # 59 bits: guessing is hopeless, and the code form locks out anyway


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def normalize_code(text: str) -> str:
    """A code as typed (spaces, dashes, lower case) in the form it was issued."""
    return "".join(ch for ch in text.upper() if ch.isalnum())


def grouped_code(code: str) -> str:
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


class Filer(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản"),
        on_delete=models.CASCADE,
        related_name="filer",
    )
    organization = models.ForeignKey(
        Organization, verbose_name=_("tổ chức"), on_delete=models.CASCADE, related_name="filers"
    )
    name = models.CharField(_("họ và tên"), max_length=150)
    title = models.CharField(_("chức danh"), max_length=100, blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("người nộp số liệu của HTX")
        verbose_name_plural = _("người nộp số liệu của HTX")
        ordering = ["organization__name_folded", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.organization})"


class Invitation(models.Model):
    class Channel(models.TextChoices):
        EMAIL = "email", _("Gửi thư điện tử")
        LETTER = "letter", _("In thư mời có mã")

    organization = models.ForeignKey(
        Organization,
        verbose_name=_("tổ chức"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    name = models.CharField(_("họ và tên người được mời"), max_length=150)
    title = models.CharField(
        _("chức danh"), max_length=100, blank=True, help_text=_("Ví dụ: Giám đốc, Kế toán.")
    )
    channel = models.CharField(
        _("cách mời"), max_length=8, choices=Channel.choices, default=Channel.EMAIL
    )
    email = models.EmailField(_("email"), blank=True, help_text=_("Bắt buộc khi gửi thư điện tử."))
    secret_hash = models.CharField(max_length=64, unique=True, editable=False)
    expires_at = models.DateTimeField(_("hết hạn lúc"), editable=False)
    used_at = models.DateTimeField(_("dùng lúc"), null=True, blank=True, editable=False)
    filer = models.ForeignKey(
        Filer,
        verbose_name=_("tài khoản đã tạo"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người mời"),
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(_("mời lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("lời mời tạo tài khoản HTX")
        verbose_name_plural = _("lời mời tạo tài khoản HTX")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Lời mời {self.name} ({self.organization})"

    @staticmethod
    def new_secret(channel: str) -> str:
        if channel == Invitation.Channel.LETTER:
            return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        return secrets.token_urlsafe(32)

    def set_secret(self, secret: str) -> None:
        self.secret_hash = secret_hash(secret)
        days = (
            LETTER_INVITATION_DAYS
            if self.channel == self.Channel.LETTER
            else (EMAIL_INVITATION_DAYS)
        )
        self.expires_at = timezone.now() + datetime.timedelta(days=days)

    def is_usable(self, now: datetime.datetime | None = None) -> bool:
        return self.used_at is None and (now or timezone.now()) < self.expires_at

    def state_label(self) -> str:
        if self.used_at is not None:
            return "Đã dùng"
        return "Còn hiệu lực" if self.is_usable() else "Hết hạn"


class Filing(models.Model):
    class State(models.TextChoices):
        DRAFT = "draft", _("Đang soạn")
        SUBMITTED = "submitted", _("Đã nộp, chờ kiểm tra")
        RETURNED = "returned", _("Bị trả lại để sửa")
        FORWARDED = "forwarded", _("Địa bàn đã kiểm tra, chờ duyệt")
        APPROVED = "approved", _("Đã duyệt")

    # States in which the cooperative may edit its filing.
    EDITABLE = (State.DRAFT, State.RETURNED)
    # States in which staff still have to act.
    IN_REVIEW = (State.SUBMITTED, State.FORWARDED)

    collection = models.ForeignKey(
        Collection, verbose_name=_("kỳ thu thập"), on_delete=models.PROTECT, related_name="filings"
    )
    organization = models.ForeignKey(
        Organization, verbose_name=_("tổ chức"), on_delete=models.CASCADE, related_name="filings"
    )
    state = models.CharField(
        _("trạng thái"), max_length=10, choices=State.choices, default=State.DRAFT
    )
    # Figures: field -> value as text ("2312.5"), the values of the form. The annual
    # update: field -> proposed value, only the fields the cooperative changes.
    values = models.JSONField(_("số liệu kê khai"), default=dict, blank=True)
    confirmed_warnings = models.JSONField(default=list, blank=True, editable=False)
    number = models.CharField(
        _("số hồ sơ"), max_length=32, unique=True, null=True, blank=True, editable=False
    )
    submissions = models.PositiveSmallIntegerField(_("số lần nộp"), default=0, editable=False)
    first_submitted_at = models.DateTimeField(
        _("nộp lần đầu lúc"), null=True, blank=True, editable=False
    )
    submitted_at = models.DateTimeField(_("nộp lúc"), null=True, blank=True, editable=False)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người nộp"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    review_comment = models.TextField(_("ý kiến khi trả lại"), blank=True)
    reviewed_at = models.DateTimeField(_("kiểm tra lúc"), null=True, blank=True, editable=False)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người kiểm tra"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    returns = models.PositiveSmallIntegerField(_("số lần trả lại"), default=0, editable=False)
    approved_at = models.DateTimeField(_("duyệt lúc"), null=True, blank=True, editable=False)
    figures = models.ForeignKey(
        Figures,
        verbose_name=_("số liệu"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="filings",
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)
    history = HistoricalRecords(verbose_name=_("lịch sử hồ sơ"), excluded_fields=["values"])

    class Meta:
        verbose_name = _("hồ sơ HTX nộp")
        verbose_name_plural = _("hồ sơ HTX nộp")
        ordering = ["-submitted_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["collection", "organization"],
                name="filing_once_per_collection",
                violation_error_message=_("Tổ chức đã có hồ sơ trong kỳ thu thập này."),
            ),
        ]
        indexes = [models.Index(fields=["state"], name="filing_state")]

    def __str__(self) -> str:
        label = self.number or "chưa nộp"
        return f"Hồ sơ {label} – {self.organization}"

    @property
    def is_editable(self) -> bool:
        return self.state in self.EDITABLE

    @property
    def is_late(self) -> bool:
        """First sent after the collection's deadline (or not sent and the deadline passed)."""
        deadline = self.collection.deadline
        if self.first_submitted_at is None:
            return timezone.localdate() > deadline
        return timezone.localtime(self.first_submitted_at).date() > deadline


class OutboxMail(models.Model):
    """A message to cooperatives: an invitation or a reminder. Kept to be retried when the
    mail server refuses it, and so that staff see what went and what did not."""

    class Kind(models.TextChoices):
        INVITATION = "invitation", _("Thư mời tạo tài khoản")
        OPENING = "opening", _("Thông báo mở kỳ")
        BEFORE = "before", _("Nhắc trước hạn")
        AFTER = "after", _("Nhắc sau hạn")
        MANUAL = "manual", _("Nhắc riêng")

    class State(models.TextChoices):
        PENDING = "pending", _("Chờ gửi")
        SENT = "sent", _("Đã gửi")
        FAILED = "failed", _("Gửi lỗi")

    # A collection's automatic mails go once per organisation and kind.
    ONCE = (Kind.OPENING, Kind.BEFORE, Kind.AFTER)

    kind = models.CharField(_("loại thư"), max_length=12, choices=Kind.choices)
    organization = models.ForeignKey(
        Organization, verbose_name=_("tổ chức"), on_delete=models.CASCADE, related_name="+"
    )
    collection = models.ForeignKey(
        Collection,
        verbose_name=_("kỳ thu thập"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="mails",
    )
    recipients = models.JSONField(_("người nhận"), default=list)
    subject = models.CharField(_("tiêu đề"), max_length=255)
    # Emptied once sent: an invitation's body holds its one-time link until then.
    body = models.TextField(_("nội dung"), blank=True)
    state = models.CharField(
        _("trạng thái"), max_length=8, choices=State.choices, default=State.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("số lần thử"), default=0)
    last_error = models.TextField(_("lỗi lần gửi cuối"), blank=True)
    next_attempt_at = models.DateTimeField(_("thử lại lúc"), null=True, blank=True)
    sent_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người gửi"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("thư gửi HTX")
        verbose_name_plural = _("thư gửi HTX")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["collection", "organization", "kind"],
                condition=Q(kind__in=["opening", "before", "after"]),
                name="outbox_once_per_collection",
            ),
        ]
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                condition=Q(state__in=["pending", "failed"]),
                name="outbox_unsent",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} – {self.organization}"
