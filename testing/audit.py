"""Shared pieces of the authorisation audit: the URL conf as a list, the cast, the records.

``url_patterns()`` walks the whole URL conf (the site and every admin page of every
registered ModelAdmin, custom views included) and gives each pattern a stable key: its
name where it has one, else its route. ``AuditTestCase`` adds to the role cast of
``testing.roles.RolesTestCase`` one record of every kind the admin shows, so
that every address of the audit table can be filled with a real id.
"""

import datetime

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.apps import apps
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.db import connection
from django.urls import URLResolver, get_resolver
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from cooperatives import filings
from cooperatives.models import (
    Area,
    Collection,
    Filer,
    Filing,
    ImportBatch,
    OcopProduct,
    OutboxMail,
)
from core.models import Job
from news.models import (
    Album,
    Banner,
    Comment,
    Document,
    Issuer,
    Link,
    Photo,
    Question,
    SiteContent,
    Tag,
    Topic,
    Video,
)
from reports.models import Target
from reports.services import freeze_report
from testing import factories as f
from testing import news_factories as news_f
from testing.roles import RolesTestCase

ANON, AREA, EDITOR, OFFICIAL, ALLIANCE = "anonymous", "area", "editor", "official", "alliance"
ROLES = (ANON, AREA, EDITOR, OFFICIAL, ALLIANCE)

# Outcomes of a GET. LOGIN: a redirect to the admin sign-in page with ``next``.
LOGIN = "login"


def url_patterns() -> list[tuple[str, str]]:
    """Return (key, route) for every pattern of the URL conf, in resolution order."""
    found = []

    def walk(patterns, prefix, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = namespace
                if pattern.namespace:
                    inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
                walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
            else:
                route = prefix + str(pattern.pattern)
                name = pattern.name
                if name and namespace:
                    name = f"{namespace}:{name}"
                found.append((name or route, route))

    walk(get_resolver().url_patterns, "", None)
    return found


def _audited_tables() -> list[tuple[type, list]]:
    """(model, fields compared) of every table ``database_state`` reads."""
    tables = []
    for model in apps.get_models(include_auto_created=True):
        if model is Session or model._meta.proxy:
            continue
        fields = [
            field
            for field in model._meta.concrete_fields
            if not (model is User and field.name == "last_login")
        ]
        tables.append((model, fields))
    return tables


def database_state() -> dict:
    """Every row of every table but sessions (and sign-in times): compared around a POST.

    Per table, its rows in primary-key order: on PostgreSQL all tables in one query (a
    round trip per table made this audit slow), each table's rows as the text of an array
    of row values, equal when the rows are; elsewhere one query per table, as tuples.
    """
    tables = _audited_tables()
    if connection.vendor == "postgresql":
        q = connection.ops.quote_name
        parts = [
            f"SELECT %s, (SELECT array_agg(ROW({', '.join(q(f.column) for f in fields)})::text "
            f"ORDER BY {q(model._meta.pk.column)}) FROM {q(model._meta.db_table)})::text"
            for model, fields in tables
        ]
        with connection.cursor() as cursor:
            cursor.execute(" UNION ALL ".join(parts), [model._meta.label for model, _ in tables])
            return dict(cursor.fetchall())
    return {
        model._meta.label: list(
            model.objects.order_by("pk").values_list(*(f.attname for f in fields))
        )
        for model, fields in tables
    }


def changed_tables(before: dict, after: dict) -> list[str]:
    return [label for label in before if before[label] != after.get(label)]


class AuditTestCase(RolesTestCase):
    """The role cast (area officer of Huyện Ý Yên) and one record of every admin kind.

    Own area: Huyện Ý Yên (``self.own``); other area: Huyện Hải Hậu (``self.other``);
    each organisation has a location, figures, an OCOP product, a loan and a member.
    """

    year, months = 2023, 6

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        today = timezone.localdate()
        cls.other.phone = "0228 000 111"
        cls.other.save()  # a second version in the other organisation's history
        cls.own.phone = "0228 000 222"
        cls.own.save()
        cls.own.sector.save()  # sectors come from a migration, without a history entry
        # Worklists: an organisation of a split commune in each district, and
        # certificates expiring soon in each.
        for district, number in ((cls.y_yen, 1), (cls.hai_hau, 2)):
            split = f.area(
                f"1399{number}",
                f"Xã Tách {number}",
                Area.Level.COMMUNE,
                district,
                valid_to=today - datetime.timedelta(days=1),
            )
            # Split between two communes of its own district: its officers, and only they,
            # look after it until it is placed (AreaMap.raw_ids_for_scope).
            neighbour = f.area(f"1398{number}", f"Xã Láng Giềng {number}", Area.Level.COMMUNE,
                               district)  # fmt: skip
            split.successors.add(cls.yen_bang if number == 1 else cls.hai_phuc, neighbour)
            stranded = f.organization(split, code=f"069900000{number}", name=f"HTX Tách {number}")
            setattr(cls, "own_unplaced" if number == 1 else "other_unplaced", stranded)
        cls.own_expiring = f.ocop(
            cls.own, name="Chiếu cói Yên Bằng", expires_on=today + datetime.timedelta(days=20)
        )
        cls.other_expiring = f.ocop(
            cls.other, name="Nước mắm Hải Phúc", expires_on=today + datetime.timedelta(days=20)
        )
        cls.own_target = Target.objects.create(
            area=cls.y_yen, year=cls.year, months=cls.months, indicator="htx_new", value=3
        )
        cls.other_target = Target.objects.create(
            area=cls.hai_hau, year=cls.year, months=cls.months, indicator="htx_new", value=4
        )
        cls.own_frozen = freeze_report(area=cls.y_yen, year=2022, months=12, user=cls.alliance)
        cls.other_frozen = freeze_report(area=cls.hai_hau, year=2022, months=12, user=cls.alliance)
        cls.alliance_batch = ImportBatch.objects.create(
            kind="organizations", file_name="to-chuc.xlsx", user=cls.alliance
        )
        cls.own_batch = ImportBatch.objects.create(
            kind="figures", file_name="so-lieu.xlsx", user=cls.area_officer
        )
        # A background job of the area officer's (a large import): theirs alone to see.
        cls.own_job = Job.objects.create(
            kind="import", title="Nhập tệp “so-lieu.xlsx”", user=cls.area_officer
        )
        cls.article = news_f.article("Hội nghị tổng kết HTX")
        cls.draft = news_f.article("Bản nháp chưa đăng", live=False)
        cls.article.organizations.add(cls.own)
        cls.category = news_f.category()
        cls.tag = Tag.objects.create(name="Nông nghiệp sạch", slug="nong-nghiep-sach")
        cls.banner = Banner.objects.create(
            title="Tuần lễ HTX", image="banners/tuan-le.jpg", alt="Băng rôn tuần lễ HTX"
        )
        cls.link = Link.objects.create(name="Cổng Chính phủ", url="https://chinhphu.vn")
        # The galleries (issue 19): an album with one photo, a video on YouTube.
        cls.album = Album.objects.create(title="Ngày hội HTX", is_published=True)
        Photo.objects.create(
            album=cls.album, image="thu-vien/anh/hoi.jpg", image_small="thu-vien/anh/co/s.webp",
            image_card="thu-vien/anh/co/c.webp", image_large="thu-vien/anh/co/l.webp",
            width=1200, height=800, alt="Gian hàng của các HTX",
        )  # fmt: skip
        cls.video = Video.objects.create(
            title="Phóng sự HTX", link="https://youtu.be/dQw4w9WgXcQ", host="youtube",
            host_id="dQw4w9WgXcQ", is_published=True,
        )  # fmt: skip
        # The document library (issue 19).
        cls.issuer = Issuer.objects.create(name="Bộ Kế hoạch và Đầu tư")
        cls.topic = Topic.objects.order_by("pk").first()
        cls.document = Document.objects.create(
            doc_type="thong-tu", number="09/2024/TT-BKHĐT", issuer=cls.issuer,
            summary="Biểu mẫu đăng ký hợp tác xã", issued_on=datetime.date(2024, 7, 30),
        )  # fmt: skip
        # Readers' questions and comments (issue 19): one answered and published, one
        # comment waiting for moderation; both with contacts.
        cls.question = Question.objects.create(
            name="Nguyễn Văn Hỏi", email="nguoi.hoi@example.com", phone="0912000111",
            topic=Topic.objects.order_by("pk").first(), title="Thành lập HTX cần gì?",
            text="Cần bao nhiêu thành viên?", answer="Ít nhất 05 thành viên chính thức.",
            is_published=True, answered_at=timezone.now(),
        )  # fmt: skip
        cls.comment = Comment.objects.create(
            article=cls.article, name="Bạn đọc", email="ban.doc@example.com", text="Bài hay."
        )
        cls.collection = Collection.objects.create(
            year=2023, months=6, opens_on=datetime.date(2023, 7, 1),
            deadline=datetime.date(2023, 7, 20),
        )  # fmt: skip
        cls.add_filing_records()
        SiteContent.load().save()
        cls.sitecontent = SiteContent.objects.get()
        cls.group = Group.objects.order_by("pk").first()
        # The sign-in audit: one record of each kind.
        seen = {"username": "canbo.yyen", "ip_address": "10.0.0.7", "user_agent": "Firefox"}
        cls.access_log = AccessLog.objects.create(**seen)
        cls.access_failure = AccessFailureLog.objects.create(**seen)
        cls.access_attempt = AccessAttempt.objects.create(**seen, failures_since_start=2)
        # The superuser's authenticator (no role below is enrolled, so none owes a code).
        cls.totp_device = TOTPDevice.objects.create(user=cls.superuser, name="Điện thoại")
        cls.organization_ct = ContentType.objects.get_for_model(cls.other)
        LogEntry.objects.all().delete()

    @classmethod
    def add_filing_records(cls) -> None:
        """Cooperatives filing for themselves: in each district an invitation by letter, a
        filer's account and a filing sent to the collection, waiting for review."""
        sent = timezone.now()
        for org, side in ((cls.own, "own"), (cls.other, "other")):
            invitation, _code = filings.invite(organization=org, name="Nguyễn Thị Kế",
                                               title="Kế toán", channel="letter", email="",
                                               by=cls.alliance)  # fmt: skip
            user = User.objects.create_user(f"htx-{org.code}", email=f"ke.{org.code}@htx.vn")
            filer = Filer.objects.create(user=user, organization=org, name="Nguyễn Thị Kế")
            filing = Filing.objects.create(
                collection=cls.collection, organization=org, state=Filing.State.SUBMITTED,
                number=f"SL-202306-{org.pk:05d}", submissions=1, submitted_at=sent,
                first_submitted_at=sent, submitted_by=user, values={"members": "20"},
            )  # fmt: skip
            mail = OutboxMail.objects.create(
                kind=OutboxMail.Kind.MANUAL, organization=org, collection=cls.collection,
                recipients=[user.email], subject="Nhắc nộp số liệu", body="Kính gửi ...",
                state=OutboxMail.State.FAILED, attempts=1, last_error="Máy chủ thư ngắt kết nối",
            )  # fmt: skip
            setattr(cls, f"{side}_mail", mail)
            setattr(cls, f"{side}_invitation", invitation)
            setattr(cls, f"{side}_filer", filer)
            setattr(cls, f"{side}_filing", filing)

    # Records per admin model: (own-area or only record, other-area record or None).
    @classmethod
    def admin_records(cls) -> dict:
        products = OcopProduct.objects.exclude(pk__in=[cls.own_expiring.pk, cls.other_expiring.pk])
        own_ocop = products.get(organization=cls.own)
        other_ocop = products.get(organization=cls.other)
        return {
            "cooperatives.organization": (cls.own, cls.other),
            "cooperatives.location": (cls.own.locations.get(), cls.other.locations.get()),
            "cooperatives.figures": (cls.own.figures.get(), cls.other.figures.get()),
            "cooperatives.ocopproduct": (own_ocop, other_ocop),
            "cooperatives.loan": (cls.own.loans.get(), cls.other.loans.get()),
            "cooperatives.member": (cls.own.members.get(), cls.other.members.get()),
            "cooperatives.unplacedorganization": (cls.own_unplaced, cls.other_unplaced),
            "cooperatives.expiringocopproduct": (cls.own_expiring, cls.other_expiring),
            "cooperatives.area": (cls.yen_bang, None),
            "cooperatives.sector": (cls.own.sector, None),
            "cooperatives.importbatch": (cls.own_batch, cls.alliance_batch),
            "cooperatives.collection": (cls.collection, None),
            "cooperatives.invitation": (cls.own_invitation, cls.other_invitation),
            "cooperatives.filer": (cls.own_filer, cls.other_filer),
            "cooperatives.filing": (cls.own_filing, cls.other_filing),
            "cooperatives.outboxmail": (cls.own_mail, cls.other_mail),
            "reports.target": (cls.own_target, cls.other_target),
            "reports.frozenreport": (cls.own_frozen, cls.other_frozen),
            "news.article": (cls.article, None),
            "news.category": (cls.category, None),
            "news.tag": (cls.tag, None),
            "news.sitecontent": (cls.sitecontent, None),
            "news.banner": (cls.banner, None),
            "news.link": (cls.link, None),
            "news.question": (cls.question, None),
            "news.comment": (cls.comment, None),
            "news.album": (cls.album, None),
            "news.video": (cls.video, None),
            "news.document": (cls.document, None),
            "news.issuer": (cls.issuer, None),
            "news.topic": (cls.topic, None),
            "auth.group": (cls.group, None),
            "auth.user": (cls.editor, None),
            "axes.accesslog": (cls.access_log, None),
            "axes.accessfailurelog": (cls.access_failure, None),
            "axes.accessattempt": (cls.access_attempt, None),
            "otp_totp.totpdevice": (cls.totp_device, None),
            "core.job": (cls.own_job, None),
        }


ADMIN_ACTIONS = (
    "changelist", "add", "change", "delete", "history", "simple_history", "object",
    "import", "export", "template", "undo", "password_change", "personal_data", "erase",
    "place", "list_export", "tracking", "missing_xlsx", "remind", "privacy",
)  # fmt: skip


def admin_pattern(key: str, route: str) -> tuple[str, str] | None:
    """Return (model label, action) for a ModelAdmin's pattern, else None."""
    from django.contrib import admin

    for model in admin.site._registry:
        meta = model._meta
        prefix = f"admin:{meta.app_label}_{meta.model_name}_"
        if key.startswith(prefix) and key[len(prefix) :] in ADMIN_ACTIONS:
            return meta.label_lower, key[len(prefix) :]
        if route == f"quan-tri/{meta.app_label}/{meta.model_name}/<path:object_id>/":
            return meta.label_lower, "object"
    return None


def admin_address(label: str, action: str, obj) -> str:
    """The address of ``action`` of the admin of ``label`` for ``obj``."""
    from django.urls import reverse

    app_label, model_name = label.split(".")
    name = f"admin:{app_label}_{model_name}_{action}"
    if action in ("changelist", "add", "import", "export", "template", "list_export", "privacy"):
        return reverse(name)
    if action == "simple_history":
        return reverse(name, args=[obj.pk, obj.history.order_by("history_id")[0].history_id])
    if action == "object":
        return f"/quan-tri/{app_label}/{model_name}/{obj.pk}/"
    if action == "undo":
        return reverse(name, kwargs={"pk": obj.pk})
    if action == "password_change":
        return reverse(name, kwargs={"id": obj.pk})
    return reverse(name, args=[obj.pk])
