"""Shared admin behaviour: accent-insensitive search, area filters and area-officer scoping."""

from datetime import date

from django.contrib import admin
from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from cooperatives.models import Area, AreaMap, Organization
from cooperatives.public import portal_areas
from cooperatives.scoping import area_scope, scoped_area_ids
from core.admin import (
    FoldedSearchMixin,
    SafeHistoryMixin,
    SafeListParametersMixin,
    VersionedCountPaginator,
)

EXPIRY_WARNING_DAYS = 90


def area_label(area) -> str:
    return area.label if area is not None else "—"


def area_cell(area) -> str:
    """An area in a list's cell: name and code, "(cũ)" for a unit that has ended; the
    whole label (with its dates) on hover. Lists stay narrow enough for 1366 px."""
    if area is None:
        return "—"
    ended = area.valid_to is not None and area.valid_to < timezone.localdate()
    old = " (cũ)" if ended else ""
    return format_html('<span title="{}">{} · {}{}</span>', area.label, area.name, area.code, old)


def label_areas(formfield):
    """Make a choice field of areas name each unit without ambiguity (``Area.label``).

    Codes were reused by the 2025 reform, so a name alone, or a code alone, can be two
    units: the selected value of an autocomplete and every option show code and dates.
    """
    queryset = getattr(formfield, "queryset", None)
    if queryset is not None and queryset.model is Area:
        formfield.label_from_instance = Area.label.fget
    return formfield


class AreaLabelMixin:
    """Admin pages and inlines whose area fields show ``Area.label``."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        return label_areas(super().formfield_for_dbfield(db_field, request, **kwargs))


class LabelledAutocompleteJsonView(AutocompleteJsonView):
    """The admin's autocomplete, with the text a model admin gives (``autocomplete_label``).

    Django shows ``str(obj)``; an area needs its code and dates to be told apart from
    the unit that had (or will have) the same code.
    """

    def serialize_result(self, obj, to_field_name):
        result = super().serialize_result(obj, to_field_name)
        label = getattr(self.model_admin, "autocomplete_label", None)
        if label is not None:
            result["text"] = label(obj)
        return result


def install_labelled_autocomplete(site) -> None:
    """Serve ``site``'s autocomplete (every autocomplete field) with the view above."""

    def autocomplete_view(request):
        return LabelledAutocompleteJsonView.as_view(admin_site=site)(request)

    site.autocomplete_view = autocomplete_view


def area_list_filter(lookup: str, title: str = _("địa bàn")):
    """Return a list filter on the area behind ``lookup`` (an ``..._id`` path to an Area).

    Choosing an area keeps the records located in it or below it, and those recorded in
    old units whose successor today lies there, so a new commune also finds what was
    entered under the communes merged into it.
    """

    class AreaListFilter(admin.SimpleListFilter):
        parameter_name = "dia_ban"

        def lookups(self, request, model_admin):
            allowed = scoped_area_ids(request.user)
            if allowed is not None:
                areas = Area.objects.filter(pk__in=allowed)
            else:
                # Every province (old and new); districts and new communes only of the
                # portal's own territory: with the whole country loaded, all of them were
                # some 4,000 links (a 300 KB list, 0.3 s per page).
                own = portal_areas(AreaMap.current())
                areas = Area.objects.filter(
                    Q(level=Area.Level.PROVINCE)
                    | Q(pk__in=own, level=Area.Level.DISTRICT)
                    | Q(pk__in=own, level=Area.Level.COMMUNE, parent__level=Area.Level.PROVINCE)
                )
            level_order = {level: index for index, level in enumerate(Area.Level.values)}
            result = []
            for area in sorted(
                areas, key=lambda a: (level_order[a.level], a.code, a.valid_from or date.min)
            ):
                result.append((str(area.pk), area.label))
            return result

        def queryset(self, request, queryset):
            if not self.value():
                return queryset
            try:
                area_id = int(self.value())
            except ValueError:
                return queryset.none()
            raw_ids = AreaMap.current().raw_ids_for_scope([area_id], timezone.localdate())
            return queryset.filter(**{f"{lookup}__in": raw_ids})

    AreaListFilter.title = title
    return AreaListFilter


class RegistryAdmin(
    SafeListParametersMixin, AreaLabelMixin, FoldedSearchMixin, SafeHistoryMixin, SimpleHistoryAdmin
):
    """The base of every registry admin page."""

    paginator = VersionedCountPaginator

    def sees_whole_site(self, request) -> bool:
        # A deleted record's history is for staff of the whole province only.
        return area_scope(request.user) is None


class ScopedAdmin(RegistryAdmin):
    """Admin whose rows belong to an organisation, limited to an area officer's areas.

    ``scope_lookup`` leads from the model to the organisation's current area id. Records
    outside the officer's areas do not exist for them: lists, search, autocomplete,
    exports and forms leave them out, and their addresses answer 404.
    """

    scope_lookup = "organization__area_id"
    show_full_result_count = False

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        scope = area_scope(request.user)
        if scope is not None:
            queryset = queryset.filter(**{f"{self.scope_lookup}__in": scope})
        return queryset

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is None:
            raise Http404(_("Không tìm thấy bản ghi hoặc bản ghi không thuộc địa bàn của bạn."))
        return obj

    def object_area_id(self, obj) -> int | None:
        target = obj
        for part in self.scope_lookup.split("__")[:-1]:
            target = getattr(target, part, None)
        return getattr(target, "area_id", None) if target is not None else None

    def in_scope(self, request, obj) -> bool:
        scope = area_scope(request.user)
        return obj is None or scope is None or self.object_area_id(obj) in scope

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self.in_scope(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self.in_scope(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self.in_scope(request, obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        scope = area_scope(request.user)
        if scope is not None:
            if db_field.related_model is Organization:
                kwargs["queryset"] = Organization.objects.in_scope(scope)
            elif db_field.related_model is Area:
                kwargs["queryset"] = Area.objects.filter(pk__in=scoped_area_ids(request.user))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class ScopedInline(AreaLabelMixin, FoldedSearchMixin):
    """Inline rows on an organisation page: same area rules for their foreign keys."""

    # What each row's title (its __str__, shown above the row) reads through a foreign
    # key: joined into the rows' one query, not fetched once per row.
    row_select_related: tuple[str, ...] = ()

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if self.row_select_related:  # select_related() without names would follow them all
            queryset = queryset.select_related(*self.row_select_related)
        return queryset

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if area_scope(request.user) is not None and db_field.related_model is Area:
            kwargs["queryset"] = Area.objects.filter(pk__in=scoped_area_ids(request.user))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
