import time

from django.core.management.base import BaseCommand, CommandError

from cooperatives import official_units
from cooperatives.spreadsheets.engine import import_file
from cooperatives.spreadsheets.kinds import KINDS
from core.lib.formatting import vn_number
from core.lib.reform import LAST_OLD_DAY_TEXT, REFORM_DATE_TEXT


class Command(BaseCommand):
    help = (
        "Nạp các đơn vị hành chính chính thức (mã GSO) từ bộ dữ liệu vietnamadminunits: "
        f"63 tỉnh cùng các huyện, xã đến {LAST_OLD_DAY_TEXT}; 34 tỉnh và các xã từ "
        f"{REFORM_DATE_TEXT}; đơn vị "
        "tiếp nhận của từng xã cũ. Đi qua cùng đường nhập với “import_data --kind areas”: "
        "lưu toàn bộ hoặc không lưu gì, có lịch sử và hoàn tác; chạy lại không thay đổi gì."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--province",
            nargs="+",
            metavar="MÃ",
            help=(
                "Chỉ nạp địa bàn của các tỉnh này, theo mã cũ hoặc mới (ví dụ 36 hoặc 37): "
                "tỉnh mới cùng mọi tỉnh cũ hợp thành nó, với các huyện, xã. "
                "Bỏ trống: cả nước."
            ),
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Chỉ kiểm tra và báo cáo, không lưu."
        )

    def handle(self, *args, province, dry_run, **options):
        started = time.monotonic()
        try:
            data = official_units.load()
        except official_units.OfficialDataMissing as missing:
            raise CommandError(str(missing)) from None
        codes = [code.strip() for code in province or [] if code.strip()]
        unknown = data.unknown(codes)
        if unknown:
            raise CommandError(
                f"Không có tỉnh nào mang mã {', '.join(unknown)} trong bộ dữ liệu "
                "(mã tỉnh có 2 chữ số, ví dụ 36 hoặc 37)."
            )
        units = data.select(codes)
        where = f"các tỉnh {', '.join(codes)}" if codes else "cả nước"
        self.stdout.write(
            f"Bộ dữ liệu vietnamadminunits {official_units.version()}: "
            f"{vn_number(len(units))} đơn vị của {where}."
        )
        result = import_file(
            kind=KINDS["areas"],
            data=official_units.areas_file(units),
            file_name=f"vietnamadminunits-{official_units.version()}.csv",
            dry_run=dry_run,
            # Whatever the number of units: every report reads the areas.
            refresh_statistics=True,
        )
        if result.errors:
            for error in result.errors[:50]:
                self.stderr.write(str(error))
            raise CommandError(result.summary())
        self.stdout.write(result.summary())
        if result.batch is not None:
            self.stdout.write(f"Lần nhập #{result.batch.pk} đã được ghi lại (có thể hoàn tác).")
        self.stdout.write(f"Xong sau {vn_number(time.monotonic() - started, 1)} giây.")
