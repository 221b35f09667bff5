"""Parameters typed into addresses: refused in Vietnamese, never a server error."""

from django.contrib import admin
from django.test import Client
from django.urls import reverse

from core.admin import SafeListParametersMixin
from testing.roles import RolesTestCase


def date_hierarchy_admins() -> list:
    return [a for a in admin.site._registry.values() if a.date_hierarchy]


def relation_filters(model_admin) -> list[str]:
    """The list filters on a relation (their ids go to the database as numbers)."""
    names = []
    for item in model_admin.list_filter:
        name = item if isinstance(item, str) else None
        if name and "__" not in name and model_admin.model._meta.get_field(name).is_relation:
            names.append(name)
    return names


class DateHierarchyTests(RolesTestCase):
    def setUp(self):
        self.client = Client(raise_request_exception=False)
        self.client.force_login(self.superuser)

    def changelist(self, model_admin) -> str:
        opts = model_admin.model._meta
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")

    def test_every_date_hierarchy_and_relation_filter_is_guarded(self):
        found = date_hierarchy_admins()
        self.assertGreaterEqual(len(found), 5)  # loans, articles, three sign-in lists
        filtered = [a for a in admin.site._registry.values() if relation_filters(a)]
        self.assertGreaterEqual(len(filtered), 4)  # users, organisations, worklist, articles
        for model_admin in found + filtered:
            self.assertIsInstance(model_admin, SafeListParametersMixin, type(model_admin))

    def test_oversized_ids_in_filters_answer_400(self):
        for model_admin in admin.site._registry.values():
            url = self.changelist(model_admin)
            for name in relation_filters(model_admin):
                for parameter in (name, f"{name}__id__exact"):
                    response = self.client.get(url, {parameter: "9" * 20})
                    self.assertContains(
                        response,
                        f"Giá trị “999999999999…” của “{parameter[:12]}",
                        status_code=400,
                        msg_prefix=url,
                    )
                    self.assertContains(response, "quá lớn", status_code=400)
                ok = self.client.get(url, {f"{name}__id__exact": "1", "q": "9" * 20})
                self.assertEqual(ok.status_code, 200, url)

    def test_impossible_dates_answer_400_in_vietnamese(self):
        cases = [
            ({"year": "99999999999999999999"}, "Năm “999999999999…” trong địa chỉ không hợp lệ"),
            ({"year": "9999"}, "Năm “9999” trong địa chỉ không hợp lệ: phải là số từ 1900 đến"),
            ({"year": "0"}, "Năm “0” trong địa chỉ không hợp lệ"),
            ({"year": "²⁰²⁴"}, "Năm “²⁰²⁴” trong địa chỉ không hợp lệ"),
            ({"year": "2024", "month": "13"}, "Tháng “13” trong địa chỉ không hợp lệ"),
            ({"month": "99999999999999999999"}, "Tháng “999999999999…”"),
            ({"year": "2024", "month": "2", "day": "30"}, "Ngày 30/02/2024 trong địa chỉ không có"),
        ]  # fmt: skip
        for model_admin in date_hierarchy_admins():
            url, field = self.changelist(model_admin), model_admin.date_hierarchy
            for parts, message in cases:
                params = {f"{field}__{part}": value for part, value in parts.items()}
                response = self.client.get(url, params | {"q": "a"})
                self.assertContains(response, message, status_code=400, msg_prefix=url)
                self.assertContains(response, f'href="{url}?q=a"', status_code=400)
            ok = self.client.get(url, {f"{field}__year": "2024", f"{field}__month": "2"})
            self.assertEqual(ok.status_code, 200, url)

    def test_staff_of_each_list_get_the_same_answer(self):
        for user, url in (
            (self.alliance, "/quan-tri/cooperatives/loan/?disbursed_on__year=99999999999999999999"),
            (self.editor, "/quan-tri/news/article/?publish_at__year=99999999999999999999"),
        ):
            self.client.force_login(user)
            response = self.client.get(url)
            self.assertContains(response, "trong địa chỉ không hợp lệ", status_code=400)
