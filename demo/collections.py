"""The demonstration's collections and its invited cooperative (issue 18), so that
``make run`` shows the cooperatives' space working: a figures collection open for the
latest half-year or year that has ended, the annual information update from November, and
an invitation for the first demonstration HTX whose mail shows in the console."""

import datetime
from typing import TextIO

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from cooperatives import filings, mailing
from cooperatives.models import Collection, Invitation, Organization

DEMO_FILER_EMAIL = "ketoan@htx-minh-hoa.vn"
DEMO_FILER_NAME = "Nguyễn Thị Hoa"


def latest_ended_period(today: datetime.date) -> tuple[int, int]:
    """6 tháng đầu năm from July, cả năm of the year before until then."""
    return (today.year, 6) if today.month >= 7 else (today.year - 1, 12)


def open_demo_collections(today: datetime.date) -> list[Collection]:
    """The collections a demonstration needs, made once (a later run keeps them as they
    are, with whatever staff changed)."""
    year, months = latest_ended_period(today)
    figures, _ = Collection.objects.get_or_create(
        kind=Collection.Kind.FIGURES,
        year=year,
        months=months,
        defaults={
            "opens_on": today - datetime.timedelta(days=7),
            "deadline": today + datetime.timedelta(days=14),
        },
    )
    opened = [figures]
    if today.month >= 11:
        update, _ = Collection.objects.get_or_create(
            kind=Collection.Kind.UPDATE,
            year=today.year,
            months=12,
            defaults={"opens_on": datetime.date(today.year, 11, 1)},
        )
        opened.append(update)
    return opened


def demo_cooperative() -> Organization | None:
    """The first active HTX of the demonstration, by code."""
    return (
        Organization.objects.filter(kind=Organization.Kind.HTX, status="active", area__isnull=False)
        .order_by("code")
        .first()
    )


@transaction.atomic
def invite_demo_filer(*, stdout: TextIO | None = None) -> str | None:
    """Invite the demonstration cooperative's accountant by email, unless it has an
    account already; return the link (None when there was nothing to do). Earlier
    invitations not yet used expire: only the link printed last works."""

    def say(message: str) -> None:
        if stdout is not None:
            stdout.write(message + "\n")

    today = timezone.localdate()
    for collection in open_demo_collections(today):
        say(f"Kỳ thu thập minh họa: {collection} (hạn {collection.deadline:%d/%m/%Y}).")
    organization = demo_cooperative()
    if organization is None:
        say("Chưa có tổ chức nào để mời nộp số liệu (chạy load_demo trước).")
        return None
    filer = organization.filers.select_related("user").first()
    if filer is not None:
        sign_in = mailing.site_url(reverse("space:sign_in"))
        say(
            f"“{organization.name}” đã có tài khoản nộp số liệu: tên đăng nhập "
            f"“{filer.user.get_username()}”, đăng nhập tại {sign_in}."
        )
        return None
    Invitation.objects.filter(organization=organization, used_at__isnull=True).update(
        expires_at=timezone.now()
    )
    invitation, token = filings.invite(
        organization=organization,
        name=DEMO_FILER_NAME,
        title="Kế toán",
        channel=Invitation.Channel.EMAIL,
        email=DEMO_FILER_EMAIL,
        by=None,
    )
    mailing.send_invitation(invitation, token, by=None)
    link = mailing.site_url(reverse("space:accept", args=[token]))
    say(
        f"Đã mời kế toán của “{organization.name}” nộp số liệu (thư in ra ở cửa sổ này). "
        f"Mở đường dẫn để tạo tài khoản: {link}"
    )
    return link
