"""Mail to cooperatives (issue 18 §5), through a real SMTP server (aiosmtpd) on 127.0.0.1:
invitations, a collection's opening, before and after notices, staff's reminders, and a
mail server that is down, back, or gone for good."""

import datetime
import email
import io
import logging
import socket
from dataclasses import dataclass
from email.header import decode_header, make_header
from email.message import Message
from unittest import mock

import time_machine
from aiosmtpd.controller import Controller
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from cooperatives import filings, mailing
from cooperatives.models import Collection, Filer, Filing, OutboxMail
from core.management.commands import run_workers
from testing import factories as f
from testing.roles import RolesTestCase

D = datetime.date
TZ = datetime.timezone(datetime.timedelta(hours=7))
SITE = "https://htx.example.vn"
PASSWORD = "mat-khau-may-chu-thu-9"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def at(day: datetime.date, hour: int = 9) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, hour, tzinfo=TZ)


@dataclass
class Received:
    """A message as the server got it: its envelope's recipients, headers decoded."""

    recipients: list[str]
    subject: str
    sender: str
    body: str
    headers: Message


def received(recipients: list[str], content: bytes) -> Received:
    message = email.message_from_bytes(content)
    decoded = lambda name: str(make_header(decode_header(message[name])))  # noqa: E731
    return Received(
        recipients=sorted(recipients),
        subject=decoded("Subject"),
        sender=decoded("From"),
        body=message.get_payload(decode=True).decode(message.get_content_charset()),
        headers=message,
    )


class Inbox:
    """aiosmtpd's handler: keeps what the server received."""

    def __init__(self) -> None:
        self.messages = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("tu-choi@"):
            return "550 5.1.1 No such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(received(envelope.rcpt_tos, envelope.content))
        return "250 OK"


class MailTestCase(RolesTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.collection = Collection.objects.create(
            year=2026, months=6, opens_on=D(2026, 7, 1), deadline=D(2026, 7, 15)
        )
        # Yên Bằng: two filers, one email typed twice, an inactive account, one without email.
        cls.make_filer(cls.own, "ketoan@htxyenbang.vn")
        cls.make_filer(cls.own, "giamdoc@htxyenbang.vn")
        cls.make_filer(cls.own, "KeToan@HTXYenBang.vn")
        cls.make_filer(cls.own, "cu@htxyenbang.vn", is_active=False)
        cls.make_filer(cls.own, "")
        cls.make_filer(cls.other, "nam@htxhaiphuc.vn")

    @classmethod
    def make_filer(cls, organization, address, is_active=True):
        number = Filer.objects.count() + 1
        user = get_user_model().objects.create_user(
            f"filer{number}", email=address, is_active=is_active
        )
        return Filer.objects.create(user=user, organization=organization, name=f"Người {number}")

    def setUp(self):
        self.port = free_port()
        smtp = override_settings(
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=self.port,
            EMAIL_USE_TLS=False,
            EMAIL_USE_SSL=False,
            EMAIL_HOST_USER="",
            EMAIL_HOST_PASSWORD=PASSWORD,  # never sent (no AUTH without a user), never shown
            EMAIL_TIMEOUT=5,
            SITE_URL=SITE,
            REMINDER_DAYS_BEFORE=3,
            DEFAULT_FROM_EMAIL="Liên minh HTX tỉnh Nam Định <no-reply@htx.example.vn>",
        )
        smtp.enable()
        self.addCleanup(smtp.disable)
        self.inbox = Inbox()

    def start_server(self) -> None:
        quiet = logging.getLogger("mail.log")  # aiosmtpd narrates every command at INFO
        self.addCleanup(quiet.setLevel, quiet.level)
        quiet.setLevel(logging.WARNING)
        controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)
        controller.start()
        self.addCleanup(controller.stop)
        self.controller = controller

    def travel(self, moment: datetime.datetime):
        return time_machine.travel(moment, tick=False)

    def file_link(self) -> str:
        return f"{SITE}/htx/ky/{self.collection.pk}/"


class InvitationMailTests(MailTestCase):
    def test_the_invitation_carries_its_one_time_link_which_is_not_kept_once_sent(self):
        self.start_server()
        with self.travel(at(D(2026, 6, 20), 14)):
            invitation, secret = filings.invite(
                organization=self.other, name="Lê Văn Nam", title="Giám đốc",
                channel="email", email="Nam.Le@htxhaiphuc.vn", by=self.alliance,
            )  # fmt: skip
            with self.captureOnCommitCallbacks(execute=True):
                mail = mailing.send_invitation(invitation, secret, by=self.alliance)
        [message] = self.inbox.messages
        self.assertEqual(message.recipients, ["Nam.Le@htxhaiphuc.vn"])
        self.assertEqual(
            message.subject, "Mời tạo tài khoản nộp số liệu cho HTX Mây tre đan Hải Phúc"
        )
        self.assertEqual(message.sender, "Liên minh HTX tỉnh Nam Định <no-reply@htx.example.vn>")
        body = message.body
        self.assertIn(f"{SITE}/htx/loi-moi/{secret}/", body)
        self.assertIn("Kính gửi Lê Văn Nam,", body)
        self.assertIn("lienminh mời anh/chị tạo tài khoản", body)
        self.assertIn("hết hạn lúc 27/06/2026 14:00", body)  # seven days, local time
        self.assertIn("Liên minh Hợp tác xã tỉnh Nam Định", body)
        mail.refresh_from_db()
        self.assertEqual((mail.state, mail.attempts, mail.body), (OutboxMail.State.SENT, 1, ""))
        self.assertEqual((mail.kind, mail.created_by), (OutboxMail.Kind.INVITATION, self.alliance))
        self.assertIsNotNone(mail.sent_at)

    def test_a_letter_invitation_is_not_mailed(self):
        invitation, code = filings.invite(
            organization=self.other, name="Lê Văn Nam", title="",
            channel="letter", email="", by=self.alliance,
        )  # fmt: skip
        with self.assertRaises(ValueError):
            mailing.send_invitation(invitation, code, by=self.alliance)
        self.assertFalse(OutboxMail.objects.exists())


class CollectionMailTests(MailTestCase):
    def run_day(self, day: datetime.date) -> tuple[int, tuple[int, int]]:
        with self.travel(at(day)):
            return mailing.queue_due(), mailing.send_pending()

    def test_notices_follow_the_calendar_and_go_once(self):
        self.start_server()
        self.assertEqual(self.run_day(D(2026, 6, 30)), (0, (0, 0)))  # not open yet

        # The opening day: every organisation asked to file, once.
        self.assertEqual(self.run_day(D(2026, 7, 1)), (2, (2, 0)))
        self.assertEqual(self.run_day(D(2026, 7, 1)), (0, (0, 0)))
        by_recipients = {tuple(m.recipients): m for m in self.inbox.messages}
        own = by_recipients["giamdoc@htxyenbang.vn", "ketoan@htxyenbang.vn"]
        self.assertEqual(own.subject, "Mở kỳ nộp số liệu 6 tháng đầu năm 2026 – hạn 15/07/2026")
        body = own.body
        self.assertIn("Kính gửi HTX Nông nghiệp Yên Bằng,", body)
        self.assertIn(f"Nộp tại: {self.file_link()}", body)
        self.assertIn(f"{SITE}/htx/", body)
        self.assertIn("Liên minh Hợp tác xã tỉnh Nam Định", body)
        self.assertEqual(own.headers["Auto-Submitted"], "auto-generated")
        self.assertIn(("nam@htxhaiphuc.vn",), by_recipients)

        # Yên Bằng submits; before the reminder window nothing goes.
        Filing.objects.create(
            collection=self.collection, organization=self.own, state=Filing.State.SUBMITTED,
            first_submitted_at=at(D(2026, 7, 5)), submissions=1,
        )  # fmt: skip
        self.assertEqual(self.run_day(D(2026, 7, 11)), (0, (0, 0)))

        # Three days before the deadline: only Hải Phúc, which has not filed; once.
        self.assertEqual(self.run_day(D(2026, 7, 12)), (1, (1, 0)))
        self.assertEqual(self.run_day(D(2026, 7, 12)), (0, (0, 0)))
        self.assertEqual(self.run_day(D(2026, 7, 15)), (0, (0, 0)))
        before = self.inbox.messages[-1]
        self.assertEqual(before.recipients, ["nam@htxhaiphuc.vn"])
        self.assertEqual(before.subject, "Nhắc nộp số liệu 6 tháng đầu năm 2026: còn 3 ngày")
        self.assertIn("Còn 3 ngày nữa là hết hạn", before.body)
        self.assertIn(self.file_link(), before.body)

        # After the deadline: those that still have not filed, once, by the command.
        out = io.StringIO()
        with self.travel(at(D(2026, 7, 16))):
            call_command("send_reminders", stdout=out)
            call_command("send_reminders", stdout=out)
        self.assertEqual(
            out.getvalue().splitlines(),
            ["Đã xếp 1 thư, gửi 1, lỗi 0.", "Đã xếp 0 thư, gửi 0, lỗi 0."],
        )
        after = self.inbox.messages[-1]
        self.assertEqual(after.recipients, ["nam@htxhaiphuc.vn"])
        self.assertEqual(after.subject, "Quá hạn nộp số liệu 6 tháng đầu năm 2026 (hạn 15/07/2026)")
        self.assertIn("đã hết hạn ngày 15/07/2026", after.body)
        self.assertEqual(len(self.inbox.messages), 4)

        # A closed collection asks for nothing more.
        Collection.objects.filter(pk=self.collection.pk).update(closed_at=at(D(2026, 7, 20)))
        self.make_filer(f.organization(self.yen_bang, name="HTX Mới"), "moi@htx.vn")
        self.assertEqual(self.run_day(D(2026, 7, 21)), (0, (0, 0)))

    def test_the_command_takes_the_day_to_queue_for(self):
        self.start_server()
        out = io.StringIO()
        call_command("send_reminders", "--today", "2026-07-01", stdout=out)
        self.assertEqual(out.getvalue(), "Đã xếp 2 thư, gửi 2, lỗi 0.\n")
        with self.assertRaisesMessage(CommandError, "YYYY-MM-DD"):
            call_command("send_reminders", "--today", "01/07/2026")

    def test_the_annual_update_is_worded_as_such(self):
        self.start_server()
        Collection.objects.filter(pk=self.collection.pk).update(closed_at=at(D(2026, 8, 1)))
        update = Collection.objects.create(kind="update", year=2026, opens_on=D(2026, 11, 1))
        self.assertEqual(self.run_day(D(2026, 11, 1)), (2, (2, 0)))
        message = self.inbox.messages[0]
        self.assertEqual(message.subject, "Mở kỳ cập nhật thông tin hằng năm 2026 – hạn 15/12/2026")
        self.assertIn("rà soát thông tin", message.body)
        self.assertIn(f"{SITE}/htx/ky/{update.pk}/", message.body)

    def test_queuing_costs_the_same_few_queries_for_any_number_of_organisations(self):
        def count() -> int:
            OutboxMail.objects.all().delete()
            with CaptureQueriesContext(connection) as queries:
                mailing.queue_due(D(2026, 7, 13))
            return len(queries)

        few = count()
        for number in range(20):
            self.make_filer(f.organization(self.yen_bang), f"htx{number}@example.vn")
        self.assertEqual(count(), few)
        # In the reminder window the reminder alone, not the opening notice too.
        self.assertEqual(set(OutboxMail.objects.values_list("kind", flat=True)), {"before"})
        self.assertEqual(OutboxMail.objects.count(), 22)


class ReminderTests(MailTestCase):
    def test_staff_remind_one_organisation_at_once(self):
        self.start_server()
        with self.travel(at(D(2026, 7, 10))):
            with self.captureOnCommitCallbacks(execute=True):
                mail = mailing.remind(self.collection, self.own, by=self.area_officer)
        [message] = self.inbox.messages
        self.assertEqual(message.recipients, ["giamdoc@htxyenbang.vn", "ketoan@htxyenbang.vn"])
        self.assertEqual(message.subject, "Nhắc nộp số liệu 6 tháng đầu năm 2026 – hạn 15/07/2026")
        body = message.body
        self.assertIn("canbo_yyen nhắc đơn vị", body)
        self.assertIn("(còn 5 ngày)", body)
        self.assertIn("Hồ sơ của đơn vị trong kỳ này: chưa nộp.", body)
        self.assertIn(self.file_link(), body)
        mail.refresh_from_db()
        self.assertEqual((mail.kind, mail.state), (OutboxMail.Kind.MANUAL, OutboxMail.State.SENT))
        self.assertIn("canbo_yyen nhắc đơn vị", mail.body)  # kept: no secret in it

    def test_an_organisation_without_a_filer_to_mail_gets_nothing(self):
        lonely = f.organization(self.yen_bang, name="HTX Chưa có tài khoản")
        self.make_filer(lonely, "nghi@htx.vn", is_active=False)
        self.assertIsNone(mailing.remind(self.collection, lonely, by=self.alliance))
        self.assertFalse(OutboxMail.objects.exists())


class FailureTests(MailTestCase):
    NOW = at(D(2026, 7, 10))

    def queue_one(self, recipient="nam@htxhaiphuc.vn") -> OutboxMail:
        """A mail queued at ``NOW`` (due from then)."""
        with self.travel(self.NOW):
            return mailing.queue(
                OutboxMail.Kind.MANUAL, self.other, subject="Nhắc nộp số liệu", body="Nội dung",
                recipients=[recipient], collection=self.collection, by=self.alliance,
            )  # fmt: skip

    def test_a_server_that_is_down_fails_the_mail_which_goes_once_it_is_back(self):
        start = self.NOW
        mail = self.queue_one()
        with self.travel(start):
            self.assertEqual(mailing.send_pending(), (0, 1))  # nobody listens on the port
        mail.refresh_from_db()
        self.assertEqual((mail.state, mail.attempts), (OutboxMail.State.FAILED, 1))
        self.assertTrue(mail.last_error.startswith("Không kết nối được máy chủ thư"))
        self.assertNotIn(PASSWORD, mail.last_error)
        self.assertEqual(mail.next_attempt_at, start + datetime.timedelta(minutes=10))

        self.start_server()
        self.assertEqual(mailing.send_pending(start + datetime.timedelta(minutes=9)), (0, 0))
        self.assertEqual(self.inbox.messages, [])
        self.assertEqual(mailing.send_pending(start + datetime.timedelta(minutes=10)), (1, 0))
        mail.refresh_from_db()
        self.assertEqual((mail.state, mail.attempts, mail.last_error), ("sent", 2, ""))
        self.assertEqual(self.inbox.messages[0].subject, "Nhắc nộp số liệu")
        self.assertEqual(mailing.send_pending(start + datetime.timedelta(days=1)), (0, 0))

    def test_it_gives_up_after_five_attempts(self):
        now = self.NOW
        mail = self.queue_one()
        waits = []
        for _ in range(mailing.MAX_ATTEMPTS):
            self.assertEqual(mailing.send_pending(now), (0, 1))
            mail.refresh_from_db()
            if mail.next_attempt_at is not None:
                waits.append(mail.next_attempt_at - now)
                now = mail.next_attempt_at
        self.assertEqual([wait.total_seconds() / 60 for wait in waits], [10, 20, 40, 80])
        self.assertEqual((mail.state, mail.attempts), (OutboxMail.State.FAILED, 5))
        self.start_server()
        self.assertEqual(mailing.send_pending(now + datetime.timedelta(days=30)), (0, 0))
        self.assertEqual(self.inbox.messages, [])

    def test_a_mail_being_sent_elsewhere_is_not_sent_again(self):
        self.start_server()
        now = self.NOW
        mail = self.queue_one()
        [claimed] = mailing._claim(now, 10)  # another sender took it and is still at it
        self.assertEqual(claimed, mail)
        self.assertEqual(mailing.send_pending(now), (0, 0))
        # That sender died: after the lease the mail goes.
        self.assertEqual(mailing.send_pending(now + mailing.LEASE), (1, 0))
        self.assertEqual(len(self.inbox.messages), 1)

    def test_a_refused_recipient_fails_that_mail_only(self):
        self.start_server()
        good = self.queue_one()
        bad = self.queue_one("tu-choi@htxhaiphuc.vn")
        later = self.queue_one()
        self.assertEqual(mailing.send_pending(self.NOW), (2, 1))
        states = dict(OutboxMail.objects.values_list("pk", "state"))
        self.assertEqual([states[m.pk] for m in (good, bad, later)], ["sent", "failed", "sent"])
        bad.refresh_from_db()
        self.assertEqual(bad.last_error, "Máy chủ thư từ chối người nhận (mã 550)")


class PeriodicTests(MailTestCase):
    """run_workers enqueues the reminders itself (settings.PERIODIC_TASKS)."""

    def test_run_workers_enqueues_the_reminders_every_interval(self):
        self.start_server()
        with override_settings(
            PERIODIC_TASKS={"cooperatives.tasks.send_reminders": 15, "not.used": 0}
        ):
            [periodic] = run_workers.periodic_tasks()
        self.assertEqual(
            (periodic.path, periodic.seconds), ("cooperatives.tasks.send_reminders", 900)
        )
        supervisor = run_workers.Command()
        supervisor.periodic = [periodic]
        # The supervisor closes its connections after enqueuing; not the test's own.
        with (
            mock.patch.object(run_workers, "close_old_connections"),
            mock.patch.object(run_workers.connections, "close_all"),
            self.travel(at(D(2026, 7, 1))),
        ):
            supervisor._run_periodic()  # at start-up; the immediate backend runs it here
            supervisor._run_periodic()  # not due again for 15 minutes
        self.assertEqual(len(self.inbox.messages), 2)
        self.assertEqual(OutboxMail.objects.filter(state="sent").count(), 2)

    def test_a_periodic_task_that_does_not_exist_stops_the_start(self):
        with override_settings(PERIODIC_TASKS={"cooperatives.tasks.no_such_task": 5}):
            with self.assertRaisesMessage(CommandError, "cooperatives.tasks.no_such_task"):
                run_workers.periodic_tasks()
