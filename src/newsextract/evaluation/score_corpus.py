"""Scores on the project's gold corpus: every field the gold annotates.

Fields: countries_doc (ISO set), countries_mentions (span, or text without
offsets) and countries_form (form accuracy on matched mentions), locations
(name set), persons (full-name set), person_mentions (span), positions
((last name, title) pairs one-to-one, titles equal), positions_tails_forgiven (the
same, a predicted title may carry a territory or organization tail after the gold
title), organizations (loose names), dates_span
(overlap), dates_value (value and end_value on overlapping dates), published
(accuracy), topics (id set), events_type (type set), events_participants
((type, participant) pairs), quotes (overlap), quotes_speaker (accuracy).
"""

from __future__ import annotations

import re

from ..records import NewsRecord
from . import match, views
from .corpus import GoldDoc
from .metrics import accuracy, set_match
from .normalize import last_name, norm
from .report import Report

# Form labels some gold sets spell differently from the record (press-dev: ``official_name``).
FORM_ALIASES = {"official_name": "official"}


def score(report: Report, gold: GoldDoc, record: NewsRecord) -> None:
    """Add one document's matches for every field its gold annotates."""
    for name, scorer in SCORERS:
        if gold.has(name):
            scorer(report, gold, record)


def _countries(report: Report, gold: GoldDoc, rec: NewsRecord) -> None:
    g = gold.get("countries")
    report.add("countries_doc", rec.doc_id, set_match([c["iso2"] for c in g], [c.iso2 for c in rec.countries]))
    gm = [(m.get("start"), m.get("end"), m.get("text") or "", FORM_ALIASES.get(m.get("form"), m.get("form")))
          for c in g for m in c.get("mentions") or []]
    found = match.mentions(gm, views.country_mentions(rec), gold.offsets)
    report.add("countries_mentions", rec.doc_id, found)
    report.add("countries_form", rec.doc_id, accuracy(found.pairs, lambda a, b: a[3] == b[3]))


def _locations(report: Report, gold: GoldDoc, rec: NewsRecord) -> None:
    report.add("locations", rec.doc_id, set_match({norm(x["name"]) for x in gold.get("locations")},
                                                  {norm(x.name) for x in rec.locations}))


def person_key(full_name: str) -> str:
    """A full name compared loosely: ``norm`` and no spaces after initials
    (``А.М.Осипов`` = ``А. М. Осипов``)."""
    return re.sub(r"\b(\w)\.\s+", r"\1.", norm(full_name))


def _persons(report: Report, gold: GoldDoc, rec: NewsRecord) -> None:
    g = gold.get("persons")
    report.add("persons", rec.doc_id, set_match({person_key(p["full_name"]) for p in g},
                                                {person_key(p.full_name) for p in rec.persons}))
    gm = [s for p in g for s in match.gold_spans(p.get("mentions"))]
    report.add("person_mentions", rec.doc_id, match.mentions(gm, views.person_mentions(rec), gold.offsets))
    gp = [(last_name(p["full_name"], (p.get("name") or {}).get("last")), q["title"])
          for p in g for q in p.get("positions") or []]
    pp = views.person_positions(rec)
    report.add("positions", rec.doc_id, match.positions(gp, pp))
    report.add("positions_tails_forgiven", rec.doc_id, match.positions(gp, pp, tails=True))


def _organizations(report: Report, gold: GoldDoc, rec: NewsRecord) -> None:
    g = [(o["name"], o.get("abbreviation")) for o in gold.get("organizations")]
    report.add("organizations", rec.doc_id,
               match.organizations(g, [(o.name, o.abbreviation) for o in rec.organizations]))


def _dates(report: Report, gold: GoldDoc, rec: NewsRecord) -> None:
    g = [(d.get("start"), d.get("end"), d.get("text") or "", d.get("value"), d.get("end_value"))
         for d in gold.get("dates")]
    p = [(d.start, d.end, d.text, d.value, d.end_value) for d in rec.dates]
    found = match.mentions(g, p, gold.offsets, overlap=True)
    report.add("dates_span", rec.doc_id, found)
    judged = [(a, b) for a, b in found.pairs if a[3] is not None]
    report.add("dates_value", rec.doc_id, accuracy(judged, lambda a, b: a[3:5] == b[3:5]))


def _published(report: Report, gold: GoldDoc, rec: NewsRecord) -> None:
    if gold.get("published"):
        report.add("published", rec.doc_id, accuracy([(gold.get("published"), rec.published)],
                                                     lambda a, b: a == b))


def _topics(report: Report, gold: GoldDoc, rec: NewsRecord) -> None:
    report.add("topics", rec.doc_id, set_match({t["id"] for t in gold.get("topics")},
                                               {t.id for t in rec.topics}))


def _events(report: Report, gold: GoldDoc, rec: NewsRecord) -> None:
    g = gold.get("events")
    report.add("events_type", rec.doc_id, set_match({e["type"] for e in g}, {e.type for e in rec.events}))
    gp = [(e["type"], views.participant_key(x)) for e in g for x in e.get("participants") or []]
    pp = [(e.type, views.participant_key(x)) for e in rec.events for x in e.participants]
    report.add("events_participants", rec.doc_id, match.keyed(gp, pp))


def _quotes(report: Report, gold: GoldDoc, rec: NewsRecord) -> None:
    g = [(q.get("start"), q.get("end"), q.get("text") or "", q.get("speaker")) for q in gold.get("quotes")]
    p = [(q.start, q.end, q.text, q.speaker) for q in rec.quotes]
    found = match.mentions(g, p, gold.offsets, overlap=True)
    report.add("quotes", rec.doc_id, found)
    report.add("quotes_speaker", rec.doc_id, accuracy(found.pairs, lambda a, b: match.same_name(a[3], b[3])))


SCORERS = [
    ("countries", _countries), ("locations", _locations), ("persons", _persons),
    ("organizations", _organizations), ("dates", _dates), ("published", _published),
    ("topics", _topics), ("events", _events), ("quotes", _quotes),
]
