"""The pager's numbers (core/pagination.py): both ends, the pages around, gaps as "…"."""

from django.core.paginator import Paginator
from django.test import SimpleTestCase

from core.pagination import page_links


class PageLinksTests(SimpleTestCase):
    def links(self, number: int, pages: int) -> list:
        paginator = Paginator(range(pages * 10), 10)
        return ["…" if n == paginator.ELLIPSIS else n for n in page_links(paginator.page(number))]

    def test_a_long_list(self):
        self.assertEqual(self.links(1, 140), [1, 2, "…", 140])
        self.assertEqual(self.links(70, 140), [1, "…", 69, 70, 71, "…", 140])
        self.assertEqual(self.links(140, 140), [1, "…", 139, 140])

    def test_a_short_list_has_every_number(self):
        self.assertEqual(self.links(3, 5), [1, 2, 3, 4, 5])
