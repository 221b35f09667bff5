"""A frozen report is the same report in August and in December."""

import io

from pypdf import PdfReader

from cooperatives.models import Figures
from reports.models import FrozenReport
from testing import factories as f
from testing.roles import RolesTestCase


class FreezeTests(RolesTestCase):
    url = "/bao-cao/36/2023/6/"

    def freeze(self, user):
        self.client.force_login(user)
        return self.client.post(self.url + "chot/")

    def test_only_alliance_staff_freeze(self):
        for user in (self.official, self.area_officer, self.editor):
            self.assertEqual(self.freeze(user).status_code, 403, user)
        self.assertFalse(FrozenReport.objects.exists())
        self.client.force_login(self.alliance)
        self.assertEqual(self.client.get(self.url + "chot/").status_code, 405)  # POST only
        self.assertFalse(FrozenReport.objects.exists())
        self.assertRedirects(self.freeze(self.alliance), self.url)
        frozen = FrozenReport.objects.get()
        self.assertEqual(frozen.frozen_by, self.alliance)

    def test_frozen_numbers_survive_later_changes_in_every_format(self):
        self.freeze(self.alliance)
        before = self.client.get("/bao-cao/36/2023/6.json").json()
        Figures.objects.update(revenue=9999)
        f.organization(
            self.yen_bang,
            code="0600009999",
            founded_on=__import__("datetime").date(2023, 3, 1),
            sector_name="Vận tải",
        )
        after = self.client.get("/bao-cao/36/2023/6.json").json()
        self.assertEqual(after, before)
        page = self.client.get(self.url)
        sectors_chart = str(page.context["charts"][0])
        self.assertIn("HTX theo lĩnh vực", sectors_chart)
        self.assertNotIn("Vận tải", sectors_chart)  # the HTX came after the freeze
        self.assertContains(page, "Báo cáo đã được chốt ngày")
        self.assertContains(page, "Số liệu hiện tại trong sổ đăng ký đã khác số liệu đã chốt.")
        self.assertNotContains(page, "Duyệt và chốt báo cáo")
        pdf = self.client.get("/bao-cao/36/2023/6.pdf").getvalue()
        text = " ".join(
            " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split()
        )
        self.assertNotIn("DỰ THẢO", text)
        self.assertIn("Số liệu chốt ngày", text)
        self.assertIn("2.300,0", text)

    def test_second_freeze_is_refused_with_a_message(self):
        self.freeze(self.alliance)
        response = self.client.post(self.url + "chot/", follow=True)
        self.assertContains(response, "đã được chốt trước đó")
        self.assertEqual(FrozenReport.objects.count(), 1)

    def test_unfrozen_page_says_draft_and_offers_freezing(self):
        self.client.force_login(self.alliance)
        page = self.client.get(self.url)
        self.assertContains(page, "Dự thảo")
        self.assertContains(page, "Duyệt và chốt báo cáo")


class UnfreezeTests(RolesTestCase):
    url = "/bao-cao/36/2023/6/"

    def setUp(self):
        self.client.force_login(self.alliance)
        self.client.post(self.url + "chot/")
        self.assertTrue(FrozenReport.objects.exists())

    def test_alliance_staff_reopen_a_frozen_report_and_the_log_says_who(self):
        from django.contrib.admin.models import DELETION, LogEntry

        page = self.client.get(self.url)
        self.assertContains(page, "Mở chốt báo cáo")
        response = self.client.post(self.url + "mo-chot/", follow=True)
        self.assertContains(response, "Đã mở chốt")
        self.assertContains(response, "Duyệt và chốt báo cáo")  # a draft again
        self.assertFalse(FrozenReport.objects.exists())
        entry = LogEntry.objects.get(action_flag=DELETION)
        self.assertEqual((entry.user, entry.change_message), (self.alliance, "Mở chốt báo cáo"))
        again = self.client.post(self.url + "mo-chot/", follow=True)
        self.assertContains(again, "Báo cáo này chưa được chốt.")

    def test_no_one_else_reopens_and_only_by_post(self):
        refused = self.client.get(self.url + "mo-chot/")
        self.assertEqual(refused.status_code, 405)  # POST only, even for alliance staff
        self.assertEqual(refused["Allow"], "POST")
        self.assertTrue(FrozenReport.objects.exists())
        for user in (self.official, self.area_officer, self.editor):
            self.client.force_login(user)
            self.assertEqual(self.client.post(self.url + "mo-chot/").status_code, 403, user)
        self.client.force_login(self.official)
        self.assertNotContains(self.client.get(self.url), "Mở chốt báo cáo")
        self.assertTrue(FrozenReport.objects.exists())


class UnfreezeServiceTests(RolesTestCase):
    def test_unfreezing_drops_the_numbers_and_logs_who_did_it(self):
        from django.contrib.admin.models import DELETION, LogEntry

        from reports.services import freeze_report, unfreeze_report

        frozen = freeze_report(area=self.province, year=2023, months=6, user=self.alliance)
        unfreeze_report(area=self.province, year=2023, months=6, user=self.alliance)
        self.assertFalse(FrozenReport.objects.exists())
        entry = LogEntry.objects.get()
        self.assertEqual(
            (entry.user, entry.action_flag, entry.object_id, entry.change_message),
            (self.alliance, DELETION, str(frozen.pk), "Mở chốt báo cáo"),
        )

    def test_a_report_not_frozen_is_refused_and_nothing_is_logged(self):
        from django.contrib.admin.models import LogEntry

        from reports.compute import ReportRefused
        from reports.services import unfreeze_report

        with self.assertRaisesMessage(ReportRefused, "Báo cáo này chưa được chốt."):
            unfreeze_report(area=self.province, year=2023, months=6, user=self.alliance)
        self.assertFalse(LogEntry.objects.exists())
