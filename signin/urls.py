from django.urls import path

from signin import views

app_name = "signin"

# Under /quan-tri/xac-thuc-hai-buoc/ (htx_portal/urls.py); every address here stays
# open to staff who still owe a code (signin.two_factor.TwoFactorMiddleware).
urlpatterns = [
    path("", views.verify, name="verify"),
    path("dang-ky/", views.enrol, name="enrol"),
    path("ma-du-phong/", views.backup_codes, name="backup_codes"),
]
