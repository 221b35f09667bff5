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

# What each role may do, app by app: every app grants its own permissions in its
# ``AppConfig.ready`` (``grant``), so that this module names no app above it.
_GRANTS: dict[str, dict[str, Q]] = {role: {} for role in GROUP_NAMES}


def grant(app_label: str, role: str, permissions: Q) -> None:
    """Give ``role`` the permissions of ``app_label`` that ``permissions`` selects.

    ``permissions`` filters ``Permission`` rows; it is confined to the app's own
    content types, whatever it says.
    """
    if role not in GROUP_NAMES:
        raise ValueError(role)
    _GRANTS[role][app_label] = Q(content_type__app_label=app_label) & permissions


VIEW = Q(codename__startswith="view_")
ALL = Q()


def _role_permissions(role: str) -> Q | None:
    """Return the permission filter of ``role`` (None: no permissions)."""
    grants = list(_GRANTS[role].values())
    if not grants:
        return None
    combined = grants[0]
    for more in grants[1:]:
        combined |= more
    return combined


def sync_roles(sender=None, using="default", **kwargs) -> None:
    """Create the role groups if needed and give each exactly its permissions."""
    for role, name in GROUP_NAMES.items():
        group, _ = Group.objects.using(using).get_or_create(name=name)
        allowed = _role_permissions(role)
        if allowed is None:
            group.permissions.clear()
            continue
        # Historical (simple_history) models are read through their parent's admin.
        perms = (
            Permission.objects.using(using)
            .filter(allowed)
            .exclude(content_type__model__startswith="historical")
        )
        group.permissions.set(perms)


def role_group(role: str) -> Group:
    return Group.objects.get(name=GROUP_NAMES[role])


def user_roles(user) -> set[str]:
    names = {name: role for role, name in GROUP_NAMES.items()}
    return {names[n] for n in user.groups.values_list("name", flat=True) if n in names}
