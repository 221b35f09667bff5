import datetime
from collections import defaultdict

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .imports import ImportedHistory
from .text_fields import FoldedNameMixin

# 1 July 2025: Vietnam's provinces merged and the district level was abolished.
REFORM_DATE = datetime.date(2025, 7, 1)


class AreaQuerySet(models.QuerySet):
    def existing_at(self, day: datetime.date) -> "AreaQuerySet":
        """Areas whose validity interval contains ``day`` (blank ends are open)."""
        return self.filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=day),
            Q(valid_to__isnull=True) | Q(valid_to__gte=day),
        )


class Area(FoldedNameMixin, models.Model):
    class Level(models.TextChoices):
        PROVINCE = "province", _("Tỉnh")
        DISTRICT = "district", _("Huyện")
        COMMUNE = "commune", _("Xã")

    code = models.CharField(_("mã"), max_length=10, unique=True)
    name = models.CharField(_("tên"), max_length=200)
    name_folded = models.CharField(max_length=200, editable=False, db_index=True)
    level = models.CharField(_("cấp"), max_length=10, choices=Level.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("cấp trên"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    valid_from = models.DateField(
        _("hiệu lực từ"), null=True, blank=True, help_text=_("Để trống nếu không rõ.")
    )
    valid_to = models.DateField(
        _("hiệu lực đến"), null=True, blank=True, help_text=_("Để trống nếu còn tồn tại.")
    )
    successors = models.ManyToManyField(
        "self",
        verbose_name=_("thay thế bởi"),
        symmetrical=False,
        blank=True,
        related_name="predecessors",
    )
    history = HistoricalRecords(
        verbose_name=_("lịch sử đơn vị hành chính"), bases=[ImportedHistory]
    )

    objects = AreaQuerySet.as_manager()

    class Meta:
        verbose_name = _("đơn vị hành chính")
        verbose_name_plural = _("đơn vị hành chính")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_from__isnull=True)
                | Q(valid_to__isnull=True)
                | Q(valid_to__gte=models.F("valid_from")),
                name="area_valid_interval",
                violation_error_message=_("Ngày hết hiệu lực phải sau ngày có hiệu lực."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.normalize_names()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "name" in update_fields:
            kwargs["update_fields"] = {*update_fields, "name_folded"}
        super().save(*args, **kwargs)

    def exists_at(self, day: datetime.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )

    @property
    def validity_display(self) -> str:
        """Return the validity interval as people read it, e.g. ``đến 30/06/2025``."""
        start = self.valid_from.strftime("%d/%m/%Y") if self.valid_from else None
        end = self.valid_to.strftime("%d/%m/%Y") if self.valid_to else None
        if start and end:
            return f"từ {start} đến {end}"
        if start:
            return f"từ {start}"
        if end:
            return f"đến {end}"
        return "không thời hạn"


class AreaMap:
    """The whole area tree in memory, for answering date questions without a query per row.

    Loading takes two queries. A province holds a few hundred units and the whole country
    about twelve thousand, so holding them is cheap and saves a query per organisation.
    """

    def __init__(self) -> None:
        self.parent: dict[int, int | None] = {}
        self.bounds: dict[int, tuple[datetime.date | None, datetime.date | None]] = {}
        self.successors: dict[int, list[int]] = defaultdict(list)
        self.children: dict[int, list[int]] = defaultdict(list)
        self._predecessors: dict[int, list[int]] = defaultdict(list)
        self._reaching: dict[frozenset, set[int]] = {}
        for pk, parent_id, valid_from, valid_to in Area.objects.values_list(
            "pk", "parent_id", "valid_from", "valid_to"
        ):
            self.parent[pk] = parent_id
            self.bounds[pk] = (valid_from, valid_to)
            if parent_id is not None:
                self.children[parent_id].append(pk)
        through = Area.successors.through
        for from_id, to_id in through.objects.values_list("from_area_id", "to_area_id"):
            self.successors[from_id].append(to_id)

    def exists_at(self, area_id: int, day: datetime.date) -> bool:
        valid_from, valid_to = self.bounds[area_id]
        return (valid_from is None or valid_from <= day) and (valid_to is None or day <= valid_to)

    def resolve(self, area_id: int | None, day: datetime.date) -> int | None:
        """Return the area that stands for ``area_id`` at ``day``, or None when unplaced.

        An area that does not exist at ``day`` is replaced by its successor while there is
        exactly one; none or several successors leave the organisation unplaced.
        """
        seen = set()
        while area_id is not None and area_id not in seen:
            if self.exists_at(area_id, day):
                return area_id
            seen.add(area_id)
            successors = self.successors.get(area_id, [])
            if len(successors) != 1:
                return None
            area_id = successors[0]
        return None

    def subtree(self, area_id: int) -> set[int]:
        """Return ``area_id`` and every area below it, whatever their dates."""
        found = {area_id}
        stack = [area_id]
        while stack:
            for child in self.children.get(stack.pop(), []):
                if child not in found:
                    found.add(child)
                    stack.append(child)
        return found

    def ancestors(self, area_id: int) -> list[int]:
        """Return ``area_id`` followed by its parents up to the root."""
        chain = []
        while area_id is not None and area_id not in chain:
            chain.append(area_id)
            area_id = self.parent.get(area_id)
        return chain

    def raw_ids_in(self, area_id: int, day: datetime.date) -> set[int]:
        """Return the recorded location areas that count as being in ``area_id`` at ``day``."""
        below = self.subtree(area_id)
        return {pk for pk in self.bounds if self.resolve(pk, day) in below}

    def unplaced_ids(self, day: datetime.date) -> set[int]:
        """Return the recorded location areas that leave an organisation unplaced at ``day``."""
        return {pk for pk in self.bounds if self.resolve(pk, day) is None}

    def reaching(self, area_ids: set[int]) -> set[int]:
        """Return ``area_ids`` and every area whose chain of successors leads into them.

        Those are all the recorded areas that can count in ``area_ids`` on some day.
        """
        key = frozenset(area_ids)
        if key not in self._reaching:
            if not self._predecessors:
                for from_id, to_ids in self.successors.items():
                    for to_id in to_ids:
                        self._predecessors[to_id].append(from_id)
            found, stack = set(area_ids), list(area_ids)
            while stack:
                for earlier in self._predecessors.get(stack.pop(), []):
                    if earlier not in found:
                        found.add(earlier)
                        stack.append(earlier)
            self._reaching[key] = found
        return self._reaching[key]

    def raw_ids_for_scope(self, area_ids, day: datetime.date) -> set[int]:
        """Return the location areas an area officer of ``area_ids`` looks after.

        That is every area below theirs, plus every area whose successor at ``day`` lies
        below theirs: officers of a new commune keep the cooperatives of the old communes
        merged into it, officers of an old district keep those recorded in its communes.
        """
        below: set[int] = set()
        for area_id in area_ids:
            below |= self.subtree(area_id)
        return {pk for pk in self.bounds if pk in below or self.resolve(pk, day) in below}
