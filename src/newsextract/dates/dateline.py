"""The shapes a page prints its own date in: datelines, crawler stamps, date lines, URLs.

``structure`` marks these as zones (``dateline``, ``stamp``, ``timestamp``);
``published`` reads their values. Every pattern here is about where a page
puts its date, not about dates in prose (that is ``grammar``).

Datelines in agency forms::

    ОМСК, 12 мар – РИА Новости.        МОСКВА, 5 марта. /ТАСС/.
    Москва. 17 апреля. INTERFAX.RU -   (Казань, 10 апреля, «Татар-информ»).
    НУР-СУЛТАН, 9 сен — Sputnik.       Уагадугу, 5 июня, 2024, 14:14 — ИА Регнум.
    22 ноября.                         **ЯКУТСК, 14.11.2023.**

A crawler's stamp before the text: `` date 2025-03-12``. Date lines near the
top: ``12 марта 2025``, ``12.03.2025 10:15``, ``14:22 19 августа 2022``,
``Опубликовано: 25 июля 2017 – 14:17``, ``2025, 26 ноября 15:26``. URLs:
``/20250312/``, ``/2024-03-12/``, ``/2024/03/12/`` (htmldate's rule), ``/25072017/``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple, Optional

from .tables import MONTH_ABBR, MONTH_FORMS, month_number

_GEN = [w for w, (_, case) in MONTH_FORMS.items() if case == "gen"]
# Genitive month names and abbreviations (longest first): "марта", "сент", "мар"
MONTH_WORD = "|".join(sorted(_GEN + list(MONTH_ABBR), key=len, reverse=True))
_TIME = r"\d{1,2}:\d{2}"
_SEP = r"[^\S\n]*[-–—][^\S\n]*"

# "ОМСК, 12 мар – РИА Новости.", "МОСКВА, 5 марта. /ТАСС/.", "Москва. 17 апреля. INTERFAX.RU -"
DATELINE_RE = re.compile(
    r"^[*_\s(]*(?P<city>(?:[А-ЯЁ]\.[^\S\n]*)?[А-ЯЁA-Z][А-ЯЁA-Zа-яё\-]*(?:[^\S\n]+(?:\([А-ЯЁA-Z][\w\-]*\)|[А-ЯЁA-Z][\w\-]*)){0,3}"
    r"[,.][^\S\n]*)?"
    rf"(?:(?P<day>\d{{1,2}})[^\S\n]+(?P<month>(?i:{MONTH_WORD}))(?![а-яёА-ЯЁ])\.?"
    r"(?:,?[^\S\n]+(?P<year>(?:19|20)\d\d)(?!\d)(?:[^\S\n]*(?:года|г\.?))?)?"
    r"|(?P<nday>\d{1,2})\.(?P<nmonth>\d{1,2})\.(?P<nyear>\d{4}|\d{2})(?!\d))"
    rf"(?:,?[^\S\n]+{_TIME})?"
    r"[*_]*(?=[^\S\n]*(?:[.,\-–—/*_)]|$)|[^\S\n]+[А-ЯЁA-Z«\"])"
    # the agency: " – РИА Новости.", ". /ТАСС/.", ". INTERFAX.RU -", ", «Татар-информ»)."
    rf"(?P<agency>(?:[.,]?(?:{_SEP}|[^\S\n]+)(?:/[^/\n]{{2,30}}/|«[^»\n]{{2,30}}»)\)?\.?"
    rf"|\.?{_SEP}(?:ИА[^\S\n]+)?[А-ЯЁA-Z][\w.\-]*(?:[^\S\n]+[А-ЯЁA-Z][\w.\-]*){{0,2}}\.(?!\w)"
    rf"|\.?[^\S\n]+[A-ZА-ЯЁ][A-ZА-ЯЁ.\-]{{2,}}(?:{_SEP}[А-ЯЁA-Z][А-ЯЁA-Z\s]{{2,30}}?)?{_SEP}))?"
    r"\.?[*_]*\)?",
    re.MULTILINE,
)
# A crawler's date stamp opening the text: " date 2025-03-12"
STAMP_RE = re.compile(r"\A\s*date[^\S\n]+(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)")
# A full date as pages print their own: "12 марта 2025", "12.03.2025", "2025, 26 ноября", "4 Марта 2013"
FULL_DATE_RE = re.compile(
    rf"(?<!\d)(?:(?P<day>\d{{1,2}})(?:-?го)?[^\S\n]+(?P<month>{MONTH_WORD})\.?,?[^\S\n]+(?P<year>(?:19|20)\d\d)(?!\d)"
    r"(?:[^\S\n]*(?:года|г\.))?"
    r"|(?P<nday>\d{1,2})\.(?P<nmonth>\d{1,2})\.(?P<nyear>(?:19|20)\d\d|\d\d)(?![\d.])"
    rf"|(?P<lyear>(?:19|20)\d\d),[^\S\n]+(?P<lday>\d{{1,2}})[^\S\n]+(?P<lmonth>{MONTH_WORD})(?![а-яё]))",
    re.IGNORECASE,
)
TIME_RE = re.compile(rf"(?<![\d:.,]){_TIME}(?![\d:])")
# "Сейчас 11:40": a clock widget; the date line next to it is today's, not the page's
CLOCK_RE = re.compile(r"(?i)\bсейчас\b[^\S\n]*\d{1,2}:\d{2}")
_URL_COMPACT = re.compile(r"/(?P<a>\d{8})(?=[/?#]|$)")  # /20250312/ or /25072017/


class PageDate(NamedTuple):
    day: int
    month: int
    year: Optional[int]


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 else year


def parse_full_date(m: re.Match) -> Optional[dt.date]:
    """The date of a ``FULL_DATE_RE`` match, or None when it is no calendar date."""
    if m.group("day"):
        day, month, year = int(m.group("day")), month_number(m.group("month")), int(m.group("year"))
    elif m.group("nday"):
        day, month, year = int(m.group("nday")), int(m.group("nmonth")), _year(m.group("nyear"))
    else:
        day, month, year = int(m.group("lday")), month_number(m.group("lmonth")), int(m.group("lyear"))
    return _date(year, month or 0, day)


def parse_dateline(line: str) -> Optional[PageDate]:
    """(day, month, year or None) of a dateline at the start of ``line``."""
    m = DATELINE_RE.match(line)
    if m is None:
        return None
    if m.group("day"):
        month = month_number(m.group("month"))
        year = int(m.group("year")) if m.group("year") else None
        day = int(m.group("day"))
    else:
        day, month, year = int(m.group("nday")), int(m.group("nmonth")), _year(m.group("nyear"))
    if not month or _date(year or 2000, month, day) is None:
        return None
    return PageDate(day, month, year)


def stamp_date(text: str) -> Optional[dt.date]:
    m = STAMP_RE.match(text)
    return _date(int(m.group("y")), int(m.group("m")), int(m.group("d"))) if m else None


def url_date(url: Optional[str]) -> tuple[Optional[dt.date], Optional[int]]:
    """(full date, year) a URL states: ``/2024/03/12/``, ``/2024-03-12/``, ``/20240312/``, ``/12032024/``."""
    if not url:
        return None, None
    from htmldate.extractors import COMPLETE_URL  # here: htmldate takes 80 ms to import

    m = COMPLETE_URL.search(url)
    if m:
        date = _date(int(m[1]), int(m[2]), int(m[3]))
        if date is not None:
            return date, date.year
    for m in _URL_COMPACT.finditer(url):
        a = m.group("a")
        for year, month, day in ((a[:4], a[4:6], a[6:]), (a[4:], a[2:4], a[:2])):
            date = _date(int(year), int(month), int(day))
            if date is not None and 1990 <= date.year <= 2039:
                return date, date.year
    m = re.search(r"/((?:199|20[0-3])\d)/(?:[01]?\d/)?", url)
    return None, (int(m.group(1)) if m else None)


def _date(year: int, month: int, day: int) -> Optional[dt.date]:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
