"""Projections of a ``NewsRecord`` into the flat items the scorers compare."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Optional

from ..records import NewsRecord
from .normalize import last_name, norm

NAME_FORMS = ("name", "official", "abbreviation")


def spans(mentions: Iterable) -> list[tuple[int, int, str]]:
    return [(m.start, m.end, m.text) for m in mentions]


def country_mentions(record: NewsRecord, forms: Optional[Iterable[str]] = None) -> list[tuple]:
    """``(start, end, text, form, iso2)`` of country mentions, optionally of some forms only."""
    wanted = set(forms) if forms is not None else None
    return [(m.start, m.end, m.text, m.form, c.iso2) for c in record.countries for m in c.mentions
            if wanted is None or m.form in wanted]


def countries_with(record: NewsRecord, forms: Iterable[str]) -> set[str]:
    """ISO codes of countries having at least one mention of the given forms."""
    wanted = set(forms)
    return {c.iso2 for c in record.countries if any(m.form in wanted for m in c.mentions)}


def person_mentions(record: NewsRecord) -> list[tuple[int, int, str]]:
    return [s for p in record.persons for s in spans(p.mentions)]


def location_mentions(record: NewsRecord) -> list[tuple[int, int, str]]:
    return [s for loc in record.locations for s in spans(loc.mentions)]


def org_mentions(record: NewsRecord) -> list[tuple[int, int, str]]:
    return [s for o in record.organizations for s in spans(o.mentions)]


def position_spans(record: NewsRecord) -> list[tuple[int, int, str, str]]:
    """``(start, end, text, title)`` of every position phrase (every mention of every position)."""
    return [(m.start, m.end, m.text, q.title) for p in record.persons for q in p.positions
            for m in q.mentions or [q]]


def ner_spans(record: NewsRecord) -> list[tuple[int, int, str, str]]:
    """Our record as flat NER: persons PER; countries (name forms) and locations LOC; organizations ORG."""
    out = [(s, e, t, "PER") for s, e, t in person_mentions(record)]
    out += [(m[0], m[1], m[2], "LOC") for m in country_mentions(record, NAME_FORMS)]
    out += [(s, e, t, "LOC") for s, e, t in location_mentions(record)]
    out += [(s, e, t, "ORG") for s, e, t in org_mentions(record)]
    return out


def person_positions(record: NewsRecord) -> list[tuple[str, str]]:
    """``(last name, title)`` for every position of every person."""
    return [(last_name(p.full_name, p.name.last), q.title) for p in record.persons for q in p.positions]


def field_of(obj: Any, name: str) -> Any:
    """An attribute of a model or a key of a gold dict."""
    return obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)


def participant_key(part: Any) -> str:
    """A participant (model or gold dict) as one string: ISO code, last name, or normalized name."""
    kind, iso2, name = field_of(part, "kind"), field_of(part, "iso2"), field_of(part, "name")
    if kind == "country" and iso2:
        return str(iso2)
    if kind == "person":
        return last_name(name, field_of(part, "last"))
    return norm(name)
