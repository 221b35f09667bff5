"""Collections (issue 18): alliance staff open, extend and close them in the admin; who
must file follows their kinds and areas."""

import datetime
import io

from django.core.exceptions import ValidationError
from django.urls import reverse
from openpyxl import load_workbook

from cooperatives.models import Collection, Organization
from testing import factories as f
from testing.roles import RolesTestCase

D = datetime.date


class CollectionModelTests(RolesTestCase):
    def test_its_state_follows_the_calendar_until_it_is_closed(self):
        c = Collection(year=2026, months=6, opens_on=D(2026, 7, 1), deadline=D(2026, 7, 20))
        self.assertEqual(c.state(D(2026, 6, 30)), "waiting")
        self.assertEqual(c.state(D(2026, 7, 1)), "open")
        self.assertEqual(c.state(D(2026, 7, 20)), "open")  # the deadline's day counts
        self.assertEqual(
            (c.state(D(2026, 7, 21)), c.accepts_filing(D(2026, 7, 21))), ("late", True)
        )
        self.assertEqual(c.days_left(D(2026, 7, 15)), 5)
        c.closed_at = datetime.datetime(2026, 8, 1, tzinfo=datetime.UTC)
        self.assertEqual(
            (c.state(D(2026, 7, 15)), c.accepts_filing(D(2026, 7, 15))), ("closed", False)
        )
        self.assertEqual(c.state_label(D(2026, 7, 15)), "Đã đóng")
        self.assertEqual(str(c), "Số liệu định kỳ 6 tháng đầu năm 2026")

    def test_the_annual_update_is_for_the_year_with_15_december_by_default(self):
        c = Collection(kind="update", year=2026, months=6, opens_on=D(2026, 11, 1))
        c.full_clean()
        self.assertEqual((c.months, c.deadline), (12, D(2026, 12, 15)))
        self.assertEqual(str(c), "Cập nhật thông tin hằng năm 2026")

    def test_refusals_say_what_is_wrong_in_vietnamese(self):
        c = Collection(year=2026, months=6, opens_on=D(2026, 7, 10), deadline=D(2026, 7, 1),
                       organization_kinds=["htx", "hop-tac"])  # fmt: skip
        with self.assertRaises(ValidationError) as refused:
            c.full_clean()
        errors = refused.exception.message_dict
        self.assertEqual(errors["deadline"], ["Hạn nộp phải từ ngày mở (10/07/2026) trở đi."])
        self.assertEqual(errors["organization_kinds"], ["Loại hình không có: hop-tac."])
        without = Collection(year=2026, months=6, opens_on=D(2026, 7, 1))
        with self.assertRaisesMessage(ValidationError, "Hãy nhập hạn nộp."):
            without.full_clean()

    def test_who_files_follows_its_kinds_and_areas(self):
        group = f.organization(self.yen_bang, code="0600000501", name="THT Yên Bằng", kind="group")
        c = Collection.objects.create(year=2023, months=6, opens_on=D(2023, 7, 1),
                                      deadline=D(2023, 7, 20))  # fmt: skip
        everyone = set(c.organizations().values_list("code", flat=True))
        self.assertEqual(everyone, {"0600000001", "0600000002", group.code})
        c.organization_kinds = ["htx"]
        c.save()
        c.areas.add(self.y_yen)  # a district: its communes below it count
        self.assertEqual(list(c.organizations().values_list("code", flat=True)), ["0600000001"])
        # An organisation founded after the period's end does not file for it.
        f.organization(self.yen_bang, code="0600000502", founded_on=D(2023, 8, 1))
        self.assertEqual(c.organizations().count(), 1)


class CollectionAdminTests(RolesTestCase):
    def add(self, user, **data):
        self.client.force_login(user)
        form = {"kind": "figures", "year": "2026", "months": "6", "opens_on": "01/07/2026",
                "deadline": "20/07/2026", "organization_kinds": ["htx", "credit_fund"]}  # fmt: skip
        return self.client.post(reverse("admin:cooperatives_collection_add"), form | data)

    def test_alliance_staff_open_one_and_the_list_says_how_many_must_file(self):
        response = self.add(self.alliance)
        self.assertEqual(response.status_code, 302)
        c = Collection.objects.get()
        self.assertEqual(
            (c.organization_kinds, c.created_by), (["htx", "credit_fund"], self.alliance)
        )
        page = self.client.get(reverse("admin:cooperatives_collection_changelist"))
        self.assertContains(page, "Số liệu định kỳ 6 tháng đầu năm 2026")
        self.assertContains(page, "20/07/2026")
        expected = Organization.objects.existing_at(D(2026, 6, 30)).filter(kind="htx").count()
        self.assertContains(page, f'<td class="field-to_file">{expected}</td>', html=True)

    def test_a_second_collection_of_the_same_period_is_refused(self):
        self.add(self.alliance)
        response = self.add(self.alliance)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Đã có kỳ thu thập cùng loại cho kỳ này.")
        response = self.add(self.alliance, year="1999", months="12")
        self.assertContains(response, "Năm phải từ 2000 đến")

    def test_closing_locks_filing_and_reopening_unlocks_it(self):
        self.add(self.alliance)
        c = Collection.objects.get()
        url = reverse("admin:cooperatives_collection_changelist")
        page = self.client.post(url, {"action": "close", "_selected_action": [c.pk]}, follow=True)
        self.assertContains(page, "Đã đóng 1 kỳ thu thập.")
        c.refresh_from_db()
        self.assertFalse(c.accepts_filing(D(2026, 7, 10)))
        self.client.post(url, {"action": "reopen", "_selected_action": [c.pk]})
        c.refresh_from_db()
        self.assertTrue(c.accepts_filing(D(2026, 7, 10)))

    def test_area_staff_and_officials_read_them_and_change_nothing(self):
        self.add(self.alliance)
        c = Collection.objects.get()
        for user in (self.area_officer, self.official):
            self.client.force_login(user)
            self.assertEqual(
                self.client.get(reverse("admin:cooperatives_collection_changelist")).status_code,
                200,
            )
            response = self.add(user)
            self.assertEqual(response.status_code, 403)
            url = reverse("admin:cooperatives_collection_changelist")
            self.client.post(url, {"action": "close", "_selected_action": [c.pk]})
            c.refresh_from_db()
            self.assertIsNone(c.closed_at)
        self.client.force_login(self.editor)
        self.assertEqual(
            self.client.get(reverse("admin:cooperatives_collection_changelist")).status_code, 403
        )

    def test_a_collection_for_some_areas_only(self):
        response = self.add(self.alliance, areas=[str(self.y_yen.pk)])
        self.assertEqual(response.status_code, 302)
        c = Collection.objects.get()
        self.assertEqual(list(c.areas.all()), [self.y_yen])
        self.assertEqual(list(c.organizations().values_list("code", flat=True)), ["0600000001"])


class TrackingTests(RolesTestCase):
    """Who has filed the first half of 2023: the base cast's two HTX have draft figures."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.collection = Collection.objects.create(
            year=2023, months=6, opens_on=D(2023, 7, 1), deadline=D(2023, 7, 20),
            organization_kinds=["htx"],
        )  # fmt: skip
        cls.filed = f.organization(cls.yen_bang, code="0600000601", name="HTX Đã nộp",
                                   phone="0228 3870 111")  # fmt: skip
        f.figures(cls.filed, 2023, 6, state="submitted")
        cls.approved = f.organization(cls.hai_phuc, code="0600000602", name="HTX Đã duyệt")
        f.figures(cls.approved, 2023, 6, state="approved")
        cls.silent = f.organization(cls.yen_bang, code="0600000603", name="HTX Im lặng",
                                    phone="0912 000 603")  # fmt: skip

    def url(self, name="tracking"):
        return reverse(f"admin:cooperatives_collection_{name}", args=[self.collection.pk])

    def test_alliance_staff_see_every_area_and_who_has_not_filed(self):
        self.client.force_login(self.alliance)
        page = self.client.get(self.url())
        self.assertEqual(page.status_code, 200)
        total = page.context["total"]
        self.assertEqual((total.to_file, total.approved, total.submitted, total.missing,
                          total.draft), (5, 1, 1, 3, 2))  # fmt: skip
        self.assertContains(page, "<strong>2/5</strong> tổ chức đã nộp (40,0%)")
        self.assertContains(page, "đã quá hạn")  # 20/07/2023 is long past
        missing = [org["code"] for org in page.context["result"].missing]
        self.assertEqual(sorted(missing), ["0600000001", "0600000002", "0600000603"])
        self.assertContains(page, 'href="tel:0912000603"')
        self.assertNotContains(page, "HTX Đã duyệt</td>")
        # The list leads there.
        changelist = self.client.get(reverse("admin:cooperatives_collection_changelist"))
        self.assertContains(changelist, f'href="{self.url()}"')

    def test_the_workbook_lists_them_all_for_the_follow_up_calls(self):
        self.client.force_login(self.alliance)
        response = self.client.get(self.url("missing_xlsx"))
        self.assertIn("chua-nop-2023-6.xlsx", response["Content-Disposition"])
        rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
        self.assertEqual(
            rows[3], ("STT", "Mã số", "Tên tổ chức", "Địa bàn", "Điện thoại", "Tình trạng")
        )
        listed = {row[1]: row for row in rows[4:]}
        self.assertEqual(set(listed), {"0600000001", "0600000002", "0600000603"})
        self.assertEqual(listed["0600000603"][4], "0912 000 603")
        self.assertEqual(listed["0600000001"][5], "Có bản nháp, chưa gửi")
        self.assertEqual(listed["0600000603"][5], "Chưa có số liệu")

    def test_an_area_officer_sees_only_their_areas_and_an_editor_nothing(self):
        self.client.force_login(self.area_officer)  # Huyện Ý Yên
        page = self.client.get(self.url())
        self.assertEqual(page.context["total"].to_file, 3)
        self.assertNotContains(page, "Huyện Hải Hậu")
        data = self.client.get(self.url("missing_xlsx")).content
        sheet = load_workbook(io.BytesIO(data)).active
        codes = [row[1] for row in sheet.iter_rows(min_row=5, values_only=True)]
        self.assertEqual(sorted(codes), ["0600000001", "0600000603"])
        self.client.force_login(self.editor)
        self.assertEqual(self.client.get(self.url()).status_code, 403)
        self.assertEqual(self.client.get(self.url("missing_xlsx")).status_code, 403)

    def test_the_on_time_rate_reads_when_the_figures_were_first_sent(self):
        from django.utils import timezone

        self.client.force_login(self.alliance)
        total = self.client.get(self.url()).context["total"]  # filed now, after 20/07/2023
        # Late: the 2 that filed after the deadline and the 3 that have not filed since.
        self.assertEqual((total.on_time, total.late), (0, 5))
        Collection.objects.filter(pk=self.collection.pk).update(
            deadline=timezone.localdate() + datetime.timedelta(days=5)
        )
        page = self.client.get(self.url())
        self.assertEqual((page.context["total"].on_time, page.context["total"].late), (2, 0))
        self.assertContains(page, "2 tổ chức, 40,0% số phải nộp")
        self.assertContains(page, "Trễ hạn: 0 tổ chức (nộp sau hạn).")
        # The approved one was first sent after the deadline: late, though approved now.
        late = timezone.now() + datetime.timedelta(days=7)
        self.approved.figures.get().history.update(history_date=late)
        total = self.client.get(self.url()).context["total"]
        self.assertEqual((total.on_time, total.late), (1, 1))
