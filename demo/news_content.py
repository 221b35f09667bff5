"""Demonstration articles for the news section: pure data, no Django imports.

``SEED_ARTICLES`` are five real articles from provincial cooperative alliances' and newspapers'
websites (in the order of the seed files 000–004), cleaned of site chrome (menus, banners,
visit counters, footers, related-article lists) and image placeholders; photo captions are
dropped. Their text is otherwise verbatim, except that letters lost in the extraction of seed
004 are restored and the all-capitals heading of seed 003 is written in sentence case. The lead
(sapo) is kept in ``lead`` and not repeated in ``body``.

``EXTRA_ARTICLES`` are 22 invented articles in the same register about the alliance's work,
dated 2024-01 to 2026-11. Those after 01/07/2025 speak of tỉnh Ninh Bình (mới) and of communes
and wards, the districts having been abolished. Officials appear only by their roles; the
cooperatives named in them are invented.

Every article is a dict with the keys ``title``, ``lead``, ``body`` and ``highlight`` (HTML
limited to p, h2, h3, strong, em, ul, ol, li, blockquote and a href="https://..."), ``author``,
``source_name``, ``source_url`` ("" for the alliance's own articles), ``category`` (a key of
``CATEGORIES``), ``tags`` (2–4 strings), ``published`` ("YYYY-MM-DD HH:MM", local time) and
``featured`` (three articles in all). All text is NFC.
"""

CATEGORIES: dict[str, str] = {
    "tin-tuc-su-kien": "Tin tức - Sự kiện",
    "chinh-sach-phap-luat": "Chính sách - Pháp luật",
    "guong-htx-dien-hinh": "Gương HTX điển hình",
    "xuc-tien-thuong-mai": "Xúc tiến thương mại",
    "thong-bao": "Thông báo",
}

# The five seed articles, in file order 000..004.
SEED_ARTICLES: list[dict] = [
    {
        "title": "Phát huy năng lực sản xuất của HTX tại Thanh Hóa",
        "lead": (
            "Các HTX ở Thanh Hóa luôn hỗ trợ tích cực, tạo mối liên kết, hợp tác, phát huy năng "
            "lực sản xuất của các HTX đối với thành viên, các hộ thành viên góp phần vào tăng "
            "trưởng tổng sản phẩm chung của cả tỉnh."
        ),
        "body": (
            "<h2>Phát triển nhiều lĩnh vực HTX</h2>"
            "<p>Mặc dù gặp nhiều khó khăn do ảnh hưởng của dịch bệnh Covid-19, giá nguyên vật liệu "
            "tăng cao đã tác động không nhỏ đến hoạt động sản xuất kinh doanh và dịch vụ của khu "
            "vực kinh tế tập thể, HTX trên địa bàn tỉnh Thanh Hóa. Tuy nhiên, với sự lãnh đạo của "
            "các cấp, các ngành từ trung ương đến địa phương đã giải quyết được khó khăn, vướng "
            "mắc, tạo môi trường cho kinh tế tập thể, HTX tiếp tục duy trì, ổn định sản xuất, kinh "
            "doanh...</p>"
            "<p>Trong 6 tháng đầu năm 2022, tỉnh Thanh Hóa thành lập được thêm 63 HTX (28 HTX nông "
            "nghiệp, 35 HTX phi nông nghiệp) đưa tổng số HTX hiện nay toàn tỉnh là 1.264 HTX.</p>"
            "<p>Việc thành lập và phát triển HTX tiếp tục thể hiện vai trò hỗ trợ tích cực, tạo "
            "mối liên kết, hợp tác, phát huy năng lực sản xuất của các HTX đối với các thành viên, "
            "các hộ thành viên góp phần vào tăng trưởng tổng sản phẩm (GRDP) chung của tỉnh Thanh "
            "Hóa.</p>"
            "<p>Các HTX trong lĩnh vực nông nghiệp đã triển khai các khâu dịch vụ cho các thành "
            "viên, hộ thành viên và nông dân trên địa bàn gieo cấy kịp thời kết hợp với chăm sóc "
            "cây trồng tạo tăng trưởng sản xuất nông nghiệp trên địa bàn tỉnh với tổng diện tích "
            "gieo trồng vụ Đông Xuân là 240,2 nghìn ha (lúa, lạc, rau, đậu...) tổng sản lượng ước "
            "tính 874 nghìn tấn. Bên cạnh đó, có thêm 38 sản phẩm nông nghiệp được công nhận là "
            "sản phẩm OCOP cấp tỉnh.</p>"
            "<p>Không chỉ phát triển ở lĩnh vực các HTX nông nghiệp mà các HTX về công nghiệp-tiểu "
            "thủ công nghiệp; thương mại-dịch vụ; giao thông vận tải; xây dựng, môi trường cũng đã "
            "nỗ lực tìm kiếm thị trường để phát triển, nâng cao chất lượng, hiệu quả và huy động "
            "các nguồn lực duy trì sản xuất, giải quyết việc làm, nâng cao thu nhập cho người lao "
            "động...</p>"
            "<p>Theo Liên minh HTX Thanh Hóa thì hiện nay nhiều HTX trên địa bàn tiếp tục quan tâm "
            "phát triển thêm thành viên, huy động thêm vốn, đầu tư nâng cao năng lực, phát triển "
            "kinh doanh, làm tốt các khâu dịch vụ...phát triển sản xuất nông nghiệp công nghệ cao "
            "và thực hiện việc ký kết với doanh nghiệp bao tiêu sản phẩm cho thành viên, người lao "
            "động trong HTX.</p>"
            "<h2>Hỗ trợ phát triển kinh tế tập thể, HTX</h2>"
            "<p>Để ngày càng phát triển kinh tế tập thể, HTX thời gian qua Liên minh HTX Thanh Hóa "
            "luôn chú trọng đến công tác tuyên truyền tập trung giới thiệu chính sách, pháp luật, "
            "các mô hình HTX tiêu biểu, kết quả thực hiện Nghị quyết Trung ương 5 (khóa IX); hiệu "
            "quả hoạt động của Quỹ hỗ trợ phát triển HTX...các chương trình phối hợp giữa Liên "
            "minh HTX tỉnh và các doanh nghiệp, các phong trào HTX ở các lĩnh vực, ngành nghề, "
            "phát triển và nâng cao hiệu quả hoạt động của HTX.</p>"
            "<p>Không những thế việc phối hợp với các sở, ban, ngành, đơn vị hoàn thành việc xây "
            "dựng các kế hoạch, nội dung chương trình tập huấn, bồi dưỡng cán bộ quản lý và thành "
            "viên HTX; công tác giáo dục nghề nghiệp; hướng dẫn việc thành lập, phát triển HTX mới "
            "và thành viên...</p>"
            "<h2>Tạo việc làm cho người lao động</h2>"
            "<p>Ngoài ra, xây dựng các mô hình HTX phát triển sản xuất gắn với chuỗi giá trị được "
            "Liên minh HTX phối hợp với các địa phương, HTX giới thiệu các chính sách của Trung "
            "ương, tỉnh về hỗ trợ phát triển HTX; xây dựng phương án sản xuất-kinh doanh; các kỹ "
            "năng thương thảo, ký kết hợp đồng, đàm phán; kết nối thị trường; phổ biến pháp luật "
            "cho người lao động và người sử dụng lao động...Hỗ trợ việc vay vốn và xúc tiến thương "
            "mại giúp các thành viên, HTX đầu tư mua sắm trang thiết bị, xây dựng xưởng sản xuất "
            "và liên doanh, liên kết với doanh nghiệp để ký kết các hợp đồng về tiêu thụ sản "
            "phẩm.</p>"
            "<p>Liên minh HTX Thanh Hóa cũng đề ra nhiệm vụ cuối năm 2022 là tiếp tục triển khai "
            "các chương trình phối hợp với các sở, ban, ngành, doanh nghiệp để thúc đẩy mạnh sự "
            "phát triển kinh tế tập thể, HTX; triển khai thực hiện đề án “Củng cố, phát triển và "
            "nâng cao hiệu quả của các HTX phi nông nghiệp trên địa bàn tỉnh Thanh Hóa, giai đoạn "
            "2020-2025”, xây dựng các cửa hàng giới thiệu, bán sản phẩm...</p>"
        ),
        "highlight": (
            "<p>Nhìn chung sự phát triển HTX còn chậm, đa số HTX có ít vốn, quy mô sản xuất nhỏ. "
            "Nhiều HTX trong lĩnh vực nông nghiệp chưa thể hiện được vai trò kết nối giữa thành "
            "viên và thị trường, sự gắn kết giữa HTX và thành viên, bao tiêu sản phẩm cho thành "
            "viên còn hạn chế, hoạt động hình thức...</p>"
        ),
        "author": "Trần Nghị",
        "source_name": "baothanhhoa.vn",
        "source_url": "https://baothanhhoa.vn/",
        "category": "tin-tuc-su-kien",
        "tags": ["Kinh tế tập thể", "Thanh Hóa", "OCOP"],
        "published": "2022-07-20 08:30",
        "featured": False,
    },
    {
        "title": "Đẩy mạnh phát triển kinh tế tập thể, hợp tác xã",
        "lead": (
            "Ngày 16-8, Liên minh Hợp tác xã (HTX) tỉnh tổ chức hội nghị đánh giá tình hình phát "
            "triển kinh tế tập thể, HTX và hoạt động của Liên minh HTX tỉnh 6 tháng đầu năm, triển "
            "khai nhiệm vụ trọng tâm 6 tháng cuối năm 2023. Đồng chí Trần Anh Dũng, Ủy viên Ban "
            "TVTU, Phó Chủ tịch Thường trực UBND tỉnh, Trưởng ban Ban Chỉ đạo phát triển kinh tế "
            "tập thể tỉnh chủ trì hội nghị."
        ),
        "body": (
            "<p>6 tháng đầu năm, các HTX trong tỉnh đã đổi mới phương thức quản lý điều hành, xác "
            "định phương án sản xuất kinh doanh linh hoạt phù hợp, nỗ lực duy trì hoạt động ổn "
            "định, đạt hiệu quả sản xuất kinh doanh và tiếp tục có bước phát triển mới. Toàn tỉnh "
            "đã thành lập mới 12 HTX, đạt 80% chỉ tiêu kế hoạch. Đến hết 30-6-2023, toàn tỉnh có "
            "514 HTX và Quỹ Tín dụng nhân dân, khoảng 2.000 tổ hợp tác. Nhiều HTX đã từng bước ứng "
            "dụng chuyển đổi số vào sản xuất, tiêu thụ, tiếp cận huy động các nguồn vốn để đầu tư "
            "nâng cấp hạ tầng nâng cao năng lực sản xuất. Nhiều HTX nông nghiệp, tổ hợp tác đã tổ "
            "chức tốt các hoạt động dịch vụ thiết yếu, chủ động liên doanh, liên kết với các doanh "
            "nghiệp để cung cấp dịch vụ đầu vào và tiêu thụ sản phẩm cho thành viên, mở rộng các "
            "hoạt động dịch vụ, tích cực đưa tiến bộ kỹ thuật, cơ giới hóa vào sản xuất; tích tụ "
            "ruộng đất, tập trung đất đai, đầu tư máy móc thiết bị, tổ chức sản xuất theo mô hình "
            "cánh đồng lớn gắn với chuỗi giá trị nâng cao hiệu quả kinh tế, tạo việc làm nâng cao "
            "thu nhập cho các hộ thành viên. Doanh thu bình quân 1 HTX ước đạt 2 tỷ 300 triệu đồng "
            "(bao gồm cả Quỹ TDND). Thu nhập bình quân người lao động làm việc thường xuyên trong "
            "HTX khoảng 3,2 triệu đồng/người/tháng. Đã có 250 HTX hoạt động đạt chuẩn tiêu chí "
            "13.1 về HTX trong bộ tiêu chí quốc gia về nông thôn mới (NTM), góp phần vào thành "
            "tích xây dựng NTM nâng cao, kiểu mẫu của tỉnh. Bên cạnh đó, Liên minh HTX tỉnh đã "
            "triển khai thực hiện chính sách hỗ trợ, ưu đãi cho các HTX về đào tạo, bồi dưỡng cán "
            "bộ; ứng dụng khoa học kỹ thuật và công nghệ mới; lựa chọn, báo cáo, đề xuất, giới "
            "thiệu với Quỹ hỗ trợ Liên minh HTX Việt Nam cho 1 dự án được giải ngân, nâng tổng số "
            "dư nợ cho các HTX của tỉnh vay lên trên 99 tỷ đồng; tiếp tục thực hiện Đề án hỗ trợ "
            "xây dựng hoàn thiện, nhân rộng mô hình HTX kiểu mới hiệu quả tại các địa phương trên "
            "cả nước giai đoạn 2021-2025; phát triển quan hệ hợp tác với Tổ chức phát triển Hà Lan "
            "Agriterra ký hợp tác tư vấn, hỗ trợ nâng cao năng lực quản trị cho đội ngũ cán bộ xây "
            "dựng mô hình HTX kiểu mới gắn xây dựng chuỗi giá trị hiệu quả cho 3 HTX tại các huyện "
            "Ý Yên, Nam Trực và Nghĩa Hưng giai đoạn 2023-2026.</p>"
            "<p>6 tháng cuối năm 2023, Liên minh HTX tỉnh tiếp tục phối hợp tư vấn, hướng dẫn "
            "thành lập HTX mới; xây dựng kế hoạch tổ chức các lớp bồi dưỡng cán bộ; phối hợp hướng "
            "dẫn, hỗ trợ các HTX xây dựng thí điểm mô hình HTX kiểu mới hiệu quả và nhân rộng giai "
            "đoạn 2021-2025. Tập trung hỗ trợ đẩy mạnh lưu thông sản phẩm hàng hóa HTX, liên kết "
            "sản xuất gắn với chuỗi giá trị, tham gia chương trình mỗi xã một sản phẩm. Đẩy mạnh "
            "hoạt động giới thiệu, quảng bá, hỗ trợ kết nối tiêu thụ sản phẩm HTX thông qua các "
            "sàn thương mại điện tử.</p>"
            "<p>Phát biểu chỉ đạo tại hội nghị, đồng chí Phó Chủ tịch Thường trực UBND tỉnh Trần "
            "Anh Dũng đã ghi nhận, biểu dương những đóng góp của các HTX và Ban chấp hành Liên "
            "minh HTX tỉnh trong phát triển kinh tế - xã hội, xây dựng NTM nâng cao, kiểu mẫu của "
            "tỉnh. Đồng chí đề nghị trong thời gian tới cần tiếp tục đẩy mạnh tuyên truyền các chủ "
            "trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước về đổi mới, phát triển "
            "và nâng cao hiệu quả kinh tế tập thể trong giai đoạn mới; các chính sách ưu tiên, hỗ "
            "trợ phát triển HTX. Các HTX phải năng động, đổi mới tư duy để sản xuất, kinh doanh có "
            "hiệu quả phù hợp với xu hướng phát triển. Đối với Liên minh HTX tỉnh cần tăng cường "
            "kết nối với các HTX; chọn hoạt động trọng điểm để triển khai thực hiện đi vào thực "
            "chất; đề xuất với Trung ương, tỉnh quan tâm, xem xét có cơ chế hỗ trợ kinh tế tập "
            "thể, HTX phát triển./.</p>"
        ),
        "highlight": "",
        "author": "",
        "source_name": "baonamdinh.vn",
        "source_url": "https://baonamdinh.vn/",
        "category": "tin-tuc-su-kien",
        "tags": ["Hội nghị", "Kinh tế tập thể", "Vốn vay"],
        "published": "2023-08-17 09:15",
        "featured": True,
    },
    {
        "title": "Liên minh HTX tỉnh nỗ lực vươn lên",
        "lead": (
            "5 năm qua, Liên minh HTX tỉnh có nhiều đổi mới trong hoạt động, góp phần nâng cao vị "
            "thế của kinh tế tập thể."
        ),
        "body": (
            "<p>5 năm qua, Liên minh HTX tỉnh đã có nhiều đổi mới trong hoạt động, hoàn thành tốt "
            "nhiệm vụ đề ra. Qua đó, từng bước nâng cao vai trò và vị thế của kinh tế tập thể "
            "trong tình hình mới.</p>"
            "<h2>Hỗ trợ thành viên</h2>"
            "<p>Để nâng cao trình độ của cán bộ HTX, Liên minh HTX tỉnh đã phối hợp với các đơn vị "
            "tổ chức nhiều lớp bồi dưỡng kiến thức quản lý cho đội ngũ này. Đơn vị đã tư vấn, hỗ "
            "trợ 44 lượt HTX được vay vốn ưu đãi từ Quỹ Hỗ trợ phát triển HTX của Trung ương, Quỹ "
            "Quốc gia giải quyết việc làm, Quỹ Hỗ trợ phát triển HTX của tỉnh với tổng số tiền hơn "
            "98,4 tỷ đồng. Ngoài ra, đơn vị còn tư vấn cho các HTX tiếp cận vốn vay từ các tổ chức "
            "tín dụng khác trong tỉnh. Việc hỗ trợ vốn vay kịp thời đã giúp các HTX, tổ hợp tác mở "
            "rộng sản xuất, nâng cao thu nhập của thành viên và người lao động.</p>"
            "<p>Hoạt động xúc tiến thương mại thường xuyên được Liên minh HTX tỉnh tổ chức để "
            "quảng bá, giới thiệu các sản phẩm của HTX đến người tiêu dùng. Đơn vị tổ chức nhiều "
            "đợt học tập kinh nghiệm về xây dựng mô hình HTX kiểu mới, phát triển chuỗi giá trị, "
            "xây dựng thương hiệu sản phẩm tại 15 tỉnh, thành phố trong cả nước; duy trì và phát "
            "huy mối quan hệ với các tổ chức quốc tế và trong nước để được hỗ trợ kinh phí, kinh "
            "nghiệm nhằm nâng cao năng lực cho đội ngũ cán bộ HTX.</p>"
            "<p>Nhờ đó, các HTX trong tỉnh đã có sự đổi mới cả về số lượng và chất lượng. Trong 5 "
            "năm, toàn tỉnh có 56 HTX thành lập, gần 100 HTX giải thể, sáp nhập hoặc chuyển đổi "
            "đăng ký hoạt động theo loại hình doanh nghiệp. Hiện toàn tỉnh có 1 Liên hiệp HTX, 633 "
            "HTX và 800 tổ hợp tác, trong đó có 339 HTX nông nghiệp, còn lại là các HTX hoạt động "
            "trong lĩnh vực thương mại, dịch vụ; tiểu, thủ công nghiệp, vệ sinh môi trường... Số "
            "lượng HTX hoạt động hiệu quả tăng cao với 56% số HTX đạt loại khá, giỏi; 36,6% số HTX "
            "đạt trung bình. Mỗi năm thành lập từ 10 - 20 HTX, trong đó có từ 2 - 3 mô hình HTX "
            "kiểu mới. Trên 50% số cán bộ chủ chốt HTX được đào tạo, trong đó 70% có trình độ cao "
            "đẳng và đại học. 100% số cán bộ HTX được đào tạo bồi dưỡng, tập huấn nghiệp vụ, kỹ "
            "thuật...</p>"
            "<h2>Tiếp tục đổi mới</h2>"
            "<p>Giai đoạn 2020-2025, Liên minh HTX tỉnh đặt mục tiêu mỗi năm thành lập từ 20 HTX "
            "trở lên; khuyến khích các HTX xây dựng mô hình HTX kiểu mới gắn với chuỗi giá trị "
            "hàng hóa chủ lực, hỗ trợ tích cực cho kinh tế hộ phát triển. Phấn đấu thành lập 50 tổ "
            "hợp tác trở lên, hướng dẫn các tổ hợp tác đăng ký hoạt động theo đúng quy định. Đến "
            "năm 2025, tỉnh xây dựng 10 - 15 HTX điển hình tiên tiến trên các lĩnh vực, trong đó "
            "có thành viên được phong tặng danh hiệu Anh hùng Lao động trong thời kỳ đổi mới. Hơn "
            "80% số HTX hoạt động ổn định và hiệu quả tốt. Đến năm 2025 có ít nhất 70% số HTX đạt "
            "khá giỏi; trên 50% số cán bộ chủ chốt HTX được đào tạo, trong đó 70% có trình độ cao "
            "đẳng và đại học; có 85% số HTX trong tỉnh là thành viên của Liên minh HTX tỉnh. Tốc "
            "độ tăng trưởng của các HTX từ 7 - 8%, mức đóng góp vào GRDP của tỉnh đạt khoảng "
            "8%/năm.</p>"
            "<p>Để đạt các mục tiêu trên, Liên minh HTX tỉnh thực hiện tốt vai trò là cơ quan tham "
            "mưu cho Tỉnh ủy, UBND tỉnh triển khai các chính sách phát triển kinh tế tập thể, HTX. "
            "Tiếp tục xây dựng và nhân rộng mô hình HTX kiểu mới gắn với chuỗi giá trị, sản phẩm "
            "chủ lực của địa phương. Chú trọng công tác tuyên truyền để nhân rộng các mô hình HTX "
            "hoạt động hiệu quả. Làm tốt công tác xúc tiến thương mại, quảng bá sản phẩm nông sản "
            "tại các chương trình, hội chợ trong và ngoài tỉnh. Tư vấn, giúp đỡ các HTX, liên hiệp "
            "HTX tham gia liên doanh liên kết cung ứng, tiêu thụ nông sản. Tạo điều kiện cho các "
            "đơn vị thành viên tiếp cận các nguồn vốn ưu đãi để phát triển.</p>"
            "<p>Với tinh thần “Đoàn kết - kỷ cương - bứt phá - sáng tạo - hiệu quả”, Liên minh HTX "
            "tỉnh sẽ tiếp tục đổi mới mạnh mẽ nội dung, phương thức hoạt động để nâng cao hiệu quả "
            "sản xuất của đơn vị thành viên. Khuyến khích đa dạng hóa các hình thức liên kết, tổ "
            "chức sản xuất gắn với tái cơ cấu nền kinh tế, góp phần hoàn thành mục tiêu trong xây "
            "dựng nông thôn mới. Phát huy vai trò tổ chức đại diện, bảo vệ quyền và lợi ích hợp "
            "pháp cho thành viên và là chỗ dựa tin cậy cho các HTX.</p>"
        ),
        "highlight": "",
        "author": "Trần Hiền",
        "source_name": "baohaiduong.vn",
        "source_url": "https://baohaiduong.vn/",
        "category": "tin-tuc-su-kien",
        "tags": ["Liên minh HTX", "Vốn vay", "Xúc tiến thương mại"],
        "published": "2020-05-29 07:00",
        "featured": False,
    },
    {
        "title": "Kết quả phát triển kinh tế tập thể huyện Thạch Hà 8 tháng đầu năm 2024",
        "lead": (
            "Ban Chỉ đạo đổi mới, phát triển và nâng cao hiệu quả kinh tế tập thể huyện Thạch Hà "
            "đánh giá kết quả 8 tháng đầu năm 2024 và đề ra mục tiêu, giải pháp phát triển kinh tế "
            "tập thể, hợp tác xã năm 2025."
        ),
        "body": (
            "<p>Trong năm 2024, Ban Chỉ đạo đổi mới, phát triển và nâng cao hiệu quả kinh tế tập "
            "thể huyện đã tổ chức Hội nghị tổng kết đánh giá kết quả hoạt động 8 tháng đầu năm; "
            "phương hướng nhiệm vụ những tháng cuối năm 2024, tại Hội nghị đã tổ chức đánh giá vai "
            "trò hoạt động của các thành viên BCĐ về phát triển kinh tế tập thể huyện; Triển khai "
            "một số nhiệm vụ theo tinh thần chỉ đạo của Trung ương và tỉnh tại các văn bản chỉ đạo "
            "nêu trên; đề xuất các giải pháp để phát triển kinh tế tập huyện những tháng cuối năm "
            "2024 và những năm tiếp theo.</p>"
            "<h2>I. Đánh giá kết quả đạt được</h2>"
            "<h3>1. Về Hợp tác xã</h3>"
            "<p>Tình hình phát triển các HTX trên địa bàn huyện trong thời gian vừa qua đã có bước "
            "chuyển biến tích cực cả về chiều rộng và chiều sâu. Ban Chỉ đạo, UBND huyện, các "
            "phòng, ngành đã tận dụng tối đa các cơ chế, chính sách của cấp trên để hỗ trợ, thúc "
            "đẩy phát triển KTTT nói chung và HTX nông nghiệp nói riêng. UBND huyện đã chủ động đề "
            "xuất, ban hành các nội dung hỗ trợ từ ngân sách huyện, một số nội dung được chú trọng "
            "như: Công tác đào tạo, bồi dưỡng nguồn nhân lực để phát triển HTX; hỗ trợ các đơn vị "
            "thành viên trong việc xúc tiến thương mại, tìm nguồn hàng mới, tìm đầu ra cho sản "
            "phẩm, quảng bá sản phẩm thông qua các kênh hội chợ, hội thảo,… Bên cạnh đó, các chính "
            "sách đầu tư phát triển cơ sở hạ tầng, máy móc, trang thiết bị cũng được quan tâm đúng "
            "mức.</p>"
            "<ul>"
            "<li>Nhiều HTX trên địa bàn thời gian vừa qua đã phát triển và hoạt động tương đối tốt "
            "mang lại hiệu quả về mặt kinh tế, góp phần không nhỏ nâng cao đời sống nhân dân, đảm "
            "bảo an sinh xã hội và xây dựng Nông thôn mới. Cụ thể một số HTX hoạt động hiệu quả "
            "trên địa bàn huyện như: HTX Đạt Lộc xã Thạch Liên; HTX Hoàng Hà xã Tượng Sơn; HTX "
            "Quyết Tiến xã Lưu Vĩnh Sơn; HTX DVTH Bắc Sơn xã Lưu Vĩnh Sơn, Hợp tác xã Thống Nhất "
            "xã Thạch Ngọc, HTX NTTS Đại Tiến…</li>"
            "<li>4 HTX có sản phẩm thu mua, sản xuất và chế biến nông sản có thương hiệu mô hình "
            "mở rộng sản xuất, các điểm bán và giới thiệu sản phẩm đạt tiêu chuẩn OCOP 2 sao, 3 "
            "sao (HTX DVNN và DVTH Bắc Sơn, HTX Hoài Yến, HTX Hoàng Hà, HTX môi trường Thạch "
            "Bàn).</li>"
            "<li>Có 4 HTX đã chủ động mua máy bay không người lái để bón phân, phun thuốc BVTV, "
            "gắn với chuyển đổi số, phát triển kinh tế nông nghiệp (HTX Thống Nhất xã Thạch Ngọc, "
            "HTX Thiên An xã Thạch Hội, HTX Hoà Yên xã Thạch Thắng, HTX dịch vụ NN Thạch Lâm xã "
            "Tân Lâm Hương).</li>"
            "<li>Đánh giá doanh thu, nộp ngân sách, BHXH, nâng cao các hoạt động cho HTX:"
            "<ul>"
            "<li>Hiện nay có 94 HTX có đăng ký mã số thuế, có số doanh thu và phát sinh thuế trên "
            "địa bàn. Trong đó có 46 HTX nộp ngân sách 8 tháng đạt 840 triệu đồng.</li>"
            "<li>Có 31 HTX tham gia đóng BHXH cho 110 thành viên, với mức thu nhập bình quân 3,5 - "
            "6,0 triệu đồng/tháng.</li></ul></li></ul>"
            "<h3>2. Tổ hợp tác</h3>"
            "<p>Việc các hộ thành viên liên kết với nhau thành lập nên các THT đã giúp các hộ phát "
            "triển sản xuất kinh doanh và nâng cao thu nhập, xoá đói giảm nghèo. Doanh thu bình "
            "quân của THT khoảng 415 triệu đồng/năm; Lợi nhận bình quân của THT khoảng 125 triệu "
            "đồng/năm. Một số THT hoạt động hiệu quả như: THT chế biến sứa Mai Dung xã Thạch Trị, "
            "THT sản xuất rau, củ, quả Sâm Lộc Tượng Sơn; THT sản xuất giò chả Xuân Thành; THT sản "
            "xuất rau, củ, quả Thuận Hòa; THT sản xuất rau an toàn Thôn Thọ, thôn Khang xã Thạch "
            "Liên…., một số THT có sản phẩm đạt chuẩn OCOP 3 sao như sản phẩm sứa (THT chế biến "
            "sứa Mai Dung), giò chả (THT sản xuất giò Xuân Thanh), giò bột (THT giò bột Tuyết "
            "Hoa)…</p>"
            "<h2>II. Phương hướng, nhiệm vụ phát triển kinh tế tập thể, hợp tác xã năm 2025</h2>"
            "<h3>1. Một số mục tiêu cụ thể</h3>"
            "<ul>"
            "<li>Thành lập mới 08 hợp tác xã, vận động giải thể các hợp tác xã, tổ hợp tác đã "
            "ngừng hoạt động hoặc hoạt động yếu, kém.</li>"
            "<li>Phấn đấu đến hết năm 2025 có 35 hợp tác xã hoạt động tốt, 60 hợp tác xã hoạt động "
            "khá tốt.</li>"
            "<li>Doanh thu bình quân 01 hợp tác xã đạt trên 960 triệu đồng/năm; thu nhập bình quân "
            "01 lao động trong hợp tác xã đạt 70 triệu đồng/năm.</li>"
            "<li>Tỷ lệ cán bộ quản lý hợp tác xã qua đào tạo có trình độ chuyên môn đại học, cao "
            "đẳng đạt 30%, trung cấp đạt 35%.</li>"
            "<li>Đẩy mạnh chuyển đổi số trong hợp tác xã, phấn đấu đến năm 2025 đạt 100% hợp tác "
            "xã được tuyên truyền, tập huấn về chuyển đổi số; ứng dụng công nghệ số trong điều "
            "hành, quản lý, sản xuất và kinh doanh; thực hiện truy xuất nguồn gốc sản "
            "phẩm.</li></ul>"
            "<h3>2. Các giải pháp phát triển kinh tế tập thể năm 2025</h3>"
            "<ul>"
            "<li>Tiếp tục tăng cường sự lãnh đạo của Đảng, phát huy vai trò của Mặt trận Tổ quốc "
            "và các đoàn thể, tăng cường công tác quản lý nhà nước trong phát triển kinh tế tập "
            "thể, HTX.</li>"
            "<li>Tiếp tục đề ra các giải pháp hỗ trợ các HTX huy động, tiếp cận nguồn lực, cơ chế, "
            "chính sách; từng bước đổi mới, nâng cao chất lượng, hiệu quả hoạt động. Tiếp tục "
            "triển khai thực hiện có hiệu quả các chính sách hỗ trợ phát triển kinh tế tập thể, hỗ "
            "trợ HTX. Huy động, lồng ghép nguồn vốn thực hiện các chương trình mục tiêu quốc gia "
            "và các chính sách khuyến khích phát triển nông nghiệp và nông thôn để hỗ trợ cho các "
            "HTX. Rà soát, đăng ký nhu cầu hỗ trợ vốn vay Quỹ Hỗ trợ phát triển HTX; hướng dẫn các "
            "HTX hoàn thiện hồ sơ, thủ tục, xây dựng phương án sản xuất kinh doanh đảm bảo giải "
            "ngân, sử dụng vốn hiệu quả.</li>"
            "<li>Phối hợp với Liên minh HTX tỉnh xây dựng kế hoạch tập huấn, đào tạo, nâng cao "
            "nhận thức, trình độ cho khu vực kinh tế tập thể; đổi mới phương thức đào tạo, tập "
            "huấn, đảm bảo thiết thực, phù hợp với từng đối tượng thành viên HTX; tổ chức tham "
            "quan học tập, trao đổi kinh nghiệm, giới thiệu các mô hình HTX thực hiện chuyển đổi "
            "số thành công trong và ngoài tỉnh.</li>"
            "<li>Đẩy mạnh ứng dụng công nghệ số trong quản lý, điều hành hoạt động sản xuất kinh "
            "doanh của HTX; triển khai thí điểm các mô hình HTX ứng dụng công nghệ số, chuyển đổi "
            "số thành công để đánh giá, rút kinh nghiệm, nhân ra diện rộng. Khuyến khích, hỗ trợ "
            "các HTX, THT chủ động triển khai chuyển đổi số.</li>"
            "<li>Nâng cao trình độ, năng lực của đội ngũ cán bộ quản lý của kinh tế tập thể và "
            "HTX. Tiếp tục vận động đưa các kỹ sư trẻ có trình độ chuyên môn giỏi, đạo đức tốt về "
            "làm cán bộ chủ chốt tại các HTX để tham gia hoạt động quản lý, điều hành và hỗ trợ "
            "HTX phát triển; khuyến khích cán bộ trẻ có trình độ về làm việc trong các HTX.</li>"
            "<li>Tăng cường xúc tiến thương mại, mở rộng thị trường. Thường xuyên khảo sát đánh "
            "giá quy mô, năng lực các HTX hoạt động để có thông tin làm cơ sở dữ liệu phục vụ cho "
            "quá trình tư vấn, hỗ trợ tiêu thụ sản phẩm. Đa dạng hóa, nâng cao chất lượng thông "
            "tin xúc tiến thương mại, tiêu thị sản phẩm choa HTX</li>"
            "<li>Lựa chọn, xây dựng các mô hình hợp tác xã tiên tiến, điển hình để liên kết các "
            "hợp tác xã trên địa bàn cùng phát triển, trong đó tập trung các hợp tác xã trong lĩnh "
            "vực nông nghiệp; UBND huyện nghiên cứu, quan tâm hỗ trợ cho mô hình hợp tác xã hoạt "
            "động trong lĩnh vực môi trường; tổ chức tham quan, học tập kinh nghiệm tại các hợp "
            "tác xã hoạt động hiệu quả trong và ngoài tỉnh. Triển khai có hiệu quả các cơ chế, "
            "chính sách hỗ trợ phát triển kinh tế tập thể đã được Hội đồng nhân dân tỉnh ban "
            "hành.</li></ul>"
        ),
        "highlight": "",
        "author": "",
        "source_name": "thachha.hatinh.gov.vn",
        "source_url": "https://thachha.hatinh.gov.vn/",
        "category": "tin-tuc-su-kien",
        "tags": ["Kinh tế tập thể", "Chuyển đổi số", "OCOP"],
        "published": "2024-09-20 10:00",
        "featured": False,
    },
    {
        "title": "Mai Sơn phát triển hợp tác xã",
        "lead": (
            "Trong những năm qua, Huyện Mai Sơn chú trọng phát triển kinh tế tập thể mà chủ yếu là "
            "hình thức hợp tác xã. Các hợp tác xã đã từng bước ổn định và phát triển cả về số "
            "lượng, cơ cấu, chất lượng hoạt động; các hợp tác xã đã chủ động thực hiện tốt các "
            "hoạt động xúc tiến thương mại, quảng bá và giới thiệu sản phẩm, xây dựng sản phẩm "
            "OCOP, kết quả này đã góp phần quan trọng vào tái cơ cấu ngành nông nghiệp, xây dựng "
            "nông thôn mới và phát triển kinh tế - xã hội của huyện."
        ),
        "body": (
            "<p>Ban Thường vụ huyện ủy chỉ đạo UBND huyện giao nhiệm vụ cho các cơ quan, đơn vị "
            "phụ trách theo lĩnh vực chuyên môn xây dựng chương trình, kế hoạch phát triển kinh tế "
            "tập thể hàng năm, giai đoạn, tạo điều kiện cho việc thành lập mới, chuyển đổi, đăng "
            "ký lại theo quy định của Luật Hợp tác xã năm 2012. Hàng năm các hợp tác xã được theo "
            "dõi, cập nhật và tổng hợp, đánh giá tình hình, kết quả hoạt động sản xuất, kinh doanh "
            "cùng với tình hình phát triển kinh tế - xã hội của huyện, kịp thời xem xét, giải "
            "quyết, tháo gỡ khó khăn, vước mắc, kiến nghị của các hợp tác xã. Tập trung chỉ đạo "
            "nâng cao vai trò, trách nhiệm của chính quyền địa phương trong nhiệm vụ quản lý kinh "
            "tế tập thể. Đưa chỉ tiêu về phát triển kinh tế tập thể vào kế hoạch kinh tế- xã hội "
            "hàng năm của huyện.</p>"
            "<p>Đến ngày 30/8/2021, trên địa bàn huyện có tổng số 139 hợp tác xã và 01 liên hiệp "
            "hợp tác xã. Tổng số thành viên của các hợp tác xã và liên hiệp hợp tác xã là 6.503 "
            "thành viên, tăng 6.343 thành viên so với năm 2001; số lượng thành viên quản lý của "
            "hợp tác xã 424 thành viên, trong đó: 15 người có trình độ đại học; 29 người có trình "
            "độ cao đẳng và trung cấp; 380 người cán bộ quản lý được qua đào tạo, bồi dưỡng do "
            "Liên minh hợp tác xã tỉnh tổ chức tập huấn. Tổng số lao động làm việc trong các Hợp "
            "tác xã khoảng 1.668 lao động.</p>"
            "<p>Hằng năm, UBND huyện phối hợp với Liên minh hợp tác xã tỉnh và các đơn vị liên "
            "quan tổ chức tập huấn cho Ban quản lý 72 hợp tác xã, trên 300 thành viên tham gia về "
            "Luật hợp tác xã năm 2012; tổ chức cho xã viên của một số hợp tác xã tham quan mô hình "
            "để trao đổi học tập kinh nghiệm trong sản xuất; hỗ trợ xúc tiến thương mại, mở rộng "
            "thị trường cho các hợp tác xã; hỗ trợ ứng dụng khoa học, kỹ thuật và công nghệ cao; "
            "hỗ trợ các chính sách tiếp cận vốn và quỹ hỗ trợ phát triển hợp tác xã. Khuyến khích "
            "phát triển hợp tác xã trên tất cả các ngành nghề, lĩnh vực của nền kinh tế. Tạo điều "
            "kiện thuận lợi, ưu tiên phát triển hợp tác xã hoạt động sản xuất kinh doanh hình "
            "thành chuỗi giá trị từ sản xuất đến chế biến tiêu thụ sản phẩm; hợp tác xã hoạt động "
            "trong lĩnh vực nông nghiệp gắn với xây dựng nông thôn mới; hợp tác xã hoạt động trên "
            "địa bàn khó khăn; hợp tác xã tận dụng tốt nguồn lực, ưu thế của địa phương, đặc biệt "
            "là quan tâm tạo điều kiện thuận lợi để thúc đẩy hoạt động của các hợp tác xã hoạt "
            "động có hiệu quả.</p>"
            "<p>Một số hợp tác xã bước đầu đã phát huy vai trò tiên phong, tham gia định hướng sản "
            "xuất, cung ứng đầu vào, hỗ trợ kỹ thuật, hỗ trợ vốn, cho đến tiêu thụ sản phẩm cho "
            "nông dân; đặc biệt các hợp tác xã đã chủ động thực hiện tốt các hoạt động xúc tiến "
            "thương mại, quảng bá và giới thiệu sản phẩm, xây dựng sản phẩm OCOP, kết quả này đã "
            "góp phần quan trọng vào tái cơ cấu ngành nông nghiệp, xây dựng nông thôn mới và phát "
            "triển kinh tế - xã hội của huyện. Hợp tác xã nông nghiệp đã thể hiện được vai trò "
            "trong hướng dẫn các hộ xã viên, thành viên chuyển giao tiến bộ kỹ thuật vào sản xuất, "
            "chuyển đổi cơ cấu cây trồng vật nuôi và tổ chức các dịch vụ phục vụ sản xuất, đời "
            "sống của các xã viên, thành viên.</p>"
        ),
        "highlight": "",
        "author": "Như Thủy",
        "source_name": "baosonla.vn",
        "source_url": "https://baosonla.vn/",
        "category": "guong-htx-dien-hinh",
        "tags": ["Kinh tế tập thể", "OCOP", "Nông thôn mới"],
        "published": "2021-09-15 08:00",
        "featured": False,
    },
]

# Articles of the alliance itself, oldest first.
EXTRA_ARTICLES: list[dict] = [
    {
        "title": "Liên minh HTX tỉnh tổng kết công tác năm 2023, triển khai nhiệm vụ năm 2024",
        "lead": (
            "Ngày 17/01/2024, Liên minh Hợp tác xã (HTX) tỉnh tổ chức hội nghị tổng kết công tác "
            "năm 2023, triển khai nhiệm vụ trọng tâm năm 2024. Dự hội nghị có đại diện lãnh đạo "
            "các sở, ngành và gần 150 đại biểu là cán bộ quản lý các HTX trong tỉnh."
        ),
        "body": (
            "<p>Năm 2023, mặc dù còn nhiều khó khăn do giá vật tư đầu vào tăng cao, thị trường "
            "tiêu thụ biến động, khu vực kinh tế tập thể của tỉnh vẫn duy trì được đà phát triển. "
            "Toàn tỉnh thành lập mới 20 HTX; đến hết năm 2023 có 518 HTX và Quỹ tín dụng nhân dân, "
            "khoảng 2.000 tổ hợp tác. Doanh thu bình quân của một HTX ước đạt 4,7 tỷ đồng/năm; thu "
            "nhập bình quân của người lao động làm việc thường xuyên trong HTX khoảng 3,4 triệu "
            "đồng/người/tháng. Có 258 HTX đạt tiêu chí 13.1 về tổ chức sản xuất trong Bộ tiêu chí "
            "quốc gia về xây dựng nông thôn mới.</p>"
            "<p>Liên minh HTX tỉnh đã tổ chức 18 lớp bồi dưỡng, tập huấn cho 1.260 lượt cán bộ "
            "quản lý và thành viên HTX; tư vấn thành lập mới 9 HTX; hỗ trợ 35 HTX tham gia hội "
            "chợ, triển lãm trong và ngoài tỉnh. Đơn vị cũng giới thiệu 4 dự án vay vốn Quỹ hỗ trợ "
            "phát triển HTX với tổng số tiền 8,5 tỷ đồng, nâng tổng dư nợ của các HTX trong tỉnh "
            "lên trên 100 tỷ đồng.</p>"
            "<p>Bên cạnh kết quả đạt được, hội nghị cũng chỉ ra những hạn chế: phần lớn HTX có quy "
            "mô nhỏ, vốn ít; khả năng tiếp cận tín dụng và ứng dụng khoa học công nghệ còn hạn "
            "chế; một số HTX hoạt động cầm chừng, chưa thực sự gắn kết với thành viên.</p>"
            "<h2>Nhiệm vụ trọng tâm năm 2024</h2>"
            "<p>Năm 2024, Luật Hợp tác xã năm 2023 chính thức có hiệu lực từ ngày 01/07/2024. Liên "
            "minh HTX tỉnh đặt mục tiêu thành lập mới ít nhất 25 HTX; tập trung tuyên truyền, phổ "
            "biến Luật Hợp tác xã năm 2023 đến từng HTX; đẩy mạnh chuyển đổi số, hỗ trợ HTX tham "
            "gia Chương trình mỗi xã một sản phẩm (OCOP) và kết nối tiêu thụ sản phẩm.</p>"
            "<blockquote>"
            "<p>“Năm 2024, Liên minh HTX tỉnh phải thực sự là chỗ dựa tin cậy của các HTX: bám sát "
            "cơ sở, lắng nghe khó khăn để có giải pháp hỗ trợ sát thực, hiệu quả”, Chủ tịch Liên "
            "minh HTX tỉnh nhấn mạnh tại hội nghị.</p></blockquote>"
            "<p>Dịp này, Liên minh HTX tỉnh tặng Bằng khen cho 12 tập thể và 15 cá nhân có thành "
            "tích xuất sắc trong phong trào thi đua năm 2023.</p>"
        ),
        "highlight": "",
        "author": "Thu Trang",
        "source_name": "",
        "source_url": "",
        "category": "tin-tuc-su-kien",
        "tags": ["Hội nghị", "Kinh tế tập thể", "Tổng kết"],
        "published": "2024-01-18 09:00",
        "featured": False,
    },
    {
        "title": "Thông báo mở các lớp tập huấn Luật Hợp tác xã năm 2023 cho cán bộ quản lý HTX",
        "lead": (
            "Liên minh HTX tỉnh thông báo tổ chức 5 lớp tập huấn phổ biến Luật Hợp tác xã năm 2023 "
            "cho cán bộ quản lý, kiểm soát viên và kế toán các HTX trên địa bàn tỉnh trong tháng "
            "4/2024."
        ),
        "body": (
            "<p>Thực hiện kế hoạch công tác năm 2024, nhằm chuẩn bị cho việc thi hành Luật Hợp tác "
            "xã số 17/2023/QH15 có hiệu lực từ ngày 01/07/2024, Liên minh HTX tỉnh thông báo mở "
            "các lớp tập huấn như sau:</p>"
            "<h2>Thời gian, địa điểm</h2>"
            "<ul>"
            "<li>Lớp 1: ngày 09–10/04/2024 tại Hội trường Liên minh HTX tỉnh, dành cho các HTX "
            "thuộc thành phố Nam Định và huyện Mỹ Lộc.</li>"
            "<li>Lớp 2: ngày 11–12/04/2024 tại huyện Ý Yên, dành cho các HTX huyện Ý Yên và Vụ "
            "Bản.</li>"
            "<li>Lớp 3: ngày 16–17/04/2024 tại huyện Nam Trực, dành cho các HTX huyện Nam Trực và "
            "Trực Ninh.</li>"
            "<li>Lớp 4: ngày 18–19/04/2024 tại huyện Hải Hậu, dành cho các HTX huyện Hải Hậu, Giao "
            "Thủy và Xuân Trường.</li>"
            "<li>Lớp 5: ngày 23–24/04/2024 tại huyện Nghĩa Hưng, dành cho các HTX huyện Nghĩa "
            "Hưng.</li></ul>"
            "<h2>Nội dung tập huấn</h2>"
            "<ul>"
            "<li>Những điểm mới của Luật Hợp tác xã năm 2023 so với Luật Hợp tác xã năm 2012.</li>"
            "<li>Quyền, nghĩa vụ của thành viên; tổ chức quản trị; giao dịch nội bộ và giao dịch "
            "bên ngoài của HTX.</li>"
            "<li>Chế độ kế toán, báo cáo tài chính và phân phối thu nhập.</li>"
            "<li>Các chính sách hỗ trợ, ưu đãi của Nhà nước đối với tổ hợp tác, HTX, liên hiệp "
            "HTX.</li></ul>"
            "<h2>Đăng ký tham gia</h2>"
            "<p>Mỗi HTX cử 02–03 người (Giám đốc hoặc Chủ tịch Hội đồng quản trị, kiểm soát viên, "
            "kế toán). Danh sách đăng ký gửi về Văn phòng Liên minh HTX tỉnh trước ngày "
            "01/04/2024; thông tin liên hệ xem tại mục Liên hệ của Cổng thông tin. Học viên được "
            "cấp tài liệu và hỗ trợ tiền ăn theo quy định.</p>"
        ),
        "highlight": (
            "<p><strong>Hạn đăng ký:</strong> trước ngày 01/04/2024. Học viên không phải đóng học "
            "phí.</p>"
        ),
        "author": "Văn Quang",
        "source_name": "",
        "source_url": "",
        "category": "thong-bao",
        "tags": ["Tập huấn", "Luật Hợp tác xã"],
        "published": "2024-03-06 14:00",
        "featured": False,
    },
    {
        "title": "HTX Nông nghiệp Yên Bằng: Liên kết cánh đồng lớn, nâng giá trị hạt gạo",
        "lead": (
            "Từ một HTX làm dịch vụ thủy lợi, điện truyền thống, HTX Nông nghiệp Yên Bằng (huyện Ý "
            "Yên) đã mạnh dạn tổ chức sản xuất lúa chất lượng cao theo chuỗi, giúp thành viên tăng "
            "thu nhập 15–20% so với sản xuất nhỏ lẻ."
        ),
        "body": (
            "<p>HTX Nông nghiệp Yên Bằng hiện có 1.150 hộ thành viên với tổng diện tích canh tác "
            "khoảng 420 ha. Trước đây, hoạt động của HTX chủ yếu là dịch vụ thủy lợi, bảo vệ đồng "
            "ruộng nên hiệu quả thấp. Từ năm 2020, HTX tổ chức lại theo hướng HTX kiểu mới, vận "
            "động thành viên dồn điền, đổi thửa để hình thành cánh đồng lớn 120 ha cấy các giống "
            "lúa chất lượng cao như Đài thơm 8, Bắc thơm số 7 và nếp cái hoa vàng.</p>"
            "<p>HTX ký hợp đồng liên kết với doanh nghiệp cung ứng giống, vật tư và bao tiêu toàn "
            "bộ sản phẩm với giá cao hơn thị trường 300–500 đồng/kg. Các khâu làm đất, gieo mạ "
            "khay, cấy máy, phun thuốc bằng máy bay không người lái đều do HTX đảm nhận, giúp mỗi "
            "hộ thành viên giảm chi phí khoảng 150.000 đồng/sào mỗi vụ.</p>"
            "<h2>Sản xuất theo quy trình, minh bạch nguồn gốc</h2>"
            "<p>Toàn bộ diện tích cánh đồng lớn được sản xuất theo quy trình canh tác an toàn, ghi "
            "chép nhật ký điện tử và gắn mã QR truy xuất nguồn gốc. Năng suất lúa bình quân đạt "
            "6,5 tấn/ha/vụ. Năm 2023, doanh thu của HTX đạt 6,8 tỷ đồng, lợi nhuận 520 triệu đồng; "
            "HTX trích quỹ hỗ trợ thành viên khó khăn và chia lãi theo mức độ sử dụng dịch vụ.</p>"
            "<blockquote>"
            "<p>“Thành viên giờ không còn lo đầu ra. Cái khó nhất là thay đổi thói quen sản xuất, "
            "nhưng khi thấy lợi ích rõ ràng thì bà con đều đồng thuận”, Giám đốc HTX chia "
            "sẻ.</p></blockquote>"
            "<p>Đánh giá cao mô hình, Liên minh HTX tỉnh cho biết sẽ tiếp tục hỗ trợ HTX xây dựng "
            "nhãn hiệu gạo, hoàn thiện hồ sơ tham gia Chương trình OCOP và giới thiệu mô hình để "
            "các HTX nông nghiệp khác trong tỉnh học tập, nhân rộng.</p>"
        ),
        "highlight": "",
        "author": "Minh Hằng",
        "source_name": "",
        "source_url": "",
        "category": "guong-htx-dien-hinh",
        "tags": ["Lúa gạo", "HTX kiểu mới", "Ý Yên"],
        "published": "2024-04-22 08:00",
        "featured": False,
    },
    {
        "title": "Những điểm mới đáng chú ý của Luật Hợp tác xã năm 2023",
        "lead": (
            "Luật Hợp tác xã số 17/2023/QH15 được Quốc hội thông qua ngày 20/06/2023 và có hiệu "
            "lực thi hành từ ngày 01/07/2024, với nhiều quy định mới nhằm tạo hành lang pháp lý "
            "thuận lợi cho kinh tế tập thể phát triển."
        ),
        "body": (
            "<p>Luật Hợp tác xã năm 2023 thay thế Luật Hợp tác xã năm 2012, thể chế hóa chủ trương "
            "của Đảng tại Nghị quyết số 20-NQ/TW ngày 16/06/2022 của Hội nghị Trung ương 5 khóa "
            "XIII về tiếp tục đổi mới, phát triển và nâng cao hiệu quả kinh tế tập thể trong giai "
            "đoạn mới. Dưới đây là một số điểm mới các HTX cần lưu ý.</p>"
            "<h2>Mở rộng các loại hình tổ chức kinh tế hợp tác</h2>"
            "<p>Luật điều chỉnh thống nhất các tổ chức kinh tế hợp tác gồm tổ hợp tác, hợp tác xã, "
            "liên hiệp hợp tác xã và bổ sung loại hình liên đoàn hợp tác xã. Tổ hợp tác lần đầu "
            "tiên được quy định cụ thể trong Luật Hợp tác xã.</p>"
            "<h2>Đa dạng hóa thành viên</h2>"
            "<p>Bên cạnh thành viên chính thức, Luật quy định thành viên liên kết góp vốn và thành "
            "viên liên kết không góp vốn, giúp HTX thu hút thêm nguồn lực nhưng vẫn bảo đảm quyền "
            "quyết định thuộc về thành viên chính thức.</p>"
            "<h2>Quản trị linh hoạt, minh bạch giao dịch nội bộ</h2>"
            "<p>HTX được lựa chọn mô hình tổ chức quản trị đầy đủ hoặc rút gọn phù hợp với quy mô. "
            "Luật phân định rõ giao dịch nội bộ (giữa HTX với thành viên) và giao dịch bên ngoài; "
            "HTX phải hạch toán riêng hai loại giao dịch này, làm cơ sở phân phối thu nhập và thực "
            "hiện chính sách ưu đãi.</p>"
            "<h2>Chính sách hỗ trợ có trọng tâm</h2>"
            "<p>Các chính sách hỗ trợ về đào tạo, bồi dưỡng nguồn nhân lực, ứng dụng khoa học công "
            "nghệ, xúc tiến thương mại, tiếp cận tín dụng, đầu tư kết cấu hạ tầng được quy định rõ "
            "hơn, ưu tiên các HTX hoạt động thực chất, gắn với chuỗi giá trị.</p>"
            "<p>Các HTX thành lập theo Luật Hợp tác xã năm 2012 không phải đăng ký lại, nhưng cần "
            "rà soát, sửa đổi, bổ sung điều lệ cho phù hợp với quy định mới. Liên minh HTX tỉnh "
            "sẵn sàng hướng dẫn, hỗ trợ các HTX trong quá trình thực hiện.</p>"
        ),
        "highlight": (
            "<ul>"
            "<li><strong>Số hiệu:</strong> Luật Hợp tác xã số 17/2023/QH15</li>"
            "<li><strong>Ngày thông qua:</strong> 20/06/2023</li>"
            "<li><strong>Hiệu lực thi hành:</strong> 01/07/2024</li>"
            "<li><strong>Thay thế:</strong> Luật Hợp tác xã số 23/2012/QH13</li></ul>"
        ),
        "author": "Hoàng Anh",
        "source_name": "",
        "source_url": "",
        "category": "chinh-sach-phap-luat",
        "tags": ["Luật Hợp tác xã", "Chính sách"],
        "published": "2024-06-12 10:30",
        "featured": False,
    },
    {
        "title": "Hơn 100 gian hàng tham gia Hội chợ sản phẩm OCOP và hàng hóa HTX năm 2024",
        "lead": (
            "Từ ngày 22 đến 26/07/2024, tại Quảng trường 3/2, thành phố Nam Định diễn ra Hội chợ "
            "sản phẩm OCOP và hàng hóa HTX năm 2024 với 112 gian hàng của các HTX, doanh nghiệp, "
            "cơ sở sản xuất trong và ngoài tỉnh."
        ),
        "body": (
            "<p>Hội chợ do Liên minh HTX tỉnh phối hợp với Sở Công Thương, Sở Nông nghiệp và Phát "
            "triển nông thôn tổ chức nhằm quảng bá, giới thiệu sản phẩm chủ lực, sản phẩm OCOP của "
            "các HTX, đồng thời tạo cơ hội để HTX gặp gỡ, kết nối với các nhà phân phối.</p>"
            "<p>Khách tham quan có dịp tìm hiểu, mua sắm nhiều đặc sản của địa phương như gạo tám, "
            "gạo nếp cái hoa vàng, muối sạch, nước mắm, ngao, bánh nhãn Hải Hậu, kẹo Sìu Châu, "
            "cùng các sản phẩm thủ công như đồ gỗ mỹ nghệ, chiếu cói, mây tre đan. Trong đó có 48 "
            "sản phẩm đã được công nhận đạt chuẩn OCOP 3 sao và 4 sao.</p>"
            "<p>Bên lề hội chợ, Ban tổ chức tổ chức hội nghị kết nối giao thương giữa các HTX với "
            "doanh nghiệp thương mại, hệ thống siêu thị và bếp ăn tập thể. Đã có 15 biên bản ghi "
            "nhớ hợp tác tiêu thụ sản phẩm được ký kết.</p>"
            "<p>Điểm mới của hội chợ năm nay là khu vực livestream bán hàng trực tuyến, do các cán "
            "bộ trẻ của HTX trực tiếp giới thiệu sản phẩm. Theo ước tính của Ban tổ chức, hội chợ "
            "đón khoảng 35.000 lượt khách, tổng doanh thu bán hàng trực tiếp và trực tuyến đạt "
            "khoảng 3,2 tỷ đồng.</p>"
            "<blockquote>"
            "<p>“Qua hội chợ, HTX không chỉ bán được hàng mà còn tìm được thêm hai đối tác phân "
            "phối ở Hà Nội”, đại diện một HTX chế biến nông sản cho biết.</p></blockquote>"
        ),
        "highlight": "",
        "author": "Ngọc Lan",
        "source_name": "",
        "source_url": "",
        "category": "xuc-tien-thuong-mai",
        "tags": ["Hội chợ", "OCOP", "Xúc tiến thương mại"],
        "published": "2024-07-23 16:00",
        "featured": False,
    },
    {
        "title": "Liên minh HTX tỉnh khẩn trương hỗ trợ các HTX khắc phục hậu quả bão số 3",
        "lead": (
            "Ngay sau khi bão số 3 (Yagi) đi qua, Liên minh HTX tỉnh đã thành lập các đoàn công "
            "tác xuống cơ sở nắm bắt thiệt hại, hỗ trợ các HTX nông nghiệp khôi phục sản xuất."
        ),
        "body": (
            "<p>Theo báo cáo sơ bộ, bão số 3 đã ảnh hưởng tới hoạt động của 86 HTX trên địa bàn "
            "tỉnh. Trên 2.300 ha lúa mùa của các HTX bị đổ, ngập; nhiều nhà lưới, nhà màng trồng "
            "rau, hoa, cây cảnh bị tốc mái, hư hỏng; một số kho chứa, xưởng sơ chế bị tốc mái. Ước "
            "tổng thiệt hại của khu vực HTX khoảng 45 tỷ đồng.</p>"
            "<p>Từ ngày 09/09/2024, các đoàn công tác của Liên minh HTX tỉnh đã đến các HTX bị "
            "thiệt hại nặng tại các huyện Hải Hậu, Giao Thủy, Nam Trực, Ý Yên để thăm hỏi, động "
            "viên, tổng hợp nhu cầu hỗ trợ. Liên minh HTX tỉnh đã đề nghị Quỹ hỗ trợ phát triển "
            "HTX xem xét gia hạn nợ, điều chỉnh kỳ hạn trả nợ cho các HTX bị ảnh hưởng, đồng thời "
            "ưu tiên giải ngân các khoản vay mới để khôi phục sản xuất.</p>"
            "<h2>Chủ động sản xuất vụ đông</h2>"
            "<p>Liên minh HTX tỉnh khuyến cáo các HTX nông nghiệp:</p>"
            "<ul>"
            "<li>Khẩn trương tiêu thoát nước, dựng lại lúa bị đổ, thu hoạch sớm diện tích lúa đã "
            "chín.</li>"
            "<li>Vệ sinh đồng ruộng, chuẩn bị giống, vật tư cho vụ đông; ưu tiên các cây trồng "
            "ngắn ngày như rau màu, ngô, khoai tây.</li>"
            "<li>Rà soát, gia cố nhà lưới, kho bãi trước mùa mưa bão tiếp theo.</li></ul>"
            "<p>Cùng với đó, Liên minh HTX tỉnh đã kết nối một số doanh nghiệp cung ứng giống rau "
            "vụ đông với giá ưu đãi, và phát động cán bộ, người lao động trong cơ quan ủng hộ các "
            "HTX, thành viên bị thiệt hại nặng.</p>"
        ),
        "highlight": "",
        "author": "Đức Thắng",
        "source_name": "",
        "source_url": "",
        "category": "tin-tuc-su-kien",
        "tags": ["Bão số 3", "Nông nghiệp", "Hỗ trợ HTX"],
        "published": "2024-09-16 15:00",
        "featured": False,
    },
    {
        "title": (
            "Điều kiện, hồ sơ vay vốn Quỹ hỗ trợ phát triển hợp tác xã: những điều HTX cần biết"
        ),
        "lead": (
            "Quỹ hỗ trợ phát triển hợp tác xã là kênh tín dụng ưu đãi giúp các HTX đầu tư máy móc, "
            "nhà xưởng và mở rộng sản xuất. Liên minh HTX tỉnh lưu ý một số nội dung khi HTX có "
            "nhu cầu vay vốn."
        ),
        "body": (
            "<p>Đối tượng được vay vốn gồm các HTX, liên hiệp HTX và tổ hợp tác có dự án đầu tư, "
            "phương án sản xuất kinh doanh khả thi. Mức vay, thời hạn và lãi suất cụ thể thực hiện "
            "theo quy định của Quỹ từng thời kỳ; lãi suất cho vay thấp hơn lãi suất cho vay thương "
            "mại cùng kỳ hạn.</p>"
            "<h2>Điều kiện vay vốn</h2>"
            "<ul>"
            "<li>Có dự án, phương án sản xuất kinh doanh hiệu quả, có khả năng hoàn trả vốn "
            "vay.</li>"
            "<li>Có vốn đối ứng tham gia dự án và tài sản bảo đảm tiền vay theo quy định.</li>"
            "<li>Không có nợ quá hạn tại các tổ chức tín dụng tại thời điểm đề nghị vay.</li>"
            "<li>Có báo cáo tài chính đầy đủ, minh bạch theo chế độ kế toán HTX.</li></ul>"
            "<h2>Các dự án được ưu tiên</h2>"
            "<p>Quỹ ưu tiên các dự án ứng dụng công nghệ cao, công nghệ số; dự án sản xuất gắn với "
            "chuỗi giá trị, liên kết tiêu thụ sản phẩm cho thành viên; dự án phát triển sản phẩm "
            "OCOP, nông nghiệp hữu cơ, kinh tế tuần hoàn và các dự án tạo nhiều việc làm tại địa "
            "phương.</p>"
            "<h2>Quy trình hỗ trợ của Liên minh HTX tỉnh</h2>"
            "<p>HTX có nhu cầu liên hệ Liên minh HTX tỉnh để được tư vấn xây dựng phương án, hoàn "
            "thiện hồ sơ. Liên minh HTX tỉnh thẩm định sơ bộ, giới thiệu hồ sơ đủ điều kiện tới "
            "Quỹ và theo dõi, hỗ trợ HTX sử dụng vốn đúng mục đích. Thông tin về Quỹ hỗ trợ phát "
            "triển HTX Việt Nam được đăng tải trên trang của Liên minh Hợp tác xã Việt Nam <a "
            'href="https://vca.org.vn/">vca.org.vn</a>.</p>'
        ),
        "highlight": (
            "<p><strong>Hồ sơ vay vốn gồm:</strong></p>"
            "<ul>"
            "<li>Giấy đề nghị vay vốn;</li>"
            "<li>Giấy chứng nhận đăng ký HTX, điều lệ HTX;</li>"
            "<li>Nghị quyết của Đại hội thành viên hoặc Hội đồng quản trị về việc vay vốn;</li>"
            "<li>Báo cáo tài chính 02 năm gần nhất;</li>"
            "<li>Dự án hoặc phương án sản xuất kinh doanh;</li>"
            "<li>Giấy tờ về tài sản bảo đảm tiền vay.</li></ul>"
        ),
        "author": "Phương Thảo",
        "source_name": "",
        "source_url": "",
        "category": "chinh-sach-phap-luat",
        "tags": ["Vốn vay", "Quỹ hỗ trợ phát triển HTX"],
        "published": "2024-10-08 09:30",
        "featured": False,
    },
    {
        "title": "HTX Diêm nghiệp Đông Hải: Giữ nghề muối, nâng giá trị hạt muối Hải Hậu",
        "lead": (
            "Trong khi nhiều diêm dân bỏ nghề vì giá muối thấp, HTX Diêm nghiệp Đông Hải (huyện "
            "Hải Hậu) đã tìm hướng đi mới với các sản phẩm muối sạch, muối tinh sấy, nâng thu nhập "
            "cho thành viên."
        ),
        "body": (
            "<p>HTX Diêm nghiệp Đông Hải có 86 thành viên, sản xuất trên diện tích 32 ha đồng muối "
            "ven biển. Thay vì phơi muối trên nền đất như trước, từ năm 2021 HTX vận động thành "
            "viên trải bạt ô kết tinh, giúp hạt muối trắng, sạch, ít tạp chất và rút ngắn thời "
            "gian thu hoạch.</p>"
            "<p>Năm 2022, với sự hỗ trợ của Liên minh HTX tỉnh, HTX được vay 1,5 tỷ đồng từ Quỹ hỗ "
            "trợ phát triển HTX để đầu tư xưởng rửa, sấy, nghiền và đóng gói muối công suất 5 "
            "tấn/ngày. Sản phẩm muối tinh sấy của HTX đã được công nhận đạt chuẩn OCOP 3 sao năm "
            "2023.</p>"
            "<p>Nhờ chế biến sâu, giá bán muối thành phẩm cao gấp 3–4 lần muối hạt thô. Thu nhập "
            "của thành viên trong mùa làm muối đạt 6–7 triệu đồng/người/tháng. Sản phẩm của HTX "
            "hiện có mặt tại nhiều cửa hàng, siêu thị, bếp ăn tập thể trong tỉnh và trên các sàn "
            "thương mại điện tử.</p>"
            "<blockquote>"
            "<p>“Nghề muối vất vả, phụ thuộc thời tiết. Muốn giữ người làm muối thì hạt muối phải "
            "bán được giá”, Giám đốc HTX chia sẻ.</p></blockquote>"
            "<p>Thời gian tới, HTX dự kiến phát triển thêm các sản phẩm muối thảo dược, muối ngâm "
            "chân và hướng tới nâng hạng sản phẩm lên OCOP 4 sao. Liên minh HTX tỉnh sẽ tiếp tục "
            "hỗ trợ HTX về xúc tiến thương mại, thiết kế bao bì và tham gia các hội chợ trong, "
            "ngoài tỉnh.</p>"
        ),
        "highlight": "",
        "author": "Văn Quang",
        "source_name": "",
        "source_url": "",
        "category": "guong-htx-dien-hinh",
        "tags": ["Muối", "OCOP", "Hải Hậu"],
        "published": "2024-11-26 08:30",
        "featured": False,
    },
    {
        "title": "Kinh tế tập thể năm 2024: Vượt khó sau bão, giữ vững đà phát triển",
        "lead": (
            "Chiều 14/01/2025, Liên minh HTX tỉnh tổ chức hội nghị tổng kết công tác năm 2024. Dù "
            "chịu ảnh hưởng nặng nề của bão số 3, khu vực kinh tế tập thể của tỉnh vẫn đạt nhiều "
            "kết quả tích cực."
        ),
        "body": (
            "<p>Năm 2024, toàn tỉnh thành lập mới 15 HTX, giải thể 9 HTX ngừng hoạt động lâu năm; "
            "đến hết năm có 524 HTX và Quỹ tín dụng nhân dân, vượt chỉ tiêu về tổng số HTX đề ra. "
            "Doanh thu bình quân một HTX ước đạt 4,9 tỷ đồng/năm; thu nhập bình quân của người lao "
            "động thường xuyên khoảng 3,6 triệu đồng/người/tháng.</p>"
            "<p>Ngay khi Luật Hợp tác xã năm 2023 có hiệu lực, Liên minh HTX tỉnh đã tổ chức 5 lớp "
            "tập huấn cho gần 600 cán bộ quản lý HTX; đến cuối năm, khoảng 75% số HTX đã rà soát, "
            "sửa đổi điều lệ theo quy định mới. Trong năm có 11 sản phẩm của HTX được công nhận "
            "mới đạt chuẩn OCOP; 22 HTX được hỗ trợ mở gian hàng trên sàn thương mại điện tử.</p>"
            "<p>Sau bão số 3, Liên minh HTX tỉnh đã phối hợp đề xuất gia hạn nợ cho 14 HTX bị "
            "thiệt hại và giới thiệu 3 dự án vay vốn mới để khôi phục sản xuất với tổng số tiền "
            "4,6 tỷ đồng.</p>"
            "<h2>Năm 2025: tập trung nâng cao chất lượng</h2>"
            "<p>Năm 2025, Liên minh HTX tỉnh xác định tập trung nâng cao chất lượng hoạt động của "
            "HTX hơn là chạy theo số lượng; đẩy mạnh chuyển đổi số, hỗ trợ HTX xây dựng vùng "
            "nguyên liệu gắn với chuỗi giá trị; đồng thời thực hiện nghiêm chủ trương sắp xếp, "
            "tinh gọn tổ chức bộ máy, bảo đảm hoạt động hỗ trợ HTX không bị gián đoạn.</p>"
            "<blockquote>"
            "<p>“Mỗi HTX phải thực sự trở thành ‘bà đỡ’ của thành viên, tổ chức được dịch vụ mà "
            "từng hộ đơn lẻ không làm được”, đại diện Sở Nông nghiệp và Phát triển nông thôn phát "
            "biểu tại hội nghị.</p></blockquote>"
        ),
        "highlight": "",
        "author": "Thu Trang",
        "source_name": "",
        "source_url": "",
        "category": "tin-tuc-su-kien",
        "tags": ["Hội nghị", "Kinh tế tập thể", "Tổng kết"],
        "published": "2025-01-15 10:00",
        "featured": False,
    },
    {
        "title": "HTX Hoa cây cảnh Nam Điền: Làm giàu từ hoa Tết và cây cảnh",
        "lead": (
            "Vụ hoa Tết Ất Tỵ 2025, HTX Hoa cây cảnh Nam Điền (huyện Nam Trực) cung ứng ra thị "
            "trường hơn 60.000 chậu hoa, cây cảnh các loại, doanh thu đạt trên 9 tỷ đồng."
        ),
        "body": (
            "<p>Nam Trực vốn nổi tiếng với nghề trồng hoa, cây cảnh. HTX Hoa cây cảnh Nam Điền "
            "được thành lập năm 2018 với 45 thành viên, sản xuất tập trung trên diện tích 18 ha. "
            "Các sản phẩm chủ lực của HTX gồm cúc, lily, hoa lan, đào thế, quất cảnh và cây thế "
            "bonsai.</p>"
            "<p>Để chủ động thời vụ, HTX đầu tư hệ thống nhà màng, tưới nhỏ giọt và chiếu sáng "
            "điều khiển ra hoa. Nhờ làm chủ kỹ thuật, tỷ lệ hoa nở đúng dịp Tết đạt trên 90%. Sản "
            "phẩm của HTX được tiêu thụ tại Hà Nội, Hải Phòng, Quảng Ninh và nhiều tỉnh phía "
            "Bắc.</p>"
            "<p>Bão số 3 năm 2024 làm hư hỏng gần một nửa diện tích nhà màng của HTX. Được Liên "
            "minh HTX tỉnh hỗ trợ kết nối vay vốn ưu đãi 800 triệu đồng, HTX đã nhanh chóng khôi "
            "phục sản xuất, kịp cung ứng hoa cho thị trường Tết.</p>"
            "<p>Bên cạnh kênh bán buôn truyền thống, các thành viên trẻ của HTX tích cực bán hàng "
            "qua mạng xã hội và livestream, chiếm khoảng 30% doanh số. Thu nhập bình quân của "
            "thành viên đạt 9–10 triệu đồng/người/tháng.</p>"
            "<p>Thời gian tới, HTX dự kiến kết hợp sản xuất với du lịch trải nghiệm vườn hoa, cây "
            "cảnh và xây dựng sản phẩm cây cảnh tham gia Chương trình OCOP.</p>"
        ),
        "highlight": "",
        "author": "Minh Hằng",
        "source_name": "",
        "source_url": "",
        "category": "guong-htx-dien-hinh",
        "tags": ["Hoa cây cảnh", "Nam Trực", "OCOP"],
        "published": "2025-02-20 08:00",
        "featured": False,
    },
    {
        "title": "Tập huấn kỹ năng bán hàng trên sàn thương mại điện tử cho cán bộ HTX",
        "lead": (
            "Trong 2 ngày 09–10/04/2025, Liên minh HTX tỉnh tổ chức lớp tập huấn kỹ năng bán hàng "
            "trên sàn thương mại điện tử và livestream cho 80 học viên là cán bộ, thành viên các "
            "HTX trong tỉnh."
        ),
        "body": (
            "<p>Lớp tập huấn nằm trong kế hoạch hỗ trợ HTX chuyển đổi số năm 2025, nhằm giúp các "
            "HTX mở rộng kênh tiêu thụ sản phẩm, giảm phụ thuộc vào thương lái.</p>"
            "<p>Học viên được hướng dẫn cách mở gian hàng trên các sàn thương mại điện tử phổ biến "
            "như Shopee, TikTok Shop, Postmart; cách chụp ảnh sản phẩm bằng điện thoại, viết mô tả "
            "hấp dẫn, định giá, đóng gói và lựa chọn đơn vị vận chuyển. Các giảng viên cũng chia "
            "sẻ kinh nghiệm xây dựng kịch bản livestream, chăm sóc khách hàng và xử lý đánh giá "
            "tiêu cực.</p>"
            "<p>Buổi thực hành được tổ chức ngay tại lớp với các sản phẩm của chính HTX như gạo, "
            "nước mắm, muối sạch, mật ong. Nhiều học viên lần đầu tự tay livestream và đã chốt "
            "được những đơn hàng đầu tiên.</p>"
            "<blockquote>"
            "<p>“Trước đây tôi nghĩ bán hàng online là việc của người trẻ ở thành phố. Sau lớp "
            "học, HTX sẽ giao cho hai bạn trẻ chuyên trách gian hàng trực tuyến”, một học viên là "
            "Giám đốc HTX nông nghiệp chia sẻ.</p></blockquote>"
            "<p>Sau tập huấn, Liên minh HTX tỉnh tiếp tục hỗ trợ 30 HTX hoàn thiện gian hàng, gắn "
            "mã QR truy xuất nguồn gốc cho sản phẩm và kết nối với các chương trình khuyến mại "
            "trên sàn.</p>"
        ),
        "highlight": "",
        "author": "Quang Huy",
        "source_name": "",
        "source_url": "",
        "category": "xuc-tien-thuong-mai",
        "tags": ["Thương mại điện tử", "Chuyển đổi số", "Tập huấn"],
        "published": "2025-04-11 14:30",
        "featured": False,
    },
    {
        "title": "Thông báo rà soát nhu cầu vay vốn Quỹ hỗ trợ phát triển HTX năm 2025",
        "lead": (
            "Liên minh HTX tỉnh đề nghị các HTX, liên hiệp HTX, tổ hợp tác có nhu cầu vay vốn ưu "
            "đãi đăng ký trước ngày 20/06/2025 để tổng hợp, giới thiệu với Quỹ hỗ trợ phát triển "
            "HTX."
        ),
        "body": (
            "<p>Nhằm kịp thời hỗ trợ các HTX đầu tư, mở rộng sản xuất kinh doanh, Liên minh HTX "
            "tỉnh tổ chức rà soát nhu cầu vay vốn Quỹ hỗ trợ phát triển HTX năm 2025.</p>"
            "<h2>Đối tượng</h2>"
            "<p>Các HTX, liên hiệp HTX, tổ hợp tác đang hoạt động trên địa bàn tỉnh, có dự án hoặc "
            "phương án sản xuất kinh doanh khả thi.</p>"
            "<h2>Nội dung đăng ký</h2>"
            "<ul>"
            "<li>Tên dự án, phương án sản xuất kinh doanh; địa điểm thực hiện.</li>"
            "<li>Tổng vốn đầu tư, số vốn đề nghị vay, thời hạn vay.</li>"
            "<li>Tài sản bảo đảm tiền vay dự kiến.</li>"
            "<li>Hiệu quả dự kiến: doanh thu, lợi nhuận, số thành viên và lao động được hưởng "
            "lợi.</li></ul>"
            "<h2>Cách thức đăng ký</h2>"
            "<p>HTX điền phiếu đăng ký theo mẫu (nhận tại Văn phòng Liên minh HTX tỉnh hoặc tải "
            "tại mục Văn bản của Cổng thông tin), gửi trực tiếp hoặc qua thư điện tử trước ngày "
            "20/06/2025. Liên minh HTX tỉnh sẽ phối hợp với Sở Nông nghiệp và Môi trường khảo sát "
            "thực tế, hướng dẫn hoàn thiện hồ sơ đối với các dự án đủ điều kiện.</p>"
            "<p>Ưu tiên các dự án ứng dụng công nghệ cao, sản xuất theo chuỗi giá trị, sản phẩm "
            "OCOP và các HTX khôi phục sản xuất sau thiên tai.</p>"
        ),
        "highlight": "<p><strong>Hạn đăng ký:</strong> trước ngày 20/06/2025.</p>",
        "author": "Ngọc Lan",
        "source_name": "",
        "source_url": "",
        "category": "thong-bao",
        "tags": ["Vốn vay", "Quỹ hỗ trợ phát triển HTX"],
        "published": "2025-05-27 08:00",
        "featured": False,
    },
    {
        "title": (
            "Liên minh HTX ba tỉnh Nam Định, Hà Nam, Ninh Bình sẵn sàng hợp nhất từ ngày 01/07/2025"
        ),
        "lead": (
            "Thực hiện chủ trương sắp xếp đơn vị hành chính cấp tỉnh, Liên minh HTX các tỉnh Nam "
            "Định, Hà Nam, Ninh Bình đã thống nhất phương án hợp nhất thành Liên minh HTX tỉnh "
            "Ninh Bình, hoạt động từ ngày 01/07/2025."
        ),
        "body": (
            "<p>Ngày 23/06/2025, Liên minh HTX ba tỉnh tổ chức hội nghị triển khai phương án hợp "
            "nhất. Theo đó, Liên minh HTX tỉnh Ninh Bình (mới) kế thừa quyền, nghĩa vụ, tài sản, "
            "hồ sơ và các nguồn vốn hỗ trợ HTX của Liên minh HTX ba tỉnh trước đây.</p>"
            "<p>Các khoản vay của HTX từ Quỹ hỗ trợ phát triển HTX tiếp tục được thực hiện theo "
            "hợp đồng đã ký; HTX không phải làm lại thủ tục vay vốn. Các chương trình tập huấn, "
            "xúc tiến thương mại đã được phê duyệt trong năm 2025 vẫn được triển khai theo kế "
            "hoạch.</p>"
            "<p>Cùng với việc tổ chức chính quyền địa phương hai cấp, không còn cấp huyện, công "
            "tác theo dõi, hỗ trợ HTX sẽ được thực hiện trực tiếp với UBND các xã, phường. Liên "
            "minh HTX tỉnh đề nghị các HTX cập nhật thông tin liên hệ, địa chỉ trụ sở theo tên đơn "
            "vị hành chính mới để thuận tiện trong liên lạc.</p>"
            "<blockquote>"
            "<p>“Sắp xếp bộ máy là cơ hội để các HTX của ba địa phương liên kết, bổ trợ cho nhau, "
            "hình thành thị trường lớn hơn cho sản phẩm của thành viên”, Chủ tịch Liên minh HTX "
            "tỉnh nhấn mạnh.</p></blockquote>"
            "<p>Trong giai đoạn đầu, trụ sở Liên minh HTX tỉnh Nam Định trước đây tiếp tục được sử "
            "dụng làm điểm tiếp nhận, hỗ trợ các HTX khu vực Nam Định cũ.</p>"
        ),
        "highlight": "",
        "author": "Hoàng Anh",
        "source_name": "",
        "source_url": "",
        "category": "tin-tuc-su-kien",
        "tags": ["Sắp xếp bộ máy", "Hội nghị", "Liên minh HTX"],
        "published": "2025-06-24 09:00",
        "featured": False,
    },
    {
        "title": "HTX có phải làm thủ tục thay đổi địa chỉ trụ sở sau sắp xếp đơn vị hành chính?",
        "lead": (
            "Từ ngày 01/07/2025, tỉnh Ninh Bình (mới) chính thức hoạt động trên cơ sở hợp nhất ba "
            "tỉnh Ninh Bình, Hà Nam, Nam Định; chính quyền địa phương tổ chức theo mô hình hai "
            "cấp. Nhiều HTX băn khoăn về việc cập nhật địa chỉ trụ sở trên giấy tờ."
        ),
        "body": (
            "<p>Sau khi sắp xếp, địa chỉ trụ sở của phần lớn HTX đã thay đổi tên tỉnh, không còn "
            "tên huyện và tên xã, phường có thể thay đổi. Liên minh HTX tỉnh thông tin một số nội "
            "dung để các HTX yên tâm hoạt động.</p>"
            "<h2>Giấy chứng nhận đăng ký HTX vẫn có giá trị</h2>"
            "<p>Việc thay đổi tên, địa giới đơn vị hành chính không làm thay đổi tư cách pháp lý "
            "của HTX. Giấy chứng nhận đăng ký HTX đã được cấp tiếp tục có giá trị; HTX không bắt "
            "buộc phải làm thủ tục đăng ký thay đổi địa chỉ trụ sở chỉ vì lý do sắp xếp đơn vị "
            "hành chính.</p>"
            "<h2>Khi nào nên cập nhật?</h2>"
            "<p>HTX có thể cập nhật địa chỉ mới khi có nhu cầu hoặc khi thực hiện thủ tục thay đổi "
            "nội dung đăng ký khác (thay đổi người đại diện theo pháp luật, ngành nghề, vốn điều "
            "lệ...). Để được hướng dẫn cụ thể, HTX liên hệ cơ quan đăng ký HTX theo quy định hoặc "
            "Liên minh HTX tỉnh.</p>"
            "<h2>Những việc HTX nên làm ngay</h2>"
            "<ul>"
            "<li>Thông báo địa chỉ theo tên đơn vị hành chính mới tới ngân hàng, khách hàng, đối "
            "tác.</li>"
            "<li>Cập nhật thông tin trên biển hiệu, bao bì, nhãn sản phẩm và gian hàng trực tuyến "
            "khi in ấn, thay mới.</li>"
            "<li>Kiểm tra thông tin trên hóa đơn điện tử, hợp đồng ký mới để bảo đảm thống "
            "nhất.</li></ul>"
            "<p>Mọi vướng mắc trong quá trình thực hiện, các HTX có thể phản ánh qua chuyên mục "
            "Hỏi – đáp của Cổng thông tin hoặc liên hệ trực tiếp Văn phòng Liên minh HTX tỉnh.</p>"
        ),
        "highlight": "",
        "author": "Phương Thảo",
        "source_name": "",
        "source_url": "",
        "category": "chinh-sach-phap-luat",
        "tags": ["Đăng ký HTX", "Sắp xếp đơn vị hành chính", "Chính sách"],
        "published": "2025-07-15 08:30",
        "featured": False,
    },
    {
        "title": "HTX Thủy sản Giao Hải Xanh: Nuôi ngao theo chuẩn, hướng tới xuất khẩu",
        "lead": (
            "Trên vùng bãi bồi ven biển xã Giao Hòa, tỉnh Ninh Bình (mới), HTX Thủy sản Giao Hải "
            "Xanh đang quản lý 95 ha bãi nuôi ngao theo quy trình an toàn, liên kết tiêu thụ với "
            "doanh nghiệp chế biến xuất khẩu."
        ),
        "body": (
            "<p>HTX Thủy sản Giao Hải Xanh có 62 thành viên, phần lớn là các hộ có nhiều năm gắn "
            "bó với nghề nuôi ngao ven biển khu vực Giao Thủy cũ. Thay vì mỗi hộ tự nuôi, tự bán "
            "như trước, HTX tổ chức quản lý chung vùng bãi, thống nhất lịch thả giống, mật độ nuôi "
            "và thời điểm thu hoạch.</p>"
            "<p>HTX phân công các tổ bảo vệ bãi nuôi theo ca, theo dõi môi trường nước và cảnh báo "
            "sớm khi thời tiết bất thường. Toàn bộ vùng nuôi đã được chứng nhận VietGAP. Sản lượng "
            "ngao thương phẩm bình quân đạt khoảng 2.800 tấn/năm; doanh thu năm 2024 khoảng 47 tỷ "
            "đồng.</p>"
            "<p>Nhờ sản lượng ổn định và chất lượng đồng đều, HTX ký hợp đồng bao tiêu dài hạn với "
            "doanh nghiệp chế biến xuất khẩu sang thị trường châu Âu và Nhật Bản. Thu nhập bình "
            "quân của thành viên đạt 9–10 triệu đồng/người/tháng.</p>"
            "<blockquote>"
            "<p>“Làm chung thì giữ được bãi, giữ được giá. Doanh nghiệp cũng yên tâm vì biết rõ "
            "ngao được nuôi thế nào, ở đâu”, Giám đốc HTX cho biết.</p></blockquote>"
            "<p>Sau khi tỉnh Ninh Bình (mới) đi vào hoạt động, Liên minh HTX tỉnh phối hợp với "
            "UBND xã Giao Hòa hỗ trợ HTX hoàn thiện hồ sơ sản phẩm ngao sạch đóng gói hút chân "
            "không tham gia Chương trình OCOP, đồng thời giới thiệu sản phẩm tại các hội chợ trong "
            "và ngoài tỉnh.</p>"
        ),
        "highlight": "",
        "author": "Đức Thắng",
        "source_name": "",
        "source_url": "",
        "category": "guong-htx-dien-hinh",
        "tags": ["Thủy sản", "Nuôi ngao", "Kinh tế biển"],
        "published": "2025-08-21 08:00",
        "featured": False,
    },
    {
        "title": "Liên minh HTX tỉnh Ninh Bình triển khai nhiệm vụ những tháng cuối năm 2025",
        "lead": (
            "Ngày 29/09/2025, Liên minh HTX tỉnh Ninh Bình tổ chức hội nghị sơ kết hoạt động 9 "
            "tháng năm 2025, hội nghị đầu tiên sau khi hợp nhất Liên minh HTX ba tỉnh Ninh Bình, "
            "Hà Nam, Nam Định."
        ),
        "body": (
            "<p>Theo số liệu tổng hợp ban đầu, tỉnh Ninh Bình (mới) có hơn 1.100 HTX, 5 liên hiệp "
            "HTX và trên 3.000 tổ hợp tác, hoạt động trong nhiều lĩnh vực: nông nghiệp, thủy sản, "
            "làm muối, tiểu thủ công nghiệp, thương mại, dịch vụ, du lịch và môi trường.</p>"
            "<p>Ba tháng sau hợp nhất, bộ máy của Liên minh HTX tỉnh đã đi vào ổn định; hoạt động "
            "tư vấn, hỗ trợ HTX không bị gián đoạn. Liên minh HTX tỉnh đã phối hợp với UBND các "
            "xã, phường cập nhật dữ liệu HTX theo đơn vị hành chính mới; đề nghị mỗi xã, phường "
            "phân công công chức theo dõi lĩnh vực kinh tế tập thể làm đầu mối phối hợp.</p>"
            "<h2>Nhiệm vụ những tháng cuối năm</h2>"
            "<ul>"
            "<li>Phấn đấu hoàn thành các chỉ tiêu năm 2025 theo kế hoạch của UBND tỉnh: thành lập "
            "mới 20 HTX, có thêm 15 sản phẩm OCOP của HTX, thu nhập bình quân người lao động trong "
            "HTX đạt 4,2 triệu đồng/tháng.</li>"
            "<li>Rà soát các HTX ngừng hoạt động, hướng dẫn giải thể theo quy định.</li>"
            "<li>Hỗ trợ các HTX nông nghiệp tổ chức sản xuất vụ đông, chủ động phòng chống thiên "
            "tai.</li>"
            "<li>Tổ chức Hội chợ OCOP và sản phẩm HTX tỉnh Ninh Bình năm 2025.</li>"
            "<li>Triển khai phần mềm quản lý thông tin HTX dùng chung trên toàn tỉnh.</li></ul>"
            "<p>Đại diện Sở Nông nghiệp và Môi trường đề nghị Liên minh HTX tỉnh tiếp tục phát huy "
            "vai trò cầu nối giữa HTX với chính quyền cấp xã, kịp thời phản ánh khó khăn, vướng "
            "mắc của HTX trong giai đoạn đầu vận hành chính quyền địa phương hai cấp.</p>"
        ),
        "highlight": "",
        "author": "Quang Huy",
        "source_name": "",
        "source_url": "",
        "category": "tin-tuc-su-kien",
        "tags": ["Kinh tế tập thể", "Hội nghị", "Chính quyền hai cấp"],
        "published": "2025-09-30 09:30",
        "featured": False,
    },
    {
        "title": "Sôi động Hội chợ OCOP và sản phẩm HTX tỉnh Ninh Bình năm 2025",
        "lead": (
            "Diễn ra từ ngày 10 đến 14/11/2025 với 180 gian hàng, hội chợ là dịp đầu tiên sản phẩm "
            "của các HTX từ ba khu vực Ninh Bình, Hà Nam, Nam Định cũ cùng hội tụ sau khi hợp nhất "
            "tỉnh."
        ),
        "body": (
            "<p>Hội chợ do Liên minh HTX tỉnh phối hợp với Sở Công Thương, Sở Nông nghiệp và Môi "
            "trường tổ chức, thu hút hơn 150 HTX, doanh nghiệp và cơ sở sản xuất tham gia. Trong "
            "đó có 96 sản phẩm đã đạt chuẩn OCOP từ 3 sao trở lên.</p>"
            "<p>Du khách có dịp thưởng thức, mua sắm nhiều đặc sản nổi tiếng: gạo tám, nếp cái hoa "
            "vàng, muối sạch, ngao, nước mắm của khu vực ven biển; cơm cháy, thịt dê, sản phẩm cói "
            "của khu vực Ninh Bình cũ; cá kho làng Vũ Đại, lụa Nha Xá của khu vực Hà Nam cũ; cùng "
            "đồ gỗ mỹ nghệ, hoa, cây cảnh của các làng nghề.</p>"
            "<p>Khu trưng bày chuyển đổi số giới thiệu các sản phẩm đã gắn mã QR truy xuất nguồn "
            "gốc và gian hàng trực tuyến của HTX. Mỗi tối, các nhóm thanh niên của HTX livestream "
            "bán hàng ngay tại hội chợ, thu hút hàng nghìn lượt xem.</p>"
            "<p>Tại hội nghị kết nối cung cầu bên lề, 22 thỏa thuận hợp tác được ký kết giữa các "
            "HTX với doanh nghiệp phân phối, chuỗi cửa hàng và đơn vị du lịch. Ban tổ chức ước "
            "tính hội chợ đón khoảng 50.000 lượt khách, doanh thu đạt khoảng 4,5 tỷ đồng.</p>"
            "<blockquote>"
            "<p>“Cùng một tỉnh, thị trường rộng hơn, các HTX có thể bổ sung sản phẩm cho nhau để "
            "cùng đưa vào siêu thị, khu du lịch”, Chủ tịch Liên minh HTX tỉnh chia "
            "sẻ.</p></blockquote>"
        ),
        "highlight": "",
        "author": "Thu Trang",
        "source_name": "",
        "source_url": "",
        "category": "xuc-tien-thuong-mai",
        "tags": ["Hội chợ", "OCOP", "Xúc tiến thương mại"],
        "published": "2025-11-12 17:00",
        "featured": True,
    },
    {
        "title": (
            "Thông báo tổ chức Hội nghị tổng kết công tác năm 2025, triển khai nhiệm vụ năm 2026"
        ),
        "lead": (
            "Liên minh HTX tỉnh thông báo tổ chức Hội nghị tổng kết công tác năm 2025, triển khai "
            "nhiệm vụ năm 2026 vào 08 giờ 00 ngày 23/01/2026."
        ),
        "body": (
            "<p>Thực hiện chương trình công tác năm, Liên minh HTX tỉnh tổ chức hội nghị tổng kết "
            "nhằm đánh giá kết quả hoạt động năm 2025, năm đầu tiên sau hợp nhất, và thống nhất "
            "nhiệm vụ trọng tâm năm 2026.</p>"
            "<h2>Thời gian, địa điểm</h2>"
            "<p>Từ 08 giờ 00 đến 11 giờ 30 ngày 23/01/2026 (thứ Sáu), tại Hội trường Liên minh HTX "
            "tỉnh.</p>"
            "<h2>Thành phần</h2>"
            "<ul>"
            "<li>Lãnh đạo các sở, ngành liên quan; đại diện UBND các xã, phường có nhiều HTX hoạt "
            "động.</li>"
            "<li>Ban Chấp hành Liên minh HTX tỉnh.</li>"
            "<li>Giám đốc các HTX, liên hiệp HTX tiêu biểu được mời.</li></ul>"
            "<h2>Nội dung</h2>"
            "<ul>"
            "<li>Báo cáo tổng kết công tác năm 2025, phương hướng nhiệm vụ năm 2026.</li>"
            "<li>Tham luận của các HTX điển hình về chuyển đổi số, liên kết chuỗi giá trị.</li>"
            "<li>Khen thưởng các tập thể, cá nhân có thành tích xuất sắc năm 2025.</li></ul>"
            "<p>Các HTX đăng ký tham luận gửi bài về Văn phòng Liên minh HTX tỉnh trước ngày "
            "19/01/2026. Đề nghị các đại biểu sắp xếp thời gian dự hội nghị đầy đủ, đúng giờ.</p>"
        ),
        "highlight": "",
        "author": "Văn Quang",
        "source_name": "",
        "source_url": "",
        "category": "thong-bao",
        "tags": ["Hội nghị", "Tổng kết"],
        "published": "2026-01-14 15:00",
        "featured": False,
    },
    {
        "title": "HTX Mộc mỹ nghệ Tân Xuyên: Đưa đồ gỗ làng nghề La Xuyên vươn xa",
        "lead": (
            "Từ làng nghề chạm khắc gỗ truyền thống La Xuyên, HTX Mộc mỹ nghệ Tân Xuyên đang từng "
            "bước chuẩn hóa sản xuất, đưa sản phẩm đồ gỗ tinh xảo ra thị trường trong nước và quốc "
            "tế."
        ),
        "body": (
            "<p>La Xuyên là làng nghề gỗ mỹ nghệ có lịch sử hàng trăm năm ở khu vực Ý Yên cũ. HTX "
            "Mộc mỹ nghệ Tân Xuyên được thành lập năm 2019 với 40 thành viên là các chủ xưởng, "
            "nghệ nhân trong làng, tạo việc làm thường xuyên cho khoảng 150 lao động.</p>"
            "<p>Sản phẩm của HTX gồm tượng gỗ, sập, tủ chè, đồ thờ và các mặt hàng quà tặng nhỏ "
            "như hộp gỗ, tranh gỗ. HTX cam kết chỉ sử dụng gỗ có nguồn gốc hợp pháp; đầu tư máy "
            "CNC cho các công đoạn thô để người thợ tập trung vào khâu chạm khắc tinh, tạo nên giá "
            "trị riêng của sản phẩm làng nghề.</p>"
            "<p>Năm 2025, doanh thu của HTX đạt khoảng 18,5 tỷ đồng. Ngoài thị trường trong nước, "
            "HTX đã có các đơn hàng đồ gỗ nội thất, quà tặng xuất sang Nhật Bản và Hàn Quốc. Thu "
            "nhập của người thợ đạt 8–12 triệu đồng/người/tháng tùy tay nghề. Sản phẩm hộp quà gỗ "
            "chạm khắc của HTX được công nhận đạt chuẩn OCOP 4 sao.</p>"
            "<blockquote>"
            "<p>“Giữ nghề thì phải có người trẻ theo nghề. HTX mở lớp truyền nghề miễn phí và nhận "
            "học viên vào làm ngay khi đủ tay nghề”, Giám đốc HTX cho biết.</p></blockquote>"
            "<p>Liên minh HTX tỉnh đánh giá HTX Mộc mỹ nghệ Tân Xuyên là mô hình tiêu biểu trong "
            "việc gắn bảo tồn làng nghề với sản xuất hàng hóa. Thời gian tới, Liên minh HTX tỉnh "
            "sẽ hỗ trợ HTX tham gia hội chợ quốc tế và phát triển tour du lịch trải nghiệm làng "
            "nghề.</p>"
        ),
        "highlight": "",
        "author": "Minh Hằng",
        "source_name": "",
        "source_url": "",
        "category": "guong-htx-dien-hinh",
        "tags": ["Làng nghề", "Đồ gỗ mỹ nghệ", "Xuất khẩu"],
        "published": "2026-03-18 08:00",
        "featured": True,
    },
    {
        "title": "Kết nối đưa nông sản HTX vào siêu thị và bếp ăn tập thể",
        "lead": (
            "Ngày 19/05/2026, Liên minh HTX tỉnh phối hợp với Sở Công Thương tổ chức hội nghị kết "
            "nối cung cầu nông sản với sự tham gia của 65 HTX và 30 doanh nghiệp phân phối, chuỗi "
            "siêu thị, đơn vị cung cấp suất ăn công nghiệp."
        ),
        "body": (
            "<p>Các HTX mang tới hội nghị nhiều nhóm sản phẩm có sản lượng lớn, ổn định như gạo, "
            "rau an toàn, thịt lợn, trứng gia cầm, thủy sản, muối sạch. Nhiều doanh nghiệp cung "
            "cấp suất ăn cho công nhân tại các khu công nghiệp trong tỉnh bày tỏ mong muốn có "
            "nguồn hàng tại chỗ, giao hàng hằng ngày.</p>"
            "<p>Theo các doanh nghiệp, để vào được kênh siêu thị và bếp ăn tập thể, sản phẩm của "
            "HTX cần có giấy chứng nhận an toàn thực phẩm, truy xuất được nguồn gốc, bảo đảm sản "
            "lượng và chất lượng đồng đều quanh năm; bao bì, nhãn mác phải đúng quy định.</p>"
            "<blockquote>"
            "<p>“Chúng tôi cần đối tác giữ đúng cam kết về số lượng và thời gian giao hàng. HTX "
            "làm được điều đó sẽ có thị trường ổn định lâu dài”, đại diện một doanh nghiệp suất ăn "
            "công nghiệp cho biết.</p></blockquote>"
            "<p>Tại hội nghị, 28 biên bản ghi nhớ hợp tác đã được ký kết. Liên minh HTX tỉnh cho "
            "biết sẽ hỗ trợ một phần chi phí chứng nhận VietGAP, chứng nhận an toàn thực phẩm cho "
            "các HTX tham gia chuỗi; đồng thời theo dõi việc thực hiện các thỏa thuận để kịp thời "
            "tháo gỡ vướng mắc.</p>"
        ),
        "highlight": "",
        "author": "Ngọc Lan",
        "source_name": "",
        "source_url": "",
        "category": "xuc-tien-thuong-mai",
        "tags": ["Kết nối cung cầu", "Nông sản", "Xúc tiến thương mại"],
        "published": "2026-05-20 09:00",
        "featured": False,
    },
    {
        "title": "Phổ biến pháp luật về HTX cho cán bộ xã, phường phụ trách kinh tế tập thể",
        "lead": (
            "Ngày 11/08/2026, Liên minh HTX tỉnh tổ chức hội nghị phổ biến Luật Hợp tác xã năm "
            "2023 và các chính sách hỗ trợ phát triển kinh tế tập thể cho gần 200 cán bộ phụ trách "
            "lĩnh vực kinh tế của các xã, phường trong tỉnh."
        ),
        "body": (
            "<p>Từ khi chính quyền địa phương hai cấp đi vào hoạt động, UBND cấp xã đảm nhận nhiều "
            "nhiệm vụ trước đây của cấp huyện trong theo dõi, hướng dẫn, hỗ trợ tổ hợp tác, HTX "
            "trên địa bàn. Nhiều cán bộ mới được phân công nên còn lúng túng khi giải quyết các "
            "vấn đề thực tiễn.</p>"
            "<p>Tại hội nghị, báo cáo viên đã giới thiệu những nội dung cơ bản của Luật Hợp tác xã "
            "năm 2023: các loại hình tổ chức kinh tế hợp tác; quyền, nghĩa vụ của thành viên; mô "
            "hình tổ chức quản trị; giao dịch nội bộ và phân phối thu nhập; giải thể, phá sản "
            "HTX.</p>"
            "<h2>Chính sách hỗ trợ HTX</h2>"
            "<p>Các chính sách hỗ trợ HTX được giới thiệu gồm: đào tạo, bồi dưỡng nguồn nhân lực; "
            "ứng dụng khoa học, công nghệ và chuyển đổi số; xúc tiến thương mại, mở rộng thị "
            "trường; tiếp cận vốn và Quỹ hỗ trợ phát triển HTX; đầu tư kết cấu hạ tầng; hỗ trợ "
            "riêng đối với HTX nông nghiệp về chế biến sản phẩm, giống cây trồng, vật nuôi.</p>"
            "<h2>Giải đáp vướng mắc từ cơ sở</h2>"
            "<p>Nhiều ý kiến của cán bộ xã, phường tập trung vào việc xử lý các HTX ngừng hoạt "
            "động nhưng chưa giải thể, thủ tục hỗ trợ tổ hợp tác chuyển thành HTX và việc bố trí "
            "mặt bằng sản xuất cho HTX. Các câu hỏi đã được đại diện Liên minh HTX tỉnh và Sở Nông "
            "nghiệp và Môi trường giải đáp trực tiếp.</p>"
            "<p>Liên minh HTX tỉnh đề nghị các xã, phường cập nhật thường xuyên thông tin HTX trên "
            "địa bàn vào hệ thống dữ liệu dùng chung, làm cơ sở đánh giá, phân loại và xây dựng "
            "chính sách hỗ trợ sát với thực tế.</p>"
        ),
        "highlight": "",
        "author": "Hoàng Anh",
        "source_name": "",
        "source_url": "",
        "category": "chinh-sach-phap-luat",
        "tags": ["Luật Hợp tác xã", "Chính sách", "Chính quyền hai cấp"],
        "published": "2026-08-12 10:00",
        "featured": False,
    },
    {
        "title": (
            "Thông báo chiêu sinh các lớp bồi dưỡng cán bộ quản lý HTX và chuyển đổi số năm 2026"
        ),
        "lead": (
            "Liên minh HTX tỉnh thông báo chiêu sinh 3 lớp bồi dưỡng dành cho cán bộ quản lý, kế "
            "toán và thành viên các HTX, tổ chức từ tháng 11/2026; hạn đăng ký trước ngày "
            "10/11/2026."
        ),
        "body": (
            "<p>Nhằm nâng cao năng lực quản trị và khả năng ứng dụng công nghệ số cho đội ngũ cán "
            "bộ HTX, Liên minh HTX tỉnh tổ chức các lớp bồi dưỡng như sau:</p>"
            "<h2>Các lớp bồi dưỡng</h2>"
            "<ul>"
            "<li><strong>Lớp quản trị HTX</strong> (ngày 17–19/11/2026): dành cho Giám đốc, thành "
            "viên Hội đồng quản trị; nội dung gồm xây dựng phương án sản xuất kinh doanh, quản trị "
            "tài chính, liên kết chuỗi giá trị.</li>"
            "<li><strong>Lớp kế toán HTX</strong> (ngày 24–26/11/2026): dành cho kế toán HTX; nội "
            "dung gồm chế độ kế toán, hạch toán giao dịch nội bộ, hóa đơn điện tử, phần mềm kế "
            "toán.</li>"
            "<li><strong>Lớp chuyển đổi số</strong> (ngày 01–03/12/2026): dành cho cán bộ, thành "
            "viên trẻ; nội dung gồm phần mềm quản lý HTX, truy xuất nguồn gốc, bán hàng trực "
            "tuyến.</li></ul>"
            "<h2>Địa điểm</h2>"
            "<p>Các lớp được tổ chức tại Hội trường Liên minh HTX tỉnh. Căn cứ số lượng đăng ký, "
            "Liên minh HTX tỉnh có thể mở thêm điểm học tại khu vực Nam Định cũ và Hà Nam cũ để "
            "thuận tiện cho học viên.</p>"
            "<h2>Đăng ký</h2>"
            "<p>HTX gửi danh sách học viên (họ tên, chức vụ, số điện thoại) về Văn phòng Liên minh "
            "HTX tỉnh trực tiếp hoặc qua thư điện tử. Học viên không phải đóng học phí, được cấp "
            "tài liệu và giấy chứng nhận hoàn thành khóa học.</p>"
        ),
        "highlight": (
            "<p><strong>Hạn đăng ký:</strong> trước 17 giờ 00 ngày 10/11/2026.</p>"
            "<p>Mỗi HTX đăng ký tối đa 03 học viên cho mỗi lớp.</p>"
        ),
        "author": "Thu Trang",
        "source_name": "",
        "source_url": "",
        "category": "thong-bao",
        "tags": ["Tập huấn", "Chuyển đổi số"],
        "published": "2026-10-28 14:00",
        "featured": False,
    },
]
