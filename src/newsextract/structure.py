"""Document structure: headline, lead, dateline, credits, captions, boilerplate.

Structure is expressed as zones over ``doc.text``; the text is never rewritten.
``infer_published`` reads the publication date from the dateline, inferring a
missing year from the text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from .doc import Doc, ZoneSpan

MAX_HEADLINE_CHARS = 300  # a longer first line is body text, not a headline
# Genitive month names as in datelines: "22 ноября." -> 11
MONTHS_GEN = {
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6,
    "июля": 7, "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
}
# Month stems for "в мае 2025 года", "октябре 2025" -> 5, 10
MONTH_STEMS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7,
    "август": 8, "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}
_MONTH_ALT = "|".join(MONTHS_GEN)

DATELINE_RE = re.compile(
    rf"^(?:[А-ЯЁA-Z][А-ЯЁA-Zа-яё\-\s]{{1,40}},\s*)?(\d{{1,2}})\s+({_MONTH_ALT})"
    rf"(?:\s+(\d{{4}})(?:\s*(?:года|г\.))?)?\s*(?:[.\-–—]|\s*/)",
    re.IGNORECASE,
)
NUMERIC_DATELINE_RE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s+\d{1,2}:\d{2})?\s*$")
PHOTO_RE = re.compile(r"^\s*(?:фото|фотография|источник фото|фото и видео|photo|видео)\s*[:©]", re.I)
AGE_MARK_RE = re.compile(r"\((?:0|6|12|16|18)\+\)|(?<![\w+])(?:0|6|12|16|18)\+(?![\w])")
ATTRIBUTION_RE = re.compile(
    r",?\s*(?:сообщает|сообщают|передает|передаёт|пишет|информирует)\s+"
    r"(?:ИА|агентство|информационное агентство|издание|портал|газета|телеканал|пресс-служба)?"
    r"[^.\n]{0,120}?(?:со ссылкой на\s+[^.\n]{1,150})?(?=[.\n]|$)",
    re.I,
)
BOILERPLATE_RE = re.compile(
    r"^\s*(?:смотрите полную версию|читайте также|следующая новость|предыдущая новость|"
    r"поделиться|подписывайтесь|подпишитесь|все новости|версия для печати|"
    r"источник:|теги:|метки:|комментарии|нашли ошибку|если вы нашли ошибку|"
    r"материалы по теме|другие новости|новости по теме|вернуться|назад к списку|"
    r"печать|распечатать|оставить комментарий|©|\(c\)|все права защищены)",
    re.I,
)
# "16 мая 2025", "в мае 2025 года", "в 2024 году", "2023 г." -> day?, month?, year
MENTION_RE = re.compile(
    r"(?:(?:(?P<day>\d{1,2})\s+)?(?P<month>январ|феврал|март|апрел|ма|июн|июл|август|сентябр|октябр|ноябр|декабр)"
    r"[а-яё]{0,3}\s+)?(?P<year>19[5-9]\d|20[0-4]\d)(?!\d)(?(month)|\s*(?:год|г\.))",
    re.I,
)
RESULT_MARKERS = re.compile(r"итог|по результатам|за\s+(?:весь\s+)?\d{4}\s+год|в\s+течение\s+\d{4}", re.I)
FUTURE_MARKERS = re.compile(
    r"приглас|приглаш|состоится|пройд[её]т|пройдут|планир|запланир|намечен|предстоящ|"
    r"будет|будут|стартует|откроется|начн[её]тся|ожидается|ожидают|собира[ею]тся|намерен|"
    r"к\s+\d{4}\s+году|до\s+\d{4}\s+года",
    re.I,
)
PAST_MARKERS = re.compile(
    r"состоял|прош[её]л|прошла|прошли|прошедш|подвел|подвели|итогам|был[аио]?\b|завершил|"
    r"провели|провел|стартовал|открыл[аи]?\b",
    re.I,
)
# Named events that give their year: COP29 (Latin or Cyrillic look-alikes) -> 2024.
COP_RE = re.compile(r"\b[CС][OО][PР]\s*-?\s*(\d{1,2})\b")


def _lines(text: str) -> Iterator[tuple[int, int, str]]:
    pos = 0
    for line in text.split("\n"):
        yield pos, pos + len(line), line
        pos += len(line) + 1


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _norm(line: str) -> str:
    return re.sub(r"\W+", " ", line).strip().lower()


def analyze(doc: Doc) -> None:
    """Find zones and the headline; set ``doc.title`` unless metadata gave it."""
    text = doc.text
    zones: list[ZoneSpan] = []
    lines = [(s, e, ln) for s, e, ln in _lines(text) if ln.strip()]
    headline = None
    if lines and lines[0][1] - lines[0][0] <= MAX_HEADLINE_CHARS:
        s, e, ln = lines[0]
        s, e = _strip_span(text, s, e)
        if doc.title is None or _norm(doc.title) == _norm(text[s:e].lstrip("#")):
            zones.append(ZoneSpan(s, e, "headline"))
            headline = text[s:e].lstrip("# ").strip()
            if doc.title is None:
                doc.title = headline or None
    seen_body = False
    title_key = _norm(doc.title or "")
    for i, (s, e, _ln) in enumerate(lines):
        s, e = _strip_span(text, s, e)
        if zones and zones[0].kind == "headline" and i == 0:
            continue
        line = text[s:e]
        key = _norm(line)
        if PHOTO_RE.match(line):
            zones.append(ZoneSpan(s, e, "photo_credit"))
        elif BOILERPLATE_RE.match(line):
            zones.append(ZoneSpan(s, e, "boilerplate"))
        elif title_key and (key == title_key or (key.startswith(title_key) and len(key) < len(title_key) + 120)):
            zones.append(ZoneSpan(s, e, "caption"))
        else:
            m = DATELINE_RE.match(line) or NUMERIC_DATELINE_RE.match(line)
            if m and not seen_body:
                zones.append(ZoneSpan(s, s + m.end(), "dateline"))
            elif not seen_body and i <= 2 and len(line) < 400 and not line.rstrip().endswith((".", "!", "?", ":", ">")):
                zones.append(ZoneSpan(s, e, "lead"))
                continue
            seen_body = True
    for m in AGE_MARK_RE.finditer(text):
        zones.append(ZoneSpan(m.start(), m.end(), "age_mark"))
    for m in ATTRIBUTION_RE.finditer(text):
        s, e = _strip_span(text, m.start(), m.end())
        s += len(text[s:e]) - len(text[s:e].lstrip(", "))
        if e > s:
            zones.append(ZoneSpan(s, e, "attribution"))
    zones.sort(key=lambda z: (z.start, z.end))
    doc.zones = zones
    doc.index()


def dateline_parts(doc: Doc) -> tuple[int, int, int | None] | None:
    """(day, month, year or None) of the dateline zone, if any."""
    for zone in doc.zones:
        if zone.kind != "dateline":
            continue
        line = doc.text[zone.start:zone.end]
        m = DATELINE_RE.match(line)
        if m:
            return int(m.group(1)), MONTHS_GEN[m.group(2).lower()], int(m.group(3)) if m.group(3) else None
        m = NUMERIC_DATELINE_RE.match(line)
        if m:
            return int(m.group(1)), int(m.group(2)), int(m.group(3))
    return None


def _valid(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_of(stem: str) -> int:
    stem = stem.lower()
    if stem == "ма":
        return 5
    return MONTH_STEMS[stem]


def _sentence_at(text: str, pos: int) -> str:
    left = max(text.rfind(".", 0, pos), text.rfind("\n", 0, pos)) + 1
    right = len(text)
    for ch in ".\n":
        j = text.find(ch, pos)
        if j != -1:
            right = min(right, j)
    return text[left:right]


def _mentions(text: str) -> Iterator[tuple[dt.date, dt.date, int]]:
    """``(first day, last day, tense)`` of every dated mention with a year.

    Tense: +1 the sentence speaks of the future (publication before the date),
    -1 of the past (after its start), -2 of results (after its end), 0 unknown.
    """
    for m in MENTION_RE.finditer(text):
        year = int(m.group("year"))
        stem = m.group("month")
        if stem:
            mon = _month_of(stem)
            first = dt.date(year, mon, 1)
            last = (dt.date(year + (mon == 12), mon % 12 + 1, 1) - dt.timedelta(days=1))
            day = int(m.group("day")) if m.group("day") else None
            if day and _valid(year, mon, day):
                first = last = dt.date(year, mon, day)
        else:
            first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
        sent = _sentence_at(text, m.start())
        if RESULT_MARKERS.search(sent):
            tense = -2
        elif FUTURE_MARKERS.search(sent):
            tense = 1
        elif PAST_MARKERS.search(sent):
            tense = -1
        else:
            tense = 0
        yield first, last, tense
    for m in COP_RE.finditer(text):
        n = int(m.group(1))
        if 1 <= n <= 60:  # COP1 in 1995, one a year, none in 2020: COP29 -> 2024
            year = 1994 + n if n <= 25 else 1995 + n
            yield dt.date(year, 11, 1), dt.date(year, 12, 15), 0


def _cost(pub: dt.date, mentions: list[tuple[dt.date, dt.date, int]]) -> tuple[int, int]:
    violations = distance = 0
    for first, last, tense in mentions:
        if (tense == 1 and pub > last) or (tense == -1 and pub < first) or (tense == -2 and pub <= last):
            violations += 1
        distance += 0 if first <= pub <= last else min(abs((pub - first).days), abs((pub - last).days))
    return violations, distance


def infer_year(doc: Doc, month: int, day: int) -> int | None:
    """The publication year for a year-less dateline, from evidence in the text.

    Every dated mention votes through its sentence's tense (future: published
    before it; past: after it; results: after its end) and its distance; the
    candidate year that breaks the fewest constraints, then lies nearest, wins.
    """
    mentions = list(_mentions(doc.text))
    if not mentions:
        return None
    years = {first.year for first, _, _ in mentions} | {last.year for _, last, _ in mentions}
    best = None
    for year in sorted(years | {y - 1 for y in years} | {y + 1 for y in years}):
        pub = _valid(year, month, day)
        if pub is not None:
            key = (_cost(pub, mentions), year)
            best = key if best is None or key < best else best
    return best[1] if best else None


def infer_published(doc: Doc) -> None:
    """Set ``doc.published`` from the dateline when metadata did not give it."""
    if doc.published:
        return
    parts = dateline_parts(doc)
    if parts is None:
        return
    day, month, year = parts
    if year is None:
        year = infer_year(doc, month, day)
        if year is None:
            return
    date = _valid(year, month, day)
    if date is not None:
        doc.published = date.isoformat()
        doc.published_inferred = True
