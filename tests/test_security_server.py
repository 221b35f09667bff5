"""docs/security.md's promises, held against the image's real gunicorn.

One server for the module, as production runs it: DEBUG off, as the unprivileged user,
behind the TLS proxy setting with one trusted hop (compose's configuration), HTTPS
redirect on, two sync workers, on a SQLite database seeded by testing/server_site.py.
Everything is asked over HTTP as a browser or an attacker would: real sign-in forms
with CSRF tokens, real codes from the enrolled authenticator key, multipart uploads.
The in-process tests named in docs/security.md go through every case; these show that
the promises hold in the server we ship.
"""

import base64
import http.client
import os
import re
import signal
import socket
import sqlite3
import time
import uuid
from dataclasses import dataclass
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.core import signing
from django.core.signing import JSONSerializer
from django_otp.oath import totp

from testing import server_site as site_data
from testing.hostile_files import header_row, inline, repeated, workbook
from testing.scratch import free_port, manage, migrated_sqlite, start_gunicorn, stop, wait_until_up

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
SECRET = re.compile(r'<p class="secret"><code>([A-Z2-7 ]+)</code></p>')
SESSION_SALT = "django.contrib.sessions.SessionStore"
IMPORT = "/quan-tri/cooperatives/figures/nhap-tep/"


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")

    @property
    def location(self) -> str:
        return self.headers.get("Location", "")


class Visitor:
    """One browser: keeps its cookies, comes through the proxy (X-Forwarded-For with the
    address the proxy saw, X-Forwarded-Proto: https) unless told otherwise."""

    def __init__(self, port: int, address: str = "198.51.100.20"):
        self.port, self.address = port, address
        self.cookies: dict[str, str] = {}
        self.set_cookies: dict[str, str] = {}  # name: the whole Set-Cookie line

    def request(self, method, path, body=None, headers=None, secure=True) -> Response:
        sent = {"User-Agent": "Kiem-thu-bao-mat/1.0", "X-Forwarded-For": self.address}
        if secure:
            sent["X-Forwarded-Proto"] = "https"
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        sent.update(headers or {})
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        try:
            connection.request(method, path, body=body, headers=sent)
            answer = connection.getresponse()
            response = Response(answer.status, answer.headers, answer.read())
        finally:
            connection.close()
        for line in response.headers.get_all("Set-Cookie") or []:
            cookie = SimpleCookie()
            cookie.load(line)
            for name, morsel in cookie.items():
                self.set_cookies[name] = line
                if morsel["max-age"] == "0" or morsel.value == "":
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return response

    def get(self, path: str, **options) -> Response:
        return self.request("GET", path, **options)

    def post(self, path: str, form: dict, token_from: str | None = None) -> Response:
        token = TOKEN.search(self.get(token_from or path).text).group(1)
        body = urlencode({"csrfmiddlewaretoken": token, **form}, doseq=True)
        headers = {"Content-Type": "application/x-www-form-urlencoded",
                   "Referer": f"https://127.0.0.1:{self.port}{path}"}  # fmt: skip
        return self.request("POST", path, body=body, headers=headers)

    def upload(self, path: str, name: str, data: bytes) -> Response:
        token = TOKEN.search(self.get(path).text).group(1)
        boundary = uuid.uuid4().hex
        body = (
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="csrfmiddlewaretoken"'
                f"\r\n\r\n{token}\r\n--{boundary}\r\nContent-Disposition: form-data; "
                f'name="file"; filename="{name}"\r\nContent-Type: application/octet-stream'
                "\r\n\r\n"
            ).encode()
            + data
            + f"\r\n--{boundary}--\r\n".encode()
        )
        headers = {"Content-Type": f"multipart/form-data; boundary={boundary}",
                   "Referer": f"https://127.0.0.1:{self.port}{path}"}  # fmt: skip
        return self.request("POST", path, body=body, headers=headers)

    def sign_in(self, username: str, password: str = site_data.PASSWORD) -> Response:
        form = {"username": username, "password": password, "next": "/quan-tri/"}
        return self.post("/quan-tri/login/?next=/quan-tri/", form)


def code_for(secret: str, steps_ahead: int = 0) -> str:
    key = base64.b32decode(secret.replace(" ", "") + "=" * (-len(secret.replace(" ", "")) % 8))
    return f"{totp(key, t0=-30 * steps_ahead):06d}"


BACKUP_CODES = re.compile(r"<li><code>([a-z2-7]{8})</code></li>")
_backup_codes: dict[str, list[str]] = {}  # user name: unused backup codes (per server)


def enrolled(port: int, username: str) -> tuple[Visitor, str]:
    """A visitor signed in as ``username`` with a second factor, and how it was given:
    the first time, by enrolling an authenticator (a code computed from the key on the
    page); afterwards, with one of the backup codes the enrolment showed."""
    visitor = Visitor(port)
    answer = visitor.sign_in(username)
    assert answer.status == 302, answer.text
    page = visitor.get("/quan-tri/")
    assert page.status == 302 and page.location.startswith("/quan-tri/xac-thuc-hai-buoc/")
    if username in _backup_codes:
        code = _backup_codes[username].pop()
        done = visitor.post("/quan-tri/xac-thuc-hai-buoc/", {"code": code, "next": "/quan-tri/"})
        assert done.status == 302, done.text
        how = "backup code"
    else:
        page = visitor.get(page.location)
        assert "Đăng ký xác thực hai bước" in page.text
        secret = SECRET.search(page.text).group(1)
        done = visitor.post(
            "/quan-tri/xac-thuc-hai-buoc/dang-ky/",
            {"code": code_for(secret), "next": "/quan-tri/"},
        )
        assert done.status == 200 and "Mã dự phòng" in done.text, done.text
        _backup_codes[username] = BACKUP_CODES.findall(done.text)
        assert len(_backup_codes[username]) == 10
        how = "authenticator"
    assert visitor.get("/quan-tri/").status == 200
    return visitor, how


@dataclass
class Site:
    port: int
    database: Path
    media: Path
    uploads: Path
    server: object

    def query(self, sql: str, *parameters) -> list[tuple]:
        with sqlite3.connect(self.database) as connection:
            return connection.execute(sql, parameters).fetchall()

    def workers(self) -> set[int]:
        """gunicorn's worker processes: children of the master, the one child of
        runuser (which starts it as the unprivileged user)."""
        (master,) = _children(self.server.pid)
        return _children(master)


def _children(pid: int) -> set[int]:
    children = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                children.add(int(entry.name))
    return children


@pytest.fixture(scope="module")
def site(image):
    data = image.data_dir("security-server")
    database, media, uploads = data / "db.sqlite3", data / "media", data / "uploads"
    uploads.mkdir()
    os.chown(uploads, image.uid, image.gid)
    admin_env = {
        **image.environment(0, DATABASE_URL=f"sqlite:///{database}",
                            DJANGO_MEDIA_ROOT=str(media)),
        "DJANGO_DEBUG": "1",
    }  # fmt: skip
    _backup_codes.clear()
    migrated_sqlite(database)
    manage("shell", "-c", "from testing.server_site import seed; seed()", env=admin_env)
    for path in [*data.glob("db.sqlite3*"), *media.rglob("*")]:
        os.chown(path, image.uid, image.gid)
    port = free_port()
    env = image.environment(
        port, GUNICORN_WORKERS="2", DATABASE_URL=f"sqlite:///{database}",
        DJANGO_MEDIA_ROOT=str(media), DJANGO_BEHIND_TLS_PROXY="1",
        HTX_TRUSTED_PROXY_HOPS="1", DJANGO_SECURE_SSL_REDIRECT="1",
        HTX_UPLOAD_TEMP_ROOT=str(uploads),
    )  # fmt: skip
    env.pop("FORWARDED_ALLOW_IPS", None)
    server = start_gunicorn(image.app, env, user="nobody")
    try:
        wait_until_up(port, server)
        yield Site(port, database, media, uploads, server)
    finally:
        output = stop(server)
        assert "Traceback" not in output, output[-3000:]


def test_plain_http_is_redirected_and_https_carries_every_security_header(site):
    visitor = Visitor(site.port)
    plain = visitor.get("/hop-tac-xa/", secure=False)
    assert plain.status == 301 and plain.location.startswith("https://")
    assert visitor.get("/healthz", secure=False).status == 200
    page = visitor.get("/quan-tri/login/")
    assert page.status == 200
    assert page.headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert page.headers["X-Content-Type-Options"] == "nosniff"
    assert page.headers["Referrer-Policy"] == "same-origin"
    assert page.headers["X-Frame-Options"] == "DENY"
    policy = page.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "unsafe-inline" not in policy
    assert "; secure" in visitor.set_cookies["csrftoken"].lower()


def test_staff_enrol_a_second_factor_and_every_sign_in_is_audited(site):
    visitor, how = enrolled(site.port, "lienminh")
    assert how == "authenticator"
    line = visitor.set_cookies["sessionid"].lower()
    assert "; secure" in line and "; httponly" in line and "samesite=lax" in line
    rows = site.query(
        "SELECT ip_address, user_agent, logout_time FROM axes_accesslog WHERE username = ?",
        "lienminh",
    )
    assert rows and rows[-1][:2] == ("198.51.100.20", "Kiem-thu-bao-mat/1.0")
    out = visitor.post("/quan-tri/logout/", {}, token_from="/quan-tri/")
    assert out.status == 200 and "Đã thoát" in out.text, (out.status, out.text[-1500:])
    rows = site.query("SELECT logout_time FROM axes_accesslog WHERE username = 'lienminh'")
    assert rows[-1][0] is not None

    # Signing in again owes the code: nothing opens before it; a wrong one is refused.
    again = Visitor(site.port)
    assert again.sign_in("lienminh").status == 302
    owed = again.get("/quan-tri/cooperatives/member/")
    assert owed.status == 302 and owed.location.startswith("/quan-tri/xac-thuc-hai-buoc/")
    wrong = again.post("/quan-tri/xac-thuc-hai-buoc/", {"code": "000000", "next": "/quan-tri/"})
    assert wrong.status == 200 and "Mã xác thực không đúng" in wrong.text
    failures = site.query("SELECT path_info FROM axes_accessfailurelog WHERE username = 'lienminh'")
    assert ("/quan-tri/xac-thuc-hai-buoc/",) in failures


def test_weak_passwords_are_refused_in_vietnamese(site):
    visitor, _ = enrolled(site.port, "canbo_yyen")
    url = "/quan-tri/password_change/"
    for new, message in [
        ("1234567890", "Mật khẩu này hoàn toàn là số."),
        ("password123", "Mật khẩu này quá phổ biến."),
    ]:
        form = {"old_password": site_data.PASSWORD, "new_password1": new, "new_password2": new}
        page = visitor.post(url, form)
        assert page.status == 200 and message in page.text, new


def test_an_idle_staff_session_ends(site):
    visitor = Visitor(site.port, "198.51.100.22")
    assert visitor.sign_in("bientap").status == 302  # editors are not made to enrol
    assert visitor.get("/quan-tri/").status == 200
    key = visitor.cookies["sessionid"]
    (data,) = site.query("SELECT session_data FROM django_session WHERE session_key = ?", key)[0]
    secret = "test-only-" + "k" * 50  # testing.scratch.production_environment
    session = signing.loads(data, key=secret, salt=SESSION_SALT, serializer=JSONSerializer)
    session["htx_last_seen_at"] -= 31 * 60
    data = signing.dumps(
        session, key=secret, salt=SESSION_SALT, serializer=JSONSerializer, compress=True
    )
    with sqlite3.connect(site.database) as connection:
        connection.execute(
            "UPDATE django_session SET session_data = ? WHERE session_key = ?", (data, key)
        )
    ended = visitor.get("/quan-tri/")
    assert ended.status == 302 and "/quan-tri/login/" in ended.location
    page = visitor.get(ended.location)
    assert "không có thao tác trong 30 phút" in page.text


def test_an_area_officer_sees_only_their_area_and_masked_numbers(site):
    visitor, _ = enrolled(site.port, "canbo_yyen")
    (other,) = site.query("SELECT id FROM cooperatives_organization WHERE code = '0600000002'")
    url = f"/quan-tri/cooperatives/organization/{other[0]}/change/"
    assert visitor.get(url).status == 404
    listing = visitor.get("/quan-tri/cooperatives/organization/?q=H%E1%BA%A3i+Ph%C3%BAc")
    assert listing.status == 200 and site_data.OTHER_NAME not in listing.text
    members = visitor.get("/quan-tri/cooperatives/member/")
    assert members.status == 200 and site_data.MEMBER_NAME in members.text
    assert site_data.ID_NUMBER not in members.text and "•••••••••789" in members.text
    official = Visitor(site.port, "198.51.100.21")
    assert official.sign_in("lanhdao").status == 302
    assert official.get("/quan-tri/cooperatives/member/").status == 403


def test_public_pages_feeds_and_search_hold_no_personal_data_or_hidden_organisations(site):
    visitor = Visitor(site.port, "203.0.113.50")
    pages = ["/", "/hop-tac-xa/", "/hop-tac-xa/0600000001/", "/hop-tac-xa/?q=Quy%C3%AAn",
             "/thong-ke/", "/tin-tuc/", "/tin-tuc/rss/", "/sitemap.xml",
             "/sitemap-hop-tac-xa.xml", "/san-pham-ocop/"]  # fmt: skip
    for path in pages:
        page = visitor.get(path)
        assert page.status == 200, path
        for value in (site_data.MEMBER_NAME, site_data.ID_NUMBER, site_data.HIDDEN_NAME):
            assert value not in page.text, (value, path)
    assert visitor.get("/hop-tac-xa/0600000003/").status == 404


def test_uploads_are_served_as_inert_files(site):
    visitor = Visitor(site.port)
    document = visitor.get(f"/media/{site_data.ATTACHMENT}")
    assert document.status == 200 and document.body == site_data.PDF
    assert document.headers["Content-Type"] == "application/pdf"
    assert document.headers["Content-Disposition"].startswith("attachment")
    image = visitor.get(f"/media/{site_data.IMAGE}")
    assert image.headers["Content-Type"] == "image/png"
    for answer in (document, image):
        assert answer.headers["X-Content-Type-Options"] == "nosniff"
        assert answer.headers["Content-Security-Policy"] == "default-src 'none'; sandbox"
    (site.media / "news" / "trang.html").write_text("<script>alert(1)</script>")
    assert visitor.get("/media/news/trang.html").status == 404
    assert visitor.get("/media/../db.sqlite3").status in (400, 404)


def test_hostile_spreadsheets_are_refused_without_harming_a_worker(site, tmp_path):
    visitor, _ = enrolled(site.port, "lienminh")
    workers = site.workers()
    sparse = workbook(
        tmp_path / "thua.xlsx",
        header_row() + b'<row r="1048576">' + inline("XFD1048576", "x") + b"</row>",
        dimension="A1:XFD1048576",
    ).read_bytes()
    bomb = workbook(tmp_path / "bom.xlsx", repeated(300)).read_bytes()
    assert len(sparse) < 2000 and len(bomb) < 5_000_000
    for name, data, message in [
        ("thua.xlsx", sparse, "Tệp có quá nhiều cột"),
        ("bom.xlsx", bomb, "vượt giới hạn 200 MB"),
    ]:
        for _ in range(2):
            page = visitor.upload(IMPORT, name, data)
            assert page.status == 200 and message in page.text, page.text[-2000:]
    assert len(workers) == 2 and site.workers() == workers  # none died or was replaced
    started = time.monotonic()
    assert Visitor(site.port).get("/healthz", secure=False).status == 200
    assert time.monotonic() - started < 5


def test_a_worker_killed_mid_upload_leaves_no_file_behind(site):
    visitor, _ = enrolled(site.port, "lienminh")
    token = TOKEN.search(visitor.get(IMPORT).text).group(1)
    boundary = uuid.uuid4().hex
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="csrfmiddlewaretoken"\r\n\r\n'
        f'{token}\r\n--{boundary}\r\nContent-Disposition: form-data; name="file"; '
        'filename="lon.csv"\r\nContent-Type: text/csv\r\n\r\n'
    ).encode()
    total = 8 * 1024 * 1024
    cookies = "; ".join(f"{k}={v}" for k, v in visitor.cookies.items())
    connection = socket.create_connection(("127.0.0.1", site.port))
    try:
        connection.sendall(
            (
                f"POST {IMPORT} HTTP/1.1\r\nHost: 127.0.0.1:{site.port}\r\nCookie: {cookies}\r\n"
                f"X-Forwarded-Proto: https\r\nX-Forwarded-For: {visitor.address}\r\n"
                f"Referer: https://127.0.0.1:{site.port}{IMPORT}\r\n"
                f"Content-Type: multipart/form-data; boundary={boundary}\r\n"
                f"Content-Length: {len(head) + total}\r\n\r\n"
            ).encode()
            + head
        )
        connection.sendall(b"a" * (4 * 1024 * 1024))  # past the 2.5 MB kept in memory
        spooled = []
        deadline = time.monotonic() + 30
        while not spooled and time.monotonic() < deadline:
            spooled = [p for p in site.uploads.rglob("*.upload*") if p.is_file()]
            time.sleep(0.1)
        assert spooled, "the upload was not spooled to the worker's folder"
        worker = int(spooled[0].parent.name.removeprefix("worker-"))
        assert worker in site.workers()
        os.kill(worker, signal.SIGKILL)
        deadline = time.monotonic() + 30
        while spooled[0].parent.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not spooled[0].parent.exists()
    finally:
        connection.close()
    wait_until_up(site.port, site.server)
    assert len(site.workers()) == 2


def test_typed_addresses_answer_in_vietnamese_not_with_a_server_error(site):
    visitor, _ = enrolled(site.port, "lienminh")
    picker = visitor.get("/bao-cao/?dia_ban=a%2Fb&nam=2024&so_thang=6")
    assert picker.status == 400 and "không hợp lệ" in picker.text
    for path in [
        "/quan-tri/cooperatives/loan/?disbursed_on__year=99999999999999999999",
        "/quan-tri/news/article/?publish_at__year=99999999999999999999",
    ]:
        page = visitor.get(path)
        assert page.status == 400 and "Năm" in page.text, (path, page.text[-1500:])


def _tables_holding(database: Path, needle: str) -> list[str]:
    found = []
    with sqlite3.connect(database) as connection:
        tables = [
            t for (t,) in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        for table in tables:
            for column in connection.execute(f'PRAGMA table_info("{table}")'):
                name, kind = column[1], (column[2] or "").lower()
                if "char" in kind or "text" in kind:
                    sql = f'SELECT 1 FROM "{table}" WHERE "{name}" LIKE ? LIMIT 1'
                    if connection.execute(sql, (f"%{needle}%",)).fetchone():
                        found.append(f"{table}.{name}")
    return found


def test_a_member_s_data_is_exported_and_then_erased_everywhere(site):
    """Last in this module: it erases the member the tests above look for."""
    visitor, _ = enrolled(site.port, "lienminh")
    (member,) = site.query(
        "SELECT id FROM cooperatives_member WHERE id_number = ? ORDER BY id LIMIT 1",
        site_data.ID_NUMBER,
    )
    base = f"/quan-tri/cooperatives/member/{member[0]}"
    export = visitor.post(f"{base}/du-lieu-ca-nhan/", {}, token_from=f"{base}/change/")
    assert export.status == 200 and export.headers["Content-Type"].startswith("application/json")
    assert site_data.ID_NUMBER in export.text and site_data.MEMBER_NAME in export.text
    assert _tables_holding(site.database, site_data.ID_NUMBER)
    confirm = visitor.get(f"{base}/xoa-theo-yeu-cau/")
    assert confirm.status == 200 and site_data.ID_NUMBER not in confirm.text
    done = visitor.post(f"{base}/xoa-theo-yeu-cau/", {})
    assert done.status == 302
    assert "Đã xóa theo yêu cầu 2 bản ghi thành viên" in visitor.get(done.location).text
    assert _tables_holding(site.database, site_data.ID_NUMBER) == []
    assert _tables_holding(site.database, site_data.MEMBER_NAME) == []
