"""Content Security Policy helpers (settings: CONTENT_SECURITY_POLICY)."""

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
