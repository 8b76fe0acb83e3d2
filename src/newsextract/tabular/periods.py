"""Calendar bounds of the ISO values records carry: ``2025-Q3`` -> 2025-07-01..2025-09-30.

A record's dates keep the value as precise as the text is (``2025``, ``2025-05``,
``2025-05-16``, ``2025-Q3``, ``2025-W03``); tables need two real dates. The bounds
are the first and last day of the period named: a quarter's three months, an ISO
week's Monday..Sunday, a season's months (the date grammar's own table, read from
the mention's words), a half-year for ``first_half``/``second_half``, ten years
for a ``decade`` and a hundred for a ``century`` (both valued by their first year).
A range ends where its ``end_value``'s period ends. Words such as "в начале" or
"к 2030 году" (``modifier`` start, by, ...) do not narrow the period: the modifier
is a column of its own.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Optional

from ..dates.tables import SEASONS

Bounds = tuple[Optional[dt.date], Optional[dt.date]]

_VALUE = re.compile(r"^(\d{4})(?:-(?:(\d{2})(?:-(\d{2}))?|Q([1-4])|W(\d{2})))?$")
_WORD = re.compile(r"[а-яё]+", re.I)
_HALVES = {"first_half": (1, 6), "second_half": (7, 12)}
_SPANS = {"decade": 10, "century": 100}


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _months(year: int, first: int, last: int) -> Bounds:
    return dt.date(year, first, 1), _month_end(year, last)


def _season_months(text: str, *, last: bool = False) -> Optional[tuple[int, int]]:
    words = _WORD.findall(text or "")
    for word in reversed(words) if last else words:
        months = SEASONS.get(word.lower())
        if months:
            return months
    return None


def value_bounds(value: Optional[str], granularity: Optional[str] = None, *, modifier: Optional[str] = None,
                 text: str = "", last: bool = False) -> Bounds:
    """First and last day of one ISO value; ``(None, None)`` for a missing or unreadable one."""
    m = _VALUE.match(value or "")
    if m is None:
        return None, None
    year = int(m.group(1))
    try:
        if m.group(3):
            day = dt.date(year, int(m.group(2)), int(m.group(3)))
            return day, day
        if m.group(2):
            return _months(year, int(m.group(2)), int(m.group(2)))
        if m.group(4):
            q = int(m.group(4))
            return _months(year, 3 * q - 2, 3 * q)
        if m.group(5):
            monday = dt.date.fromisocalendar(year, int(m.group(5)), 1)
            return monday, monday + dt.timedelta(days=6)
    except ValueError:
        return None, None
    if granularity in _SPANS:
        return dt.date(year, 1, 1), dt.date(year + _SPANS[granularity] - 1, 12, 31)
    if granularity == "season":
        months = _season_months(text, last=last)
        if months:
            return _months(year, *months)
    if modifier in _HALVES:
        return _months(year, *_HALVES[modifier])
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def date_bounds(value: Optional[str], granularity: Optional[str] = None, *, end_value: Optional[str] = None,
                modifier: Optional[str] = None, text: str = "") -> Bounds:
    """``(date_start, date_end)`` of a date mention: a range ends with its end value's period."""
    start, end = value_bounds(value, granularity, modifier=modifier, text=text)
    if start is not None and end_value:
        _, final = value_bounds(end_value, granularity, text=text, last=True)
        if final is not None and final >= start:
            end = final
    return start, end
