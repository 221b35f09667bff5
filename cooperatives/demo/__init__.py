"""The demonstration province behind ``manage.py load_demo``: Tỉnh Nam Định, 2022–2025.

Every value comes from one seeded generator and fixed dates, except four OCOP products
dated from today so that the staff worklist of expiring products is never empty. The
half-year 2023 figures match the Alliance's report of 16/8/2023: 514 HTX and Quỹ TDND,
12 new HTX against a plan of 15, revenue 2,300 triệu đồng per HTX (Quỹ TDND included),
income 3.2 triệu đồng per worker a month, 250 HTX meeting new-rural criterion 13.1.
"""

import re
from collections import Counter
from typing import TextIO

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from simple_history.utils import get_history_manager_for_model

from cooperatives.formatting import vn_number
from cooperatives.models import (
    Area,
    AreaMap,
    Figures,
    Loan,
    Location,
    Member,
    OcopProduct,
    Organization,
)
from htx_portal import freshness
from reports.models import Target

from .builder import DemoDataConflict, _Builder
from .data import DISTRICTS, PERIODS, Kind

__all__ = ["DemoDataConflict", "is_loaded", "load_demo"]

HISTORY_MODELS = (Area, Organization, Location, Figures, OcopProduct, Loan, Target, Member)


def is_loaded() -> bool:
    """Return whether the demo province is there: area 36 with organisations located in it."""
    province = Area.objects.filter(code="36").first()
    if province is None:
        return False
    return Location.objects.filter(area_id__in=AreaMap().subtree(province.pk)).exists()


@transaction.atomic
def load_demo(*, stdout: TextIO | None = None) -> bool:
    """Fill the database with the demonstration province; return False if it was already there.

    Raise ``DemoDataConflict`` when some of its areas or codes exist without the demo.
    """

    def say(message: str) -> None:
        if stdout is not None:
            stdout.write(message + "\n")

    if is_loaded():
        say("Dữ liệu mẫu tỉnh Nam Định đã có trong cơ sở dữ liệu; không thay đổi gì.")
        return False
    codes = {"36", "37", *re.findall(r"^\d{3}", DISTRICTS, re.MULTILINE)}
    clash = Area.objects.filter(code__in=codes).order_by("code").first()
    if clash is not None:
        raise DemoDataConflict(
            f"Đã có đơn vị hành chính mã {clash.code} ({clash.name}) nhưng chưa có tổ chức nào "
            "của tỉnh Nam Định: lệnh chỉ nạp dữ liệu mẫu vào cơ sở dữ liệu trống."
        )
    say("Đang nạp dữ liệu mẫu: tỉnh Nam Định trước và sau ngày 01/07/2025…")
    before = {model: model.objects.aggregate(top=Max("pk"))["top"] or 0 for model in HISTORY_MODELS}
    builder = _Builder(timezone.localdate())
    areas = builder.build_areas()
    say(
        f"Đã tạo {areas} đơn vị hành chính: 2 tỉnh, 10 huyện, {len(builder.communes)} xã cũ "
        f"và {len(builder.new_communes)} xã mới."
    )
    builder.build_organizations()
    kinds = Counter(record.org.kind for record in builder.records)
    say(
        f"Đã tạo {vn_number(len(builder.records))} tổ chức: {vn_number(kinds[Kind.HTX])} HTX, "
        f"{kinds[Kind.CREDIT_FUND]} Quỹ TDND, {kinds[Kind.UNION]} Liên hiệp HTX và "
        f"{vn_number(kinds[Kind.GROUP])} tổ hợp tác."
    )
    figures = builder.build_figures()
    say(f"Đã tạo {vn_number(figures)} dòng số liệu định kỳ của {len(PERIODS)} kỳ báo cáo.")
    ocop, loans = builder.build_ocop(), builder.build_loans()
    targets, members = builder.build_targets(), builder.build_members()
    say(
        f"Đã tạo {ocop} sản phẩm OCOP, {loans} khoản vay, {targets} chỉ tiêu kế hoạch "
        f"và {members} thành viên trong sổ đăng ký."
    )
    _record_history(before)
    freshness.bump("registry")  # written in bulk, without signals
    freshness.bump("figures")
    say("Đã nạp xong dữ liệu mẫu.")
    return True


def _record_history(before: dict) -> None:
    """Give every demo record its first history entry, as if it had been typed in.

    The builder writes with ``bulk_create``, which sends no signals.
    """
    for model, top in before.items():
        objects = list(model.objects.filter(pk__gt=top))
        get_history_manager_for_model(model).bulk_history_create(
            objects, batch_size=1000, default_change_reason="Dữ liệu minh họa (load_demo)"
        )
