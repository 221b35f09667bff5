"""The registry's blocks of the staff home (``core.staff_home``), in the person's scope.

Every count is taken from the queryset of the admin list its link opens (``get_queryset``
of that list's ModelAdmin), so the number on the home page is the number of rows the
person then sees, within the same areas.
"""

import datetime
from urllib.parse import urlencode

from django.contrib import admin
from django.db.models import Count, Exists, OuterRef
from django.urls import reverse
from django.utils import timezone

from cooperatives.admin.base import EXPIRY_WARNING_DAYS
from cooperatives.models import (
    AreaMap,
    ExpiringOcopProduct,
    Figures,
    ImportBatch,
    Organization,
    UnplacedOrganization,
)
from cooperatives.spreadsheets.undo import UndoRefused, check_undo
from core.admin import per_data_version
from core.lib.formatting import vn_number, vn_percent
from core.lib.periods import period_end, period_label
from core.staff_home import Block

# Areas listed in the block of the current period: those with the most organisations
# still without figures; the link opens the whole list.
AREA_ROWS = 8
RECENT_IMPORTS = 5
UNPLACED_AREA = "Chưa xác định địa bàn"


def current_period(today: datetime.date) -> tuple[int, int]:
    """The latest half-year or year that has ended: the figures staff are collecting."""
    return (today.year, 6) if today.month >= 7 else (today.year - 1, 12)


def _admin_of(model):
    return admin.site._registry.get(model)


def _changelist(model, **params) -> str:
    info = model._meta.app_label, model._meta.model_name
    url = reverse("admin:{}_{}_changelist".format(*info))
    return f"{url}?{urlencode(params)}" if params else url


def _count(queryset) -> int:
    # Counted once per data version, as the lists count themselves: the worklist of
    # organisations to place took 200 ms at national scale, figures to approve 135 ms.
    return per_data_version(queryset, "count", queryset.count)


def blocks(request) -> list[Block]:
    user = request.user
    found = []
    if user.has_perm("cooperatives.view_organization"):
        found.append(_unplaced(request))
    if user.has_perm("cooperatives.view_ocopproduct"):
        found.append(_expiring(request))
    if user.has_perm("cooperatives.view_figures"):
        found.append(_waiting(request))
    if user.has_perm("cooperatives.view_organization") and user.has_perm(
        "cooperatives.view_figures"
    ):
        found.append(_period(request))
    if user.has_perm("cooperatives.view_importbatch"):
        found.append(_imports(request))
    return found


def _unplaced(request) -> Block:
    count = _count(_admin_of(UnplacedOrganization).get_queryset(request))
    return Block(
        title="Tổ chức cần xác định địa bàn",
        count=count,
        link=_changelist(UnplacedOrganization),
        link_label="Xếp địa bàn",
        note="Xã, phường nơi đặt trụ sở đã chia tách sau sắp xếp đơn vị hành chính.",
        tone="todo" if count else "done",
    )


def _expiring(request) -> Block:
    count = _count(_admin_of(ExpiringOcopProduct).get_queryset(request))
    return Block(
        title=f"Sản phẩm OCOP hết hạn trong {EXPIRY_WARNING_DAYS} ngày",
        count=count,
        link=_changelist(ExpiringOcopProduct),
        link_label="Xem danh sách",
        note="Nhắc tổ chức chuẩn bị hồ sơ đánh giá lại trước ngày hết hạn.",
        tone="todo" if count else "done",
    )


def _waiting(request) -> Block:
    figures = _admin_of(Figures).get_queryset(request)
    count = _count(figures.filter(state=Figures.State.SUBMITTED))
    return Block(
        title="Số liệu chờ duyệt",
        count=count,
        link=_changelist(Figures, state__exact=Figures.State.SUBMITTED),
        link_label="Duyệt số liệu",
        note="Số liệu đã gửi (nhập từ tệp hoặc do cán bộ địa bàn nhập), chưa được duyệt.",
        tone="todo" if count else "done",
    )


def _period(request) -> Block:
    """Organisations with and without figures for the current period, by area."""
    today = timezone.localdate()
    year, months = current_period(today)
    end = period_end(year, months)
    filed = Figures.objects.filter(organization=OuterRef("pk"), year=year, months=months)
    counts = (
        _admin_of(Organization)
        .get_queryset(request)
        .existing_at(end)
        .annotate(filed=Exists(filed))
        .order_by()
        .values_list("area_id", "filed")
        .annotate(n=Count("pk"))
    )
    area_map = AreaMap.current()
    by_area: dict[int | None, list[int]] = {}
    for area_id, has, n in per_data_version(counts, "filed", lambda: list(counts)):
        shown = _shown_unit(area_map, area_id, today)
        by_area.setdefault(shown, [0, 0])[0 if has else 1] += n
    with_figures = sum(done for done, _ in by_area.values())
    without = sum(missing for _, missing in by_area.values())
    total = with_figures + without
    label = period_label(year, months)
    rows = []
    worst = sorted(by_area.items(), key=lambda item: (-item[1][1], -item[1][0]))
    for shown, (done, missing) in worst[:AREA_ROWS]:
        name = area_map.rows[shown][1] if shown is not None else UNPLACED_AREA
        share = vn_percent(done / (done + missing) * 100) if done + missing else "—"
        rows.append(([name, vn_number(done), vn_number(missing), share], ""))
    return Block(
        title=f"Số liệu {label}",
        count=without,
        link=_changelist(Organization, so_lieu_ky=f"{year}-{months}-chua"),
        link_label="Tổ chức chưa có số liệu",
        note=(
            f"{vn_number(with_figures)} trong {vn_number(total)} tổ chức đã có số liệu "
            f"({vn_percent(with_figures / total * 100) if total else '—'}); "
            f"{vn_number(without)} tổ chức chưa có."
        ),
        tone="todo" if without else "done",
        columns=["Địa bàn", "Đã có", "Chưa có", "Tỷ lệ"],
        rows=rows,
    )


def _shown_unit(area_map: AreaMap, area_id: int | None, today: datetime.date) -> int | None:
    """The unit an organisation is counted under: today's unit of its recorded area, as
    the province's part it lies in (a commune since 2025, a district before)."""
    unit = area_map.resolve(area_id, today) if area_id is not None else None
    if unit is None:
        return None
    chain = area_map.ancestors(unit)
    return chain[-2] if len(chain) > 1 else chain[-1]


def _imports(request) -> Block:
    batch_admin = _admin_of(ImportBatch)
    batches = list(
        batch_admin.get_queryset(request)
        .select_related("user")
        .order_by("-created_at", "-pk")[:RECENT_IMPORTS]
    )
    rows = []
    for batch in batches:
        undo = ""
        if batch.undone_at is None and batch_admin.can_undo(request, batch):
            try:
                check_undo(batch)
                undo = "Hoàn tác được"
            except UndoRefused:
                undo = ""
        when = timezone.localtime(batch.created_at)
        rows.append(
            (
                [
                    f"{when:%d/%m/%Y %H:%M}",
                    batch.get_kind_display(),
                    batch.file_name,
                    f"{vn_number(batch.created)} mới, {vn_number(batch.updated)} sửa",
                    "Đã hoàn tác" if batch.undone_at else undo,
                ],
                reverse("admin:cooperatives_importbatch_change", args=[batch.pk]),
            )
        )
    return Block(
        title="Lần nhập tệp gần đây",
        count=None,
        link=_changelist(ImportBatch),
        link_label="Toàn bộ lịch sử nhập tệp",
        columns=["Lúc", "Loại", "Tệp", "Kết quả", "Hoàn tác"],
        rows=rows,
        note="" if rows else "Chưa có lần nhập tệp nào.",
    )
