from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cooperatives.spreadsheets.export import export_file
from cooperatives.spreadsheets.kinds import KINDS
from core.lib.formatting import vn_number


class Command(BaseCommand):
    help = "Xuất dữ liệu ra tệp .xlsx hoặc .csv (theo phần mở rộng), đúng mẫu để nhập lại."

    def add_arguments(self, parser):
        parser.add_argument("--kind", required=True, choices=list(KINDS))
        parser.add_argument("file")
        parser.add_argument(
            "--template", action="store_true", help="Xuất tệp mẫu trống (một dòng ví dụ)."
        )

    def handle(self, *args, kind, file, template, **options):
        path = Path(file)
        suffix = path.suffix.lower()
        if suffix not in (".xlsx", ".csv"):
            raise CommandError("Tên tệp phải kết thúc bằng .xlsx hoặc .csv.")
        if not path.parent.exists():
            raise CommandError(f"Không có thư mục “{path.parent}”.")
        spec = KINDS[kind]
        objects = [] if template else list(spec.export_queryset())
        path.write_bytes(export_file(spec, objects, suffix[1:], template=template))
        what = "tệp mẫu" if template else f"{vn_number(len(objects))} dòng"
        self.stdout.write(f"Đã xuất {what} “{spec.label}” ra {path}.")
