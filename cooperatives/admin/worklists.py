"""The staff worklists: organisations to place on a new unit, OCOP products expiring."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from cooperatives.admin.base import (
    EXPIRY_WARNING_DAYS,
    ScopedAdmin,
)
from cooperatives.models import (
    Area,
    AreaMap,
    ExpiringOcopProduct,
    Organization,
    UnplacedOrganization,
)
from cooperatives.official_units import default_successor_code
from cooperatives.services import PlacementError, place_organization, placement_day


class WorklistAdmin(ScopedAdmin):
    """A read-only list of records that need a person's attention."""

    actions = None

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    # The worklists are proxies without a history of their own (their pages failed
    # with a server error): the history is on the organisation's or product's page.
    def history_view(self, request, object_id, extra_context=None):
        raise Http404

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        raise Http404


@admin.register(UnplacedOrganization)
class UnplacedOrganizationAdmin(WorklistAdmin):
    """Organisations whose recorded commune is gone with none or several successors.

    For a commune that was split, each successor is a button: one click records the
    organisation's new location there (``services.place_organization``). The buttons
    submit the change list's own form (POST, with its CSRF token) to the ``place`` view.
    """

    scope_lookup = "area_id"
    list_display = ["code", "organization_link", "kind", "recorded_area"]
    list_display_links = None
    list_filter = ["kind", "sector"]
    search_fields = ["code", "name_folded__contains"]

    class Media:
        css = {"all": ["css/admin.css"]}

    def get_queryset(self, request):
        today = timezone.localdate()
        queryset = super().get_queryset(request)
        unplaced = Organization.objects.unplaced_at(today, AreaMap.current()).values("pk")
        return (
            queryset.filter(pk__in=unplaced)
            .select_related("area")
            .prefetch_related("area__successors", "area__children__successors")
        )

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<path:object_id>/place/",
                self.admin_site.admin_view(self.place_view),
                name="{}_{}_place".format(*info),
            ),
            *super().get_urls(),
        ]

    def get_list_display(self, request):
        # The buttons depend on who looks at the list: a column made for this request.
        @admin.display(description=_("được thay thế bởi (bấm để chọn)"))
        def choices(obj):
            return self.choices(request, obj)

        return [*super().get_list_display(request), choices]

    def can_place(self, request, organization) -> bool:
        """Whether ``request.user`` may change ``organization`` (and so place it)."""
        organization_admin = self.admin_site.get_model_admin(Organization)
        return organization_admin.has_change_permission(request, organization)

    @admin.display(description=_("tên"), ordering="name_folded")
    def organization_link(self, obj):
        url = reverse("admin:cooperatives_organization_change", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, obj.name)

    @admin.display(description=_("địa bàn đã ghi"))
    def recorded_area(self, obj):
        if obj.area is None:
            return "Chưa có địa bàn"
        return obj.area.label

    def choices(self, request, obj):
        successors = obj.area.placement_choices() if obj.area else []
        if not successors:
            return "Không có đơn vị thay thế: sửa lịch sử địa bàn trên trang của tổ chức"
        default = default_successor_code(obj.area.code)
        day = placement_day(obj.area)
        may_place = self.can_place(request, obj)
        url = reverse("admin:cooperatives_unplacedorganization_place", args=[obj.pk])
        items = []
        for area in successors:
            marker = ""
            if default is not None and area.code == default and area.exists_at(day):
                marker = format_html(
                    ' <strong class="htx-default">{}</strong>', "(mặc định theo dữ liệu chính thức)"
                )
            if may_place:
                item = format_html(
                    '<button type="submit" form="changelist-form" formaction="{}" name="area" '
                    'value="{}" class="button htx-place" title="{}">{}</button>{}',
                    url,
                    area.pk,
                    f"Ghi nhận “{obj.name}” ở {area.name} từ ngày {day:%d/%m/%Y}",
                    area.label,
                    marker,
                )
            else:
                item = format_html("{}{}", area.label, marker)
            items.append(item)
        return format_html(
            '<ul class="htx-choices">{}</ul>',
            format_html_join("", "<li>{}</li>", ((i,) for i in items)),
        )

    def place_view(self, request, object_id):
        """POST: place the organisation ``object_id`` in the successor ``area`` it names."""
        try:
            organization = Organization.objects.select_related("area").get(pk=int(object_id))
        except (ValueError, Organization.DoesNotExist):
            raise Http404 from None
        if not self.can_place(request, organization):
            raise PermissionDenied
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        changelist = reverse("admin:cooperatives_unplacedorganization_changelist")
        area = None
        if str(request.POST.get("area", "")).isdigit():
            area = Area.objects.filter(pk=int(request.POST["area"])).first()
        if area is None:
            self.message_user(request, "Chưa chọn đơn vị hành chính mới.", messages.ERROR)
            return HttpResponseRedirect(changelist)
        if not self.get_queryset(request).filter(pk=organization.pk).exists():
            self.message_user(
                request,
                f"“{organization.name}” không còn trong danh sách chưa xác định địa bàn "
                "(có thể người khác vừa xác định); không có gì thay đổi.",
                messages.WARNING,
            )
            return HttpResponseRedirect(changelist)
        old = organization.area
        try:
            location = place_organization(organization=organization, area=area, user=request.user)
        except (PlacementError, ValidationError) as error:
            text = error.messages[0] if isinstance(error, ValidationError) else str(error)
            self.message_user(request, text, messages.ERROR)
            return HttpResponseRedirect(changelist)
        summary = (
            f"Xác định địa bàn sau khi {old.label} hết hiệu lực: {area.label}, "
            f"từ ngày {location.valid_from:%d/%m/%Y}."
        )
        self.log_change(request, organization, summary)
        self.message_user(
            request,
            f"Đã ghi nhận “{organization.name}” ở {area.name} (mã {area.code}) từ ngày "
            f"{location.valid_from:%d/%m/%Y}.",
            messages.SUCCESS,
        )
        return HttpResponseRedirect(changelist)


@admin.register(ExpiringOcopProduct)
class ExpiringOcopProductAdmin(WorklistAdmin):
    list_display = ["product_link", "organization", "stars", "expires_on", "days_left"]
    list_display_links = None
    list_filter = ["stars", "group"]
    list_select_related = ["organization"]
    search_fields = [
        "name_folded__contains",
        "organization__name_folded__contains",
        "organization__code",
    ]
    ordering = ["expires_on"]

    def get_queryset(self, request):
        return super().get_queryset(request).expiring_within(EXPIRY_WARNING_DAYS)

    @admin.display(description=_("sản phẩm"), ordering="name_folded")
    def product_link(self, obj):
        url = reverse("admin:cooperatives_ocopproduct_change", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, obj.name)

    @admin.display(description=_("còn lại"), ordering="expires_on")
    def days_left(self, obj):
        return f"{obj.days_to_expiry()} ngày"
