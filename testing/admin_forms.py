"""What the admin's change pages post: filled-in forms for tests that submit them."""

import datetime
import re

from django.urls import reverse

from testing import news_factories as f
from testing.roles import form_post_data


def article_form(**changes) -> dict:
    data = {
        "title": "Hội nghị tổng kết công tác năm",
        "lead": "Liên minh HTX tỉnh tổ chức hội nghị tổng kết.",
        "body": "<p>Nội dung hội nghị.</p>",
        "highlight": "",
        "category": f.category().pk,
        "status": "published",
        "publish_at_0": "21/11/2026",
        "publish_at_1": "08:00:00",
        "author": "Thu Trang",
        "source_name": "",
        "source_url": "",
        "cover_caption": "",
        "cover_alt": "",
        "attachments-TOTAL_FORMS": "0",
        "attachments-INITIAL_FORMS": "0",
    }
    return data | changes


def organization_form(client, org, **changes) -> dict:
    """Return the POST data of the organisation page as it stands, with ``changes``."""
    page = client.get(reverse("admin:cooperatives_organization_change", args=[org.pk]))
    data = form_post_data(page.context["adminform"].form)
    data["founded_on"] = org.founded_on.strftime("%d/%m/%Y")
    for formset in page.context["inline_admin_formsets"]:
        fs = formset.formset
        data[f"{fs.prefix}-TOTAL_FORMS"] = str(len(fs.forms))
        data[f"{fs.prefix}-INITIAL_FORMS"] = str(fs.initial_form_count())
        for index, inline_form in enumerate(fs.forms):
            for name in inline_form.fields:
                value = inline_form.initial.get(name)
                if name == "id" and inline_form.instance.pk:
                    value = inline_form.instance.pk
                if value is None:
                    continue
                if isinstance(value, datetime.date):
                    value = value.strftime("%d/%m/%Y")
                data[f"{fs.prefix}-{index}-{name}"] = value
    data.update(changes)
    return data


def change_url(org) -> str:
    return reverse("admin:cooperatives_organization_change", args=[org.pk])


def hidden_version(page) -> str:
    """The version the page was opened with, as the browser would post it back."""
    match = re.search(r'<input type="hidden" name="opened_version" value="(\d+)"', page.text)
    assert match, "the change page carries no opened_version field"
    return match.group(1)
