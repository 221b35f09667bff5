"""The kinds of OCOP product the demonstration province makes: pure data, no Django imports.

Each kind names its products (``{}`` takes the maker's place: its commune, or the village
its name carries), its OCOP group, the activities of the HTX that make it (the words of
their names, as in ``demo.data.HTX_SECTORS``), the picture a buyer sees
(``demo.product_photos``; "" for none) and a few sentences for buyers: raw material, how it
is made, packaging. Nam Định's own: Tám xoan rice of Hải Hậu, nem nắm of Giao Thủy, salt of
Bạch Long, fish sauce of the coast, carved wood of La Xuyên, bronze of Tống Xá, embroidery.
"""

from typing import NamedTuple


class ProductKind(NamedTuple):
    name: str  # "Gạo Tám xoan {}"
    group: str  # OcopProduct.Group
    makers: tuple[str, ...]  # activities in HTX names
    picture: str  # a key of demo.product_photos.PICTURES, or ""
    description: str


RICE = ("Dịch vụ nông nghiệp", "Nông nghiệp", "Sản xuất và tiêu thụ lúa giống")
PROCESSING = ("Chế biến nông sản",)
SEA = ("Chế biến nước mắm", "Nuôi trồng thủy sản")
SALT = ("Sản xuất muối",)
HERBS = ("Dược liệu", "Chế biến nông sản")

# fmt: off
KINDS: tuple[ProductKind, ...] = (
    ProductKind(
        "Gạo Tám xoan {}", "food", RICE, "rice",
        "Lúa Tám xoan cấy một vụ mùa trên chân ruộng phù sa, gặt khi chín đều, phơi khô tự "
        "nhiên rồi xay xát, đánh bóng nhẹ. Hạt gạo nhỏ, dài, hơi đục ở bụng; cơm dẻo, thơm, "
        "để nguội vẫn mềm. Đóng túi hút chân không 2 kg và 5 kg, có tem truy xuất nguồn gốc.",
    ),
    ProductKind(
        "Gạo nếp cái hoa vàng {}", "food", RICE, "rice",
        "Nếp cái hoa vàng cấy vụ mùa từ giống thuần của địa phương, gặt khi bông lúa vàng đều, "
        "phơi trên sân gạch. Hạt nếp tròn, mẩy; đồ xôi dẻo, thơm, dùng gói bánh chưng, nấu "
        "rượu, làm bánh. Đóng túi 1 kg, 2 kg và bao 10 kg.",
    ),
    ProductKind(
        "Gạo Bắc thơm số 7 {}", "food", RICE, "rice",
        "Gạo Bắc thơm số 7 sản xuất trên cánh đồng lớn theo quy trình canh tác an toàn, ghi "
        "nhật ký đồng ruộng, thu hoạch bằng máy và sấy ngay trong ngày. Cơm mềm, thơm nhẹ, "
        "hợp bữa cơm gia đình và bếp ăn tập thể. Đóng túi 5 kg và bao 25 kg.",
    ),
    ProductKind(
        "Nước mắm {}", "food", SEA, "bottle",
        "Cá cơm, cá trích đánh bắt ven bờ được trộn muối biển ngay trên thuyền, ủ chượp trong "
        "thùng gỗ từ 12 tháng trở lên rồi kéo rút, lọc trong; không pha phụ gia. Nước mắm màu "
        "cánh gián, độ đạm 25 đến 35 độ, vị mặn đậm, hậu ngọt. Đóng chai thủy tinh 500 ml và "
        "can 2 lít.",
    ),
    ProductKind(
        "Mắm tôm {}", "food", SEA, "jar",
        "Tôm moi đánh bắt vùng cửa sông được rửa sạch, trộn muối, giã nhuyễn rồi phơi nắng, "
        "ủ trong chum sành từ hai đến ba tháng. Mắm màu tím hồng, mịn, thơm đặc trưng, dùng "
        "chấm và nêm canh. Đóng hũ nhựa thực phẩm 250 g và 500 g.",
    ),
    ProductKind(
        "Ngao sạch {}", "food", ("Nuôi trồng thủy sản",), "clams",
        "Ngao trắng nuôi trên bãi triều ven biển theo quy trình VietGAP, thu hoạch khi đạt "
        "60 đến 80 con/kg, nhả cát trong bể nước biển lọc ít nhất 12 giờ trước khi đóng gói. "
        "Bán ngao tươi túi lưới 2 kg và ngao làm sạch đông lạnh, hút chân không túi 500 g.",
    ),
    ProductKind(
        "Tôm khô {}", "food", ("Nuôi trồng thủy sản",), "jar",
        "Tôm rảo, tôm he nuôi trong ao nước lợ ven biển, luộc qua nước muối nhạt, sấy bằng "
        "máy sấy nhiệt rồi tách vỏ. Tôm khô màu đỏ cam tự nhiên, chắc thịt, ngọt; không phẩm "
        "màu, không chất bảo quản. Đóng hũ 200 g và túi zip 500 g.",
    ),
    ProductKind(
        "Muối sạch {}", "food", SALT, "salt",
        "Nước biển được phơi trên ô kết tinh trải bạt, muối cào ngay trong ngày nắng, rửa lại "
        "bằng nước chạt và để ráo tự nhiên trong kho. Hạt muối trắng, khô, ít tạp chất, vị "
        "mặn dịu. Đóng túi 500 g, 1 kg và bao 25 kg cho bếp ăn, cơ sở chế biến.",
    ),
    ProductKind(
        "Muối tinh sấy {}", "food", SALT, "salt",
        "Muối hạt của đồng muối ven biển được hòa tan, lọc, kết tinh lại, sấy khô và nghiền "
        "mịn, bổ sung i-ốt theo quy định. Hạt muối mịn, trắng, tơi, không vón cục. Đóng túi "
        "500 g và hộp nhựa 300 g có nắp rắc.",
    ),
    ProductKind(
        "Nem nắm {}", "food", ("Chế biến nông sản", "Chăn nuôi"), "parcels",
        "Thịt lợn nạc và bì lợn thái chỉ, trộn thính gạo rang, tỏi, ớt, nắm thành từng nắm "
        "nhỏ, lót lá đinh lăng, gói lá chuối rồi ủ chua tự nhiên hai đến ba ngày. Nem chua "
        "nhẹ, thơm mùi thính. Bán theo chục nắm, đóng hộp giấy, bảo quản ngăn mát.",
    ),
    ProductKind(
        "Bánh gai {}", "food", PROCESSING, "parcels",
        "Vỏ bánh từ bột nếp cái hoa vàng trộn lá gai giã nhuyễn và mật mía; nhân đỗ xanh, "
        "dừa, lạc, vừng, bí đao và mỡ lợn. Bánh gói lá chuối khô, buộc lạt, hấp chín bốn đến "
        "năm giờ. Đóng túi 10 chiếc, dùng trong 5 ngày.",
    ),
    ProductKind(
        "Giò bò {}", "food", ("Chế biến nông sản", "Chăn nuôi"), "parcels",
        "Thịt bò tươi lọc gân, giã nhuyễn với nước mắm ngon và tiêu, gói chặt trong lá chuối "
        "rồi luộc chín. Giò dai, giòn, thơm mùi bò và lá chuối. Bán khoanh 500 g và 1 kg, "
        "hút chân không, bảo quản ngăn mát đến 7 ngày.",
    ),
    ProductKind(
        "Bánh nhãn {}", "food", PROCESSING, "pouch",
        "Bột gạo nếp trộn trứng gà, đường, mỡ lợn, viên tròn bằng hạt nhãn rồi rán giòn hai "
        "lần và phủ lớp đường mỏng. Bánh vàng ươm, giòn xốp, ngọt vừa. Đóng túi giấy có cửa "
        "sổ 300 g và hộp quà 500 g.",
    ),
    ProductKind(
        "Kẹo lạc {}", "food", PROCESSING, "pouch",
        "Lạc hạt nhỏ rang chín, bóc vỏ lụa, trộn vừng và mạch nha nấu với đường kính, cán "
        "mỏng rồi cắt thanh khi còn ấm. Kẹo giòn, thơm bùi, không dính răng. Đóng túi 250 g "
        "và hộp giấy 500 g.",
    ),
    ProductKind(
        "Chè lam {}", "food", PROCESSING, "pouch",
        "Bột nếp rang thơm trộn mật mía, gừng tươi, lạc rang và vừng, nén khuôn rồi cắt miếng "
        "vuông, lăn bột áo. Chè lam dẻo, thơm mùi gừng, ăn kèm chén trà nóng. Đóng hộp giấy "
        "10 miếng.",
    ),
    ProductKind(
        "Miến dong {}", "food", PROCESSING, "",
        "Tinh bột dong riềng lọc kỹ được tráng thành bánh, phơi se, thái sợi rồi phơi khô "
        "trên giàn tre. Sợi miến dai, trong, không dùng hóa chất tẩy trắng. Đóng túi 500 g và "
        "1 kg.",
    ),
    ProductKind(
        "Bột sắn dây {}", "food", PROCESSING, "",
        "Củ sắn dây trồng trên đất bãi ven sông được rửa sạch, xay nhuyễn, lọc lấy tinh bột "
        "nhiều lần bằng nước sạch rồi phơi khô. Bột trắng mịn, dùng pha nước uống giải nhiệt. "
        "Đóng túi 500 g.",
    ),
    ProductKind(
        "Dầu lạc {}", "food", ("Chế biến nông sản", "Nông nghiệp"), "bottle",
        "Lạc vụ xuân trồng trên đất bãi được phơi khô, ép nguội bằng máy ép trục vít, để lắng "
        "tự nhiên 15 đến 20 ngày rồi lọc. Dầu vàng trong, thơm mùi lạc. Đóng chai 500 ml và "
        "1 lít.",
    ),
    ProductKind(
        "Trứng vịt muối {}", "food", ("Chăn nuôi",), "",
        "Trứng của đàn vịt chăn thả trên đồng được chọn quả đều, rửa sạch, ngâm nước muối "
        "loãng từ 25 đến 30 ngày. Lòng đỏ son, bùi, dùng luộc ăn hoặc làm nhân bánh. Đóng "
        "hộp giấy 10 quả.",
    ),
    ProductKind(
        "Mật ong hoa nhãn {}", "food", ("Chăn nuôi",), "jar",
        "Đàn ong nội nuôi trong vườn nhãn, quay mật vào vụ hoa tháng Ba, tháng Tư khi cầu đã "
        "vít nắp; mật được lọc sạch, hạ thủy phần tự nhiên, không pha đường. Mật vàng sánh, "
        "thơm mùi hoa nhãn. Đóng chai thủy tinh 500 ml và 1 lít.",
    ),
    ProductKind(
        "Rau an toàn {}", "food", ("Sản xuất rau an toàn", "Nông nghiệp"), "",
        "Rau cải, rau muống, su hào, cà chua trồng theo quy trình VietGAP, tưới nước giếng "
        "khoan, thu hái buổi sáng và sơ chế ngay tại nhà sơ chế của HTX. Đóng túi 500 g có "
        "nhãn ngày thu hoạch, giao cho bếp ăn và cửa hàng trong ngày.",
    ),
    ProductKind(
        "Nấm sò {}", "food", ("Sản xuất rau an toàn",), "",
        "Nấm sò trồng trên giá thể rơm rạ ủ, trong nhà nấm thoáng mát, hái khi mũ nấm vừa "
        "xòe. Nấm trắng xám, giòn, ngọt. Bán nấm tươi hộp 300 g và nấm sấy túi 100 g.",
    ),
    ProductKind(
        "Rượu nếp cái hoa vàng {}", "drink", ("Chế biến nông sản", "Nông nghiệp"), "bottle",
        "Nếp cái hoa vàng đồ chín, ủ men lá truyền thống năm đến bảy ngày, chưng cất bằng nồi "
        "đồng rồi hạ thổ trong chum sành ít nhất sáu tháng. Rượu trong, êm, thơm mùi nếp, "
        "nồng độ 29 đến 35% vol. Đóng chai thủy tinh 500 ml và bình sứ 1 lít.",
    ),
    ProductKind(
        "Trà hoa hòe {}", "drink", HERBS, "pouch",
        "Nụ hoa hòe hái khi còn xanh, sao vàng trên chảo gang ở lửa nhỏ rồi để nguội, sàng "
        "bỏ cuống. Nước trà vàng nhạt, vị hơi đắng, hậu ngọt. Đóng túi giấy có cửa sổ 200 g "
        "và hộp 20 túi lọc.",
    ),
    ProductKind(
        "Trà sen {}", "drink", PROCESSING, "pouch",
        "Chè búp khô được ướp nhiều lần với gạo sen tươi hái trong mùa hè, sấy nhẹ giữa các "
        "lần ướp. Nước trà xanh vàng, thơm dịu mùi sen. Đóng hộp giấy 100 g và túi 25 gói "
        "lọc.",
    ),
    ProductKind(
        "Tinh bột nghệ {}", "herbal", HERBS, "jar",
        "Củ nghệ vàng trồng tại địa phương được rửa sạch, xay nhuyễn, lọc lấy tinh bột, tách "
        "dầu nhiều lần rồi sấy lạnh. Tinh bột mịn, màu vàng tươi, thơm nhẹ, không đắng. Đóng "
        "hũ thủy tinh 100 g và 500 g.",
    ),
    ProductKind(
        "Tinh dầu sả {}", "herbal", HERBS, "bottle",
        "Sả chanh trồng trên đất bãi được cắt lá, chưng cất hơi nước trong nồi inox, tách lấy "
        "tinh dầu nguyên chất. Dùng xông phòng, đuổi muỗi, pha nước lau nhà. Đóng lọ thủy "
        "tinh tối màu 10 ml và 50 ml có nắp nhỏ giọt.",
    ),
    ProductKind(
        "Mây tre đan {}", "handicraft", ("Mây tre đan", "Thủ công mỹ nghệ"), "basket",
        "Giỏ, khay, làn và hộp đựng đan tay từ mây và tre đã ngâm, luộc, phơi chống mốc; "
        "hoàn thiện bằng sơn gốc nước. Làm theo mẫu truyền thống và theo đơn đặt hàng. Đóng "
        "thùng carton, bán lẻ và xuất khẩu.",
    ),
    ProductKind(
        "Giỏ cói {}", "handicraft", ("Mây tre đan", "Thủ công mỹ nghệ"), "basket",
        "Cói trồng vùng bãi bồi ven biển được chẻ, phơi khô, se thành sợi rồi đan tay trên "
        "khung thành giỏ, túi xách, hộp đựng đồ. Sản phẩm nhẹ, bền, thoáng khí. Đóng túi giấy "
        "từng chiếc, thùng carton cho đơn hàng lớn.",
    ),
    ProductKind(
        "Chiếu cói {}", "handicraft", ("Thủ công mỹ nghệ",), "basket",
        "Sợi cói chọn dài đều, nhuộm màu tự nhiên, dệt trên khung với sợi đay làm sợi dọc, "
        "viền mép bằng vải. Chiếu êm, thoáng mát, kẻ sọc truyền thống. Khổ 1,6 m và 1,8 m, "
        "đóng cuộn trong túi vải.",
    ),
    ProductKind(
        "Tranh thêu tay {}", "handicraft", ("Thêu ren", "Thủ công mỹ nghệ"), "embroidery",
        "Tranh thêu tay trên nền lụa và vải lanh bằng chỉ tơ tằm, theo mẫu phong cảnh làng "
        "quê, hoa sen và chữ thư pháp; mỗi bức thêu từ một đến ba tuần. Lồng khung gỗ, đóng "
        "hộp carton có lót xốp.",
    ),
    ProductKind(
        "Khăn trải bàn thêu ren {}", "handicraft", ("Thêu ren",), "embroidery",
        "Khăn trải bàn bằng vải lanh, thêu tay hoa văn và viền ren móc thủ công. Giặt máy ở "
        "chế độ nhẹ, không phai màu. Bộ khăn bàn và sáu khăn ăn, đóng hộp giấy làm quà tặng.",
    ),
    ProductKind(
        "Đồ gỗ mỹ nghệ {}", "handicraft", ("Mộc mỹ nghệ",), "carved",
        "Tượng, tranh gỗ, hộp quà và đồ thờ làm từ gỗ có nguồn gốc hợp pháp; phần thô làm bằng "
        "máy, chạm khắc tinh và đánh bóng bằng tay, phủ sơn PU hoặc sơn ta. Đóng thùng gỗ, "
        "chèn xốp khi giao xa.",
    ),
    ProductKind(
        "Hộp quà gỗ chạm khắc {}", "handicraft", ("Mộc mỹ nghệ",), "carved",
        "Hộp gỗ hương và gỗ gụ chạm hoa văn sen, cúc, lót nhung bên trong, dùng đựng trà, "
        "trang sức, quà biếu. Gỗ sấy đủ độ ẩm, không cong vênh; hoàn thiện bằng dầu tự nhiên. "
        "Đóng hộp carton in logo HTX.",
    ),
    ProductKind(
        "Đồ đồng mỹ nghệ {}", "handicraft", ("Đúc đồng",), "carved",
        "Lư hương, chân nến, bình hoa và trống đồng lưu niệm đúc bằng khuôn đất theo kỹ thuật "
        "truyền thống, hoàn thiện bằng tay: rũa, chạm, đánh bóng, giả cổ. Đóng hộp gỗ lót "
        "nhung.",
    ),
    ProductKind(
        "Cây cảnh {}", "ornamental", ("Hoa cây cảnh",), "plant",
        "Cây thế sanh, si, tùng và duối uốn tạo dáng nhiều năm, trồng trong chậu sứ và chậu "
        "xi măng giả đá; mỗi cây kèm hướng dẫn chăm sóc. Giao tận nơi trong tỉnh, đóng khung "
        "gỗ khi gửi xa.",
    ),
    ProductKind(
        "Đào thế {}", "ornamental", ("Hoa cây cảnh",), "plant",
        "Đào bích, đào phai ghép gốc đào rừng, uốn thế từ ba đến mười năm, tuốt lá và điều "
        "khiển cho nở đúng dịp Tết. Bán và cho thuê cây theo mùa, trồng chậu sứ hoặc bầu đất, "
        "kèm hướng dẫn giữ hoa lâu tàn.",
    ),
    ProductKind(
        "Hoa lan {}", "ornamental", ("Hoa cây cảnh",), "",
        "Lan hồ điệp và lan kiếm nuôi cấy trong nhà màng có điều khiển nhiệt độ, ánh sáng, "
        "cho ra hoa đúng dịp lễ, Tết. Chậu ghép 3 đến 10 cành trong chậu sứ, bọc giấy khi "
        "giao.",
    ),
    ProductKind(
        "Du lịch trải nghiệm làng nghề {}", "tourism", ("Dịch vụ du lịch",), "",
        "Tour nửa ngày và một ngày: thăm xưởng nghề, tự tay làm một sản phẩm nhỏ mang về, ăn "
        "bữa cơm quê cùng gia đình nghệ nhân. Đón khách đoàn từ 10 người, đặt trước ba ngày.",
    ),
    ProductKind(
        "Du lịch sinh thái {}", "tourism", ("Dịch vụ du lịch",), "",
        "Đạp xe qua cánh đồng và xóm làng, đi thuyền trên sông, thăm vườn cây và trang trại "
        "của thành viên HTX, thưởng thức đặc sản địa phương. Tour một ngày hoặc hai ngày một "
        "đêm nghỉ tại nhà dân, có người địa phương dẫn đường; đặt trước hai ngày.",
    ),
)
# fmt: on
