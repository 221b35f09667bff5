from django.db import migrations

CATEGORIES = [
    ("tin-tuc-su-kien", "Tin tức - Sự kiện", "Hoạt động của Liên minh HTX và khu vực kinh tế tập thể."),
    ("chinh-sach-phap-luat", "Chính sách - Pháp luật", "Luật Hợp tác xã, nghị định, chính sách hỗ trợ."),
    ("guong-htx-dien-hinh", "Gương HTX điển hình", "Những hợp tác xã, tổ hợp tác làm ăn hiệu quả."),
    ("xuc-tien-thuong-mai", "Xúc tiến thương mại", "Hội chợ, kết nối tiêu thụ, sản phẩm OCOP."),
    ("thong-bao", "Thông báo", "Thông báo của Liên minh HTX tỉnh."),
]  # fmt: skip


def forwards(apps, schema_editor):
    Category = apps.get_model("news", "Category")
    for order, (slug, name, description) in enumerate(CATEGORIES, start=1):
        Category.objects.update_or_create(
            slug=slug, defaults={"name": name, "order": order, "description": description}
        )


def backwards(apps, schema_editor):
    Category = apps.get_model("news", "Category")
    Category.objects.filter(slug__in=[slug for slug, _, _ in CATEGORIES], articles=None).delete()


def trigram(apps, schema_editor):
    # Accent-insensitive search of titles and leads; SQLite searches with LIKE instead.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS news_article_search_trgm ON news_article "
            "USING gin (search_folded gin_trgm_ops)"
        )


def no_trigram(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS news_article_search_trgm")


class Migration(migrations.Migration):
    dependencies = [("news", "0001_initial")]

    operations = [
        migrations.RunPython(forwards, backwards),
        migrations.RunPython(trigram, no_trigram),
    ]
