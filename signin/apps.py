from axes.apps import AppConfig as AxesAppConfig
from django.apps import AppConfig


class SigninConfig(AppConfig):
    """Sign-in protection: lockout page, staff session limits, two-factor sign-in, the
    sign-in audit admin."""

    default = True  # this module also holds AxesConfig
    name = "signin"
    verbose_name = "Đăng nhập"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from signin.sessions import start_staff_session
        from signin.two_factor import clear_failures_on_sign_in

        user_logged_in.connect(start_staff_session, dispatch_uid="signin.start_staff_session")
        user_logged_in.connect(
            clear_failures_on_sign_in, dispatch_uid="signin.clear_failures_on_sign_in"
        )
        self._vietnamese_titles()
        self._vietnamese_device_labels()

    @staticmethod
    def _vietnamese_device_labels() -> None:
        """django-otp ships no Vietnamese: the labels of its device list in the admin
        (signin/admin.py), set here rather than in locale/ so they stay with the admin."""
        from django.apps import apps
        from django_otp.plugins.otp_static.models import StaticDevice
        from django_otp.plugins.otp_totp.models import TOTPDevice

        apps.get_app_config("otp_totp").verbose_name = "Xác thực hai bước"
        apps.get_app_config("otp_static").verbose_name = "Mã dự phòng"
        labels = {
            "user": "tài khoản",
            "name": "tên",
            "confirmed": "đã xác nhận",
            "created_at": "đăng ký lúc",
            "last_used_at": "dùng lần cuối lúc",
        }
        for model in (TOTPDevice, StaticDevice):
            for field, label in labels.items():
                model._meta.get_field(field).verbose_name = label
        TOTPDevice._meta.verbose_name = "ứng dụng xác thực"
        TOTPDevice._meta.verbose_name_plural = "Ứng dụng xác thực"
        StaticDevice._meta.verbose_name = "bộ mã dự phòng"
        StaticDevice._meta.verbose_name_plural = "Bộ mã dự phòng"

    @staticmethod
    def _vietnamese_titles() -> None:
        """The admin's titles and breadcrumbs show each record's ``str()``: django-axes
        writes it in English, so the audit records get Vietnamese ones."""
        from axes.models import AccessAttempt, AccessFailureLog, AccessLog
        from django.utils import timezone

        def when(record) -> str:
            return timezone.localtime(record.attempt_time).strftime("%H:%M:%S %d/%m/%Y")

        AccessLog.__str__ = lambda r: f"Đăng nhập của {r.username} lúc {when(r)}"
        AccessFailureLog.__str__ = lambda r: f"Đăng nhập sai của {r.username} lúc {when(r)}"
        AccessAttempt.__str__ = lambda r: f"Đăng nhập sai của {r.username} từ {r.ip_address}"


class AxesConfig(AxesAppConfig):
    """django-axes under a Vietnamese name in the admin."""

    verbose_name = "Nhật ký đăng nhập"
