"""Document structure: headline, lead, dateline, credits, captions, boilerplate.

Structure is expressed as zones over ``doc.text``; the text is never rewritten.
Site furniture (menus, tickers, timestamps, share buttons, tails of other
articles) is classified in ``furniture``; ``dates.published`` reads the dateline.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..dates.dateline import DATELINE_RE, STAMP_RE
from ..doc import Doc, ZoneSpan
from . import furniture

MAX_HEADLINE_CHARS = 300  # a longer first line is body text, not a headline
TOP_LINES = 40  # an agency dateline is looked for in this many first lines
TOP_CHARS = 3000  # ... and within this many first characters
SITE_NAME_WORDS = 3  # a first line this short may be the site's name, not the headline
PHOTO_RE = re.compile(r"^\s*(?:фото|фотография|источник фото|фото и видео|photo|видео)\s*[:©]", re.I)
AGE_MARK_RE = re.compile(r"\((?:0|6|12|16|18)\+\)|(?<![\w+])(?:0|6|12|16|18)\+(?![\w])")
# No leading ",?\s*" (the zone is stripped of it anyway): it made the search quadratic on long
# whitespace runs, each start in the run scanning to its end.
ATTRIBUTION_RE = re.compile(  # the look-ahead on the verbs' first letters lets the search skip fast
    r"(?=[спи])(?:сообщает|сообщают|передает|передаёт|пишет|информирует)\s+"
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


_NON_WORD = re.compile(r"\W+")


def _norm(line: str) -> str:
    return _NON_WORD.sub(" ", line).strip().lower()


def _furniture(text: str, lines: list[tuple[int, int, str]]) -> tuple[list[ZoneSpan], set[int], int]:
    """Furniture zones, the indexes of furniture lines, and the index of the first body line."""
    zones: list[ZoneSpan] = []
    skip: set[int] = set()
    body_at = next((i for i, (_, _, ln) in enumerate(lines) if furniture.is_prose(ln) or furniture.is_sentence(ln)),
                   len(lines))
    in_tail = False
    for i, (s, e, ln) in enumerate(lines):
        kind = None if PHOTO_RE.match(ln) else furniture.classify(ln, top=0 < i < body_at)
        if in_tail and (kind is None or kind in ("menu", "timestamp", "ticker")) and not furniture.is_prose(ln):
            kind = "related"  # the headlines listed after "Читайте также"
        elif kind == "related":
            in_tail = True
        else:
            in_tail = False
        if kind is not None:
            zones.append(ZoneSpan(s, e, kind))
            skip.add(i)
        elif s < TOP_CHARS:
            for gs, ge in furniture.glued_timestamps(ln):
                zones.append(ZoneSpan(s + gs, s + ge, "timestamp"))
    return zones, skip, body_at


def _headline(lines: list[tuple[int, int, str]], skip: set[int]) -> int | None:
    """Index of the headline line: the first line that is no furniture, preferring one repeated later."""
    top = next((i for i, (_, _, ln) in enumerate(lines[:TOP_LINES]) if DATELINE_RE.match(ln)), TOP_LINES)
    candidates = [i for i, (s, e, ln) in enumerate(lines[:top]) if i not in skip
                  and e - s <= MAX_HEADLINE_CHARS and (i == 0 or len(ln.split()) > 1)
                  and not DATELINE_RE.match(ln) and not PHOTO_RE.match(ln)]
    if not candidates:
        return None
    first = candidates[0]
    keys = [_norm(ln) for _, _, ln in lines[:candidates[:6][-1] + 12]]  # those compared below
    for i in candidates[:6]:
        if furniture.is_prose(lines[i][2]):
            break
        if keys[i] and keys[i] in keys[i + 1:i + 12]:
            return i
        if stamped(lines[i][2]):
            return i  # "Заголовок05 сентября 2025 года, 16:31": the headline carries the page's time
    if len(lines[first][2].split()) <= SITE_NAME_WORDS:  # "Городской портал": a site's name first
        for i in candidates[1:6]:
            if furniture.is_prose(lines[i][2]):
                break
            if i + 1 < len(lines) and furniture.classify(lines[i + 1][2], top=True) == "timestamp":
                return i  # the headline sits right above the page's date line
    return first


def stamped(line: str) -> bool:
    """A line ending in a date and time glued to it."""
    found = furniture.glued_timestamps(line)
    return bool(found) and found[-1][1] >= len(line.rstrip()) - 1


def analyze(doc: Doc) -> None:
    """Find zones and the headline; set ``doc.title`` unless metadata gave it."""
    text = doc.text
    zones: list[ZoneSpan] = []
    lines = [(s, e, ln) for s, e, ln in _lines(text) if ln.strip()]
    stamp = STAMP_RE.match(text)
    if stamp and lines:  # " date 2025-03-12 Заголовок": the stamp, then the line goes on
        s0 = len(stamp.group()) - len(stamp.group().lstrip())
        zones.append(ZoneSpan(s0, stamp.end(), "stamp"))
        s, e, ln = lines[0]
        rest = stamp.end() - s
        lines[0] = (stamp.end(), e, ln[rest:])
        if not lines[0][2].strip():
            lines.pop(0)
    lines = [(*_strip_span(text, s, e), ln.strip()) for s, e, ln in lines]
    furn, skip, body_at = _furniture(text, lines)
    zones.extend(furn)
    headline_i = _headline(lines, skip) if lines else None
    if headline_i is not None and headline_i > 0 and (stamped(lines[headline_i][2])
                                                      or len(lines[0][2].split()) <= SITE_NAME_WORDS):
        for i in range(headline_i):  # what comes above a stamped headline is the site's chrome
            if i not in skip:
                zones.append(ZoneSpan(lines[i][0], lines[i][1], "menu"))
                skip.add(i)
    if headline_i is not None:
        s, e, ln = lines[headline_i]
        if stamped(ln):
            e = _strip_span(text, s, s + furniture.glued_timestamps(ln)[-1][0])[1]
        if doc.title is None or _norm(doc.title) == _norm(text[s:e].lstrip("#")):
            zones.append(ZoneSpan(s, e, "headline"))
            if doc.title is None:
                doc.title = text[s:e].lstrip("# ").strip() or None
        else:
            headline_i = None
    title_key = _norm(doc.title or "")
    dateline_found = False
    seen_body = False
    for i, (s, e, line) in enumerate(lines):
        if i in skip or i == headline_i:
            continue
        m = DATELINE_RE.match(line)
        agency = m is not None and (m.group("city") or m.group("agency"))
        if m and not dateline_found and (not seen_body or (agency and i < TOP_LINES and s < TOP_CHARS)):
            zones.append(ZoneSpan(*_strip_span(text, s, s + m.end()), "dateline"))
            dateline_found = True
            seen_body = seen_body or s + m.end() < e
            continue
        if PHOTO_RE.match(line):
            zones.append(ZoneSpan(s, e, "photo_credit"))
        elif BOILERPLATE_RE.match(line):
            zones.append(ZoneSpan(s, e, "boilerplate"))
        elif title_key and ((key := _norm(line)) == title_key
                            or (key.startswith(title_key) and len(key) < len(title_key) + 120)):
            zones.append(ZoneSpan(s, e, "caption"))
        elif (not seen_body and i < body_at and headline_i is not None and i <= headline_i + 3 and len(line) < 400
              and not line.rstrip().endswith((".", "!", "?", ":", ">"))):
            zones.append(ZoneSpan(s, e, "lead"))
        else:
            seen_body = True
    for m in AGE_MARK_RE.finditer(text) if "+" in text else ():  # every age mark has one
        zones.append(ZoneSpan(m.start(), m.end(), "age_mark"))
    for m in ATTRIBUTION_RE.finditer(text):
        s, e = _strip_span(text, m.start(), m.end())
        s += len(text[s:e]) - len(text[s:e].lstrip(", "))
        if e > s:
            zones.append(ZoneSpan(s, e, "attribution"))
    zones.sort(key=lambda z: (z.start, z.end))
    doc.zones = zones
    doc.index()
