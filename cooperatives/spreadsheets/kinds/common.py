"""The shared behaviour of record kinds: defaults, references, scope checks, export values."""

from cooperatives.models import Area, Organization
from cooperatives.text import fold

from .. import cells
from ..base import NameIndex, ParsedRow, RowErrors
from ..cells import CellError

CHUNK = 5000


class Kind:
    """One record kind of DATA-CONTRACT.md §1. Subclasses declare columns and the key."""

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

    def field_names(self) -> list[str]:
        return [c.attr for c in self.columns if c.attr not in self.references]

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

    def describe(self, changed: list[str]) -> list[str]:
        """Return the Vietnamese names of changed fields, for the preview."""
        names = []
        for name in changed:
            if name.startswith("_"):
                names.append(self.extra_labels.get(name, name))
                continue
            try:
                names.append(str(self.model._meta.get_field(name).verbose_name))
            except Exception:
                names.append(name)
        return names

    extra_labels: dict[str, str] = {}

    # --- writing ---------------------------------------------------------------------
    def link(self, ctx, creates, updates) -> None:
        """Fix references between records created by the same file (before history)."""

    def after_write(self, ctx, creates, updates, batch, history) -> None:
        """Write the related records a row implies (e.g. a head-office move)."""

    # --- export ----------------------------------------------------------------------
    def export_queryset(self, user=None):
        raise NotImplementedError

    def export_values(self, obj) -> list:
        raise NotImplementedError


def chunks(items: list, size: int = CHUNK):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def organization_index(rows: list[ParsedRow], header: str = "Mã số") -> NameIndex:
    """Load the organisations a column names, by code or folded name, in a few queries."""
    texts = set()
    for row in rows:
        try:
            texts.add(cells.text(row.cell(header)))
        except CellError:  # the column's own parsing reported it
            continue
    texts.discard("")
    fields = ("pk", "code", "name", "area_id", "kind")
    found = {}
    for part in chunks(sorted(texts)):
        for org in Organization.objects.filter(code__in=part).only(*fields):
            found[org.pk] = org
    # Only cells that are not a known code may be names: fold just those.
    known = {org.code for org in found.values()}
    names = {fold(text) for text in texts - known}
    for part in chunks(sorted(names)):
        for org in Organization.objects.filter(name_folded__in=part).only(*fields):
            found[org.pk] = org
    index = NameIndex("tổ chức")
    for org in found.values():
        index.add(org, org.code, org.name)
    return index


def area_index() -> NameIndex:
    index = NameIndex("đơn vị hành chính")
    for area in Area.objects.all():
        index.add(area, area.code, area.name)
    return index


def resolve_reference(rows, errors, index: NameIndex, header: str, attr: str) -> None:
    """Replace the text in ``attr`` by the record it names; errors name the candidates."""
    for row in rows:
        value = row.cell(header)
        if not isinstance(row.data.get(attr), str):
            continue
        try:
            row.data[attr] = index.find(value)
        except CellError as error:
            errors.add(row, header, str(error))
            row.data[attr] = None


def check_organization_scope(ctx, row, errors, header: str = "Mã số") -> None:
    org = row.data.get("organization")
    if org is not None and not ctx.may_touch_organization(org):
        errors.add(row, header, "không thuộc địa bàn bạn phụ trách.")


def scoped(queryset, user, lookup: str):
    """Limit an export to an area officer's organisations."""
    from cooperatives.scoping import area_scope

    scope = area_scope(user) if user is not None else None
    if scope is not None:
        queryset = queryset.filter(**{f"{lookup}__in": scope})
    return queryset
