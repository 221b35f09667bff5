"""Object-level audit: an area officer of Huyện Ý Yên and the records of Huyện Hải Hậu.

Every scoped record of the other district is out of reach by address (change, delete,
history, history version, restore), through autocomplete, list search, exports, the
admin's "view on site" redirect and report addresses; refused POSTs change nothing.
"""

from django.test import Client
from django.urls import reverse

from reports.models import FrozenReport
from testing.audit import AuditTestCase, admin_address, changed_tables, database_state
from testing.roles import form_post_data
from testing.spreadsheets import read_xlsx

# Admins whose records belong to an organisation (or are one), limited to the areas.
SCOPED = [
    "cooperatives.organization",
    "cooperatives.location",
    "cooperatives.figures",
    "cooperatives.ocopproduct",
    "cooperatives.loan",
    "cooperatives.member",
    "cooperatives.unplacedorganization",
    "cooperatives.expiringocopproduct",
]
# (admin, field) pairs whose autocomplete offers organisations.
ORGANIZATION_AUTOCOMPLETES = [
    ("location", "organization"),
    ("figures", "organization"),
    ("ocopproduct", "organization"),
    ("loan", "organization"),
    ("member", "organization"),
]
EXPORTS = ["organization", "figures", "ocopproduct", "loan", "member"]


class AreaOfficerObjectTests(AuditTestCase):
    def setUp(self):
        self.client = Client(raise_request_exception=False)
        self.client.force_login(self.area_officer)

    def other_codes(self) -> list[str]:
        return [self.other.code, self.other_unplaced.code]

    def test_other_district_records_answer_404_at_every_address(self):
        records = self.admin_records()
        for label in SCOPED:
            other = records[label][1]
            for action in ("change", "delete", "history", "simple_history"):
                url = admin_address(label, action, other)
                self.assertEqual(self.client.get(url).status_code, 404, url)
            # /<id>/ only redirects to the change page, which is 404.
            url = admin_address(label, "object", other)
            self.assertEqual(self.client.get(url, follow=True).status_code, 404, url)

    def test_other_district_records_cannot_be_changed_deleted_or_restored(self):
        records = self.admin_records()
        before = database_state()
        for label in SCOPED:
            other = records[label][1]
            for action, data in (
                ("change", {"name": "Đổi tên", "phone": "0900 000 000", "revenue": "1"}),
                ("delete", {"post": "yes"}),
                ("simple_history", {"name": "Khôi phục", "phone": "0900 000 000"}),
            ):
                url = admin_address(label, action, other)
                self.assertEqual(self.client.post(url, data).status_code, 404, url)
            model = label.split(".")[1]
            response = self.client.post(
                reverse(f"admin:cooperatives_{model}_changelist"),
                {"action": "delete_selected", "_selected_action": [other.pk], "post": "yes"},
            )
            self.assertLess(response.status_code, 500, label)
        self.assertEqual(changed_tables(before, database_state()), [])

    def test_autocomplete_never_offers_other_district_organisations(self):
        own_ids = {self.own.pk, self.own_unplaced.pk}
        for model_name, field_name in ORGANIZATION_AUTOCOMPLETES:
            for term in ("", "htx", self.other.code, "mây tre", "hai phuc"):
                response = self.client.get(
                    reverse("admin:autocomplete"),
                    {
                        "app_label": "cooperatives",
                        "model_name": model_name,
                        "field_name": field_name,
                        "term": term,
                    },
                )
                self.assertEqual(response.status_code, 200, model_name)
                ids = {int(item["id"]) for item in response.json()["results"]}
                self.assertLessEqual(ids, own_ids, (model_name, term))
                if term in ("", "htx"):
                    self.assertIn(self.own.pk, ids, (model_name, term))

    def test_news_autocomplete_is_not_a_way_into_the_registry(self):
        """Django checks the organisation admin's view permission: still only own ones."""
        response = self.client.get(
            reverse("admin:autocomplete"),
            {"app_label": "news", "model_name": "article", "field_name": "organizations"},
        )
        self.assertEqual(response.status_code, 200)
        ids = {int(item["id"]) for item in response.json()["results"]}
        self.assertEqual(ids, {self.own.pk, self.own_unplaced.pk})

    def test_list_search_finds_nothing_of_the_other_district(self):
        for model in [label.split(".")[1] for label in SCOPED]:
            url = reverse(f"admin:cooperatives_{model}_changelist")
            for term in (self.other.code, "Mây tre đan Hải Phúc", "Nước mắm Hải Phúc"):
                response = self.client.get(url, {"q": term})
                self.assertEqual(response.status_code, 200, url)
                self.assertEqual(list(response.context["cl"].result_list), [], (url, term))
            # An area filter on the other district is empty too.
            response = self.client.get(url, {"dia_ban": self.hai_hau.pk})
            if response.status_code == 200:
                self.assertEqual(list(response.context["cl"].result_list), [], url)

    def test_exports_hold_only_own_district_rows(self):
        for model in EXPORTS:
            url = reverse(f"admin:cooperatives_{model}_export")
            for params in ({}, {"q": self.other.code}, {"dia_ban": self.hai_hau.pk}):
                response = self.client.get(url, {"dinh_dang": "csv", **params})
                self.assertEqual(response.status_code, 200, (model, params))
                text = response.content.decode("utf-8-sig")
                for code in self.other_codes():
                    self.assertNotIn(code, text, (model, params))
                self.assertNotIn("Hải Phúc", text, (model, params))
                if not params:
                    self.assertIn(self.own.code, text, model)
            response = self.client.get(url)
            sheets = read_xlsx(response.content)
            cells = {str(cell) for sheet in sheets.values() for row in sheet for cell in row}
            self.assertIn(self.own.code, cells, model)
            self.assertFalse(set(self.other_codes()) & cells, model)

    def test_import_history_of_others_is_out_of_reach(self):
        batch = self.alliance_batch
        url = reverse("admin:cooperatives_importbatch_change", args=[batch.pk])
        self.assertEqual(self.client.get(url).status_code, 404)
        history = reverse("admin:cooperatives_importbatch_history", args=[batch.pk])
        self.assertEqual(self.client.get(history).status_code, 404)
        listing = self.client.get(reverse("admin:cooperatives_importbatch_changelist"))
        self.assertEqual(list(listing.context["cl"].result_list), [self.own_batch])
        undo = reverse("admin:cooperatives_importbatch_undo", args=[batch.pk])
        self.assertEqual(self.client.post(undo).status_code, 404)
        batch.refresh_from_db()
        self.assertIsNone(batch.undone_at)

    def test_view_on_site_redirect_does_not_reveal_other_district_records(self):
        for obj in (self.other, self.other_unplaced, self.draft):
            url = reverse("admin:view_on_site", args=[self.ct(obj), obj.pk])
            response = self.client.get(url)
            self.assertEqual(response.status_code, 404, obj)
            self.assertNotIn(str(getattr(obj, "code", obj.pk)), response.get("Location", ""))
        own = reverse("admin:view_on_site", args=[self.ct(self.own), self.own.pk])
        response = self.client.get(own)
        self.assertEqual(response.status_code, 302)
        self.assertTrue(response["Location"].endswith(self.own.get_absolute_url()))

    @staticmethod
    def ct(obj) -> int:
        from django.contrib.contenttypes.models import ContentType

        return ContentType.objects.get_for_model(obj).pk

    def test_other_district_reports_are_refused(self):
        """reports/access.py: area officers read their own areas and below, nothing else."""
        for code in ("366", "14200", "36"):
            for suffix in ("/", ".json", ".xlsx", ".pdf"):
                url = f"/bao-cao/{code}/{self.year}/{self.months}{suffix}"
                response = self.client.get(url)
                self.assertEqual(response.status_code, 403, url)
                self.assertNotIn("Hải Phúc".encode(), response.content, url)
        for code in ("360", "13900"):
            response = self.client.get(f"/bao-cao/{code}/{self.year}/{self.months}.json")
            self.assertEqual(response.status_code, 200, code)
        self.assertEqual(self.client.get("/bao-cao/99999/2023/6.json").status_code, 404)
        index = self.client.get("/bao-cao/", {"dia_ban": "366", "nam": "2023", "so_thang": "6"})
        self.assertEqual(self.client.get(index["Location"]).status_code, 403)

    def test_freezing_is_refused_for_every_area(self):
        before = database_state()
        for code, year in (("366", 2022), ("366", self.year), ("360", self.year)):
            for step in ("chot", "mo-chot"):
                url = f"/bao-cao/{code}/{year}/12/{step}/"
                self.assertEqual(self.client.post(url).status_code, 403, url)
        self.assertEqual(changed_tables(before, database_state()), [])
        self.assertTrue(FrozenReport.objects.filter(pk=self.other_frozen.pk).exists())

    def test_organisation_page_inlines_only_hold_own_records(self):
        """The officer's own organisation page: no choice of another district's areas."""
        response = self.client.get(admin_address("cooperatives.organization", "change", self.own))
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, "Hải Phúc")
        self.assertNotContains(response, "Hải Hậu")

    def test_imports_refuse_other_district_rows_for_every_kind(self):
        """The whole registry as alliance staff export it, uploaded by the area officer."""
        from django.core.files.uploadedfile import SimpleUploadedFile

        alliance = Client()
        alliance.force_login(self.alliance)
        for model in EXPORTS:
            export = reverse(f"admin:cooperatives_{model}_export")
            data = alliance.get(export, {"dinh_dang": "csv"}).content
            self.assertIn(self.other.code.encode(), data, model)
            before = database_state()
            page = self.client.post(
                reverse(f"admin:cooperatives_{model}_import"),
                {"file": SimpleUploadedFile(f"{model}.csv", data, content_type="text/csv")},
            )
            self.assertEqual(page.status_code, 200, model)
            # Organisations: "không thuộc địa bàn…"; their records: "… trong địa bàn…".
            self.assertContains(page, "địa bàn bạn phụ trách", msg_prefix=model)
            self.assertNotIn("token", page.context, model)
            self.assertEqual(changed_tables(before, database_state()), [], model)

    def test_own_records_cannot_be_moved_to_another_district_organisation(self):
        for label in ("cooperatives.loan", "cooperatives.figures", "cooperatives.ocopproduct",
                      "cooperatives.member", "cooperatives.location"):  # fmt: skip
            obj = self.admin_records()[label][0]
            url = admin_address(label, "change", obj)
            data = form_data(self.client.get(url))
            before = database_state()
            response = self.client.post(url, data | {"organization": self.other.pk})
            self.assertEqual(response.status_code, 200, label)
            self.assertIn("organization", response.context["adminform"].form.errors, label)
            self.assertEqual(changed_tables(before, database_state()), [], label)
            # The control: the same form, left on its own organisation, saves.
            self.assertEqual(self.client.post(url, data).status_code, 302, label)

    def test_area_officer_cannot_approve_figures_with_the_list_action(self):
        figures = self.own.figures.get()
        response = self.client.post(
            reverse("admin:cooperatives_figures_changelist"),
            {"action": "approve_selected", "_selected_action": [figures.pk]},
        )
        self.assertLess(response.status_code, 500)
        figures.refresh_from_db()
        self.assertNotEqual(figures.state, "approved")


def form_data(page) -> dict:
    """The POST data of an admin change page as it stands (no inlines)."""
    data = form_post_data(page.context["adminform"].form)
    return {name: value[0] if isinstance(value, list) else value for name, value in data.items()}
