"""The cooperatives' own space, under /htx/ (DATA-CONTRACT §4): sign-in, open collections,
filing and receipts. Every page but sign-in and the invitation pages is for filers only,
and every record is looked up within the filer's own organisation."""

from django.urls import path

from cooperatives.space import views

app_name = "space"

urlpatterns = [
    path("", views.home, name="home"),
    path("dang-nhap/", views.sign_in, name="sign_in"),
    path("dang-xuat/", views.sign_out, name="sign_out"),
    path("loi-moi/<str:token>/", views.accept_link, name="accept"),
    path("kich-hoat/", views.accept_code, name="accept_code"),
    path("ky/<int:collection_id>/", views.file, name="file"),
    path("ho-so/<int:filing_id>/", views.filing, name="filing"),
    path("ho-so/<int:filing_id>/bien-nhan.pdf", views.receipt, name="receipt"),
    path("doi-mat-khau/", views.change_password, name="change_password"),
]
