from django.core.management.base import BaseCommand, CommandError

from cooperatives.demo import DemoDataConflict, load_demo


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu: tỉnh Nam Định trước và sau ngày 01/07/2025 (chạy lại không đổi gì)."

    def handle(self, *args, **options) -> None:
        try:
            load_demo(stdout=self.stdout)
        except DemoDataConflict as error:
            raise CommandError(str(error)) from error
