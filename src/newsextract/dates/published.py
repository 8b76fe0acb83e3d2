"""The publication date: metadata first, else the dateline, its year inferred.

A year-less dateline (``22 ноября.``) gets the year that best fits the dated
mentions in the text, read with the one date grammar (``grammar.scan``); their
tense comes from the cue words of ``resolve.tense_of_sentence`` (this stage runs
before tokenization, so the verb reading of ``resolve.tense_near`` is not
available). What is publication-specific stays here: numeric dates are the
page's own stamps, not mentions; a year alone counts with its year word only;
COP numbers date a conference. Each mention is an interval (a day, a month, a season,
a quarter, a year, a range of years) with a tense read from its sentence:
future (the publication comes before it), past (after its start), results
(``итоги 2024 года``: after its end), since/target (``с 2019 года``,
``к 2030 году``: bounds only). The candidate year that breaks the fewest of
these constraints and then lies nearest to the datable mentions wins.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import NamedTuple, Optional

from ..doc import Doc
from .dateline import (
    CLOCK_RE,
    FULL_DATE_RE,
    MONTH_WORD,
    PageDate,
    parse_dateline,
    parse_full_date,
    stamp_date,
    url_date,
)
from .grammar import Atom, scan
from .resolve import tense_of_sentence
from .tables import WEEKDAYS, month_number

TOP_CHARS = 3000  # the page's own dates are looked for in this many first characters
CLOCK_REACH = 40  # a clock this close after a date line makes it the site's clock
LEAD_CHARS = 600  # "во вторник, 13 августа" this near the top is the day of the news
_WD = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
# "во вторник, 13 августа", "В среду 14 июня"
WEEKDAY_DATE_RE = re.compile(
    rf"(?i)\bв?о?[^\S\n]*(?P<w>{_WD})\b,?[^\S\n]+(?P<d>\d{{1,2}})(?:-?го)?[^\S\n]+(?P<m>{MONTH_WORD})(?![а-яё])")
BARE_WEEKDAY_RE = re.compile(rf"(?i)\bв?о?[^\S\n]+(?P<w>{_WD})\b(?![^\S\n]*,?[^\S\n]*\d)")
# "Сегодня, 12 апреля, он встретился": the lead's today
TODAY_RE = re.compile(rf"(?i)\bсегодня,?[^\S\n]+(?P<d>\d{{1,2}})(?:-?го)?[^\S\n]+(?P<m>{MONTH_WORD})(?![а-яё])")


def dateline_parts(doc: Doc) -> Optional[PageDate]:
    """(day, month, year or None) of the dateline zone, if any."""
    for zone in doc.zones:
        if zone.kind == "dateline":
            return parse_dateline(doc.text[zone.start:zone.end])
    return None

_YEARS = range(1950, 2050)  # years a dated mention may fix the publication by
# Prepositions that make a mention a bound only: "с 2019 года" (since), "к 2030 году" (a target)
SINCE_PREPS = frozenset({"с", "со", "начиная с", "начиная со"})
TARGET_PREPS = frozenset({"до", "вплоть до", "к", "ко", "не позднее"})
# Months of the year-parts a part word gives a bare year: "в начале 2025 года" -> 1..3
PART_MONTHS = {"start": (1, 3), "middle": (5, 8), "end": (10, 12), "first_half": (1, 6), "second_half": (7, 12)}
# "18.02.2026", "2026-02-18": a page's own stamps and the crawl's furniture, not what the text tells
NUMERIC_RE = re.compile(r"\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d\d-\d\d")
# A year alone counts with its year word only ("в 2024 году", not "в 2024-м"), as tuned on the dev set
YEAR_WORD_RE = re.compile(r"год|гг|г\.")
COP_RE = re.compile(r"\b[CС][OО][PР]\s*-?\s*(\d{1,2})\b")  # COP29, or СОР 29 in Cyrillic look-alikes
NEAR_DAYS = 400  # a mention further away than this costs no more (history, long-term plans)


class Mention(NamedTuple):
    first: dt.date
    last: dt.date
    tense: int  # +1 future, -1 past, -2 results, 0 unknown
    near: bool = True  # counts for distance (since/target bounds do not)


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)


def _interval(atom: Atom) -> Optional[tuple[dt.date, dt.date]]:
    """The days a dated calendar atom of the one grammar covers; None without a year."""
    year = atom.y
    if atom.kind != "cal" or year is None or year not in _YEARS:
        return None
    end_year = atom.y2 if atom.is_range and atom.y2 is not None else year
    if end_year not in _YEARS:
        return None
    if atom.m is not None:
        first, last = dt.date(year, atom.m, 1), _month_end(year, atom.m)
        if atom.d is not None:
            first = _date(year, atom.m, atom.d) or first
            last = first if not atom.is_range else last
        if atom.is_range:
            m2 = atom.m2 or atom.m
            last = _month_end(end_year, m2)
            if atom.d2 is not None:
                last = _date(end_year, m2, atom.d2) or last
        return first, last
    months = _months_of_part(atom)
    if months and not atom.is_range:
        return dt.date(year, months[0], 1), _month_end(year, months[1])
    return dt.date(min(year, end_year), 1, 1), dt.date(end_year, 12, 31)


def _months_of_part(atom: Atom) -> Optional[tuple[int, int]]:
    """(first, last) month of a quarter, half, season or part of a year ("в конце 2025 года")."""
    if atom.q is not None:
        return 3 * atom.q - 2, 3 * atom.q
    if atom.half is not None:
        return 6 * atom.half - 5, 6 * atom.half
    if atom.season is not None:
        return atom.season
    return PART_MONTHS.get(atom.part or "")


def _bare_year(atom: Atom) -> bool:
    return (atom.m is None and atom.q is None and atom.half is None and atom.season is None
            and atom.part is None and not atom.extra.get("hyphen"))


def mentions(text: str) -> Iterator[Mention]:
    """Every dated mention with a year (from the one date grammar), as an interval with a tense."""
    for atom in scan(text):
        span = _interval(atom)
        if span is None or NUMERIC_RE.search(text, atom.start, atom.end):
            continue
        first, last = span
        if _bare_year(atom) and not YEAR_WORD_RE.search(text, atom.start, atom.end):
            continue
        if atom.extra.get("hyphen"):  # «Баренц-2025»: held that year
            yield Mention(dt.date(atom.y, 1, 1), dt.date(atom.y, 12, 31), 0)
        elif atom.prep in SINCE_PREPS and not atom.is_range:
            yield Mention(first, last, -1, near=False)  # "с 2019 года": since, bounds only
        elif atom.prep in TARGET_PREPS:
            yield Mention(first, last, 1, near=False)  # "к 2030 году": a target
        else:
            yield Mention(first, last, tense_of_sentence(text, atom.start, atom.end))
    for m in COP_RE.finditer(text):
        n = int(m.group(1))
        if 1 <= n <= 60:  # COP1 in 1995, one a year, none in 2020: COP29 -> 2024
            year = 1994 + n if n <= 25 else 1995 + n
            yield Mention(dt.date(year, 11, 1), dt.date(year, 12, 15), 0)


def _gap(pub: dt.date, first: dt.date, last: dt.date) -> int:
    """Days from ``pub`` to the interval; a span of years (``2015–2023``) counts by its last year."""
    if last.year > first.year and first.month == 1 and last.month == 12:
        first = dt.date(last.year, 1, 1)
    if first <= pub <= last:
        return 0
    return min(abs((pub - first).days), abs((pub - last).days))


def _cost(pub: dt.date, found: list[Mention]) -> tuple[int, int]:
    violations = distance = 0
    for first, last, tense, near in found:
        if (tense == 1 and pub > last) or (tense == -1 and pub < first) or (tense == -2 and pub <= last):
            violations += 1
        if near:
            distance += min(_gap(pub, first, last), NEAR_DAYS)
    return violations, distance


def infer_year(text: str, month: int, day: int) -> int | None:
    """The year of a year-less dateline that best fits the text's dated mentions."""
    found = list(mentions(text))
    if not found:
        return None
    years = {m.last.year for m in found if m.near} or {m.last.year for m in found}
    best = None
    for year in sorted(years | {y - 1 for y in years} | {y + 1 for y in years}):
        pub = _date(year, month, day)
        if pub is not None:
            key = (_cost(pub, found), -year)  # on a tie, the later year
            best = key if best is None or key < best else best
    return -best[1] if best else None


def _nearest_year(month: int, day: int, anchors: list[dt.date]) -> Optional[int]:
    """The year that puts (day, month) nearest to the first anchor (a stamp, a date line, the URL)."""
    if not anchors:
        return None
    anchor = anchors[0]
    best = None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        date = _date(year, month, day)
        if date is not None:
            key = abs((date - anchor).days)
            best = (key, year) if best is None or key < best[0] else best
    return best[1] if best else None


def _weekday_years(text: str, month: int, day: int, years: range) -> list[int]:
    """Years in which ``day``.``month`` falls on a weekday the text attaches to it.

    "во вторник, 13 августа" holds in 2024 and 2019, not in 2023; a bare "в воскресенье"
    near a year-less dateline dates the news too (agency news say the day of the week).
    """
    wanted = set()
    for m in WEEKDAY_DATE_RE.finditer(text):
        if int(m.group("d")) == day and _month_of_word(m.group("m")) == month:
            wanted.add(WEEKDAYS[m.group("w").lower()])
    if not wanted:
        wanted = {WEEKDAYS[m.group("w").lower()] for m in BARE_WEEKDAY_RE.finditer(text[:TOP_CHARS])}
    if len(wanted) != 1:
        return []
    (weekday,) = wanted
    return [y for y in years if (d := _date(y, month, day)) is not None and d.weekday() == weekday]


def _month_of_word(word: str) -> Optional[int]:
    return month_number(word)


def _page_dates(doc: Doc) -> list[dt.date]:
    """Full dates the page prints about itself near the top: timestamp zones, not clocks."""
    out = []
    for zone in doc.zones:
        if zone.kind != "timestamp" or zone.start > TOP_CHARS:
            continue
        around = doc.text[zone.start:min(len(doc.text), zone.end + CLOCK_REACH)]
        if CLOCK_RE.search(around):
            continue  # "3 января 2026 / Сейчас 11:40": the site's clock
        m = FULL_DATE_RE.search(doc.text, zone.start, zone.end)
        date = parse_full_date(m) if m else None
        if date is not None:
            out.append(date)
    return out


def _year_of(doc: Doc, month: int, day: int, anchors: list[dt.date], url_year: Optional[int]) -> tuple[Optional[int], str]:
    """The year of a year-less date at the top of the page, and whether it came from the page or the text."""
    year = _nearest_year(month, day, anchors)
    if year is not None:
        return year, "page"
    if url_year is not None:
        return url_year, "page"
    year = infer_year(doc.text, month, day)
    if year is None:
        return None, "text"  # no dated mention: a weekday alone fits a year every few years
    fits = _weekday_years(doc.text, month, day, range(year - 6, year + 7))
    if fits:  # "во вторник, 13 августа" with "в 2025 году" ahead: 2024, not 2025
        year = min(fits, key=lambda y: (abs(y - year), -y))
    return year, "text"


def find_published(doc: Doc) -> Optional[tuple[dt.date, str]]:
    """The publication date the page states, and its source (see ``records.PublishedSource``).

    Order: the dateline (its year from the dateline, else from a stamp, date line
    or the URL, else inferred from the text); a crawler's stamp; a date line at
    the top; the URL; a lead date anchored by "сегодня" or a weekday ("во вторник,
    13 августа"), its year inferred. Never the current year.
    """
    url_full, url_year = url_date(doc.meta.get("url"))
    stamp = stamp_date(doc.text)
    page = _page_dates(doc)
    anchors = [d for d in (stamp, *page[:1], url_full) if d is not None]
    parts = dateline_parts(doc)
    if parts is not None:
        if parts.year is not None:
            date = _date(parts.year, parts.month, parts.day)
            if date is not None:
                return date, "dateline"
        else:
            year, where = _year_of(doc, parts.month, parts.day, anchors, url_year)
            date = _date(year, parts.month, parts.day) if year else None
            if date is not None:
                return date, "dateline" if where == "page" else "inferred"
    if stamp is not None:
        return stamp, "stamp"
    if page:
        return page[0], "stamp"
    if url_full is not None:
        return url_full, "url"
    m = TODAY_RE.search(doc.text, 0, TOP_CHARS) or WEEKDAY_DATE_RE.search(doc.text, 0, LEAD_CHARS)
    if m is not None:
        month = month_number(m.group("m"))
        day = int(m.group("d"))
        if month:
            year, _ = _year_of(doc, month, day, [], url_year)
            date = _date(year, month, day) if year else None
            if date is not None:
                return date, "inferred"
    return None


def infer_published(doc: Doc) -> None:
    """Set ``doc.published`` (and where it came from) when metadata did not give it."""
    if doc.published:
        doc.published_source = "metadata"
        return
    found = find_published(doc)
    if found is not None:
        date, source = found
        doc.published = date.isoformat()
        doc.published_inferred = True
        doc.published_source = source
