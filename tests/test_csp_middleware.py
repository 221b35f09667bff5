"""The portal's CSP middleware sends exactly django-csp's header, built once."""

from csp.constants import HEADER, SELF
from csp.middleware import CSPMiddleware
from django.http import HttpResponse
from django.test import RequestFactory, SimpleTestCase, override_settings

from core.csp import PolicyMiddleware


def answered(middleware_class, touch_nonce=False, response=None):
    def view(request):
        if touch_nonce:
            str(request.csp_nonce)
        return response or HttpResponse("trang")

    request = RequestFactory().get("/hop-tac-xa/")
    return middleware_class(view)(request)


class PolicyMiddlewareTests(SimpleTestCase):
    def test_an_ordinary_page_gets_django_csps_own_header(self):
        ours, theirs = answered(PolicyMiddleware), answered(CSPMiddleware)
        self.assertEqual(ours[HEADER], theirs[HEADER])
        self.assertIn("script-src 'self'", ours[HEADER])
        self.assertNotIn("nonce-", ours[HEADER])
        self.assertIn(ours[HEADER], PolicyMiddleware._built.values())  # built once, kept

    def test_a_page_that_used_the_nonce_gets_it_in_its_header(self):
        first = answered(PolicyMiddleware, touch_nonce=True)
        second = answered(PolicyMiddleware, touch_nonce=True)
        self.assertIn("'nonce-", first[HEADER])
        self.assertNotEqual(first[HEADER], second[HEADER])  # a fresh nonce each time
        self.assertNotIn("'nonce-", answered(PolicyMiddleware)[HEADER])  # and not cached

    def test_a_header_already_set_is_left_alone(self):
        own = HttpResponse("tệp")
        own[HEADER] = "default-src 'none'; sandbox"
        self.assertEqual(answered(PolicyMiddleware, response=own)[HEADER], own[HEADER])

    def test_a_changed_policy_is_not_served_from_the_built_header(self):
        answered(PolicyMiddleware)
        with override_settings(CONTENT_SECURITY_POLICY={"DIRECTIVES": {"default-src": [SELF]}}):
            self.assertEqual(answered(PolicyMiddleware)[HEADER], "default-src 'self'")
