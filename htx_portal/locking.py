"""Optimistic locking: two people saving the same record never silently overwrite each other.

A versioned record (``VersionedModel``: organisations, their locations, figures, OCOP
products, loans and members, news articles) gets a new random ``version`` on every full
save, and an organisation's also whenever a record shown on its admin page changes
(``bump_version``); spreadsheet imports and the figures approval move them too. Random
rather than counted, so that restoring an old revision can never bring back a version an
open form still holds.

The admin page (``OptimisticLockingAdmin``) carries the version it was opened with in a
hidden field. On save, the stored version is read under a row lock; if it moved, the form
is refused with a Vietnamese message naming who saved last and when (from the history),
every input and inline row stays on the page as typed, and the hidden field takes the new
version: saving again is then a deliberate overwrite.
"""

import secrets

from django import forms
from django.core.exceptions import ValidationError
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


def last_change(instance):
    """The newest history entry of ``instance`` or of the records its admin page shows."""
    entries = []
    if hasattr(type(instance), "history"):
        entries.append(instance.history.order_by("-history_date").first())
    for relation in instance._meta.related_objects:
        related = relation.related_model
        if relation.one_to_many and hasattr(related, "history"):
            found = related.history.filter(**{relation.field.attname: instance.pk})
            entries.append(found.order_by("-history_date").first())
    entries = [entry for entry in entries if entry is not None]
    return max(entries, key=lambda entry: entry.history_date, default=None)


def conflict_message(instance) -> str:
    entry = last_change(instance)
    who, when = "Một người khác", ""
    if entry is not None:
        user = entry.history_user
        if user is not None:
            # Vietnamese order: family name first ("Nguyễn Thị Lan").
            full = " ".join(part for part in (user.last_name, user.first_name) if part)
            who = full or user.get_username()
        moment = timezone.localtime(entry.history_date)
        when = f" lúc {moment:%H:%M} ngày {moment:%d/%m/%Y}"
    return (
        f"{who} đã lưu hồ sơ này{when}, sau khi bạn mở trang. Thay đổi của bạn CHƯA được "
        "lưu và vẫn còn nguyên bên dưới. Hãy mở hồ sơ ở một thẻ khác để xem thay đổi đó; "
        "nếu vẫn muốn ghi nội dung bên dưới thay cho thay đổi đó, bấm Lưu lần nữa."
    )


class VersionCheckForm(forms.ModelForm):
    """Adds the hidden ``opened_version`` and refuses a save when the record moved on."""

    opened_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

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
            raise ValidationError(conflict_message(self.instance), code="edit_conflict")
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
