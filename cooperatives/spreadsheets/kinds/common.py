"""The shared behaviour of record kinds: defaults, references, scope checks, export values."""

import datetime
from collections.abc import Callable
from decimal import Decimal

from cooperatives.models import Area, Organization
from cooperatives.models.areas import code_history, valid_on
from cooperatives.scoping import area_scope
from core.lib.formatting import vn_number
from core.lib.text import fold
from core.spreadsheets import cells
from core.spreadsheets.cells import CellError

from ..base import NameIndex, ParsedRow, RowErrors

CHUNK = 5000
# The one answer an area officer gets for a code or name that is unknown or in another
# area: the two must not be told apart (docs/security.md).
OUT_OF_SCOPE = "không có tổ chức nào có mã hoặc tên này trong địa bàn bạn phụ trách."


class Kind:
    """One record kind of docs/interfaces.md §1. Subclasses declare columns and the key."""

    name = ""
    label = ""
    model = None
    columns: list = []
    key_header = "Mã số"
    key_label = ""
    # Column attributes that are not model fields of the same name.
    references: dict[str, str] = {}

    # --- reading ---------------------------------------------------------------------
    def resolve(self, ctx, rows: list[ParsedRow], errors: RowErrors) -> None:
        """Look up the records that rows refer to, in a few queries for the whole file."""

    def key(self, row: ParsedRow):
        raise NotImplementedError

    def load_existing(self, ctx, rows: list[ParsedRow]) -> dict:
        raise NotImplementedError

    def check_row(self, ctx, row: ParsedRow, current, errors: RowErrors) -> None:
        """Checks that need the stored record (scope, values combined with stored ones)."""

    def values(self, row: ParsedRow, current) -> dict:
        """Return the model field values a row sets; absent columns keep stored values."""
        values = {}
        data, present = row.data, row.present
        for column, empty in self._field_columns():
            attr = column.attr
            if attr not in present:
                if current is not None:
                    continue  # the column is not in the file: keep what is stored
                value = column.default
            else:
                value = data.get(attr)
            values[attr] = empty if value is None else value
        return values

    def _field_columns(self) -> list:
        """Return (column, value of a blank cell) for the columns that are model fields."""
        cached = self.__dict__.get("_field_columns_cache")
        if cached is None:
            cached = [
                (column, self.empty(column))
                for column in self.columns
                if column.attr not in self.references
            ]
            self._field_columns_cache = cached
        return cached

    def empty(self, column):
        """The value a blank cell without a default stands for: the field's empty value."""
        field = self.model._meta.get_field(column.attr)
        internal = field.get_internal_type()
        if internal == "BooleanField":
            return False
        if internal in ("CharField", "TextField", "EmailField") and not field.null:
            return ""
        return None

    def effective(self, row: ParsedRow, current, attr: str):
        """Return the value a record will have for ``attr`` after this row."""
        if attr not in row.present:
            return getattr(current, attr, None) if current is not None else None
        return row.data.get(attr)

    def new(self, values: dict):
        return self.model(**values)

    def extra_changes(self, row: ParsedRow, current) -> list[str]:
        return []

    # --- the preview ---------------------------------------------------------------
    def row_label(self, obj) -> str:
        """The record a row creates or updates, as the preview names it."""
        return str(obj)

    def change(self, name: str, old, new) -> tuple[str, str, str]:
        """(the field's Vietnamese name, the value before, the value after) for the preview."""
        field = self.model._meta.get_field(name)
        return (str(field.verbose_name), self.show(field, old), self.show(field, new))

    def extra_change_details(self, row, current, extra: list[str]) -> list[tuple[str, str, str]]:
        """The preview's lines for changes that are not fields (``extra_changes``)."""
        return [(self.extra_labels.get(name, name), "", "") for name in extra]

    extra_labels: dict[str, str] = {}

    @staticmethod
    def show(field, value) -> str:
        """A value as the admin shows it: choices by label, Vietnamese numbers and dates."""
        if value is None or value == "":
            return "(trống)"
        if field.choices:
            return str(dict(field.flatchoices).get(value, value))
        if isinstance(value, bool):
            return "Có" if value else "Không"
        if isinstance(value, datetime.date):
            return value.strftime("%d/%m/%Y")
        if isinstance(value, (int, float, Decimal)):
            number = Decimal(str(value))
            places = max(0, -number.normalize().as_tuple().exponent)
            return vn_number(number, places)
        return str(value)

    # --- writing ---------------------------------------------------------------------
    def link(self, ctx, creates, updates) -> None:
        """Fix references between records created by the same file (before history)."""

    def after_write(self, ctx, creates, updates, batch, history) -> None:
        """Write the related records a row implies (e.g. a head-office move)."""

    def written_models(self) -> list:
        """The models whose tables an import of this kind fills (for their statistics)."""
        return [self.model]

    # --- export ----------------------------------------------------------------------
    # The downloaded files' names, without marks (``mau-to-chuc.xlsx``).
    file_stem = ""

    def export_queryset(self, user=None):
        raise NotImplementedError

    def template_example(self, user=None) -> list:
        """The template's example row: a record this person may see, as exported (so that
        the template imports as downloaded, changing nothing), else the columns' examples."""
        first = self.export_queryset(user).first()
        if first is not None:
            return self.export_values(first)
        return [column.example for column in self.columns]

    def value_lists(self) -> dict[str, list[str]]:
        """The values a column allows, by header, for the files' drop-down lists."""
        lists = {}
        for column in self.columns:
            if column.allowed:
                lists[column.header] = [str(value) for value in column.allowed]
            elif isinstance(column.parse, cells.Choices):
                lists[column.header] = column.parse.labels
            elif column.kind == "bool":
                lists[column.header] = ["Có", "Không"]
        return lists

    def export_values(self, obj) -> list:
        raise NotImplementedError


def chunks(items: list, size: int = CHUNK):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def organization_index(ctx, rows: list[ParsedRow], header: str = "Mã số") -> NameIndex:
    """Load the organisations a column names, by code or folded name, in a few queries.

    Only organisations ``ctx``'s user may touch are loaded: for an area officer another
    area's organisation is as unknown as a code nobody has, so errors neither confirm
    that a code exists nor list codes or names from other areas.
    """
    texts = set()
    for row in rows:
        try:
            texts.add(cells.text(row.cell(header)))
        except CellError:  # the column's own parsing reported it
            continue
    texts.discard("")
    # And each code as it was before a spreadsheet dropped its leading zero.
    texts |= {padded for text in texts if (padded := cells.code_with_zero(text))}
    fields = ("pk", "code", "name", "area_id", "kind")
    organizations = Organization.objects.only(*fields)
    if ctx.location_scope is not None:
        organizations = organizations.in_scope(ctx.location_scope)
    found = {}
    for part in chunks(sorted(texts)):
        for org in organizations.filter(code__in=part):
            found[org.pk] = org
    # Only cells that are not a known code may be names: fold just those.
    known = {org.code for org in found.values()}
    names = {fold(text) for text in texts - known}
    for part in chunks(sorted(names)):
        for org in organizations.filter(name_folded__in=part):
            found[org.pk] = org
    index = NameIndex("tổ chức")
    if ctx.location_scope is not None:
        index.missing = OUT_OF_SCOPE
    for org in found.values():
        index.add(org, org.code, org.name)
    return index


class AreaIndex:
    """Areas by code and by folded name, each code with every unit that ever had it.

    The 2025 reform reused official codes, so a code names a unit only on a day
    (docs/interfaces.md §1): ``find`` takes the day. Entries are anything with ``code``,
    ``name``, ``valid_from`` and ``valid_to`` (stored areas, or rows of an areas file).
    """

    def __init__(self, entries=None) -> None:
        self.by_code: dict[str, list] = {}
        self.by_name: dict[str, list] = {}
        for entry in Area.objects.all() if entries is None else entries:
            self.add(entry)

    def add(self, entry) -> None:
        self.by_code.setdefault(entry.code, []).append(entry)
        self.by_name.setdefault(fold(entry.name), []).append(entry)

    def units(self, code: str) -> list:
        return self.by_code.get(code, [])

    def find(self, value, day):
        """Return the unit a cell names on ``day``; raise CellError saying why not."""
        key = cells.text(value)
        units = self.by_code.get(key)
        if units:
            found = [u for u in units if valid_on(u.valid_from, u.valid_to, day)]
            if len(found) == 1:
                return found[0]
            if not found:
                raise CellError(
                    f"không phải mã của đơn vị hành chính nào vào ngày {day:%d/%m/%Y}: "
                    f"mã này là {code_history(key, units)}."
                )
            listed = "; ".join(u.label for u in found)
            raise CellError(f"là mã của nhiều đơn vị vào ngày {day:%d/%m/%Y}: {listed}.")
        if key.isdigit() and len(key) < 5:
            # A code that lost its leading zeros to a number cell ("4" for Hà Nội's
            # commune 00004): the unit of the longest code it can be that day, a commune
            # before a district before a province (the preview shows the code taken).
            for width in (5, 3, 2):
                found = [
                    unit
                    for unit in self.by_code.get(key.zfill(width), [])
                    if len(key) < width and valid_on(unit.valid_from, unit.valid_to, day)
                ]
                if len(found) == 1:
                    return found[0]
        named = self.by_name.get(fold(key), [])
        found = [u for u in named if valid_on(u.valid_from, u.valid_to, day)]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            codes = ", ".join(sorted(u.code for u in found))
            raise CellError(f"trùng tên với nhiều đơn vị hành chính (mã {codes}): hãy ghi mã.")
        if named:
            when = "; ".join(f"{u.name} · {u.code} ({u.validity_display})" for u in named)
            raise CellError(
                f"không phải tên của đơn vị hành chính nào vào ngày {day:%d/%m/%Y}: {when}."
            )
        raise CellError("không có đơn vị hành chính nào có mã hoặc tên này.")


def resolve_reference(
    rows, errors, index, header: str, attr: str, day_of: Callable | None = None
) -> None:
    """Replace the text in ``attr`` by the record it names; errors name the candidates.

    ``day_of(row)`` gives the day an area code is looked up on (an ``AreaIndex``).
    """
    for row in rows:
        value = row.cell(header)
        if not isinstance(row.data.get(attr), str):
            continue
        try:
            if day_of is None:
                row.data[attr] = index.find(value)
            else:
                day = day_of(row)
                if day is None:  # the row's own date is bad: that error is reported
                    row.data[attr] = None
                    continue
                row.data[attr] = found = index.find(value, day)
                written = cells.text(value)
                if (
                    written.isdigit()
                    and found.code != written
                    and found.code.lstrip("0") == written.lstrip("0")
                ):
                    row.restore(header, written, found.code)
        except CellError as error:
            errors.add(row, header, str(error))
            row.data[attr] = None


def check_organization_scope(ctx, row, errors, header: str = "Mã số") -> None:
    org = row.data.get("organization")
    if org is not None and not ctx.may_touch_organization(org):
        # organization_index loads only reachable organisations; this is a safety net
        # and answers like an unknown code.
        errors.add(row, header, OUT_OF_SCOPE)


def scoped(queryset, user, lookup: str):
    """Limit an export to an area officer's organisations."""
    scope = area_scope(user) if user is not None else None
    if scope is not None:
        queryset = queryset.filter(**{f"{lookup}__in": scope})
    return queryset
