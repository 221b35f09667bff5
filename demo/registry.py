"""The demonstration province behind ``manage.py load_demo``: Tỉnh Nam Định, 2022–2025,
on Vietnam's official administrative units.

The units are the real ones of the new Tỉnh Ninh Bình's territory (old Hà Nam, Nam Định
and Ninh Bình, their districts and communes until 30/06/2025, and the new province and
its communes from 01/07/2025), loaded by ``load_areas`` from the official data set through
the areas import. The organisations sit in the real communes of old Nam Định, spread over
its districts by the weights in ``data``; those founded after 01/07/2025 sit in the new
communes that took Nam Định's over. A few of old Hà Nam and Ninh Bình sit in communes the
reform split, so they are unplaced from 01/07/2025 and the staff worklist has content.

Every value comes from one seeded generator and fixed dates, except four OCOP products
dated from today so that the staff worklist of expiring products is never empty. The
half-year 2023 figures match the Alliance's report of 16/8/2023: 514 HTX and Quỹ TDND,
12 new HTX against a plan of 15, revenue 2,300 triệu đồng per HTX (Quỹ TDND included),
income 3.2 triệu đồng per worker a month, 250 HTX meeting new-rural criterion 13.1.
"""

from collections import Counter
from typing import TextIO

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from cooperatives.models import Figures, Loan, Location, Member, OcopProduct, Organization
from cooperatives.spreadsheets.engine import HistoryWriter
from core import freshness
from core.database import analyze
from core.lib.formatting import vn_number
from core.lib.reform import LAST_OLD_DAY_TEXT, REFORM_DATE_TEXT
from demo.builder import DemoDataConflict, _Builder, demo_codes
from demo.data import PERIODS, Kind
from reports.models import Target

__all__ = ["DemoDataConflict", "is_loaded", "load_demo"]

# The areas come through the import, which gives them their history itself.
HISTORY_MODELS = (Organization, Location, Figures, OcopProduct, Loan, Target, Member)
HISTORY_REASON = "Dữ liệu minh họa (load_demo)"


def _demo_organizations() -> int:
    """How many of the demo's organisation codes the database holds."""
    codes = demo_codes()
    return sum(
        Organization.objects.filter(code__in=codes[start : start + 900]).count()
        for start in range(0, len(codes), 900)
    )


def is_loaded() -> bool:
    """Return whether the demo is there: every one of its organisation codes exists."""
    return _demo_organizations() == len(demo_codes())


@transaction.atomic
def load_demo(*, stdout: TextIO | None = None) -> bool:
    """Fill the database with the demonstration province; return False if it was already there.

    Official units already there are fine (``load_areas`` changes nothing then). Raise
    ``DemoDataConflict`` when some, not all, of the demo's organisation codes exist, or
    when the official units cannot be loaded over the areas in the database.
    """

    def say(message: str) -> None:
        if stdout is not None:
            stdout.write(message + "\n")

    present = _demo_organizations()
    if present == len(demo_codes()):
        say("Dữ liệu mẫu tỉnh Nam Định đã có trong cơ sở dữ liệu; không thay đổi gì.")
        return False
    if present:
        taken = Organization.objects.filter(code__in=demo_codes()[:900]).first()
        example = f" (ví dụ {taken.code} – {taken.name})" if taken else ""
        raise DemoDataConflict(
            f"Đã có {vn_number(present)} tổ chức mang mã số của dữ liệu mẫu{example} nhưng "
            "không đủ bộ dữ liệu mẫu: lệnh không nạp chồng lên các tổ chức đang có."
        )
    if Organization.history.filter(history_change_reason=HISTORY_REASON).exists():
        # The demo of an earlier version (invented units, other codes): a second set of
        # organisations would double every figure, so leave it, and ``make run`` working.
        say(
            "Cơ sở dữ liệu đã có dữ liệu mẫu của một phiên bản trước (trên các đơn vị hành "
            "chính tự đặt); không thay đổi gì. Muốn có dữ liệu mẫu mới, hãy dùng một cơ sở "
            "dữ liệu trống (ví dụ xóa db.sqlite3 rồi chạy lại “make run”)."
        )
        return False
    say(
        f"Đang nạp dữ liệu mẫu: tỉnh Nam Định trước và sau ngày {REFORM_DATE_TEXT}, trên các "
        "đơn vị hành chính chính thức…"
    )
    before = {model: model.objects.aggregate(top=Max("pk"))["top"] or 0 for model in HISTORY_MODELS}
    builder = _Builder(timezone.localdate())
    builder.build_areas(stdout)
    say(
        f"Tổ chức đặt tại {len(builder.communes)} xã, phường, thị trấn của "
        f"{len(builder.districts)} huyện, thành phố thuộc tỉnh Nam Định "
        f"(đến {LAST_OLD_DAY_TEXT}); tổ chức thành lập từ {REFORM_DATE_TEXT} tại "
        f"{len(builder.new_communes)} xã, phường của tỉnh Ninh Bình đã tiếp nhận các xã ấy."
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
    analyze(*HISTORY_MODELS)  # once committed; load_areas did the areas
    freshness.bump("registry")  # written in bulk, without signals
    freshness.bump("figures")
    say("Đã nạp xong dữ liệu mẫu.")
    return True


def _record_history(before: dict) -> None:
    """Give every demo record its first history entry, as if it had been typed in.

    The builder writes with ``bulk_create``, which sends no signals. The entries are
    copied by the database from the rows, as an import writes them (``HistoryWriter``):
    ``bulk_history_create`` built its 21,000 in Python, 3 of the command's 15 s.
    """
    writer = HistoryWriter(user=None, reason=HISTORY_REASON, batch=None)
    for model, top in before.items():
        added = model.objects.filter(pk__gt=top).values_list("pk", flat=True)
        writer.write(model, list(added), "+")
