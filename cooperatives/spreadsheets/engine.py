"""Import a whole file or nothing: validate every row first, then write in bulk."""

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.utils import timezone
from simple_history.utils import get_history_manager_for_model

from cooperatives.models import ImportBatch, Organization
from core.database import analyze
from core.lib.formatting import vn_number
from core.lib.text import fold, nfc
from core.locking import VersionedModel, bump_version, new_version
from core.spreadsheets import cells
from core.spreadsheets.cells import CellError, is_blank
from core.spreadsheets.tables import FileProblem, read_table

from .base import Context, ParsedRow, RowError, RowErrors, same

Progress = Callable[[int, float], None]
# A step of the work, in Vietnamese, with what is done of how much (a background job's
# page); a total of None: a step without a measure.
Step = Callable[[str, int, int | None], None]
PROGRESS_EVERY = 5000
# Rows the preview names (with old → new for updates); the counts cover them all.
PREVIEW = 200
WRITE_CHUNK = 1000


@dataclass
class ImportResult:
    kind: str
    file_name: str
    dry_run: bool
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    batch: ImportBatch | None = None
    # By outcome, for the admin preview (the first ``PREVIEW`` of each): (row number, the
    # record), and for updates each change as (field, value before, value after), all as
    # people read them.
    created_rows: list[tuple[int, str]] = field(default_factory=list)
    updated_rows: list[tuple[int, str, list[tuple[str, str, str]]]] = field(default_factory=list)
    unchanged_rows: list[int] = field(default_factory=list)
    # Rows read but not imported (title lines, a column-numbering row, totals rows and
    # what follows the last), as (row number, why); columns passed over (STT).
    skipped_rows: list[tuple[int, str]] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    # Said in the preview without stopping the import: a totals row that does not add up.
    warnings: list[str] = field(default_factory=list)
    # (row number, header, value in the cell, value imported): leading zeros put back.
    restored: list[tuple[int, str, str, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        if self.errors:
            return (
                f"Tệp có {vn_number(len(self.errors))} lỗi; không có dữ liệu nào được lưu. "
                "Hãy sửa các lỗi dưới đây rồi nhập lại."
            )
        counts = (
            f"{vn_number(self.created)} tạo mới, {vn_number(self.updated)} cập nhật, "
            f"{vn_number(self.unchanged)} không thay đổi"
        )
        if self.dry_run:
            return f"Kiểm tra {vn_number(self.rows)} dòng: {counts}. Chưa lưu gì (chạy thử)."
        if not self.created and not self.updated:
            return f"Đã đọc {vn_number(self.rows)} dòng: tất cả không thay đổi; không có gì để lưu."
        return f"Đã nhập {vn_number(self.rows)} dòng: {counts}."


def import_file(
    *,
    kind,
    data: bytes,
    file_name: str,
    user=None,
    dry_run: bool = False,
    progress: Progress | None = None,
    progress_every: int | None = None,
    on_step: Step | None = None,
    refresh_statistics: bool | None = None,
) -> ImportResult:
    """Validate ``data`` as a spreadsheet of ``kind`` and, unless ``dry_run``, save it whole.

    Any bad row means nothing is saved; every bad row is reported. ``progress`` hears the
    rows read every ``progress_every`` rows; ``on_step`` hears each later step (checking,
    writing) with the rows it has done of how many. Once saved, the statistics of the
    tables written are refreshed (``core.database.analyze``) if ``refresh_statistics``, or
    by default if more than ``HTX_ANALYZE_AFTER_ROWS`` rows were written.
    """
    # Kinds keep look-ups of one run on themselves: give every run its own instance, so
    # that two imports in one process (threads) never share them.
    kind = type(kind)()
    result = ImportResult(kind=kind.name, file_name=file_name, dry_run=dry_run)
    try:
        table = read_table(data, file_name, is_header=header_finder(kind))
    except FileProblem as problem:
        result.errors.append(RowError(None, None, None, str(problem)))
        return result
    result.skipped_rows = list(table.skipped)

    errors = RowErrors()
    columns = _match_headers(kind, table.headers, errors)
    result.ignored_columns = [h for h in table.headers if fold(h) in SERIAL_HEADERS]
    if errors:
        result.errors = errors.items
        return result

    ctx = Context(user=user)
    totals = Totals(kind, table.headers)
    try:
        rows = _parse_rows(
            kind, table, columns, errors, progress, progress_every or PROGRESS_EVERY, totals
        )
    except FileProblem as problem:
        result.errors.append(RowError(None, None, None, str(problem)))
        return result
    result.skipped_rows += totals.skipped
    result.skipped_rows.sort()
    if not rows:
        result.errors.append(
            RowError(None, None, None, "Tệp chỉ có dòng tiêu đề, không có dòng dữ liệu nào.")
        )
        return result
    result.rows = len(rows)
    if on_step:
        on_step("Đang đối chiếu với dữ liệu hiện có", len(rows), None)
    kind.resolve(ctx, rows, errors)
    _check_duplicates(kind, rows, errors)
    if not errors:
        result.warnings += totals.check(rows)
    order = {column.header: position for position, column in enumerate(kind.columns)}
    result.restored = sorted(
        ((row.number, *change) for row in rows if row.restored for change in row.restored),
        key=lambda item: (item[0], order.get(item[1], 0)),
    )
    existing = kind.load_existing(ctx, [row for row in rows if row.ok])
    plan = _plan(kind, ctx, rows, existing, errors)
    if errors:
        result.errors = sorted(errors.items, key=lambda e: e.row or 0)
        return result

    creates, updates, unchanged = plan
    for row in rows:
        row.cells = ()  # only error messages quote cells; there are none now
    result.created, result.updated, result.unchanged = len(creates), len(updates), len(unchanged)
    result.created_rows = [(row.number, kind.row_label(obj)) for row, obj in creates[:PREVIEW]]
    result.updated_rows = [
        (row.number, kind.row_label(obj), _changes(kind, row, obj, changed, before))
        for row, obj, changed, before in updates[:PREVIEW]
    ]
    updates = [(row, obj, changed) for row, obj, changed, _ in updates]
    result.unchanged_rows = [row.number for row in unchanged]
    if dry_run or (not creates and not updates):
        return result
    try:
        result.batch = _write(kind, ctx, file_name, result, creates, updates, on_step)
        if refresh_statistics is None:
            refresh_statistics = len(creates) + len(updates) > settings.ANALYZE_AFTER_ROWS
        if refresh_statistics:
            # Once committed (by now, or by the caller's transaction): the planner's
            # statistics of tables that may have doubled would mislead every report.
            analyze(*kind.written_models())
    except (IntegrityError, DatabaseError) as error:
        result.errors.append(
            RowError(
                None,
                None,
                None,
                "Không lưu được vì cơ sở dữ liệu từ chối dữ liệu (có thể do người khác vừa "
                f"sửa cùng bản ghi); không có gì được lưu. Chi tiết: {error}",
            )
        )
        result.created = result.updated = result.unchanged = 0
    return result


# Headers of a column that numbers the rows ("STT", "Số TT"): read past, never imported.
SERIAL_HEADERS = frozenset({"stt", "tt", "so tt", "so thu tu"})


def header_finder(kind):
    """Whether a row is the kind's header row: two of its cells name the kind's columns
    (or a row-number column), as a title line above the header never does."""
    known = {fold(column.header) for column in kind.columns} | SERIAL_HEADERS
    needed = min(2, len(kind.columns))

    def is_header(values: list) -> bool:
        found = 0
        for value in values:
            if isinstance(value, str) and fold(value.strip()) in known:
                found += 1
                if found >= needed:
                    return True
        return False

    return is_header


# How a totals row is labelled, folded: "Tổng cộng", "Cộng", "Tổng số", "Tổng" (and
# "Tổng cộng toàn huyện" and the like).
_TOTAL_WORDS = frozenset({"tong cong", "cong", "tong so", "tong"})
_TOTAL_INITIALS = frozenset("TtCc")


def _is_total_label(value) -> bool:
    # Every row asks: answered without folding for what cannot be a label (a code, a
    # number, a name that does not start with T or C).
    if value.__class__ is not str or value.lstrip()[:1] not in _TOTAL_INITIALS:
        return False
    words = fold(value).strip(" :.")
    if words in _TOTAL_WORDS or words.startswith("tong cong "):
        return True
    # "Cộng xã Yên Bằng": by its marks, since "Công ty …" folds to the same letters.
    return nfc(value).strip().lower().startswith(("cộng ", "tổng số "))


def _places(number: Decimal) -> int:
    return max(0, -number.normalize().as_tuple().exponent)


class Totals:
    """A totals row ("Tổng cộng") at the foot of the table, and what follows it.

    A row is a totals row when its first cell used says so and its first column (the
    record's code) is blank or says so too. Such a row is never imported. Rows after the
    last one that fill fewer than half of the required columns (notes, "Người lập biểu",
    signatures) are passed over too; a totals row with records after it (a subtotal) is
    passed over.
    The last totals row's numbers are checked against the sums of the rows above it.
    """

    def __init__(self, kind, headers: list[str]) -> None:
        self.kind = kind
        self.headers = headers
        by_folded = {fold(h): i for i, h in enumerate(headers)}
        self.anchor = by_folded.get(fold(kind.columns[0].header))
        self.required = [
            by_folded[fold(c.header)]
            for c in kind.columns
            if c.required and fold(c.header) in by_folded
        ]
        self.held: list[tuple[int, list]] = []  # a totals row and the rows after it
        self.skipped: list[tuple[int, str]] = []
        self.final: tuple[int, list] | None = None

    def is_total(self, values: list) -> bool:
        first = next((v for v in values if not is_blank(v)), None)
        if not _is_total_label(first):
            return False
        anchor = (
            values[self.anchor] if self.anchor is not None and self.anchor < len(values) else None
        )
        return is_blank(anchor) or _is_total_label(anchor)

    def looks_like_record(self, values: list) -> bool:
        """Whether a row after a totals row is a record: it fills most required columns,
        as notes and signatures ("Người lập biểu", a name, a title) never do."""
        filled = sum(
            1 for i in self.required if i < len(values) and not is_blank(values[i])
        )  # fmt: skip
        return filled >= max(1, (len(self.required) + 1) // 2)

    def release(self) -> list[tuple[int, list]]:
        """Records follow the held rows: the totals among them were subtotals."""
        rows, self.held = self.held, []
        kept = []
        for number, values in rows:
            if self.is_total(values):
                self.skipped.append((number, "dòng cộng giữa bảng (không nhập)"))
            else:
                kept.append((number, values))
        return kept

    def finish(self) -> None:
        if not self.held:
            return
        self.final, *after = self.held
        self.held = []
        self.skipped.append((self.final[0], "dòng tổng cộng (đối chiếu, không nhập)"))
        for number, _ in after:
            self.skipped.append((number, "dòng dưới dòng tổng cộng (ghi chú, chữ ký)"))

    def check(self, rows: list[ParsedRow]) -> list[str]:
        """Warnings for the final totals row's numbers that are not the column sums."""
        if self.final is None:
            return []
        number, values = self.final
        warnings = []
        for index, header in enumerate(self.headers):
            column = next((c for c in self.kind.columns if fold(c.header) == fold(header)), None)
            if column is None or not column.adds_up or index >= len(values):
                continue
            if is_blank(values[index]):
                continue
            try:
                stated = cells.number(values[index])
            except CellError:
                warnings.append(
                    f'Dòng {number} (tổng cộng), cột "{header}": '
                    f'"{cells.display(values[index])}" không phải là số.'
                )
                continue
            added = sum(
                (Decimal(row.data[column.attr]) for row in rows
                 if row.data.get(column.attr) is not None),
                Decimal(0),
            )  # fmt: skip
            # Equal as far as the totals row writes it (a total rounded to whole millions
            # is not a mismatch); each number said with its own decimals.
            places = _places(stated)
            if added.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP) != stated:
                warnings.append(
                    f'Dòng {number} (tổng cộng), cột "{header}": ghi {vn_number(stated, places)}, '
                    f"nhưng cộng các dòng được {vn_number(added, _places(added))}."
                )
        return warnings


def _match_headers(kind, headers: list[str], errors: RowErrors) -> dict[str, object]:
    by_folded = {fold(column.header): column for column in kind.columns}
    matched: dict[str, object] = {}
    unknown, blank_positions, repeated = [], [], []
    for position, header in enumerate(headers, start=1):
        if not header:
            blank_positions.append(position)
            continue
        if fold(header) in SERIAL_HEADERS:
            continue  # the clerk's row numbers ("STT"): not data
        column = by_folded.get(fold(header))
        if column is None:
            unknown.append(header)
        elif column in matched.values():
            repeated.append(header)
        else:
            matched[header] = column
    if unknown:
        names = ", ".join(f'"{h}"' for h in unknown)
        valid = ", ".join(f'"{c.header}"' for c in kind.columns)
        errors.add(None, None, f"Tệp có cột không xác định: {names}. Các cột hợp lệ: {valid}.")
    if repeated:
        names = ", ".join(f'"{h}"' for h in repeated)
        errors.add(None, None, f"Tệp có cột lặp lại: {names}.")
    if blank_positions:
        where = ", ".join(str(p) for p in blank_positions)
        errors.add(None, None, f"Cột thứ {where} của dòng tiêu đề không có tên.")
    present = {column.attr for column in matched.values()}
    missing = [c.header for c in kind.columns if c.required and c.attr not in present]
    if missing:
        names = ", ".join(f'"{h}"' for h in missing)
        errors.add(None, None, f"Tệp thiếu cột bắt buộc: {names}.")
    return matched


def _field_limit(model, column):
    """Return a check of a parsed value against what its database column can hold, or None.

    Without it a too long text or too large number reached the database: PostgreSQL
    refused the whole import with its own English message, SQLite stored an overlong text
    and crashed on a too large integer.
    """
    try:
        model_field = model._meta.get_field(column.attr)
    except FieldDoesNotExist:
        return None
    internal = model_field.get_internal_type()
    if internal == "CharField" and model_field.max_length:
        longest = model_field.max_length

        def check(value):
            if isinstance(value, str) and len(value) > longest:
                raise CellError(
                    f"dài {vn_number(len(value))} ký tự, quá {vn_number(longest)} ký tự cho phép."
                )

        return check
    if internal == "DecimalField":
        bound = Decimal(10) ** (model_field.max_digits - model_field.decimal_places)

        def check(value):
            if isinstance(value, Decimal) and abs(value) >= bound:
                raise CellError(f"quá lớn: phải nhỏ hơn {vn_number(bound)}.")

        return check
    if "IntegerField" in internal:
        low, high = connection.ops.integer_field_range(internal)

        def check(value):
            if isinstance(value, int) and not isinstance(value, bool):
                if high is not None and value > high:
                    raise CellError(f"quá lớn: tối đa {vn_number(high)}.")
                if low is not None and value < low:
                    raise CellError(f"quá nhỏ: tối thiểu {vn_number(low)}.")

        return check
    return None


def _parse_rows(
    kind, table, columns, errors: RowErrors, progress, every: int, totals: Totals | None = None
) -> list[ParsedRow]:
    present = frozenset(column.attr for column in columns.values())
    # Contract header -> position in the file, and the columns to parse with positions.
    positions = {}
    parsers = []
    for index, header in enumerate(table.headers):
        column = columns.get(header)
        if column is not None:
            positions[column.header] = index
            limit = None if column.attr in kind.references else _field_limit(kind.model, column)
            parsers.append((index, column, limit))
    rows: list[ParsedRow] = []
    started = time.monotonic()
    for number, values in _without_totals(table.rows, totals):
        row = ParsedRow(number=number, cells=values, positions=positions, present=present)
        data = row.data
        width = len(values)
        for index, column, limit in parsers:
            value = values[index] if index < width else None
            if value is None or value == "" or (value.__class__ is str and not value.strip()):
                data[column.attr] = column.default
                if column.required:
                    errors.add(row, column.header, "bỏ trống, nhưng cột này bắt buộc.")
                continue
            try:
                parsed = column.parse(value)
                if parsed.__class__ is cells.Restored:
                    row.restore(column.header, parsed.original, str(parsed))
                    parsed = str(parsed)
                if limit is not None:
                    limit(parsed)
                data[column.attr] = parsed
            except CellError as error:
                errors.add(row, column.header, str(error))
        rows.append(row)
        if progress and len(rows) % every == 0:
            progress(len(rows), time.monotonic() - started)
    return rows


def parse_values(kind, values: dict[str, object]) -> tuple[ParsedRow, RowErrors]:
    """Read one record's values, given by contract header, exactly as an import reads a row
    of a file with these columns: the same parsers and limits (the cooperatives' own form,
    cooperatives/filings.py). The row is numbered 2, as under a header; ``check_row`` is
    the caller's to run, with the stored record it needs."""
    columns = {column.header: column for column in kind.columns if column.header in values}
    headers = list(columns)
    table = _OneRow(headers=headers, rows=[(2, [values[header] for header in headers])])
    errors = RowErrors()
    (row,) = _parse_rows(kind, table, columns, errors, None, 1)
    return row, errors


@dataclass
class _OneRow:
    headers: list
    rows: list


def _without_totals(rows, totals: Totals | None):
    """The rows to import: totals rows and what follows the last one held back."""
    if totals is None:
        yield from rows
        return
    for number, values in rows:
        if totals.held:
            if not totals.looks_like_record(values):
                totals.held.append((number, values))
                continue
            yield from totals.release()
        if totals.is_total(values):
            totals.held.append((number, values))
            continue
        yield number, values
    totals.finish()


def _check_duplicates(kind, rows: list[ParsedRow], errors: RowErrors) -> None:
    seen: dict[object, int] = {}
    for row in rows:
        if not row.ok:
            continue
        key = kind.key(row)
        if key in seen:
            header = kind.key_header
            errors.add(
                row, header, f"trùng với dòng {seen[key]} trong cùng tệp ({kind.key_label})."
            )
        else:
            seen[key] = row.number


def _changes(kind, row, obj, changed, before) -> list[tuple[str, str, str]]:
    """An updated row's changes as the preview shows them: (field, before, after)."""
    fields = [name for name in changed if not name.startswith("_")]
    extra = [name for name in changed if name.startswith("_")]
    details = [kind.change(name, before[name], getattr(obj, name)) for name in fields]
    return details + kind.extra_change_details(row, obj, extra)


def _plan(kind, ctx, rows, existing, errors):
    creates, updates, unchanged = [], [], []
    for row in rows:
        if not row.ok:
            continue
        current = existing.get(kind.key(row))
        kind.check_row(ctx, row, current, errors)
        if not row.ok:
            continue
        values = kind.values(row, current)
        if current is None:
            creates.append((row, kind.new(values)))
            continue
        changed = [
            name for name, value in values.items() if not same(getattr(current, name), value)
        ]
        # The values before, for the preview's "old → new" (shown for the first rows).
        before = {name: getattr(current, name) for name in changed}
        changed += kind.extra_changes(row, current)
        if changed:
            for name, value in values.items():
                setattr(current, name, value)
            updates.append((row, current, changed, before))
        else:
            unchanged.append(row)
    return creates, updates, unchanged


@transaction.atomic
def _write(kind, ctx, file_name, result, creates, updates, on_step=None) -> ImportBatch:
    batch = ImportBatch.objects.create(
        kind=kind.name,
        file_name=file_name[:255],
        user=ctx.user if ctx.user is not None and ctx.user.pk else None,
        rows=result.rows,
        created=len(creates),
        updated=len(updates),
        unchanged=result.unchanged,
    )
    history = HistoryWriter(
        user=batch.user, reason=f"Nhập tệp “{file_name}” (lần nhập #{batch.pk})", batch=batch
    )
    now = timezone.now()
    total = len(creates) + len(updates)
    step = f"Đang ghi {vn_number(total)} dòng vào cơ sở dữ liệu"
    if on_step:
        on_step(step, 0, total)
    new_objects = [obj for _, obj in creates]
    for start in range(0, len(new_objects), WRITE_CHUNK):
        kind.model.objects.bulk_create(new_objects[start : start + WRITE_CHUNK])
        if on_step:
            on_step(step, min(start + WRITE_CHUNK, len(new_objects)), total)
    kind.link(ctx, creates, updates)
    changed_objects = [obj for _, obj, _ in updates]
    if changed_objects:
        fields = sorted({f for _, _, changed in updates for f in changed if not f.startswith("_")})
        if hasattr(kind.model, "updated_at"):
            for obj in changed_objects:
                obj.updated_at = now
            fields.append("updated_at")
        if issubclass(kind.model, VersionedModel):  # an open admin form must see the change
            for obj in changed_objects:
                obj.version = new_version()
            fields.append("version")
        for start in range(0, len(changed_objects) if fields else 0, WRITE_CHUNK):
            part = changed_objects[start : start + WRITE_CHUNK]
            kind.model.objects.bulk_update(part, fields)
            if on_step:
                on_step(step, len(new_objects) + start + len(part), total)
    if any(f.name == "organization" for f in kind.model._meta.fields):
        # Rows shown on their organisation's admin page move its version (locking.py).
        touched = sorted({obj.organization_id for obj in [*new_objects, *changed_objects]})
        for start in range(0, len(touched), 1000):
            bump_version(Organization, touched[start : start + 1000])
    # History last, so that it records the rows as they ended up (links included).
    if on_step:
        on_step("Đang ghi lịch sử thay đổi", total, total)
    history.write(kind.model, new_objects, "+")
    history.write(kind.model, changed_objects, "~")
    kind.after_write(ctx, creates, updates, batch, history)
    return batch


class HistoryWriter:
    """Writes django-simple-history records for rows written in bulk, pointing at a batch.

    The records are the ones ``bulk_history_create`` would make, but copied by the
    database itself (``INSERT … SELECT`` from the rows as they are now), a few thousand
    per statement: building them in Python cost as much as writing the rows themselves.
    Without ``batch`` (an undo) the records point at no batch, like those of a save.
    ``objects`` may be instances or primary keys.
    """

    CHUNK = 2000

    def __init__(self, *, user, reason: str, batch: ImportBatch | None) -> None:
        self.user_id = user.pk if user is not None else None
        self.reason = reason
        self.batch_id = batch.pk if batch is not None else None

    def write(self, model, objects: list, history_type: str) -> None:
        if not objects:
            return
        quote = connection.ops.quote_name
        history_model = get_history_manager_for_model(model).model
        fixed = {
            "history_date": connection.ops.adapt_datetimefield_value(timezone.now()),
            "history_change_reason": self.reason,
            "history_type": history_type,
            "history_user_id": self.user_id,
            "import_batch_id": self.batch_id,
        }
        columns, selected, constants = [], [], []
        for model_field in history_model._meta.concrete_fields:
            if model_field.attname == "history_id":
                continue
            columns.append(quote(model_field.column))
            if model_field.attname in fixed:
                selected.append("%s")
                constants.append(fixed[model_field.attname])
            else:
                # A tracked field has the same column in the historical table.
                selected.append(quote(model_field.column))
        pk_column = quote(model._meta.pk.column)
        ids = [obj.pk if isinstance(obj, model) else obj for obj in objects]
        with connection.cursor() as cursor:
            for start in range(0, len(ids), self.CHUNK):
                part = ids[start : start + self.CHUNK]
                cursor.execute(
                    f"INSERT INTO {quote(history_model._meta.db_table)} ({', '.join(columns)}) "
                    f"SELECT {', '.join(selected)} FROM {quote(model._meta.db_table)} "
                    f"WHERE {pk_column} IN ({', '.join(['%s'] * len(part))})",
                    [*constants, *part],
                )
