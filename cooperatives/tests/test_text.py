from django.test import SimpleTestCase

from core.lib.text import fold, nfc


class FoldTests(SimpleTestCase):
    def test_fold_strips_diacritics_case_and_spaces(self):
        self.assertEqual(fold("  Hợp tác xã  ĐỒNG Lạc "), "hop tac xa dong lac")
        self.assertEqual(fold("Nông nghiệp"), fold("NONG NGHIEP"))
        self.assertEqual(fold("Quỹ TDND Đường"), "quy tdnd duong")

    def test_fold_treats_composed_and_decomposed_alike(self):
        decomposed = "Phu\u0300 Va\u0302n"
        self.assertEqual(fold(decomposed), fold("Phù Vân"))

    def test_nfc_composes(self):
        self.assertEqual(nfc("Phu\u0300 "), "Phù")
        self.assertEqual(fold(None), "")
