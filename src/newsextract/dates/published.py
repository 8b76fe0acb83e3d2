"""The publication date: metadata first, else the dateline, its year inferred.

A year-less dateline (``22 ноября.``) gets the year that best fits the dated
mentions in the text. Each mention is an interval (a day, a month, a season,
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
from .tables import MONTH_STEMS, WEEKDAYS, month_number

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

# Parts of a year as month ranges: "летом 2025 года" -> (6, 8), "во втором полугодии" -> (7, 12)
YEAR_PARTS = {
    "зим": (1, 2), "весн": (3, 5), "лет": (6, 8), "осен": (9, 11),
    "начал": (1, 3), "середин": (5, 8), "конц": (10, 12), "конец": (10, 12),
    "первом квартал": (1, 3), "втором квартал": (4, 6), "третьем квартал": (7, 9),
    "четвертом квартал": (10, 12), "i квартал": (1, 3), "ii квартал": (4, 6),
    "iii квартал": (7, 9), "iv квартал": (10, 12),
    "первом полугоди": (1, 6), "втором полугоди": (7, 12),
    "первой половин": (1, 6), "второй половин": (7, 12),
}
_PART_ALT = "|".join(sorted(YEAR_PARTS, key=len, reverse=True))
_YEAR = r"19[5-9]\d|20[0-4]\d"
_MONTH = "|".join(MONTH_STEMS)

# "16 мая 2025", "с 11 по 22 ноября 2024 года", "в мае 2025 года", "летом 2025 года",
# "в 2024 году", "2025–2027 годы", "с 2019 по 2023 год"
MENTION_RE = re.compile(
    rf"(?P<pre>\b(?:с|до|к|начиная\s+с|не\s+позднее)\s+)?"
    rf"(?:(?:(?P<day0>\d{{1,2}})\s*(?:[-–—]|по)\s*)?(?P<day>\d{{1,2}})\s+)?"
    rf"(?:(?P<part>{_PART_ALT})[а-яё]*\s+)?"
    rf"(?:(?P<month>{_MONTH})[а-яё]{{0,3}}\s+)?"
    rf"(?:(?P<year0>{_YEAR})\s*(?:[-–—]|по)\s*)?(?P<year>{_YEAR})(?!\d)"
    rf"(?(month)|(?(part)|\s*(?:год|гг|г\.)))",
    re.I,
)
LABEL_YEAR_RE = re.compile(rf"[А-ЯЁA-Za-zа-яё]-({_YEAR})(?!\d)")  # «Баренц-2025»: held that year
COP_RE = re.compile(r"\b[CС][OО][PР]\s*-?\s*(\d{1,2})\b")  # COP29, or СОР 29 in Cyrillic look-alikes
# "итоги 2024 года", "за 2024 год": written after that year ended
RESULT_RE = re.compile(
    rf"(?:итог[а-я]*|результат[а-я]*)\s+(?:[а-я]+\s+)?(?:{_YEAR})|за\s+(?:весь\s+)?(?:{_YEAR})\s+год", re.I)
FUTURE_RE = re.compile(
    r"приглас|приглаш|состоится|пройд[её]т|пройдут|планир|запланир|намечен|предстоящ|"
    r"будет|будут|стартует|откроется|начн[её]тся|ожидается|ожидают|собира[ею]тся|намерен|"
    r"продлится|станет|появится|заработает",
    re.I,
)
PAST_RE = re.compile(
    r"состоял|прош[её]л|прошла|прошли|прошедш|подвел|подвели|был[аио]?\b|завершил|"
    r"провели|провел|стартовал|открыл[аи]?\b|\bранее\b|\bназад\b",
    re.I,
)
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


def _month_of(stem: str) -> int:
    return MONTH_STEMS[stem.lower()]


def _part_of(part: str) -> tuple[int, int]:
    return YEAR_PARTS[part.lower().replace("ё", "е")]


def _interval(m: re.Match) -> tuple[dt.date, dt.date]:
    year = int(m.group("year"))
    if m.group("month"):
        month = _month_of(m.group("month"))
        first, last = dt.date(year, month, 1), _month_end(year, month)
        if m.group("day"):
            day = _date(year, month, int(m.group("day")))
            day0 = _date(year, month, int(m.group("day0"))) if m.group("day0") else None
            first, last = (day0 or day or first), (day or last)
        return first, last
    if m.group("part"):
        lo, hi = _part_of(m.group("part"))
        return dt.date(year, lo, 1), _month_end(year, hi)
    year0 = int(m.group("year0")) if m.group("year0") else year
    return dt.date(min(year0, year), 1, 1), dt.date(year, 12, 31)


def _sentence_at(text: str, pos: int) -> str:
    left = max(text.rfind(".", 0, pos), text.rfind("\n", 0, pos)) + 1
    ends = [j for j in (text.find(".", pos), text.find("\n", pos)) if j != -1]
    return text[left:min(ends) if ends else len(text)]


def _tense(text: str, m: re.Match) -> int:
    if RESULT_RE.search(text[max(0, m.start() - 30):m.end() + 12]):
        return -2
    sent = _sentence_at(text, m.start())
    if FUTURE_RE.search(sent):
        return 1
    return -1 if PAST_RE.search(sent) else 0


def mentions(text: str) -> Iterator[Mention]:
    """Every dated mention with a year, as an interval with a tense."""
    for m in MENTION_RE.finditer(text):
        first, last = _interval(m)
        pre = (m.group("pre") or "").lower().split()
        if pre and pre[-1] == "с" and not m.group("day0") and not m.group("year0"):
            yield Mention(first, last, -1, near=False)  # "с 2019 года": since, bounds only
        elif pre and pre[0] in ("до", "к", "не"):
            yield Mention(first, last, 1, near=False)  # "к 2030 году": a target
        else:
            yield Mention(first, last, _tense(text, m))
    for m in LABEL_YEAR_RE.finditer(text):
        year = int(m.group(1))
        yield Mention(dt.date(year, 1, 1), dt.date(year, 12, 31), 0)
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
