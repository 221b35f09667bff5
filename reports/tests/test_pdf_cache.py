"""Report PDFs and the national report are built once per data version and kept in storage."""

import datetime
import io
import json

import time_machine
from django.core.files.storage import default_storage
from pypdf import PdfReader

from cooperatives.models import Figures
from reports import national, pdf_cache
from reports.models import FrozenReport
from reports.services import frozen_report
from testing import factories as f
from testing.roles import RolesTestCase

URL = "/bao-cao/36/2023/6.pdf"


def pdf_text(data: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())


def body(response) -> bytes:
    return response.getvalue()


class PdfCacheTests(RolesTestCase):
    def setUp(self):
        self.client.force_login(self.alliance)

    def stored(self) -> list[str]:
        folder = pdf_cache.folder(self.province, 2023, 6)
        if not default_storage.exists(folder):
            return []
        return sorted(default_storage.listdir(folder)[1])

    def test_first_request_stores_the_pdf_and_the_next_is_served_from_storage(self):
        first = self.client.get(URL)
        self.assertEqual(first.status_code, 200)
        self.assertEqual(first["Content-Type"], "application/pdf")
        self.assertEqual(
            first["Content-Disposition"], 'attachment; filename="bao-cao-36-2023-6-thang.pdf"'
        )
        data = body(first)
        self.assertIn("DỰ THẢO", pdf_text(data))
        name = pdf_cache.current_name(self.province, 2023, 6)
        self.assertTrue(name.startswith("private/bao-cao-pdf/36-"))
        self.assertEqual(default_storage.open(name).read(), data)
        # Served from the stored file, not built again: what is stored is what comes back.
        with default_storage.open(name, "wb") as file:
            file.write(data + b"\n%stored")
        second = self.client.get(URL)
        self.assertEqual(second.status_code, 200)
        self.assertEqual(
            second["Content-Disposition"], 'attachment; filename="bao-cao-36-2023-6-thang.pdf"'
        )
        self.assertEqual(body(second), data + b"\n%stored")

    def test_new_data_makes_a_new_pdf_and_removes_the_old(self):
        self.assertEqual(self.client.get(URL).status_code, 200)
        before = self.stored()
        self.assertEqual(len(before), 1)
        f.organization(self.yen_bang, code="0600000003", name="HTX Mới",
                       founded_on=datetime.date(2023, 3, 1))  # fmt: skip
        after_registry = body(self.client.get(URL))
        self.assertEqual(len(self.stored()), 1)
        self.assertNotEqual(self.stored(), before)
        self.assertIn("thành lập mới 1 HTX", pdf_text(after_registry))
        figures = Figures.objects.get(organization=self.own)
        figures.revenue = 9000
        figures.save()  # figures move their own version on
        names = self.stored()
        self.client.get(URL)
        self.assertEqual(len(self.stored()), 1)
        self.assertNotEqual(self.stored(), names)

    def test_a_draft_is_dated_the_day_it_is_printed(self):
        with time_machine.travel(datetime.datetime(2025, 7, 1, 9, tzinfo=datetime.UTC)):
            self.client.force_login(self.alliance)
            july = body(self.client.get(URL))
            first = self.stored()
        with time_machine.travel(datetime.datetime(2025, 7, 2, 9, tzinfo=datetime.UTC)):
            self.client.force_login(self.alliance)
            next_day = body(self.client.get(URL))
            self.assertNotEqual(self.stored(), first)
        self.assertIn("ngày 01 tháng 07 năm 2025", pdf_text(july))
        self.assertIn("ngày 02 tháng 07 năm 2025", pdf_text(next_day))

    def test_a_frozen_report_keeps_its_pdf_for_good(self):
        draft = self.client.get(URL)
        self.assertEqual(draft.status_code, 200)
        self.client.post("/bao-cao/36/2023/6/chot/")
        frozen = FrozenReport.objects.get()
        pdf = body(self.client.get(URL))
        self.assertNotIn("DỰ THẢO", pdf_text(pdf))
        self.assertEqual(self.stored(), [pdf_cache.stored_name(self.province, 2023, 6, frozen)
                                         .rpartition("/")[2]])  # fmt: skip
        self.assertTrue(self.stored()[0].startswith(f"chot-{frozen.pk}-"))
        # Later data changes neither rename nor remove it, on any day.
        f.organization(self.yen_bang, code="0600000004", founded_on=datetime.date(2023, 3, 1))
        with time_machine.travel(datetime.datetime(2030, 1, 1, tzinfo=datetime.UTC)):
            self.client.force_login(self.alliance)  # the session of 2026 has ended
            self.assertEqual(body(self.client.get(URL)), pdf)
        self.assertEqual(len(self.stored()), 1)
        # Reopened, it is a draft again with the numbers of today's registry.
        self.client.post("/bao-cao/36/2023/6/mo-chot/")
        self.assertIsNone(frozen_report(self.province, 2023, 6))
        reopened = body(self.client.get(URL))
        self.assertIn("DỰ THẢO", pdf_text(reopened))
        self.assertEqual(len(self.stored()), 1)
        self.assertTrue(self.stored()[0].startswith("du-thao-"))

    def test_refused_requests_store_nothing(self):
        self.client.force_login(self.area_officer)
        self.assertEqual(self.client.get("/bao-cao/366/2023/6.pdf").status_code, 403)
        self.assertEqual(self.client.get("/bao-cao/36/1999/6.pdf").status_code, 400)
        self.assertFalse(default_storage.exists(pdf_cache.folder(self.hai_hau, 2023, 6)))


class NationalReportTests(RolesTestCase):
    def setUp(self):
        self.client.force_login(self.alliance)

    def test_the_national_report_is_computed_once_per_data_version(self):
        first = self.client.get("/bao-cao/VN/2023/6.json").json()
        self.assertEqual(first["area"]["code"], "VN")
        self.assertEqual(first["indicators"]["htx_total"]["value"], 2)
        name = national.stored_name(2023, 6)
        stored = json.loads(default_storage.open(name).read())
        self.assertEqual(stored["report"], first)
        # Every format reads the stored numbers: changed there, they show everywhere.
        stored["report"]["indicators"]["htx_total"]["value"] = 777
        with default_storage.open(name, "wb") as file:
            file.write(json.dumps(stored).encode())
        self.assertEqual(
            self.client.get("/bao-cao/VN/2023/6.json").json()["indicators"]["htx_total"]["value"],
            777,
        )
        self.assertContains(self.client.get("/bao-cao/VN/2023/6/"), "777")
        # New data: computed again from the registry, and the old file removed.
        f.organization(self.yen_bang, code="0600000005")
        again = self.client.get("/bao-cao/VN/2023/6.json").json()
        self.assertEqual(again["indicators"]["htx_total"]["value"], 3)
        self.assertFalse(default_storage.exists(name))
        self.assertEqual(len(default_storage.listdir(f"{national.FOLDER}/2023-6")[1]), 1)

    def test_the_national_pdf_and_workbook(self):
        pdf = self.client.get("/bao-cao/VN/2023/6.pdf")
        self.assertEqual(pdf["Content-Disposition"],
                         'attachment; filename="bao-cao-VN-2023-6-thang.pdf"')  # fmt: skip
        self.assertIn("Toàn quốc", pdf_text(body(pdf)))
        xlsx = self.client.get("/bao-cao/VN/2023/6.xlsx")
        self.assertEqual(xlsx.status_code, 200)
