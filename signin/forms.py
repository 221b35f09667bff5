import re

from django import forms


class CodeForm(forms.Form):
    """A 6-digit code from the authenticator app, or (where allowed) a backup code."""

    code = forms.CharField(
        label="Mã xác thực",
        max_length=32,
        error_messages={"required": "Vui lòng nhập mã xác thực."},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false"}
        ),
    )

    def __init__(self, *args, backup_allowed: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.backup_allowed = backup_allowed
        if backup_allowed:
            self.fields[
                "code"
            ].help_text = (
                "6 chữ số đang hiện trong ứng dụng xác thực, hoặc một mã dự phòng (8 ký tự)."
            )
        else:
            self.fields["code"].help_text = "6 chữ số đang hiện trong ứng dụng xác thực."

    def clean_code(self) -> str:
        code = re.sub(r"[\s-]", "", self.cleaned_data["code"]).lower()
        if re.fullmatch(r"\d{6}", code):
            return code
        if self.backup_allowed and re.fullmatch(r"[a-z2-7]{8}", code):
            return code
        if self.backup_allowed:
            raise forms.ValidationError(
                "Mã xác thực gồm 6 chữ số; mã dự phòng gồm 8 chữ cái và chữ số. "
                "Vui lòng kiểm tra lại mã vừa nhập."
            )
        raise forms.ValidationError(
            "Mã xác thực gồm đúng 6 chữ số. Vui lòng kiểm tra lại mã vừa nhập."
        )
