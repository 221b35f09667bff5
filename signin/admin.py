"""The sign-in audit (django-axes records) in the admin, read-only for everyone.

Sign-ins and sign-outs (AccessLog), failed attempts (AccessFailureLog) and the running
failure counts that lock a user name on an address (AccessAttempt). Nobody edits them
here; a lock is lifted with ``manage.py axes_reset_username`` (docs/security.md)
or, by a superuser, by deleting the attempt row.
"""

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib import admin
from django.utils import timezone
from import_export.fields import Field

from core.admin import SafeListParametersMixin
from core.list_exports import MOMENT, ListExportMixin, VietnameseResource, YesNo


class ReadOnlyAdmin(SafeListParametersMixin, admin.ModelAdmin):
    date_hierarchy = "attempt_time"
    search_fields = ["username", "ip_address", "user_agent"]
    list_per_page = 100

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields]


class AccessLogResource(VietnameseResource):
    attempt_time = Field("attempt_time", "Đăng nhập lúc", widget=MOMENT)
    logout_time = Field("logout_time", "Đăng xuất lúc", widget=MOMENT)
    username = Field("username", "Tên đăng nhập")
    ip_address = Field("ip_address", "Địa chỉ IP")
    user_agent = Field("user_agent", "Trình duyệt")

    class Meta:
        model = AccessLog
        fields = ["attempt_time", "logout_time", "username", "ip_address", "user_agent"]


class AccessFailureLogResource(VietnameseResource):
    attempt_time = Field("attempt_time", "Thời điểm", widget=MOMENT)
    username = Field("username", "Tên đăng nhập")
    ip_address = Field("ip_address", "Địa chỉ IP")
    user_agent = Field("user_agent", "Trình duyệt")
    locked_out = Field("locked_out", "Bị khóa", widget=YesNo())

    class Meta:
        model = AccessFailureLog
        fields = ["attempt_time", "username", "ip_address", "user_agent", "locked_out"]


@admin.register(AccessLog)
class AccessLogAdmin(ListExportMixin, ReadOnlyAdmin):
    list_export_resource = AccessLogResource
    list_export_stem = "nhat-ky-dang-nhap"
    list_display = ["attempt_time", "logout_time", "username", "ip_address", "user_agent"]
    list_filter = ["attempt_time"]
    fields = ["username", "attempt_time", "logout_time", "ip_address", "user_agent", "path_info"]


@admin.register(AccessFailureLog)
class AccessFailureLogAdmin(ListExportMixin, ReadOnlyAdmin):
    list_export_resource = AccessFailureLogResource
    list_export_stem = "dang-nhap-that-bai"
    list_display = ["attempt_time", "username", "ip_address", "user_agent", "locked_out"]
    list_filter = ["attempt_time", "locked_out"]
    fields = ["username", "attempt_time", "ip_address", "user_agent", "path_info", "locked_out"]


@admin.register(AccessAttempt)
class AccessAttemptAdmin(ReadOnlyAdmin):
    list_display = ["attempt_time", "username", "ip_address", "failures_since_start", "state"]
    list_filter = ["attempt_time"]
    fields = ["username", "attempt_time", "ip_address", "user_agent", "failures_since_start"]

    @admin.display(description="tình trạng")
    def state(self, obj: AccessAttempt) -> str:
        locked_until = obj.attempt_time + settings.AXES_COOLOFF_TIME
        if obj.failures_since_start >= settings.AXES_FAILURE_LIMIT:
            if locked_until > timezone.now():
                return f"Bị khóa đến {timezone.localtime(locked_until):%H:%M %d/%m/%Y}"
            return "Đã hết hạn khóa"
        return f"Còn {settings.AXES_FAILURE_LIMIT - obj.failures_since_start} lần thử"


# --- Two-factor devices (labels in Vietnamese: SigninConfig._vietnamese_device_labels) ---
# django-otp's own admins show each device's secret and let its holder's QR code be
# opened by anyone with the permission: they are replaced by one list without secrets,
# where a superuser resets a person's second factor (recovery, docs/security.md).
from django.contrib import messages  # noqa: E402
from django_otp.plugins.otp_static.models import StaticDevice  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402

from signin.services import reset_two_factor  # noqa: E402

for _model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(_model):
        admin.site.unregister(_model)


@admin.register(TOTPDevice)
class TwoFactorDeviceAdmin(admin.ModelAdmin):
    list_display = ["user", "name", "confirmed", "created_at", "last_used_at"]
    list_filter = ["confirmed"]
    search_fields = ["user__username"]
    fields = ["user", "name", "confirmed", "created_at", "last_used_at"]
    readonly_fields = fields
    actions = ["reset"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        # Removing only the app would leave the backup codes: the reset action removes both.
        return False

    def has_reset_permission(self, request) -> bool:
        return request.user.is_superuser

    @admin.action(description="Đặt lại xác thực hai bước của người đã chọn", permissions=["reset"])
    def reset(self, request, queryset):
        users = {device.user for device in queryset.select_related("user")}
        for user in users:
            reset_two_factor(user=user)
        names = ", ".join(sorted(user.get_username() for user in users))
        self.message_user(
            request,
            f"Đã đặt lại xác thực hai bước của: {names}. Lần đăng nhập sau, họ phải "
            "đăng ký lại ứng dụng xác thực (nếu vai trò bắt buộc).",
            messages.SUCCESS,
        )
