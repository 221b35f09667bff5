from django.core.management.base import BaseCommand, CommandError
from django.db.models import F

from cooperatives.services import RoleError, set_role
from core.lib.reform import LAST_OLD_DAY_TEXT, REFORM_DATE_TEXT
from core.roles import GROUP_NAMES


class Command(BaseCommand):
    help = "Gán một vai trò cho người dùng (tạo tài khoản nếu chưa có)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("role", choices=list(GROUP_NAMES))
        parser.add_argument(
            "--area",
            action="append",
            default=[],
            metavar="MÃ",
            help=(
                "Địa bàn của cán bộ địa bàn (lặp lại cho nhiều địa bàn). MÃ là đơn vị "
                "mang mã đó hôm nay; đơn vị đã hết hiệu lực viết kèm ngày cuối của nó: "
                f"MÃ@dd/mm/yyyy, ví dụ 14011@{LAST_OLD_DAY_TEXT} là Xã Bình Minh (mã 14011 từ "
                f"{REFORM_DATE_TEXT} là Xã Nam Minh)."
            ),
        )

    def handle(self, *args, username, role, area, **options):
        try:
            user, created = set_role(username=username, role=role, area_codes=area)
        except RoleError as error:
            raise CommandError(str(error)) from None
        action = "Đã tạo tài khoản" if created else "Đã cập nhật tài khoản"
        areas = user.staff_profile.areas.order_by("code", F("valid_from").asc(nulls_first=True))
        where = f" (địa bàn: {'; '.join(a.label for a in areas)})" if area else ""
        self.stdout.write(f"{action} “{user.username}”: {GROUP_NAMES[role]}{where}.")
        if created:
            self.stdout.write(
                "Tài khoản chưa có mật khẩu; đặt mật khẩu bằng: manage.py changepassword"
            )
