"""Countries and regions around a span, read from the countries stage (defensively)."""

from __future__ import annotations

from typing import Optional

from ..doc import Doc, SpanIndex

# A few forms the countries stage may not know yet; it is consulted first.
_FALLBACK = {
    "рф": "RU", "россия": "RU", "российский": "RU", "рк": "KZ", "казахстан": "KZ",
    "казахстанский": "KZ", "сша": "US", "американский": "US", "малайзия": "MY",
    "малайзийский": "MY", "азербайджан": "AZ", "азербайджанский": "AZ", "китай": "CN",
    "китайский": "CN", "кнр": "CN", "беларусь": "BY", "рб": "BY", "белорусский": "BY",
    "украина": "UA", "украинский": "UA", "германия": "DE", "фрг": "DE", "немецкий": "DE",
    "франция": "FR", "французский": "FR", "великобритания": "GB", "британский": "GB",
    "япония": "JP", "японский": "JP", "индия": "IN", "индийский": "IN", "турция": "TR",
    "турецкий": "TR", "иран": "IR", "иранский": "IR", "узбекистан": "UZ", "киргизия": "KG",
    "кыргызстан": "KG", "таджикистан": "TJ", "армения": "AM", "грузия": "GE", "израиль": "IL",
    "италия": "IT", "испания": "ES", "польша": "PL", "сирия": "SY", "египет": "EG",
    "монголия": "MN", "вьетнам": "VN", "индонезия": "ID", "бразилия": "BR", "кндр": "KP",
    "северокорейский": "KP", "южнокорейский": "KR",
}


def _countries_module():
    try:
        from . import stage as countries
    except Exception:  # noqa: BLE001 - the parallel stage may be missing or broken
        return None
    return countries


def _mention_index(doc: Doc, field: str) -> SpanIndex:
    """``(start, end, position, record)`` of every mention in ``doc.results[field]``,
    indexed once per document in ``doc.cache`` (read after that stage has run)."""
    key = f"{field}_mentions"
    if key not in doc.cache:
        rows = [(m.start, m.end, record) for record in doc.results.get(field, []) or []
                for m in getattr(record, "mentions", []) or []]
        doc.cache[key] = SpanIndex([(s, e, k, r) for k, (s, e, r) in enumerate(rows)], key=lambda t: (t[0], t[1]))
    return doc.cache[key]


def country_mentions(doc: Doc, start: int, end: int) -> list[tuple[int, int, str]]:
    """Country mentions ``(start, end, iso2)`` inside ``[start, end)``."""
    return sorted((s, e, iso2) for s, e, _, country in _mention_index(doc, "countries").within(start, end)
                  if (iso2 := getattr(country, "iso2", None)))


def lookup(word: str) -> Optional[str]:
    """ISO2 of a country name, abbreviation or adjective (one or a few words)."""
    mod = _countries_module()
    fn = getattr(mod, "lookup_country", None) if mod else None
    if fn is not None:
        try:
            entry = fn(word)
        except Exception:  # noqa: BLE001
            entry = None
        if entry is not None and getattr(entry, "iso2", None):
            return entry.iso2
    from ..nlp import morph

    low = word.lower()
    if low in _FALLBACK and (word[:1].isupper() or len(word) > 4):
        return _FALLBACK[low]
    lem = morph.lemma(word)
    if lem in _FALLBACK and (word[:1].isupper() or lem.endswith("ский")):
        return _FALLBACK[lem]
    return None


def country_at(doc: Doc, start: int, end: int) -> Optional[str]:
    mod = _countries_module()
    fn = getattr(mod, "country_at", None) if mod else None
    if fn is not None:
        try:
            code = fn(doc, start, end)
        except Exception:  # noqa: BLE001
            code = None
        if code:
            return code
    return None


def region_mentions(doc: Doc, start: int, end: int) -> list[tuple[int, int, object]]:
    """Location mentions inside ``[start, end)`` with their Location record."""
    found = sorted(_mention_index(doc, "locations").within(start, end), key=lambda t: (t[0], t[2]))
    return [(s, e, loc) for s, e, _, loc in found]


def country_in(doc: Doc, start: int, end: int) -> Optional[str]:
    """The country a span names: a country mention, a region's country, or a word in it."""
    found = country_mentions(doc, start, end)
    if found:
        return found[-1][2]
    code = country_at(doc, start, end)
    if code:
        return code
    for _s, _e, loc in region_mentions(doc, start, end):
        if getattr(loc, "country", None):
            return loc.country
    for tok in doc.tokens_in(start, end):
        if tok.text[:1].isalpha() and (tok.text[:1].isupper() or tok.lemma.endswith("ский")):
            code = lookup(tok.text)
            if code:
                return code
    return None
