"""The demonstration library (/van-ban/): the real texts cooperatives live by, by their
real numbers, dates and summaries, each with a PDF that says it is a demonstration copy
(the real text is on the official gazette, vbpl.vn). Safe to run twice."""

import datetime
from typing import TextIO

from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string

from news.models import Article, Document, DocumentFile, Issuer, Topic

D = datetime.date
LAW_2023 = ("luat", "17/2023/QH15")
# type, number, issuer, signer, issued, in force from (None: not given here), summary,
# replaced by (type, number), words of the demo articles it relates to.
DOCUMENTS = [
    ("luat", "23/2012/QH13", "Quốc hội", "Chủ tịch Quốc hội Nguyễn Sinh Hùng",
     D(2012, 11, 20), D(2013, 7, 1), "Luật Hợp tác xã (năm 2012).", LAW_2023, ()),
    ("luat", "17/2023/QH15", "Quốc hội", "Chủ tịch Quốc hội Vương Đình Huệ",
     D(2023, 6, 20), D(2024, 7, 1),
     "Luật Hợp tác xã: tổ hợp tác, hợp tác xã, liên hiệp hợp tác xã; thành viên; chính "
     "sách của Nhà nước hỗ trợ phát triển; tài sản, tài chính; quản lý nhà nước về kinh "
     "tế tập thể.", None, ("luat hop tac xa",)),
    ("nghi-dinh", "92/2024/NĐ-CP", "Chính phủ", "", D(2024, 7, 18), None,
     "Về đăng ký tổ hợp tác, hợp tác xã, liên hiệp hợp tác xã.", None, ()),
    ("nghi-dinh", "113/2024/NĐ-CP", "Chính phủ", "", D(2024, 9, 12), D(2024, 11, 1),
     "Quy định chi tiết một số điều của Luật Hợp tác xã: phân loại quy mô hợp tác xã; "
     "chính sách hỗ trợ phát triển tổ hợp tác, hợp tác xã, liên hiệp hợp tác xã; cho vay "
     "nội bộ; giao dịch nội bộ; xử lý tài sản khi giải thể, phá sản.", None, ()),
    ("thong-tu", "09/2024/TT-BKHĐT", "Bộ Kế hoạch và Đầu tư", "", D(2024, 7, 30), None,
     "Ban hành biểu mẫu sử dụng trong đăng ký hợp tác xã và chế độ báo cáo về tình hình "
     "hoạt động của tổ chức thuộc khu vực kinh tế tập thể, hợp tác xã.", None, ()),
]  # fmt: skip
ISSUER_ORDER = {"Quốc hội": 1, "Chính phủ": 2, "Bộ Kế hoạch và Đầu tư": 3}


def demo_copy(document: Document) -> bytes:
    """A one-page PDF naming the document and saying it is a demonstration copy."""
    from weasyprint import HTML

    html = render_to_string("news/library/demo_copy.html", {"document": document})
    return HTML(string=html).write_pdf()


@transaction.atomic
def load_library_demo(*, stdout: TextIO | None = None) -> bool:
    """Add the demonstration documents; False if they are there already."""
    if Document.objects.filter(doc_type=LAW_2023[0], number=LAW_2023[1]).exists():
        if stdout:
            stdout.write("Văn bản mẫu đã có; không thay đổi gì.\n")
        return False
    topic = Topic.objects.filter(slug="kinh-te-tap-the-hop-tac-xa").first()
    made = {}
    for doc_type, number, issuer, signer, issued, effective, summary, _, _ in DOCUMENTS:
        body, _created = Issuer.objects.get_or_create(
            name=issuer, defaults={"order": ISSUER_ORDER.get(issuer, 10)}
        )
        document = Document.objects.create(
            doc_type=doc_type, number=number, issuer=body, signer=signer, issued_on=issued,
            effective_on=effective, summary=summary, topic=topic,
        )  # fmt: skip
        name = f"{document.slug}-ban-minh-hoa.pdf"
        DocumentFile.objects.create(
            document=document, title=f"{document.title} (bản minh họa)",
            file=ContentFile(demo_copy(document), name=name),
        )  # fmt: skip
        made[(doc_type, number)] = document
    for doc_type, number, *_, replaced_by, words in DOCUMENTS:
        document = made[(doc_type, number)]
        if replaced_by:
            document.status = Document.Status.REPLACED
            document.replaced_by = made[replaced_by]
            document.save()
        for text in words:
            document.articles.set(Article.objects.published().search(text)[:3])
    if stdout:
        stdout.write(f"Đã tạo {len(made)} văn bản mẫu trong thư viện văn bản.\n")
    return True
