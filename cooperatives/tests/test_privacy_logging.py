"""Personal data (Decree 13/2023): what the logs and error reports write holds none."""

import io
import logging

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from cooperatives.models import Member
from testing.privacy import (
    EMAIL,
    ID_NUMBER,
    MEMBER_HEADER,
    NAME,
    PHONE,
    PrivacyTestCase,
)
from testing.spreadsheets import xlsx


class Collector(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.records = []

    def emit(self, record):
        self.records.append(record)


class LoggingTests(PrivacyTestCase):
    """What the configured log handlers write holds no personal data (the logging of this
    branch's settings: every handler redacts)."""

    def capture(self):
        streams = []
        handlers = {
            *logging.getLogger().handlers,
            *logging.getLogger("django.server").handlers,
        }
        handlers = [h for h in handlers if type(h) is logging.StreamHandler]  # the configured
        self.assertTrue(handlers)
        for handler in handlers:
            stream = io.StringIO()
            old = handler.setStream(stream)
            self.addCleanup(handler.setStream, old)
            streams.append(stream)
        return streams

    def test_staff_flow_leaves_no_personal_data_in_the_logs(self):
        streams = self.capture()
        self.client.force_login(self.alliance)
        captured = Collector()
        root = logging.getLogger()
        root.addHandler(captured)  # after the configured handlers: sees what they wrote
        self.addCleanup(root.removeHandler, captured)
        changelist = reverse("admin:cooperatives_member_changelist")
        self.assertEqual(self.client.get(changelist, {"q": ID_NUMBER}).status_code, 200)
        self.assertEqual(self.client.get(changelist, {"q": NAME}).status_code, 200)
        # A file with a bad row quoting an ID number: the importer sees it, logs do not.
        bad = xlsx(
            [MEMBER_HEADER, [self.own.code, NAME, ID_NUMBER, -5], ["0999999999", NAME, "", 1]]
        )
        page = self.client.post(
            reverse("admin:cooperatives_member_import"),
            {"file": SimpleUploadedFile("thanh-vien.xlsx", bad)},
        )
        self.assertContains(page, "Dòng 2")
        # A 404 with an ID number in the address, and one with an email in the query.
        self.assertEqual(self.client.get(f"/hop-tac-xa/{ID_NUMBER}/").status_code, 404)
        self.assertEqual(
            self.client.get(f"/quan-tri/khong-co/{ID_NUMBER}/", {"email": EMAIL}).status_code,
            404,
        )
        # A server error whose database message quotes the unique key's values, logged
        # as the error log does, with the address in an extra field as well.
        try:
            with transaction.atomic():
                Member.objects.create(organization=self.own, full_name=NAME, id_number=ID_NUMBER)
        except IntegrityError:
            logging.getLogger("htx.errors").exception(
                "IntegrityError on GET %s",
                f"/quan-tri/cooperatives/member/?q={ID_NUMBER}",
                extra={"path": f"/hop-tac-xa/{ID_NUMBER}/", "query": [EMAIL]},
            )
        logging.getLogger("django.server").info(
            '"GET /quan-tri/cooperatives/member/?q=%s HTTP/1.1" 200 1234', ID_NUMBER
        )
        logging.getLogger("cooperatives").warning("Gọi %s hoặc %s", PHONE, EMAIL)
        written = "".join(stream.getvalue() for stream in streams)
        # The records were really written (so the checks below are not vacuous)...
        self.assertIn("GET /hop-tac-xa/[đã ẩn]/ 404", written)  # the request log's line
        self.assertIn("path=/hop-tac-xa/[đã ẩn]/", written)  # and its path field
        self.assertIn("IntegrityError on GET", written)
        self.assertIn("in test_staff_flow_leaves_no_personal_data_in_the_logs", written)
        self.assertIn("/quan-tri/cooperatives/member/?[đã ẩn]", written)
        self.assertGreaterEqual(len(captured.records), 3)
        # ...and hold no personal data, neither as written nor in the records themselves
        # (message, extra fields, traceback).
        self.assert_no_personal_data(written, "log output")
        for record in captured.records:
            self.assert_no_personal_data(record.getMessage(), "log record")
            fields = {k: v for k, v in vars(record).items() if k != "exc_info"}
            self.assert_no_personal_data(repr(fields), "log record fields")
            self.assert_no_personal_data(record.exc_text or "", "log record traceback")

    def test_error_report_hides_personal_fields_and_query(self):
        from django.test import RequestFactory
        from django.views.debug import get_exception_reporter_class

        request = RequestFactory().post(
            f"/quan-tri/cooperatives/member/1/change/?q={ID_NUMBER}",
            {"id_number": ID_NUMBER, "full_name": NAME, "members-0-id_number": ID_NUMBER},
        )
        try:
            id_number = ID_NUMBER  # noqa: F841 - a local variable the report would show
            raise ValueError(f"Số giấy tờ {ID_NUMBER} trùng")
        except ValueError as error:
            # The reporter the settings choose (the debug page and ADMINS e-mails use it).
            reporter_class = get_exception_reporter_class(request)
            reporter = reporter_class(request, type(error), error, error.__traceback__)
            text = reporter.get_traceback_text()
            html = reporter.get_traceback_html()
        self.assertIn("ValueError", text)
        self.assert_no_personal_data(text, "error report text")
        self.assert_no_personal_data(html, "error report HTML")


def test_redact_keeps_organisation_codes_and_dates():
    from core.logsafety import redact

    line = "Tổ chức 0600000001 sửa lúc 10:02 21/11/2026: GET /hop-tac-xa/0600000001/?q=an"
    assert redact(line) == (
        "Tổ chức 0600000001 sửa lúc 10:02 21/11/2026: GET /hop-tac-xa/0600000001/?[đã ẩn]"
    )
    assert redact(f"{ID_NUMBER} 123456789 {EMAIL} {PHONE}") == "[đã ẩn] [đã ẩn] [đã ẩn] [đã ẩn]"
    assert timezone.now()
