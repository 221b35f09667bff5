from django.contrib import admin
from django.urls import include, path

from htx_portal import views
from reports import views as report_views

admin.site.site_header = "Quản trị Cổng thông tin Liên minh HTX"
admin.site.site_title = "Quản trị Liên minh HTX"
admin.site.index_title = "Bảng điều khiển"

urlpatterns = [
    path("", views.home, name="home"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("bao-cao/", include("reports.urls")),
    path("thong-ke/", report_views.statistics_page, name="statistics"),
    path("quan-tri/", admin.site.urls),
]
