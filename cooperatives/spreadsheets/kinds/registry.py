"""Areas and organisations: the two kinds other records hang on."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import OuterRef, Subquery

from cooperatives.models import Area, Location, Organization, Sector, recorded_area_at
from cooperatives.text import fold
from htx_portal.locking import new_version

from .. import cells
from ..base import Column, NameIndex, choice_from, money_nonnegative
from ..cells import CellError
from .common import Kind, area_index, chunks, resolve_reference, scoped

LEVELS = choice_from(Area.Level)
LEVEL_RANK = {Area.Level.PROVINCE: 0, Area.Level.DISTRICT: 1, Area.Level.COMMUNE: 2}


def _codes(value) -> list[str]:
    return [code.strip() for code in cells.text(value).split(";") if code.strip()]


class AreaKind(Kind):
    name = "areas"
    label = "Đơn vị hành chính"
    model = Area
    key_header = "Mã"
    key_label = "cùng mã"
    references = {"parent": "Mã cấp trên", "successors": "Thay thế bởi"}
    extra_labels = {"_parent": "cấp trên", "_successors": "thay thế bởi"}
    columns = [
        Column(
            "Mã",
            "code",
            cells.text,
            True,
            "Mã đơn vị hành chính (tỉnh 2 số, huyện 3 số, xã 5 số), duy nhất.",
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
                "Mã (hoặc tên) đơn vị cấp trên; bắt buộc với Huyện và Xã. "
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
            "Mã các đơn vị tiếp nhận, cách nhau bởi dấu ;",
            example="15001",
        ),
    ]

    def key(self, row):
        return row.data["code"]

    def resolve(self, ctx, rows, errors):
        self.index = area_index()
        self.in_file = NameIndex("đơn vị hành chính")
        for row in rows:
            if row.data.get("code"):
                self.in_file.add(row, row.data["code"], row.data.get("name") or "")
        for row in rows:
            parent = row.data.get("parent")
            if isinstance(parent, str):
                row.data["parent"] = self._find(row, "Mã cấp trên", parent, errors)
            successors = row.data.get("successors")
            if isinstance(successors, list):
                found = [self._find(row, "Thay thế bởi", code, errors) for code in successors]
                row.data["successors"] = found
            self._check(row, errors)

    def _find(self, row, header, value, errors):
        """Return ``(code, level)`` of a referenced area, in the database or in this file."""
        for index in (self.in_file, self.index):
            try:
                found = index.find(value)
            except CellError:
                continue
            if isinstance(found, Area):
                return (found.code, found.level)
            return (found.data["code"], found.data.get("level"))
        errors.add(row, header, f"không có đơn vị hành chính nào có mã hoặc tên “{value}”.")
        return None

    def _check(self, row, errors):
        data = row.data
        level, parent = data.get("level"), data.get("parent")
        if level in (Area.Level.DISTRICT, Area.Level.COMMUNE) and data.get("parent") is None:
            if row.ok:
                errors.add(row, "Mã cấp trên", "bỏ trống, nhưng Huyện và Xã phải có cấp trên.")
        if parent and level and parent[1] and LEVEL_RANK[parent[1]] >= LEVEL_RANK[level]:
            errors.add(row, "Mã cấp trên", "không phải là đơn vị cấp trên của đơn vị này.")
        start, end = data.get("valid_from"), data.get("valid_to")
        if start and end and end < start:
            errors.add(row, "Hiệu lực đến", "trước ngày “Hiệu lực từ”.")

    def load_existing(self, ctx, rows):
        codes = [row.data["code"] for row in rows]
        found = {}
        for part in chunks(codes):
            for area in Area.objects.filter(code__in=part).select_related("parent"):
                found[area.code] = area
        self.successor_codes = {}
        through = Area.successors.through.objects.filter(from_area__code__in=codes)
        for code, successor in through.values_list("from_area__code", "to_area__code"):
            self.successor_codes.setdefault(code, set()).add(successor)
        return found

    def values(self, row, current):
        values = super().values(row, current)
        values["name_folded"] = fold(values.get("name", getattr(current, "name", "")))
        return values

    def extra_changes(self, row, current):
        changes = []
        parent = row.data.get("parent")
        current_parent = current.parent.code if current.parent_id else None
        if "parent" in row.present and (parent[0] if parent else None) != current_parent:
            changes.append("_parent")
        successors = row.data.get("successors")
        if "successors" in row.present:
            wanted = {s[0] for s in successors or [] if s}
            if wanted != self.successor_codes.get(current.code, set()):
                changes.append("_successors")
        return changes

    def link(self, ctx, creates, updates):
        rows = [(row, obj) for row, obj in creates] + [(row, obj) for row, obj, _ in updates]
        ids = dict(Area.objects.values_list("code", "pk"))
        changed = []
        for row, obj in rows:
            if "parent" not in row.present:
                continue
            parent = row.data.get("parent")
            new_parent = ids[parent[0]] if parent else None
            if obj.parent_id != new_parent:
                obj.parent_id = new_parent
                changed.append(obj)
        if changed:
            Area.objects.bulk_update(changed, ["parent"], batch_size=1000)

    def after_write(self, ctx, creates, updates, batch, history):
        rows = [(row, obj) for row, obj in creates] + [(row, obj) for row, obj, _ in updates]
        through = Area.successors.through
        ids = dict(Area.objects.values_list("code", "pk"))
        touched, links = [], []
        for row, obj in rows:
            if "successors" not in row.present:
                continue
            successors = row.data.get("successors")
            touched.append(obj.pk)
            for successor in successors or []:
                if successor:
                    links.append(through(from_area_id=obj.pk, to_area_id=ids[successor[0]]))
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
            through.objects.bulk_create(links, ignore_conflicts=True)

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
            "Mã hoặc tên xã (hoặc huyện với hồ sơ cũ) nơi đặt trụ sở.",
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
        index = area_index()
        resolve_reference(rows, errors, index, "Địa bàn", "area")
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
