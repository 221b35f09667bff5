"""A cooperative files its half-year figures on a 375 px phone, from the invitation email to
the receipt; its area officer returns it once, it resubmits, the alliance approves, and
the report counts it (issue 18, "Done when")."""

import datetime
import io
import re

from django.core import mail
from django.test import override_settings
from django.utils import timezone
from pypdf import PdfReader

from cooperatives import filings, mailing
from cooperatives.models import Collection, Figures, Filing
from reports.compute import build_report
from testing.browser import AccessibilityMixin, BrowserTestCase
from testing.roles import RolesTestCase

PASSWORD = "lua-nep-cai-hoa-vang"


class FilingOnAPhoneTests(AccessibilityMixin, BrowserTestCase):
    make_htx = classmethod(RolesTestCase.make_htx.__func__)

    def setUp(self):
        # A live server needs committed rows: build the shared cast per test.
        RolesTestCase.setUpTestData.__func__(type(self))
        Figures.objects.update(state=Figures.State.APPROVED)
        today = timezone.localdate()
        self.year, self.months = (today.year, 6) if today.month >= 7 else (today.year - 1, 12)
        self.collection = Collection.objects.create(
            year=self.year,
            months=self.months,
            opens_on=today - datetime.timedelta(days=3),
            deadline=today + datetime.timedelta(days=10),
        )

    def assert_fits(self, page, name):
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        self.assertLessEqual(overflow, 0, f"{name}: the page scrolls sideways")

    def submit_figures(self, page, values: dict) -> None:
        for name, value in values.items():
            page.fill(f"#id_{name}", value)
        page.get_by_role("button", name="Nộp hồ sơ").click()
        page.get_by_role("heading", name=re.compile(r"^Hồ sơ số ")).wait_for()

    def test_from_the_invitation_email_to_the_approved_figures_in_the_report(self):
        with override_settings(SITE_URL=self.live_server_url):
            invitation, token = filings.invite(
                organization=self.own, name="Nguyễn Thị Hoa", title="Kế toán",
                channel="email", email="ketoan@htxyenbang.vn", by=self.area_officer,
            )  # fmt: skip
            mailing.send_invitation(invitation, token, by=self.area_officer)
        (message,) = [m for m in mail.outbox if "ketoan@htxyenbang.vn" in m.to]
        link = re.search(r"http\S+/htx/loi-moi/\S+/", message.body).group(0)

        before = build_report(self.province, self.year, self.months)["indicators"]
        self.assertEqual(before["htx_reporting"]["value"], 0)
        page = self.new_page(width=375, height=812)
        page.goto(link)
        self.assertIn("HTX Nông nghiệp Yên Bằng", page.content())
        page.fill("#id_password1", PASSWORD)
        page.fill("#id_password2", PASSWORD)
        page.get_by_role("button", name="Tạo tài khoản").click()
        page.get_by_role("heading", name="Việc cần làm").wait_for()
        self.assertIn("Tên đăng nhập của anh/chị là ketoan@htxyenbang.vn", page.content())
        self.assert_fits(page, "việc cần làm")
        self.screenshot(page, "space-home-phone")
        self.assert_accessible(page, "trang của HTX")

        page.get_by_role("link", name="Nhập số liệu").click()
        page.get_by_role("heading", level=1).wait_for()
        self.assert_fits(page, "biểu mẫu")
        self.assert_accessible(page, "biểu mẫu số liệu")
        values = {"members": "25", "workers": "12", "revenue": "2.312,5", "profit": "185",
                  "avg_income": "3,2", "tax_paid": "42", "insured_workers": "8"}  # fmt: skip
        # A mistake first: the import's own words, on the field.
        page.fill("#id_insured_workers", "20")
        page.fill("#id_workers", "12")
        page.get_by_role("button", name="Nộp hồ sơ").click()
        page.get_by_text("“20” lớn hơn số lao động thường xuyên.").wait_for()
        self.screenshot(page, "space-form-error-phone")
        self.submit_figures(page, values)
        filing = Filing.objects.get(organization=self.own)
        self.assertIn(filing.number, page.content())
        self.assert_fits(page, "hồ sơ đã nộp")
        self.screenshot(page, "space-filing-phone")

        receipt = page.request.get(f"{self.live_server_url}/htx/ho-so/{filing.pk}/bien-nhan.pdf")
        self.assertEqual(receipt.headers["content-type"], "application/pdf")
        text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(receipt.body())).pages)
        self.assertIn(f"Số hồ sơ: {filing.number}", text)
        self.assertIn("2.312,5", text)

        # The area officer returns it once; the cooperative corrects it and sends it again.
        filings.return_filing(filing, comment="Lợi nhuận chưa khớp báo cáo tài chính.",
                              user=self.area_officer)  # fmt: skip
        page.goto(f"{self.live_server_url}/htx/")
        self.assertIn("Lợi nhuận chưa khớp báo cáo tài chính.", page.content())
        page.get_by_role("link", name="Sửa và nộp lại").click()
        page.get_by_role("heading", level=1).wait_for()
        self.assertEqual(page.input_value("#id_revenue"), "2.312,5")
        self.submit_figures(page, {"profit": "158"})
        filing.refresh_from_db()
        self.assertEqual((filing.state, filing.submissions), ("submitted", 2))

        # The alliance approves; the report counts the figures.
        filings.approve(filing, user=self.alliance)
        after = build_report(self.province, self.year, self.months)["indicators"]
        self.assertEqual(after["htx_reporting"]["value"], 1)
        self.assertAlmostEqual(after["avg_revenue"]["value"], 2312.5)
        page.goto(f"{self.live_server_url}/htx/ho-so/{filing.pk}/")
        self.assertIn("Đã duyệt", page.content())
        self.screenshot(page, "space-approved-phone")
