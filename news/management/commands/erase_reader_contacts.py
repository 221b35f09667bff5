"""Erase readers' contacts past their keeping time (docs/security.md), and expired captchas.

``run_workers`` does the same once a day (``clean_up_reader_data``); this is for cron or
for an operator. Running it twice erases nothing twice.
"""

from captcha.models import CaptchaStore
from django.conf import settings
from django.core.management.base import BaseCommand

from core.lib.formatting import vn_number
from news.questions.services import erase_expired_contacts


class Command(BaseCommand):
    help = (
        "Xóa email và số điện thoại của người hỏi, người bình luận sau "
        "HTX_READER_CONTACT_MONTHS tháng, và các mã xác nhận đã hết hạn."
    )

    def handle(self, *args, **options) -> None:
        done = erase_expired_contacts()
        CaptchaStore.remove_expired()
        self.stdout.write(
            f"Đã xóa thông tin liên hệ của {vn_number(done['questions'])} câu hỏi và "
            f"{vn_number(done['comments'])} bình luận quá {settings.READER_CONTACT_MONTHS} "
            "tháng.\n"
        )
