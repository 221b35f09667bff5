"""The staff side of cooperatives filing for themselves (issue 18): invitations made in the
admin, the filers' accounts, the review of filings, and what the tracking page adds, at
every role's boundary (area officer of Huyện Ý Yên; the other district is Huyện Hải Hậu)."""

import datetime
import re

from django.contrib.admin.models import LogEntry
from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from cooperatives import filings
from cooperatives.models import Collection, Figures, Filing, Invitation, Organization, OutboxMail
from cooperatives.models.filing import normalize_code, secret_hash
from testing import factories as f
from testing.filing import FIGURES, PASSWORD, D, FilingTestCase

# Mail goes through the task queue once the transaction commits: run it in the request.
IMMEDIATE_TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["default", "pdf"],
    }
}
CODE = re.compile(r"\b[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}\b")


class ReviewTestCase(FilingTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.own_filer = cls.make_filer(cls.own, "ketoan@htxyenbang.vn")
        cls.other_filer = cls.make_filer(cls.other, "ketoan@htxhaiphuc.vn")

    def submitted(self, filer, **changes) -> Filing:
        """The filer's organisation sends the collection's figures (as the form does)."""
        organization = filer.organization
        checked = filings.check_figures(
            FIGURES | changes, organization=organization, collection=self.collection
        )
        self.assertEqual(checked.errors, {})
        filing = filings.filing_for(self.collection, organization)
        return filings.submit(filing, checked, user=filer.user, confirmed=list(checked.warnings))

    def review_url(self, filing) -> str:
        return reverse("admin:cooperatives_filing_change", args=[filing.pk])

    def step(self, user, filing, step, **data):
        self.client.force_login(user)
        return self.client.post(self.review_url(filing), {"buoc": step, **data}, follow=True)


# --- invitations --------------------------------------------------------------------------
@override_settings(TASKS=IMMEDIATE_TASKS)
class InvitationAdminTests(ReviewTestCase):
    def add_url(self):
        return reverse("admin:cooperatives_invitation_add")

    def invite(self, user, **data):
        self.client.force_login(user)
        form = {"organization": self.own.pk, "name": "Trần Văn Bình", "title": "Giám đốc",
                "channel": "letter", "email": ""}  # fmt: skip
        return self.client.post(self.add_url(), form | data)

    def test_an_email_invitation_sends_its_one_time_link_once_committed(self):
        with self.captureOnCommitCallbacks(execute=True) as callbacks:
            response = self.invite(self.alliance, channel="email", email="binh@htxyenbang.vn")
        self.assertRedirects(response, reverse("admin:cooperatives_invitation_changelist"),
                             fetch_redirect_response=False)  # fmt: skip
        self.assertGreaterEqual(len(callbacks), 1)  # sent after the commit, not before
        invitation = Invitation.objects.get(name="Trần Văn Bình")
        self.assertEqual((invitation.email, invitation.created_by), ("binh@htxyenbang.vn",
                                                                     self.alliance))  # fmt: skip
        [message] = mail.outbox
        self.assertEqual(message.to, ["binh@htxyenbang.vn"])
        token = re.search(r"/htx/loi-moi/([^/\s]+)/", message.body).group(1)
        self.assertEqual(invitation.secret_hash, secret_hash(token))
        self.assertEqual(filings.invitation_for_token(token), invitation)
        outbox = OutboxMail.objects.get(kind=OutboxMail.Kind.INVITATION)
        self.assertEqual((outbox.state, outbox.body), (OutboxMail.State.SENT, ""))
        page = self.client.get(reverse("admin:cooperatives_invitation_changelist"))
        self.assertContains(page, "Đã gửi thư mời tới binh@htxyenbang.vn")
        self.assertContains(page, "09:00 ngày 17/07/2026")  # seven days, local time
        self.assertContains(page, "Còn hiệu lực")

    def test_an_email_invitation_needs_an_email(self):
        response = self.invite(self.alliance, channel="email", email="")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Hãy nhập email của người được mời.")
        self.assertFalse(Invitation.objects.filter(name="Trần Văn Bình").exists())
        self.assertEqual(mail.outbox, [])

    def test_a_letter_shows_its_code_once_and_only_its_hash_is_kept(self):
        response = self.invite(self.alliance, email="bo.qua@htxyenbang.vn")
        self.assertEqual(response.status_code, 200)
        self.assertTemplateUsed(response, "admin/cooperatives/invitation/letter.html")
        self.assertIn("no-store", response["Cache-Control"])
        page = response.content.decode()
        code = CODE.search(page).group(0)
        invitation = Invitation.objects.get(name="Trần Văn Bình")
        self.assertEqual(invitation.secret_hash, secret_hash(normalize_code(code)))
        self.assertEqual(filings.invitation_for_code(code.lower()), invitation)
        self.assertEqual(invitation.email, "")  # a letter goes by post
        for text in ("THƯ MỜI SỬ DỤNG TÀI KHOẢN NỘP SỐ LIỆU", "http://testserver/htx/kich-hoat/",
                     "HTX Nông nghiệp Yên Bằng", "0600000001", "Trần Văn Bình",
                     "09:00 ngày 09/08/2026", "Ctrl", "chỉ hiện một lần"):  # fmt: skip
            self.assertIn(text, page)
        # Nowhere else: not in the address, the database, the log, the invitation's page.
        self.assertNotIn(normalize_code(code), response.request["PATH_INFO"])
        stored = [str(v) for v in Invitation.objects.values_list()]
        stored += list(LogEntry.objects.values_list("change_message", flat=True))
        self.assertFalse([row for row in stored if normalize_code(code) in normalize_code(row)])
        again = self.client.get(reverse("admin:cooperatives_invitation_change",
                                        args=[invitation.pk]))  # fmt: skip
        self.assertNotIn(code, again.content.decode())
        self.assertEqual(OutboxMail.objects.count(), 0)
        self.assertEqual(mail.outbox, [])

    def test_area_staff_invite_for_their_areas_only(self):
        response = self.invite(self.area_officer, organization=self.other.pk)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Hãy chọn một lựa chọn hợp lệ")
        self.assertFalse(Invitation.objects.filter(name="Trần Văn Bình").exists())
        autocomplete = self.client.get(
            reverse("admin:autocomplete"),
            {"app_label": "cooperatives", "model_name": "invitation",
             "field_name": "organization", "term": ""},
        )  # fmt: skip
        offered = {int(item["id"]) for item in autocomplete.json()["results"]}
        self.assertIn(self.own.pk, offered)
        self.assertNotIn(self.other.pk, offered)
        response = self.invite(self.area_officer)
        self.assertTemplateUsed(response, "admin/cooperatives/invitation/letter.html")
        invitation = Invitation.objects.get(name="Trần Văn Bình")
        self.assertEqual(invitation.created_by, self.area_officer)
        # The other district's invitations do not exist for them.
        listing = self.client.get(reverse("admin:cooperatives_invitation_changelist"))
        self.assertEqual({i.organization for i in listing.context["cl"].result_list}, {self.own})
        theirs = Invitation.objects.filter(organization=self.other).first()
        url = reverse("admin:cooperatives_invitation_change", args=[theirs.pk])
        self.assertEqual(self.client.get(url).status_code, 404)

    def test_editors_and_officials_cannot_invite_and_nobody_edits_an_invitation(self):
        for user in (self.editor, self.official):
            self.client.force_login(user)
            self.assertEqual(self.client.get(self.add_url()).status_code, 403)
            self.assertEqual(self.invite(user).status_code, 403)
            listing = reverse("admin:cooperatives_invitation_changelist")
            self.assertEqual(self.client.get(listing).status_code, 403)
        self.assertFalse(Invitation.objects.filter(name="Trần Văn Bình").exists())
        invitation = Invitation.objects.filter(organization=self.own).first()
        url = reverse("admin:cooperatives_invitation_change", args=[invitation.pk])
        self.client.force_login(self.alliance)
        self.assertEqual(self.client.post(url, {"name": "Đổi", "email": "x@y.vn"}).status_code,
                         403)  # fmt: skip
        self.assertEqual(Invitation.objects.get(pk=invitation.pk).name, invitation.name)

    def test_the_list_tells_valid_used_and_expired_invitations_apart(self):
        Invitation.objects.all().delete()
        self.invite(self.alliance, name="Người Còn Hạn")
        self.invite(self.alliance, name="Người Hết Hạn")
        Invitation.objects.filter(name="Người Hết Hạn").update(
            expires_at=timezone.now() - datetime.timedelta(minutes=1)
        )
        self.invite(self.alliance, name="Người Đã Dùng", channel="email", email="dd@htx.vn")
        filings.accept_invitation(Invitation.objects.get(name="Người Đã Dùng"), PASSWORD)
        page = self.client.get(reverse("admin:cooperatives_invitation_changelist"))
        states = {i.name: i.state_label() for i in page.context["cl"].result_list}
        self.assertEqual(states, {"Người Còn Hạn": "Còn hiệu lực", "Người Hết Hạn": "Hết hạn",
                                  "Người Đã Dùng": "Đã dùng"})  # fmt: skip
        for label in ("Còn hiệu lực", "Hết hạn", "Đã dùng", "In thư mời có mã"):
            self.assertContains(page, label)


# --- filers' accounts ---------------------------------------------------------------------
class FilerAdminTests(ReviewTestCase):
    def changelist(self):
        return reverse("admin:cooperatives_filer_changelist")

    def lock(self, user, filer):
        self.client.force_login(user)
        return self.client.post(
            self.changelist(), {"action": "lock", "_selected_action": [filer.pk]}, follow=True
        )

    def test_alliance_staff_lock_and_unlock_an_account(self):
        cooperative = Client()
        cooperative.force_login(self.other_filer.user)
        self.assertEqual(cooperative.get(reverse("space:home")).status_code, 200)
        page = self.lock(self.alliance, self.other_filer)
        self.assertContains(page, "Đã khóa 1 tài khoản")
        self.other_filer.user.refresh_from_db()
        self.assertFalse(self.other_filer.user.is_active)
        # The session it had open is over: back to the sign-in page.
        response = cooperative.get(reverse("space:home"))
        self.assertTrue(response["Location"].startswith(reverse("space:sign_in")))
        self.assertEqual(LogEntry.objects.get(object_id=str(self.other_filer.pk)).change_message,
                         "Khóa tài khoản")  # fmt: skip
        unlock = {"action": "unlock", "_selected_action": [self.other_filer.pk]}
        self.client.post(self.changelist(), unlock)
        self.other_filer.user.refresh_from_db()
        self.assertTrue(self.other_filer.user.is_active)

    def test_area_staff_see_their_areas_accounts_and_cannot_lock_them(self):
        self.client.force_login(self.area_officer)
        page = self.client.get(self.changelist())
        self.assertEqual([f.pk for f in page.context["cl"].result_list], [self.own_filer.pk])
        self.assertContains(page, "ketoan@htxyenbang.vn")
        self.assertIsNone(page.context["action_form"])  # no action at all: none to lock
        self.lock(self.area_officer, self.own_filer)
        self.own_filer.user.refresh_from_db()
        self.assertTrue(self.own_filer.user.is_active)
        url = reverse("admin:cooperatives_filer_change", args=[self.other_filer.pk])
        self.assertEqual(self.client.get(url).status_code, 404)

    def test_officials_and_editors_do_not_see_the_accounts(self):
        for user in (self.official, self.editor):
            self.client.force_login(user)
            self.assertEqual(self.client.get(self.changelist()).status_code, 403)


# --- the review ---------------------------------------------------------------------------
class ReviewTests(ReviewTestCase):
    def test_area_staff_return_a_filing_with_their_comment(self):
        filing = self.submitted(self.own_filer)
        self.client.force_login(self.area_officer)
        page = self.client.get(self.review_url(filing))
        self.assertContains(page, "2.312,5")  # the values as filed, in Vietnamese
        self.assertContains(page, "Doanh thu (triệu đồng)")
        self.assertContains(page, "Trả lại HTX")
        self.assertContains(page, "Chuyển Liên minh duyệt")
        self.assertNotContains(page, 'value="duyet"')
        refused = self.step(self.area_officer, filing, "tra-lai", review_comment="  ")
        self.assertContains(refused, "Hãy ghi rõ cần sửa gì")
        filing.refresh_from_db()
        self.assertEqual(filing.state, Filing.State.SUBMITTED)
        comment = "Doanh thu thiếu quý II; kiểm tra lại số lao động."
        page = self.step(self.area_officer, filing, "tra-lai", review_comment=comment)
        self.assertContains(page, "Đã trả lại hồ sơ cho HTX")
        filing.refresh_from_db()
        self.assertEqual((filing.state, filing.review_comment, filing.returns),
                         (Filing.State.RETURNED, comment, 1))  # fmt: skip
        self.assertEqual(filing.figures.state, Figures.State.DRAFT)
        self.assertContains(page, comment, count=2)  # the comment now, and in the history
        self.assertContains(page, "Trả lại HTX để sửa")
        self.assertNotContains(page, 'value="tra-lai"')  # nothing left to do until resent

    def test_area_staff_forward_and_the_alliance_approves(self):
        filing = self.submitted(self.own_filer)
        page = self.step(self.area_officer, filing, "chuyen")
        self.assertContains(page, "Đã chuyển hồ sơ để Liên minh duyệt.")
        filing.refresh_from_db()
        self.assertEqual(filing.state, Filing.State.FORWARDED)
        again = self.step(self.area_officer, filing, "chuyen")
        self.assertContains(again, "không chuyển được")
        page = self.step(self.alliance, filing, "duyet")
        self.assertContains(page, "Đã duyệt hồ sơ.")
        filing.refresh_from_db()
        self.assertEqual(filing.state, Filing.State.APPROVED)
        self.assertEqual(filing.figures.state, Figures.State.APPROVED)
        for step in ("HTX nộp hồ sơ (số ", "Địa bàn đã kiểm tra", "Liên minh duyệt"):
            self.assertContains(page, step)

    def test_area_staff_may_not_approve(self):
        filing = self.submitted(self.own_filer)
        response = self.step(self.area_officer, filing, "duyet")
        self.assertEqual(response.status_code, 403)
        filing.refresh_from_db()
        self.assertEqual(filing.state, Filing.State.SUBMITTED)
        self.assertEqual(filing.figures.state, Figures.State.SUBMITTED)

    def test_other_areas_filings_do_not_exist_for_area_staff(self):
        own, other = self.submitted(self.own_filer), self.submitted(self.other_filer)
        self.client.force_login(self.area_officer)
        listing = self.client.get(reverse("admin:cooperatives_filing_changelist"))
        self.assertEqual(list(listing.context["cl"].result_list), [own])
        found = self.client.get(reverse("admin:cooperatives_filing_changelist"),
                                {"q": self.other.code})  # fmt: skip
        self.assertEqual(list(found.context["cl"].result_list), [])
        self.assertEqual(self.client.get(self.review_url(other)).status_code, 404)
        for step in ("tra-lai", "chuyen"):
            response = self.client.post(self.review_url(other),
                                        {"buoc": step, "review_comment": "Sửa"})  # fmt: skip
            self.assertEqual(response.status_code, 404)
        history = reverse("admin:cooperatives_filing_history", args=[other.pk])
        self.assertEqual(self.client.get(history).status_code, 404)
        other.refresh_from_db()
        self.assertEqual(other.state, Filing.State.SUBMITTED)

    def test_officials_read_filings_and_editors_do_not(self):
        filing = self.submitted(self.own_filer)
        self.client.force_login(self.official)
        page = self.client.get(self.review_url(filing))
        self.assertContains(page, "2.312,5")
        self.assertNotContains(page, 'name="buoc"')
        self.assertEqual(self.step(self.official, filing, "chuyen").status_code, 403)
        self.client.force_login(self.editor)
        self.assertEqual(self.client.get(self.review_url(filing)).status_code, 403)
        listing = reverse("admin:cooperatives_filing_changelist")
        self.assertEqual(self.client.get(listing).status_code, 403)
        filing.refresh_from_db()
        self.assertEqual(filing.state, Filing.State.SUBMITTED)

    def test_the_list_shows_number_time_lateness_and_returns(self):
        filing = self.submitted(self.own_filer)
        self.client.force_login(self.alliance)
        page = self.client.get(reverse("admin:cooperatives_filing_changelist"))
        self.assertContains(page, filing.number)
        self.assertContains(page, "10/07/2026 09:00")
        waiting = self.client.get(reverse("admin:cooperatives_filing_changelist"),
                                  {"trang_thai": "cho-xu-ly"})  # fmt: skip
        self.assertEqual(list(waiting.context["cl"].result_list), [filing])
        # Drafts are the cooperative's own until sent.
        draft = filings.filing_for(self.collection, self.other)
        filings.save_draft(draft, FIGURES, user=self.other_filer.user)
        page = self.client.get(reverse("admin:cooperatives_filing_changelist"))
        self.assertEqual(len(page.context["cl"].result_list), 1)

    def test_an_update_proposal_reads_current_then_proposed_and_applies_on_approval(self):
        update = Collection.objects.create(kind="update", year=2026, opens_on=D(2026, 7, 1))
        filing = Filing.objects.create(
            collection=update, organization=self.own, state=Filing.State.SUBMITTED,
            number="CN-202612-00001", submissions=1, submitted_at=timezone.now(),
            first_submitted_at=timezone.now(), submitted_by=self.own_filer.user,
            values={"phone": "0912 345 678", "charter_capital": "1500.5", "members": 30},
        )  # fmt: skip
        Organization.objects.filter(pk=self.own.pk).update(phone="0228 3870 111")
        f.figures(self.own, 2026, 12, members=24)
        self.client.force_login(self.alliance)
        page = self.client.get(self.review_url(filing))
        rows = {row["name"]: (row["current"], row["proposed"]) for row in page.context["rows"]}
        self.assertEqual(rows, {
            "Điện thoại": ("0228 3870 111", "0912 345 678"),
            "Vốn điều lệ (triệu đồng)": ("—", "1.500,5"),
            "Số thành viên": ("24", "30"),
        })  # fmt: skip
        self.step(self.alliance, filing, "duyet")
        filing.refresh_from_db()
        self.assertEqual(filing.state, Filing.State.APPROVED)
        self.own.refresh_from_db()
        self.assertEqual(self.own.phone, "0912 345 678")
        self.assertEqual(Figures.objects.get(organization=self.own, year=2026, months=12).members,
                         30)  # fmt: skip


# --- tracking -----------------------------------------------------------------------------
@override_settings(TASKS=IMMEDIATE_TASKS)
class TrackingAdditionsTests(ReviewTestCase):
    """Own HTX submitted (waiting for review), the other returned; a third, in the area
    officer's district, has no account."""

    def setUp(self):
        super().setUp()
        self.waiting = self.submitted(self.own_filer)
        self.returned = filings.return_filing(
            self.submitted(self.other_filer), comment="Thiếu số lao động.", user=self.alliance
        )
        self.silent = f.organization(self.yen_bang, code="0600000603", name="HTX Im lặng")

    def url(self, name="tracking"):
        return reverse(f"admin:cooperatives_collection_{name}", args=[self.collection.pk])

    def remind(self, user, organization):
        self.client.force_login(user)
        with self.captureOnCommitCallbacks(execute=True):
            return self.client.post(self.url("remind"), {"organization": organization.pk},
                                    follow=True)  # fmt: skip

    def test_the_page_counts_returned_and_waiting_filings(self):
        self.client.force_login(self.alliance)
        page = self.client.get(self.url())
        total = page.context["total"]
        self.assertEqual((total.waiting, total.returned), (1, 1))
        self.assertContains(page, "<strong>1</strong> chờ cán bộ xử lý")
        self.assertContains(page, "1 bị trả lại, chờ HTX sửa")
        missing = {org["code"]: org for org in page.context["result"].missing}
        self.assertEqual(missing[self.other.code]["state"], "Bị trả lại, chờ HTX sửa")
        self.assertTrue(missing[self.other.code]["reachable"])
        self.assertFalse(missing[self.silent.code]["has_filer"])
        self.assertContains(page, f'?organization={self.silent.pk}">Mời tạo</a>')
        self.assertContains(page, "Nhắc nộp")
        self.client.force_login(self.area_officer)
        total = self.client.get(self.url()).context["total"]
        self.assertEqual((total.waiting, total.returned), (1, 0))

    def test_the_annual_update_counts_filings_not_figures(self):
        update = Collection.objects.create(kind="update", year=2026, opens_on=D(2026, 7, 1))
        sent = timezone.now()
        for org, state in ((self.own, Filing.State.SUBMITTED), (self.other, "approved")):
            Filing.objects.create(
                collection=update, organization=org, state=state, submissions=1,
                number=f"CN-202612-{org.pk:05d}", submitted_at=sent, first_submitted_at=sent,
                values={"phone": "0912 345 678"},
            )  # fmt: skip
        # Figures of the year say nothing of the update: the silent HTX has not sent one.
        f.figures(self.silent, 2026, 12, state=Figures.State.APPROVED)
        self.client.force_login(self.alliance)
        page = self.client.get(reverse("admin:cooperatives_collection_tracking", args=[update.pk]))
        self.assertContains(page, "Theo dõi: Cập nhật thông tin hằng năm 2026</h1>")
        self.assertContains(page, "Đã nộp: tổ chức đã gửi bản cập nhật thông tin qua cổng")
        total = page.context["total"]
        self.assertEqual((total.submitted, total.approved, total.on_time), (1, 1, 2))
        missing = {org["code"]: org["state"] for org in page.context["result"].missing}
        self.assertNotIn(self.own.code, missing)
        self.assertNotIn(self.other.code, missing)
        self.assertEqual(missing[self.silent.code], "Chưa gửi cập nhật")

    def test_remind_mails_the_organisations_filers_now(self):
        page = self.remind(self.alliance, self.other)
        self.assertContains(page, "Đã gửi thư nhắc nộp tới HTX Mây tre đan Hải Phúc")
        [message] = mail.outbox
        self.assertEqual(message.to, ["ketoan@htxhaiphuc.vn"])
        reminder = OutboxMail.objects.get(kind=OutboxMail.Kind.MANUAL)
        self.assertEqual((reminder.collection, reminder.created_by),
                         (self.collection, self.alliance))  # fmt: skip

    def test_remind_without_an_account_says_so_and_sends_nothing(self):
        page = self.remind(self.area_officer, self.silent)
        self.assertContains(page, "chưa có tài khoản nộp số liệu có email")
        self.assertFalse(OutboxMail.objects.filter(kind=OutboxMail.Kind.MANUAL).exists())

    def test_remind_is_post_only_within_the_areas_and_not_for_officials(self):
        self.client.force_login(self.alliance)
        self.assertEqual(self.client.get(self.url("remind")).status_code, 405)
        self.assertEqual(self.remind(self.area_officer, self.other).status_code, 404)
        self.assertEqual(self.remind(self.official, self.other).status_code, 403)
        self.assertEqual(self.remind(self.editor, self.other).status_code, 403)
        self.client.force_login(self.official)
        self.assertNotContains(self.client.get(self.url()), "Nhắc nộp")
        self.assertFalse(OutboxMail.objects.filter(kind=OutboxMail.Kind.MANUAL).exists())

    def test_the_collections_failed_mails_show_their_error_and_attempts(self):
        OutboxMail.objects.create(
            kind=OutboxMail.Kind.BEFORE, organization=self.other, collection=self.collection,
            recipients=["sai@htxhaiphuc"], subject="Nhắc nộp", state=OutboxMail.State.FAILED,
            attempts=3, last_error="Máy chủ thư từ chối người nhận (mã 550)",
            next_attempt_at=timezone.now() + datetime.timedelta(minutes=80),
        )  # fmt: skip
        self.client.force_login(self.alliance)
        page = self.client.get(self.url())
        self.assertContains(page, "Thư gửi lỗi (1)")
        self.assertContains(page, "Máy chủ thư từ chối người nhận (mã 550)")
        self.assertContains(page, "<td>3</td>", html=True)
        self.assertContains(page, "sai@htxhaiphuc")
        for user in (self.area_officer, self.official):  # another district; no outbox right
            self.client.force_login(user)
            self.assertNotContains(self.client.get(self.url()), "Thư gửi lỗi")


# --- the outbox ---------------------------------------------------------------------------
@override_settings(TASKS=IMMEDIATE_TASKS)
class OutboxAdminTests(ReviewTestCase):
    def failed_mail(self, organization, **fields) -> OutboxMail:
        return OutboxMail.objects.create(**{
            "kind": OutboxMail.Kind.MANUAL, "organization": organization,
            "collection": self.collection, "recipients": ["ketoan@htxyenbang.vn"],
            "subject": "Nhắc nộp số liệu", "body": "Kính gửi HTX ...",
            "state": OutboxMail.State.FAILED, "attempts": 5, "next_attempt_at": None,
            "last_error": "Máy chủ thư ngắt kết nối",
        } | fields)  # fmt: skip

    def changelist(self) -> str:
        return reverse("admin:cooperatives_outboxmail_changelist")

    def test_alliance_staff_resend_mails_that_gave_up_and_sent_ones_stay_sent(self):
        given_up = self.failed_mail(self.own)
        sent = self.failed_mail(self.other, state=OutboxMail.State.SENT, attempts=1,
                                sent_at=timezone.now(), last_error="")  # fmt: skip
        self.client.force_login(self.alliance)
        page = self.client.get(self.changelist() + "?state__exact=failed")
        self.assertEqual([m.pk for m in page.context["cl"].result_list], [given_up.pk])
        self.assertContains(page, "Máy chủ thư ngắt kết nối")
        chosen = {"action": "resend", "_selected_action": [given_up.pk, sent.pk]}
        with self.captureOnCommitCallbacks(execute=True):
            page = self.client.post(self.changelist(), chosen, follow=True)
        self.assertContains(page, "Đã đưa 1 thư lỗi vào hàng đợi gửi lại.")
        self.assertContains(page, "1 thư không bị lỗi nên không gửi lại.")
        # The task queue sent it at once (immediate backend): the mail server took it.
        given_up.refresh_from_db()
        self.assertEqual((given_up.state, given_up.attempts), (OutboxMail.State.SENT, 1))
        self.assertEqual([m.to for m in mail.outbox], [["ketoan@htxyenbang.vn"]])

    def test_an_invitations_link_is_never_shown(self):
        link = "Mở https://htx.example/htx/loi-moi/BiMat123/"
        invitation = self.failed_mail(self.own, kind=OutboxMail.Kind.INVITATION, body=link)
        self.client.force_login(self.alliance)
        url = reverse("admin:cooperatives_outboxmail_change", args=[invitation.pk])
        page = self.client.get(url)
        self.assertContains(page, "Đã thôi gửi lại (quá số lần thử)")
        self.assertNotContains(page, "BiMat123")
        self.assertContains(page, "không hiển thị")

    def test_area_staff_read_their_areas_mail_and_cannot_resend_it(self):
        own, other = self.failed_mail(self.own), self.failed_mail(self.other)
        self.client.force_login(self.area_officer)
        page = self.client.get(self.changelist())
        self.assertEqual([m.pk for m in page.context["cl"].result_list], [own.pk])
        self.assertIsNone(page.context["action_form"])
        self.client.post(self.changelist(), {"action": "resend", "_selected_action": [own.pk]})
        own.refresh_from_db()
        self.assertEqual(own.state, OutboxMail.State.FAILED)
        url = reverse("admin:cooperatives_outboxmail_change", args=[other.pk])
        self.assertEqual(self.client.get(url).status_code, 404)
        for user in (self.official, self.editor):
            self.client.force_login(user)
            self.assertEqual(self.client.get(self.changelist()).status_code, 403)

    def test_the_tracking_page_links_to_the_failed_mails(self):
        self.failed_mail(self.own)
        self.client.force_login(self.alliance)
        url = reverse("admin:cooperatives_collection_tracking", args=[self.collection.pk])
        page = self.client.get(url)
        self.assertContains(page, "Mở danh sách thư lỗi</a> để gửi lại.")
