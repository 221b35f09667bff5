import datetime
import threading
from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core import freshness

from .imports import ImportedHistory
from .text_fields import FoldedNameMixin


def _date(day: datetime.date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def validity_text(valid_from: datetime.date | None, valid_to: datetime.date | None) -> str:
    """Return a validity interval as people read it, e.g. ``đến 30/06/2025``."""
    if valid_from and valid_to:
        return f"từ {_date(valid_from)} đến {_date(valid_to)}"
    if valid_from:
        return f"từ {_date(valid_from)}"
    if valid_to:
        return f"đến {_date(valid_to)}"
    return "không thời hạn"


def valid_on(valid_from, valid_to, day: datetime.date) -> bool:
    """§2.2 "exists at D" for one interval: ``day`` lies within it (blank ends open)."""
    return (valid_from is None or valid_from <= day) and (valid_to is None or day <= valid_to)


def overlaps(a_from, a_to, b_from, b_to) -> bool:
    """Whether two validity intervals (blank ends open) share a day."""
    return (a_to is None or b_from is None or b_from <= a_to) and (
        b_to is None or a_from is None or a_from <= b_to
    )


class AreaQuerySet(models.QuerySet):
    def existing_at(self, day: datetime.date) -> "AreaQuerySet":
        """Areas that exist at ``day``: it lies within their validity (blank ends are open).

        This is §2.2's "exists at D", the one definition every query uses.
        """
        return self.filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=day),
            Q(valid_to__isnull=True) | Q(valid_to__gte=day),
        )

    def with_code_on(self, code: str, day: datetime.date) -> "Area | None":
        """Return the unit that has ``code`` on ``day``, or None.

        Official codes were reused by the 2025 reform, so a code names a unit only on a
        day: this is the one look-up by code the portal makes (docs/interfaces.md §1).
        """
        return self.filter(code=code).existing_at(day).first()


def code_history(code: str, units=None) -> str:
    """Return which units had ``code`` and when, for messages about a code used on a day.

    E.g. ``Xã Bình Minh (đến 30/06/2025), Xã Nam Minh (từ 01/07/2025)``; empty when no
    unit ever had it.
    """
    if units is None:
        units = Area.objects.filter(code=code).order_by("valid_from")
    ordered = sorted(units, key=lambda a: a.valid_from or datetime.date.min)
    return ", ".join(f"{a.name} ({a.validity_display})" for a in ordered)


def code_not_on_day(code: str, day: datetime.date, units=None) -> str:
    """The Vietnamese message for a code no unit had on ``day`` (§1.2 ``Địa bàn``)."""
    when = code_history(code, units)
    if not when:
        return f"không có đơn vị hành chính nào có mã “{code}”."
    return (
        f"không có đơn vị hành chính nào mang mã “{code}” vào ngày {_date(day)}: mã này là {when}."
    )


class Area(FoldedNameMixin, models.Model):
    class Level(models.TextChoices):
        PROVINCE = "province", _("Tỉnh")
        DISTRICT = "district", _("Huyện")
        COMMUNE = "commune", _("Xã")

    # Not unique: the 2025 reform reused codes. A unit is its code and its validity; two
    # units of one code never overlap (``clean`` and the areas import check it).
    code = models.CharField(_("mã"), max_length=10, db_index=True)
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
        ordering = ["code", models.F("valid_from").asc(nulls_first=True)]
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

    def clean(self):
        super().clean()
        if not self.code:
            return
        clash = (
            Area.objects.filter(code=self.code)
            .exclude(pk=self.pk)
            .filter(
                Q(valid_to__isnull=True) | Q(valid_to__gte=self.valid_from or datetime.date.min),
                Q(valid_from__isnull=True) | Q(valid_from__lte=self.valid_to or datetime.date.max),
            )
            .first()
        )
        if clash is not None:
            raise ValidationError(
                {
                    "code": _(
                        "Mã %(code)s đã thuộc %(name)s (%(when)s); hai đơn vị cùng mã không "
                        "được có hiệu lực trùng nhau."
                    )
                    % {"code": self.code, "name": clash.name, "when": clash.validity_display}
                }
            )

    @property
    def label(self) -> str:
        """The unit without ambiguity: ``Xã Bình Minh · 14011 · đến 30/06/2025``."""
        parts = [self.name, self.code]
        if self.valid_from or self.valid_to:
            parts.append(self.validity_display)
        return " · ".join(parts)

    def exists_at(self, day: datetime.date) -> bool:
        return valid_on(self.valid_from, self.valid_to, day)

    def placement_choices(self) -> list["Area"]:
        """The units an organisation recorded here may be placed in once this one ended.

        Its successors; for a unit that has none (a district the reform abolished, where
        older records were kept), the successors of the units below it that exist the
        day after it ended. Reads ``successors`` and ``children__successors``, so that
        a list can prefetch them.
        """
        found = list(self.successors.all())
        if not found and self.valid_to is not None:
            day_after = self.valid_to + datetime.timedelta(days=1)
            found = {
                s.pk: s
                for child in self.children.all()
                for s in child.successors.all()
                if s.exists_at(day_after)
            }.values()
        return sorted(found, key=lambda a: (a.code, a.valid_from or datetime.date.min))

    @property
    def validity_display(self) -> str:
        """Return the validity interval as people read it, e.g. ``đến 30/06/2025``."""
        return validity_text(self.valid_from, self.valid_to)


class AreaMap:
    """The whole area tree in memory, for answering date questions without a query per row.

    Loading takes two queries. A province holds a few hundred units and the whole country
    about fourteen thousand, so holding them is cheap and saves a query per organisation.
    ``current()`` keeps one per process until the registry's data version moves on: with
    the national units loaded, building it costs a province report as much as the rest.

    ``current()`` is the one cached tree of the portal: reports, public pages, the admin's
    filters and worklists and area officers' scopes all read it. Besides the tree it holds
    each unit's code, name and level (``rows``), and ``memo`` keeps what callers derive
    from it (the public area filter's choices), so that they go when the tree does.
    """

    _lock = threading.Lock()
    _current: "tuple[int, AreaMap] | None" = None

    @classmethod
    def current(cls) -> "AreaMap":
        """The map of the areas as they are now, shared until any registry data changes."""
        version = freshness.version("registry")
        with cls._lock:
            loaded = cls._current
        if loaded is not None and loaded[0] == version:
            return loaded[1]
        area_map = cls()
        with cls._lock:
            cls._current = (version, area_map)
        return area_map

    def __init__(self) -> None:
        self.parent: dict[int, int | None] = {}
        self.bounds: dict[int, tuple[datetime.date | None, datetime.date | None]] = {}
        self.successors: dict[int, list[int]] = defaultdict(list)
        self.children: dict[int, list[int]] = defaultdict(list)
        self._predecessors: dict[int, list[int]] = defaultdict(list)
        self._reaching: dict[frozenset, set[int]] = {}
        self.rows: dict[int, tuple[str, str, str]] = {}  # pk: (code, name, level)
        self.memo: dict = {}
        for pk, parent_id, valid_from, valid_to, code, name, level in Area.objects.values_list(
            "pk", "parent_id", "valid_from", "valid_to", "code", "name", "level"
        ):
            self.rows[pk] = (code, name, level)
            self.parent[pk] = parent_id
            self.bounds[pk] = (valid_from, valid_to)
            if parent_id is not None:
                self.children[parent_id].append(pk)
        through = Area.successors.through
        for from_id, to_id in through.objects.values_list("from_area_id", "to_area_id"):
            self.successors[from_id].append(to_id)

    def exists_at(self, area_id: int, day: datetime.date) -> bool:
        return valid_on(*self.bounds[area_id], day)

    def chain(self, area_id: int) -> str:
        """``Xã Yên Bằng, Huyện Ý Yên, Tỉnh Nam Định``."""
        return ", ".join(self.rows[a][1] for a in self.ancestors(area_id) if a in self.rows)

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
        An old commune split between several new ones (no single successor) belongs to the
        officers of each of them, so that any of them can place its cooperatives.
        """
        below: set[int] = set()
        for area_id in area_ids:
            below |= self.subtree(area_id)
        found = set()
        for pk in self.bounds:
            if pk in below:
                found.add(pk)
                continue
            resolved = self.resolve(pk, day)
            if resolved in below or (
                resolved is None and any(s in below for s in self.successors.get(pk, ()))
            ):
                found.add(pk)
        return found
