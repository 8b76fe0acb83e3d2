"""Dates of events: the dated mentions of a clause (the dates stage's results).

When the dates stage gave nothing at all (run without it), month + year
phrases (``в мае 2025 года``, ``16 октября 2025``) are read directly.
"""

from __future__ import annotations

from ..dates.published import MONTH_STEMS, MONTH_YEAR_RE
from ..doc import Doc, SpanIndex

# Dates that bound or measure something rather than date it: "к 2027 году", "в течение трёх лет".
NOT_WHEN = frozenset({"by", "until", "since", "before", "after", "duration"})


def _when_index(doc: Doc) -> SpanIndex:
    """The document's dates that can date an event, indexed once per document."""
    if "event_dates" not in doc.cache:
        doc.cache["event_dates"] = SpanIndex(
            [d for d in doc.results.get("dates") or [] if d.value and d.modifier not in NOT_WHEN])
    return doc.cache["event_dates"]


def dates_in(doc: Doc, start: int, end: int) -> list[tuple[int, str]]:
    """``(offset, ISO value)`` of the dates inside ``[start, end)``, in text order.

    Targets, bounds and durations (``к 2027 году``, ``с 2019 года``) do not date an event.
    """
    results = doc.results.get("dates") or []
    found = [(d.start, d.value) for d in _when_index(doc).within(start, end)]
    if not found and not results:  # dates stage absent: month + year only
        for m in MONTH_YEAR_RE.finditer(doc.text, start, end):
            month = MONTH_STEMS.get(m.group(2).lower())
            if month:
                value = f"{m.group(3)}-{month:02d}"
                if m.group(1):
                    value += f"-{int(m.group(1)):02d}"
                found.append((m.start(), value))
    return sorted(found)


def first_date(doc: Doc, start: int, end: int):
    """The first date value inside ``[start, end)``, or None."""
    found = dates_in(doc, start, end)
    return found[0][1] if found else None
