from django.db import migrations

# Accent-insensitive, typo-tolerant name search on PostgreSQL. SQLite (the quick start)
# has no trigram index and searches the folded column with LIKE instead.
INDEXES = [
    ("cooperatives_organization", "organization_name_trgm"),
    ("cooperatives_ocopproduct", "ocopproduct_name_trgm"),
]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for table, index in INDEXES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {index} ON {table} USING gin (name_folded gin_trgm_ops)"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for _table, index in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {index}")


class Migration(migrations.Migration):
    dependencies = [("cooperatives", "0002_seed_sectors_and_roles")]

    operations = [migrations.RunPython(forwards, backwards)]
