"""core.sitemaps writes what Django's sitemap.xml template writes, only faster."""

import datetime
import xml.etree.ElementTree as ET

from django.template.loader import render_to_string
from django.test import SimpleTestCase, override_settings

from core.sitemaps import urlset

URLS = [
    {
        "item": None,
        "location": "https://lienminh.example.vn/hop-tac-xa/A&B<1>/?a=1&b='x'\"",
        # 23:30 UTC is already the next day in Hà Nội (the site's time zone).
        "lastmod": datetime.datetime(2026, 3, 5, 23, 30, tzinfo=datetime.UTC),
        "changefreq": "monthly",
        "priority": "0.5",
        "alternates": [],
    },
    {
        "location": "https://lienminh.example.vn/",
        "lastmod": datetime.date(2026, 1, 2),
        "changefreq": "daily",
        "priority": "",
        "alternates": [],
    },  # fmt: skip
    {
        "location": "https://lienminh.example.vn/tin-tuc/",
        "lastmod": None,
        "changefreq": None,
        "priority": "0.8",
        "alternates": [{"lang_code": "en", "location": "https://lienminh.example.vn/en/news/"}],
    },  # fmt: skip
]


def parsed(xml: str) -> list:
    root = ET.fromstring(xml.encode())
    return [
        [(child.tag, child.text, sorted(child.attrib.items())) for child in url] for url in root
    ]


@override_settings(TIME_ZONE="Asia/Ho_Chi_Minh", USE_TZ=True)
class UrlsetTests(SimpleTestCase):
    def test_the_same_elements_as_djangos_template(self):
        ours = urlset(URLS)
        django = render_to_string("sitemap.xml", {"urlset": URLS})
        self.assertEqual(parsed(ours), parsed(django))
        self.assertIn("<lastmod>2026-03-06</lastmod>", ours)  # local day, as the template
        self.assertIn("A&amp;B&lt;1&gt;/?a=1&amp;b=&#x27;x&#x27;&quot;", ours)
        self.assertTrue(ours.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<urlset '))

    def test_an_empty_section(self):
        self.assertEqual(parsed(urlset([])), [])
