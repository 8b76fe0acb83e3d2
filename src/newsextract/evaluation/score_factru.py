"""Scores on factRuEval-2016: NER (token-level as naeval, and exact span), Occupation, Meeting.

- ``ner_PER``/``ner_LOC``/``ner_ORG``: razdel tokens inside gold spans (naeval's
  adaptation, see ``factru.ner_spans``) vs tokens inside our spans
  (``views.ner_spans``); ``*_exact``: spans equal by start, end and type.
- ``occupation``: ``(surname, position)`` pairs of Occupation facts having a
  Position vs our ``(last name, title)`` pairs; surnames and the title's first
  word compared inflection-tolerantly (``normalize.same_word``).
- ``names_nominative``: gold Person mentions (objects with a ``.coref`` name) matched
  one-to-one by overlap to our person mentions; correct when every word of our
  person's name is a word of the gold normalized name (the gold's first, middle and
  last names; an initial stands for a word of its letter; order and parts not judged,
  as the gold is inconsistent with East Asian names). Precision = recall = the
  fraction correct.
- ``meeting``: unordered pairs of participants' surnames of each Meeting fact
  vs pairs of person participants of our ``meeting`` events.
"""

from __future__ import annotations

from itertools import combinations

import razdel

from ..records import NewsRecord
from . import factru, match, views
from .metrics import accuracy, exact_span_match, greedy_match, spans_overlap, token_match
from .normalize import last_name, norm, same_word, words
from .report import Report

TYPES = ("PER", "LOC", "ORG")


def tokenize(text: str) -> list[tuple[int, int, str]]:
    return [(t.start, t.stop, t.text) for t in razdel.tokenize(text)]


def score(report: Report, gold: factru.FactruDoc, record: NewsRecord) -> None:
    """Add one document's NER, occupation and meeting matches."""
    tokens = tokenize(gold.text)
    g = factru.ner_spans(gold, tokens)
    p = views.ner_spans(record)
    for t in TYPES:
        gt, pt = [s for s in g if s[3] == t], [s for s in p if s[3] == t]
        report.add(f"ner_{t}", gold.doc_id, token_match(tokens, gt, pt))
    for t in TYPES:
        gt, pt = [s for s in g if s[3] == t], [s for s in p if s[3] == t]
        report.add(f"ner_{t}_exact", gold.doc_id, exact_span_match(gt, pt))
    report.add("names_nominative", gold.doc_id, nominative(gold, record))
    report.add("occupation", gold.doc_id, match.person_title_pairs(occupations(gold), views.person_positions(record)))
    report.add("meeting", gold.doc_id, greedy_match(meeting_pairs(gold), predicted_meetings(record), same_pair))


PARTS = ("first", "middle", "last")


def _name_words(value: str | None) -> list[str]:
    return norm(value).replace("-", " ").split()


def _word_in(word: str, known: list[str]) -> bool:
    """A name word among the gold ones; an initial (``ю.``) stands for a word of its letter."""
    if word.endswith(".") and len(word) <= 3:
        return any(k.startswith(word[:-1]) for k in known)
    return word in known


def same_name(gold: dict[str, str], ours: dict[str, str | None]) -> bool:
    """Every word of our name (first, middle, last) is a word of the gold normalized name."""
    known = [w for k in PARTS for w in _name_words(gold.get(k))]
    mine = [w for k in PARTS for w in _name_words(ours.get(k))]
    return bool(mine) and all(_word_in(w, known) for w in mine)


def nominative(gold: factru.FactruDoc, record: NewsRecord):
    """Matched person mentions whose name is the gold normalized name."""
    g = sorted((o.start, o.end, o.id) for o in gold.objects if o.type == "Person" and o.id in gold.names)
    p = sorted((m.start, m.end, {"first": x.name.first, "middle": x.name.middle, "last": x.name.last})
               for x in record.persons for m in x.mentions)
    found = greedy_match(g, p, spans_overlap)
    result = accuracy([(gold.names[a[2]], b[2]) for a, b in found.pairs], same_name)
    result.missed = [" ".join(filter(None, (x.get(k) for k in PARTS))) for x in result.missed]
    result.false = [" ".join(filter(None, (x.get(k) for k in PARTS))) for x in result.false]
    return result


def surname(value: str) -> str:
    """factRuEval writes person names surname first (``Лужков Юрий``)."""
    found = words(value.split("|")[0])
    return found[0] if found else ""


def occupations(doc: factru.FactruDoc) -> list[tuple[str, str]]:
    """``(surname, position text)`` of every Occupation fact with both."""
    out = []
    for fact in doc.facts:
        if fact.type == "Occupation":
            out += [(surname(w), pos) for w in fact.values("Who") for pos in fact.values("Position")]
    return out


def _pairs(names: list[str]) -> list[tuple[str, str]]:
    return [tuple(sorted(pair)) for pair in combinations(sorted(set(n for n in names if n)), 2)]


def meeting_pairs(doc: factru.FactruDoc) -> list[tuple[str, str]]:
    """Unordered surname pairs of each Meeting fact's participants."""
    out: list[tuple[str, str]] = []
    for fact in doc.facts:
        if fact.type == "Meeting":
            out += _pairs([surname(v) for v in fact.values("Participant")])
    return list(dict.fromkeys(out))


def predicted_meetings(record: NewsRecord) -> list[tuple[str, str]]:
    """Unordered last-name pairs of person participants of our meeting events."""
    out: list[tuple[str, str]] = []
    for event in record.events:
        if event.type == "meeting":
            out += _pairs([last_name(x.name, x.last) for x in event.participants if x.kind == "person"])
    return list(dict.fromkeys(out))


def same_pair(g: tuple[str, str], p: tuple[str, str]) -> bool:
    return (same_word(g[0], p[0]) and same_word(g[1], p[1])) or (same_word(g[0], p[1]) and same_word(g[1], p[0]))
