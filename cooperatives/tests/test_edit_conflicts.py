"""Two staff saving the same record: the second is told, nothing is silently overwritten."""

from django.test import Client
from django.urls import reverse

from cooperatives.models import Organization
from news.models import Article
from testing import news_factories as nf
from testing.admin_forms import article_form as form_data
from testing.admin_forms import change_url, hidden_version, organization_form
from testing.roles import RolesTestCase, form_post_data
from testing.spreadsheets import FIGURES_HEADER, ORG_HEADER, org_row, run, xlsx

CONFLICT = "đã lưu hồ sơ này"


class OrganizationConflictTests(RolesTestCase):
    def setUp(self):
        self.alliance.first_name, self.alliance.last_name = "Lan", "Nguyễn Thị"
        self.alliance.save()
        self.first = Client()
        self.first.force_login(self.alliance)
        self.second = Client()
        self.second.force_login(self.superuser)

    def open(self, client, **changes) -> dict:
        page = client.get(change_url(self.own))
        data = organization_form(client, self.own, **changes)
        self.assertEqual(data["opened_version"], hidden_version(page))
        return data

    def test_second_save_is_refused_with_who_and_when_and_keeps_the_input(self):
        first = self.open(self.first, phone="0228 111 111")
        second = self.open(self.second, phone="0228 222 222", address="Số 9 đường Mới")

        self.assertEqual(self.first.post(change_url(self.own), first).status_code, 302)
        response = self.second.post(change_url(self.own), second)

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Nguyễn Thị Lan đã lưu hồ sơ này lúc")
        self.assertContains(response, "CHƯA được lưu")
        # The second person's input is still in the form, nothing lost.
        self.assertContains(response, 'value="0228 222 222"')
        self.assertContains(response, "Số 9 đường Mới")
        self.own.refresh_from_db()
        self.assertEqual(self.own.phone, "0228 111 111")
        self.assertEqual(self.own.history.count(), 2)  # created, first save

    def test_saving_again_after_the_message_is_a_deliberate_overwrite(self):
        first = self.open(self.first, phone="0228 111 111")
        second = self.open(self.second, phone="0228 222 222")
        self.first.post(change_url(self.own), first)
        refused = self.second.post(change_url(self.own), second)
        # The browser posts the refused form back: it now carries the current version.
        second["opened_version"] = hidden_version(refused)
        self.assertEqual(self.second.post(change_url(self.own), second).status_code, 302)
        self.own.refresh_from_db()
        self.assertEqual(self.own.phone, "0228 222 222")

    def test_sequential_saves_by_one_person_are_not_conflicts(self):
        self.assertEqual(
            self.first.post(change_url(self.own), self.open(self.first, phone="1")).status_code,
            302,
        )
        self.assertEqual(
            self.first.post(change_url(self.own), self.open(self.first, phone="2")).status_code,
            302,
        )

    def test_an_inline_edit_moves_the_organisation_version(self):
        first = self.open(self.first)
        second = self.open(self.second, phone="0228 222 222")
        product = self.own.ocop_products.get()
        first["ocop_products-0-name"] = "Gạo nếp cái hoa vàng"
        self.assertEqual(self.first.post(change_url(self.own), first).status_code, 302)
        product.refresh_from_db()
        self.assertEqual(product.name, "Gạo nếp cái hoa vàng")

        response = self.second.post(change_url(self.own), second)
        self.assertContains(response, CONFLICT)
        product.refresh_from_db()
        self.assertEqual(product.name, "Gạo nếp cái hoa vàng")  # not written back

    def test_a_record_changed_on_its_own_page_moves_the_organisation_version(self):
        second = self.open(self.second, phone="0228 222 222")
        figures = self.own.figures.get()
        figures.members = 42
        figures.save()
        response = self.second.post(change_url(self.own), second)
        self.assertContains(response, CONFLICT)

    def test_an_import_moves_the_versions_of_the_organisations_it_updates(self):
        second = self.open(self.second, phone="0228 222 222")
        row = org_row(code=self.own.code, name="HTX Nông nghiệp Yên Bằng Mới",
                      founded=self.own.founded_on)  # fmt: skip
        result = run("organizations", xlsx([ORG_HEADER, row]), user=self.alliance)
        self.assertTrue(result.ok, result.summary())
        self.assertEqual(Organization.objects.get(pk=self.own.pk).name, row[1])
        response = self.second.post(change_url(self.own), second)
        self.assertContains(response, CONFLICT)

    def test_a_figures_import_moves_the_organisation_version(self):
        second = self.open(self.second, phone="0228 222 222")
        result = run(
            "figures", xlsx([FIGURES_HEADER, [self.own.code, 2023, 6, 11, 5, 2300]]),
            user=self.alliance,
        )  # fmt: skip
        self.assertTrue(result.ok, result.summary())
        self.assertEqual(self.own.figures.get().workers, 11)
        response = self.second.post(change_url(self.own), second)
        self.assertContains(response, CONFLICT)


class ArticleConflictTests(RolesTestCase):
    def test_second_editor_is_told_and_the_first_save_stays(self):
        self.client.force_login(self.editor)
        self.client.post(reverse("admin:news_article_add"), form_data(title="Bản đầu"))
        article = Article.objects.get()
        url = reverse("admin:news_article_change", args=[article.pk])
        first, second = Client(), Client()
        first.force_login(self.editor)
        second.force_login(self.alliance)
        opened = hidden_version(first.get(url))
        self.assertEqual(hidden_version(second.get(url)), opened)
        category = nf.category().pk

        saved = first.post(
            url, form_data(title="Bản của biên tập", category=category, opened_version=opened)
        )
        self.assertEqual(saved.status_code, 302)
        refused = second.post(
            url, form_data(title="Bản của liên minh", category=category, opened_version=opened)
        )
        self.assertContains(refused, "bientap đã lưu hồ sơ này lúc")
        self.assertContains(refused, "Bản của liên minh")
        article.refresh_from_db()
        self.assertEqual(article.title, "Bản của biên tập")


def page_form(client, url) -> dict:
    """The POST data of a (non-inline) admin change page as it stands."""
    page = client.get(url)
    data = form_post_data(page.context["adminform"].form)
    assert data["opened_version"] == hidden_version(page)
    return data


class RecordConflictTests(RolesTestCase):
    def setUp(self):
        self.first = Client()
        self.first.force_login(self.alliance)
        self.second = Client()
        self.second.force_login(self.superuser)

    def test_an_ocop_page_left_open_does_not_overwrite_an_edit_made_on_the_organisation_page(self):
        product = self.own.ocop_products.get()
        url = reverse("admin:cooperatives_ocopproduct_change", args=[product.pk])
        stale = page_form(self.second, url)
        stale["certified_on"] = product.certified_on.strftime("%d/%m/%Y")
        stale["expires_on"] = product.expires_on.strftime("%d/%m/%Y")
        stale["stars"] = "5"

        inline = organization_form(self.first, self.own)
        inline["ocop_products-0-name"] = "Gạo nếp cái hoa vàng"
        self.assertEqual(self.first.post(change_url(self.own), inline).status_code, 302)

        response = self.second.post(url, stale)
        self.assertContains(response, CONFLICT)
        product.refresh_from_db()
        self.assertEqual((product.name, product.stars), ("Gạo nếp cái hoa vàng", 3))

    def test_an_approval_moves_the_version_of_the_figures(self):
        figures = self.own.figures.get()
        url = reverse("admin:cooperatives_figures_change", args=[figures.pk])
        stale = page_form(self.second, url)
        stale["workers"] = "12"
        response = self.first.post(
            reverse("admin:cooperatives_figures_changelist"),
            {"action": "approve_selected", "_selected_action": [figures.pk]},
        )
        self.assertEqual(response.status_code, 302)
        response = self.second.post(url, stale)
        self.assertContains(response, "lienminh đã lưu hồ sơ này")
        figures.refresh_from_db()
        self.assertEqual((figures.state, figures.workers), ("approved", 10))

    def test_a_view_only_page_has_no_version_field(self):
        official = Client()
        official.force_login(self.official)
        product = self.own.ocop_products.get()
        page = official.get(reverse("admin:cooperatives_ocopproduct_change", args=[product.pk]))
        self.assertEqual(page.status_code, 200)
        self.assertNotContains(page, "opened_version")
