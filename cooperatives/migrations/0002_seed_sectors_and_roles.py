import unicodedata

from django.db import migrations

# docs/interfaces.md §2.1; only "Nông nghiệp" counts as agricultural.
SECTORS = [
    ("Nông nghiệp", True),
    ("Công nghiệp - TTCN", False),
    ("Thương mại - Dịch vụ", False),
    ("Vận tải", False),
    ("Xây dựng", False),
    ("Môi trường", False),
    ("Điện", False),
    ("Nhà ở", False),
    ("Tín dụng", False),
    ("Tổng hợp", False),
    ("Khác", False),
]

GROUPS = ["Cán bộ Liên minh", "Cán bộ địa bàn", "Biên tập viên", "Lãnh đạo"]


def _fold(value):
    # A frozen copy of core.lib.text.fold: migrations must not change with the code.
    decomposed = unicodedata.normalize("NFD", value)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.replace("đ", "d").replace("Đ", "D").casefold().split())


def seed(apps, schema_editor):
    Sector = apps.get_model("cooperatives", "Sector")
    for order, (name, agricultural) in enumerate(SECTORS, start=1):
        Sector.objects.get_or_create(
            name=name,
            defaults={
                "name_folded": _fold(name),
                "is_agricultural": agricultural,
                "order": order * 10,
            },
        )
    Group = apps.get_model("auth", "Group")
    for name in GROUPS:
        # Permissions are given after every migrate by core.roles.sync_roles,
        # once the permission rows of every app exist.
        Group.objects.get_or_create(name=name)


def unseed(apps, schema_editor):
    apps.get_model("cooperatives", "Sector").objects.filter(
        name__in=[name for name, _ in SECTORS], organizations__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cooperatives", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
