"""The narrative paragraph of a report, in the register of the alliance's own articles.

Every sentence states only what the numbers support; a sentence whose numbers are
missing is left out rather than filled with zeros.
"""

import datetime

from cooperatives.models import Area
from core.lib.formatting import vn_money, vn_number, vn_percent
from core.lib.periods import period_label
from reports.presentation import compares_same_territory, previous_value

WHOLE = {Area.Level.PROVINCE: "toàn tỉnh", Area.Level.DISTRICT: "toàn huyện",
         Area.Level.COMMUNE: "toàn xã", "country": "toàn quốc"}  # fmt: skip


def _comparison(indicators: dict) -> str | None:
    """How the number of HTX moved since the same period a year earlier.

    Against the same unit where it existed then; where it did not (a unit made by the
    2025 reform), against what its territory held then, and the sentence says so.
    """
    now = indicators["htx_total"]["value"]
    before = previous_value(indicators, "htx_total")
    if now is None or before is None:
        return None
    label = (
        "cùng kỳ, trên địa bàn hiện nay"
        if compares_same_territory(indicators)
        else "cùng kỳ năm trước"
    )
    if now == before:
        return f"So với {label}, số HTX không đổi ({vn_number(before)} HTX)."
    change = "tăng" if now > before else "giảm"
    difference = vn_number(abs(now - before))
    return f"So với {label} ({vn_number(before)} HTX), số HTX {change} {difference} HTX."


def sentences(report: dict, level: str) -> list[str]:
    v = {code: item["value"] for code, item in report["indicators"].items()}
    target = report["indicators"]["htx_new"]["target"]
    completion = report["indicators"]["htx_new"]["completion"]
    whole = WHOLE.get(level, "toàn địa bàn")
    period = period_label(report["year"], report["months"])
    end = datetime.date.fromisoformat(report["end"])
    result = []

    opening = (
        f"{period[0].upper()}{period[1:]}, {whole} thành lập mới {vn_number(v['htx_new'])} HTX"
    )
    if target and completion is not None:
        opening += f", đạt {vn_percent(completion)} kế hoạch"
    if v["htx_ceased"]:
        opening += f"; {vn_number(v['htx_ceased'])} HTX giải thể, sáp nhập hoặc chuyển đổi"
    result.append(opening + ".")

    counts = f"Đến hết ngày {end:%d/%m/%Y}, {whole} có {vn_number(v['htx_total'])} HTX"
    if v["htx_total"]:
        counts += (
            f" ({vn_number(v['htx_agri'])} HTX nông nghiệp, "
            f"{vn_number(v['htx_non_agri'])} HTX phi nông nghiệp)"
        )
    extras = []
    if v["unions_total"]:
        extras.append(f"{vn_number(v['unions_total'])} liên hiệp HTX")
    if v["credit_funds_total"]:
        extras.append(f"{vn_number(v['credit_funds_total'])} quỹ tín dụng nhân dân")
    if v["groups_total"]:
        extras.append(f"{vn_number(v['groups_total'])} tổ hợp tác")
    if extras:
        counts += ", " + ", ".join(extras)
    result.append(counts + ".")
    comparison = _comparison(report["indicators"])
    if comparison:
        result.append(comparison)
    if v["members_total"] is None:
        result.append(
            "Chưa có tổ chức nào trên địa bàn nộp số liệu kỳ này: thành viên, lao động, "
            "doanh thu, thu nhập và xếp loại HTX chưa có số liệu."
        )

    if v["avg_revenue"] is not None:
        text = f"Doanh thu bình quân đạt {vn_money(v['avg_revenue'])}/HTX"
        if v["avg_income"] is not None:
            text += (
                "; thu nhập bình quân của người lao động làm việc thường xuyên trong HTX "
                f"khoảng {vn_number(v['avg_income'], 1, strip_zero=True)} triệu đồng/người/tháng"
            )
        result.append(text + ".")
    if v["ntm_13_1"]:
        result.append(
            f"Có {vn_number(v['ntm_13_1'])} HTX đạt tiêu chí 13.1 về HTX trong bộ tiêu chí "
            "quốc gia về nông thôn mới."
        )
    if v["good_fair_share"] is not None:
        result.append(
            f"Trong số {vn_number(v['rated_total'])} HTX được xếp loại, "
            f"{vn_percent(v['good_fair_share'])} đạt loại tốt, khá."
        )
    if v["ocop_total"]:
        result.append(
            f"{whole[0].upper()}{whole[1:]} có {vn_number(v['ocop_total'])} sản phẩm OCOP "
            "của các tổ chức kinh tế tập thể còn hiệu lực"
            + (
                f", trong đó {vn_number(v['ocop_new'])} sản phẩm mới được công nhận"
                if v["ocop_new"]
                else ""
            )
            + "."
        )
    return result
