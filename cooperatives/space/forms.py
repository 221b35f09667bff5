"""The forms of the cooperatives' space. The figures form's fields are the ``figures``
import's columns (``filings.FIGURES_COLUMNS``): their names, units and hints; what is typed
is read and checked by ``filings.check_figures``, the import's own code."""

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm

from cooperatives import filings
from cooperatives.models import Figures, Organization

NUMBER_HINT = "Ghi theo kiểu Việt Nam: dấu chấm ngăn hàng nghìn, dấu phẩy trước phần lẻ (1.264,5)."


def _text_input(kind: str) -> forms.TextInput:
    attrs = {"autocomplete": "off"}
    if kind == "integer":
        attrs["inputmode"] = "numeric"
    elif kind == "number":
        attrs["inputmode"] = "decimal"
    return forms.TextInput(attrs=attrs)


def _split_unit(header: str) -> str:
    return header.split(" (")[0]


class FilingForm(forms.Form):
    """What a cooperative types; every field is text, read by the import's parsers."""

    def __init__(self, *args, collection, organization, **kwargs):
        super().__init__(*args, **kwargs)
        self.collection = collection
        self.organization = organization
        self.checked = None
        if collection.kind == collection.Kind.FIGURES:
            self._figures_fields()
        else:
            self._update_fields()

    def _figures_fields(self) -> None:
        for column in filings.FIGURES_COLUMNS:
            if column.attr == "rating":
                choices = [("", "— Chưa xếp loại —")] + [(v, v) for v in Figures.Rating.labels]
                field = forms.ChoiceField(choices=choices, required=False)
            elif column.kind == "bool":
                field = forms.ChoiceField(choices=[("Không", "Không"), ("Có", "Có")])
            else:
                field = forms.CharField(required=False, widget=_text_input(column.kind))
            field.label = _split_unit(column.header)
            field.help_text = column.help
            field.unit = filings.FIGURES_UNITS.get(column.attr, "")
            self.fields[column.attr] = field

    def _update_fields(self) -> None:
        for attr, header in filings.UPDATE_HEADERS.items():
            if attr == "sector":
                field = forms.ChoiceField(choices=filings.sector_choices())
            elif attr == "status":
                field = forms.ChoiceField(choices=[(v, v) for v in Organization.Status.labels])
            elif attr == "charter_capital":
                field = forms.CharField(required=False, widget=_text_input("number"))
            elif attr == "email":
                field = forms.CharField(
                    required=False, widget=forms.EmailInput(attrs={"autocomplete": "email"})
                )
            elif attr == "status_changed_on":
                field = forms.CharField(
                    required=False,
                    widget=forms.TextInput(
                        attrs={"inputmode": "numeric", "placeholder": "ngày/tháng/năm"}
                    ),
                    help_text="Chỉ ghi khi tình trạng không phải “Đang hoạt động”.",
                )
            else:
                field = forms.CharField(required=False)
            field.label = _split_unit(header)
            field.unit = "triệu đồng" if attr == "charter_capital" else ""
            self.fields[attr] = field
        members = forms.CharField(required=False, widget=_text_input("integer"))
        members.label = "Số thành viên hiện nay"
        members.unit = "người"
        members.help_text = "Số nguyên, không âm."
        self.fields["members"] = members

    def raw(self) -> dict:
        """What was typed, field by field (a draft keeps it as it is)."""
        data = self.data
        return {name: str(data.get(name, "")).strip() for name in self.fields}

    def check(self) -> filings.Checked:
        """Read and check like an import row; errors go on their fields."""
        raw = self.raw()
        if self.collection.kind == self.collection.Kind.FIGURES:
            checked = filings.check_figures(
                raw, organization=self.organization, collection=self.collection
            )
        else:
            checked = filings.check_update(raw, organization=self.organization)
        self.is_valid()  # binds cleaned_data so that add_error works
        for attr, message in checked.errors.items():
            self.add_error(attr if attr in self.fields else None, message)
        self.checked = checked
        return checked


class FilerSignInForm(AuthenticationForm):
    """The space's sign-in: filers' accounts only. Staff sign in to the admin."""

    error_messages = {
        "invalid_login": (
            "Tên đăng nhập hoặc mật khẩu không đúng. Lưu ý chữ hoa, chữ thường trong mật khẩu."
        ),
        "inactive": "Tài khoản này đã bị khóa. Hãy liên hệ Liên minh HTX.",
        "not_filer": (
            "Tài khoản này không phải tài khoản nộp số liệu của HTX. Cán bộ đăng nhập ở trang "
            "Quản trị."
        ),
    }

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if user.is_staff or not hasattr(user, "filer"):
            raise forms.ValidationError(self.error_messages["not_filer"], code="not_filer")


class PasswordForm(forms.Form):
    """The new account's password, twice, checked by the site's password rules."""

    password1 = forms.CharField(
        label="Mật khẩu",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="Ít nhất 10 ký tự; không nên chỉ gồm chữ số hay giống tên đăng nhập.",
    )
    password2 = forms.CharField(
        label="Nhập lại mật khẩu",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", "Hai lần nhập mật khẩu không giống nhau.")
        elif first:
            try:
                password_validation.validate_password(first)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class CodeForm(PasswordForm):
    """The printed letter's invitation: the organisation's code and the one-time code, and
    the new password, in one step."""

    organization_code = forms.CharField(
        label="Mã số HTX (mã số thuế)",
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    code = forms.CharField(
        label="Mã kích hoạt",
        max_length=30,
        help_text="12 ký tự in trong thư mời, ví dụ ABCD-EFGH-JKMN.",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "characters"}
        ),
    )
    field_order = ["organization_code", "code", "password1", "password2"]
