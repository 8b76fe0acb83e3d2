"""Scores on NEREL: persons, professions, WORKS_AS, WORKPLACE, countries, dates, organizations.

- ``person_exact`` / ``person_overlap``: PERSON spans vs our person mentions.
- ``profession``: PROFESSION spans vs our position phrases (``positions[]`` spans), overlap.
- ``works_as``: WORKS_AS (PERSON, PROFESSION) pairs; ours are (person, position):
  a pair matches when one of the person's mentions overlaps the gold PERSON
  span and the position phrase overlaps the gold PROFESSION span.
- ``workplace``: WORKPLACE (PERSON|PROFESSION, place) pairs; ours are (person,
  position's organization or country): the person side (mentions or the
  position phrase) overlaps Arg1, and the place side has a mention overlapping
  Arg2 or shares a word stem with Arg2's text.
- ``country_mentions`` (overlap) / ``country_mentions_exact``: COUNTRY spans
  (NEREL marks country adjectives such as ``британской`` as COUNTRY, and
  demonyms as NATIONALITY) vs our country mentions of every form but ``demonym``.
- ``country_doc``: per document, gold ISO codes from the spans' Wikidata links
  (``wikidata.QID_ISO2``); a link missing from that table takes the code of a
  predicted country whose mention overlaps the span, or else stays a miss.
  Predicted: countries with a mention of a form other than ``demonym``.
- ``date_span``: DATE spans vs our dates, overlap.
- ``organizations``: ORGANIZATION spans vs our organization mentions, overlap.
"""

from __future__ import annotations

from ..records import NewsRecord
from . import views, wikidata
from .metrics import exact_span_match, greedy_match, overlap_span_match, set_match, spans_overlap
from .nerel import Entity, NerelDoc
from .normalize import stems
from .report import Report

COUNTRY_FORMS = ("name", "official", "abbreviation", "adjective")


def spans_of(doc: NerelDoc, *types: str) -> list[tuple[int, int, str]]:
    return sorted({e.span() for e in doc.of_type(*types)})


def score(report: Report, gold: NerelDoc, record: NewsRecord) -> None:
    """Add one document's matches for every NEREL field."""
    doc_id = gold.doc_id
    persons = spans_of(gold, "PERSON")
    report.add("person_exact", doc_id, exact_span_match(persons, views.person_mentions(record)))
    report.add("person_overlap", doc_id, overlap_span_match(persons, views.person_mentions(record)))
    report.add("profession", doc_id, overlap_span_match(spans_of(gold, "PROFESSION"), views.position_spans(record)))
    report.add("works_as", doc_id, greedy_match(relation_pairs(gold, "WORKS_AS"), works_as(record), same_works_as))
    report.add("workplace", doc_id, greedy_match(relation_pairs(gold, "WORKPLACE"), workplaces(record),
                                                 same_workplace))
    ours = views.country_mentions(record, COUNTRY_FORMS)
    countries = spans_of(gold, "COUNTRY")
    report.add("country_mentions", doc_id, overlap_span_match(countries, ours))
    report.add("country_mentions_exact", doc_id, exact_span_match(countries, ours))
    report.add("country_doc", doc_id, set_match(gold_countries(gold, ours), views.countries_with(record, COUNTRY_FORMS)))
    report.add("date_span", doc_id, overlap_span_match(spans_of(gold, "DATE"),
                                                       [(d.start, d.end, d.text) for d in record.dates]))
    report.add("organizations", doc_id, overlap_span_match(spans_of(gold, "ORGANIZATION"), views.org_mentions(record)))


def relation_pairs(doc: NerelDoc, rel_type: str) -> list[tuple[tuple, tuple]]:
    """Distinct ``(arg1 span, arg2 span)`` pairs of a relation type."""
    return sorted({(a.span(), b.span()) for a, b in doc.related(rel_type)})


def works_as(record: NewsRecord) -> list[tuple[tuple, tuple]]:
    """``(person mention spans, position span)`` for every mention of every position of every person."""
    return [(tuple(views.spans(p.mentions)), (m.start, m.end, m.text)) for p in record.persons
            for q in p.positions for m in q.mentions or [q]]


def same_works_as(g: tuple, p: tuple) -> bool:
    return any(spans_overlap(m, g[0]) for m in p[0]) and spans_overlap(p[1], g[1])


def _place_spans(record: NewsRecord, org: str | None, country: str | None) -> tuple:
    spans = [s for o in record.organizations if org and o.name == org for s in views.spans(o.mentions)]
    spans += [s for c in record.countries if country and c.iso2 == country for s in views.spans(c.mentions)]
    return tuple(spans)


def workplaces(record: NewsRecord) -> list[tuple[tuple, tuple, str]]:
    """``(person-side spans, place spans, place name)`` for each mention of a position naming an
    organization or a country."""
    out = []
    for p in record.persons:
        for q in p.positions:
            if q.organization or q.country:
                place = _place_spans(record, q.organization, q.country)
                for m in q.mentions or [q]:
                    side = (*views.spans(p.mentions), (m.start, m.end, m.text))
                    out.append((side, place, q.organization or q.country or ""))
    return out


def same_workplace(g: tuple, p: tuple) -> bool:
    if not any(spans_overlap(s, g[0]) for s in p[0]):
        return False
    return any(spans_overlap(s, g[1]) for s in p[1]) or bool(stems(p[2]) & stems(g[1][2]))


def _country_code(ent: Entity, ours: list[tuple]) -> str:
    hits = [m[4] for m in ours if spans_overlap(m, ent.span())]
    return hits[0] if hits else f"?{ent.qid or ent.text}"


def gold_countries(doc: NerelDoc, ours: list[tuple]) -> set[str]:
    """ISO codes of the document's COUNTRY spans (see the module doc for unknown links)."""
    codes = set()
    for ent in doc.of_type("COUNTRY"):
        if wikidata.known(ent.qid):
            code = wikidata.iso2_of(ent.qid)
            if code:
                codes.add(code)
        else:
            codes.add(_country_code(ent, ours))
    return codes
