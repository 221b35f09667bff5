"""The report indicators of docs/interfaces.md §2.2, declared once.

Every output (web page, PDF, workbook, JSON) and the plan targets read these
declarations; the computations are added beside them by the reports module.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Indicator:
    code: str
    label: str
    unit: str


INDICATORS: tuple[Indicator, ...] = (
    Indicator("htx_total", "Tổng số HTX", "HTX"),
    Indicator("htx_agri", "HTX nông nghiệp", "HTX"),
    Indicator("htx_non_agri", "HTX phi nông nghiệp", "HTX"),
    Indicator("unions_total", "Liên hiệp HTX", "LHHTX"),
    Indicator("credit_funds_total", "Quỹ tín dụng nhân dân", "quỹ"),
    Indicator("groups_total", "Tổ hợp tác", "THT"),
    Indicator("htx_new", "HTX thành lập mới", "HTX"),
    Indicator("htx_ceased", "HTX giải thể, sáp nhập, chuyển đổi", "HTX"),
    Indicator("htx_new_model", "HTX kiểu mới", "HTX"),
    Indicator("alliance_members", "HTX là thành viên Liên minh", "HTX"),
    Indicator("alliance_member_share", "Tỷ lệ HTX là thành viên Liên minh", "%"),
    Indicator("with_tax_code", "HTX có mã số thuế", "HTX"),
    Indicator("htx_reporting", "HTX có báo cáo", "HTX"),
    Indicator("reporting_rate", "Tỷ lệ HTX có báo cáo", "%"),
    Indicator("members_total", "Tổng số thành viên", "người"),
    Indicator("workers_total", "Lao động làm việc thường xuyên", "người"),
    Indicator("avg_revenue", "Doanh thu bình quân một HTX", "triệu đồng"),
    Indicator("avg_profit", "Lợi nhuận bình quân một HTX", "triệu đồng"),
    Indicator("avg_income", "Thu nhập bình quân người lao động", "triệu đồng/người/tháng"),
    Indicator("tax_payers", "HTX nộp ngân sách", "HTX"),
    Indicator("tax_paid_total", "Tổng nộp ngân sách", "triệu đồng"),
    Indicator("social_insurance_htx", "HTX đóng BHXH cho người lao động", "HTX"),
    Indicator("social_insurance_workers", "Lao động được đóng BHXH", "người"),
    Indicator("rated_total", "HTX được xếp loại", "HTX"),
    Indicator("rating_good", "HTX xếp loại Tốt", "HTX"),
    Indicator("rating_fair", "HTX xếp loại Khá", "HTX"),
    Indicator("rating_average", "HTX xếp loại Trung bình", "HTX"),
    Indicator("rating_weak", "HTX xếp loại Yếu", "HTX"),
    Indicator("good_fair_share", "Tỷ lệ HTX xếp loại Tốt, Khá", "%"),
    Indicator("ntm_13_1", "HTX đạt tiêu chí 13.1 nông thôn mới", "HTX"),
    Indicator("managers_total", "Cán bộ quản lý HTX", "người"),
    Indicator("managers_university", "CBQL trình độ đại học trở lên", "người"),
    Indicator("managers_college", "CBQL trình độ cao đẳng, trung cấp", "người"),
    Indicator("managers_trained", "CBQL đã qua bồi dưỡng", "người"),
    Indicator("groups_avg_revenue", "Doanh thu bình quân một tổ hợp tác", "triệu đồng"),
    Indicator("groups_avg_profit", "Lợi nhuận bình quân một tổ hợp tác", "triệu đồng"),
    Indicator("ocop_total", "Sản phẩm OCOP còn hiệu lực", "sản phẩm"),
    Indicator("ocop_3_star", "Sản phẩm OCOP 3 sao", "sản phẩm"),
    Indicator("ocop_4_star", "Sản phẩm OCOP 4 sao", "sản phẩm"),
    Indicator("ocop_5_star", "Sản phẩm OCOP 5 sao", "sản phẩm"),
    Indicator("ocop_new", "Sản phẩm OCOP mới công nhận", "sản phẩm"),
    Indicator("loans_disbursed_count", "Lượt vay Quỹ hỗ trợ giải ngân", "lượt"),
    Indicator("loans_disbursed_amount", "Số tiền vay giải ngân", "triệu đồng"),
    Indicator("loans_outstanding", "Dư nợ Quỹ hỗ trợ", "triệu đồng"),
)

BY_CODE = {indicator.code: indicator for indicator in INDICATORS}
CHOICES = [(indicator.code, f"{indicator.label} ({indicator.code})") for indicator in INDICATORS]
