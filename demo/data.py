"""The tables the demonstration province is built from."""

import datetime
from decimal import Decimal

from cooperatives.models import Organization

SEED = 362023
D = datetime.date
OLD_UNITS_END = D(2025, 6, 30)
PERIODS = tuple((year, months) for year in range(2022, 2026) for months in (6, 12))
MEAN_REVENUE, MEAN_INCOME, NTM_HTX = Decimal("2300"), Decimal("3.2"), 250
Kind, Status = Organization.Kind, Organization.Status
COASTAL = {"361", "365", "366"}  # the districts on the sea, where salt and fish are made

# The districts of Tỉnh Nam Định on its last day, 30/06/2025, in the official data set
# (``load_areas``), "code name (weight)". The weight is the district's share of the
# province's cooperatives, spread evenly over all its communes; the data set names their
# codes and the new communes of Tỉnh Ninh Bình each joined on 01/07/2025. Huyện Mỹ Lộc
# joined Thành phố Nam Định in early 2025, so the data set has nine districts.
DISTRICTS = """
356 Thành phố Nam Định (12);  359 Huyện Vụ Bản (9);  360 Huyện Ý Yên (14)
361 Huyện Nghĩa Hưng (11);  362 Huyện Nam Trực (10);  363 Huyện Trực Ninh (9)
364 Huyện Xuân Trường (9);  365 Huyện Giao Thủy (12);  366 Huyện Hải Hậu (14)
"""
# No commune of Nam Định was split by the reform; some of Hà Nam and Ninh Bình were. A few
# organisations of those two, registered there in 2024 and the first half of 2025 and
# taken over by the merged Alliance, are recorded in such communes ("code kind"): from
# 01/07/2025 they are unplaced until staff place them, as in the real registry.
SPLIT_COMMUNES = """
13285 htx;  13324 htx;  13354 group;  13363 htx;  14503 htx
"""
SPLIT_FOUNDED = (D(2024, 1, 1), D(2025, 6, 30))

# HTX founded up to 2021 and still there on 30/06/2023, and Quỹ TDND (one a commune).
OLDER_HTX, CREDIT_FUNDS = 466, 20
# Batches of organisations besides the older HTX and the Quỹ TDND: kind, founded between.
# HTX: 466 older + 9 + 7 + 12 exist on 30/06/2023; the last batches sit in the new communes.
BATCHES = """
htx 2022-01-01 2022-06-30 9;  htx 2022-07-01 2022-12-31 7;  htx 2023-01-01 2023-06-30 12
htx 2023-07-01 2023-12-31 8;  htx 2024-01-01 2024-12-31 15;  htx 2025-01-01 2025-06-30 9
htx 2025-07-01 2025-12-15 7;  group 2005-01-01 2023-06-30 1987;  group 2023-07-01 2023-12-31 40
group 2024-01-01 2024-12-31 55;  group 2025-01-01 2025-06-30 30;  group 2025-07-01 2025-12-15 25
"""
# Status changes: kind, status, changed between, count; "old" picks among the organisations
# founded up to 2021, "new" adds organisations that had ceased before 30/06/2023.
STATUSES = """
htx suspended 2020-01-01 2025-03-31 15 old;  htx converted 2023-07-01 2023-12-31 4 old
htx dissolved 2024-01-01 2024-12-31 9 old;  htx merged 2025-01-01 2025-06-30 5 old
htx dissolved 2025-08-01 2025-12-31 3 old;  group dissolved 2023-07-01 2025-12-31 40 old
htx dissolved 2015-01-01 2022-12-31 28 new;  htx dissolved 2023-01-01 2023-06-30 4 new
htx merged 2019-01-01 2021-12-31 5 new;  htx converted 2020-01-01 2022-12-31 3 new
group dissolved 2015-01-01 2023-06-30 80 new
"""

# Sector: weight among HTX: activities in HTX names (what the HTX does, and so the OCOP
# products it can make: demo/ocop_catalogue.py). Salt and fish only on the coast.
HTX_SECTORS = """
Nông nghiệp: 70: Dịch vụ nông nghiệp|Dịch vụ nông nghiệp|Nông nghiệp|Chăn nuôi|
  Nuôi trồng thủy sản|Sản xuất rau an toàn|Sản xuất và tiêu thụ lúa giống|Sản xuất muối|
  Hoa cây cảnh|Dược liệu
Công nghiệp - TTCN: 8: Mây tre đan|Thêu ren|Cơ khí|Mộc mỹ nghệ|Chế biến nông sản|Đúc đồng|
  Chế biến nước mắm|Thủ công mỹ nghệ
Thương mại - Dịch vụ: 6: Thương mại dịch vụ|Dịch vụ du lịch|Kinh doanh tổng hợp
Vận tải: 4: Vận tải|Vận tải hành khách|Vận tải thủy
Xây dựng: 3: Xây dựng|Xây dựng và thương mại
Môi trường: 3: Vệ sinh môi trường|Dịch vụ môi trường
Điện: 2: Dịch vụ điện năng
Nhà ở: 1: Phát triển nhà ở
Tổng hợp: 2: Dịch vụ tổng hợp|Sản xuất kinh doanh dịch vụ tổng hợp
Khác: 1: Dịch vụ nước sạch
"""
GROUP_SECTORS = """
Nông nghiệp: 70: chăn nuôi|trồng rau|sản xuất lúa giống|nuôi trồng thủy sản|làm muối|
  trồng hoa cây cảnh|nuôi ong|trồng nấm
Công nghiệp - TTCN: 20: thêu ren|mây tre đan|dệt chiếu|mộc dân dụng|may mặc
Thương mại - Dịch vụ: 7: dịch vụ làm đất|thu gom nông sản
Xây dựng: 3: xây dựng
"""
# How many OCOP products the generated HTX hold, at most how many each.
OCOP_COUNT, OCOP_PER_OWNER = 120, 3

# The organisations the articles are about (demo/news_content, by these names) and the owners
# of products that expire soon. Each takes the place of a generated HTX (its code, figures
# and the rest), in the same district when one is free: "name | activity (of HTX_SECTORS) |
# commune code on 30/06/2025 | founded | place its products are named after".
FEATURED = """
HTX Nông nghiệp Yên Cường | Nông nghiệp | 13870 | 1998-03-12 | Yên Cường
HTX Diêm nghiệp Hải Đông | Sản xuất muối | 14269 | 2003-08-20 | Hải Đông
HTX Hoa cây cảnh Nam Điền | Hoa cây cảnh | 13972 | 2018-04-09 | Vị Khê
HTX Thủy sản Giao Hải Xanh | Nuôi trồng thủy sản | 14203 | 2016-10-05 | Giao Hải
HTX Mộc mỹ nghệ Tân Xuyên | Mộc mỹ nghệ | 13849 | 2019-06-18 | La Xuyên
HTX Diêm nghiệp Bạch Long | Sản xuất muối | 14206 | 1999-02-01 | Bạch Long
HTX Chế biến nông sản Thành Nam | Chế biến nông sản | 13666 | 2012-05-15 | Thành Nam
HTX Chế biến thực phẩm Hải Trung | Chế biến nông sản | 14227 | 2010-09-01 | Hải Trung
HTX Dược liệu Hiển Khánh | Dược liệu | 13747 | 2014-03-03 | Vụ Bản
"""
# Their OCOP products: "owner | product | kind (a name in demo/ocop_catalogue.py) | stars |
# certified", or, for the staff worklist, "| in N days" for one that expires N days from today.
FEATURED_OCOP = """
HTX Nông nghiệp Yên Cường | Gạo nếp cái hoa vàng Yên Cường | Gạo nếp cái hoa vàng {} | 3 |
  2024-12-16
HTX Diêm nghiệp Hải Đông | Muối tinh sấy Hải Đông | Muối tinh sấy {} | 3 | 2023-09-12
HTX Hoa cây cảnh Nam Điền | Đào thế Vị Khê | Đào thế {} | 3 | 2025-09-26
HTX Thủy sản Giao Hải Xanh | Ngao sạch Giao Hải | Ngao sạch {} | 3 | 2025-10-20
HTX Mộc mỹ nghệ Tân Xuyên | Hộp quà gỗ chạm khắc La Xuyên | Hộp quà gỗ chạm khắc {} | 4 |
  2025-05-12
HTX Diêm nghiệp Bạch Long | Muối sạch Bạch Long | Muối sạch {} | 3 | in 63 days
HTX Chế biến nông sản Thành Nam | Kẹo Sìu Châu | Kẹo lạc {} | 3 | in 41 days
HTX Chế biến thực phẩm Hải Trung | Bánh gai Chợ Cuối | Bánh gai {} | 3 | in 18 days
HTX Dược liệu Hiển Khánh | Trà hoa hòe Vụ Bản | Trà hoa hòe {} | 3 | in 84 days
"""

PLANS = {
    "T22": "Kế hoạch số 18/KH-UBND ngày 21/01/2022 của UBND tỉnh",
    "T23": "Kế hoạch số 25/KH-UBND ngày 15/01/2023 của UBND tỉnh",
    "T24": "Kế hoạch số 31/KH-UBND ngày 22/01/2024 của UBND tỉnh",
    "DH": "Nghị quyết Đại hội Liên minh HTX tỉnh nhiệm kỳ 2021-2026",
    "YY": "Kế hoạch số 12/KH-UBND ngày 20/01/2023 của UBND huyện Ý Yên",
    "HH": "Kế hoạch số 09/KH-UBND ngày 18/01/2023 của UBND huyện Hải Hậu",
    "GT": "Kế hoạch số 15/KH-UBND ngày 30/01/2023 của UBND huyện Giao Thủy",
    "NH": "Kế hoạch số 11/KH-UBND ngày 19/01/2023 của UBND huyện Nghĩa Hưng",
    "NB": "Kế hoạch số 08/KH-UBND ngày 20/07/2025 của UBND tỉnh Ninh Bình",
}
# Area, year, months, indicator, value, plan.
TARGETS = """
36 2022 6 htx_new 10 T22;  36 2022 12 htx_new 20 T22;  36 2022 12 htx_total 500 T22
36 2023 6 htx_new 15 T23;  36 2023 6 avg_revenue 2200 T23;  36 2023 6 ntm_13_1 240 T23
36 2023 12 htx_new 30 T23;  36 2023 12 htx_total 510 T23;  36 2023 12 avg_revenue 4800 T23
36 2023 12 avg_income 3.5 T23;  36 2023 12 ntm_13_1 260 T23;  36 2024 6 htx_new 12 T24
36 2024 12 htx_new 25 T24;  36 2024 12 htx_total 515 T24;  36 2024 12 alliance_member_share 70 DH
360 2023 6 htx_new 2 YY;  366 2023 6 htx_new 3 HH;  365 2023 12 htx_new 4 GT
361 2023 12 ntm_13_1 30 NH;  37 2025 12 htx_new 20 NB;  37 2025 12 avg_income 4.2 NB
37 2025 12 ocop_new 15 NB
"""

# Villages HTX are named after, with the commune (code on 30/06/2025) they are in and the
# craft they are known for: an HTX of that craft in that commune takes the village's name.
VILLAGES = """
La Xuyên 13849 Mộc mỹ nghệ;  Ninh Xá 13849 Mộc mỹ nghệ;  Cát Đằng 13861 Mộc mỹ nghệ
Tống Xá 13795 Đúc đồng;  Vạn Điểm 13795 Đúc đồng;  Vân Chàng 13966 Cơ khí
Vị Khê 13972 Hoa cây cảnh;  Cổ Chất 14029;  Hành Thiện 14095;  Lạc Quần 14143
Trung Lao 14035;  Tức Mặc 13687;  Đệ Tứ 13684;  Bảo Lộc 13726
"""
HAMLETS = (
    "Đông|Đoài|Trung|Thượng|Hạ|Bắc|Nam|Tân Lập|Đồng Tâm|Quyết Thắng|Thống Nhất|Hòa Bình|"
    "Tiền Phong|An Lộc|Phú Thọ|Liên Thành"
).split("|")
STREETS = "Trần Hưng Đạo|Hùng Vương|Lê Hồng Phong|Điện Biên|Văn Cao|Trường Chinh".split("|")
SURNAMES = "Nguyễn Trần Lê Phạm Vũ Đỗ Hoàng Bùi Đặng Ngô Đinh Trịnh Phan Mai Lương Đoàn Cao".split()
MALE = (  # middle names, given names
    "Văn Đức Minh Hữu Quang Xuân Ngọc Thanh",
    "Hùng Dũng Tuấn Bình Hải Thắng Nam Long Cường Sơn Quyết Toàn Thịnh Khánh Tùng Trung Chiến Mạnh",
)
FEMALE = (
    "Thị Thu Ngọc Thanh Thị",
    "Lan Hoa Hương Hằng Thủy Phương Hà Nga Yến Liên Hiền Tâm Mai Nhung",
)
