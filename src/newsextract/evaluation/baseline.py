"""The natasha baseline: natasha alone, turned into a ``NewsRecord`` so the same scorers apply.

PER spans become persons (normal form via ``span.normalize``, name parts via
``NamesExtractor``), ORG spans organizations, LOC spans locations, or countries
when our countries gazetteer names one (``places.lookup_country``,
given the span's text; with no such function there are no countries). Every
other field stays empty.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Optional

from ..records import Country, CountryMention, Location, Mention, NewsRecord, Organization, Person, PersonName


def country_lookup() -> Optional[Callable[[str], Any]]:
    """The countries gazetteer lookup (phrase -> entry with iso2, iso3, name), when there is one."""
    from ..places import stage as countries

    return getattr(countries, "lookup_country", None)


class NatashaBaseline:
    """Callable ``(text, doc_id) -> NewsRecord`` from natasha's NER alone."""

    def __init__(self) -> None:
        from natasha import (
            MorphVocab,
            NamesExtractor,
            NewsEmbedding,
            NewsMorphTagger,
            NewsNERTagger,
            Segmenter,
        )

        emb = NewsEmbedding()
        self.segmenter, self.vocab = Segmenter(), MorphVocab()
        self.morph, self.ner = NewsMorphTagger(emb), NewsNERTagger(emb)
        self.names = NamesExtractor(self.vocab)
        self.lookup = country_lookup()

    def __call__(self, text: str, doc_id: str = "doc", **_: Any) -> NewsRecord:
        from natasha import Doc

        doc = Doc(text)
        doc.segment(self.segmenter)
        doc.tag_morph(self.morph)
        doc.tag_ner(self.ner)
        builder = _Builder(text, self.lookup)
        for span in doc.spans:
            span.normalize(self.vocab)
            builder.add(span, self._name(span) if span.type == "PER" else None)
        return builder.record(doc_id)

    def _name(self, span: Any) -> PersonName:
        span.extract_fact(self.names)
        parts = span.fact.as_dict if span.fact is not None else {}
        return PersonName(first=parts.get("first"), middle=parts.get("middle"), last=parts.get("last"))


class _Builder:
    """Groups natasha spans by type and normal form into record entities."""

    def __init__(self, text: str, lookup: Optional[Callable[[str], Any]]):
        self.text, self.lookup = text, lookup
        self.persons: dict[str, Person] = {}
        self.orgs: dict[str, Organization] = {}
        self.locs: dict[str, Location] = {}
        self.countries: dict[str, Country] = {}

    def add(self, span: Any, name: Optional[PersonName]) -> None:
        normal = span.normal or span.text
        mention = Mention(start=span.start, end=span.stop, text=self.text[span.start:span.stop])
        if span.type == "PER":
            person = self.persons.setdefault(normal, Person(full_name=normal, name=name or PersonName()))
            person.mentions.append(mention)
        elif span.type == "ORG":
            self.orgs.setdefault(normal, Organization(name=normal)).mentions.append(mention)
        elif not self._country(mention.text, mention):
            self.locs.setdefault(normal, Location(name=normal)).mentions.append(mention)

    def _country(self, phrase: str, mention: Mention) -> bool:
        try:
            found = self.lookup(phrase) if self.lookup else None
        except Exception:  # noqa: BLE001 - a gazetteer bug must not drop the baseline's document
            found = None
        if found is None:
            return False
        country = self.countries.setdefault(found.iso2, Country(iso2=found.iso2, iso3=found.iso3, name=found.name))
        country.mentions.append(CountryMention(start=mention.start, end=mention.end, text=mention.text))
        return True

    def record(self, doc_id: str) -> NewsRecord:
        return NewsRecord(doc_id=doc_id, text=self.text, persons=list(self.persons.values()),
                          organizations=list(self.orgs.values()), locations=list(self.locs.values()),
                          countries=list(self.countries.values()))
