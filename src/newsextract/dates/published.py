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
from typing import NamedTuple

from ..doc import Doc
from ..structure import dateline_parts
from .tables import MONTH_STEMS

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


def infer_published(doc: Doc) -> None:
    """Set ``doc.published`` from the dateline when metadata did not give it."""
    if doc.published:
        return
    parts = dateline_parts(doc)
    if parts is None:
        return
    day, month, year = parts
    if year is None:
        year = infer_year(doc.text, month, day)
        if year is None:
            return
    date = _date(year, month, day)
    if date is not None:
        doc.published = date.isoformat()
        doc.published_inferred = True
