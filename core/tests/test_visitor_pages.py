"""Visitors' cached pages served before the middleware chain (core.caching)."""

import functools
from unittest import mock

from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import TestCase, override_settings
from django.urls import path

from core import caching, freshness
from core.caching import cached_for_visitors
from testing.roles import clear_caches

built: list[str] = []


def page(request):
    built.append(request.get_full_path())
    return HttpResponse(
        f"<p>Trang {request.GET.get('page', '1')}</p><!--so-nguoi-truy-cap-->".encode()
    )


def page_with_a_form(request):
    built.append(request.path)
    return HttpResponse(f'<form method="post"><input value="{get_token(request)}"></form>')


def page_with_a_nonce(request):
    built.append(request.path)
    return HttpResponse(f'<script nonce="{request.csp_nonce}">1</script>')


def wrapped_around(view):
    @functools.wraps(view)  # copies the inner wrapper's attributes, as decorators do
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["X-Outer"] = str(len(built))
        return response

    return wrapper


def private_page(request):
    built.append(request.path)
    response = HttpResponse("<p>Riêng</p>")
    response["Cache-Control"] = "private"
    return response


urlpatterns = [
    path("trang/", cached_for_visitors(page, "trang", data=["news"])),
    path("bieu-mau/", cached_for_visitors(page_with_a_form, "bieu-mau", data=["news"])),
    path("boc-ngoai/", wrapped_around(cached_for_visitors(page, "boc", data=["news"]))),
    path("rieng/", cached_for_visitors(private_page, "rieng", data=["news"])),
    path("nonce/", cached_for_visitors(page_with_a_nonce, "nonce", data=["news"])),
]


@override_settings(ROOT_URLCONF=__name__)
class VisitorPageMiddlewareTests(TestCase):
    def setUp(self):
        clear_caches()
        built.clear()

    def get(self, address, **cookies):
        self.client.cookies.clear()
        for name, value in cookies.items():
            self.client.cookies[name] = value
        return self.client.get(address)

    @staticmethod
    def early(response) -> bool:
        """Served before the session and authentication middlewares ran."""
        return not hasattr(response.wsgi_request, "user")

    def test_a_known_address_is_served_whole_before_the_chain(self):
        first = self.get("/trang/?page=2")
        second = self.get("/trang/?page=2")
        self.assertFalse(self.early(first))
        self.assertTrue(self.early(second))
        self.assertEqual(built, ["/trang/?page=2"])
        counter = b'<ul class="visitors">'  # filled in for each (each a new browser here)
        self.assertIn(counter, second.content)
        self.assertEqual(second.content.split(counter)[0], b"<p>Trang 2</p>")
        self.assertEqual(second["Content-Length"], str(len(second.content)))
        # The headers the skipped middlewares gave the page are kept with it.
        for header in ("Content-Security-Policy", "X-Frame-Options", "Vary", "Content-Type"):
            self.assertEqual(second[header], first[header], header)
        self.assertIn("Cookie", second["Vary"])

    def test_other_query_strings_are_other_addresses(self):
        self.get("/trang/?page=2")
        other = self.get("/trang/?page=3")
        self.assertFalse(self.early(other))
        self.assertIn(b"Trang 3", other.content)

    def test_a_data_change_is_seen_at_once(self):
        self.get("/trang/")
        with self.captureOnCommitCallbacks(execute=True):
            freshness.bump("news")
        after = self.get("/trang/")
        self.assertFalse(self.early(after))
        self.assertEqual(len(built), 2)
        self.assertTrue(self.early(self.get("/trang/")))

    def test_sessions_messages_and_other_methods_take_the_whole_chain(self):
        self.get("/trang/")
        for cookies in ({"sessionid": "khong-co-phien"}, {"messages": "x"}):
            self.assertFalse(self.early(self.get("/trang/", **cookies)), cookies)
        self.assertFalse(self.early(self.client.head("/trang/")))
        self.assertFalse(self.early(self.client.get("/trang/", HTTP_AUTHORIZATION="Basic eA==")))

    def test_a_page_that_sets_a_cookie_is_never_stored(self):
        first = self.get("/bieu-mau/")
        self.assertIn("csrftoken", first.cookies)
        second = self.get("/bieu-mau/")
        self.assertFalse(self.early(second))
        self.assertEqual(built, ["/bieu-mau/", "/bieu-mau/"])

    def test_a_view_wrapped_around_the_cache_is_never_skipped(self):
        self.get("/boc-ngoai/")
        second = self.get("/boc-ngoai/")
        self.assertFalse(self.early(second))
        self.assertEqual(second["X-Outer"], "1")  # the outer view ran again
        self.assertEqual(built, ["/boc-ngoai/"])  # on the page its cache kept

    def test_heads_are_answered_from_the_gets_pages(self):
        self.get("/trang/")
        for _ in range(2):
            head = self.client.head("/trang/")
            self.assertEqual(head.status_code, 200)
            self.assertFalse(self.early(head))
        self.assertEqual(built, ["/trang/"])

    def test_private_pages_and_pages_with_a_nonce_are_never_stored(self):
        for address in ("/rieng/", "/nonce/"):
            for _ in range(2):
                self.assertFalse(self.early(self.get(address)))
        self.assertEqual(built, ["/rieng/", "/rieng/", "/nonce/", "/nonce/"])

    def test_a_process_remembers_a_bounded_number_of_addresses(self):
        with mock.patch.object(caching, "KNOWN_ADDRESSES", 2):
            for number in (1, 2, 3):
                self.get(f"/trang/?page={number}")
            self.assertEqual(len(caching._known), 2)
            self.assertFalse(self.early(self.get("/trang/?page=1")))  # the oldest forgotten
            self.assertTrue(self.early(self.get("/trang/?page=3")))
