"""Undoing the latest import of a kind, when nothing has touched its records since."""

from django.conf import settings
from django.db import connection, models, transaction
from django.db.models import Count, Exists, Max, Min, OuterRef
from django.utils import timezone
from simple_history.utils import get_history_manager_for_model

from cooperatives.models import (
    Area,
    Figures,
    ImportBatch,
    Loan,
    Location,
    Member,
    OcopProduct,
    Organization,
    recorded_area_at,
)
from core.database import analyze
from core.lib.formatting import vn_number
from core.locking import VersionedModel, bump_version, new_version

from .engine import HistoryWriter
from .kinds import KINDS

CHUNK = 1000


class UndoRefused(Exception):
    """The batch cannot be undone; the message says why, in Vietnamese."""


def _models(kind_name: str) -> list:
    model = KINDS[kind_name].model
    # An organisation import also writes head-office locations.
    return [model, Location] if kind_name == "organizations" else [model]


def batch_changes(batch: ImportBatch):
    """Return the historical records the batch made, model by model."""
    for model in _models(batch.kind):
        history = get_history_manager_for_model(model)
        span = _span(history, batch)
        # The lower bound lets the database walk the primary key from the batch's first
        # record, not from the start of a history of millions.
        records = (
            history.none()
            if span is None
            else history.filter(import_batch=batch, history_id__gte=span[0])
        )
        yield model, records.order_by("history_id")


def _span(history, batch: ImportBatch) -> tuple[int, int, int] | None:
    """The first and last ids of the batch's historical records in ``history``, and
    how many there are; None if it wrote none there.

    Grouped, so that PostgreSQL reads them from the ``import_batch`` index: a plain
    ``MIN(history_id)`` may walk the primary key from the start of the history, hoping to
    meet the batch early. Kept on ``batch`` for the rest of the request (the batch page
    reads it for the preview and for the undo check).
    """
    spans = batch.__dict__.setdefault("_history_spans", {})
    if history.model not in spans:
        spans[history.model] = (
            history.filter(import_batch=batch)
            .order_by()
            .values("import_batch")
            .annotate(first=Min("history_id"), last=Max("history_id"), count=Count("*"))
            .values_list("first", "last", "count")
            .order_by("first")
            .first()
        )
    return spans[history.model]


def check_undo(batch: ImportBatch) -> None:
    """Raise ``UndoRefused`` unless ``batch`` can be undone now."""
    if batch.undone_at is not None:
        raise UndoRefused(
            f"Lần nhập #{batch.pk} đã được hoàn tác lúc {batch.undone_at:%H:%M %d/%m/%Y}."
        )
    latest = (
        ImportBatch.objects.filter(kind=batch.kind, undone_at__isnull=True)
        .order_by("-created_at", "-pk")
        .first()
    )
    if latest is not None and latest.pk != batch.pk:
        raise UndoRefused(
            f"Chỉ hoàn tác được lần nhập mới nhất của loại “{batch.get_kind_display()}” "
            f"(lần #{latest.pk}); hãy hoàn tác lần đó trước."
        )
    touched, example = 0, None
    for model in _models(batch.kind):
        found = _touched(model, batch)
        if found["count"] and not touched:
            example = (model, found["example"])
        touched += found["count"]
    _check_dependents(batch)
    if touched:
        model, pk = example
        record = model._default_manager.filter(pk=pk).first()
        name = f"“{record}”" if record is not None else f"#{pk} (đã bị xóa)"
        raise UndoRefused(
            f"Không hoàn tác được lần nhập #{batch.pk}: {vn_number(touched)} bản ghi đã được "
            f"sửa hoặc xóa sau lần nhập này (ví dụ {model._meta.verbose_name} {name}). "
            "Hãy sửa trực tiếp các bản ghi đó."
        )


def _touched(model, batch: ImportBatch) -> dict:
    """How many of the records of ``model`` the batch wrote have a newer version.

    Two queries, whatever the batch's size. A record is touched when a later historical
    record of the same row exists; these are looked for among the records written after
    the batch's last one (for the latest batch of a kind: the edits since), not among the
    batch's own, which may be 100,000. Only if other records were written between the
    batch's first and last (counted in the primary key's index) are those read too.
    """
    history = get_history_manager_for_model(model)
    span = _span(history, batch)
    if span is None:
        return {"count": 0, "example": None}
    first, last, count = span
    pk_name = model._meta.pk.attname
    later = history.filter(history_id__gt=last)
    if history.filter(history_id__range=(first, last)).count() != count:
        later = history.filter(history_id__gt=first).exclude(import_batch=batch)
    written = history.filter(import_batch=batch, history_id__gte=first)
    return later.filter(
        Exists(
            written.filter(**{pk_name: OuterRef(pk_name)}, history_id__lt=OuterRef("history_id"))
        )
    ).aggregate(count=Count(pk_name, distinct=True), example=Min(pk_name))


def _check_dependents(batch: ImportBatch) -> None:
    """Refuse to delete created organisations or areas that other records now hang on."""
    model = KINDS[batch.kind].model
    if model not in (Organization, Area):
        return
    # A subquery, not a list: an import may have created 100,000 of them.
    created = (
        get_history_manager_for_model(model)
        .filter(import_batch=batch, history_type="+")
        .values("id")
    )
    if model is Organization:
        related = [
            (Figures, "số liệu"),
            (OcopProduct, "sản phẩm OCOP"),
            (Loan, "khoản vay"),
            (Member, "thành viên"),
        ]
        for related_model, label in related:
            if related_model.objects.filter(organization_id__in=created).exists():
                raise UndoRefused(
                    f"Không hoàn tác được lần nhập #{batch.pk}: các tổ chức nó tạo đã có {label} "
                    "được nhập sau. Hãy hoàn tác các lần nhập đó trước."
                )
    elif (
        Location.objects.filter(area_id__in=created).exists()
        or Area.objects.filter(parent_id__in=created).exclude(pk__in=created).exists()
    ):
        raise UndoRefused(
            f"Không hoàn tác được lần nhập #{batch.pk}: đã có tổ chức hoặc đơn vị khác gắn với "
            "các đơn vị hành chính nó tạo."
        )


@transaction.atomic
def undo_batch(*, batch: ImportBatch, user=None, progress=None) -> dict[str, int]:
    """Put every record the batch touched back as it was; return what was done.

    Created records are deleted, updated ones restored from the version before the batch.
    The undo itself is kept in the history, with ``user`` as its author.

    Written in bulk, as the import is (``engine._write``): a few statements per thousand
    records, whatever the model, so that undoing a file of tens of thousands of rows takes
    seconds. What saving or deleting each record would do besides is done here in bulk:
    the history records, new versions for open forms (core/locking.py), the organisations'
    current area; the data versions (core/freshness.py) move with the batch's own save.
    ``progress(done, total)`` hears the records undone so far of the batch's records.
    """
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    check_undo(batch)
    undo = _BulkUndo(batch=batch, user=user, progress=progress)
    # Locations first: restoring or deleting an organisation relies on them.
    for model, records in reversed(list(batch_changes(batch))):
        created, changed = [], []
        for pk, history_type in records.values_list(model._meta.pk.attname, "history_type"):
            (created if history_type == "+" else changed).append(pk)
        undo.deleted += undo.delete(model, created)
        undo.restored += undo.restore(model, changed)
    undo.finish()
    successors = batch.undo_data.get("successors")
    if successors:
        through = Area.successors.through
        existing = set(
            Area.objects.filter(pk__in=[int(k) for k in successors]).values_list("pk", flat=True)
        )
        through.objects.filter(from_area_id__in=existing).delete()
        through.objects.bulk_create(
            [
                through(from_area_id=int(from_id), to_area_id=to_id)
                for from_id, to_ids in successors.items()
                if int(from_id) in existing
                for to_id in to_ids
            ],
            ignore_conflicts=True,
        )
    batch.undone_at = timezone.now()
    batch.undone_by = user if user is not None and user.pk else None
    batch.save(update_fields=["undone_at", "undone_by"])
    if batch.created + batch.updated > settings.ANALYZE_AFTER_ROWS:
        analyze(*_models(batch.kind))  # as after the import itself, once committed
    return {"deleted": undo.deleted, "restored": undo.restored}


def _chunks(items, size: int = CHUNK):
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _tracked(model) -> bool:
    return hasattr(model._meta, "simple_history_manager_attribute")


def _organization_ids(model, pks) -> set:
    """The organisations whose admin page shows the records ``pks`` of ``model``."""
    if not any(f.name == "organization" for f in model._meta.concrete_fields):
        return set()
    found = set()
    for part in _chunks(pks):
        found.update(
            model._base_manager.filter(pk__in=part).values_list("organization_id", flat=True)
        )
    return found - {None}


class _BulkUndo:
    """The writes of one undo, a few statements per ``CHUNK`` records."""

    def __init__(self, *, batch: ImportBatch, user, progress=None) -> None:
        self.batch = batch
        self.progress = progress
        self.total = batch.created + batch.updated
        self.done = 0
        self.history = HistoryWriter(
            user=user, reason=f"Hoàn tác lần nhập #{batch.pk} “{batch.file_name}”", batch=None
        )
        self.deleted = self.restored = 0
        # Organisations whose page shows a changed record (a new version), and those
        # whose locations changed (their current area is derived from them).
        self.shown: set = set()
        self.moved: set = set()

    def delete(self, model, pks) -> int:
        """Delete the records ``pks`` of ``model`` that still exist, as ``Model.delete``
        would: dependents cascaded, a "-" history record each; return how many."""
        pks = {pk for part in _chunks(pks) for pk in _existing(model, part)}
        if not pks:
            return 0
        self._clear_dependents(model, pks)
        organizations = _organization_ids(model, pks)
        self.shown |= organizations
        if model is Location:
            self.moved |= organizations
        if _tracked(model):
            self.history.write(model, sorted(pks), "-")
        for part in _chunks(sorted(pks)):
            # No per-record signals: what they do is done above and in ``finish``.
            model._base_manager.filter(pk__in=part)._raw_delete(model._base_manager.db)
            self._tick(len(part))
        return len(pks)

    def _tick(self, records: int) -> None:
        # Cascaded dependents count too: the figure is capped at the batch's records.
        if self.progress is not None:
            self.done += records
            self.progress(min(self.done, self.total), self.total)

    def _clear_dependents(self, model, pks: set) -> None:
        """Do for the records that refer to ``pks`` what their ``on_delete`` asks."""
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            for part in _chunks(pks):
                through._base_manager.filter(**{f"{field.m2m_field_name()}__in": part}).delete()
        for relation in model._meta.related_objects:
            field = relation.field
            if relation.many_to_many:
                through = field.remote_field.through
                name = field.m2m_reverse_field_name()
                for part in _chunks(pks):
                    through._base_manager.filter(**{f"{name}__in": part}).delete()
                continue
            related = relation.related_model
            if relation.on_delete is models.DO_NOTHING:
                continue
            dependents = set()
            for part in _chunks(pks):
                dependents.update(
                    related._base_manager.filter(**{f"{field.name}__in": part}).values_list(
                        "pk", flat=True
                    )
                )
            if related is model:
                dependents -= pks  # deleted together (a commune with its district)
            if not dependents:
                continue
            if relation.on_delete is models.CASCADE:
                self.delete(related, dependents)
            elif relation.on_delete in (models.PROTECT, models.RESTRICT):
                raise UndoRefused(
                    f"Không hoàn tác được lần nhập #{self.batch.pk}: "
                    f"{vn_number(len(dependents))} {related._meta.verbose_name} gắn với các "
                    f"{model._meta.verbose_name} lần nhập này tạo. Hãy xóa hoặc sửa các "
                    "bản ghi đó trước."
                )
            elif relation.on_delete is models.SET_NULL:
                for part in _chunks(sorted(dependents)):
                    related._base_manager.filter(pk__in=part).update(**{field.name: None})
            else:
                raise TypeError(
                    f"Undo cannot apply on_delete={relation.on_delete.__name__} of "
                    f"{related._meta.label}.{field.name}."
                )

    def restore(self, model, pks) -> int:
        """Write back, for each record ``pks`` of ``model``, its version before the batch,
        as saving it would (a new ``version``, ``auto_now`` fields set, a "~" history
        record); return how many had one."""
        if not pks:
            return 0
        history = get_history_manager_for_model(model)
        history_model = history.model
        pk_name = model._meta.pk.attname
        quote = connection.ops.quote_name
        now = timezone.now()
        tracked = {f.attname for f in history_model._meta.concrete_fields}
        assignments, constants = [], []
        for field in model._meta.concrete_fields:
            if field.primary_key:
                continue
            column = quote(field.column)
            if getattr(field, "auto_now", False):
                assignments.append(f"{column} = %s")
                constants.append(connection.ops.adapt_datetimefield_value(now))
            elif field.attname == "version" and issubclass(model, VersionedModel):
                assignments.append(f"{column} = %s")
                constants.append(new_version())  # an open form must see the change
            elif field.attname in tracked:
                assignments.append(f"{column} = previous.{column}")
        table, pk_column = quote(model._meta.db_table), quote(model._meta.pk.column)
        history_table, history_id = quote(history_model._meta.db_table), quote("history_id")
        restored = []
        for part in _chunks(pks):
            # The newest record of each row that this batch did not write: check_undo made
            # sure the batch wrote the newest of all, so this is the one just before it.
            previous = list(
                history.filter(**{f"{pk_name}__in": part})
                .exclude(import_batch_id=self.batch.pk)
                .values(pk_name)
                .annotate(previous=Max("history_id"))
                .values_list("previous", flat=True)
            )
            if not previous:
                continue
            with connection.cursor() as cursor:
                cursor.execute(
                    f"UPDATE {table} SET {', '.join(assignments)} "
                    f"FROM {history_table} AS previous "
                    f"WHERE previous.{history_id} IN ({', '.join(['%s'] * len(previous))}) "
                    f"AND {table}.{pk_column} = previous.{pk_column}",
                    [*constants, *previous],
                )
            restored += history.filter(history_id__in=previous).values_list(pk_name, flat=True)
            self._tick(len(previous))
        if not restored:
            return 0
        organizations = _organization_ids(model, restored)
        self.shown |= organizations
        if model is Location:
            self.moved |= organizations
        elif model is Organization:
            self.moved.update(restored)  # the restored ``area`` may be stale
        self.history.write(model, restored, "~")
        return len(restored)

    def finish(self) -> None:
        """Refresh what the organisations derive from the records changed."""
        for part in _chunks(sorted(self.moved)):
            # ``Organization.refresh_area``: a cached pointer, no history entry.
            Organization.objects.filter(pk__in=part).update(area_id=recorded_area_at(None))
        for part in _chunks(sorted(self.shown)):
            bump_version(Organization, part)


def _existing(model, pks) -> list:
    return list(model._base_manager.filter(pk__in=pks).values_list("pk", flat=True))
