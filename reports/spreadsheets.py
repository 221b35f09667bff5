"""The plan targets' spreadsheet kind, registered with the registry's kinds on start-up.

The spreadsheet machinery lives in ``cooperatives.spreadsheets``; targets belong to the
reports, which sit above the registry, so they register themselves
(``ReportsConfig.ready``) rather than being imported from below.
"""

from cooperatives.spreadsheets.base import Column
from cooperatives.spreadsheets.kinds.common import AreaIndex, Kind, resolve_reference
from cooperatives.spreadsheets.kinds.records import MONTHS, YEAR
from core.lib.periods import period_end
from core.lib.text import fold
from core.spreadsheets import cells
from core.spreadsheets.cells import CellError
from reports.indicators import BY_CODE, INDICATORS
from reports.models import Target


def indicator_code(value) -> str:
    code = cells.text(value).strip().lower()
    if code in BY_CODE:
        return code
    folded = fold(cells.text(value))
    for indicator in INDICATORS:
        if fold(indicator.label) == folded:
            return indicator.code
    raise CellError("không phải là mã chỉ tiêu (xem trang “Hướng dẫn” của tệp mẫu).")


class TargetKind(Kind):
    name = "targets"
    file_stem = "chi-tieu"
    label = "Chỉ tiêu kế hoạch"
    model = Target
    key_header = "Chỉ tiêu"
    key_label = "cùng địa bàn, năm, số tháng và chỉ tiêu"
    references = {"area": "Địa bàn"}
    columns = [
        Column("Địa bàn", "area", cells.text, True, "Mã hoặc tên đơn vị hành chính.", example="36"),
        Column("Năm", "year", YEAR, True, example=2025, kind="integer"),
        Column(
            "Số tháng",
            "months",
            MONTHS,
            True,
            "6 là 6 tháng đầu năm, 12 là cả năm.",
            example=6,
            kind="integer",
        ),
        Column(
            "Chỉ tiêu",
            "indicator",
            indicator_code,
            True,
            "Mã chỉ tiêu, ví dụ htx_new.",
            [i.code for i in INDICATORS],
            example="htx_new",
        ),
        Column("Giá trị", "value", cells.number, True, example=15, kind="number"),
        Column(
            "Căn cứ",
            "basis",
            cells.text,
            help="Kế hoạch hoặc quyết định giao chỉ tiêu.",
            example="Kế hoạch số 25/KH-UBND ngày 15/01/2025",
        ),
    ]

    def resolve(self, ctx, rows, errors):
        # A target's area is the unit with that code at the period's end.
        def day_of(row):
            year, months = row.data.get("year"), row.data.get("months")
            return period_end(year, months) if year and months else None

        resolve_reference(rows, errors, AreaIndex(), "Địa bàn", "area", day_of)

    def key(self, row):
        return (row.data["area"].pk, row.data["year"], row.data["months"], row.data["indicator"])

    def load_existing(self, ctx, rows):
        area_ids = sorted({row.data["area"].pk for row in rows})
        found = {}
        for target in Target.objects.filter(area_id__in=area_ids).select_related("area"):
            found[(target.area_id, target.year, target.months, target.indicator)] = target
        return found

    def values(self, row, current):
        values = super().values(row, current)
        values["area"] = row.data["area"]
        return values

    def export_queryset(self, user=None):
        return Target.objects.select_related("area").order_by(
            "area__code", "year", "months", "indicator"
        )

    def export_values(self, t):
        return [t.area.code, t.year, t.months, t.indicator, t.value, t.basis]
