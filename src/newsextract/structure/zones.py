"""Document structure: headline, lead, dateline, credits, captions, boilerplate.

Structure is expressed as zones over ``doc.text``; the text is never rewritten.
``dateline_parts`` reads the dateline; ``published.py`` turns it into a date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..doc import Doc, ZoneSpan
from ..nlp.calendar import MONTHS_GEN

MAX_HEADLINE_CHARS = 300  # a longer first line is body text, not a headline
_MONTH_ALT = "|".join(MONTHS_GEN)

# "22 ноября.", "МОСКВА, 12 марта 2025 г.", "**ЯКУТСК, 14.11.2023.**", "05.06.2025 10:30"
DATELINE_RE = re.compile(
    r"^[*_\s]*(?:[А-ЯЁA-Z][А-ЯЁA-Zа-яё\-\s.()]{1,40},\s*)?"
    rf"(?:(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH_ALT})(?:\s+(?P<year>\d{{4}})(?:\s*(?:года|г\.?))?)?"
    r"|(?P<nday>\d{1,2})\.(?P<nmonth>\d{1,2})\.(?P<nyear>\d{4}|\d{2})(?:,?\s+\d{1,2}:\d{2})?)"
    r"[*_]*(?=\s*(?:[.,\-–—/*_]|$)|\s+[А-ЯЁA-Z«\"])\.?[*_]*",
    re.IGNORECASE,
)
PHOTO_RE = re.compile(r"^\s*(?:фото|фотография|источник фото|фото и видео|photo|видео)\s*[:©]", re.I)
AGE_MARK_RE = re.compile(r"\((?:0|6|12|16|18)\+\)|(?<![\w+])(?:0|6|12|16|18)\+(?![\w])")
# No leading ",?\s*" (the zone is stripped of it anyway): it made the search quadratic on long
# whitespace runs, each start in the run scanning to its end.
ATTRIBUTION_RE = re.compile(
    r"(?:сообщает|сообщают|передает|передаёт|пишет|информирует)\s+"
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
            m = DATELINE_RE.match(line)
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
        if m and m.group("day"):
            year = int(m.group("year")) if m.group("year") else None
            return int(m.group("day")), MONTHS_GEN[m.group("month").lower()], year
        if m:
            year = int(m.group("nyear"))
            return int(m.group("nday")), int(m.group("nmonth")), year + 2000 if year < 100 else year
    return None
