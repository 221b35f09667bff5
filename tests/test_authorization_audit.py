"""The authorisation audit: every address of the site and the admin, as every role.

The URL conf is enumerated (``audit.url_patterns``); every pattern must have a row in
``SITE`` or ``ADMIN`` below, or be listed in ``EXCLUDED`` with the reason, so a view
added later without an audit row fails ``test_every_pattern_has_an_audit_row`` by name.
Each row says, per role, the exact outcome of a GET: a status code, or ``login`` (a
redirect to the admin sign-in page). Roles that may not change something POST to every
state-changing address and the whole database must be left as it was.

Roles, in the order of every row: anonymous, area officer of Huyện Ý Yên, editor,
official, alliance staff. Admin rows leave out the anonymous visitor, who is sent to
sign in from every admin address (asserted for each of them).
"""

from django.contrib.contenttypes.models import ContentType
from django.test import Client, override_settings

from testing.audit import (
    ALLIANCE,
    ANON,
    AREA,
    EDITOR,
    LOGIN,
    OFFICIAL,
    ROLES,
    AuditTestCase,
    admin_address,
    admin_pattern,
    changed_tables,
    database_state,
    url_patterns,
)

# Addresses deliberately outside the role table.
EXCLUDED = {
    "^media/(?P<path>.+)$": "uploaded public files, the same for every visitor; the file "
    "kinds served and their headers are tested in tests/test_media.py",
}

# Site addresses: key -> (address, "anonymous area editor official alliance").
# The area officer's report is of their own district (360); another district's report
# is refused (see test_authorization_objects.py).
Y, M = AuditTestCase.year, AuditTestCase.months
SITE = {
    "home": ("/", "200 200 200 200 200"),
    "robots_txt": ("/robots.txt", "200 200 200 200 200"),
    "favicon": ("/favicon.ico", "301 301 301 301 301"),
    "sitemap": ("/sitemap.xml", "200 200 200 200 200"),
    "sitemap-section": ("/sitemap-hop-tac-xa.xml", "200 200 200 200 200"),
    "news:list": ("/tin-tuc/", "200 200 200 200 200"),
    "news:rss": ("/tin-tuc/rss/", "200 200 200 200 200"),
    "news:category": ("/tin-tuc/chuyen-muc/tin-tuc-su-kien/", "200 200 200 200 200"),
    "news:tag": ("/tin-tuc/the/nong-nghiep-sach/", "200 200 200 200 200"),
    "news:detail": ("/tin-tuc/{article.slug}/", "200 200 200 200 200"),
    "gallery:index": ("/thu-vien/", "200 200 200 200 200"),
    "gallery:album": ("/thu-vien/album/{album.slug}/", "200 200 200 200 200"),
    "gallery:photo": ("/thu-vien/album/{album.slug}/anh/1/", "200 200 200 200 200"),
    "gallery:video": ("/thu-vien/video/{video.slug}/", "200 200 200 200 200"),
    "library:list": ("/van-ban/", "200 200 200 200 200"),
    "library:rss": ("/van-ban/rss/", "200 200 200 200 200"),
    "library:detail": ("/van-ban/{document.slug}/", "200 200 200 200 200"),
    # Readers' questions: the published ones for all; the form and its thanks for all.
    "questions:list": ("/hoi-dap/", "200 200 200 200 200"),
    "questions:detail": ("/hoi-dap/{question.pk}/", "200 200 200 200 200"),
    "questions:ask": ("/hoi-dap/gui-cau-hoi/", "200 200 200 200 200"),
    "questions:thanks": ("/hoi-dap/gui-cau-hoi/da-gui/", "200 200 200 200 200"),
    # A comment on a published article: a form of its own; nothing for a draft.
    "news:comment": ("/tin-tuc/{article.slug}/binh-luan/", "200 200 200 200 200"),
    "news:comment_thanks": ("/tin-tuc/{draft.slug}/binh-luan/da-gui/", "404 404 404 404 404"),
    # The captcha: an image for a key that no form gave is gone (410); a new captcha is
    # given to scripts only (X-Requested-With), else 404.
    "captcha-image": ("/captcha/image/0123abcd/", "410 410 410 410 410"),
    "captcha-image-2x": ("/captcha/image/0123abcd@2/", "410 410 410 410 410"),
    "captcha-refresh": ("/captcha/refresh/", "404 404 404 404 404"),
    "cooperatives:directory": ("/hop-tac-xa/", "200 200 200 200 200"),
    "cooperatives:organization": ("/hop-tac-xa/{own.code}/", "200 200 200 200 200"),
    "cooperatives:ocop": ("/san-pham-ocop/", "200 200 200 200 200"),
    "cooperatives:ocop-product": ("{product_url}", "200 200 200 200 200"),
    # The address without its name: a permanent redirect to the one with it.
    "cooperatives:ocop-product-short": ("/san-pham-ocop/{product.pk}/", "301 301 301 301 301"),
    "statistics": ("/thong-ke/", "200 200 200 200 200"),
    "reports:index": ("/bao-cao/", "login 200 403 200 200"),
    "reports:report": (f"/bao-cao/360/{Y}/{M}/", "login 200 403 200 200"),
    "reports:report_json": (f"/bao-cao/360/{Y}/{M}.json", "login 200 403 200 200"),
    "reports:report_xlsx": (f"/bao-cao/360/{Y}/{M}.xlsx", "login 200 403 200 200"),
    "reports:report_pdf": (f"/bao-cao/360/{Y}/{M}.pdf", "login 200 403 200 200"),
    # Freezing and reopening are POST only (405 to a GET), for alliance staff.
    "reports:freeze": (f"/bao-cao/360/{Y}/{M}/chot/", "login 405 405 405 405"),
    "reports:unfreeze": ("/bao-cao/360/2022/12/mo-chot/", "login 405 405 405 405"),
    "admin:index": ("/quan-tri/", "login 200 200 200 200"),
    "admin:login": ("/quan-tri/login/", "200 302 302 302 302"),
    # Signing out is POST only; an anonymous visitor is sent to the admin index.
    "admin:logout": ("/quan-tri/logout/", "302 405 405 405 405"),
    "admin:password_change": ("/quan-tri/password_change/", "login 200 200 200 200"),
    "admin:password_change_done": ("/quan-tri/password_change/done/", "login 200 200 200 200"),
    "admin:jsi18n": ("/quan-tri/jsi18n/", "login 200 200 200 200"),
    "admin:autocomplete": (
        "/quan-tri/autocomplete/?app_label=cooperatives&model_name=figures&field_name=organization",
        "login 200 403 200 200",
    ),
    # Django's "view on site" is shadowed by a checked one at the same address
    # (core.views.admin_view_on_site): records one may open in the admin only.
    "admin:view_on_site": (
        "/quan-tri/r/{organization_ct.pk}/{own.pk}/",
        "login 302 404 302 302",
    ),
    "admin_view_on_site": (
        "/quan-tri/r/{article_ct.pk}/{draft.pk}/",
        "login 404 302 404 302",
    ),
    "admin:app_list": ("/quan-tri/cooperatives/", "login 200 404 200 200"),
    # Two-factor sign-in (none of these people has enrolled; not required under DEBUG):
    # the code page and the backup codes send them on to the enrolment page.
    "signin:verify": ("/quan-tri/xac-thuc-hai-buoc/", "login 302 302 302 302"),
    "signin:enrol": ("/quan-tri/xac-thuc-hai-buoc/dang-ky/", "login 200 200 200 200"),
    "signin:backup_codes": ("/quan-tri/xac-thuc-hai-buoc/ma-du-phong/", "login 302 302 302 302"),
    "quan-tri/(?P<url>.*)$": ("/quan-tri/khong-co-trang-nay/", "login 404 404 404 404"),
    # A background job: the area officer's own; nobody else's (404, as if it did not exist).
    "job": ("/cong-viec/{job.pk}/", "login 200 404 404 404"),
    "job_json": ("/cong-viec/{job.pk}.json", "404 200 404 404 404"),
    # The cooperatives' own space (/htx/): its pages are a filer's only. Anonymous visitors
    # are sent to its sign-in (302), staff are told it is not theirs (403); signing in,
    # and activating a printed code, are open; an unknown invitation link is 404.
    "space:home": ("/htx/", "302 403 403 403 403"),
    "space:sign_in": ("/htx/dang-nhap/", "200 200 200 200 200"),
    "space:sign_out": ("/htx/dang-xuat/", "405 405 405 405 405"),
    "space:accept": ("/htx/loi-moi/khong-co-loi-moi-nay/", "404 404 404 404 404"),
    "space:accept_code": ("/htx/kich-hoat/", "200 200 200 200 200"),
    "space:file": ("/htx/ky/{collection.pk}/", "302 403 403 403 403"),
    "space:filing": ("/htx/ho-so/{filing.pk}/", "302 403 403 403 403"),
    "space:receipt": ("/htx/ho-so/{filing.pk}/bien-nhan.pdf", "302 403 403 403 403"),
    "space:change_password": ("/htx/doi-mat-khau/", "302 403 403 403 403"),
}

# Admin addresses of every registered model: label -> action -> "area editor official
# alliance", on the area officer's own record (the other district's record is in
# test_authorization_objects.py). "object" is /quan-tri/app/model/<id>/, which
# redirects to the change page.
STAFF_ONLY = dict.fromkeys(("changelist", "add", "change", "delete", "history"), "403 403 403 403")
STAFF_ONLY |= {"object": "302 302 302 302"}
NEWS = dict.fromkeys(("changelist", "add", "change", "delete", "history"), "403 200 403 200")
NEWS |= {"object": "302 302 302 302"}
# Records an area officer keeps for their own organisations (may delete them too).
AREA_RECORD = {
    "changelist": "200 403 200 200",
    "add": "200 403 403 200",
    "change": "200 403 200 200",
    "delete": "200 403 403 200",
    "history": "200 403 200 200",
    "simple_history": "200 403 200 200",
    "object": "302 302 302 302",
}
SPREADSHEET = {"import": "200 403 403 200", "export": "200 403 200 200",
               "template": "200 403 200 200"}  # fmt: skip
# Read by everyone but the editor, changed by alliance staff only.
REFERENCE = {
    "changelist": "200 403 200 200",
    "add": "403 403 403 200",
    "change": "200 403 200 200",
    "delete": "403 403 403 200",
    "history": "200 403 200 200",
    "simple_history": "200 403 200 200",
    "object": "302 302 302 302",
}
WORKLIST = {
    "changelist": "200 403 200 200",
    "add": "403 403 403 403",
    "change": "200 403 200 200",
    "delete": "403 403 403 403",
    # The history is kept on the organisation or the product itself.
    "history": "404 404 404 404",
    "simple_history": "404 404 404 404",
    "object": "302 302 302 302",
}
# The sign-in audit: read by alliance staff, changed by nobody (a superuser lifts a lock).
SIGNIN_AUDIT = {
    "changelist": "403 403 403 200",
    "add": "403 403 403 403",
    "change": "403 403 403 200",
    "delete": "403 403 403 403",
    "history": "403 403 403 200",
    "object": "302 302 302 302",
}
FILERS = {
    "changelist": "200 403 403 200",
    "add": "403 403 403 403",
    "change": "200 403 403 200",
    "delete": "403 403 403 403",
    "history": "200 403 403 200",
    "object": "302 302 302 302",
}
ADMIN = {
    # The two logs export to Excel/CSV (core/list_exports.py), for whoever reads them.
    "axes.accesslog": SIGNIN_AUDIT | {"list_export": "403 403 403 200"},
    "axes.accessfailurelog": SIGNIN_AUDIT | {"list_export": "403 403 403 200"},
    "axes.accessattempt": SIGNIN_AUDIT,
    # Two-factor devices: a superuser's list (and reset), without secrets.
    "otp_totp.totpdevice": STAFF_ONLY,
    "auth.group": STAFF_ONLY,
    "auth.user": STAFF_ONLY | {"password_change": "403 403 403 403"},
    "cooperatives.area": REFERENCE
    | {"import": "403 403 403 200", "export": "200 403 200 200", "template": "200 403 200 200"},
    "cooperatives.sector": REFERENCE,
    # Collections: opened, extended and closed by alliance staff; read by the others.
    "cooperatives.collection": {k: v for k, v in REFERENCE.items() if k != "simple_history"}
    | {"tracking": "200 403 200 200", "missing_xlsx": "200 403 200 200"}
    # "Nhắc nộp" mails a cooperative: POST only, for those who check filings.
    | {"remind": "405 403 403 405"},
    # Cooperatives filing for themselves: area officers invite the people of their areas'
    # cooperatives and check their filings; officials read the filings, not the people's
    # accounts, invitations or mail. Invitations and accounts are never edited here.
    "cooperatives.invitation": FILERS | {"add": "200 403 403 200"},
    "cooperatives.filer": FILERS,
    # What was mailed to them: read like the accounts; failed mails resent by alliance staff.
    "cooperatives.outboxmail": FILERS,
    "cooperatives.filing": FILERS
    | {
        "changelist": "200 403 200 200",
        "change": "200 403 200 200",
        "history": "200 403 200 200",
    },  # fmt: skip
    # Organisations are never deleted by area officers (they record a ceased status).
    "cooperatives.organization": AREA_RECORD | SPREADSHEET | {"delete": "403 403 403 200"},
    "cooperatives.location": AREA_RECORD,
    "cooperatives.figures": AREA_RECORD | SPREADSHEET,
    "cooperatives.ocopproduct": AREA_RECORD | SPREADSHEET,
    "cooperatives.loan": AREA_RECORD | SPREADSHEET,
    # The member register holds personal data: never for officials.
    "cooperatives.member": {
        action: codes[:8] + "403 200" for action, codes in (AREA_RECORD | SPREADSHEET).items()
    }
    | {
        "object": "302 302 302 302",
        # One person's data, downloaded by POST; erasure on request asks to confirm first.
        "personal_data": "405 403 403 405",
        "erase": "200 403 403 200",
    },
    # Placing an organisation of a split commune is POST only, for those who may change it.
    "cooperatives.unplacedorganization": WORKLIST | {"place": "405 403 403 405"},
    "cooperatives.expiringocopproduct": WORKLIST,
    # Import history: read-only; an area officer sees their own imports; undo is POST.
    "cooperatives.importbatch": {
        "changelist": "200 403 200 200",
        "add": "403 403 403 403",
        "change": "200 404 200 200",
        "delete": "403 403 403 403",
        "history": "200 403 200 200",
        "object": "302 302 302 302",
        "undo": "403 403 403 403",
        "list_export": "200 403 200 200",
    },
    # Targets are the alliance's: officials read them, area officers do not.
    "reports.target": {
        "changelist": "403 403 200 200",
        "add": "403 403 403 200",
        "change": "403 403 200 200",
        "delete": "403 403 403 200",
        "history": "403 403 200 200",
        "simple_history": "403 403 200 200",
        "object": "302 302 302 302",
        "import": "403 403 403 200",
        "export": "403 403 200 200",
        "template": "403 403 200 200",
    },
    # Frozen from the report page only; reopening by deletion is alliance staff's.
    "reports.frozenreport": {
        "changelist": "403 403 200 200",
        "add": "403 403 403 403",
        "change": "403 403 200 200",
        "delete": "403 403 403 200",
        "history": "403 403 200 200",
        "object": "302 302 302 302",
    },
    # Background jobs, read-only: each person lists their own (editors have none).
    "core.job": {
        "changelist": "200 403 200 200",
        "add": "403 403 403 403",
        "change": "200 403 404 404",
        "delete": "403 403 403 403",
        "history": "200 403 404 404",
        "object": "302 302 302 302",
    },
    "news.article": NEWS | {"simple_history": "403 200 403 200", "list_export": "403 200 403 200"},
    "news.category": NEWS,
    "news.tag": NEWS,
    "news.banner": NEWS,
    "news.link": NEWS,
    # The galleries: albums (their photos inline) and videos, editors and alliance staff.
    "news.album": NEWS,
    "news.video": NEWS,
    # The document library: kept by editors and alliance staff, with its history.
    "news.document": NEWS
    | {
        "simple_history": "403 200 403 200",
        "import": "403 200 403 200",
        "template": "403 200 403 200",
    },  # fmt: skip
    "news.issuer": NEWS,
    "news.topic": NEWS,
    # Readers' questions and comments: answered, published and moderated by editors and
    # alliance staff; they come from readers, never added here. A reader's personal data
    # (export, erasure on request) is alliance staff's.
    "news.question": NEWS | {"add": "403 403 403 403", "privacy": "403 403 403 200"},
    "news.comment": NEWS | {"add": "403 403 403 403"},
    # One record: the list opens it; it is never added or deleted.
    "news.sitecontent": NEWS
    | {"changelist": "403 302 403 302", "add": "403 403 403 403", "delete": "403 403 403 403"},
}

# Who may change the records of each admin (the area officer: of their own areas only).
WRITERS = {
    "cooperatives.organization": {AREA, ALLIANCE},
    "cooperatives.location": {AREA, ALLIANCE},
    "cooperatives.figures": {AREA, ALLIANCE},
    "cooperatives.ocopproduct": {AREA, ALLIANCE},
    "cooperatives.loan": {AREA, ALLIANCE},
    "cooperatives.member": {AREA, ALLIANCE},
    "cooperatives.area": {ALLIANCE},
    "cooperatives.sector": {ALLIANCE},
    "cooperatives.collection": {ALLIANCE},
    "cooperatives.invitation": {AREA, ALLIANCE},
    # Locked and unlocked by alliance staff.
    "cooperatives.filer": {ALLIANCE},
    "cooperatives.outboxmail": {ALLIANCE},
    # Returned or forwarded by area officers, approved by alliance staff.
    "cooperatives.filing": {AREA, ALLIANCE},
    # Area officers undo their own imports only.
    "cooperatives.importbatch": {AREA, ALLIANCE},
    "reports.target": {ALLIANCE},
    "reports.frozenreport": {ALLIANCE},
    "news.article": {EDITOR, ALLIANCE},
    "news.category": {EDITOR, ALLIANCE},
    "news.tag": {EDITOR, ALLIANCE},
    "news.banner": {EDITOR, ALLIANCE},
    "news.link": {EDITOR, ALLIANCE},
    "news.album": {EDITOR, ALLIANCE},
    "news.video": {EDITOR, ALLIANCE},
    "news.document": {EDITOR, ALLIANCE},
    "news.issuer": {EDITOR, ALLIANCE},
    "news.topic": {EDITOR, ALLIANCE},
    "news.sitecontent": {EDITOR, ALLIANCE},
    "news.question": {EDITOR, ALLIANCE},
    "news.comment": {EDITOR, ALLIANCE},
}
STATE_CHANGING = ("changelist", "add", "change", "delete", "simple_history", "import", "undo",
                  "password_change", "personal_data", "erase", "remind", "privacy")  # fmt: skip


def post_data(action: str, obj) -> dict:
    """What a person allowed to act would send (a bulk delete on a list)."""
    if action == "changelist":
        return {"action": "delete_selected", "_selected_action": [obj.pk], "post": "yes"}
    if action == "delete":
        return {"post": "yes"}
    if action == "password_change":
        return {"password1": "Mk-moi-2026!x", "password2": "Mk-moi-2026!x"}
    return {"name": "Đổi bởi người không có quyền", "title": "Đổi", "phone": "0900 000 000"}


class AuditBase(AuditTestCase):
    def users(self) -> dict:
        return {
            ANON: None,
            AREA: self.area_officer,
            EDITOR: self.editor,
            OFFICIAL: self.official,
            ALLIANCE: self.alliance,
        }

    def setUp(self):
        # One signed-in client per role, kept for the whole test.
        self.clients = {}
        for role, user in self.users().items():
            client = Client(raise_request_exception=False)
            if user is not None:
                client.force_login(user)
            self.clients[role] = client

    def sign_in(self, role: str) -> None:
        self.client = self.clients[role]

    def assert_outcome(self, response, expected: str, what: str) -> None:
        if expected == LOGIN:
            self.assertEqual(response.status_code, 302, what)
            self.assertTrue(
                response["Location"].startswith("/quan-tri/login/?next="),
                f"{what}: sent to {response['Location']}",
            )
        else:
            self.assertEqual(response.status_code, int(expected), what)

    def site_address(self, template: str) -> str:
        product = self.own.ocop_products.order_by("pk").first()
        names = _Records(self)
        names.update(
            product=product,
            product_url=product.get_absolute_url(),
            job=self.own_job,
            filing=self.own_filing,
            article_ct=ContentType.objects.get_for_model(self.draft),
        )
        return template.format_map(names)


class _Records(dict):
    """The names an address template may use: these, else the test's own records
    (``{document.slug}`` is ``self.document.slug``)."""

    def __init__(self, case):
        super().__init__()
        self.case = case

    def __missing__(self, key):
        return getattr(self.case, key)


class CompletenessTests(AuditBase):
    def test_every_pattern_has_an_audit_row(self):
        missing = []
        for key, route in url_patterns():
            if key in EXCLUDED or key in SITE:
                continue
            found = admin_pattern(key, route)
            if found is None or found[1] not in ADMIN.get(found[0], {}):
                missing.append(key)
        self.assertEqual(missing, [], "URL patterns without a row in the authorisation audit")

    def test_every_row_is_a_real_pattern(self):
        keys = {key for key, _ in url_patterns()}
        admin_rows = {
            (label, action)
            for key, route in url_patterns()
            if (found := admin_pattern(key, route))
            for label, action in [found]
        }
        self.assertEqual(set(SITE) - keys, set())
        self.assertEqual(set(EXCLUDED) - keys, set())
        stale = {
            (label, action)
            for label, actions in ADMIN.items()
            for action in actions
            if (label, action) not in admin_rows
        }
        self.assertEqual(stale, set())

    def test_every_admin_has_a_writers_entry_or_is_read_only(self):
        read_only = {
            "auth.group",
            "auth.user",
            "cooperatives.unplacedorganization",
            "cooperatives.expiringocopproduct",
            "axes.accesslog",
            "axes.accessfailurelog",
            "axes.accessattempt",
            "otp_totp.totpdevice",
            "core.job",
        }
        self.assertEqual(set(ADMIN), set(WRITERS) | read_only)


@override_settings(DEBUG_PROPAGATE_EXCEPTIONS=False)
class GetMatrixTests(AuditBase):
    """The exact outcome of a GET of every address, per role."""

    def test_site_addresses(self):
        for index, role in enumerate(ROLES):
            self.sign_in(role)
            for key, (template, expected) in SITE.items():
                url = self.site_address(template)
                outcome = expected.split()[index]
                self.assert_outcome(self.client.get(url), outcome, f"{role} GET {url} ({key})")

    def test_admin_addresses(self):
        records = self.admin_records()
        for index, role in enumerate(ROLES):
            self.sign_in(role)
            for label, actions in ADMIN.items():
                for action, expected in actions.items():
                    url = admin_address(label, action, records[label][0])
                    outcome = ([LOGIN] + expected.split())[index]
                    self.assert_outcome(self.client.get(url), outcome, f"{role} GET {url}")

    def test_unpublished_articles_and_private_organisations(self):
        """Drafts preview for news staff only, even after one of them opened it (cache);
        an organisation that is not public has no public page for anyone."""
        hidden = self.other
        hidden.is_public = False
        hidden.save()
        draft = f"/tin-tuc/{self.draft.slug}/"
        for role, outcome in zip(ROLES, "404 404 200 404 200".split(), strict=True):
            self.sign_in(role)
            if role == EDITOR:
                self.assert_outcome(self.client.get(draft), outcome, f"{role} GET {draft}")
            self.assert_outcome(
                self.client.get(f"/hop-tac-xa/{hidden.code}/"), "404", f"{role} private org"
            )
        for role, outcome in zip(ROLES, "404 404 200 404 200".split(), strict=True):
            self.sign_in(role)
            self.assert_outcome(self.client.get(draft), outcome, f"{role} GET {draft}")


class RefusedPostTests(AuditBase):
    """Every role that may not change something POSTs to it: nothing changes."""

    def test_state_changing_admin_addresses(self):
        records = self.admin_records()
        before = database_state()
        for label, actions in ADMIN.items():
            for action in STATE_CHANGING:
                if action not in actions:
                    continue
                outcomes = dict(zip(ROLES, [LOGIN] + actions[action].split(), strict=True))
                obj = records[label][0]
                url = admin_address(label, action, obj)
                tried = []
                for role in ROLES:
                    # Undo, the personal-data export and reminders are POST only: a GET is
                    # refused.
                    allowed = role in WRITERS.get(label, ()) and (
                        outcomes[role] == "200" or action in ("undo", "personal_data", "remind")
                    )
                    if allowed:
                        continue
                    self.sign_in(role)
                    response = self.client.post(url, post_data(action, obj))
                    what = f"{role} POST {url}"
                    self.assertLess(response.status_code, 500, what)
                    if role == ANON:
                        self.assert_outcome(response, LOGIN, what)
                    tried.append(role)
                # Unchanged, so this state is also the one before the next address's POSTs.
                after = database_state()
                self.assertEqual(changed_tables(before, after), [], f"POST {url} as {tried}")
                before = after

    def test_report_freeze_and_unfreeze(self):
        for role in (ANON, AREA, EDITOR, OFFICIAL):
            self.sign_in(role)
            for url in (f"/bao-cao/360/{Y}/{M}/chot/", "/bao-cao/360/2022/12/mo-chot/"):
                before = database_state()
                response = self.client.post(url)
                what = f"{role} POST {url}"
                self.assert_outcome(response, LOGIN if role == ANON else "403", what)
                self.assertEqual(changed_tables(before, database_state()), [], what)

    def test_alliance_staff_freeze_and_unfreeze(self):
        """The control: the same POSTs do change the database for alliance staff."""
        from reports.models import FrozenReport

        self.sign_in(ALLIANCE)
        self.client.post(f"/bao-cao/360/{Y}/{M}/chot/")
        self.assertTrue(FrozenReport.objects.filter(area=self.y_yen, year=Y).exists())
        self.client.post("/bao-cao/360/2022/12/mo-chot/")
        self.assertFalse(FrozenReport.objects.filter(area=self.y_yen, year=2022).exists())

    def test_refused_post_payloads_would_change_the_database(self):
        """The control of the refused POSTs: a writer's same POST changes something."""
        records = self.admin_records()
        for label, role, action in (
            ("cooperatives.figures", ALLIANCE, "delete"),
            ("cooperatives.loan", AREA, "delete"),
            ("news.tag", EDITOR, "delete"),
            ("reports.target", ALLIANCE, "changelist"),
            ("cooperatives.ocopproduct", AREA, "changelist"),
            ("news.link", EDITOR, "changelist"),
        ):
            with self.subTest(label=label, action=action):
                self.sign_in(role)
                obj = records[label][0]
                before = database_state()
                self.client.post(admin_address(label, action, obj), post_data(action, obj))
                self.assertNotEqual(changed_tables(before, database_state()), [], (label, action))


class OfficialTests(AuditBase):
    def test_official_never_sees_a_members_import(self):
        """The import history shows the records a batch changed: for a members import,
        names and changes from the member register, which officials never read."""
        from testing.spreadsheets import run

        export = self.clients[ALLIANCE].get(
            "/quan-tri/cooperatives/member/xuat-tep/", {"dinh_dang": "csv"}
        )
        text = export.content.decode("utf-8-sig").replace("Trần Văn An", "Trần Văn Bình", 1)
        batch = run("members", text.encode("utf-8-sig"), "tv.csv", user=self.alliance).batch
        self.assertEqual(batch.updated, 1)
        detail = f"/quan-tri/cooperatives/importbatch/{batch.pk}/change/"
        self.assertContains(self.clients[ALLIANCE].get(detail), "Trần Văn Bình")
        official = self.clients[OFFICIAL]
        self.assertEqual(official.get(detail).status_code, 404)
        listing = official.get("/quan-tri/cooperatives/importbatch/")
        self.assertNotIn(batch, listing.context["cl"].result_list)
        self.assertIn(self.alliance_batch, listing.context["cl"].result_list)
        history = official.get(f"/quan-tri/cooperatives/importbatch/{batch.pk}/history/")
        self.assertEqual(history.status_code, 404)
