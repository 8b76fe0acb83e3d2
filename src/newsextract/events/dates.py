"""Dates of events: the dated mentions of a clause, from the dates stage (``doc.dates``).

The events stage indexes them once per document (``doc.event_dates``).
"""

from __future__ import annotations

from ..doc import Doc, SpanIndex

# Dates that bound or measure something rather than date it: "к 2027 году", "в течение трёх лет".
NOT_WHEN = frozenset({"by", "until", "since", "before", "after", "duration"})


def when_index(doc: Doc) -> SpanIndex:
    """The document's dates that can date an event (``doc.event_dates``, set by the events stage)."""
    return SpanIndex([d for d in doc.dates if d.value and d.modifier not in NOT_WHEN])


def dates_in(doc: Doc, start: int, end: int) -> list[tuple[int, str]]:
    """``(offset, ISO value)`` of the dates inside ``[start, end)``, in text order.

    Targets, bounds and durations (``к 2027 году``, ``с 2019 года``) do not date an event.
    """
    return sorted((d.start, d.value) for d in doc.event_dates.within(start, end))


def first_date(doc: Doc, start: int, end: int):
    """The first date value inside ``[start, end)``, or None."""
    found = dates_in(doc, start, end)
    return found[0][1] if found else None
