"""The four staff roles, as groups whose permissions are kept in step after every migrate."""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

ALLIANCE = "alliance"
AREA = "area"
EDITOR = "editor"
OFFICIAL = "official"

GROUP_NAMES = {
    ALLIANCE: "Cán bộ Liên minh",
    AREA: "Cán bộ địa bàn",
    EDITOR: "Biên tập viên",
    OFFICIAL: "Lãnh đạo",
}

# Records area officers keep for the organisations of their own areas.
_AREA_RECORDS = ("organization", "location", "figures", "member", "ocopproduct", "loan")
_AREA_REMOVABLE = ("location", "figures", "member", "ocopproduct", "loan")


def _role_permissions(role: str) -> Q | None:
    """Return the permission filter of ``role`` (None: no permissions)."""
    registry = Q(content_type__app_label="cooperatives") & ~Q(
        content_type__model__in=["staffprofile"]
    )
    if role == ALLIANCE:
        return (
            registry
            | Q(content_type__app_label="reports")
            | Q(content_type__app_label="news")
            | Q(content_type__app_label="import_export")
            # The sign-in audit (django-axes), read-only.
            | Q(content_type__app_label="axes", codename__startswith="view_")
        )
    if role == AREA:
        view = Q(codename__startswith="view_")
        return Q(content_type__app_label="reports", codename="view_report") | Q(
            content_type__app_label="cooperatives"
        ) & (
            Q(content_type__model__in=["area", "sector", "unplacedorganization", "importbatch"])
            & view
            | Q(content_type__model="expiringocopproduct") & view
            | Q(content_type__model__in=_AREA_RECORDS)
            & (view | Q(codename__startswith="add_") | Q(codename__startswith="change_"))
            | Q(content_type__model__in=_AREA_REMOVABLE) & Q(codename__startswith="delete_")
        )
    if role == EDITOR:
        return Q(content_type__app_label="news")
    if role == OFFICIAL:
        view = Q(codename__startswith="view_")
        return (
            registry & view & ~Q(content_type__model="member")
            | Q(content_type__app_label="reports") & view
        )
    raise ValueError(role)


def sync_roles(sender=None, using="default", **kwargs) -> None:
    """Create the role groups if needed and give each exactly its permissions."""
    for role, name in GROUP_NAMES.items():
        group, _ = Group.objects.using(using).get_or_create(name=name)
        # Historical (simple_history) models are read through their parent's admin.
        perms = (
            Permission.objects.using(using)
            .filter(_role_permissions(role))
            .exclude(content_type__model__startswith="historical")
        )
        group.permissions.set(perms)


def role_group(role: str) -> Group:
    return Group.objects.get(name=GROUP_NAMES[role])


def user_roles(user) -> set[str]:
    names = {name: role for role, name in GROUP_NAMES.items()}
    return {names[n] for n in user.groups.values_list("name", flat=True) if n in names}
