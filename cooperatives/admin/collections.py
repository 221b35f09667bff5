"""Collections in the admin: alliance staff open, extend and close them; area staff and
officials read them (issue 18)."""

import datetime

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from cooperatives.collection_tracking import missing_workbook, tracking
from cooperatives.models import Collection, Organization
from cooperatives.scoping import area_scope
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
            path("<int:pk>/theo-doi/nhac-nop/", view(self.remind_view),
                 name="cooperatives_collection_remind"),
        ] + super().get_urls()  # fmt: skip

    def _tracked(self, request, pk):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        return tracking(get_object_or_404(Collection, pk=pk), request.user)

    def tracking_view(self, request, pk):
        from cooperatives.mailing import MAX_ATTEMPTS

        result = self._tracked(request, pk)
        total = result.total
        # Mails hold the filers' addresses: for those who may read the outbox.
        reads_outbox = request.user.has_perm("cooperatives.view_outboxmail")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"Theo dõi: {result.collection}",
            "result": result,
            "total": total,
            "share": round(100 * total.filed / total.to_file, 1) if total.to_file else None,
            "on_time": round(100 * total.on_time / total.to_file, 1) if total.to_file else None,
            "shown": result.missing[:MISSING_SHOWN],
            "may_remind": may_remind(request.user) and result.collection.accepts_filing(),
            "filings_url": reverse("admin:cooperatives_filing_changelist"),
            "failed": result.failed if reads_outbox else [],
            "max_attempts": MAX_ATTEMPTS,
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

    def remind_view(self, request, pk):
        """The tracking page's “Nhắc nộp”: a mail now to one organisation's filers (POST;
        the organisation must be asked to file and be within the person's areas)."""
        if not may_remind(request.user):
            raise PermissionDenied
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        collection = get_object_or_404(Collection, pk=pk)
        organization = self._organization_to_remind(request, collection)
        back = reverse("admin:cooperatives_collection_tracking", args=[collection.pk])
        if not collection.accepts_filing():
            messages.error(request, f"Kỳ thu thập “{collection}” đã đóng hoặc chưa mở: "
                                    "không gửi thư nhắc.")  # fmt: skip
            return redirect(back)
        from cooperatives import mailing

        mail = mailing.remind(collection, organization, by=request.user)
        if mail is None:
            messages.warning(
                request,
                f"{organization.name} chưa có tài khoản nộp số liệu có email nên không gửi "
                "được thư nhắc; hãy gọi điện, hoặc mời đơn vị tạo tài khoản.",
            )
        else:
            messages.success(
                request,
                f"Đã gửi thư nhắc nộp tới {organization.name} ({', '.join(mail.recipients)}).",
            )
        return redirect(f"{back}#chua-nop")

    def _organization_to_remind(self, request, collection) -> Organization:
        organizations = collection.organizations()
        scope = area_scope(request.user)
        if scope is not None:
            organizations = organizations.filter(area_id__in=scope)
        pk = request.POST.get("organization", "")
        if not (pk.isascii() and pk.isdigit() and len(pk) <= 18):
            raise Http404("Không rõ tổ chức cần nhắc.")
        return get_object_or_404(organizations, pk=int(pk))


def may_remind(user) -> bool:
    """Those who check the cooperatives' filings (area and alliance staff) remind them."""
    return user.has_perm("cooperatives.change_filing")


MISSING_SHOWN = 500  # on the page; the workbook has them all
