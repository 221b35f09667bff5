import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "htx_portal.settings")

# Web requests get a statement timeout; management commands do not (core/database.py).
from core.database import limit_web_statements  # noqa: E402

limit_web_statements()
application = get_wsgi_application()
