"""Organisations: the kind the other records (figures, OCOP, loans, members) hang on."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import OuterRef, Subquery

from cooperatives.models import Area, Location, Organization, Sector, recorded_area_at
from core.lib.text import fold
from core.locking import new_version
from core.spreadsheets import cells

from ..base import Column, Context, choice_from, money_nonnegative
from .common import AreaIndex, Kind, chunks, resolve_reference, scoped

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
    file_stem = "to-chuc"
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
            (
                "Mã số HTX (cũng là mã số thuế): 10 chữ số, hoặc 10 chữ số, dấu - và 3 chữ "
                "số; duy nhất, không dùng lại. Mã mất số 0 ở đầu (ô dạng số) được thêm lại."
            ),
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
        Column(
            "Điện thoại",
            "phone",
            cells.phone,
            help="Một số thiếu số 0 ở đầu (ô dạng số) được thêm lại.",
            example="0228 3820 123",
        ),
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
            cells.tax_code,
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
        known = self._codes(ctx, rows, errors)

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

    def _codes(self, ctx, rows, errors) -> set[str]:
        """The codes of the file that are registered; codes put right on the way.

        A code registered as written is taken as it is (even one that breaks the format,
        kept from before the check). Otherwise a code that lost its leading zero (9
        digits) gets it back, and the preview says so; a new code must have the format,
        and may not be the twin (with or without the leading zero) of a registered one.
        """
        codes = {c for c in (row.data.get("code") for row in rows) if c}
        candidates = set(codes)
        for code in codes:
            candidates.add(cells.code_with_zero(code))
            candidates.add(cells.code_without_zero(code))
        candidates.discard(None)
        registered = {}
        fields = ("pk", "code", "name", "area_id")
        for part in chunks(sorted(candidates)):
            for org in Organization.objects.filter(code__in=part).only(*fields):
                registered[org.code] = org
        for row in rows:
            code = row.data.get("code")
            if not code or code in registered:
                continue
            padded = cells.code_with_zero(code)
            if padded is not None:
                row.data["code"] = padded
                row.restore("Mã số", code, padded)
                if padded in registered:
                    continue
                code = padded
            if not cells.CODE_FORMAT.fullmatch(code):
                errors.add(row, "Mã số", cells.CODE_FORMAT_MESSAGE)
                continue
            twin = registered.get(cells.code_without_zero(code))
            if twin is not None:
                named = f" ({twin.name})" if ctx.may_touch_organization(twin) else ""
                errors.add(
                    row,
                    "Mã số",
                    f"là mã mới, nhưng đã có tổ chức mã {twin.code}{named}, chỉ khác ở số 0 "
                    f"đầu mã: có lẽ là cùng một tổ chức. Hãy sửa mã của tổ chức đó thành "
                    f"{code} trong trang quản trị, hoặc ghi {twin.code} trong tệp.",
                )
        return set(registered)

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

    def row_label(self, obj) -> str:
        return f"{obj.code} · {obj.name}"

    def extra_change_details(self, row, current, extra):
        if "_location" not in extra:
            return []
        area, since = self._move(row, current)
        area_id, current_since = self.current_location.get(current.pk, (None, None))
        if getattr(self, "_areas_before", None) is None:  # one query for the whole file
            ids = {pk for pk, _ in self.current_location.values() if pk}
            self._areas_before = Area.objects.in_bulk(ids)
        before = self._areas_before.get(area_id)
        old = f"{before.label} (kể từ {current_since:%d/%m/%Y})" if before else "(trống)"
        new = f"{area.label} (kể từ {f'{since:%d/%m/%Y}' if since else 'ngày nhập'})"
        return [(self.extra_labels["_location"], old, new)]

    def written_models(self) -> list:
        return [Organization, Location]

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

    def template_example(self, user=None) -> list:
        example = super().template_example(user)
        if self.export_queryset(user).exists():
            return example
        # No organisation yet: the example names a sector and a unit that exist today
        # (one this person may use), so that it imports as downloaded.
        today = datetime.date.today()
        units = Area.objects.existing_at(today).order_by("code")
        if ctx_areas := Context(user=user).own_areas:
            units = units.filter(pk__in=ctx_areas)
        unit = units.filter(level=Area.Level.COMMUNE).first() or units.first()
        sector = Sector.objects.order_by("name").first()
        headers = [column.header for column in self.columns]
        if unit is not None:
            example[headers.index("Địa bàn")] = unit.code
        if sector is not None:
            example[headers.index("Lĩnh vực")] = sector.name
        return example

    def value_lists(self):
        lists = super().value_lists()
        lists["Lĩnh vực"] = list(Sector.objects.order_by("name").values_list("name", flat=True))
        return lists

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
