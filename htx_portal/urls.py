from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import index as sitemap_index
from django.urls import include, path, re_path
from django_tasks_db.models import DBTaskResult

from cooperatives.sitemaps import OcopProductSitemap, OrganizationSitemap, PortalSitemap
from core import sitemaps as sitemap_views
from core import views
from core.caching import cached_for_visitors, next_midnight
from core.media import serve_media
from news.gallery.sitemaps import GallerySitemap
from news.questions.sitemaps import QuestionSitemap
from news.questions.views import captcha_urls
from news.sitemaps import ArticleSitemap, DocumentSitemap
from reports import views as report_views

SITEMAPS = {
    "trang": PortalSitemap,
    "hop-tac-xa": OrganizationSitemap,
    "san-pham-ocop": OcopProductSitemap,
    "tin-tuc": ArticleSitemap,
    "van-ban": DocumentSitemap,
    "thu-vien": GallerySitemap,
    "hoi-dap": QuestionSitemap,
}

admin.site.site_header = "Quản trị Cổng thông tin Liên minh HTX"
admin.site.site_title = "Quản trị Liên minh HTX"
admin.site.index_title = "Bảng điều khiển"
# No navigation column beside every page: on a 1366 px screen it left the lists 700 px
# (issue 16); the staff home and the breadcrumbs lead everywhere.
admin.site.enable_nav_sidebar = False
# django-tasks-db's own admin of the queue's rows is English and shows tracebacks: staff
# follow their jobs (core.Job) instead.
if admin.site.is_registered(DBTaskResult):
    admin.site.unregister(DBTaskResult)

# The 503 page when the database cannot be reached, the 500 page otherwise.
handler500 = "core.database.server_error"

urlpatterns = [
    path(
        "",
        cached_for_visitors(
            views.home,
            "trang-chu",
            data=["registry", "figures", "news"],
            parameters=[],
            deadlines=[next_midnight],
        ),
        name="home",
    ),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.favicon, name="favicon"),
    # Background jobs: progress, then the result (core/jobs.py).
    path("cong-viec/<int:job_id>/", views.job_page, name="job"),
    path("cong-viec/<int:job_id>.json", views.job_json, name="job_json"),
    path(
        "sitemap.xml",
        cached_for_visitors(
            sitemap_index,
            "sitemap-index",
            data=["registry", "news", "questions"],
            parameters=[],
            deadlines=[],
        ),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        cached_for_visitors(
            sitemap_views.section,
            "sitemap",
            data=["registry", "news", "questions"],
            parameters=["p"],
            deadlines=[],
        ),
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
    path("tin-tuc/", include("news.urls")),
    path("hoi-dap/", include("news.questions.urls")),
    # The captcha of the readers' forms: its image (and sharper copy) and a new one.
    path("captcha/", include(captcha_urls)),
    path("van-ban/", include("news.library.urls")),
    path("thu-vien/", include("news.gallery.urls")),
    path("", include("cooperatives.urls")),
    # The cooperatives' own space: filers only (issue 18).
    path("htx/", include("cooperatives.space.urls")),
    path("bao-cao/", include("reports.urls")),
    path("thong-ke/", report_views.statistics_page, name="statistics"),
    # Checked in place of the admin's own "view on site" redirect (same address).
    path(
        "quan-tri/r/<path:content_type_id>/<path:object_id>/",
        admin.site.admin_view(views.admin_view_on_site),
        name="admin_view_on_site",
    ),
    # Two-factor sign-in pages, ahead of the admin's own catch-all.
    path("quan-tri/xac-thuc-hai-buoc/", include("signin.urls")),
    path("quan-tri/", admin.site.urls),
]

# Uploaded files (a reverse proxy in front may serve MEDIA_ROOT itself, same headers).
urlpatterns += [re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.+)$", serve_media)]
