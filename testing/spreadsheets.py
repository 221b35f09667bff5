"""Real spreadsheet files built in tests, and a shortcut to import them."""

import csv
import datetime
import io

from openpyxl import Workbook, load_workbook

from cooperatives.spreadsheets.engine import import_file
from cooperatives.spreadsheets.kinds import KINDS


def xlsx(rows: list[list]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_file(rows: list[list], delimiter: str = ",", encoding: str = "utf-8-sig") -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    return buffer.getvalue().encode(encoding)


def read_xlsx(data: bytes) -> dict[str, list[list]]:
    workbook = load_workbook(io.BytesIO(data))
    return {
        sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)]
        for sheet in workbook.worksheets
    }


def run(kind: str, data: bytes, name: str = "du-lieu.xlsx", **options):
    return import_file(kind=KINDS[kind], data=data, file_name=name, **options)


ORG_HEADER = ["Mã số", "Tên", "Loại hình", "Lĩnh vực", "Địa bàn", "Ngày thành lập"]


def org_row(
    code="0600000101",
    name="HTX Nông nghiệp Yên Bằng",
    kind="HTX",
    sector="Nông nghiệp",
    area="13900",
    founded=datetime.date(2016, 3, 15),
):
    return [code, name, kind, sector, area, founded]


FIGURES_HEADER = [
    "Mã số",
    "Năm",
    "Số tháng",
    "Số lao động thường xuyên",
    "Số lao động đóng BHXH",
    "Doanh thu (triệu đồng)",
]
