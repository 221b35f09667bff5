import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Tạo tài khoản quản trị minh họa và in mật khẩu một lần duy nhất."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username, **options):
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            self.stdout.write(
                f"Tài khoản quản trị “{username}” đã có; mật khẩu đã được in ở lần chạy đầu. "
                "Đặt lại bằng: manage.py changepassword " + username
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email="", password=password)
        self.stdout.write(
            f"Đã tạo tài khoản quản trị minh họa: tên đăng nhập “{username}”, "
            f"mật khẩu “{password}” (chỉ in lần này)."
        )
