"""Staff accounts with their role and areas."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User
from django.utils.translation import gettext_lazy as _

from cooperatives.admin.base import (
    AreaLabelMixin,
)
from cooperatives.models import (
    StaffProfile,
)
from core.admin import SafeListParametersMixin


class StaffProfileInline(AreaLabelMixin, admin.StackedInline):
    model = StaffProfile
    can_delete = False
    autocomplete_fields = ["areas"]
    verbose_name_plural = _("Phạm vi địa bàn (chỉ dùng cho cán bộ địa bàn)")


admin.site.unregister(User)


@admin.register(User)
class StaffUserAdmin(SafeListParametersMixin, UserAdmin):
    inlines = [StaffProfileInline]
    list_display = ["username", "full_name", "email", "role_names", "is_staff", "is_active"]
    list_filter = ["groups", "is_staff", "is_superuser", "is_active"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups")

    @admin.display(description=_("họ tên"))
    def full_name(self, obj):
        return obj.get_full_name() or "—"

    @admin.display(description=_("vai trò"))
    def role_names(self, obj):
        return ", ".join(group.name for group in obj.groups.all()) or "—"
