# The site-wide tables, moved here from the registry app (cooperatives 0012 copies the rows).

from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="DataVersion",
            fields=[
                (
                    "name",
                    models.CharField(
                        max_length=30, primary_key=True, serialize=False, verbose_name="tên"
                    ),
                ),
                ("version", models.PositiveBigIntegerField(default=1, verbose_name="phiên bản")),
            ],
            options={
                "verbose_name": "phiên bản dữ liệu",
                "verbose_name_plural": "phiên bản dữ liệu",
                "default_permissions": (),
            },
        ),
        migrations.CreateModel(
            name="VisitDay",
            fields=[
                ("day", models.DateField(primary_key=True, serialize=False, verbose_name="ngày")),
                ("visits", models.PositiveIntegerField(default=0, verbose_name="lượt truy cập")),
            ],
            options={
                "verbose_name": "lượt truy cập trong ngày",
                "verbose_name_plural": "lượt truy cập theo ngày",
                "ordering": ["-day"],
                "default_permissions": ("view",),
            },
        ),
    ]
