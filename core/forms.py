import html
from decimal import Decimal

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe


class VietnameseDecimalField(forms.DecimalField):
    """A decimal input that shows ``2.312,5`` rather than ``2312.500000``.

    It reads Vietnamese style (``2.312,5``) and plain style (``2312.5``) alike: Django's
    separator handling treats a lone ``.`` not followed by exactly three digits as a
    decimal point, the same rule as the spreadsheet imports.
    """

    def __init__(self, **kwargs):
        kwargs["localize"] = True
        kwargs.pop("widget", None)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            # Stored with six places; people read the significant ones only.
            value = value.normalize()
        return super().prepare_value(value)


def _escape(value) -> str:
    """``conditional_escape`` without its lazy wrappers: safe strings as they are."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


class FastSelect(forms.Select):
    """A ``<select>`` written in Python, with the markup of Django's ``Select``.

    Django renders each option through a template: a public filter form with the
    province's 200-odd units took 25-50 ms to render, more than the directory's queries.
    """

    def __init__(self, attrs=None, choices=(), *, memo: dict | None = None, memo_key=()):
        """``memo``: a dict kept as long as ``choices`` stay the same (with ``memo_key``
        naming anything else they depend on, e.g. the day), where the list with nothing
        chosen, the one every plain search shows, is kept once rendered."""
        super().__init__(attrs, choices)
        self.memo, self.memo_key = memo, memo_key

    def render(self, name, value, attrs=None, renderer=None):
        final = self.build_attrs(self.attrs, attrs)
        final["name"] = name
        chosen = set(self.format_value(value))
        if self.memo is None or chosen - {""}:
            return self._render(final, chosen)
        # Only the unchosen list is kept: a chosen value comes from the visitor's link,
        # and keeping one list per value would let anyone grow the memo without end.
        key = ("select", self.memo_key, flatatt(final))
        rendered = self.memo.get(key)
        if rendered is None:
            rendered = self.memo[key] = self._render(final, chosen)
        return rendered

    def _render(self, final: dict, chosen: set) -> str:
        found = False

        def option(option_value, label) -> str:
            nonlocal found
            option_value = "" if option_value is None else str(option_value)
            selected = not found and option_value in chosen
            found = found or selected
            return (
                f'<option value="{_escape(option_value)}"{" selected" if selected else ""}>'
                f"{_escape(label)}</option>"
            )

        parts = [format_html("<select{}>", flatatt(final))]
        for group_value, group_label in self.choices:
            if isinstance(group_label, list | tuple):
                parts.append(f'<optgroup label="{_escape(group_value)}">')
                parts.extend(option(v, label) for v, label in group_label)
                parts.append("</optgroup>")
            else:
                parts.append(option(group_value, group_label))
        parts.append("</select>")
        return mark_safe("".join(parts))
