from django.urls import path

from reports import views

app_name = "reports"

urlpatterns = [
    path("", views.report_index, name="index"),
    path("<str:code>/<int:year>/<int:months>/", views.report_page, name="report"),
    path("<str:code>/<int:year>/<int:months>/chot/", views.report_freeze, name="freeze"),
    path("<str:code>/<int:year>/<int:months>/mo-chot/", views.report_unfreeze, name="unfreeze"),
    path("<str:code>/<int:year>/<int:months>.json", views.report_json, name="report_json"),
    path("<str:code>/<int:year>/<int:months>.xlsx", views.report_xlsx, name="report_xlsx"),
    path("<str:code>/<int:year>/<int:months>.pdf", views.report_pdf_view, name="report_pdf"),
]
