"""The records kept per organisation: figures, OCOP products, loans and members."""

import datetime

from cooperatives.models import Figures, Loan, Member, OcopProduct, Organization
from core.lib.text import fold
from core.spreadsheets import cells

from ..base import Column, between, choice_from, count, money, money_nonnegative, positive, same
from .common import (
    Kind,
    check_organization_scope,
    chunks,
    organization_index,
    resolve_reference,
    scoped,
)

YEAR = between(2000, 2100, integer=True)
MONTHS = between(1, 12, integer=True)
ORG_COLUMN = Column(
    "Mã số", "organization", cells.text, True, "Mã số (hoặc tên) của tổ chức.", example="0600123456"
)


class OrganizationRecordKind(Kind):
    """A kind whose rows belong to an organisation named in the column "Mã số"."""

    references = {"organization": "Mã số"}

    def resolve(self, ctx, rows, errors):
        index = organization_index(ctx, rows)
        for row in rows:
            # A code that lost its leading zero (a number cell) names the organisation
            # with the zero, when no organisation has the code as written.
            text = row.data.get("organization")
            if isinstance(text, str) and text not in index.by_code:
                padded = cells.code_with_zero(text)
                if padded in index.by_code:
                    row.data["organization"] = index.by_code[padded]
                    row.restore("Mã số", text, padded)
        resolve_reference(rows, errors, index, "Mã số", "organization")
        for row in rows:
            check_organization_scope(ctx, row, errors)

    def values(self, row, current):
        values = super().values(row, current)
        values["organization"] = row.data["organization"]
        return values

    def row_label(self, obj) -> str:
        label = str(obj)
        if obj.organization.name not in label:
            label += f" ({obj.organization.name})"
        return f"{obj.organization.code} · {label}"

    def load_by(self, rows, key) -> dict:
        org_ids = sorted({row.data["organization"].pk for row in rows})
        found = {}
        for part in chunks(org_ids):
            for obj in self.model.objects.filter(organization_id__in=part).select_related(
                "organization"
            ):
                found[key(obj)] = obj
        return found

    def export_queryset(self, user=None):
        queryset = self.model.objects.select_related("organization")
        return scoped(queryset, user, "organization__area_id").order_by(*self.export_order)

    export_order = ("organization__code", "pk")


def _not_above(row, current, kind, part, whole, errors, header, message):
    part_value = kind.effective(row, current, part)
    whole_value = kind.effective(row, current, whole)
    if part_value is not None and whole_value is not None and part_value > whole_value:
        errors.add(row, header, message)


RATINGS = choice_from(Figures.Rating)
DATA_KINDS = choice_from(Figures.DataKind, {"Ước tính": Figures.DataKind.ESTIMATE})


class FiguresKind(OrganizationRecordKind):
    name = "figures"
    file_stem = "so-lieu"
    label = "Số liệu định kỳ"
    model = Figures
    key_label = "cùng tổ chức, năm và số tháng"
    columns = [
        ORG_COLUMN,
        Column(
            "Năm",
            "year",
            YEAR,
            True,
            "Từ 2000 đến 2100.",
            example=2025,
            kind="integer",
            summed=False,
        ),
        Column(
            "Số tháng",
            "months",
            MONTHS,
            True,
            "Số tháng tính từ tháng 1: 6 là 6 tháng đầu năm, 12 là cả năm.",
            example=6,
            kind="integer",
            summed=False,
        ),
        Column(
            "Loại số liệu",
            "data_kind",
            DATA_KINDS,
            help="Mặc định Chính thức.",
            allowed=DATA_KINDS.labels,
            example="Chính thức",
            default=Figures.DataKind.OFFICIAL,
        ),
        Column(
            "Số thành viên",
            "members",
            count,
            help="Số nguyên, không âm, tại ngày cuối kỳ.",
            example=120,
            kind="integer",
        ),
        Column(
            "Số lao động thường xuyên",
            "workers",
            count,
            help="Số nguyên, không âm, tại ngày cuối kỳ.",
            example=15,
            kind="integer",
        ),
        Column(
            "Doanh thu (triệu đồng)",
            "revenue",
            money_nonnegative,
            help="Lũy kế từ đầu năm, không âm.",
            example=2312.5,
            kind="number",
        ),
        Column(
            "Lợi nhuận (triệu đồng)",
            "profit",
            money,
            help="Lũy kế từ đầu năm; có thể âm.",
            example=185,
            kind="number",
        ),
        Column(
            "Thu nhập bình quân (triệu đồng/người/tháng)",
            "avg_income",
            money_nonnegative,
            help="Của lao động thường xuyên, không âm.",
            example=3.2,
            kind="number",
            summed=False,  # an average: its totals row holds an average too
        ),
        Column(
            "Nộp ngân sách (triệu đồng)",
            "tax_paid",
            money_nonnegative,
            help="Thuế và phí đã nộp, không âm.",
            example=42,
            kind="number",
        ),
        Column(
            "Số lao động đóng BHXH",
            "insured_workers",
            count,
            help="Không lớn hơn số lao động thường xuyên.",
            example=8,
            kind="integer",
        ),
        Column("Xếp loại", "rating", RATINGS, allowed=RATINGS.labels, example="Khá"),
        Column(
            "Đạt tiêu chí 13.1",
            "meets_ntm_13_1",
            cells.yes_no,
            help="Tiêu chí 13.1 nông thôn mới; Có/Không.",
            allowed=["Có", "Không"],
            example=True,
            kind="bool",
            default=False,
        ),
        Column("Cán bộ quản lý", "managers", count, example=5, kind="integer"),
        Column(
            "CBQL đại học trở lên",
            "managers_university",
            count,
            help="Không lớn hơn số cán bộ quản lý.",
            example=2,
            kind="integer",
        ),
        Column(
            "CBQL cao đẳng, trung cấp",
            "managers_college",
            count,
            help="Không lớn hơn số cán bộ quản lý.",
            example=2,
            kind="integer",
        ),
        Column(
            "CBQL đã qua bồi dưỡng",
            "managers_trained",
            count,
            help="Không lớn hơn số cán bộ quản lý.",
            example=4,
            kind="integer",
        ),
    ]

    def key(self, row):
        return (row.data["organization"].pk, row.data["year"], row.data["months"])

    def load_existing(self, ctx, rows):
        return self.load_by(rows, lambda f: (f.organization_id, f.year, f.months))

    def check_row(self, ctx, row, current, errors):
        _not_above(
            row,
            current,
            self,
            "insured_workers",
            "workers",
            errors,
            "Số lao động đóng BHXH",
            "lớn hơn số lao động thường xuyên.",
        )
        for part, header in (
            ("managers_university", "CBQL đại học trở lên"),
            ("managers_college", "CBQL cao đẳng, trung cấp"),
            ("managers_trained", "CBQL đã qua bồi dưỡng"),
        ):
            _not_above(
                row, current, self, part, "managers", errors, header, "lớn hơn số cán bộ quản lý."
            )

    def resolve(self, ctx, rows, errors):
        super().resolve(ctx, rows, errors)
        self.user = ctx.user

    def values(self, row, current):
        values = super().values(row, current)
        if current is None:
            values["state"] = Figures.State.SUBMITTED
        elif current.state == Figures.State.APPROVED:  # the only state an edit can change
            edited = any(not same(getattr(current, k), v) for k, v in values.items())
            state = current.state_after_edit(edited=edited, user=self.user)
            if state != current.state:
                values["state"] = state
        return values

    export_order = ("organization__code", "year", "months")

    def export_values(self, f):
        return [
            f.organization.code,
            f.year,
            f.months,
            f.get_data_kind_display(),
            f.members,
            f.workers,
            f.revenue,
            f.profit,
            f.avg_income,
            f.tax_paid,
            f.insured_workers,
            f.get_rating_display() if f.rating else "",
            f.meets_ntm_13_1,
            f.managers,
            f.managers_university,
            f.managers_college,
            f.managers_trained,
        ]


GROUPS = choice_from(OcopProduct.Group)
OCOP_LEVELS = choice_from(OcopProduct.Level)


class OcopKind(OrganizationRecordKind):
    name = "ocop"
    file_stem = "san-pham-ocop"
    label = "Sản phẩm OCOP"
    model = OcopProduct
    key_header = "Tên sản phẩm"
    key_label = "cùng chủ thể và tên sản phẩm"
    columns = [
        ORG_COLUMN,
        Column("Tên sản phẩm", "name", cells.text, True, example="Gạo Tám xoan Hải Hậu"),
        Column("Nhóm sản phẩm", "group", GROUPS, True, allowed=GROUPS.labels, example="Thực phẩm"),
        Column(
            "Số sao",
            "stars",
            between(2, 5, integer=True),
            True,
            "Từ 2 đến 5.",
            example=4,
            kind="integer",
            summed=False,
        ),
        Column(
            "Ngày công nhận",
            "certified_on",
            cells.date,
            True,
            "Ngày của quyết định công nhận.",
            example=datetime.date(2024, 9, 20),
            kind="date",
        ),
        Column("Số quyết định", "decision_number", cells.text, example="2150/QĐ-UBND"),
        Column("Cấp công nhận", "level", OCOP_LEVELS, allowed=OCOP_LEVELS.labels, example="Tỉnh"),
        Column(
            "Ngày hết hạn",
            "expires_on",
            cells.date,
            help="Để trống: 36 tháng sau ngày công nhận, trừ một ngày.",
            kind="date",
        ),
        # For buyers: the catalogue and the product's page show them (photos: in the admin).
        Column(
            "Mô tả",
            "description",
            cells.text,
            help="Vài câu về sản phẩm, tối đa 600 ký tự.",
            example="Gạo hạt nhỏ, thơm, dẻo; túi 2 kg và 5 kg.",
        ),
        Column(
            "Điểm bán",
            "shop_address",
            cells.text,
            help="Cửa hàng, quầy giới thiệu sản phẩm.",
            example="Cửa hàng OCOP, 12 đường Trần Hưng Đạo, phường Nam Định",
        ),
        Column(
            "Điện thoại đặt hàng", "sales_phone", cells.phone, help="Số công khai cho người mua."
        ),
        Column(
            "Liên kết mua hàng",
            "buy_links",
            cells.web_links,
            help="Địa chỉ gian hàng trực tuyến (https://…); nhiều địa chỉ cách nhau bởi “;”.",
            example="https://postmart.vn/gao-tam-xoan-hai-hau",
        ),
    ]

    def key(self, row):
        return (row.data["organization"].pk, fold(row.data["name"]))

    def load_existing(self, ctx, rows):
        return self.load_by(rows, lambda p: (p.organization_id, p.name_folded))

    def check_row(self, ctx, row, current, errors):
        certified = self.effective(row, current, "certified_on")
        expires = row.data.get("expires_on")
        if expires and certified and expires < certified:
            errors.add(row, "Ngày hết hạn", "trước ngày công nhận.")

    def values(self, row, current):
        values = super().values(row, current)
        values["name_folded"] = fold(values.get("name", getattr(current, "name", "")))
        if "expires_on" in values and values["expires_on"] is None:
            certified = values.get("certified_on") or current.certified_on
            values["expires_on"] = OcopProduct.default_expiry(certified)
        return values

    export_order = ("organization__code", "name_folded")

    def export_values(self, p):
        return [
            p.organization.code,
            p.name,
            p.get_group_display(),
            p.stars,
            p.certified_on,
            p.decision_number,
            p.get_level_display() if p.level else "",
            p.expires_on,
            p.description,
            p.shop_address,
            p.sales_phone,
            "; ".join(p.buy_links.split()),
        ]


SOURCES = choice_from(Loan.Source)


class LoanKind(OrganizationRecordKind):
    name = "loans"
    file_stem = "khoan-vay"
    label = "Vốn vay Quỹ hỗ trợ phát triển HTX"
    model = Loan
    key_header = "Ngày giải ngân"
    key_label = "cùng bên vay, nguồn vốn và ngày giải ngân"
    columns = [
        ORG_COLUMN,
        Column(
            "Nguồn vốn",
            "source",
            SOURCES,
            True,
            allowed=SOURCES.labels,
            example="Quỹ HTPT HTX tỉnh",
        ),
        Column(
            "Số tiền vay (triệu đồng)",
            "amount",
            positive,
            True,
            "Lớn hơn 0.",
            example=500,
            kind="number",
        ),
        Column(
            "Ngày giải ngân",
            "disbursed_on",
            cells.date,
            True,
            example=datetime.date(2024, 4, 10),
            kind="date",
        ),
        Column(
            "Ngày đáo hạn",
            "matures_on",
            cells.date,
            kind="date",
            example=datetime.date(2027, 4, 10),
        ),
        Column(
            "Dư nợ (triệu đồng)",
            "outstanding",
            money_nonnegative,
            help="Dư nợ báo cáo gần nhất; để trống: bằng số tiền vay.",
            kind="number",
            example=350,
        ),
    ]

    def key(self, row):
        return (row.data["organization"].pk, row.data["source"], row.data["disbursed_on"])

    def load_existing(self, ctx, rows):
        return self.load_by(
            rows, lambda loan: (loan.organization_id, loan.source, loan.disbursed_on)
        )

    def check_row(self, ctx, row, current, errors):
        matures = self.effective(row, current, "matures_on")
        if matures and matures < row.data["disbursed_on"]:
            errors.add(row, "Ngày đáo hạn", "trước ngày giải ngân.")

    def values(self, row, current):
        values = super().values(row, current)
        if "outstanding" in values and values["outstanding"] is None:
            values["outstanding"] = values.get("amount") or current.amount
        return values

    export_order = ("organization__code", "disbursed_on", "source")

    def export_values(self, loan):
        return [
            loan.organization.code,
            loan.get_source_display(),
            loan.amount,
            loan.disbursed_on,
            loan.matures_on,
            loan.outstanding,
        ]


MEMBER_TYPES = choice_from(Member.MemberType)
PARTY_TYPES = choice_from(Member.PartyType)


def id_number(value) -> str:
    """An ID number is text. One that lost its leading zero to a number cell gets it back:
    a citizen ID (CCCD) has 12 digits and starts with 0 (its province code, 001-096), so
    11 digits are one that lost it."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    result = cells.text(value).replace(" ", "")
    if len(result) == 11 and result.isdigit() and result[0] != "0":
        return cells.Restored("0" + result, result)
    return result


class MemberKind(OrganizationRecordKind):
    name = "members"
    file_stem = "thanh-vien"
    label = "Sổ đăng ký thành viên"
    model = Member
    key_header = "Họ tên"
    key_label = "cùng tổ chức và số giấy tờ (hoặc họ tên khi không có số giấy tờ)"

    def template_example(self, user=None) -> list:
        # Never a real member (an ID number is personal data): the columns' examples, for
        # an organisation this person may see.
        example = [column.example for column in self.columns]
        organization = scoped(Organization.objects.order_by("code"), user, "area_id").first()
        if organization is not None:
            example[0] = organization.code
        return example

    columns = [
        ORG_COLUMN,
        Column(
            "Họ tên",
            "full_name",
            cells.text,
            True,
            "Người, chủ hộ hoặc tên pháp nhân.",
            example="Nguyễn Thị Hoa",
        ),
        Column(
            "Loại thành viên",
            "member_type",
            MEMBER_TYPES,
            help="Mặc định Chính thức.",
            allowed=MEMBER_TYPES.labels,
            example="Chính thức",
            default=Member.MemberType.OFFICIAL,
        ),
        Column(
            "Đối tượng",
            "party_type",
            PARTY_TYPES,
            help="Mặc định Cá nhân.",
            allowed=PARTY_TYPES.labels,
            example="Cá nhân",
            default=Member.PartyType.PERSON,
        ),
        Column(
            "Số giấy tờ",
            "id_number",
            id_number,
            help=(
                "Số CCCD/giấy tờ: dữ liệu cá nhân, không công khai. Số CCCD mất số 0 "
                "ở đầu (ô dạng số, 11 chữ số) được thêm lại."
            ),
            example="036190001234",
        ),
        Column(
            "Vốn góp (triệu đồng)",
            "capital_contribution",
            money_nonnegative,
            example=20,
            kind="number",
        ),
        Column(
            "Ngày gia nhập", "joined_on", cells.date, example=datetime.date(2019, 5, 1), kind="date"
        ),
        Column("Ngày ra", "left_on", cells.date, kind="date"),
    ]

    def key(self, row):
        ident = row.data.get("id_number")
        person = ("id", ident) if ident else ("name", fold(row.data["full_name"]))
        return (row.data["organization"].pk, person)

    def load_existing(self, ctx, rows):
        def key(m):
            person = ("id", m.id_number) if m.id_number else ("name", m.name_folded)
            return (m.organization_id, person)

        return self.load_by(rows, key)

    def check_row(self, ctx, row, current, errors):
        joined = self.effective(row, current, "joined_on")
        left = self.effective(row, current, "left_on")
        if joined and left and left < joined:
            errors.add(row, "Ngày ra", "trước ngày gia nhập.")

    def values(self, row, current):
        values = super().values(row, current)
        values["name_folded"] = fold(values.get("full_name", getattr(current, "full_name", "")))
        return values

    export_order = ("organization__code", "name_folded", "pk")

    def export_values(self, m):
        return [
            m.organization.code,
            m.full_name,
            m.get_member_type_display(),
            m.get_party_type_display(),
            m.id_number,
            m.capital_contribution,
            m.joined_on,
            m.left_on,
        ]
