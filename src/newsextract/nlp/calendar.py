"""Russian calendar words, the one table of them: months and their case forms.

The dates grammar (``dates.tables``), the dateline of ``structure.zones`` and
the publication-date inference (``dates.published``) all read these.
"""

from __future__ import annotations

# Month stems and their inflections: "мая", "мае", "май", "маю", "маем" -> 5
MONTH_STEMS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6,
    "июл": 7, "август": 8, "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}
# Case endings of month names: (soft-stem endings, hard-stem endings).
# "январ|я" gen, "январ|е" loc, "январ|ь" nom, "январ|ю" dat, "январ|ём" ins; "март|а", "март|е", "март|"
_SOFT_ENDINGS = {"gen": ("я",), "loc": ("е",), "nom": ("ь",), "dat": ("ю",), "ins": ("ём", "ем")}
_HARD_ENDINGS = {"gen": ("а",), "loc": ("е",), "nom": ("",), "dat": ("у",), "ins": ("ом",)}
_MAY_ENDINGS = {"gen": ("я",), "loc": ("е",), "nom": ("й",), "dat": ("ю",), "ins": ("ем", "ём")}


def _month_forms() -> dict[str, tuple[int, str]]:
    forms: dict[str, tuple[int, str]] = {}
    for stem, num in MONTH_STEMS.items():
        table = _MAY_ENDINGS if stem == "ма" else _HARD_ENDINGS if stem in ("март", "август") else _SOFT_ENDINGS
        for case, endings in table.items():
            for ending in endings:
                forms[stem + ending] = (num, case)
    return forms


# Every month word form -> (month number, case): "октябре" -> (10, "loc")
MONTH_FORMS = _month_forms()
# Genitive month names, as in datelines: "22 ноября." -> 11
MONTHS_GEN = {form: num for form, (num, case) in MONTH_FORMS.items() if case == "gen"}
