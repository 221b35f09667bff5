import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cooperatives.models import Area, code_not_on_day
from core.lib.periods import period_label
from reports.compute import ReportRefused, report_end
from reports.pdf import report_html_for_pdf, report_pdf
from reports.presentation import COUNTRY
from reports.services import current_report, current_sectors
from reports.workbook import report_workbook


class Command(BaseCommand):
    help = "Lập báo cáo của một địa bàn cho một kỳ (năm, số tháng tính từ tháng 1)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--area",
            required=True,
            metavar="MÃ",
            help="mã đơn vị hành chính, tra theo ngày cuối kỳ báo cáo; VN là toàn quốc",
        )
        parser.add_argument("--year", required=True, type=int)
        parser.add_argument("--months", required=True, type=int)
        parser.add_argument("--format", required=True, choices=["json", "html", "pdf", "xlsx"])
        parser.add_argument("--output", required=True)

    def handle(self, *args, area, year, months, format, output, **options):
        try:
            end = report_end(year, months)
        except ReportRefused as refusal:
            raise CommandError(str(refusal)) from None
        if area.upper() == "VN":
            found, shown = None, COUNTRY
        else:
            # A code names the unit that has it at the period's end (codes were reused).
            found = shown = Area.objects.with_code_on(area, end)
            if found is None:
                message = code_not_on_day(area, end)
                raise CommandError(message[0].upper() + message[1:])
        try:
            report, frozen = current_report(found, year, months)
        except ReportRefused as refusal:
            raise CommandError(str(refusal)) from None
        path = Path(output)
        if not path.parent.exists():
            raise CommandError(f"Không có thư mục “{path.parent}”.")
        if format == "json":
            path.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
        elif format == "html":
            sectors = current_sectors(found, year, months, frozen)
            path.write_text(report_html_for_pdf(report, shown, frozen, sectors), encoding="utf-8")
        elif format == "pdf":
            sectors = current_sectors(found, year, months, frozen)
            path.write_bytes(report_pdf(report, shown, frozen, sectors))
        else:
            path.write_bytes(report_workbook(report))
        self.stdout.write(f"Đã ghi báo cáo {shown.name}, {period_label(year, months)} ra {path}.")
