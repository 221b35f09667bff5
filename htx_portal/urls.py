from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path

from htx_portal import views
from htx_portal.media import serve_media
from news.sitemaps import ArticleSitemap
from news.views import cached_for_visitors
from reports import views as report_views

SITEMAPS = {"tin-tuc": ArticleSitemap}

admin.site.site_header = "Quản trị Cổng thông tin Liên minh HTX"
admin.site.site_title = "Quản trị Liên minh HTX"
admin.site.index_title = "Bảng điều khiển"

urlpatterns = [
    path("", views.home, name="home"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path(
        "sitemap.xml",
        cached_for_visitors(sitemap, "sitemap"),
        {"sitemaps": SITEMAPS},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path("tin-tuc/", include("news.urls")),
    path("bao-cao/", include("reports.urls")),
    path("thong-ke/", report_views.statistics_page, name="statistics"),
    path("quan-tri/", admin.site.urls),
]

# Uploaded files (a reverse proxy in front may serve MEDIA_ROOT itself, same headers).
urlpatterns += [re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.+)$", serve_media)]
