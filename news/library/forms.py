"""The library's filters: GET values that never fail (a wrong one in a link is ignored)."""

from django import forms
from django.utils import timezone

from news.models import Document, Issuer, Topic

FIRST_YEAR = 1990


class DocumentFilters(forms.Form):
    q = forms.CharField(label="Số, ký hiệu hoặc trích yếu", required=False, max_length=100)
    doc_type = forms.ChoiceField(
        label="Loại văn bản", required=False,
        choices=[("", "Tất cả loại"), *Document.Type.choices],
    )  # fmt: skip
    issuer = forms.ModelChoiceField(
        label="Cơ quan ban hành", required=False, queryset=Issuer.objects.all(),
        empty_label="Tất cả cơ quan", to_field_name="slug",
    )  # fmt: skip
    year = forms.TypedChoiceField(
        label="Năm ban hành", required=False, coerce=int, empty_value=None, choices=[]
    )
    topic = forms.ModelChoiceField(
        label="Lĩnh vực", required=False, queryset=Topic.objects.all(),
        empty_label="Tất cả lĩnh vực", to_field_name="slug",
    )  # fmt: skip
    status = forms.ChoiceField(
        label="Hiệu lực", required=False,
        choices=[("", "Mọi tình trạng"), *Document.Status.choices],
    )  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        this_year = timezone.localdate().year
        years = [(year, str(year)) for year in range(this_year, FIRST_YEAR - 1, -1)]
        self.fields["year"].choices = [("", "Mọi năm"), *years]

    def chosen(self) -> dict:
        """The valid filters; an invalid value counts as not chosen."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        values = {name: cleaned.get(name) for name in self.fields if name not in self.errors}
        return {name: value for name, value in values.items() if value not in (None, "")}
