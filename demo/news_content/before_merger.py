"""The alliance's own articles before 01/07/2025, oldest first: tỉnh Nam Định and its districts."""

# Articles of the alliance itself, oldest first, up to the provinces' merger of 01/07/2025.
BEFORE_MERGER: list[dict] = [
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
        "title": "HTX Nông nghiệp Yên Cường: Liên kết cánh đồng lớn, nâng giá trị hạt gạo",
        "lead": (
            "Từ một HTX làm dịch vụ thủy lợi, điện truyền thống, HTX Nông nghiệp Yên Cường (huyện "
            "Ý Yên) đã mạnh dạn tổ chức sản xuất lúa chất lượng cao theo chuỗi, giúp thành viên "
            "tăng thu nhập 15–20% so với sản xuất nhỏ lẻ."
        ),
        "body": (
            "<p>HTX Nông nghiệp Yên Cường hiện có 1.150 hộ thành viên với tổng diện tích canh tác "
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
        "organizations": ["HTX Nông nghiệp Yên Cường"],
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
        "title": "HTX Diêm nghiệp Hải Đông: Giữ nghề muối, nâng giá trị hạt muối Hải Hậu",
        "lead": (
            "Trong khi nhiều diêm dân bỏ nghề vì giá muối thấp, HTX Diêm nghiệp Hải Đông (huyện "
            "Hải Hậu) đã tìm hướng đi mới với các sản phẩm muối sạch, muối tinh sấy, nâng thu nhập "
            "cho thành viên."
        ),
        "body": (
            "<p>HTX Diêm nghiệp Hải Đông có 86 thành viên, sản xuất trên diện tích 32 ha đồng muối "
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
        "organizations": ["HTX Diêm nghiệp Hải Đông"],
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
            "<p>Nam Trực vốn nổi tiếng với nghề trồng hoa, cây cảnh, nhất là làng hoa Vị Khê. HTX "
            "Hoa cây cảnh Nam Điền được thành lập năm 2018 với 45 thành viên, sản xuất tập trung "
            "trên diện tích 18 ha. Các sản phẩm chủ lực của HTX gồm cúc, lily, hoa lan, đào thế, "
            "quất cảnh và cây thế bonsai.</p>"
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
        "organizations": ["HTX Hoa cây cảnh Nam Điền"],
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
]
