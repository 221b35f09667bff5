"""Undoing an areas import whose units now carry plan targets."""

from django.test import TestCase

from cooperatives.models import Area, ImportBatch
from cooperatives.spreadsheets.undo import UndoRefused, undo_batch
from reports.models import Target
from testing.spreadsheets import csv_file, run

AREAS_HEADER = ["Mã", "Tên", "Cấp", "Mã cấp trên", "Hiệu lực từ", "Hiệu lực đến", "Thay thế bởi"]


class AreaUndoTests(TestCase):
    def test_undo_is_refused_with_a_message_when_a_created_unit_has_targets(self):
        rows = [["08", "Tỉnh Tuyên Quang", "Tỉnh", "", "01/07/2025", "", ""]]
        result = run("areas", csv_file([AREAS_HEADER, *rows]), "dvhc.csv")
        self.assertTrue(result.ok, [str(e) for e in result.errors])
        unit = Area.objects.get(code="08")
        Target.objects.create(area=unit, year=2025, months=12, indicator="htx_new", value=3)
        batch = ImportBatch.objects.get(pk=result.batch.pk)
        with self.assertRaisesMessage(
            UndoRefused,
            f"Không hoàn tác được lần nhập #{batch.pk}: 1 chỉ tiêu kế hoạch gắn với các "
            "đơn vị hành chính lần nhập này tạo.",
        ):
            undo_batch(batch=batch)
        self.assertTrue(Area.objects.filter(code="08").exists())
        batch.refresh_from_db()
        self.assertIsNone(batch.undone_at)
