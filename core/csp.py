"""Content Security Policy helpers (settings: CONTENT_SECURITY_POLICY)."""

from csp.constants import HEADER
from csp.middleware import CheckableLazyObject, CSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from js_asset import Media


class NonceMediaMixin:
    """Render the change form's media (including an inline ``<script type="importmap">``)
    with the request's CSP nonce."""

    @staticmethod
    def _with_nonce(request, context) -> None:
        media = context.get("media")
        nonce = getattr(request, "csp_nonce", None)
        if media is not None and nonce is not None:
            context["media"] = Media.from_media(media, nonce=str(nonce))

    def render_change_form(self, request, context, *args, **kwargs):
        self._with_nonce(request, context)
        return super().render_change_form(request, context, *args, **kwargs)

    def render_history_view(self, request, template, context, **kwargs):
        self._with_nonce(request, context)
        return super().render_history_view(request, template, context, **kwargs)


_OWN_POLICY_ATTRIBUTES = (
    "_csp_config", "_csp_update", "_csp_replace", "_csp_exempt",
    "_csp_config_ro", "_csp_update_ro", "_csp_replace_ro", "_csp_exempt_ro",
)  # fmt: skip


class PolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the header of an ordinary response built once.

    django-csp builds the header from the settings for every response, which cost about
    a tenth of a cached page's rate (docs/performance.md). A response that needs anything
    of its own — the nonce (the rich-text editor's pages), a per-view policy, a header
    already set (uploads, error pages), DEBUG's error pages — goes through django-csp
    unchanged. The built header is kept per settings object, so a test overriding the
    policy gets its own.
    """

    _built: dict[tuple[int, int], str] = {}

    def process_response(self, request, response):
        if (
            HEADER in response
            or getattr(request, "_csp_nonce", None) is not None
            or any(hasattr(response, name) for name in _OWN_POLICY_ATTRIBUTES)
            or settings.DEBUG
            or getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None)
        ):
            return super().process_response(request, response)
        policy = getattr(settings, "CONTENT_SECURITY_POLICY", None)
        if policy and policy.get("EXCLUDE_URL_PREFIXES"):
            return super().process_response(request, response)
        key = (id(policy), id(getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None)))
        header = self._built.get(key)
        if header is None:
            header = self._built[key] = build_policy()
        if header:
            response[HEADER] = header
        # As django-csp does: a nonce asked for after the header is written is an error.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response
