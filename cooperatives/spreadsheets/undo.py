"""Undoing the latest import of a kind, when nothing has touched its records since."""

from django.db import transaction
from django.db.models import Case, Max, Value, When
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
)
from core.lib.formatting import vn_number

from .kinds import KINDS


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
        yield model, history.filter(import_batch=batch).order_by("history_id")


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
    touched = []
    for model, records in batch_changes(batch):
        history = get_history_manager_for_model(model)
        pk_name = model._meta.pk.attname
        ids = list(records.values_list(pk_name, "history_id"))
        for part_start in range(0, len(ids), 5000):
            part = ids[part_start : part_start + 5000]
            newest = _newest(history, pk_name, [pk for pk, _ in part])
            for pk, history_id in part:
                if newest.get(pk) != history_id:
                    touched.append((model, pk))
    _check_dependents(batch)
    if touched:
        model, pk = touched[0]
        example = model._default_manager.filter(pk=pk).first()
        name = f"“{example}”" if example is not None else f"#{pk} (đã bị xóa)"
        raise UndoRefused(
            f"Không hoàn tác được lần nhập #{batch.pk}: {vn_number(len(touched))} bản ghi đã được "
            f"sửa hoặc xóa sau lần nhập này (ví dụ {model._meta.verbose_name} {name}). "
            "Hãy sửa trực tiếp các bản ghi đó."
        )


def _check_dependents(batch: ImportBatch) -> None:
    """Refuse to delete created organisations or areas that other records now hang on."""
    model = KINDS[batch.kind].model
    if model not in (Organization, Area):
        return
    created = list(
        get_history_manager_for_model(model)
        .filter(import_batch=batch, history_type="+")
        .values_list("id", flat=True)
    )
    if not created:
        return
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


def _newest(history, pk_name: str, pks: list) -> dict:
    """Return {object pk: id of its newest historical record}."""
    return dict(
        history.filter(**{f"{pk_name}__in": pks})
        .values_list(pk_name)
        .annotate(newest=Max("history_id"))
        .values_list(pk_name, "newest")
    )


@transaction.atomic
def undo_batch(*, batch: ImportBatch, user=None) -> dict[str, int]:
    """Put every record the batch touched back as it was; return what was done.

    Created records are deleted, updated ones restored from the version before the batch.
    The undo itself is kept in the history, with ``user`` as its author.
    """
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    check_undo(batch)
    reason = f"Hoàn tác lần nhập #{batch.pk} “{batch.file_name}”"
    deleted = restored = 0
    # Locations first: restoring or deleting an organisation relies on them.
    for model, records in reversed(list(batch_changes(batch))):
        if model is Area:
            # Units the batch created hang on each other (a commune on its district):
            # communes go first, provinces last.
            rank = Case(
                When(level=Area.Level.COMMUNE, then=Value(0)),
                When(level=Area.Level.DISTRICT, then=Value(1)),
                default=Value(2),
            )
            records = records.order_by(rank, "history_id")
        history = get_history_manager_for_model(model)
        pk_name = model._meta.pk.attname
        for record in records.iterator(chunk_size=1000):
            pk = getattr(record, pk_name)
            if record.history_type == "+":
                obj = model._default_manager.filter(pk=pk).first()
                if obj is not None:
                    obj._history_user = user
                    obj._change_reason = reason
                    obj.delete()
                    deleted += 1
                continue
            previous = (
                history.filter(**{pk_name: pk}, history_id__lt=record.history_id)
                .order_by("-history_id")
                .first()
            )
            if previous is None:
                continue
            obj = previous.instance
            obj._history_user = user
            obj._change_reason = reason
            obj.save()
            restored += 1
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
    return {"deleted": deleted, "restored": restored}
