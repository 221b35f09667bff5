"""Personal data in the member admin: masked ID numbers, a person's export, erasure."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from cooperatives import privacy
from cooperatives.models import Organization
from cooperatives.scoping import area_scope
from cooperatives.services import erase_member_on_request, log_personal_data_export
from core.lib.formatting import vn_number
from core.lib.text import fold

MASKED_FIELD = "masked_id"


class MemberInlineForm(forms.ModelForm):
    """A member row on the organisation page: the stored ID number is never sent.

    The field is left empty with the masked number as placeholder; empty keeps the
    stored number, a typed one replaces it. The full number is read and cleared on the
    member's own page.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("id_number")
        if field is not None and self.instance.pk and self.instance.id_number:
            self.initial["id_number"] = ""
            field.widget.attrs["placeholder"] = self.instance.masked_id_number
            field.widget.attrs["title"] = "Để trống để giữ số đã lưu"

    def clean_id_number(self):
        value = (self.cleaned_data.get("id_number") or "").strip()
        if not value and self.instance.pk:
            return self.instance.id_number
        return value


class MaskedIdColumn:
    """The masked ID number as a column or read-only field (``Member.masked_id_number``)."""

    @admin.display(description=_("số giấy tờ"))
    def masked_id(self, obj):
        return obj.masked_id_number or "—"


class MaskedMemberInlineMixin(MaskedIdColumn):
    """Member rows on an organisation page show masked ID numbers to everyone."""

    def get_fields(self, request, obj=None):
        fields = [f for f in super().get_fields(request, obj) if f != MASKED_FIELD]
        if privacy.may_see_id_number(request.user) and self.has_change_permission(request, obj):
            return fields
        return [MASKED_FIELD if f == "id_number" else f for f in fields]

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), MASKED_FIELD]


class PersonalDataAdminMixin(MaskedIdColumn):
    """The member admin's personal-data rules.

    - The full ID number only on the member's own page, for someone who may change it
      (``privacy.may_see_id_number``); lists, exports and views for anyone else mask it.
    - The history pages (which show old ID numbers) need the same right.
    - Search by exact ID number for those who may see it.
    - "Xuất dữ liệu cá nhân" and "Xóa thành viên theo yêu cầu".
    """

    def _full_id(self, request, obj) -> bool:
        if obj is None:
            return privacy.may_see_id_number(request.user)
        return privacy.may_see_id_number(request.user, obj) and self.has_change_permission(
            request, obj
        )

    def get_fields(self, request, obj=None):
        fields = [f for f in super().get_fields(request, obj) if f != MASKED_FIELD]
        if self._full_id(request, obj):
            return fields
        return [MASKED_FIELD if f == "id_number" else f for f in fields]

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), MASKED_FIELD]

    def get_search_results(self, request, queryset, search_term):
        results, duplicates = super().get_search_results(request, queryset, search_term)
        term = search_term.strip().replace(" ", "")
        if term and privacy.may_see_id_number(request.user):
            results = results | queryset.filter(id_number=term)
        return results, duplicates

    # The spreadsheet export of the list.
    def export_objects(self, request, objects):
        full = privacy.may_see_id_number(request.user)
        for member in objects.iterator(chunk_size=2000):
            if not full:
                member.id_number = member.masked_id_number
            yield member

    # History shows every former ID number: only for those who may see the number.
    def _require_full_id(self, request):
        if not privacy.may_see_id_number(request.user):
            raise PermissionDenied

    def history_view(self, request, object_id, extra_context=None):
        self._require_full_id(request)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self._require_full_id(request)
        return super().history_form_view(request, object_id, version_id, extra_context)

    # --- export and erasure -----------------------------------------------------------
    def get_urls(self):
        view = self.admin_site.admin_view
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path(
                "<path:object_id>/du-lieu-ca-nhan/",
                view(self.personal_data_view),
                name=f"{prefix}_personal_data",
            ),
            path(
                "<path:object_id>/xoa-theo-yeu-cau/",
                view(self.erase_view),
                name=f"{prefix}_erase",
            ),
        ] + super().get_urls()

    def has_personal_data_permission(self, request) -> bool:
        return privacy.may_see_id_number(request.user)

    def _organizations(self, request):
        scope = area_scope(request.user)
        queryset = Organization.objects.all()
        return queryset if scope is None else queryset.in_scope(scope)

    def _export(self, request, member) -> HttpResponse:
        if not privacy.may_see_id_number(request.user, member):
            raise PermissionDenied
        data = privacy.personal_data(
            member, request.user, self._organizations(request), self.get_queryset(request)
        )
        log_personal_data_export(
            member=member, user=request.user, count=len(data["Tư cách thành viên"])
        )
        response = HttpResponse(
            privacy.personal_data_json(data), content_type="application/json; charset=utf-8"
        )
        response["Content-Disposition"] = (
            f'attachment; filename="du-lieu-ca-nhan-thanh-vien-{member.pk}.json"'
        )
        return response

    def personal_data_view(self, request, object_id):
        # The right is checked before the method, so a refusal reads the same either way.
        member = self.get_object(request, object_id)
        if not privacy.may_see_id_number(request.user, member):
            raise PermissionDenied
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        return self._export(request, member)

    def erase_view(self, request, object_id):
        member = self.get_object(request, object_id)
        if not self.has_delete_permission(request, member):
            raise PermissionDenied
        members = self.get_queryset(request)
        if request.method == "POST":
            done = erase_member_on_request(member=member, user=request.user, members=members)
            messages.success(
                request,
                f"Đã xóa theo yêu cầu {vn_number(done['members'])} bản ghi thành viên và "
                f"{vn_number(done['history'])} bản ghi lịch sử; nhật ký quản trị ghi lại việc "
                "xóa, không ghi họ tên và số giấy tờ.",
            )
            return redirect(f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist")
        plan = privacy.erasure_plan(member, request.user, members)
        folded = fold(member.full_name)
        representative_of = [
            org
            for org in self._organizations(request).exclude(representative="")
            if fold(org.representative) == folded
        ]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Xóa thành viên theo yêu cầu",
            "member": member,
            "rows": [(m, m.masked_id_number or "—") for m in plan],
            "representative_of": representative_of,
            "change_url": reverse(
                f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[member.pk]
            ),
        }
        return TemplateResponse(request, "admin/cooperatives/member/erase.html", context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        obj = self.get_object(request, object_id)
        extra_context["can_export_personal_data"] = privacy.may_see_id_number(request.user, obj)
        extra_context["can_erase"] = self.has_delete_permission(request, obj)
        return super().change_view(request, object_id, form_url, extra_context)

    # --- list actions -----------------------------------------------------------------
    def _one(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(
                request, "Hãy chọn đúng một thành viên cho thao tác này.", messages.WARNING
            )
            return None
        return queryset.select_related("organization").get()

    @admin.action(description=_("Xuất dữ liệu cá nhân"), permissions=["personal_data"])
    def export_personal_data(self, request, queryset):
        member = self._one(request, queryset)
        return None if member is None else self._export(request, member)

    @admin.action(description=_("Xóa thành viên theo yêu cầu"), permissions=["delete"])
    def erase_on_request(self, request, queryset):
        member = self._one(request, queryset)
        if member is None:
            return None
        return redirect(f"admin:{self.opts.app_label}_{self.opts.model_name}_erase", member.pk)
