"""Records deleted while an organisation page is open: the refusal says who and that rows
went, and saving again leaves those rows out instead of failing on their hidden ``id``."""

import datetime

from django.contrib.admin.models import DELETION, LogEntry
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from cooperatives.models import Location, Member
from testing.admin_forms import change_url, hidden_version, organization_form
from testing.roles import RolesTestCase

# The member every organisation of RolesTestCase has.
MEMBER_NAME = "Trần Văn An"
MEMBER_ID_NUMBER = "036090001234"


def refused_form(response) -> dict:
    """What the browser posts back from a refused page: every input as it is now shown."""
    form = response.context["adminform"].form
    data = {key: form.data.getlist(key) for key in form.data}
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        prefix = f"{formset.prefix}-"
        data = {key: value for key, value in data.items() if not key.startswith(prefix)}
        data.update(
            {key: formset.data.getlist(key) for key in formset.data if key.startswith(prefix)}
        )
    return data


def inline_errors(response) -> list:
    """The errors of the page's inline rows (a hidden ``id``'s error is never shown)."""
    return [
        errors
        for inline in response.context["inline_admin_formsets"]
        for errors in [*inline.formset.errors, inline.formset.non_form_errors()]
        if errors
    ]


def moment(value) -> str:
    value = timezone.localtime(value)
    return f"lúc {value:%H:%M} ngày {value:%d/%m/%Y}"


class DeletedMeanwhileTests(RolesTestCase):
    def setUp(self):
        # A: alliance staff with the organisation page open; B: erases or deletes.
        self.alliance.first_name, self.alliance.last_name = "Lan", "Nguyễn Thị"
        self.alliance.save()
        self.superuser.first_name, self.superuser.last_name = "Bình", "Lê Văn"
        self.superuser.save()
        self.first = Client()
        self.first.force_login(self.alliance)
        self.second = Client()
        self.second.force_login(self.superuser)
        # A saved the organisation earlier: the newest history entry names A, so a
        # message that reads only the history names the wrong person.
        saved = self.first.post(change_url(self.own), organization_form(self.first, self.own))
        self.assertEqual(saved.status_code, 302)
        self.member = self.own.members.get()

    def erase_member(self):
        url = reverse("admin:cooperatives_member_erase", args=[self.member.pk])
        self.assertEqual(self.second.post(url).status_code, 302)
        self.assertFalse(Member.objects.filter(pk=self.member.pk).exists())
        return LogEntry.objects.filter(action_flag=DELETION).latest("action_time")

    def delete_from_its_page(self, obj):
        opts = obj._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_delete", args=[obj.pk])
        self.assertEqual(self.second.post(url, {"post": "yes"}).status_code, 302)
        self.assertFalse(type(obj).objects.filter(pk=obj.pk).exists())
        return obj.history.latest("history_date").history_date

    def open_and_edit(self) -> dict:
        data = organization_form(self.first, self.own, phone="0228 333 444")
        # A also edits the other rows, the one about to be deleted included.
        data["members-0-capital_contribution"] = "7"
        data["loans-0-outstanding"] = "120"
        data["ocop_products-0-name"] = "Gạo nếp cái hoa vàng"
        return data

    def assertSaved(self, response):
        if response.status_code != 302:
            errors = [response.context["adminform"].form.errors, *inline_errors(response)]
            self.fail(f"not saved: {errors}")
        self.own.refresh_from_db()
        self.assertEqual(self.own.phone, "0228 333 444")
        self.assertEqual(self.own.ocop_products.get().name, "Gạo nếp cái hoa vàng")

    # --- erasure on request ----------------------------------------------------------
    def test_refusal_after_an_erasure_names_the_eraser_and_the_time_not_the_person(self):
        data = self.open_and_edit()
        entry = self.erase_member()

        refused = self.first.post(change_url(self.own), data)

        self.assertEqual(refused.status_code, 200)
        self.assertContains(
            refused,
            f"Lê Văn Bình đã xóa một phần dữ liệu của hồ sơ này {moment(entry.action_time)}",
        )
        self.assertNotContains(refused, "Nguyễn Thị Lan đã lưu")
        self.assertContains(refused, "1 dòng (1 thành viên) đã bị xóa")
        self.assertContains(refused, "CHƯA được lưu")
        # The erased person is not shown again; no hidden error in a collapsed section.
        self.assertNotContains(refused, MEMBER_NAME)
        self.assertNotContains(refused, MEMBER_ID_NUMBER)
        self.assertNotContains(refused, MEMBER_ID_NUMBER[-3:] + '"')  # nor its masked form
        self.assertEqual(inline_errors(refused), [])
        self.assertContains(refused, 'name="members-TOTAL_FORMS" value="0"')
        self.assertContains(refused, 'value="0228 333 444"')  # A's input is kept

    def test_saving_the_refused_page_again_saves_and_leaves_the_erased_member_out(self):
        data = self.open_and_edit()
        self.erase_member()
        refused = self.first.post(change_url(self.own), data)
        self.assertEqual(refused.status_code, 200)

        self.assertSaved(self.first.post(change_url(self.own), refused_form(refused)))
        self.assertFalse(Member.objects.filter(full_name=MEMBER_NAME).exists())
        self.assertFalse(Member.history.filter(full_name=MEMBER_NAME).exists())
        self.assertEqual(str(self.own.loans.get().outstanding), "120.000000")

    def test_the_overwrite_with_the_stale_rows_leaves_them_out_and_says_so(self):
        data = self.open_and_edit()
        self.erase_member()
        refused = self.first.post(change_url(self.own), data)
        # The form as first posted, the erased member's row still in it.
        data["opened_version"] = hidden_version(refused)

        saved = self.first.post(change_url(self.own), data)

        self.assertSaved(saved)
        self.assertFalse(Member.objects.filter(organization=self.own).exists())
        self.assertFalse(Member.objects.filter(full_name=MEMBER_NAME).exists())
        self.assertFalse(Member.history.filter(full_name=MEMBER_NAME).exists())
        page = self.first.get(saved.url)
        self.assertContains(
            page,
            "1 dòng (1 thành viên) đã bị người khác xóa trong lúc bạn sửa hồ sơ nên đã "
            "được bỏ ra, không được lưu lại; các thay đổi khác của bạn đã được lưu.",
        )
        self.assertNotContains(page, MEMBER_NAME)

    # --- an ordinary delete on the record's own page --------------------------------
    def test_a_loan_deleted_meanwhile_is_named_and_left_out_of_the_overwrite(self):
        data = self.open_and_edit()
        loan = self.own.loans.get()
        deleted_at = self.delete_from_its_page(loan)

        refused = self.first.post(change_url(self.own), data)
        self.assertContains(
            refused, f"Lê Văn Bình đã xóa một phần dữ liệu của hồ sơ này {moment(deleted_at)}"
        )
        self.assertContains(refused, "1 dòng (1 khoản vay Quỹ hỗ trợ) đã bị xóa")
        self.assertEqual(inline_errors(refused), [])

        data["opened_version"] = hidden_version(refused)
        self.assertSaved(self.first.post(change_url(self.own), data))
        self.assertFalse(self.own.loans.exists())
        self.assertEqual(self.own.members.get().capital_contribution, 7)

    def test_a_location_deleted_meanwhile_is_left_out_of_the_overwrite(self):
        first_day = self.own.locations.get().valid_from
        moved = Location.objects.create(
            organization=self.own,
            area=self.yen_bang,
            valid_from=first_day + datetime.timedelta(days=400),
        )
        data = self.open_and_edit()
        self.assertEqual(data["locations-TOTAL_FORMS"], "2")
        self.delete_from_its_page(moved)

        refused = self.first.post(change_url(self.own), data)
        self.assertContains(refused, "Lê Văn Bình đã xóa một phần dữ liệu của hồ sơ này")
        self.assertContains(refused, "1 dòng (1 địa bàn trụ sở) đã bị xóa")

        again = refused_form(refused)
        self.assertEqual(again["locations-TOTAL_FORMS"], ["1"])
        self.assertSaved(self.first.post(change_url(self.own), again))
        self.assertEqual(list(self.own.locations.values_list("valid_from", flat=True)), [first_day])
        self.assertEqual(self.own.members.get().capital_contribution, 7)
