from django.urls import path

from reports import views

app_name = "reports"

urlpatterns = [
    path("<str:code>/<int:year>/<int:months>.json", views.report_json, name="report_json"),
]
