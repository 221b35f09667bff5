from django.urls import path

from core.caching import cached_for_visitors
from news.questions import views

app_name = "questions"

# Cached pages show the readers' questions and, in their header and footer, the site's
# content (the news version): both versions key them.
QUESTIONS = ["questions", "news"]
list_view = cached_for_visitors(
    views.QuestionListView.as_view(), "hoi-dap", data=QUESTIONS, parameters=views.list_parameters
)
detail_view = cached_for_visitors(
    views.question_detail, "hoi-dap-cau-hoi", data=QUESTIONS, parameters=[]
)
thanks_view = cached_for_visitors(views.thanks, "hoi-dap-da-gui", data=["news"], parameters=[])

urlpatterns = [
    path("", list_view, name="list"),
    path("<int:pk>/", detail_view, name="detail"),
    # The form is never cached: each copy carries its own captcha and CSRF token.
    path("gui-cau-hoi/", views.ask, name="ask"),
    path("gui-cau-hoi/da-gui/", thanks_view, name="thanks"),
]
