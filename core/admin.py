"""Admin building blocks the whole site shares (the registry's, news's and reports' admins)."""

import datetime
import hashlib

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.cache import cache
from django.core.exceptions import EmptyResultSet, PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.functional import cached_property

from core import freshness
from core.forms import VietnameseDecimalField
from core.lib.formatting import vn_number
from core.lib.text import fold
from core.models import Job


class VersionedCountPaginator(Paginator):
    """Counts a list once per data version: a COUNT(*) over two million figures rows
    took 130 ms of every page of the list at national scale.

    The key holds the count query itself (filters, search and an area officer's scope
    are in it) and the versions of ``versions`` (``core.freshness``), which every save,
    delete and import moves on; ``COUNT_SECONDS`` bounds what a change made another way
    could leave stale.
    """

    versions: tuple[str, ...] = ("registry", "figures")
    COUNT_SECONDS = 60

    @cached_property
    def count(self) -> int:
        query = self.object_list
        if not hasattr(query, "query"):
            return super().count
        return per_data_version(
            query, "count", lambda: Paginator.count.func(self), self.versions, self.COUNT_SECONDS
        )


def per_data_version(queryset, what: str, compute, versions=("registry", "figures"), seconds=60):
    """``compute()`` about ``queryset``, kept per data version (``VersionedCountPaginator``):
    the key holds the query itself (filters and the person's scope are in it) and the
    versions of ``versions``, which every save, delete and import moves on."""
    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:
        sql, params = "empty", ()
    stamp = ":".join(str(freshness.version(name)) for name in versions)
    digest = hashlib.sha256(f"{sql}|{params!r}".encode()).hexdigest()[:32]
    key = f"admin-{what}:{queryset.model._meta.label_lower}:{stamp}:{digest}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, seconds)
    return value


class FoldedSearchMixin:
    """Search without diacritics: the term is folded like the ``*_folded`` columns.

    Also the registry's list defaults: no facet counts (a query per filter, and an
    untranslated toggle), money inputs in Vietnamese style.
    """

    show_facets = admin.ShowFacets.NEVER

    def get_search_results(self, request, queryset, search_term):
        # Folded columns are lower case without marks, so a plain LIKE on the folded
        # term matches and can use the trigram index on PostgreSQL.
        return super().get_search_results(request, queryset, fold(search_term))

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, models.DecimalField):
            kwargs["form_class"] = VietnameseDecimalField
        return super().formfield_for_dbfield(db_field, request, **kwargs)


def money_column(field: str, label: str):
    """Return a list column showing ``field`` to one decimal, Vietnamese style."""

    @admin.display(description=label, ordering=field)
    def column(obj):
        return vn_number(getattr(obj, field), 1, strip_zero=True)

    column.__name__ = f"{field}_display"
    return column


class SafeHistoryMixin:
    """History pages that respect the same rules as the change page.

    django-simple-history's version page saves on any valid POST after checking only the
    view permission on the historical copy. Here the current record must be visible to
    the user (404 otherwise, as for its change page), and restoring a version needs the
    change permission on the current record.
    """

    def sees_whole_site(self, request) -> bool:
        """Whether the person's work is not limited to some areas (registry admins say)."""
        return True

    def _current(self, request, object_id):
        try:
            pk = self.model._meta.pk.to_python(unquote(str(object_id)))
            return self.get_queryset(request).get(pk=pk)
        except (self.model.DoesNotExist, ValidationError, ValueError, TypeError):
            return None

    def _valid_pk(self, object_id) -> bool:
        try:
            self.model._meta.pk.to_python(unquote(str(object_id)))
        except ValidationError:
            return False
        return True

    def history_view(self, request, object_id, extra_context=None):
        if not self._valid_pk(object_id):
            raise Http404
        if self._current(request, object_id) is None and (
            not self.sees_whole_site(request) or not self.has_change_permission(request)
        ):
            # A deleted record's history is for staff of the whole province only.
            raise Http404
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        current = self._current(request, object_id)
        if current is None or not str(version_id).isdigit():
            raise Http404
        if request.method == "POST" and not self.has_change_permission(request, current):
            raise PermissionDenied
        request._htx_history_current = current
        return super().history_form_view(request, object_id, version_id, extra_context)

    def has_view_history_or_change_history_permission(self, request, obj=None):
        # django-simple-history asks about the old version, whose area may be another
        # (or none, before the first head office): the current record decides.
        current = getattr(request, "_htx_history_current", None)
        if obj is not None and current is not None and obj.pk == current.pk:
            obj = current
        return super().has_view_history_or_change_history_permission(request, obj)

    def revert_disabled(self, request, obj=None):
        current = self._current(request, obj.pk) if obj is not None else None
        return super().revert_disabled(request, obj) or not (
            current is not None and self.has_change_permission(request, current)
        )


# Longer runs of digits overflow a database integer (SQLite refuses them outright).
LONGEST_NUMBER = 18


class SafeListParametersMixin:
    """Refuse list addresses no list can show, with a 400 page in Vietnamese.

    Django turns the date hierarchy's ``<field>__year`` (and ``__month``, ``__day``) into
    dates itself: a year like 99999999999999999999 or 9999 overflows there (a server
    error), and a month or day sent without a year goes to the database as it is. Years
    1900 to 2100 are accepted, months 1 to 12, and a day that exists in its month.
    A filter value of more than 18 digits (``?sector=99999999999999999999``) overflows
    the database's integers: refused too. The search box (``q``) is text and may hold any.
    """

    date_hierarchy_years = (1900, 2100)

    def date_hierarchy_error(self, request) -> str | None:
        """What is wrong with the request's date-hierarchy parameters, or None."""
        field = self.date_hierarchy
        if not field:
            return None
        low, high = self.date_hierarchy_years
        parts = {}
        for part, label, lowest, highest in (
            ("year", "Năm", low, high),
            ("month", "Tháng", 1, 12),
            ("day", "Ngày", 1, 31),
        ):
            values = request.GET.getlist(f"{field}__{part}")
            if not values:
                continue
            value = values[-1]
            number = int(value) if value.isascii() and value.isdigit() and len(value) <= 4 else 0
            if not lowest <= number <= highest:
                return (
                    f"{label} “{_shown(value)}” trong địa chỉ không hợp lệ: "
                    f"phải là số từ {lowest} đến {highest}."
                )
            parts[part] = number
        if len(parts) == 3:
            try:
                datetime.date(parts["year"], parts["month"], parts["day"])
            except ValueError:
                return (
                    f"Ngày {parts['day']:02d}/{parts['month']:02d}/{parts['year']} "
                    "trong địa chỉ không có thật."
                )
        return None

    def list_parameters_error(self, request) -> tuple[str, list[str]] | None:
        """Return (message, parameters to drop) for a list address no list can show."""
        error = self.date_hierarchy_error(request)
        if error is not None:
            field = self.date_hierarchy
            return error, [f"{field}__{part}" for part in ("year", "month", "day")]
        for name, values in request.GET.lists():
            if name == "q":
                continue
            for value in values:
                digits = value.strip().lstrip("-")
                if digits.isdigit() and len(digits) > LONGEST_NUMBER:
                    return (
                        f"Giá trị “{_shown(value)}” của “{_shown(name)}” trong địa chỉ "
                        "quá lớn, không ứng với bản ghi nào.",
                        [name],
                    )
        return None

    def changelist_view(self, request, extra_context=None):
        refused = self.list_parameters_error(request)
        if refused is None:
            return super().changelist_view(request, extra_context)
        message, dropped = refused
        query = request.GET.copy()
        for name in dropped:
            query.pop(name, None)
        context = {
            **self.admin_site.each_context(request),
            "title": "Địa chỉ không hợp lệ",
            "message": message,
            "list_url": f"{request.path}?{query.urlencode()}" if query else request.path,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/bad_parameter.html", context, status=400)


def _shown(value: str) -> str:
    return value if len(value) <= 12 else value[:12] + "…"


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    """Background jobs, read-only: each person sees their own, superusers every one."""

    list_display = ["pk", "title", "user", "status", "progress_display", "created_at"]
    list_display_links = ["pk", "title"]
    list_filter = ["status", "kind", "created_at"]
    list_select_related = ["user"]
    show_full_result_count = False
    show_facets = admin.ShowFacets.NEVER
    fields = [
        "kind", "title", "user", "status", "done", "total", "step", "message", "result_url",
        "created_at", "started_at", "finished_at", "heartbeat_at",
    ]  # fmt: skip

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return queryset if request.user.is_superuser else queryset.filter(user=request.user)

    @admin.display(description="Tiến độ")
    def progress_display(self, job):
        if job.total:
            return f"{vn_number(job.done)}/{vn_number(job.total)} ({job.percent}%)"
        return vn_number(job.done) if job.done else "—"

    def view_on_site(self, job):
        return job.get_absolute_url()

    def _visible(self, request, object_id):
        """The job if the person may see it here; 403 without the right, 404 if not theirs
        (Django's own answer, a redirect with a message, would say the id exists)."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        if self.get_object(request, unquote(str(object_id))) is None:
            raise Http404

    def change_view(self, request, object_id, form_url="", extra_context=None):
        self._visible(request, object_id)
        return super().change_view(request, object_id, form_url, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        self._visible(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
