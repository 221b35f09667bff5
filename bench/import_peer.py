"""The peer of `make bench-import`: a plain django-import-export ModelResource.

What a developer gets from the library's documentation for the organisations' spreadsheet:
one ``Field`` per column of the file (by its header), ``import_id_fields = ["code"]``, the
sector and the area by their natural keys with ``ForeignKeyWidget``, ``BooleanWidget`` told
the sheet's yes/no words (the documentation's "custom boolean handling") and a small widget
for the choices, which the sheet gives by their labels. The file is read with the library's
own XLSX format. Two ways: the default (row by row, ``instance.save()`` in a transaction,
so the model's ``save()`` and simple-history's signals run) and ``use_bulk = True`` with
``batch_size = 1000`` (``bulk_create``: no ``save()``, no signals). Nothing is slowed down
on purpose; neither writes the head office's ``Location``, which the spreadsheet's "Địa bàn"
means, and what each one writes is counted in the database rather than described.

Imported by bench/import_bench.py after Django is set up.
"""

import time

from django.db.models import Q
from import_export import fields, resources, widgets
from import_export.formats.base_formats import XLSX

from cooperatives.models import Area, Location, Organization, Sector


class YesNoWidget(widgets.BooleanWidget):
    TRUE_VALUES = ["Có", *widgets.BooleanWidget.TRUE_VALUES]
    FALSE_VALUES = ["Không", *widgets.BooleanWidget.FALSE_VALUES]


class LabelWidget(widgets.Widget):
    """A choice given by its label, as the spreadsheet shows it."""

    def __init__(self, choices) -> None:
        self.values = {str(label): value for value, label in choices.choices}
        super().__init__()

    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return None
        if value not in self.values:
            raise ValueError(f"unknown choice {value!r}")
        return self.values[value]


def text(attribute: str, header: str) -> fields.Field:
    return fields.Field(attribute=attribute, column_name=header, widget=widgets.CharWidget())


def date(attribute: str, header: str) -> fields.Field:
    return fields.Field(attribute=attribute, column_name=header, widget=widgets.DateWidget())


def yes_no(attribute: str, header: str, default: bool) -> fields.Field:
    return fields.Field(
        attribute=attribute, column_name=header, widget=YesNoWidget(), default=default
    )


class OrganizationResource(resources.ModelResource):
    code = text("code", "Mã số")
    name = text("name", "Tên")
    kind = fields.Field(
        attribute="kind", column_name="Loại hình", widget=LabelWidget(Organization.Kind)
    )
    sector = fields.Field(
        attribute="sector", column_name="Lĩnh vực", widget=widgets.ForeignKeyWidget(Sector, "name")
    )
    area = fields.Field(
        attribute="area", column_name="Địa bàn", widget=widgets.ForeignKeyWidget(Area, "code")
    )
    founded_on = date("founded_on", "Ngày thành lập")
    address = text("address", "Địa chỉ")
    phone = text("phone", "Điện thoại")
    email = text("email", "Email")
    representative = text("representative", "Người đại diện")
    charter_capital = fields.Field(
        attribute="charter_capital",
        column_name="Vốn điều lệ (triệu đồng)",
        widget=widgets.DecimalWidget(),
    )
    tax_code = text("tax_code", "Mã số thuế")
    is_alliance_member = yes_no("is_alliance_member", "Thành viên Liên minh", False)
    alliance_joined_on = date("alliance_joined_on", "Ngày gia nhập Liên minh")
    is_new_model = yes_no("is_new_model", "HTX kiểu mới", False)
    status = fields.Field(
        attribute="status",
        column_name="Tình trạng",
        widget=LabelWidget(Organization.Status),
        default=Organization.Status.ACTIVE,
    )
    status_changed_on = date("status_changed_on", "Ngày đổi tình trạng")
    is_public = yes_no("is_public", "Công khai", True)

    class Meta:
        model = Organization
        fields = ["code", "name", "kind", "sector", "area", "founded_on", "address", "phone",
                  "email", "representative", "charter_capital", "tax_code",
                  "is_alliance_member", "alliance_joined_on", "is_new_model", "status",
                  "status_changed_on", "is_public"]  # fmt: skip
        import_id_fields = ["code"]
        use_transactions = True


class OrganizationBulkResource(OrganizationResource):
    class Meta(OrganizationResource.Meta):
        use_bulk = True
        batch_size = 1000


PEERS = {
    "django-import-export, default (row by row)": OrganizationResource,
    "django-import-export, `use_bulk` (batch_size 1000)": OrganizationBulkResource,
}


def run(resource_class, data: bytes, expected: int) -> float:
    """Return the seconds of reading ``data`` and importing it with ``resource_class``."""
    started = time.perf_counter()
    dataset = XLSX().create_dataset(data)
    result = resource_class().import_data(dataset, raise_errors=False)
    seconds = time.perf_counter() - started
    problems = [(n, e.error) for n, errors in result.row_errors() for e in errors]
    problems += [(row.number, row.error) for row in result.invalid_rows]
    problems += [(None, e.error) for e in result.base_errors]
    if problems or result.totals["new"] != expected:
        raise SystemExit(
            f"{resource_class.__name__}: {result.totals['new']} of {expected} created, "
            f"errors: {problems[:5]}"
        )
    return seconds


def stored_values() -> set[tuple]:
    """The organisations' values the spreadsheet sets (but the area), to check that a peer
    stored the same data as ours."""
    names = [f for f in OrganizationResource._meta.fields if f != "area"]
    columns = [f"{f}_id" if f == "sector" else f for f in names]
    return set(Organization.objects.values_list(*columns))


def written() -> dict[str, int]:
    """What an import left in the database: the counts the doc's table shows."""
    return {
        "organizations": Organization.objects.count(),
        "locations": Location.objects.count(),
        "organization history": Organization.history.count(),
        "location history": Location.history.count(),
        "empty name_folded": Organization.objects.filter(Q(name_folded="")).count(),
        "area set": Organization.objects.filter(area__isnull=False).count(),
    }


HEADING = "## Import: against django-import-export's ModelResource"
HEADER = ["| Import | Seconds | Ratio to ours | Rows/s | Organisations | Locations "
          "| History rows (organisations + locations) | Empty `name_folded` "
          "| Current area set |",
          "|---" * 9 + "|"]  # fmt: skip


def table(results: list[tuple[str, float, dict]]) -> list[str]:
    """Markdown rows for (name, seconds, written()) with ours first."""
    ours = results[0][1]
    lines = [*HEADER]
    for name, seconds, counts in results:
        rows = counts["organizations"]
        history = f"{counts['organization history']:,} + {counts['location history']:,}"
        lines.append(f"| {name} | {seconds:.2f} | {seconds / ours:.1f}× | {rows / seconds:,.0f} "
                     f"| {rows:,} | {counts['locations']:,} | {history} "
                     f"| {counts['empty name_folded']:,} | {counts['area set']:,} |")  # fmt: skip
    return lines


def section(lines: list[str], orgs: int, run_line: str) -> str:
    return "\n".join([
        HEADING, "",
        f"The same {orgs:,}-organisation XLSX as above, imported by `import_file` and by a "
        "plain django-import-export `ModelResource` (`bench/import_peer.py`): one `Field` per "
        "column by its header, `import_id_fields = [\"code\"]`, sector and area by their "
        "natural keys with `ForeignKeyWidget`, `BooleanWidget` told “Có”/“Không”, a small "
        "widget for the choices the sheet gives by label; the file read with the library's "
        "`XLSX` format (reading is in every time). The default resource saves row by row in "
        "a transaction (`instance.save()`: the model's `save()` fills `name_folded`, "
        "simple-history writes a history row); with `use_bulk = True` (batch_size 1000) it "
        "calls `bulk_create`, so neither runs. Neither writes the head office's `Location` "
        "that the “Địa bàn” column means (the row-by-row save then clears the current area, "
        "which follows the locations). Each import ran on emptied tables, one after the "
        "other in the same process (ours timed again just before the peers, so that all "
        "three share the machine's load); the counts are read from the database after "
        "each. The library's documented tuning (`skip_diff`, `force_init_instance`, "
        "`CachedForeignKeyWidget`, `CachedInstanceLoader`) is not applied.",
        "", *lines, "", run_line, "",
    ])  # fmt: skip
