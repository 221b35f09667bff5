from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cooperatives.spreadsheets.engine import import_file
from cooperatives.spreadsheets.kinds import KINDS
from core.lib.formatting import vn_number


class Command(BaseCommand):
    help = (
        "Nhập một tệp bảng tính (.xlsx, .xls, .ods hoặc .csv): lưu toàn bộ, hoặc không lưu "
        "gì nếu có lỗi."
    )

    def add_arguments(self, parser):
        parser.add_argument("--kind", required=True, choices=list(KINDS))
        parser.add_argument("file")
        parser.add_argument(
            "--dry-run", action="store_true", help="Chỉ kiểm tra và báo cáo, không lưu."
        )

    def handle(self, *args, kind, file, dry_run, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"Không tìm thấy tệp “{file}”.")

        # The engine reads rows lazily: it knows how many it has read, not how many remain.
        def progress(done: int, seconds: float) -> None:
            rate = done / seconds if seconds else done
            self.stdout.write(f"Đã đọc {vn_number(done)} dòng ({vn_number(rate)} dòng/giây)…")

        steps = []

        def step(text: str, done: int, total: int | None) -> None:
            if not steps or steps[-1] != text:  # each step once, not each chunk
                steps.append(text)
                self.stdout.write(f"{text}…")

        result = import_file(
            kind=KINDS[kind],
            data=path.read_bytes(),
            file_name=path.name,
            dry_run=dry_run,
            progress=progress,
            on_step=step,
        )
        if result.errors:
            for error in result.errors:
                self.stderr.write(str(error))
            raise CommandError(result.summary())
        self.stdout.write(result.summary())
        if result.batch is not None:
            self.stdout.write(f"Lần nhập #{result.batch.pk} đã được ghi lại.")
