"""The alliance's own articles from 01/07/2025, oldest first: tỉnh Ninh Bình (mới), its communes
and wards, the districts having been abolished."""

# Articles of the alliance itself, oldest first, from the provinces' merger of 01/07/2025.
AFTER_MERGER: list[dict] = [
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
            "Trên vùng bãi bồi ven biển xã Giao Phúc, tỉnh Ninh Bình (mới), HTX Thủy sản Giao Hải "
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
            "UBND xã Giao Phúc hỗ trợ HTX hoàn thiện hồ sơ sản phẩm ngao sạch đóng gói hút chân "
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
        "organizations": ["HTX Thủy sản Giao Hải Xanh"],
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
        "organizations": ["HTX Mộc mỹ nghệ Tân Xuyên"],
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
