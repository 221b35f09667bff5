"""The readers' questions part of ``manage.py load_demo``: answered questions in the
alliance's register, one waiting for an answer, and comments on the first article.

Safe to run twice: nothing is added when the demo questions are already there. The
answers cite only what the named texts are known to cover and stay general elsewhere.
"""

import datetime
from typing import TextIO

from django.db import transaction
from django.utils import timezone

from demo.news_content import SEED_ARTICLES
from news.models import Article, Comment, Question, Topic
from news.slugs import slug_from_title

HTX = "kinh-te-tap-the-hop-tac-xa"
QUESTIONS = [
    {
        "topic": HTX,
        "name": "Nguyễn Văn Hùng",
        "asked": "2026-09-08 08:20",
        "answered": "2026-09-10 15:00",
        "title": "Cần bao nhiêu thành viên để thành lập hợp tác xã theo Luật mới?",
        "text": (
            "Gia đình tôi và một số hộ trồng rau an toàn ở xã muốn liên kết lại thành lập "
            "hợp tác xã để cùng mua vật tư và bán sản phẩm. Xin hỏi theo Luật Hợp tác xã "
            "mới thì cần tối thiểu bao nhiêu thành viên, và những ai được làm thành viên?"
        ),
        "answer": (
            "Liên minh HTX tỉnh trả lời bạn như sau:\n\n"
            "Luật Hợp tác xã số 17/2023/QH15 (có hiệu lực từ ngày 01/7/2024) quy định hợp "
            "tác xã là tổ chức có tư cách pháp nhân do ít nhất 05 thành viên chính thức tự "
            "nguyện thành lập, hợp tác tương trợ trong sản xuất, kinh doanh, tạo việc làm "
            "nhằm đáp ứng nhu cầu chung của thành viên. Thành viên có thể là cá nhân, hộ gia "
            "đình hoặc pháp nhân đáp ứng điều kiện của Luật và điều lệ hợp tác xã.\n\n"
            "Nếu mới có 2–4 hộ, các hộ có thể bắt đầu bằng tổ hợp tác (hình thành trên cơ sở "
            "hợp đồng hợp tác), rồi phát triển thành hợp tác xã khi đủ thành viên.\n\n"
            "Để chuẩn bị thành lập, các sáng lập viên cần thống nhất phương án sản xuất, kinh "
            "doanh, dự thảo điều lệ, dự kiến mức góp vốn và tổ chức hội nghị thành lập. Cán bộ "
            "Liên minh HTX tỉnh sẵn sàng hướng dẫn miễn phí các bước này; bạn có thể liên hệ "
            "Văn phòng Liên minh trong giờ hành chính."
        ),
    },
    {
        "topic": HTX,
        "name": "Trần Thị Lan",
        "asked": "2026-09-15 09:45",
        "answered": "2026-09-18 10:30",
        "title": "Hồ sơ đăng ký hợp tác xã gồm những giấy tờ gì, mẫu lấy ở đâu?",
        "text": (
            "Chúng tôi đã họp hội nghị thành lập hợp tác xã dịch vụ nông nghiệp với 9 thành "
            "viên. Xin hỏi hồ sơ đăng ký hợp tác xã cần những giấy tờ gì, các mẫu văn bản lấy "
            "ở đâu và nộp tại cơ quan nào?"
        ),
        "answer": (
            "Liên minh HTX tỉnh trả lời bạn như sau:\n\n"
            "Việc đăng ký hợp tác xã thực hiện theo Nghị định 92/2024/NĐ-CP của Chính phủ về "
            "đăng ký hợp tác xã, liên hiệp hợp tác xã và tổ hợp tác. Hồ sơ đăng ký thành lập "
            "hợp tác xã thường gồm: giấy đề nghị đăng ký hợp tác xã; điều lệ; phương án sản "
            "xuất, kinh doanh; danh sách thành viên; danh sách hội đồng quản trị (hoặc giám "
            "đốc), ban kiểm soát hoặc kiểm soát viên; nghị quyết hội nghị thành lập.\n\n"
            "Các mẫu văn bản dùng trong đăng ký hợp tác xã được ban hành kèm Thông tư "
            "09/2024/TT-BKHĐT của Bộ Kế hoạch và Đầu tư; khi kê khai, cần dùng đúng mẫu của "
            "Thông tư này.\n\n"
            "Hồ sơ nộp tại cơ quan đăng ký kinh doanh có thẩm quyền, trực tiếp hoặc qua mạng "
            "điện tử. Do việc sắp xếp đơn vị hành chính từ ngày 01/7/2025, bạn nên liên hệ "
            "Liên minh HTX tỉnh để được hướng dẫn nơi nộp cụ thể và rà soát hồ sơ trước khi "
            "nộp, tránh phải bổ sung nhiều lần."
        ),
    },
    {
        "topic": HTX,
        "name": "Phạm Minh Tuấn",
        "asked": "2026-10-02 14:10",
        "answered": "2026-10-06 09:15",
        "title": "Hợp tác xã mới thành lập được hưởng những chính sách hỗ trợ nào?",
        "text": (
            "Hợp tác xã chúng tôi chuyên nuôi trồng thủy sản, mới thành lập năm 2026. Xin "
            "cho biết hiện nay Nhà nước có những chính sách hỗ trợ nào cho hợp tác xã và "
            "muốn được hỗ trợ thì làm thế nào?"
        ),
        "answer": (
            "Liên minh HTX tỉnh trả lời bạn như sau:\n\n"
            "Luật Hợp tác xã năm 2023 quy định các chính sách hỗ trợ, ưu đãi đối với tổ chức "
            "kinh tế hợp tác; Nghị định 113/2024/NĐ-CP của Chính phủ quy định chi tiết một "
            "số điều của Luật, trong đó có nội dung, điều kiện và cách thức hỗ trợ. Các nhóm "
            "hỗ trợ chính gồm: đào tạo, bồi dưỡng, phát triển nguồn nhân lực; xúc tiến thương "
            "mại, mở rộng thị trường; ứng dụng khoa học, công nghệ, chuyển đổi số; tiếp cận "
            "vốn, trong đó có vốn của Quỹ hỗ trợ phát triển hợp tác xã; hỗ trợ thành lập mới "
            "và tổ chức lại; hỗ trợ đầu tư kết cấu hạ tầng, trang thiết bị phục vụ hoạt động "
            "chung của hợp tác xã.\n\n"
            "Mức và điều kiện hỗ trợ cụ thể phụ thuộc vào từng chính sách, lĩnh vực hoạt "
            "động và kế hoạch, nguồn kinh phí hằng năm của tỉnh. Hợp tác xã nên đăng ký nhu "
            "cầu với Liên minh HTX tỉnh hoặc UBND xã nơi đặt trụ sở từ đầu năm để được đưa "
            "vào kế hoạch hỗ trợ."
        ),
    },
    {
        "topic": "tai-chinh-tin-dung",
        "name": "Lê Thị Hồng",
        "asked": "2026-10-20 16:30",
        "answered": "2026-10-23 08:40",
        "title": "Muốn vay vốn Quỹ hỗ trợ phát triển HTX của tỉnh cần điều kiện gì?",
        "text": (
            "Hợp tác xã chúng tôi sản xuất chiếu cói, cần khoảng 500 triệu đồng để mua thêm "
            "máy dệt. Xin hỏi hợp tác xã có được vay vốn Quỹ hỗ trợ phát triển hợp tác xã "
            "của tỉnh không, điều kiện và hồ sơ thế nào?"
        ),
        "answer": (
            "Liên minh HTX tỉnh trả lời bạn như sau:\n\n"
            "Quỹ hỗ trợ phát triển hợp tác xã của tỉnh cho các hợp tác xã, liên hiệp hợp tác "
            "xã và tổ hợp tác vay vốn với lãi suất ưu đãi để thực hiện dự án, phương án sản "
            "xuất, kinh doanh. Việc mua máy dệt để mở rộng sản xuất là nội dung thường được "
            "Quỹ xem xét cho vay.\n\n"
            "Nói chung, hợp tác xã cần: đang hoạt động theo Luật Hợp tác xã; có dự án hoặc "
            "phương án sản xuất, kinh doanh khả thi, có khả năng trả nợ; có vốn đối ứng và "
            "tài sản bảo đảm (hoặc hình thức bảo đảm khác) theo quy định của Quỹ. Hồ sơ "
            "thường gồm giấy đề nghị vay vốn, phương án sản xuất kinh doanh, báo cáo tài "
            "chính gần nhất và giấy tờ về tài sản bảo đảm.\n\n"
            "Mức cho vay, thời hạn và lãi suất theo quy định hiện hành của Quỹ và thông báo "
            "từng đợt. Cán bộ Liên minh sẽ hướng dẫn hợp tác xã lập phương án vay vốn; mời "
            "bạn liên hệ Văn phòng Liên minh HTX tỉnh để được tư vấn cụ thể."
        ),
    },
    {
        "topic": "san-pham-ocop",
        "name": "Vũ Đức Thắng",
        "asked": "2026-11-04 10:05",
        "answered": "2026-11-07 14:20",
        "title": "Sản phẩm của hợp tác xã muốn được công nhận OCOP phải làm thế nào?",
        "text": (
            "Hợp tác xã chúng tôi có sản phẩm nước mắm truyền thống đã bán ổn định nhiều năm. "
            "Xin hỏi thủ tục để sản phẩm được đánh giá, công nhận sản phẩm OCOP?"
        ),
        "answer": (
            "Liên minh HTX tỉnh trả lời bạn như sau:\n\n"
            "Sản phẩm OCOP được đánh giá, phân hạng theo Bộ tiêu chí và quy trình ban hành "
            "kèm Quyết định 148/QĐ-TTg ngày 24/02/2023 của Thủ tướng Chính phủ, xếp từ 3 đến "
            "5 sao. Chủ thể (trong đó có hợp tác xã) đăng ký tham gia với UBND xã nơi sản "
            "xuất, sau đó hoàn thiện sản phẩm và hồ sơ (nguồn gốc nguyên liệu, tiêu chuẩn "
            "chất lượng, an toàn thực phẩm, bao bì, nhãn mác, câu chuyện sản phẩm…) để hội "
            "đồng đánh giá theo quy định.\n\n"
            "Giấy chứng nhận sản phẩm OCOP có thời hạn 36 tháng; trước khi hết hạn, chủ thể "
            "cần đề nghị đánh giá lại. Liên minh HTX tỉnh hỗ trợ các hợp tác xã hoàn thiện hồ "
            "sơ, thiết kế bao bì và tham gia hội chợ, xúc tiến thương mại cho sản phẩm OCOP."
        ),
    },
]
# One waiting for an answer, to show staff's side in the admin (no real address).
WAITING = {
    "topic": "nong-nghiep-nong-thon",
    "name": "Đỗ Thị Mai",
    "email": "do.thi.mai@example.com",
    "phone": "0912345678",
    "title": "Hợp tác xã có được thuê đất công ích của xã để làm nhà sơ chế không?",
    "text": (
        "Hợp tác xã chúng tôi muốn xây nhà sơ chế rau trên phần đất công ích của xã. Xin "
        "hỏi hợp tác xã có được thuê đất này không và thủ tục thế nào?"
    ),
}
COMMENTS = [
    ("Nguyễn Thị Hoa", "Mô hình liên kết của các HTX rất hiệu quả, mong tỉnh tiếp tục hỗ trợ "
     "vốn và đào tạo cho cán bộ HTX.", Comment.Status.APPROVED),
    ("Trần Văn Bình", "Xin Liên minh cho biết lịch các lớp bồi dưỡng cán bộ quản lý HTX năm "
     "tới.", Comment.Status.APPROVED),
    ("Lê Văn Nam", "Bài viết hay, cảm ơn Ban biên tập.", Comment.Status.PENDING),
]  # fmt: skip


def _when(text: str) -> datetime.datetime:
    naive = datetime.datetime.strptime(text, "%Y-%m-%d %H:%M")
    return timezone.make_aware(naive, timezone.get_default_timezone())


@transaction.atomic
def load_questions_demo(*, stdout: TextIO | None = None) -> bool:
    """Add the demo questions and comments; False if they are there already."""
    if Question.objects.filter(title=QUESTIONS[0]["title"]).exists():
        if stdout:
            stdout.write("Hỏi đáp mẫu đã có; không thay đổi gì.\n")
        return False
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    for data in QUESTIONS:
        question = Question.objects.create(
            name=data["name"], topic=topics[data["topic"]], title=data["title"],
            text=data["text"], answer=data["answer"], is_published=True,
            answered_at=_when(data["answered"]),
        )  # fmt: skip
        # created_at is set on creation: the asking date is written afterwards.
        Question.objects.filter(pk=question.pk).update(created_at=_when(data["asked"]))
    Question.objects.create(
        name=WAITING["name"], email=WAITING["email"], phone=WAITING["phone"],
        topic=topics[WAITING["topic"]], title=WAITING["title"], text=WAITING["text"],
    )  # fmt: skip
    article = Article.objects.filter(slug=slug_from_title(SEED_ARTICLES[0]["title"])).first()
    if article is not None:
        for name, text, status in COMMENTS:
            Comment.objects.create(article=article, name=name, text=text, status=status)
    if stdout:
        stdout.write(
            f"Đã thêm {len(QUESTIONS)} câu hỏi đã trả lời, 1 câu hỏi chờ trả lời và "
            f"{len(COMMENTS) if article else 0} bình luận.\n"
        )
    return True
