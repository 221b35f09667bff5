"""The cooperatives' own space at /htx/ (issue 18): invitations by link and by code, the
boundaries of a filer's account, and filing from draft to approval."""

import datetime
import io
import re

import time_machine
from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from cooperatives import filings
from cooperatives.models import Collection, Figures, Filing, Organization
from testing.filing import DURING, FIGURES, PASSWORD, TZ, D, FilingTestCase


class SpaceTestCase(FilingTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.filer = cls.make_filer(cls.own, "ketoan@htxyenbang.vn")

    def sign_in(self, filer=None):
        self.client.force_login((filer or self.filer).user)

    def post_figures(self, action="submit", confirm=(), **changes):
        data = {**FIGURES, **changes, "action": action}
        if confirm:
            data["confirm"] = list(confirm)
        return self.client.post(reverse("space:file", args=[self.collection.pk]), data)


class InvitationTests(SpaceTestCase):
    def test_the_emailed_link_makes_an_account_once(self):
        invitation, token = filings.invite(
            organization=self.other, name="Lê Văn Nam", title="Giám đốc",
            channel="email", email="Nam.Le@htxhaiphuc.vn", by=self.alliance,
        )  # fmt: skip
        self.assertNotIn(token, invitation.secret_hash)
        url = reverse("space:accept", args=[token])
        page = self.client.get(url)
        self.assertContains(page, "HTX Mây tre đan Hải Phúc")
        self.assertContains(page, "Lê Văn Nam")
        weak = self.client.post(url, {"password1": "12345678", "password2": "12345678"})
        self.assertContains(weak, "Mật khẩu")
        self.assertFalse(get_user_model().objects.filter(email="Nam.Le@htxhaiphuc.vn").exists())
        done = self.client.post(url, {"password1": PASSWORD, "password2": PASSWORD}, follow=True)
        self.assertContains(done, "Tên đăng nhập của anh/chị là nam.le@htxhaiphuc.vn")
        user = get_user_model().objects.get(username="nam.le@htxhaiphuc.vn")
        self.assertFalse(user.is_staff)
        self.assertEqual(user.filer.organization, self.other)
        self.client.logout()
        again = self.client.get(url)
        self.assertEqual(again.status_code, 410)
        self.assertContains(again, "đã được dùng hoặc đã hết hạn", status_code=410)
        self.assertEqual(self.client.get(reverse("space:accept", args=["x" * 43])).status_code, 404)

    def test_a_link_expires_after_seven_days(self):
        invitation, token = filings.invite(
            organization=self.other, name="Lê Văn Nam", title="",
            channel="email", email="nam@htxhaiphuc.vn", by=self.alliance,
        )  # fmt: skip
        with time_machine.travel(DURING + datetime.timedelta(days=7, minutes=1), tick=False):
            page = self.client.post(
                reverse("space:accept", args=[token]),
                {"password1": PASSWORD, "password2": PASSWORD},
            )
        self.assertEqual(page.status_code, 410)
        invitation.refresh_from_db()
        self.assertIsNone(invitation.used_at)

    def test_the_printed_code_with_the_organisation_code(self):
        invitation, code = filings.invite(
            organization=self.other, name="Lê Văn Nam", title="Giám đốc",
            channel="letter", email="", by=self.alliance,
        )  # fmt: skip
        self.assertRegex(code, r"^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$")
        url = reverse("space:accept_code")
        base = {"password1": PASSWORD, "password2": PASSWORD}
        wrong_org = self.client.post(
            url, {**base, "organization_code": self.own.code, "code": code}
        )
        self.assertContains(wrong_org, "Mã số HTX hoặc mã kích hoạt không đúng")
        typed = code.lower().replace("-", " ")  # as a person may type it
        done = self.client.post(
            url, {**base, "organization_code": self.other.code, "code": typed}, follow=True
        )
        self.assertContains(done, f"Tên đăng nhập của anh/chị là {self.other.code}")
        self.assertEqual(get_user_model().objects.get(username=self.other.code).filer.name,
                         "Lê Văn Nam")  # fmt: skip
        invitation.refresh_from_db()
        self.assertIsNotNone(invitation.used_at)

    def test_wrong_codes_lock_out_like_wrong_passwords(self):
        filings.invite(organization=self.other, name="Lê Văn Nam", title="",
                       channel="letter", email="", by=self.alliance)  # fmt: skip
        url = reverse("space:accept_code")
        data = {"organization_code": self.other.code, "code": "AAAA-BBBB-CCCC",
                "password1": PASSWORD, "password2": PASSWORD}  # fmt: skip
        statuses = [
            self.client.post(url, data).status_code for _ in range(settings.AXES_FAILURE_LIMIT)
        ]
        self.assertEqual(statuses[:-1], [200] * (settings.AXES_FAILURE_LIMIT - 1))
        self.assertEqual(statuses[-1], 429)
        self.assertContains(self.client.post(url, data), "tạm thời bị khóa", status_code=429)
        from axes.models import AccessFailureLog

        self.assertTrue(
            AccessFailureLog.objects.filter(username=f"kich-hoat:{self.other.code}").exists()
        )


class BoundaryTests(SpaceTestCase):
    def test_anonymous_visitors_are_sent_to_the_sign_in(self):
        for name, args in [("space:home", []), ("space:file", [self.collection.pk]),
                           ("space:change_password", [])]:  # fmt: skip
            page = self.client.get(reverse(name, args=args))
            self.assertEqual(page.status_code, 302, name)
            self.assertTrue(page["Location"].startswith(reverse("space:sign_in")))

    def test_a_filer_reaches_nothing_else(self):
        self.sign_in()
        other_filer = self.make_filer(self.other, "ketoan@htxhaiphuc.vn")
        theirs = Filing.objects.create(collection=self.collection, organization=self.other,
                                       number="SL-202606-99999", state="submitted")  # fmt: skip
        for url in [
            reverse("space:filing", args=[theirs.pk]),
            reverse("space:receipt", args=[theirs.pk]),
            reverse("space:file", args=[999999]),
            reverse("space:filing", args=[999999]),
        ]:
            self.assertEqual(self.client.get(url).status_code, 404, url)
        # A collection for another area only.
        elsewhere = Collection.objects.create(kind="update", year=2026, opens_on=D(2026, 7, 1))
        elsewhere.areas.set([self.hai_hau])
        self.assertEqual(
            self.client.get(reverse("space:file", args=[elsewhere.pk])).status_code, 404
        )
        # The admin and staff pages: not staff, so sent to the admin's sign-in.
        for url in ["/quan-tri/", "/quan-tri/cooperatives/figures/", "/bao-cao/",
                    f"/quan-tri/cooperatives/filing/{theirs.pk}/change/"]:  # fmt: skip
            self.assertIn(self.client.get(url).status_code, (302, 403), url)
        self.assertEqual(other_filer.organization, self.other)

    def test_staff_are_told_the_space_is_the_cooperatives(self):
        self.client.force_login(self.alliance)
        page = self.client.get(reverse("space:home"))
        self.assertContains(page, "Trang này dành cho HTX", status_code=403)

    def test_the_sign_in_takes_filers_only_and_counts_failures(self):
        url = reverse("space:sign_in")
        staff = get_user_model().objects.create_user("canbo2", password=PASSWORD, is_staff=True)
        refused = self.client.post(url, {"username": staff.username, "password": PASSWORD})
        self.assertContains(refused, "không phải tài khoản nộp số liệu")
        wrong = self.client.post(url, {"username": self.filer.user.username, "password": "sai"})
        self.assertContains(wrong, "Tên đăng nhập hoặc mật khẩu không đúng")
        from axes.models import AccessFailureLog

        self.assertTrue(AccessFailureLog.objects.filter(username=self.filer.user.username).exists())
        ok = self.client.post(url, {"username": self.filer.user.username, "password": PASSWORD})
        self.assertRedirects(ok, reverse("space:home"))

    def test_the_sign_in_page_keeps_the_alliances_footer(self):
        # LoginView's own "site" (named after the host) must not replace the alliance's.
        page = self.client.get(reverse("space:sign_in"))
        self.assertNotContains(page, "<strong>testserver</strong>")
        footer = page.content.decode().split('<footer class="site-footer">')[1]
        self.assertIn(f"<strong>{page.context['alliance_name']}</strong>", footer)

    def test_pages_are_never_cached(self):
        self.sign_in()
        page = self.client.get(reverse("space:home"))
        self.assertIn("no-cache", page["Cache-Control"])
        self.assertContains(page, "Số liệu định kỳ 6 tháng đầu năm 2026")
        self.assertContains(page, "còn 10 ngày")


class FilingTests(SpaceTestCase):
    def test_the_form_has_every_field_of_the_figures_import(self):
        self.sign_in()
        page = self.client.get(reverse("space:file", args=[self.collection.pk]))
        for column in filings.FIGURES_COLUMNS:
            self.assertContains(page, f'name="{column.attr}"')
            self.assertContains(page, column.header.split(" (")[0])
        self.assertContains(page, "(triệu đồng)")
        self.assertContains(page, 'inputmode="decimal"')

    def test_errors_come_from_the_import_in_the_same_words(self):
        self.sign_in()
        page = self.post_figures(revenue="hai tỷ", insured_workers="20")
        self.assertContains(page, "Hồ sơ chưa nộp được")
        self.assertContains(page, "“hai tỷ” không phải là số.")
        self.assertFalse(Filing.objects.filter(number__isnull=False).exists())
        page = self.post_figures(insured_workers="20")
        self.assertContains(page, "“20” lớn hơn số lao động thường xuyên.")

    def test_a_draft_keeps_what_was_typed_even_if_wrong(self):
        self.sign_in()
        page = self.post_figures(action="draft", revenue="2.3OO")
        self.assertRedirects(page, reverse("space:file", args=[self.collection.pk]))
        filing = Filing.objects.get(organization=self.own)
        self.assertEqual((filing.state, filing.number), ("draft", None))
        again = self.client.get(reverse("space:file", args=[self.collection.pk]))
        self.assertContains(again, 'value="2.3OO"')
        self.assertFalse(Figures.objects.filter(year=2026).exists())

    def test_a_wild_change_needs_confirmation(self):
        self.sign_in()
        # The last half-year: 2.300 million; now 9.000 (×3,9).
        page = self.post_figures(revenue="9.000")
        self.assertContains(
            page, "Doanh thu 9.000 gấp 3,9 lần kỳ trước (6 tháng đầu năm 2023: 2.300)"
        )
        self.assertContains(page, 'name="confirm" value="revenue"')
        self.assertFalse(Figures.objects.filter(year=2026).exists())
        done = self.post_figures(revenue="9.000", confirm=["revenue"])
        filing = Filing.objects.get(organization=self.own)
        self.assertRedirects(done, reverse("space:filing", args=[filing.pk]))
        self.assertEqual(filing.confirmed_warnings, ["revenue"])

    def test_submit_return_resubmit_approve(self):
        self.sign_in()
        page = self.post_figures()
        filing = Filing.objects.get(organization=self.own)
        self.assertRedirects(page, reverse("space:filing", args=[filing.pk]))
        self.assertEqual(filing.number, f"SL-202606-{filing.pk:05d}")
        figures = Figures.objects.get(organization=self.own, year=2026, months=6)
        self.assertEqual((figures.state, figures.revenue, figures.rating, figures.meets_ntm_13_1),
                         ("submitted", 2312.5, "fair", True))  # fmt: skip
        latest = figures.history.order_by("-history_id").first()
        self.assertEqual(latest.history_user, self.filer.user)
        self.assertIn(filing.number, latest.history_change_reason)
        # Once sent, the form is closed: the address shows the filing.
        self.assertRedirects(
            self.client.get(reverse("space:file", args=[self.collection.pk])),
            reverse("space:filing", args=[filing.pk]),
        )
        # The area officer returns it with a comment; the figures leave the approval queue.
        filings.return_filing(filing, comment="Lợi nhuận ghi nhầm, kiểm tra lại.",
                              user=self.area_officer)  # fmt: skip
        figures.refresh_from_db()
        self.assertEqual(figures.state, "draft")
        home = self.client.get(reverse("space:home"))
        self.assertContains(home, "Lợi nhuận ghi nhầm, kiểm tra lại.")
        self.assertContains(home, "Sửa và nộp lại")
        form = self.client.get(reverse("space:file", args=[self.collection.pk]))
        self.assertContains(form, 'value="2.312,5"')
        self.post_figures(profit="158")
        filing.refresh_from_db()
        self.assertEqual((filing.state, filing.number, filing.returns),
                         ("submitted", f"SL-202606-{filing.pk:05d}-L2", 1))  # fmt: skip
        filings.forward(filing, user=self.area_officer)
        with self.assertRaises(filings.PermissionDenied):
            filings.approve(filing, user=self.area_officer)
        filings.approve(filing, user=self.alliance)
        filing.refresh_from_db()
        figures.refresh_from_db()
        self.assertEqual(
            (filing.state, figures.state, figures.profit), ("approved", "approved", 158)
        )
        page = self.client.get(reverse("space:filing", args=[filing.pk]))
        self.assertContains(page, "Đã duyệt")
        self.assertContains(page, "Bị trả lại để sửa")
        self.assertContains(page, "Lợi nhuận ghi nhầm")

    def test_the_receipt_is_a_pdf_with_the_number_time_and_values(self):
        self.sign_in()
        self.post_figures()
        filing = Filing.objects.get(organization=self.own)
        response = self.client.get(reverse("space:receipt", args=[filing.pk]))
        self.assertEqual(response["Content-Type"], "application/pdf")
        self.assertIn("no-store", response["Cache-Control"])
        text = " ".join(
            page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages
        )
        text = re.sub(r"\s+", " ", text)
        self.assertIn(f"Số hồ sơ: {filing.number}", text)
        self.assertIn("BIÊN NHẬN HỒ SƠ", text)
        self.assertIn("09:00:00 ngày 10/07/2026", text)
        self.assertIn("HTX Nông nghiệp Yên Bằng", text)
        self.assertIn("2.312,5 triệu đồng", text)
        self.assertIn("3,2 triệu đồng/người/tháng", text)

    def test_staff_typing_over_filed_figures_keeps_both_in_history(self):
        self.sign_in()
        self.post_figures()
        figures = Figures.objects.get(organization=self.own, year=2026, months=6)
        figures.revenue = 2400
        figures._history_user = self.alliance
        figures.save()
        revenues = [(h.history_user, h.revenue) for h in figures.history.order_by("history_date")]
        self.assertEqual(revenues[-2:], [(self.filer.user, 2312.5), (self.alliance, 2400)])

    def test_after_the_deadline_filing_is_late_and_a_closed_collection_refuses(self):
        self.sign_in()
        with time_machine.travel(datetime.datetime(2026, 7, 22, 8, tzinfo=TZ), tick=False):
            self.sign_in()
            home = self.client.get(reverse("space:home"))
            self.assertContains(home, "đã quá hạn 2 ngày")
            self.post_figures()
            filing = Filing.objects.get(organization=self.own)
            self.assertTrue(filing.is_late)
        Collection.objects.filter(pk=self.collection.pk).update(closed_at=timezone.now())
        filing.state = Filing.State.RETURNED
        filing.save()
        page = self.post_figures(profit="1")
        self.assertContains(page, "đã đóng")
        filing.refresh_from_db()
        self.assertEqual(filing.submissions, 1)

    def test_approved_figures_are_not_filed_again(self):
        self.sign_in()
        Figures.objects.create(organization=self.own, year=2026, months=6, revenue=100,
                               state="approved")  # fmt: skip
        page = self.client.get(reverse("space:file", args=[self.collection.pk]))
        self.assertContains(page, "đã được Liên minh duyệt")
        self.post_figures()
        self.assertFalse(Filing.objects.exists())


class AnnualUpdateTests(SpaceTestCase):
    def test_a_proposal_applies_only_when_the_alliance_accepts_it(self):
        update = Collection.objects.create(kind="update", year=2026, opens_on=D(2026, 7, 1))
        self.sign_in()
        url = reverse("space:file", args=[update.pk])
        form = self.client.get(url)
        self.assertContains(form, "Người đại diện")
        data = {
            "representative": "Phạm Thị Lan",
            "address": self.own.address,
            "phone": "0228 3822 123",
            "email": "",
            "charter_capital": "1.500",
            "sector": str(self.own.sector_id),
            "status": "Đang hoạt động",
            "status_changed_on": "",
            "members": "31",
            "action": "submit",
        }
        bad = self.client.post(url, {**data, "status": "Giải thể"})
        self.assertContains(bad, "bắt buộc khi tình trạng không phải")
        self.client.post(url, data)
        filing = Filing.objects.get(collection=update)
        self.assertEqual(filing.values["representative"], "Phạm Thị Lan")
        self.assertEqual(filing.values["charter_capital"], "1500")
        self.own.refresh_from_db()
        self.assertEqual(self.own.representative, "")  # not before it is accepted
        filings.approve(filing, user=self.alliance)
        organization = Organization.objects.get(pk=self.own.pk)
        self.assertEqual((organization.representative, organization.charter_capital),
                         ("Phạm Thị Lan", 1500))  # fmt: skip
        record = organization.history.order_by("-history_id").first()  # travelled back in time
        self.assertIn("Đề xuất của HTX", record.history_change_reason)
        self.assertEqual(record.history_user, self.alliance)
        self.assertEqual(
            Figures.objects.get(organization=self.own, year=2026, months=12).members, 31
        )
