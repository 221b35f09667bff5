"""A small registry for tests against a real server process, seeded with ``manage.py
shell`` into the server's own database: one person per role with a password, two
communes, a public HTX of each with a member whose data is distinctive, one hidden HTX,
and two uploaded files.

    python manage.py shell -c "from testing.server_site import seed; seed()"
"""

import datetime

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

PASSWORD = "Lien-minh-HTX-2025-mat-khau"
USERS = {  # user name: (role, areas)
    "lienminh": ("alliance", []),
    "canbo_yyen": ("area", ["360"]),
    "bientap": ("editor", []),
    "lanhdao": ("official", []),
}
# Found nowhere else: a page holding one leaked it.
MEMBER_NAME = "Phạm Thị Quyênriêngtư"
ID_NUMBER = "079123456789"
HIDDEN_NAME = "HTX Kínđáo Hải Phúc"
OWN_NAME = "HTX Nông nghiệp Yên Bằng"
OTHER_NAME = "HTX Mây tre đan Hải Phúc"
ATTACHMENT = "news/attachments/2025/bao-cao-6-thang.pdf"
IMAGE = "news/covers/2025/hoi-nghi.png"
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
    b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8"
    b"N\x00\x00\x00\x00IEND\xaeB`\x82"
)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def seed() -> None:
    from django.contrib.auth import get_user_model

    from cooperatives.models import Area, Member
    from cooperatives.services import set_role
    from testing import factories as f

    assert settings.DATABASES["default"]["NAME"] != "htx", "seed only a scratch database"
    P, D, C = Area.Level.PROVINCE, Area.Level.DISTRICT, Area.Level.COMMUNE
    province = f.area("36", "Tỉnh Nam Định", P)
    y_yen = f.area("360", "Huyện Ý Yên", D, province)
    hai_hau = f.area("366", "Huyện Hải Hậu", D, province)
    yen_bang = f.area("13900", "Xã Yên Bằng", C, y_yen)
    hai_phuc = f.area("14200", "Xã Hải Phúc", C, hai_hau)
    own = f.organization(yen_bang, code="0600000001", name=OWN_NAME)
    other = f.organization(hai_phuc, code="0600000002", name=OTHER_NAME)
    f.organization(hai_phuc, code="0600000003", name=HIDDEN_NAME, is_public=False)
    for org in (own, other):
        f.figures(org, 2024, 12, members=20, workers=10, revenue=2300)
        Member.objects.create(
            organization=org,
            full_name=MEMBER_NAME,
            id_number=ID_NUMBER,
            joined_on=datetime.date(2019, 5, 1),
        )
    User = get_user_model()
    for username, (role, areas) in USERS.items():
        user, _ = set_role(username=username, role=role, area_codes=areas or None)
        user.set_password(PASSWORD)
        user.save()
    User.objects.create_superuser("root", "root@example.vn", PASSWORD)
    default_storage.save(ATTACHMENT, ContentFile(PDF))
    default_storage.save(IMAGE, ContentFile(PNG))
