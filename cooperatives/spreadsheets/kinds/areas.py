"""Administrative units: the kind every other record hangs on, through its organisations."""

import datetime
from dataclasses import dataclass

from cooperatives.models import Area, validity_text
from cooperatives.models.areas import overlaps
from core.lib.text import fold
from core.spreadsheets import cells
from core.spreadsheets.cells import CellError

from ..base import Column, choice_from
from .common import AreaIndex, Kind

LEVELS = choice_from(Area.Level)
LEVEL_RANK = {Area.Level.PROVINCE: 0, Area.Level.DISTRICT: 1, Area.Level.COMMUNE: 2}


def _codes(value) -> list[str]:
    return [code.strip() for code in cells.text(value).split(";") if code.strip()]


@dataclass(eq=False)
class FileUnit:
    """A unit as a row of an areas file describes it, for references within the file."""

    row: object
    code: str
    name: str
    level: str | None
    valid_from: datetime.date | None
    valid_to: datetime.date | None
    stored: Area | None = None  # the stored unit the row updates

    @property
    def validity_display(self) -> str:
        return validity_text(self.valid_from, self.valid_to)

    @property
    def label(self) -> str:
        return f"{self.name} · {self.code} · {self.validity_display} (dòng {self.row.number})"


class AreaKind(Kind):
    name = "areas"
    file_stem = "don-vi-hanh-chinh"
    label = "Đơn vị hành chính"
    model = Area
    key_header = "Mã"
    key_label = "cả hai dòng cùng mã và có hiệu lực trùng với một đơn vị đã lưu"
    references = {"parent": "Mã cấp trên", "successors": "Thay thế bởi"}
    extra_labels = {"_parent": "cấp trên", "_successors": "thay thế bởi"}
    columns = [
        Column(
            "Mã",
            "code",
            cells.text,
            True,
            (
                "Mã đơn vị hành chính (tỉnh 2 số, huyện 3 số, xã 5 số). Mã có thể được dùng "
                "lại sau sắp xếp 2025: hai đơn vị cùng mã không được có hiệu lực trùng nhau."
            ),
            example="13900",
        ),
        Column(
            "Tên",
            "name",
            cells.text,
            True,
            "Tên đầy đủ, ví dụ Huyện Ý Yên, Xã Yên Bằng.",
            example="Xã Yên Bằng",
        ),
        Column(
            "Cấp",
            "level",
            LEVELS,
            True,
            "Cấp hành chính; thành phố, thị xã, phường, thị trấn ghi theo cấp tương ứng.",
            LEVELS.labels,
            example="Xã",
        ),
        Column(
            "Mã cấp trên",
            "parent",
            cells.text,
            False,
            (
                "Mã (hoặc tên) đơn vị cấp trên, tra theo ngày “Hiệu lực từ” (trống: ngày "
                "“Hiệu lực đến”; cả hai trống: hôm nay); bắt buộc với Huyện và Xã. "
                "Có thể là đơn vị ở dòng sau trong cùng tệp."
            ),
            example="360",
        ),
        Column(
            "Hiệu lực từ",
            "valid_from",
            cells.date,
            False,
            "Ngày đơn vị bắt đầu tồn tại; để trống nếu không rõ.",
            kind="date",
        ),
        Column(
            "Hiệu lực đến",
            "valid_to",
            cells.date,
            False,
            "Ngày cuối cùng đơn vị tồn tại; để trống nếu còn tồn tại.",
            example=datetime.date(2025, 6, 30),
            kind="date",
        ),
        Column(
            "Thay thế bởi",
            "successors",
            _codes,
            False,
            ("Mã các đơn vị tiếp nhận, cách nhau bởi dấu ; — tra theo ngày sau “Hiệu lực đến”."),
            example="15001",
        ),
    ]

    # A unit is its code and its validity (docs/interfaces.md §1.1): a row updates the
    # stored unit of its code whose validity overlaps the row's, or creates one. References
    # (``Mã cấp trên``, ``Thay thế bởi``) name a code on a day and resolve to a unit of
    # this file or a stored one: ``Ref`` below, turned into a primary key once written.

    def key(self, row):
        return self.matched.get(row.number) or ("new", row.number)

    def resolve(self, ctx, rows, errors):
        stored = list(Area.objects.all())
        by_code: dict[str, list[Area]] = {}
        for area in stored:
            by_code.setdefault(area.code, []).append(area)
        self.matched: dict[int, int] = {}  # row number -> pk of the stored unit it updates
        in_file: dict[str, list[FileUnit]] = {}
        units = []
        for row in rows:
            data = row.data
            code = data.get("code")
            if not code or not row.ok:
                continue
            unit = FileUnit(row, code, data.get("name") or "", data.get("level"),
                            data.get("valid_from"), data.get("valid_to"))  # fmt: skip
            for other in in_file.get(code, []):
                if overlaps(unit.valid_from, unit.valid_to, other.valid_from, other.valid_to):
                    errors.add(
                        row, "Mã",
                        f"trùng với dòng {other.row.number} trong cùng tệp: hai đơn vị cùng "
                        "mã có hiệu lực trùng nhau.",
                    )  # fmt: skip
                    break
            else:
                in_file.setdefault(code, []).append(unit)
                units.append(unit)
            clashing = [
                a for a in by_code.get(code, [])
                if overlaps(unit.valid_from, unit.valid_to, a.valid_from, a.valid_to)
            ]  # fmt: skip
            if len(clashing) > 1:
                listed = "; ".join(a.label for a in clashing)
                errors.add(
                    row, "Mã",
                    f"có hiệu lực trùng với nhiều đơn vị đã lưu cùng mã ({listed}): hãy ghi "
                    "“Hiệu lực từ”, “Hiệu lực đến” để chỉ rõ đơn vị nào.",
                )  # fmt: skip
            elif clashing:
                self.matched[row.number] = clashing[0].pk
                unit.stored = clashing[0]
        # Stored units that a row of this file updates are known by the row's validity.
        updated = set(self.matched.values())
        self.index = AreaIndex([*units, *(a for a in stored if a.pk not in updated)])
        self.stored_by_pk = {a.pk: a for a in stored}
        for row in rows:
            data = row.data
            first_day = data.get("valid_from") or data.get("valid_to") or ctx.today
            parent = data.get("parent")
            if isinstance(parent, str):
                data["parent"] = self._find(row, "Mã cấp trên", parent, first_day, errors)
            successors = data.get("successors")
            if isinstance(successors, list):
                end = data.get("valid_to")
                if successors and end is None:
                    errors.add(
                        row, "Thay thế bởi",
                        "có đơn vị thay thế, nhưng “Hiệu lực đến” bỏ trống: hãy ghi ngày cuối "
                        "cùng đơn vị này tồn tại.",
                    )  # fmt: skip
                    continue
                day_after = end + datetime.timedelta(days=1) if end else None
                data["successors"] = [
                    self._find(row, "Thay thế bởi", code, day_after, errors) for code in successors
                ]
            self._check(row, errors)

    def _find(self, row, header, value, day, errors):
        """Return the unit (``FileUnit`` or ``Area``) a reference names on ``day``."""
        try:
            return self.index.find(value, day)
        except CellError as error:
            errors.add(row, header, f"(“{value}”) {error}")
            return None

    def _check(self, row, errors):
        data = row.data
        level, parent = data.get("level"), data.get("parent")
        if level in (Area.Level.DISTRICT, Area.Level.COMMUNE) and data.get("parent") is None:
            if row.ok:
                errors.add(row, "Mã cấp trên", "bỏ trống, nhưng Huyện và Xã phải có cấp trên.")
        if parent and level and parent.level and LEVEL_RANK[parent.level] >= LEVEL_RANK[level]:
            errors.add(row, "Mã cấp trên", "không phải là đơn vị cấp trên của đơn vị này.")
        start, end = data.get("valid_from"), data.get("valid_to")
        if start and end and end < start:
            errors.add(row, "Hiệu lực đến", "trước ngày “Hiệu lực từ”.")

    def load_existing(self, ctx, rows):
        wanted = [self.matched[row.number] for row in rows if row.number in self.matched]
        found = {pk: self.stored_by_pk[pk] for pk in wanted}
        self.successor_ids: dict[int, set[int]] = {}
        through = Area.successors.through.objects.filter(from_area_id__in=wanted)
        for from_id, to_id in through.values_list("from_area_id", "to_area_id"):
            self.successor_ids.setdefault(from_id, set()).add(to_id)
        return found

    def values(self, row, current):
        values = super().values(row, current)
        values["name_folded"] = fold(values.get("name", getattr(current, "name", "")))
        return values

    @staticmethod
    def _stored_pk(ref) -> int | None:
        """The primary key a reference has before writing (None: a unit this file creates)."""
        if isinstance(ref, Area):
            return ref.pk
        return ref.stored.pk if ref.stored is not None else None

    def extra_changes(self, row, current):
        changes = []
        if "parent" in row.present:
            parent = row.data.get("parent")
            wanted = self._stored_pk(parent) if parent else None
            if wanted is None and parent or wanted != current.parent_id:
                changes.append("_parent")
        if "successors" in row.present:
            successors = [s for s in row.data.get("successors") or [] if s]
            wanted = {self._stored_pk(s) for s in successors}
            if None in wanted or wanted != self.successor_ids.get(current.pk, set()):
                changes.append("_successors")
        return changes

    def _written(self, creates, updates) -> list:
        rows = [(row, obj) for row, obj in creates] + [(row, obj) for row, obj, _ in updates]
        for row, obj in rows:
            row.data["_unit"] = obj
        return rows

    @staticmethod
    def _pk(ref) -> int:
        if isinstance(ref, Area):
            return ref.pk
        if ref.stored is not None:
            return ref.stored.pk
        return ref.row.data["_unit"].pk

    def link(self, ctx, creates, updates):
        changed = []
        for row, obj in self._written(creates, updates):
            if "parent" not in row.present:
                continue
            parent = row.data.get("parent")
            new_parent = self._pk(parent) if parent else None
            if obj.parent_id != new_parent:
                obj.parent_id = new_parent
                changed.append(obj)
        if changed:
            Area.objects.bulk_update(changed, ["parent"], batch_size=1000)

    def written_models(self) -> list:
        return [Area, Area.successors.through]

    def after_write(self, ctx, creates, updates, batch, history):
        through = Area.successors.through
        touched, links = [], []
        for row, obj in self._written(creates, updates):
            if "successors" not in row.present:
                continue
            touched.append(obj.pk)
            for successor in row.data.get("successors") or []:
                if successor:
                    links.append(through(from_area_id=obj.pk, to_area_id=self._pk(successor)))
        if touched:
            previous: dict[str, list[int]] = {str(pk): [] for pk in touched}
            for from_id, to_id in through.objects.filter(from_area_id__in=touched).values_list(
                "from_area_id", "to_area_id"
            ):
                previous[str(from_id)].append(to_id)
            # History does not cover the successor lists: keep them for an undo.
            batch.undo_data["successors"] = previous
            batch.save(update_fields=["undo_data"])
            through.objects.filter(from_area_id__in=touched).delete()
            through.objects.bulk_create(links, ignore_conflicts=True, batch_size=2000)

    def export_queryset(self, user=None):
        return Area.objects.select_related("parent").prefetch_related("successors").order_by("code")

    def export_values(self, area):
        return [
            area.code,
            area.name,
            area.get_level_display(),
            area.parent.code if area.parent else "",
            area.valid_from,
            area.valid_to,
            "; ".join(sorted(s.code for s in area.successors.all())),
        ]
