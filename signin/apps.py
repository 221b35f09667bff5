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
