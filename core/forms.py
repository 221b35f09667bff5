from decimal import Decimal

from django import forms


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
