# DataVersion and VisitDay belong to the whole site: their rows move to core's tables.

from django.db import migrations


def copy_rows(apps, schema_editor):
    for name in ("DataVersion", "VisitDay"):
        old = apps.get_model("cooperatives", name)
        new = apps.get_model("core", name)
        fields = [f.attname for f in old._meta.concrete_fields]
        new.objects.bulk_create(
            [new(**{f: getattr(row, f) for f in fields}) for row in old.objects.all()],
            ignore_conflicts=True,
        )


def copy_back(apps, schema_editor):
    for name in ("DataVersion", "VisitDay"):
        old = apps.get_model("cooperatives", name)
        new = apps.get_model("core", name)
        fields = [f.attname for f in new._meta.concrete_fields]
        old.objects.bulk_create(
            [old(**{f: getattr(row, f) for f in fields}) for row in new.objects.all()]
        )
        # Moved back, not copied: migrating forward again finds the core tables empty.
        new.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cooperatives", "0011_area_code_reused"),
        ("core", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(copy_rows, copy_back),
        migrations.DeleteModel(name="DataVersion"),
        migrations.DeleteModel(name="VisitDay"),
    ]
