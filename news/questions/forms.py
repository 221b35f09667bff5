"""The public forms: a reader's question and a comment on an article.

Both carry the image captcha and a honeypot (``website``, hidden from people and screen
readers: only a robot fills it). Text is kept as typed (Unicode NFC, control characters
removed) and always shown escaped, never as HTML or links.
"""

import re

from captcha.fields import CaptchaField, CaptchaTextInput
from django import forms
from django.core.validators import ProhibitNullCharactersValidator as NullValidator
from django.urls import reverse
from django.utils.html import format_html

from news.models import Comment, Question, Topic

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
PHONE = re.compile(r"0\d{8,10}")
NULL_MESSAGE = "“%(field)s” chứa ký tự không hợp lệ (ký tự rỗng)."


class CaptchaInput(CaptchaTextInput):
    """The captcha's image (and its sharper copy), a button for another image, the box.

    Written here rather than in a template: the form renderer reads only Django's and the
    apps' own template folders.
    """

    def render(self, name, value, attrs=None, renderer=None):
        self.fetch_captcha_store(name, value, attrs, self.generator)
        attrs = self.build_attrs(self.attrs, attrs)
        base_id = attrs.get("id", f"id_{name}")
        # A plain hidden input: the library's adds autocomplete="off", invalid there.
        key = forms.HiddenInput()
        key_input = key.render(f"{name}_0", self._key, {"id": f"{base_id}_0"}, renderer)
        answer_attrs = {**attrs, "id": f"{base_id}_1", "maxlength": "12"}
        answer_input = self.widgets[1].render(f"{name}_1", "", answer_attrs, renderer)
        image = reverse("captcha-image", kwargs={"key": self._key})
        sharp = reverse("captcha-image-2x", kwargs={"key": self._key})
        return format_html(
            '<div class="captcha-box"><img src="{}" srcset="{} 2x" alt="{}" class="captcha" '
            'width="200" height="60" data-refresh="{}">'
            '<button type="button" class="captcha-refresh" hidden>Đổi ảnh khác</button>'
            "</div>{}{}",
            image, sharp, "Mã xác nhận: các chữ cái cần gõ vào ô bên dưới",
            self.refresh_url(), key_input, answer_input,
        )  # fmt: skip


def captcha_field() -> CaptchaField:
    return CaptchaField(
        label="Mã xác nhận",
        help_text="Gõ các chữ cái trong ảnh (không phân biệt chữ hoa, chữ thường).",
        widget=CaptchaInput(),
        error_messages={
            "required": "Hãy gõ mã xác nhận: các chữ cái trong ảnh.",
            "incomplete": "Hãy gõ mã xác nhận: các chữ cái trong ảnh.",
            "invalid": (
                "Mã xác nhận không đúng hoặc đã hết hạn. Hãy gõ các chữ cái trong ảnh mới."
            ),
        },
    )


class ReaderForm(forms.ModelForm):
    """What the two forms share: the honeypot, the captcha, clean text."""

    website = forms.CharField(
        label="Trang web (để trống)",
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    captcha = captcha_field()

    text_fields: tuple[str, ...] = ()
    # Fewest characters a field needs to be worth reading.
    minimum: dict[str, int] = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if name != "captcha":
                field.error_messages["required"] = f"Hãy nhập “{field.label}”."
            if isinstance(field, forms.CharField):
                # NUL is refused below, with a message naming the field.
                field.validators = [v for v in field.validators if not isinstance(v, NullValidator)]
                if field.max_length:
                    field.error_messages["max_length"] = (
                        f"“{field.label}” dài quá: tối đa %(limit_value)s ký tự "
                        "(đang có %(show_value)s)."
                    )

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(
                "Không gửi được: ô “Trang web” phải để trống (ô này dùng để chặn thư rác tự động)."
            )
        return ""

    def _clean_text(self, name: str) -> str:
        value = self.cleaned_data.get(name) or ""
        label = self.fields[name].label
        if "\x00" in value:
            raise forms.ValidationError(NULL_MESSAGE % {"field": label})
        value = CONTROL.sub("", value).strip()
        if name not in ("text",):
            value = " ".join(value.split())
        else:
            value = "\n".join(line.rstrip() for line in value.replace("\r\n", "\n").split("\n"))
            value = re.sub(r"\n{3,}", "\n\n", value).strip()
        least = self.minimum.get(name, 1)
        if self.fields[name].required and len(value) < least:
            raise forms.ValidationError(f"“{label}” ngắn quá: cần ít nhất {least} ký tự.")
        return value

    def clean(self):
        cleaned = super().clean()
        for name in self.text_fields:
            if name in cleaned and name not in self.errors:
                try:
                    cleaned[name] = self._clean_text(name)
                except forms.ValidationError as error:
                    self.add_error(name, error)
        return cleaned


def normalise_phone(value: str) -> str:
    """A Vietnamese phone number as digits from 0: ``+84 912 345 678`` → ``0912345678``."""
    digits = re.sub(r"[\s.\-()]", "", value or "")
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("84") and len(digits) >= 11:
        digits = "0" + digits[2:]
    return digits


class QuestionForm(ReaderForm):
    text_fields = ("name", "title", "text")
    minimum = {"name": 2, "title": 5, "text": 10}

    class Meta:
        model = Question
        fields = ["name", "email", "phone", "topic", "title", "text"]
        labels = {
            "name": "Họ và tên",
            "email": "Email (không bắt buộc)",
            "phone": "Điện thoại (không bắt buộc)",
            "topic": "Lĩnh vực",
            "title": "Tiêu đề câu hỏi",
            "text": "Nội dung câu hỏi",
        }
        help_texts = {
            "name": "Tên hiện cùng câu trả lời khi được công khai.",
            "email": "Để nhận thư báo khi có câu trả lời. Không bao giờ hiện trên trang.",
            "phone": "Để cán bộ Liên minh liên hệ khi cần. Không bao giờ hiện trên trang.",
            "text": "Tối đa 4.000 ký tự.",
        }
        widgets = {
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "text": forms.Textarea(attrs={"rows": 8}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        topic = self.fields["topic"]
        topic.queryset = Topic.objects.all()
        topic.empty_label = "— Chọn lĩnh vực —"
        topic.error_messages["required"] = "Hãy chọn “Lĩnh vực” của câu hỏi."
        topic.error_messages["invalid_choice"] = "Lĩnh vực đã chọn không có; hãy chọn lại."
        self.fields["email"].error_messages["invalid"] = (
            "“Email” không đúng dạng địa chỉ thư (ví dụ: ten@example.com)."
        )
        self.fields["email"].max_length = 254
        self.fields["phone"].max_length = 20

    def clean_phone(self):
        raw = self.cleaned_data.get("phone") or ""
        if "\x00" in raw:
            raise forms.ValidationError(NULL_MESSAGE % {"field": "Điện thoại"})
        phone = normalise_phone(raw)
        if phone and not PHONE.fullmatch(phone):
            raise forms.ValidationError(
                "“Điện thoại” không đúng: cần 9–11 chữ số, bắt đầu bằng 0 hoặc +84 "
                "(ví dụ: 0912 345 678)."
            )
        return phone

    def clean_email(self):
        email = (self.cleaned_data.get("email") or "").strip()
        return email.lower() if email else ""


class CommentForm(ReaderForm):
    text_fields = ("name", "text")
    minimum = {"name": 2, "text": 5}

    class Meta:
        model = Comment
        fields = ["name", "email", "text"]
        labels = {
            "name": "Họ và tên",
            "email": "Email (không bắt buộc)",
            "text": "Ý kiến của bạn",
        }
        help_texts = {
            "name": "Tên hiện cùng ý kiến khi được duyệt.",
            "email": "Để Liên minh liên hệ khi cần. Không bao giờ hiện trên trang.",
            "text": "Tối đa 2.000 ký tự; liên kết và mã HTML hiện như chữ thường.",
        }
        widgets = {
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "text": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].error_messages["invalid"] = (
            "“Email” không đúng dạng địa chỉ thư (ví dụ: ten@example.com)."
        )
        self.fields["email"].max_length = 254

    def clean_email(self):
        email = (self.cleaned_data.get("email") or "").strip()
        return email.lower() if email else ""
