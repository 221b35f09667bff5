from django.db import migrations

# The fields (lĩnh vực) documents and readers' questions are filed under; editors add more.
TOPICS = [
    ("kinh-te-tap-the-hop-tac-xa", "Kinh tế tập thể, hợp tác xã"),
    ("nong-nghiep-nong-thon", "Nông nghiệp, nông thôn"),
    ("san-pham-ocop", "Sản phẩm OCOP"),
    ("tai-chinh-tin-dung", "Tài chính, tín dụng"),
    ("thue-ke-toan", "Thuế, kế toán"),
    ("dat-dai", "Đất đai"),
    ("lao-dong-bao-hiem", "Lao động, bảo hiểm xã hội"),
    ("khac", "Khác"),
]


def forwards(apps, schema_editor):
    Topic = apps.get_model("news", "Topic")
    for order, (slug, name) in enumerate(TOPICS, start=1):
        Topic.objects.update_or_create(slug=slug, defaults={"name": name, "order": order})


def backwards(apps, schema_editor):
    Topic = apps.get_model("news", "Topic")
    Topic.objects.filter(
        slug__in=[slug for slug, _ in TOPICS], documents=None, questions=None
    ).delete()


def trigram(apps, schema_editor):
    # Accent-insensitive search of the library and the questions (as news_article's).
    if schema_editor.connection.vendor == "postgresql":
        for table in ("news_document", "news_question"):
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS {table}_search_trgm ON {table} "
                "USING gin (search_folded gin_trgm_ops)"
            )


def no_trigram(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for table in ("news_document", "news_question"):
            schema_editor.execute(f"DROP INDEX IF EXISTS {table}_search_trgm")


class Migration(migrations.Migration):
    dependencies = [("news", "0008_library_galleries_questions")]

    operations = [
        migrations.RunPython(forwards, backwards),
        migrations.RunPython(trigram, no_trigram),
    ]
