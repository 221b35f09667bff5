from core.lib.text import fold, nfc


class FoldedNameMixin:
    """Keeps a name in NFC with a folded copy (``name_folded``) for accent-free search.

    Done in ``clean()`` as well as ``save()``: form validation compares names with the
    stored ones before saving, so text typed in decomposed Unicode must be composed first.
    """

    folded_source = "name"

    def normalize_names(self) -> None:
        value = nfc(getattr(self, self.folded_source))
        setattr(self, self.folded_source, value)
        self.name_folded = fold(value)

    def clean(self):
        super().clean()
        self.normalize_names()
