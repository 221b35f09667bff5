from django.core.management.base import BaseCommand, CommandError

from core.lib.reform import REFORM_DATE_TEXT
from demo.gallery import load_gallery_demo
from demo.library import load_library_demo
from demo.news import load_news_demo
from demo.questions import load_questions_demo
from demo.registry import DemoDataConflict, load_demo


class Command(BaseCommand):
    help = (
        "Nạp dữ liệu mẫu: các đơn vị hành chính chính thức của tỉnh Ninh Bình mới (Hà Nam, "
        "Nam Định, Ninh Bình cũ, qua load_areas), các tổ chức của tỉnh Nam Định trước và sau "
        f"ngày {REFORM_DATE_TEXT} đặt tại các xã thật, và tin tức (chạy lại không đổi gì)."
    )

    def handle(self, *args, **options) -> None:
        try:
            load_demo(stdout=self.stdout)
        except DemoDataConflict as error:
            raise CommandError(str(error)) from error
        load_news_demo(stdout=self.stdout)
        load_gallery_demo(stdout=self.stdout)
        load_library_demo(stdout=self.stdout)
        load_questions_demo(stdout=self.stdout)
