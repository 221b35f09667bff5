"""Mail to cooperatives (issue 18 §5): invitations, and each collection's notices to the
organisations asked to file.

Every mail is first a row of the outbox (``OutboxMail``), then sent by ``send_pending``:
so a mail server that refuses or is down loses nothing (the row is retried with backoff,
up to ``MAX_ATTEMPTS``), and staff see what went. An invitation or a manual reminder is
sent at once through the task queue once its transaction commits; the automatic notices
are queued by ``queue_due``, run by ``manage.py send_reminders`` (cron) or by
``run_workers`` every ``HTX_REMINDER_INTERVAL_MINUTES`` (``cooperatives.tasks``).

A collection's notices go to the filers (active accounts with an email) of the
organisations asked to file that have not submitted, one notice a day at most:
* **opening**: from the opening day until the reminder window;
* **before**: from ``HTX_REMINDER_DAYS_BEFORE`` days before the deadline to the deadline
  (not on the opening day, which has the opening notice);
* **after**: once the deadline has passed, until the collection closes.
Each goes once per collection and organisation (a unique constraint), however often
``queue_due`` runs; an organisation whose first filer comes later gets the notice of the
day it comes.
"""

import datetime
import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import connection, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from cooperatives.models import Collection, Filer, Filing, Organization, OutboxMail
from core.mail import error_text

logger = logging.getLogger("htx.mail")

Kind = OutboxMail.Kind
State = OutboxMail.State
MAX_ATTEMPTS = 5
RETRY_BASE = datetime.timedelta(minutes=5)  # then 10, 20, 40, 80 minutes after a failure
# A claimed mail is not claimed again for this long: if its sender dies, it is retried then.
LEASE = datetime.timedelta(minutes=10)
BATCH_SIZE = 500


def site_url(path: str) -> str:
    """``path`` (from ``reverse``) as an absolute address: a mail is read outside the site."""
    return settings.SITE_URL + path


def _user_or_none(user):
    return user if user is not None and user.pk else None


def _subject(text: str) -> str:
    """One line (a header cannot hold a line break) that fits the outbox's column."""
    return " ".join(text.split())[:255]


def _render(name: str, context: dict) -> str:
    return render_to_string(f"cooperatives/mail/{name}.txt", context).strip() + "\n"


def _date(day: datetime.date) -> str:
    return f"{day:%d/%m/%Y}"


def queue(
    kind: str,
    organization,
    *,
    subject: str,
    body: str,
    recipients: list[str],
    collection=None,
    by=None,
) -> OutboxMail:
    """Put one mail in the outbox, due at once; ``send_pending`` sends it."""
    if not recipients:
        raise ValueError("A mail needs at least one recipient.")
    return OutboxMail.objects.create(
        kind=kind,
        organization=organization,
        collection=collection,
        recipients=list(recipients),
        subject=_subject(subject),
        body=body,
        created_by=_user_or_none(by),
        next_attempt_at=timezone.now(),
    )


def _send_soon() -> None:
    """Send the outbox through the task queue once the transaction commits; if the queue
    cannot take it, the mail stays pending for the next periodic run."""

    def enqueue():
        from cooperatives.tasks import send_outbox

        try:
            send_outbox.enqueue()
        except Exception:
            logger.exception("Could not enqueue the outbox's sending")

    transaction.on_commit(enqueue)


# --- recipients ------------------------------------------------------------------------
def recipients_by_organization(organizations) -> dict[int, tuple[str, list[str]]]:
    """Organisation id -> (its name, the emails of its active filer accounts, without
    repeats), for the organisations of a queryset that have any: one query."""
    rows = (
        Filer.objects.filter(organization__in=organizations, user__is_active=True)
        .exclude(user__email="")
        .order_by("organization_id", "pk")
        .values_list("organization_id", "organization__name", "user__email")
    )
    found: dict[int, tuple[str, list[str]]] = {}
    for organization_id, name, email in rows:
        emails = found.setdefault(organization_id, (name, []))[1]
        if email.lower() not in (known.lower() for known in emails):
            emails.append(email)
    return found


def recipients_of(organization) -> list[str]:
    found = recipients_by_organization(Organization.objects.filter(pk=organization.pk))
    return found.get(organization.pk, ("", []))[1]


# --- invitations -------------------------------------------------------------------------
def _person(user) -> str:
    if user is None or not user.pk:
        return settings.ALLIANCE_NAME
    return user.get_full_name() or user.get_username()


def send_invitation(invitation, secret: str, *, by) -> OutboxMail:
    """Mail an email invitation's one-time link to its invitee, now and until it goes.

    The body holds the link, which opens the account: it is emptied once the mail is sent.
    """
    if not invitation.email:
        raise ValueError("An invitation by letter has no email to send to.")
    organization = invitation.organization
    expires = timezone.localtime(invitation.expires_at)
    body = _render(
        "invitation",
        {
            "name": invitation.name,
            "inviter": _person(by),
            "organization_name": organization.name,
            "alliance": settings.ALLIANCE_NAME,
            "link": site_url(reverse("space:accept", args=[secret])),
            "expires": f"{expires:%d/%m/%Y %H:%M}",
        },
    )
    mail = queue(
        Kind.INVITATION,
        organization,
        subject=f"Mời tạo tài khoản nộp số liệu cho {organization.name}",
        body=body,
        recipients=[invitation.email],
        by=by,
    )
    _send_soon()
    return mail


# --- a collection's mails ------------------------------------------------------------------
def _what(collection) -> str:
    """What the collection asks, as a sentence continues "kỳ …" or "Nhắc …"."""
    if collection.kind == Collection.Kind.UPDATE:
        return f"cập nhật thông tin hằng năm {collection.year}"
    return f"nộp số liệu {collection.period_label()}"


def _collection_subject(kind: str, collection, today: datetime.date) -> str:
    what, deadline = _what(collection), _date(collection.deadline)
    days_left = collection.days_left(today)
    if kind == Kind.OPENING:
        return f"Mở kỳ {what} – hạn {deadline}"
    if kind == Kind.BEFORE:
        when = f"còn {days_left} ngày" if days_left > 0 else "hôm nay là hạn cuối"
        return f"Nhắc {what}: {when}"
    if kind == Kind.AFTER:
        return f"Quá hạn {what} (hạn {deadline})"
    if days_left < 0:
        return f"Nhắc {what} – đã quá hạn {deadline}"
    return f"Nhắc {what} – hạn {deadline}"


def _collection_body(kind: str, collection, organization_name: str, today, **extra) -> str:
    context = {
        "organization_name": organization_name,
        "alliance": settings.ALLIANCE_NAME,
        "what": _what(collection),
        "period": collection.period_label(),
        "update": collection.kind == Collection.Kind.UPDATE,
        "deadline": _date(collection.deadline),
        "days_left": collection.days_left(today),
        "link": site_url(reverse("space:file", args=[collection.pk])),
        "home": site_url(reverse("space:home")),
        **extra,
    }
    return _render(kind, context)


def _filing_state(collection, organization) -> str:
    filing = Filing.objects.filter(collection=collection, organization=organization).first()
    if filing is None or filing.first_submitted_at is None:
        return "chưa nộp"
    return filing.get_state_display().lower()


def remind(collection, organization, *, by) -> OutboxMail | None:
    """A reminder from staff to one organisation's filers, sent at once; None (and
    nothing queued) when the organisation has no filer with an email."""
    recipients = recipients_of(organization)
    if not recipients:
        return None
    today = timezone.localdate()
    body = _collection_body(
        Kind.MANUAL,
        collection,
        organization.name,
        today,
        sender=_person(by),
        filing_state=_filing_state(collection, organization),
    )
    mail = queue(
        Kind.MANUAL,
        organization,
        subject=_collection_subject(Kind.MANUAL, collection, today),
        body=body,
        recipients=recipients,
        collection=collection,
        by=by,
    )
    _send_soon()
    return mail


def _due_kind(collection, today: datetime.date) -> str:
    """The one notice of the day, so that nobody gets two at once: the opening until the
    reminder window (and on the opening day), then the reminder, then the overdue notice."""
    deadline = collection.deadline
    if today > deadline:
        return Kind.AFTER
    before_from = deadline - datetime.timedelta(days=settings.REMINDER_DAYS_BEFORE)
    if today < before_from or today == collection.opens_on:
        return Kind.OPENING
    return Kind.BEFORE


def _not_submitted(collection):
    """The organisations asked to file that have never submitted (a filing returned to
    them for changes was submitted: they are not reminded)."""
    submitted = Filing.objects.filter(
        collection=collection, first_submitted_at__isnull=False
    ).values("organization_id")
    return collection.organizations().exclude(pk__in=submitted)


def _queue_collection(collection, today: datetime.date) -> int:
    kind = _due_kind(collection, today)
    done = OutboxMail.objects.filter(collection=collection, kind=kind).values("organization_id")
    waiting = recipients_by_organization(_not_submitted(collection).exclude(pk__in=done))
    subject = _subject(_collection_subject(kind, collection, today))
    now = timezone.now()
    mails = [
        OutboxMail(
            kind=kind,
            organization_id=organization_id,
            collection=collection,
            recipients=emails,
            subject=subject,
            body=_collection_body(kind, collection, name, today),
            next_attempt_at=now,
        )
        for organization_id, (name, emails) in waiting.items()
    ]
    # Another run queuing at the same moment: the constraint keeps one of each.
    OutboxMail.objects.bulk_create(mails, batch_size=BATCH_SIZE, ignore_conflicts=True)
    return len(mails)


def queue_due(today: datetime.date | None = None) -> int:
    """Queue every collection's notices due on ``today``; return how many were queued.
    Running it again queues nothing already queued."""
    today = today or timezone.localdate()
    collections = Collection.objects.filter(closed_at__isnull=True, opens_on__lte=today)
    return sum(_queue_collection(collection, today) for collection in collections)


# --- sending ------------------------------------------------------------------------------
def _claim(now: datetime.datetime, limit: int) -> list[OutboxMail]:
    """Take up to ``limit`` due mails and push their next attempt past the lease, so that
    another sender skips them; on PostgreSQL rows another sender is claiming are skipped
    (on SQLite writes are one at a time anyway)."""
    due = Q(state=State.PENDING, next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    with transaction.atomic():
        rows = OutboxMail.objects.filter(
            due, state__in=[State.PENDING, State.FAILED], attempts__lt=MAX_ATTEMPTS
        ).order_by("pk")
        if connection.features.has_select_for_update_skip_locked:
            rows = rows.select_for_update(skip_locked=True)
        mails = list(rows[:limit])
        OutboxMail.objects.filter(pk__in=[mail.pk for mail in mails]).update(
            next_attempt_at=now + LEASE
        )
    return mails


def _message(mail: OutboxMail, smtp) -> EmailMessage:
    headers = {}
    if mail.kind != Kind.INVITATION:
        headers["Auto-Submitted"] = "auto-generated"  # RFC 3834: no auto-replies to it
    return EmailMessage(
        subject=mail.subject,
        body=mail.body,
        to=mail.recipients,
        headers=headers,
        connection=smtp,
    )


def _mark_sent(mail: OutboxMail, now: datetime.datetime) -> None:
    changes = {"state": State.SENT, "sent_at": now, "next_attempt_at": None, "last_error": ""}
    if mail.kind == Kind.INVITATION:
        changes["body"] = ""  # its one-time link opens the account: not kept once sent
    OutboxMail.objects.filter(pk=mail.pk).update(attempts=mail.attempts + 1, **changes)


def _mark_failed(mail: OutboxMail, error: Exception, now: datetime.datetime) -> None:
    attempts = mail.attempts + 1
    retry = None if attempts >= MAX_ATTEMPTS else now + RETRY_BASE * 2**attempts
    OutboxMail.objects.filter(pk=mail.pk).update(
        state=State.FAILED, attempts=attempts, last_error=error_text(error), next_attempt_at=retry
    )
    logger.warning("Mail %s not sent (attempt %s): %s", mail.pk, attempts, error_text(error))


def _send_one(smtp, mail: OutboxMail) -> Exception | None:
    """Send one mail on an open connection; the error instead of raising it."""
    try:
        smtp.send_messages([_message(mail, smtp)])
    except (smtplib.SMTPException, OSError, ValueError) as error:
        return error
    except Exception as error:  # a bug must not stop the other mails: logged, retried
        logger.exception("Mail %s could not be sent", mail.pk)
        return error
    return None


def _lost(error: Exception) -> bool:
    """Whether the connection itself failed (not just this mail's recipients or data)."""
    if isinstance(error, smtplib.SMTPServerDisconnected):
        return True
    return isinstance(error, OSError) and not isinstance(error, smtplib.SMTPException)


def _open(smtp) -> Exception | None:
    try:
        smtp.open()
    except Exception as error:
        return error
    return None


def _close(smtp) -> None:
    try:
        smtp.close()
    except Exception:  # the server may be gone already
        pass


def resend(mails) -> int:
    """Send the failed mails among ``mails`` again, as new ones (their attempts start over),
    as soon as the task queue takes them; return how many. A mail sent already is never
    sent twice."""
    with transaction.atomic():
        count = mails.filter(state=State.FAILED).update(
            state=State.PENDING, attempts=0, next_attempt_at=None
        )
        if count:
            _send_soon()
    return count


def send_pending(now: datetime.datetime | None = None, limit: int = 500) -> tuple[int, int]:
    """Send the due mails (new ones, and failed ones whose retry time has come) on one
    connection; return (sent, failed). A mail server's refusal or absence never raises:
    the mail is marked failed and retried later, ``MAX_ATTEMPTS`` times in all."""
    now = now or timezone.now()
    mails = _claim(now, limit)
    if not mails:
        return 0, 0
    smtp = get_connection(fail_silently=False)
    sent = failed = 0
    broken = _open(smtp)  # a connection that cannot be had fails every mail left
    try:
        for mail in mails:
            error = broken or _send_one(smtp, mail)
            if error is None:
                _mark_sent(mail, now)
                sent += 1
                continue
            _mark_failed(mail, error, now)
            failed += 1
            if broken is None and _lost(error):
                _close(smtp)  # one new connection for the mails left
                broken = _open(smtp)
    finally:
        _close(smtp)
    return sent, failed
