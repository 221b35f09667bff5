"""Figures go draft → submitted → approved; an edit of approved figures goes back.

The approval is ``cooperatives.services.approve_figures``; the rule of an edit is
``Figures.state_after_edit``, used by the admin form and by the spreadsheet import.
"""

from django.core.exceptions import PermissionDenied
from django.urls import reverse

from cooperatives.models import Figures
from cooperatives.services import approve_figures, submit_figures
from testing.roles import RolesTestCase, form_post_data


class ApproveFiguresTests(RolesTestCase):
    def test_approves_those_not_approved_yet_in_the_users_name(self):
        own, other = self.own.figures.get(), self.other.figures.get()
        Figures.objects.filter(pk=other.pk).update(state=Figures.State.APPROVED)
        version = own.version
        count = approve_figures(figures=Figures.objects.all(), user=self.alliance)
        self.assertEqual(count, 1)  # the approved one is left alone
        own.refresh_from_db()
        self.assertEqual(own.state, Figures.State.APPROVED)
        self.assertNotEqual(own.version, version)  # an open form of them is told
        self.assertEqual(own.history.first().history_user, self.alliance)
        self.assertEqual(other.history.count(), 1)  # no new revision of the approved one

    def test_refused_to_whoever_may_not_approve(self):
        for user in (self.area_officer, self.editor, self.official, None):
            with self.assertRaises(PermissionDenied, msg=user):
                approve_figures(figures=Figures.objects.all(), user=user)
        self.assertFalse(Figures.objects.filter(state=Figures.State.APPROVED).exists())

    def test_submit_sends_drafts_only(self):
        own, other = self.own.figures.get(), self.other.figures.get()
        Figures.objects.filter(pk=other.pk).update(state=Figures.State.APPROVED)
        count = submit_figures(figures=Figures.objects.all(), user=self.area_officer)
        self.assertEqual(count, 1)
        own.refresh_from_db()
        other.refresh_from_db()
        self.assertEqual((own.state, other.state), ("submitted", "approved"))
        self.assertEqual(own.history.first().history_user, self.area_officer)


class StateAfterEditTests(RolesTestCase):
    def test_only_an_edit_of_approved_figures_by_a_non_approver_reopens_them(self):
        figures = self.own.figures.get()
        figures.state = Figures.State.APPROVED
        cases = [
            (True, self.area_officer, Figures.State.SUBMITTED),
            (False, self.area_officer, Figures.State.APPROVED),
            (True, self.alliance, Figures.State.APPROVED),
            (True, None, Figures.State.APPROVED),  # a command run by the operators
        ]
        for edited, user, expected in cases:
            self.assertEqual(figures.state_after_edit(edited=edited, user=user), expected)
        figures.state = Figures.State.DRAFT
        self.assertEqual(figures.state_after_edit(edited=True, user=self.area_officer), "draft")


class AdminEditOfApprovedFiguresTests(RolesTestCase):
    def edit(self, user, **changes):
        figures = self.own.figures.get()
        Figures.objects.filter(pk=figures.pk).update(state=Figures.State.APPROVED)
        self.client.force_login(user)
        url = reverse("admin:cooperatives_figures_change", args=[figures.pk])
        data = form_post_data(self.client.get(url).context["adminform"].form)
        data.update(changes)
        response = self.client.post(url, data, follow=True)
        figures.refresh_from_db()
        return response, figures

    def test_an_area_officers_edit_sends_approved_figures_back(self):
        response, figures = self.edit(self.area_officer, workers=11)
        self.assertEqual((figures.workers, figures.state), (11, Figures.State.SUBMITTED))
        self.assertContains(response, "chuyển về trạng thái “Đã gửi” để duyệt lại")

    def test_an_approvers_edit_keeps_them_approved(self):
        response, figures = self.edit(self.alliance, workers=11)
        self.assertEqual((figures.workers, figures.state), (11, Figures.State.APPROVED))
        self.assertNotContains(response, "duyệt lại")
