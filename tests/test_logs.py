"""Structured request and error logs: the fields an operator needs, no personal data."""

import json
import logging

import pytest
from django.contrib.auth.models import User
from django.test import Client, override_settings

from cooperatives.models import Member
from core.logs import JsonFormatter, PlainFormatter
from testing import factories

ID_NUMBER = "036085012345"


@pytest.fixture
def lines(caplog):
    """The JSON lines the production formatter writes for what the htx loggers got."""
    caplog.set_level(logging.INFO, logger="htx")
    formatter = JsonFormatter()

    def read():
        records = [r for r in caplog.records if r.name.startswith("htx.")]
        return [json.loads(formatter.format(r)) for r in records]

    return read


@pytest.mark.django_db
def test_one_json_line_per_request_without_the_query_values(client, lines):
    response = client.get("/hop-tac-xa/", {"q": ID_NUMBER, "page": "1"},
                          HTTP_X_REQUEST_ID="proxy-req-0001")  # fmt: skip
    assert response.status_code == 200
    (line,) = lines()
    assert line["logger"] == "htx.requests" and line["level"] == "INFO"
    assert line["method"] == "GET" and line["path"] == "/hop-tac-xa/"
    assert line["query"] == ["page", "q"]
    assert line["status"] == 200
    assert line["size"] == len(response.content)
    assert isinstance(line["duration_ms"], float) and line["duration_ms"] > 0
    assert line["user_id"] is None
    assert line["request_id"] == "proxy-req-0001" == response["X-Request-ID"]
    assert line["time"].endswith("+00:00")
    assert ID_NUMBER not in json.dumps(line)


@pytest.mark.django_db
def test_a_member_search_logs_the_user_id_and_not_the_id_number(client, lines):
    org = factories.organization()
    Member.objects.create(organization=org, full_name="Nguyễn Văn An", id_number=ID_NUMBER)
    admin = User.objects.create_superuser("quan-tri", password="mat-khau-dai-12345")
    client.force_login(admin)
    response = client.get("/quan-tri/cooperatives/member/", {"q": ID_NUMBER})
    assert response.status_code == 200
    (line,) = lines()
    assert line["user_id"] == admin.pk
    assert "quan-tri" not in json.dumps(line).replace("/quan-tri/", "")  # no user name
    assert line["path"] == "/quan-tri/cooperatives/member/" and line["query"] == ["q"]
    assert ID_NUMBER not in json.dumps(line)
    # A fresh request id for a request that came without one (or with a bad one).
    client.get("/", HTTP_X_REQUEST_ID="bad id\nforged")
    assert len(lines()[-1]["request_id"]) == 32


@pytest.mark.django_db
@override_settings(ROOT_URLCONF="tests.urls_errors", DEBUG=False)
def test_a_server_error_is_logged_with_context_but_no_values(lines, caplog):
    client = Client(raise_request_exception=False)
    admin = User.objects.create_superuser("quan-tri", password="mat-khau-dai-12345")
    client.force_login(admin)
    response = client.post(
        f"/thu-loi/?so={ID_NUMBER}", {"id_number": ID_NUMBER}, HTTP_X_REQUEST_ID="req-500-abcdef"
    )
    assert response.status_code == 500
    assert ID_NUMBER not in response.content.decode()
    error, access = lines()
    assert error["logger"] == "htx.errors" and error["level"] == "ERROR"
    assert error["exception"] == "DeliberateFailure"
    assert error["request_id"] == access["request_id"] == "req-500-abcdef"
    assert error["path"] == "/thu-loi/" and error["method"] == "POST"
    assert error["user_id"] == admin.pk and error["query"] == ["so"]
    assert any("urls_errors.py" in frame and "in fail" in frame for frame in error["traceback"])
    assert access["status"] == 500 and access["level"] == "ERROR"
    # Nothing logged anywhere carries the value: not the message, not the POST data.
    everything = "\n".join(JsonFormatter().format(r) for r in caplog.records)
    everything += "\n".join(PlainFormatter().format(r) for r in caplog.records)
    assert ID_NUMBER not in everything
    assert not [r for r in caplog.records if r.name == "django.request"]


def test_plain_format_reads_as_one_line_per_request():
    record = logging.LogRecord("htx.requests", logging.INFO, __file__, 1, "%s %s %s",
                               ("GET", "/", 200), None)  # fmt: skip
    record.request_id, record.status, record.user_id = "abc12345", 200, None
    text = PlainFormatter().format(record)
    assert "INFO htx.requests GET / 200 request_id=abc12345 status=200 user_id=None" in text
    assert "\n" not in text


@pytest.mark.django_db
def test_records_logged_inside_a_request_carry_its_id():
    """A warning from deep inside a request (here Django's refused host) is joined with
    the request's own line by the request id, through the configured handler."""
    import io

    (handler,) = [h for h in logging.getLogger().handlers if type(h) is logging.StreamHandler]
    stream = io.StringIO()
    old = handler.setStream(stream)
    try:
        response = Client().get(
            "/", HTTP_HOST="ke-gia-mao.example", HTTP_X_REQUEST_ID="req-host-42"
        )
    finally:
        handler.setStream(old)
    assert response.status_code == 400
    written = stream.getvalue()
    refused = [line for line in written.splitlines() if "django.security.DisallowedHost" in line]
    assert refused and all("request_id=req-host-42" in line for line in refused), written


def test_static_files_and_probes_are_logged_only_when_they_fail(lines):
    from django.http import HttpResponse
    from django.test import RequestFactory

    from core.logs import RequestLogMiddleware

    def answer(status):
        return RequestLogMiddleware(lambda request: HttpResponse(status=status))

    factory = RequestFactory()
    answer(200)(factory.get("/static/css/site.0123456789ab.css"))
    answer(200)(factory.get("/healthz"))
    assert lines() == []
    answer(404)(factory.get("/static/css/khong-co.css"))
    answer(503)(factory.get("/healthz"))
    assert [(line["path"], line["status"]) for line in lines()] == [
        ("/static/css/khong-co.css", 404),
        ("/healthz", 503),
    ]
