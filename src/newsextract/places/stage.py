"""Countries (ISO 3166-1) and other places (regions with ISO 3166-2 codes, cities).

Stages: ``extract`` (countries) and ``extract_locations`` (regions, cities, other
NER locations). Helpers for later stages:

- ``country_at(doc, start, end)`` -> alpha-2 of a country mention covering or
  inside ``[start, end)``, or None;
- ``lookup_country(text, doc=None)`` -> ``CountryEntry`` for a phrase
  (``Республики Казахстан``, ``казахстанский``, ``РК`` with ``doc`` as evidence).

Conventions (see ``data/countries.tsv`` and ``data/regions.tsv`` headers):

- historical states (СССР, Югославия, ГДР, Чехословакия, Российская империя) are
  countries with ``historical: true`` and ISO 3166-3 codes (SU/SUN, YU/YUG, DD/DDR,
  CS/CSK; XR/XRE for the Empire, user-assigned);
- bare ``Конго`` is the Democratic Republic (the one Russian news mostly means);
  ``Республика Конго``/``Конго-Браззавиль`` is CG;
- ``Джорджия`` is the US state, never the country Грузия;
- abbreviations with several readings (``РК``, ``РБ``, ``ЧР``) and weak ones
  (``ТР``, ``САР``) need other mentions of the same place in the document, else
  they are dropped;
- demonyms (``малайзийцы``) are country mentions of form ``demonym``;
- mentions in ignored zones (credits, boilerplate, repeated captions) are skipped.
"""

from __future__ import annotations

import functools
from typing import Optional

from ..doc import Doc, SpanIndex
from ..nlp.grammar import nominative_phrase
from ..records import Country, CountryMention, Location, Mention
from .gazetteer import CityEntry, CountryEntry, OtherEntry, RegionEntry, gazetteer, phrase_key
from .match import PlaceMention, _Finder, resolve
from .normalize import with_kind
from .other import adjective_only, directional_start, geox_places, kind_name, plausible_place

__all__ = ["CountryEntry", "country_at", "extract", "extract_locations", "lookup_country",
           "loc_spans"]


def extract(doc: Doc) -> list[Country]:
    """One ``Country`` per country mentioned, in order of first mention."""
    by_iso: dict[str, Country] = {}
    for m in doc.places.countries():
        if not isinstance(m.entry, CountryEntry):
            continue
        e = m.entry
        country = by_iso.get(e.iso2)
        if country is None:
            country = by_iso[e.iso2] = Country(iso2=e.iso2, iso3=e.iso3, name=e.name,
                                               historical=e.historical)
        country.mentions.append(CountryMention(start=m.start, end=m.end, text=m.text, form=m.form))
    countries = list(by_iso.values())
    doc.country_index = mention_index(countries)
    return countries


# NER LOC spans that name organizations or buildings standing for them, not places.
NOT_PLACES = frozenset({
    "ес", "евросоюз", "европейский союз", "еврокомиссия", "европейская комиссия", "кремль",
    "нато", "оон", "снг", "шос", "брикс", "еаэс", "асеан", "опек", "пентагон", "московское время",
})

_FEDERAL_CITIES = {"Москва": "RU-MOW", "Санкт-Петербург": "RU-SPE", "Севастополь": "UA-40"}
# Short names of a city reported under its full name.
_CITY_FULL = {"Петербург": "Санкт-Петербург", "Питер": "Санкт-Петербург"}


def extract_locations(doc: Doc) -> list[Location]:
    """Regions, cities and other NER locations, one ``Location`` per place."""
    places = doc.places
    found: dict[tuple, Location] = {}

    def add(key: tuple, start: int, end: int, **fields) -> None:
        loc = found.get(key)
        if loc is None:
            loc = found[key] = Location(**fields)
        loc.mentions.append(Mention(start=start, end=end, text=doc.text[start:end]))

    region_names: dict[str, list[tuple[int, str]]] = {}  # code -> written names
    other_names: dict[str, list[tuple[int, str]]] = {}  # gazetteer name -> written names
    for m in places:
        e = m.entry
        if isinstance(e, RegionEntry):
            if m.form == "name":
                region_names.setdefault(e.code, []).append((m.start, m.text))
            add(("region", e.code), m.start, m.end, name=e.name, kind="region", code=e.code,
                country=e.country)
        elif isinstance(e, CityEntry):
            name = _city_name(e)
            add(("city", name), m.start, m.end, name=name, kind="city",
                code=_FEDERAL_CITIES.get(name), country=e.country)
        elif isinstance(e, OtherEntry):
            if m.form == "name":
                other_names.setdefault(e.name, []).append((m.start, m.text))
            add(("other", e.name.lower()), m.start, m.end, name=e.name, kind=e.kind,
                country=e.country or None)
        elif m.kind == "territory" and isinstance(e, CountryEntry):
            add(("territory", e.iso2), m.start, m.end, name=e.name, kind="other", country=e.iso2)
    taken = SpanIndex(places)  # every gazetteer place: NER and geox spans over them are no new place
    for span in doc.ner:
        if span.type != "LOC" or doc.is_ignored(span.start, span.end):
            continue
        if not span.text[:1].isupper() or taken.overlapping(span.start, span.end):
            continue
        name = _other_name(doc, span.start, span.end)
        if name.lower().replace("ё", "е") in NOT_PLACES or not plausible_place(doc, span.start, span.end):
            continue
        start = directional_start(doc, span.start) or span.start
        entry = gazetteer().named.get(name) or _elliptic_region(doc, span.start, span.end, found)
        if isinstance(entry, RegionEntry):  # completed with a shared kind: Курганской [и ...] областям
            region_names.setdefault(entry.code, []).append((start, name))
            add(("region", entry.code), start, span.end, name=entry.name, kind="region",
                code=entry.code, country=entry.country)
        elif isinstance(entry, OtherEntry):
            add(("other", entry.name.lower()), start, span.end, name=entry.name, kind=entry.kind,
                country=entry.country or None)
        else:
            add(("other", name.lower()), start, span.end, name=name, kind="other")
    for start, end in geox_places(doc):
        if not doc.is_ignored(start, end) and not taken.overlapping(start, end):
            name = _other_name(doc, start, end)
            add(("other", name.lower()), start, end, name=name, kind="other")
    out = list(found.values())
    for loc in out:
        loc.mentions.sort(key=lambda x: x.start)
        if loc.kind == "region" and loc.code:
            loc.name = _written_name(loc.code, loc.name, region_names.get(loc.code, []))
        elif loc.name in other_names:
            loc.name = _written_name(loc.name, loc.name, other_names[loc.name])
    out.sort(key=lambda loc: loc.mentions[0].start)
    doc.location_index = mention_index(out)
    return out


def _written_name(key: str, name: str, written: list[tuple[int, str]]) -> str:
    """A place's name as the text mostly gives it: the short name when the text writes it more
    often than the full name (``Татарстана`` twice, ``Республики Татарстан`` once -> ``Татарстан``),
    the first short name written; else (a tie, or only the full name) the full name
    (``Чувашии`` -> ``Чувашия``, ``Туве`` -> ``Тува``, ``Каспии`` -> ``Каспий``)."""
    short = gazetteer().short_names.get(key, {})
    first, shorts, fulls = None, 0, 0
    for _start, text in sorted(written):
        found = short.get(phrase_key(text)[0])
        if found is None:
            fulls += 1  # the full name (or a long official form) is written
            continue
        shorts += 1
        first = first or found
    return first if first is not None and shorts > fulls else name


def _elliptic_region(doc: Doc, start: int, end: int, found: dict) -> Optional[RegionEntry]:
    """A bare region adjective naming a region the text has named (``в Челябинской —``
    after ``Челябинской области``)."""
    if not adjective_only(doc, start, end):
        return None
    text = doc.text[start:end]
    for loc in found.values():
        if loc.kind == "region" and loc.code and " " in loc.name:
            full = gazetteer().regions[loc.code].name
            if with_kind(text, full.rsplit(" ", 1)[1], "adjective") == full:
                return gazetteer().regions[loc.code]
    return None


def _other_name(doc: Doc, start: int, end: int) -> str:
    """Nominative name of a place outside the gazetteer, with a kind noun it shares
    (``Западно-Казахстанской и Актюбинской областях``) or governs (``море Лаптевых``)."""
    kind, how = kind_name(doc, start, end)
    text = doc.text[start:end]
    return with_kind(text, kind, how) if kind else nominative_phrase(text)


def _city_name(entry: CityEntry) -> str:
    """A federal city under its full name (``Петербург``, ``Питер`` -> ``Санкт-Петербург``)."""
    return _CITY_FULL.get(entry.name, entry.name)


def loc_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of named places, the way token-level LOC scoring counts them:
    country names/official names/abbreviations, regions, cities, other NER LOC."""
    spans = [(m.start, m.end) for m in doc.places
             if m.form in ("name", "official", "abbreviation")]
    for loc in doc.locations:
        if loc.kind == "other":
            spans.extend((x.start, x.end) for x in loc.mentions)
    return sorted(set(spans))


def country_at(doc: Doc, start: int, end: int, *, places: bool = False) -> Optional[str]:
    """Alpha-2 of a country mention covering, or lying inside, ``[start, end)``.

    With ``places=True`` region and city mentions count too (``Баку`` -> AZ).
    """
    for m in doc.place_index.overlapping(start, end):
        inside = start <= m.start and m.end <= end
        covering = m.start <= start and end <= m.end
        if not (inside or covering):
            continue
        if m.kind == "country" or places:
            return m.iso2
    return None


def mention_index(records: list) -> SpanIndex:
    """``(start, end, position, record)`` of every mention of the records, by span."""
    rows = [(m.start, m.end, record) for record in records for m in record.mentions]
    return SpanIndex([(s, e, k, r) for k, (s, e, r) in enumerate(rows)], key=lambda t: (t[0], t[1]))


@functools.lru_cache(maxsize=10_000)
def _lookup_mentions(text: str) -> tuple[PlaceMention, ...]:
    from .. import nlp

    doc = Doc(text=text)
    nlp.segment(doc)
    nlp.lemmatize(doc)
    finder = _Finder(doc, gazetteer())
    finder.lenient = True  # a phrase looked up is a place by assumption
    return tuple(finder.run())


def lookup_country(text: str, doc: Optional[Doc] = None) -> Optional[CountryEntry]:
    """The country a phrase names (``Республики Казахстан``, ``казахстанский``, ``РК``).

    Abbreviations with several readings are decided with ``doc``'s other mentions;
    without a document (or evidence) they give None. Cities and regions give None.
    """
    text = text.strip()
    if not text:
        return None
    mentions = _lookup_mentions(text)
    found = set()
    evidence = doc.places.evidence() if doc is not None else None
    for m in mentions:
        entry = m.entry
        if entry is None and m.readings:
            if evidence is None:
                hit = m.readings[0] if len(m.readings) == 1 and resolve(m.readings, m.text, {}) else None
            else:
                hit = resolve(m.readings, m.text, evidence)
            entry = hit.entry if hit is not None else None
        if isinstance(entry, CountryEntry):
            found.add(entry)
    if len(found) == 1:
        return found.pop()
    return None


# The evaluation harness's natasha baseline looks for ``countries.lookup(name)``.
lookup = lookup_country
