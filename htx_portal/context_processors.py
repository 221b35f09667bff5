from django.conf import settings


def site(request) -> dict:
    return {"alliance_name": settings.ALLIANCE_NAME}
