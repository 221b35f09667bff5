from django.db import migrations, models

# The directory's typo search asks for the names nearest to the query by trigram word
# similarity (cooperatives.public.search). Only a GiST trigram index can hand rows over
# in that order (KNN), so PostgreSQL reads the nearest few instead of sorting every name
# that shares a common word. The GIN index (0003) stays: it serves the exact search.
# SQLite has no trigram search.
FUZZY_INDEX = "organization_name_trgm_gist"


def create_fuzzy_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {FUZZY_INDEX} ON cooperatives_organization"
        " USING gist (name_folded gist_trgm_ops)"
    )


def drop_fuzzy_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {FUZZY_INDEX}")


class Migration(migrations.Migration):
    dependencies = [("cooperatives", "0012_move_site_tables_to_core")]

    operations = [
        # The figures admin list's order, newest period first (FiguresAdmin.ordering).
        migrations.RemoveIndex(model_name="figures", name="cooperative_year_3ef09e_idx"),
        migrations.AddIndex(
            model_name="figures",
            index=models.Index(
                fields=["-year", "-months", "organization"], name="figures_newest_first"
            ),
        ),
        migrations.RunPython(create_fuzzy_index, drop_fuzzy_index),
    ]
