"""Recovery: remove a person's second factor (lost phone and backup codes)."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from signin.services import reset_two_factor


class Command(BaseCommand):
    help = (
        "Đặt lại xác thực hai bước của một tài khoản: xóa ứng dụng xác thực và mã dự phòng "
        "đã đăng ký. Người đó đăng ký lại ở lần đăng nhập sau."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="tên đăng nhập")

    def handle(self, *args, username: str, **options):
        User = get_user_model()
        try:
            user = User.objects.get(username=username)
        except User.DoesNotExist:
            raise CommandError(f"Không có tài khoản “{username}”.") from None
        removed = reset_two_factor(user=user)
        if removed == 0:
            self.stdout.write(f"Tài khoản “{username}” chưa đăng ký xác thực hai bước.")
            return
        self.stdout.write(
            f"Đã đặt lại xác thực hai bước của “{username}” ({removed} thiết bị). "
            "Lần đăng nhập sau, tài khoản sẽ đăng ký lại ứng dụng xác thực."
        )
