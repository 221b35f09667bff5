"""Optimistic locking: two people saving the same record never silently overwrite each other.

A versioned record (``VersionedModel``: organisations, their locations, figures, OCOP
products, loans and members, news articles) gets a new random ``version`` on every full
save, and an organisation's also whenever a record shown on its admin page changes
(``bump_version``); spreadsheet imports and the figures approval move them too. Random
rather than counted, so that restoring an old revision can never bring back a version an
open form still holds.

The admin page (``OptimisticLockingAdmin``) carries the version it was opened with in a
hidden field. On save, the stored version is read under a row lock; if it moved, the form
is refused with a Vietnamese message naming who saved last and when (from the history,
and from the admin log for records deleted meanwhile: an erasure on request purges their
history), every input and inline row stays on the page as typed (but rows of records
deleted meanwhile, see below), and the hidden field takes the new version: saving again
is then a deliberate overwrite.

Inline rows of records deleted meanwhile (by an erasure on request, or from another page)
cannot be saved: Django would refuse their hidden ``id`` with "Hãy chọn một lựa chọn hợp
lệ", inside a section that may be collapsed. They are left out of the submitted formset
(``OptimisticLockingAdmin.get_formset_kwargs``), so they are gone from the refused page
and never written back, and the person is told how many (in the conflict message, or
in a warning when the save goes through).
"""

import dataclasses
import datetime
import re
import secrets

from django import forms
from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import connection, models
from django.utils import timezone


def new_version() -> int:
    return secrets.randbits(62) + 1


class VersionedModel(models.Model):
    version = models.BigIntegerField("phiên bản", default=new_version, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # A partial save (``update_fields``) is bookkeeping, not an edit of the form's data.
        if kwargs.get("update_fields") is None:
            self.version = new_version()
        super().save(*args, **kwargs)


def bump_version(model, pks) -> None:
    """Give the records ``pks`` of ``model`` a new version (a change their page shows)."""
    pks = {pk for pk in pks if pk is not None}
    if pks:
        model._default_manager.filter(pk__in=pks).update(version=new_version())


@dataclasses.dataclass(frozen=True)
class Change:
    """Who changed a record shown on a page, when, and whether it was a deletion."""

    user: object
    when: datetime.datetime
    deleted: bool = False


def _from_history(entry) -> Change | None:
    if entry is None:
        return None
    return Change(entry.history_user, entry.history_date, entry.history_type == "-")


def last_change(instance, gone=None) -> Change | None:
    """The newest change of ``instance`` or of the records its admin page shows.

    ``gone`` (``{model: [pk, …]}``) are rows the page showed whose records no longer
    exist: their deletion is read from the admin log too, since an erasure on request
    leaves no history of the records it deletes (only a log entry without the name).
    """
    from django.contrib.admin.models import DELETION, LogEntry
    from django.contrib.contenttypes.models import ContentType

    changes = []
    if hasattr(type(instance), "history"):
        changes.append(_from_history(instance.history.order_by("-history_date").first()))
    for relation in instance._meta.related_objects:
        related = relation.related_model
        if relation.one_to_many and hasattr(related, "history"):
            found = related.history.filter(**{relation.field.attname: instance.pk})
            changes.append(_from_history(found.order_by("-history_date").first()))
    for model, pks in (gone or {}).items():
        entry = (
            LogEntry.objects.filter(
                content_type=ContentType.objects.get_for_model(model),
                object_id__in=[str(pk) for pk in pks],
                action_flag=DELETION,
            )
            .select_related("user")
            .order_by("-action_time")
            .first()
        )
        if entry is not None:
            changes.append(Change(entry.user, entry.action_time, deleted=True))
    changes = [change for change in changes if change is not None]
    return max(changes, key=lambda change: change.when, default=None)


def rows_left_out(gone) -> tuple[int, str]:
    """How many rows ``gone`` holds, and of what: ``(2, "1 thành viên, 1 khoản vay")``."""
    parts = [f"{len(pks)} {model._meta.verbose_name}" for model, pks in gone.items() if pks]
    return sum(len(pks) for pks in gone.values()), ", ".join(parts)


def left_out_message(gone, saved: bool) -> str:
    count, what = rows_left_out(gone)
    outcome = (
        "nên đã được bỏ ra, không được lưu lại; các thay đổi khác của bạn đã được lưu."
        if saved
        else "nên đã được bỏ khỏi biểu mẫu bên dưới và sẽ không được lưu lại."
    )
    return f"{count} dòng ({what}) đã bị người khác xóa trong lúc bạn sửa hồ sơ {outcome}"


def conflict_message(instance, gone=None) -> str:
    change = last_change(instance, gone)
    who, when, did = "Một người khác", "", "đã lưu hồ sơ này"
    if change is not None:
        user = change.user
        if user is not None:
            # Vietnamese order: family name first ("Nguyễn Thị Lan").
            full = " ".join(part for part in (user.last_name, user.first_name) if part)
            who = full or user.get_username()
        moment = timezone.localtime(change.when)
        when = f" lúc {moment:%H:%M} ngày {moment:%d/%m/%Y}"
        if change.deleted:
            did = "đã xóa một phần dữ liệu của hồ sơ này"
    if not gone:
        return (
            f"{who} {did}{when}, sau khi bạn mở trang. Thay đổi của bạn CHƯA được "
            "lưu và vẫn còn nguyên bên dưới. Hãy mở hồ sơ ở một thẻ khác để xem thay đổi "
            "đó; nếu vẫn muốn ghi nội dung bên dưới thay cho thay đổi đó, bấm Lưu lần nữa."
        )
    count, what = rows_left_out(gone)
    return (
        f"{who} {did}{when}, sau khi bạn mở trang. Trong lúc đó {count} dòng ({what}) "
        "đã bị xóa: các dòng đó đã được bỏ khỏi biểu mẫu bên dưới và sẽ không được lưu "
        "lại. Các thay đổi khác của bạn CHƯA được lưu và vẫn còn nguyên bên dưới. Hãy mở "
        "hồ sơ ở một thẻ khác để xem thay đổi đó; nếu vẫn muốn ghi nội dung bên dưới thay "
        "cho thay đổi đó, bấm Lưu lần nữa."
    )


class VersionCheckForm(forms.ModelForm):
    """Adds the hidden ``opened_version`` and refuses a save when the record moved on."""

    # Hidden, but the admin still writes its label (the Nu HTML checker read "Opened
    # version:" on every change page): in Vietnamese like every other.
    opened_version = forms.IntegerField(
        label="Phiên bản đã mở", widget=forms.HiddenInput, required=False
    )
    # Rows of the page's inline formsets whose records no longer exist, ``{model: [pk]}``:
    # set per request by ``OptimisticLockingAdmin.get_form``.
    gone_rows = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            # On a history page the instance is an old revision; its ``version`` is the
            # current one (excluded from history, so read from the live row).
            self.initial.setdefault("opened_version", self.instance.version)

    def clean(self):
        cleaned = super().clean()
        opened = cleaned.get("opened_version")
        if self.instance.pk is None or opened is None:
            return cleaned
        stored = type(self.instance)._default_manager.filter(pk=self.instance.pk)
        if connection.in_atomic_block:
            stored = stored.select_for_update()  # a concurrent save waits for this one
        current = stored.values_list("version", flat=True).first()
        if current is not None and current != opened:
            data = self.data.copy()
            data[self.add_prefix("opened_version")] = str(current)
            self.data = data
            raise ValidationError(
                conflict_message(self.instance, self.gone_rows), code="edit_conflict"
            )
        return cleaned


class OptimisticLockingAdmin:
    """Admin mixin for ``VersionedModel`` records: the version check on the change page."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not issubclass(self.form, VersionCheckForm):
            self.form = type(self.form.__name__, (VersionCheckForm, self.form), {})

    def get_fields(self, request, obj=None):
        # Without declared fields Django lists the form's, the hidden one included: it is
        # placed by get_fieldsets only where the person may save.
        return [name for name in super().get_fields(request, obj) if name != "opened_version"]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or not self.has_change_permission(request, obj):
            return fieldsets
        (name, options), *rest = fieldsets
        first = {**options, "fields": [*options["fields"], "opened_version"]}
        return [(name, first), *rest]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        if issubclass(form, VersionCheckForm):
            form.gone_rows = gone_rows(request)  # a class made for this request
        return form

    def get_formset_kwargs(self, request, obj, inline, prefix):
        """Leave out the submitted rows of records deleted since the page was opened."""
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if (
            "data" not in kwargs
            or kwargs.get("save_as_new")
            or obj is None
            or obj.pk is None
            or not inline.has_change_permission(request, obj)
        ):
            return kwargs
        fk = _foreign_key(inline, type(obj))
        if fk is None:
            return kwargs
        existing = kwargs["queryset"].filter(**{fk.name: obj})
        drop = _missing_rows(kwargs["data"], prefix, inline.model, existing)
        if drop:
            kwargs["data"] = _without_rows(kwargs["data"], prefix, drop)
            if kwargs.get("files"):
                kwargs["files"] = _without_rows(kwargs["files"], prefix, drop, manage=False)
            gone_rows(request).setdefault(inline.model, []).extend(drop.values())
        return kwargs

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        gone = gone_rows(request)
        if gone:
            messages.warning(request, left_out_message(gone, saved=True))

    def render_change_form(self, request, context, *args, **kwargs):
        gone = gone_rows(request)
        adminform = context.get("adminform")
        if (
            gone
            and adminform is not None
            and not adminform.form.has_error(NON_FIELD_ERRORS, "edit_conflict")
        ):
            # Refused for another reason: the conflict message would have said it.
            messages.warning(request, left_out_message(gone, saved=False))
        return super().render_change_form(request, context, *args, **kwargs)


def gone_rows(request) -> dict:
    """The rows left out of this request's formsets, ``{model: [pk, …]}``."""
    return request.__dict__.setdefault("_locking_gone_rows", {})


def _foreign_key(inline, parent):
    for field in inline.model._meta.concrete_fields:
        if (
            field.many_to_one
            and issubclass(parent, field.related_model)
            and inline.fk_name in (None, field.name)
        ):
            return field
    return None


def _missing_rows(data, prefix, model, existing) -> dict[int, object]:
    """The initial rows of formset ``prefix`` whose record is not in ``existing``."""
    try:
        initial = int(data.get(f"{prefix}-INITIAL_FORMS", ""))
    except ValueError:
        return {}  # the formset reports its broken management form itself
    pk_field = model._meta.pk
    submitted = {}
    for index in range(max(initial, 0)):
        value = data.get(f"{prefix}-{index}-{pk_field.name}")
        if value in (None, ""):
            continue
        try:
            submitted[index] = pk_field.to_python(value)
        except ValidationError:
            continue  # tampered: the formset refuses it as usual
    if not submitted:
        return {}
    found = set(existing.filter(pk__in=submitted.values()).values_list("pk", flat=True))
    return {index: pk for index, pk in submitted.items() if pk not in found}


def _without_rows(data, prefix, drop, manage=True):
    """``data`` without the rows ``drop`` (indices) of formset ``prefix``, renumbered."""
    # Field names never start with a digit: "members-2-0-id" is not row 2 of "members".
    row = re.compile(rf"^{re.escape(prefix)}-(\d+)-([^\d].*)$")
    result = data.copy()
    for key in list(result):
        if row.match(key):
            del result[key]
    for key, values in data.lists():
        match = row.match(key)
        if match is None or int(match[1]) in drop:
            continue
        index = int(match[1])
        index -= sum(1 for dropped in drop if dropped < index)
        result.setlist(f"{prefix}-{index}-{match[2]}", values)
    if manage:
        for name in ("TOTAL_FORMS", "INITIAL_FORMS"):
            key = f"{prefix}-{name}"
            try:
                result[key] = str(max(int(data.get(key, "")) - len(drop), 0))
            except ValueError:
                pass
    return result
