from django.core.management.base import BaseCommand

from demo.collections import invite_demo_filer


class Command(BaseCommand):
    help = (
        "Mở kỳ thu thập số liệu minh họa và mời kế toán của một HTX minh họa tạo tài khoản "
        "nộp số liệu (in đường dẫn mời)."
    )

    def handle(self, *args, **options):
        invite_demo_filer(stdout=self.stdout)
