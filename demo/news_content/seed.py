"""The five seed articles, real articles of provincial cooperative alliances' and newspapers'
websites, in the order of the seed files 000..004 (see the package's docstring)."""

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
