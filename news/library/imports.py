"""Importing a list of documents from a spreadsheet (admin: Văn bản › Nhập từ bảng tính).

The file is read by ``core.spreadsheets`` as every import is (title lines above the
header passed over, .xlsx/.xls/.ods/.csv, the same limits). The rules are the other
kinds': every row is checked first, and every problem is reported as "Dòng N, cột “X”:
…"; a file with any problem changes nothing; a good one is written in one transaction.
A row whose type and number are already in the library updates that document; new
issuing bodies are created (and named in the summary). Files are attached in the admin.
"""

import datetime
from dataclasses import dataclass, field

from django.db import transaction

from core.lib.text import fold
from core.spreadsheets import cells
from core.spreadsheets.tables import FileProblem, read_table
from news.models import Document, Issuer, Topic

MAX_ERRORS = 200


@dataclass(frozen=True)
class Column:
    header: str
    required: bool = False
    aliases: tuple[str, ...] = ()


COLUMNS = (
    Column("Loại văn bản", required=True, aliases=("Loại",)),
    Column("Số/ký hiệu", required=True, aliases=("Số ký hiệu", "Số hiệu", "Số, ký hiệu")),
    Column("Trích yếu", required=True, aliases=("Trích yếu nội dung", "Tên văn bản")),
    Column("Cơ quan ban hành", required=True, aliases=("Cơ quan",)),
    Column("Người ký"),
    Column("Ngày ban hành", required=True),
    Column("Ngày có hiệu lực", aliases=("Ngày hiệu lực",)),
    Column("Tình trạng", aliases=("Tình trạng hiệu lực", "Hiệu lực")),
    Column("Thay thế bởi", aliases=("Văn bản thay thế",)),
    Column("Lĩnh vực"),
    Column("Hiện trên trang", aliases=("Công khai",)),
)
# The types, also by the abbreviations of their symbols (NĐ, TT, QĐ …).
ABBREVIATIONS = {
    "NĐ": "nghi-dinh", "TT": "thong-tu", "QĐ": "quyet-dinh", "NQ": "nghi-quyet",
    "KH": "ke-hoach", "CV": "cong-van", "TB": "thong-bao", "BC": "bao-cao",
}  # fmt: skip
TYPES = cells.Choices(Document.Type.choices, aliases=ABBREVIATIONS)
STATUSES = cells.Choices(Document.Status.choices, aliases={"Hiệu lực": "in_force"})


@dataclass
class Outcome:
    errors: list[str] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    new_issuers: list[str] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def _header_index(headers: list[str]) -> dict[str, int]:
    names = {fold(column.header): column.header for column in COLUMNS}
    for column in COLUMNS:
        for alias in column.aliases:
            names[fold(alias)] = column.header
    found = {}
    for index, header in enumerate(headers):
        name = names.get(fold((header or "").strip()))
        if name and name not in found:
            found[name] = index
    return found


def _is_header(values: list) -> bool:
    known = {fold(c.header) for c in COLUMNS} | {fold(a) for c in COLUMNS for a in c.aliases}
    return sum(isinstance(v, str) and fold(v.strip()) in known for v in values) >= 2


def _title(doc_type: str, number: str) -> str:
    return f"{dict(Document.Type.choices)[doc_type]} {number}"


def _replacement_key(value: str) -> tuple[str, str] | None:
    """``Luật 17/2023/QH15`` → ("luat", "17/2023/QH15"): the longest type label in front."""
    folded = fold(value)
    for code, label in sorted(Document.Type.choices, key=lambda c: -len(c[1])):
        prefix = fold(label) + " "
        if folded.startswith(prefix):
            return code, " ".join(value.split()[len(label.split()) :])
    return None


def read_rows(data: bytes, file_name: str, outcome: Outcome) -> list[dict]:
    """Every row as values, or problems in ``outcome.errors``."""
    try:
        table = read_table(data, file_name, _is_header)
    except FileProblem as problem:
        outcome.errors.append(str(problem))
        return []
    outcome.skipped = table.skipped
    index = _header_index(table.headers)
    missing = [c.header for c in COLUMNS if c.required and c.header not in index]
    if missing:
        names = ", ".join(f"“{name}”" for name in missing)
        outcome.errors.append(
            f"Thiếu cột {names}. Dòng tiêu đề cần có: "
            + ", ".join(f"“{c.header}”" for c in COLUMNS)
            + "."
        )
        return []
    topics = {fold(t.name): t for t in Topic.objects.all()}
    rows = []
    try:
        for number, values in table.rows:
            row = _read_row(number, values, index, topics, outcome)
            if row is not None:
                rows.append(row)
            if len(outcome.errors) >= MAX_ERRORS:
                outcome.errors.append(f"Dừng kiểm tra sau {MAX_ERRORS} lỗi; hãy sửa rồi nhập lại.")
                break
    except FileProblem as problem:
        outcome.errors.append(str(problem))
    return rows


def _read_row(number, values, index, topics, outcome) -> dict | None:
    def cell(header):
        position = index.get(header)
        return values[position] if position is not None and position < len(values) else None

    row, errors = {"row": number}, []

    def read(header, parse, key, required=False, default=None):
        value = cell(header)
        if cells.is_blank(value):
            if required:
                errors.append(f"Dòng {number}, cột “{header}”: chưa có giá trị.")
            row[key] = default
            return
        try:
            row[key] = parse(value)
        except cells.CellError as problem:
            errors.append(f"Dòng {number}, cột “{header}”: “{cells.display(value)}” {problem}")

    def text(limit):
        def parse(value):
            result = " ".join(cells.text(value).split())
            if len(result) > limit:
                raise cells.CellError(f"dài quá {limit} ký tự.")
            return result

        return parse

    def topic(value):
        found = topics.get(fold(cells.text(value)))
        if found is None:
            allowed = ", ".join(f"“{t.name}”" for t in topics.values())
            raise cells.CellError(f"không có trong danh sách lĩnh vực: {allowed}.")
        return found

    read("Loại văn bản", TYPES, "doc_type", required=True)
    read("Số/ký hiệu", text(100), "number", required=True)
    read("Trích yếu", text(2000), "summary", required=True)
    read("Cơ quan ban hành", text(200), "issuer", required=True)
    read("Người ký", text(150), "signer", default="")
    read("Ngày ban hành", cells.date, "issued_on", required=True)
    read("Ngày có hiệu lực", cells.date, "effective_on")
    read("Tình trạng", STATUSES, "status", default=Document.Status.IN_FORCE)
    read("Thay thế bởi", text(120), "replaced_by")
    read("Lĩnh vực", topic, "topic")
    read("Hiện trên trang", cells.yes_no, "is_published", default=True)
    if not errors:
        issued, effective = row["issued_on"], row["effective_on"]
        if effective and effective < issued:
            errors.append(f"Dòng {number}, cột “Ngày có hiệu lực”: trước ngày ban hành.")
        if issued > datetime.date.today():
            errors.append(f"Dòng {number}, cột “Ngày ban hành”: là ngày trong tương lai.")
        if row["status"] == Document.Status.REPLACED and not row["replaced_by"]:
            errors.append(f"Dòng {number}, cột “Thay thế bởi”: văn bản bị thay thế cần ghi "
                          "văn bản thay thế nó (ví dụ: Luật 17/2023/QH15).")  # fmt: skip
    outcome.errors.extend(errors)
    return None if errors else row


def _check_together(rows: list[dict], outcome: Outcome) -> None:
    """Twice the same document in the file; replacements that name nothing known."""
    seen = {}
    for row in rows:
        key = (row["doc_type"], row["number"])
        if key in seen:
            outcome.errors.append(f"Dòng {row['row']}: “{_title(*key)}” đã có ở dòng {seen[key]}.")
        seen.setdefault(key, row["row"])
    existing = set(Document.objects.values_list("doc_type", "number"))
    for row in rows:
        if not row["replaced_by"]:
            continue
        key = _replacement_key(row["replaced_by"])
        if key is None:
            outcome.errors.append(
                f"Dòng {row['row']}, cột “Thay thế bởi”: “{row['replaced_by']}” không bắt đầu "
                "bằng loại văn bản (ví dụ: Nghị định 113/2024/NĐ-CP)."
            )
        elif key not in seen and key not in existing:
            outcome.errors.append(
                f"Dòng {row['row']}, cột “Thay thế bởi”: không có văn bản “{_title(*key)}” "
                "trong thư viện hay trong tệp."
            )
        elif key == (row["doc_type"], row["number"]):
            outcome.errors.append(
                f"Dòng {row['row']}, cột “Thay thế bởi”: văn bản không thể thay thế chính nó."
            )
        else:
            row["replaced_key"] = key


def import_documents(data: bytes, file_name: str, *, dry_run: bool = False) -> Outcome:
    """Check the file and, if every row is good and not ``dry_run``, write it whole."""
    outcome = Outcome()
    rows = read_rows(data, file_name, outcome)
    if outcome.errors:
        return outcome
    if not rows:
        outcome.errors.append("Tệp không có dòng văn bản nào dưới dòng tiêu đề.")
        return outcome
    _check_together(rows, outcome)
    if outcome.errors:
        return outcome
    with transaction.atomic():
        _write(rows, outcome)
        if dry_run:
            transaction.set_rollback(True)
    return outcome


def _write(rows: list[dict], outcome: Outcome) -> None:
    issuers = {i.name_folded: i for i in Issuer.objects.all()}
    existing = {
        (d.doc_type, d.number): d
        for d in Document.objects.filter(number__in=[r["number"] for r in rows])
    }
    written = {}
    for row in rows:
        folded = fold(row["issuer"])
        issuer = issuers.get(folded)
        if issuer is None:
            issuer = issuers[folded] = Issuer.objects.create(name=row["issuer"])
            outcome.new_issuers.append(issuer.name)
        key = (row["doc_type"], row["number"])
        document = existing.get(key) or Document(doc_type=row["doc_type"], number=row["number"])
        if document.pk:
            outcome.updated += 1
        else:
            outcome.created += 1
        for attr in ("summary", "signer", "issued_on", "effective_on", "status", "topic",
                     "is_published"):  # fmt: skip
            setattr(document, attr, row[attr])
        document.issuer = issuer
        document._change_reason = "Nhập từ bảng tính"
        document.save()
        written[key] = document
    for row in rows:
        key = row.get("replaced_key")
        if key is None:
            continue
        document = written[(row["doc_type"], row["number"])]
        document.replaced_by = written.get(key) or Document.objects.get(
            doc_type=key[0], number=key[1]
        )
        document._change_reason = "Nhập từ bảng tính"
        document.save(update_fields=["replaced_by", "updated_at"])


def template_workbook() -> bytes:
    """An empty list with the columns and one example row, for clerks to fill in."""
    import io

    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Văn bản"
    sheet.append(["DANH MỤC VĂN BẢN"])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([])
    sheet.append([c.header for c in COLUMNS])
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    sheet.append(["Thông tư", "09/2024/TT-BKHĐT",
                  "Ban hành biểu mẫu sử dụng trong đăng ký hợp tác xã và chế độ báo cáo về tình "
                  "hình hoạt động của tổ chức thuộc khu vực kinh tế tập thể, hợp tác xã",
                  "Bộ Kế hoạch và Đầu tư", "", "30/07/2024", "", "Còn hiệu lực", "",
                  "Kinh tế tập thể, hợp tác xã", "Có"])  # fmt: skip
    for column, width in zip(
        "ABCDEFGHIJK", (14, 20, 60, 28, 22, 14, 16, 16, 24, 28, 14), strict=True
    ):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
