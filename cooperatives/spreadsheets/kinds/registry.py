"""Areas and organisations: the two kinds other records hang on."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import OuterRef, Subquery

from cooperatives.models import (
    Area,
    Location,
    Organization,
    Sector,
    recorded_area_at,
    validity_text,
)
from cooperatives.models.areas import overlaps
from core.lib.text import fold
from core.locking import new_version

from .. import cells
from ..base import Column, choice_from, money_nonnegative
from ..cells import CellError
from .common import AreaIndex, Kind, chunks, resolve_reference, scoped

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

    # A unit is its code and its validity (DATA-CONTRACT.md §1.1): a row updates the
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


KINDS = choice_from(
    Organization.Kind,
    {
        "LHHTX": Organization.Kind.UNION,
        "THT": Organization.Kind.GROUP,
        "QTDND": Organization.Kind.CREDIT_FUND,
        "Hợp tác xã": Organization.Kind.HTX,
        "Quỹ tín dụng nhân dân": Organization.Kind.CREDIT_FUND,
    },
)
STATUSES = choice_from(Organization.Status)


class OrganizationKind(Kind):
    name = "organizations"
    label = "Tổ chức kinh tế tập thể"
    model = Organization
    key_label = "cùng mã số"
    references = {"sector": "Lĩnh vực", "area": "Địa bàn", "area_since": "Địa bàn từ ngày"}
    extra_labels = {"_location": "địa bàn trụ sở"}
    columns = [
        Column(
            "Mã số",
            "code",
            cells.text,
            True,
            "Mã số HTX (cũng là mã số thuế), duy nhất, không dùng lại.",
            example="0600123456",
        ),
        Column(
            "Tên",
            "name",
            cells.text,
            True,
            "Tên đầy đủ.",
            example="HTX Dịch vụ nông nghiệp Yên Bằng",
        ),
        Column(
            "Loại hình",
            "kind",
            KINDS,
            True,
            "HTX, Liên hiệp HTX (LHHTX), Tổ hợp tác (THT) hoặc Quỹ TDND (QTDND).",
            KINDS.labels,
            example="HTX",
        ),
        Column(
            "Lĩnh vực",
            "sector",
            cells.text,
            True,
            "Một lĩnh vực trong danh mục.",
            example="Nông nghiệp",
        ),
        Column(
            "Địa bàn",
            "area",
            cells.text,
            True,
            (
                "Mã hoặc tên xã (hoặc huyện với hồ sơ cũ) nơi đặt trụ sở, tra theo ngày "
                "“Địa bàn từ ngày” (trống: ngày thành lập với tổ chức mới, ngày nhập khi "
                "chuyển địa bàn)."
            ),
            example="13900",
        ),
        Column(
            "Địa bàn từ ngày",
            "area_since",
            cells.date,
            False,
            (
                "Ngày bắt đầu ở địa bàn này; để trống: ngày thành lập (tổ chức mới) "
                "hoặc ngày nhập (chuyển địa bàn)."
            ),
            kind="date",
        ),
        Column(
            "Ngày thành lập",
            "founded_on",
            cells.date,
            True,
            "Ngày thành lập hoặc đăng ký.",
            example=datetime.date(2016, 3, 15),
            kind="date",
        ),
        Column("Địa chỉ", "address", cells.text, example="Thôn Đông, xã Yên Bằng"),
        Column("Điện thoại", "phone", cells.text, example="0228 3820 123"),
        Column("Email", "email", cells.text),
        Column("Người đại diện", "representative", cells.text, example="Trần Văn An"),
        Column(
            "Vốn điều lệ (triệu đồng)",
            "charter_capital",
            money_nonnegative,
            help="Vốn điều lệ, triệu đồng.",
            example=1500,
            kind="number",
        ),
        Column(
            "Mã số thuế",
            "tax_code",
            cells.text,
            help="Khi khác mã số hoặc được cấp sau; để trống nếu chưa có.",
        ),
        Column(
            "Thành viên Liên minh",
            "is_alliance_member",
            cells.yes_no,
            help="Có/Không; mặc định Không.",
            allowed=["Có", "Không"],
            example=True,
            kind="bool",
            default=False,
        ),
        Column("Ngày gia nhập Liên minh", "alliance_joined_on", cells.date, kind="date"),
        Column(
            "HTX kiểu mới",
            "is_new_model",
            cells.yes_no,
            help="Có/Không; mặc định Không.",
            allowed=["Có", "Không"],
            example=False,
            kind="bool",
            default=False,
        ),
        Column(
            "Tình trạng",
            "status",
            STATUSES,
            help="Mặc định Đang hoạt động.",
            allowed=STATUSES.labels,
            example="Đang hoạt động",
            default=Organization.Status.ACTIVE,
        ),
        Column(
            "Ngày đổi tình trạng",
            "status_changed_on",
            cells.date,
            help="Bắt buộc khi tình trạng không phải Đang hoạt động.",
            kind="date",
        ),
        Column(
            "Công khai",
            "is_public",
            cells.yes_no,
            help="Hiển thị trên trang công khai; mặc định Có.",
            allowed=["Có", "Không"],
            example=True,
            kind="bool",
            default=True,
        ),
    ]

    def key(self, row):
        return row.data["code"]

    def resolve(self, ctx, rows, errors):
        sectors = {fold(s.name): s for s in Sector.objects.all()}
        self.sector_names = [s.name for s in sectors.values()]
        # ``Địa bàn`` names the unit with that code on ``Địa bàn từ ngày``; blank: the
        # founding day of a new organisation, the import day for one already registered.
        codes = [c for c in (row.data.get("code") for row in rows) if c]
        known = set()
        for part in chunks(codes):
            known.update(Organization.objects.filter(code__in=part).values_list("code", flat=True))

        def day_of(row):
            data = row.data
            if data.get("area_since"):
                return data["area_since"]
            return ctx.today if data.get("code") in known else data.get("founded_on")

        resolve_reference(rows, errors, AreaIndex(), "Địa bàn", "area", day_of)
        for row in rows:
            sector = row.data.get("sector")
            if isinstance(sector, str):
                found = sectors.get(fold(sector))
                if found is None:
                    allowed = ", ".join(f"“{n}”" for n in self.sector_names)
                    errors.add(row, "Lĩnh vực", f"không có trong danh mục lĩnh vực: {allowed}.")
                row.data["sector"] = found
            email = row.data.get("email")
            if email:
                try:
                    validate_email(email)
                except ValidationError:
                    errors.add(row, "Email", "không phải là địa chỉ email hợp lệ.")

    def load_existing(self, ctx, rows):
        found = {}
        for part in chunks([row.data["code"] for row in rows]):
            for org in Organization.objects.filter(code__in=part):
                found[org.code] = org
        latest = Location.objects.filter(organization=OuterRef("pk")).order_by("-valid_from")
        self.current_location = {}
        ids = [org.pk for org in found.values()]
        for part in chunks(ids):
            for pk, area_id, since in (
                Organization.objects.filter(pk__in=part)
                .annotate(
                    loc_area=Subquery(latest.values("area_id")[:1]),
                    loc_since=Subquery(latest.values("valid_from")[:1]),
                )
                .values_list("pk", "loc_area", "loc_since")
            ):
                self.current_location[pk] = (area_id, since)
        return found

    def check_row(self, ctx, row, current, errors):
        if current is not None and not ctx.may_touch_organization(current):
            errors.add(row, "Mã số", "là tổ chức không thuộc địa bàn bạn phụ trách.")
            return
        area = row.data.get("area")
        moving = current is None or self._move(row, current) is not None
        if isinstance(area, Area) and moving and not ctx.may_use_area(area):
            errors.add(row, "Địa bàn", "không thuộc địa bàn bạn phụ trách.")
        status = self.effective(row, current, "status") or Organization.Status.ACTIVE
        changed_on = self.effective(row, current, "status_changed_on")
        founded = self.effective(row, current, "founded_on")
        if status != Organization.Status.ACTIVE and changed_on is None:
            errors.add(
                row,
                "Ngày đổi tình trạng",
                "bỏ trống, nhưng bắt buộc khi tình trạng không phải “Đang hoạt động”.",
            )
        if changed_on and founded and changed_on < founded:
            errors.add(row, "Ngày đổi tình trạng", "trước ngày thành lập.")
        joined = self.effective(row, current, "alliance_joined_on")
        if joined and founded and joined < founded:
            errors.add(row, "Ngày gia nhập Liên minh", "trước ngày thành lập.")

    def values(self, row, current):
        values = super().values(row, current)
        if row.data.get("sector") is not None:
            values["sector"] = row.data["sector"]
        values["name_folded"] = fold(values.get("name", getattr(current, "name", "")))
        if current is None:
            values["area"] = row.data["area"]
        return values

    def _move(self, row, current):
        """Return the location a row asks for, or None when the head office stays put."""
        area, since = row.data.get("area"), row.data.get("area_since")
        area_id, current_since = self.current_location.get(current.pk, (None, None))
        if area is None:
            return None
        if area.pk == area_id and (since is None or since == current_since):
            return None
        return (area, since)

    def extra_changes(self, row, current):
        return ["_location"] if self._move(row, current) else []

    def after_write(self, ctx, creates, updates, batch, history):
        new_locations, moved = [], []
        for row, org in creates:
            since = row.data.get("area_since") or org.founded_on
            new_locations.append(
                Location(organization=org, area=row.data["area"], valid_from=since)
            )
        changed_locations = []
        existing = {}
        move_rows = [(row, org) for row, org, changed in updates if "_location" in changed]
        if move_rows:
            for loc in Location.objects.filter(organization__in=[org for _, org in move_rows]):
                existing[(loc.organization_id, loc.valid_from)] = loc
        for row, org in move_rows:
            area, since = self._move(row, org)
            since = since or ctx.today
            moved.append(org.pk)
            same_day = existing.get((org.pk, since))
            if same_day is not None:
                same_day.area = area  # a correction of the location recorded for that day
                changed_locations.append(same_day)
            else:
                new_locations.append(Location(organization=org, area=area, valid_from=since))
        if new_locations:
            Location.objects.bulk_create(new_locations, batch_size=1000)
            history.write(Location, new_locations, "+")
        if changed_locations:
            for location in changed_locations:
                location.version = new_version()  # an open form must see the change
            Location.objects.bulk_update(changed_locations, ["area", "version"], batch_size=1000)
            history.write(Location, changed_locations, "~")
        if moved:
            for part in chunks(moved):
                Organization.objects.filter(pk__in=part).update(area_id=recorded_area_at(None))

    def export_queryset(self, user=None):
        latest = Location.objects.filter(organization=OuterRef("pk")).order_by("-valid_from")
        queryset = Organization.objects.select_related("sector", "area").annotate(
            area_since=Subquery(latest.values("valid_from")[:1])
        )
        return scoped(queryset, user, "area_id").order_by("code")

    def export_values(self, org):
        return [
            org.code,
            org.name,
            org.get_kind_display(),
            org.sector.name,
            org.area.code if org.area else "",
            org.area_since,
            org.founded_on,
            org.address,
            org.phone,
            org.email,
            org.representative,
            org.charter_capital,
            org.tax_code,
            org.is_alliance_member,
            org.alliance_joined_on,
            org.is_new_model,
            org.get_status_display(),
            org.status_changed_on,
            org.is_public,
        ]
