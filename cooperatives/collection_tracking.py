"""Who has filed in a collection, area by area, and who has not (issue 18: tracking).

An organisation has filed when its figures of the collection's period are submitted or
approved, whoever entered them (the cooperative, area staff or an import): the figures'
own workflow, draft → submitted → approved. It filed on time when the figures' history
first shows them submitted or approved on or before the deadline. The annual information
update has no figures: there, an organisation has filed when its filing is sent (waiting
for staff) or approved, and on time when it was first sent by the deadline. Counted
within the person's areas.

Beside the figures, the filings cooperatives sent themselves: how many staff returned for
changes and how many wait for staff to act; which organisations have a filer account to
remind; and the collection's mails the mail server refused.
"""

import io
from dataclasses import dataclass, field

from django.db.models import Exists, Min, OuterRef
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font

from cooperatives.models import AreaMap, Collection, Figures, Filer, Filing, OutboxMail
from cooperatives.scoping import area_scope

FILED = (Figures.State.SUBMITTED, Figures.State.APPROVED)
FAILED_SHOWN = 100  # the newest of the collection's failed mails, on the page


@dataclass
class AreaRow:
    name: str
    to_file: int = 0
    draft: int = 0
    submitted: int = 0
    approved: int = 0
    on_time: int = 0
    late: int = 0  # filed after the deadline, or not filed once it has passed
    returned: int = 0  # filings returned to the cooperative for changes
    waiting: int = 0  # filings sent or forwarded: staff still have to act

    @property
    def filed(self) -> int:
        return self.submitted + self.approved

    @property
    def missing(self) -> int:
        return self.to_file - self.filed


@dataclass
class Tracking:
    collection: Collection
    rows: list[AreaRow] = field(default_factory=list)
    missing: list[dict] = field(default_factory=list)
    late: bool = False
    failed: list[OutboxMail] = field(default_factory=list)

    @property
    def total(self) -> AreaRow:
        total = AreaRow("Tổng cộng")
        for row in self.rows:
            total.to_file += row.to_file
            total.draft += row.draft
            total.submitted += row.submitted
            total.approved += row.approved
            total.on_time += row.on_time
            total.late += row.late
            total.returned += row.returned
            total.waiting += row.waiting
        return total


def tracking(collection: Collection, user) -> Tracking:
    """Counts per area (where each organisation is recorded today) and the organisations
    that have not filed, within ``user``'s areas."""
    organizations = collection.organizations()
    scope = area_scope(user)
    if scope is not None:
        organizations = organizations.filter(area_id__in=scope)
    period = Figures.objects.filter(
        organization=OuterRef("pk"), year=collection.year, months=collection.months
    )
    filing = Filing.objects.filter(organization=OuterRef("pk"), collection=collection)
    filers = Filer.objects.filter(organization=OuterRef("pk"), user__is_active=True)
    if collection.kind == Collection.Kind.UPDATE:
        # The annual update has no figures: it is filed as a filing, sent (staff still to
        # act) or approved; one returned for changes, or not yet sent, is a draft.
        states = {
            "has_draft": Exists(filing.filter(state__in=[Filing.State.DRAFT,
                                                         Filing.State.RETURNED])),
            "has_submitted": Exists(filing.filter(state__in=Filing.IN_REVIEW)),
            "has_approved": Exists(filing.filter(state=Filing.State.APPROVED)),
        }  # fmt: skip
        first_filed = dict(
            Filing.objects.filter(
                collection=collection,
                organization_id__in=organizations.values("pk"),
                first_submitted_at__isnull=False,
            ).values_list("organization_id", "first_submitted_at")
        )
    else:
        states = {
            "has_draft": Exists(period.filter(state=Figures.State.DRAFT)),
            "has_submitted": Exists(period.filter(state=Figures.State.SUBMITTED)),
            "has_approved": Exists(period.filter(state=Figures.State.APPROVED)),
        }
        first_filed = first_figures(collection, organizations)
    rows = organizations.annotate(
        **states,
        returned=Exists(filing.filter(state=Filing.State.RETURNED)),
        waiting=Exists(filing.filter(state__in=Filing.IN_REVIEW)),
        has_filer=Exists(filers),
        reachable=Exists(filers.exclude(user__email="")),
    ).values_list(
        "pk", "code", "name", "area_id", "phone", "has_draft", "has_submitted", "has_approved",
        "returned", "waiting", "has_filer", "reachable",
    )  # fmt: skip
    past_deadline = timezone.localdate() > collection.deadline
    area_map = AreaMap.current()
    by_area: dict[str, AreaRow] = {}
    missing = []
    for row_values in rows.order_by("name_folded"):
        pk, code, name, area_id, phone, draft, submitted, approved = row_values[:8]
        returned, waiting, has_filer, reachable = row_values[8:]
        place = area_map.chain(area_id) if area_id else "Chưa xác định địa bàn"
        row = by_area.setdefault(place, AreaRow(place))
        row.to_file += 1
        row.returned += returned
        row.waiting += waiting
        if approved or submitted:
            first = first_filed.get(pk)
            on_time = bool(first and timezone.localdate(first) <= collection.deadline)
            row.on_time += on_time
            row.late += not on_time
        else:
            row.late += past_deadline
        if approved:
            row.approved += 1
        elif submitted:
            row.submitted += 1
        else:
            row.draft += draft
            org = {"pk": pk, "code": code, "name": name, "place": place, "phone": phone,
                   "draft": draft, "returned": returned, "has_filer": has_filer,
                   "reachable": reachable}  # fmt: skip
            missing.append(org | {"state": missing_state(org, collection)})
    ordered = sorted(by_area.values(), key=lambda r: (-r.missing, r.name))
    late = collection.state(timezone.localdate()) in ("late", "closed")
    return Tracking(collection, ordered, missing, late, failed_mails(collection, scope))


def first_figures(collection: Collection, organizations) -> dict:
    """When each organisation's figures of the period were first sent or approved: one
    grouped query over their history (imports write it too)."""
    return dict(
        Figures.history.filter(
            organization_id__in=organizations.values("pk"),
            year=collection.year,
            months=collection.months,
            state__in=FILED,
        )
        .values("organization_id")
        .annotate(first=Min("history_date"))
        .values_list("organization_id", "first")
    )


def failed_mails(collection: Collection, scope) -> list[OutboxMail]:
    """The collection's mails the mail server refused (still retried, or given up),
    newest first, to organisations within ``scope`` (None: all)."""
    mails = OutboxMail.objects.filter(collection=collection, state=OutboxMail.State.FAILED)
    if scope is not None:
        mails = mails.filter(organization__area_id__in=scope)
    return list(mails.select_related("organization").order_by("-created_at")[:FAILED_SHOWN])


def missing_state(org: dict, collection: Collection) -> str:
    """Where an organisation that has not filed stands, in words."""
    if org["returned"]:
        return "Bị trả lại, chờ HTX sửa"
    if org["draft"]:
        return "Có bản nháp, chưa gửi"
    return "Chưa gửi cập nhật" if collection.kind == Collection.Kind.UPDATE else "Chưa có số liệu"


def missing_workbook(result: Tracking) -> bytes:
    """The organisations that have not filed, for the follow-up calls."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Chưa nộp"
    sheet.append([f"Tổ chức chưa nộp – {result.collection}"])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([f"Hạn nộp {result.collection.deadline:%d/%m/%Y} · lập lúc "
                  f"{timezone.localtime():%H:%M ngày %d/%m/%Y}"])  # fmt: skip
    sheet.append([])
    sheet.append(["STT", "Mã số", "Tên tổ chức", "Địa bàn", "Điện thoại", "Tình trạng"])
    for cell in sheet[4]:
        cell.font = Font(bold=True)
    for number, org in enumerate(result.missing, start=1):
        sheet.append([number, org["code"], org["name"], org["place"], org["phone"], org["state"]])
    for column, width in zip("ABCDEF", (6, 14, 40, 40, 16, 22), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A5"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
