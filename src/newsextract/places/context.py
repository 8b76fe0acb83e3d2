"""Countries and regions around a span, for later stages (organizations, persons).

They read the countries and locations stages' results (``doc.countries``,
``doc.locations``) and the gazetteer (``lookup``), so a position or an
organization gets a country only where the countries stage sees one.
"""

from __future__ import annotations

from typing import Optional

from ..doc import Doc
from .gazetteer import gazetteer
from .stage import country_at, lookup_country


def country_mentions(doc: Doc, start: int, end: int) -> list[tuple[int, int, str]]:
    """Country mentions ``(start, end, iso2)`` inside ``[start, end)``."""
    return sorted((s, e, country.iso2) for s, e, _, country in doc.country_index.within(start, end))


def lookup(doc: Doc, words: str) -> Optional[str]:
    """ISO2 of a country name, abbreviation or adjective (one or a few words).

    Abbreviations with several readings (``РК``) are decided by the document's
    other place mentions, as the countries stage decides them.
    """
    entry = lookup_country(words, doc)
    return entry.iso2 if entry is not None else None


def names_country(words: str) -> bool:
    """Whether a phrase can name a country (``Республики Таджикистан``; ``РК`` in any of its
    readings): a title ends before it, whatever the country turns out to be."""
    if lookup_country(words) is not None:
        return True
    return any(hit.kind == "country" for hit in gazetteer().abbreviations.get(words.strip(), ()))


def region_mentions(doc: Doc, start: int, end: int) -> list[tuple[int, int, object]]:
    """Location mentions inside ``[start, end)`` with their Location record."""
    found = sorted(doc.location_index.within(start, end), key=lambda t: (t[0], t[2]))  # stable, as stored
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
        if loc.country:
            return loc.country
    for tok in doc.tokens_in(start, end):
        if tok.text[:1].isalpha() and (tok.text[:1].isupper() or tok.lemma.endswith("ский")):
            code = lookup(doc, tok.text)
            if code:
                return code
    return None
