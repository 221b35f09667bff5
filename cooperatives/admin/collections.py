"""Collections in the admin: alliance staff open, extend and close them; area staff and
officials read them (issue 18)."""

import datetime

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from cooperatives.collection_tracking import missing_workbook, tracking
from cooperatives.models import Collection, Organization
from core.lib.formatting import vn_number


class CollectionForm(forms.ModelForm):
    organization_kinds = forms.MultipleChoiceField(
        label=_("Loại hình tổ chức nộp"),
        choices=Organization.Kind.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Không chọn: mọi loại hình."),
    )

    class Meta:
        model = Collection
        fields = ["kind", "year", "months", "organization_kinds", "areas", "opens_on", "deadline"]

    def clean_year(self):
        year = self.cleaned_data["year"]
        this_year = timezone.localdate().year
        if not 2000 <= year <= this_year + 1:
            raise forms.ValidationError(f"Năm phải từ 2000 đến {this_year + 1}.")
        return year


def _initial_period(today: datetime.date) -> tuple[int, int]:
    """The period a collection opened today is most likely for: the half-year just ended
    from July, the year just ended until then."""
    return (today.year, 6) if today.month >= 7 else (today.year - 1, 12)


@admin.register(Collection)
class CollectionAdmin(admin.ModelAdmin):
    form = CollectionForm
    list_display = ["__str__", "opens_on", "deadline", "state", "to_file", "follow_up"]
    list_filter = ["kind", "year"]
    autocomplete_fields = ["areas"]
    actions = ["close", "reopen"]

    def get_changeform_initial_data(self, request):
        today = timezone.localdate()
        year, months = _initial_period(today)
        return {
            "year": year,
            "months": months,
            "opens_on": today,
            "deadline": today + datetime.timedelta(days=30),
        } | super().get_changeform_initial_data(request)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    @admin.display(description=_("tình trạng"))
    def state(self, obj):
        state = obj.state()
        if state == "open":
            return format_html("{} <span class=\"muted\">(còn {} ngày)</span>",
                               obj.state_label(), obj.days_left())  # fmt: skip
        return obj.state_label()

    @admin.display(description=_("số tổ chức phải nộp"))
    def to_file(self, obj):
        return vn_number(obj.organizations().count())

    @admin.action(description=_("Đóng các kỳ thu thập đã chọn (khóa việc nộp)"),
                  permissions=["change"])  # fmt: skip
    def close(self, request, queryset):
        count = queryset.filter(closed_at__isnull=True).update(closed_at=timezone.now())
        self.message_user(request, f"Đã đóng {vn_number(count)} kỳ thu thập.", messages.SUCCESS)

    @admin.action(description=_("Mở lại các kỳ thu thập đã chọn"), permissions=["change"])
    def reopen(self, request, queryset):
        count = queryset.filter(closed_at__isnull=False).update(closed_at=None)
        self.message_user(request, f"Đã mở lại {vn_number(count)} kỳ thu thập.", messages.SUCCESS)

    @admin.display(description=_("theo dõi"))
    def follow_up(self, obj):
        url = reverse("admin:cooperatives_collection_tracking", args=[obj.pk])
        return format_html('<a href="{}">Ai đã nộp, ai chưa</a>', url)

    # --- tracking: who has filed, area by area ---------------------------------------
    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<int:pk>/theo-doi/", view(self.tracking_view),
                 name="cooperatives_collection_tracking"),
            path("<int:pk>/theo-doi/chua-nop.xlsx", view(self.missing_xlsx_view),
                 name="cooperatives_collection_missing_xlsx"),
        ] + super().get_urls()  # fmt: skip

    def _tracked(self, request, pk):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        return tracking(get_object_or_404(Collection, pk=pk), request.user)

    def tracking_view(self, request, pk):
        result = self._tracked(request, pk)
        total = result.total
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"Theo dõi: {result.collection}",
            "result": result,
            "total": total,
            "share": round(100 * total.filed / total.to_file, 1) if total.to_file else None,
            "on_time": round(100 * total.on_time / total.to_file, 1) if total.to_file else None,
            "shown": result.missing[:MISSING_SHOWN],
        }
        return TemplateResponse(request, "admin/cooperatives/collection/tracking.html", context)

    def missing_xlsx_view(self, request, pk):
        result = self._tracked(request, pk)
        response = HttpResponse(
            missing_workbook(result),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        name = f"chua-nop-{result.collection.year}-{result.collection.months}.xlsx"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response


MISSING_SHOWN = 500  # on the page; the workbook has them all
