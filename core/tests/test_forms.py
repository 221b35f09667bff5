from django import forms
from django.test import SimpleTestCase

from core.forms import FastSelect

CHOICES = [
    ("", "Tất cả địa bàn"),
    ("Hiện nay", [("37", "Tỉnh Ninh Bình"), ("14011", "\u00a0\u00a0Xã <Nam> Minh & “Đông”")]),
    ("Trước 01/07/2025", [("14011@30-06-2025", "Xã Bình Minh"), ('x"y', "Giá trị lạ")]),
    (3, "Có sản phẩm từ 3 sao"),
]


class FastSelectTests(SimpleTestCase):
    databases = {"default"}  # the public filters read the area map

    def test_the_same_markup_as_djangos_select(self):
        attrs = {"id": "id_area", "class": "wide", "aria-describedby": "goi-y"}
        for value in ["", "14011", "14011@30-06-2025", 'x"y', 3, "3", None, "missing"]:
            ours = FastSelect(choices=CHOICES).render("area", value, attrs)
            django = forms.Select(choices=CHOICES).render("area", value, attrs)
            self.assertHTMLEqual(ours, django)
        rendered = FastSelect(choices=CHOICES).render("a", "")
        self.assertIn("Xã &lt;Nam&gt; Minh &amp; “Đông”", rendered)

    def test_only_the_first_of_equal_values_is_selected(self):
        doubled = [("1", "Một"), ("1", "Một nữa")]
        ours = FastSelect(choices=doubled).render("n", "1")
        self.assertHTMLEqual(ours, forms.Select(choices=doubled).render("n", "1"))
        self.assertEqual(ours.count("selected"), 1)

    def test_public_filters_use_it_for_their_lists(self):
        from cooperatives.public import DirectoryFilters

        form = DirectoryFilters({"kind": "htx"})
        self.assertIsInstance(form.fields["kind"].widget, FastSelect)
        self.assertInHTML('<option value="htx" selected>HTX</option>', str(form["kind"]))

    def test_a_memo_keeps_only_the_list_with_nothing_chosen(self):
        memo = {}
        select = FastSelect(choices=CHOICES, memo=memo, memo_key=("area", 1))
        plain = select.render("area", "", {"id": "id_area"})
        self.assertEqual(len(memo), 1)
        self.assertIs(select.render("area", None, {"id": "id_area"}), plain)
        chosen = select.render("area", "37", {"id": "id_area"})
        self.assertInHTML('<option value="37" selected>Tỉnh Ninh Bình</option>', chosen)
        for junk in ("x1", "x2", "x3"):  # a visitor's values never grow the memo
            select.render("area", junk, {"id": "id_area"})
        self.assertEqual(len(memo), 1)
        self.assertHTMLEqual(
            plain, forms.Select(choices=CHOICES).render("area", "", {"id": "id_area"})
        )
