"""The date grammar: compiled patterns over the text that yield ``Atom``s.

Each pattern family finds one kind of expression (numeric dates, "16 мая 2025
года", "в мае", "2019–2023 годы", "в прошлом году", "в понедельник", ...). A
bounded look-behind then attaches the preposition and the part-of-period word
in front ("с", "к", "в конце"), context-dependent candidates (a bare "мая", a
bare year) are kept only when that context licenses them, overlaps are
resolved in favour of the longer match, and a linear pass joins neighbours
into ranges ("с 2019 по 2023 год", "16 мая – 2 июня 2025") or shares a year
("в мае и октябре 2025 года"). Everything is linear in the text length.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Optional

from ..nlp import morph
from .tables import (
    AMOUNT_WORDS,
    MONTH_ABBR,
    MONTH_FORMS,
    NUMBER_WORDS,
    ORDINALS,
    PARTS,
    PERIOD_UNITS,
    RELATIVE_DAYS,
    RELATIVE_SHIFT,
    ROMAN,
    SEASONS,
    UNITS,
    VAGUE,
    WEEKDAYS,
)


@dataclass
class Atom:
    """One date expression before resolution; parts are ``None`` when absent."""

    start: int
    end: int
    kind: str  # cal | relday | relper | weekday | ago | vague | decade | century | last | duration
    y: Optional[int] = None
    m: Optional[int] = None
    d: Optional[int] = None
    y2: Optional[int] = None  # range end (cal, decade)
    m2: Optional[int] = None
    d2: Optional[int] = None
    yrel: Optional[int] = None  # "марте прошлого года" -> -1
    yrel2: Optional[int] = None
    q: Optional[int] = None  # quarter 1..4
    half: Optional[int] = None  # 1, 2 (полугодие)
    season: Optional[tuple[int, int]] = None  # months (6, 8)
    shift: Optional[float] = None  # relday / relper / ago amount
    unit: Optional[str] = None  # relper / ago: day|week|month|year
    weekday: Optional[int] = None
    prep: Optional[str] = None
    part: Optional[str] = None
    needs_context: bool = False
    is_range: bool = False
    note: Optional[str] = None
    extra: dict = field(default_factory=dict)

    @property
    def has_year(self) -> bool:
        return self.y is not None or self.yrel is not None


# --- regex pieces -------------------------------------------------------------
_S = r"[^\S\n]+"  # spaces without a line break
_S0 = r"[^\S\n]*"
_DASH = rf"{_S0}[-–—‑−]{_S0}"  # 16–18, 2019 - 2023
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:-?(?:го|е|ое|ого))?"  # 3, 03, 3-го
_MON = "|".join(sorted(MONTH_FORMS, key=len, reverse=True))
_MON_ABBR = "|".join(sorted(MONTH_ABBR, key=len, reverse=True))  # after a day only: "12 мар", "5 сент."
_YEAR = r"(?:1\d\d\d|20\d\d|21\d\d)(?!\d)"
_YW = r"(?:год(?:а|у|ом|е)?(?![а-яё])|гг?\.|гг?(?![\w]))"  # года, г., г
_YWPL = r"(?:год(?:ы|ах|ов|ам|ами|а|у|ом|е)?(?![а-яё])|гг?\.|гг?(?![\w]))"  # годы, годах, гг.
_YSFX = r"(?:-(?:го|й|м|му|ом|ый)(?![а-яё]))"  # 2023-м
_RELGEN = "|".join(sorted((w for w in RELATIVE_SHIFT if w.endswith(("ого", "его"))), key=len, reverse=True))
_RELALL = "|".join(sorted(RELATIVE_SHIFT, key=len, reverse=True))
_YEAR_TAIL = (rf"(?:,?{_S}(?P<y>{_YEAR}|\d{{3}}(?!\d)){_YSFX}?(?:{_S0}(?P<yw>{_YW}))?"
              rf"|{_S}(?P<rel>{_RELGEN}){_S}года(?![а-яё]))")
_ORD = "|".join(sorted((re.escape(k) for k in ORDINALS if not k.isdigit()), key=len, reverse=True))
_UNIT = "|".join(sorted(UNITS, key=len, reverse=True))
_NUMW = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_WD = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_SEASON = "|".join(sorted(SEASONS, key=len, reverse=True))
_FLAGS = 0  # patterns run over the lower-cased text (same offsets), which is about twice as fast


def _first(*words: str) -> str:
    """A look-ahead on the first letters of ``words``: lets the regex engine skip ahead fast."""
    chars = {w[0].lower() for w in words} | {w[0].upper() for w in words}
    return "(?=[" + "".join(sorted(re.escape(c) for c in chars)) + "])"


_D = r"(?=\d)"

P_NUMERIC = re.compile(  # a letter may touch it in crawled furniture: "областью26.09.2024 12:24"
    _D + rf"(?<![\da-z_.,/:-])(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>\d{{4}}|\d{{2}})(?![\d]|[.,]\d)"
    rf"(?:{_S0}(?P<yw>{_YW}))?", _FLAGS)
P_SLASH = re.compile(_D + r"(?<![\w.,/:-])(?P<d>\d{2})/(?P<m>\d{2})/(?P<y>\d{4})(?![\w/])")  # 05/08/2008
P_ISO = re.compile(_D + r"(?<![\w.,/:-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\w-])")
P_DAY_MONTH = re.compile(
    _D + rf"(?<![\w.,:/-])(?P<d1>{_DAY})(?:(?P<sep>{_DASH}|{_S}(?:по|до){_S}|{_S0},{_S0}|{_S}и{_S})(?P<d2>{_DAY}))?"
    rf"{_S}(?P<m>{_MON}|{_MON_ABBR}(?=\.|[^\S\n]*[-–—,]|{_S}\d|{_S}[а-яё]))(?![\w]){_YEAR_TAIL}?", _FLAGS)
P_MONTH = re.compile(_first(*MONTH_FORMS) + rf"(?<![\w-])(?P<m>{_MON})(?![\w-]){_YEAR_TAIL}?", _FLAGS)
# "январь–май 2025 года", "в ноябре-декабре", "январе — марте 2024": two months, one case, a dash
P_MONTH_RANGE = re.compile(
    _first(*MONTH_FORMS) + rf"(?<![\w-])(?P<m1>{_MON})(?:{_DASH})(?P<m>{_MON})(?![\w-]){_YEAR_TAIL}?", _FLAGS)
P_YEAR = re.compile(
    _D + rf"(?<![\w.,/:№#-])(?P<y>{_YEAR}|\d{{3}}(?!\d))(?P<sfx>{_YSFX})?(?:{_S0}(?P<yw>{_YWPL}))?", _FLAGS)
P_YEAR_RANGE = re.compile(
    _D + rf"(?<![\w.,/:№#-])(?P<y1>{_YEAR})(?:{_S0}(?P<yw1>{_YW}))?(?P<sep>{_DASH}|{_S}(?:по|до){_S}|/)"
    rf"(?P<y2>{_YEAR}|\d\d(?!\d))(?:{_S0}(?P<yw>{_YWPL}))?", _FLAGS)
# "в 1958, 1962 и 1970 годах" -> three years
P_YEAR_LIST = re.compile(
    _D + rf"(?<![\w.,/:№#-])(?P<list>{_YEAR}(?:{_S0},{_S0}{_YEAR})*{_S0}(?:,{_S0})?(?:и|или){_S}{_YEAR})"
    rf"{_S0}(?:годах|годы|годов|годам|гг\.?)(?![\w])", _FLAGS)
P_DECADE = re.compile(
    _D + rf"(?<![\w.,-])(?P<dec>1\d\d0|20\d0|[1-9]0)-?(?:х|е|ые|ых|ми)(?![\w-])(?:{_S}(?P<yw>{_YWPL}))?", _FLAGS)
P_CENTURY = re.compile(
    r"(?=[\divxlс])" + rf"(?<![\w-])(?P<c>[ivxlс]{{1,6}}|\d{{1,2}}){_S0}(?P<cw>век(?:а|е|у|ом|ов|ах)?(?![а-яё])|вв?\.)", _FLAGS)
P_QUARTER = re.compile(
    r"(?=[\divпвтч])" + rf"(?<![\w-])(?P<q>{_ORD}|iv|i{{1,3}}|[1-4](?:-?[мй])?){_S}квартал(?:е|а|у|ом)?(?![а-яё]){_YEAR_TAIL}?",
    _FLAGS)
P_HALF = re.compile(
    r"(?=[пвПВ])" + rf"(?<![\w-])(?P<h>первом|втором|первого|второго|первое|второе){_S}полугоди(?:и|я|е|ю|ем)(?![а-яё])"
    rf"{_YEAR_TAIL}?", _FLAGS)
P_SEASON = re.compile(_first(*SEASONS) + rf"(?<![\w-])(?P<s>{_SEASON})(?![\w-]){_YEAR_TAIL}?", _FLAGS)
P_RELDAY = re.compile(_first(*RELATIVE_DAYS) + r"(?<![\w-])(?P<w>сегодня|вчера|позавчера|завтра|послезавтра|накануне)(?![\w-])", _FLAGS)
# "накануне Всемирного дня статистики" is the eve of an event, "накануне, 2 октября" names the date itself
# Words around "среду" that make it the environment: "сброс в среду", "в среду обитания"
P_MEDIUM = re.compile(r"(?<![\w-])(?:выброс|сброс|выбрас|сбрас|попада|попал|поступ|загрязн|обитани|окружающ|водн|городск)",
                      _FLAGS)
P_EVE_DATE = re.compile(r",?[^\S\n]+\d{1,2}[^\S\n]+[а-яё]", _FLAGS)
P_RELPER = re.compile(
    _first(*RELATIVE_SHIFT) + rf"(?<![\w-])(?P<a>{_RELALL}){_S}(?P<u>году|года|год|месяце|месяца|месяц|неделе|недели|неделю)(?![\w-])",
    _FLAGS)
P_WEEKDAY = re.compile(_first(*RELATIVE_SHIFT, *WEEKDAYS) + rf"(?<![\w-])(?:(?P<a>{_RELALL}){_S})?(?P<w>{_WD})(?![\w-])", _FLAGS)
P_AGO = re.compile(
    r"(?=[\dа-яА-Я])" + rf"(?<![\w-])(?:(?P<n>\d{{1,3}}|{_NUMW}|несколько|пару|пару-тройку){_S})?(?P<u>{_UNIT}){_S}назад(?![\w-])"
    rf"|(?<![\w-])через{_S}(?:(?P<n2>\d{{1,3}}|{_NUMW}|несколько|пару){_S})?(?P<u2>{_UNIT})(?![\w-])"
    rf"|(?<![\w-])(?P<half>полгода){_S}назад(?![\w-])", _FLAGS)
P_VAGUE = re.compile(
    _first(*VAGUE) + r"(?<![\w-])(?:" + "|".join(re.escape(k).replace(r"\ ", _S) for k in sorted(VAGUE, key=len, reverse=True))
    + r")(?![\w-])", _FLAGS)
# "в конце года", "с начала месяца", "до конца года": the part word plus a bare unit (the current one)
P_PART_BARE = re.compile(
    r"(?=[нскНСК])(?<![\w-])(?:начал[аеоу]|середин[аеуы]|конц[аеу]|конец)[^\S\n]+(?P<u>года|году|месяца|недели)(?![\w-])",
    _FLAGS)
_AMT = r"(?:\d{1,3}(?:[-–]\d{1,3})?|" + "|".join(sorted(AMOUNT_WORDS, key=len, reverse=True)) + ")"
_PUNIT = "|".join(sorted(PERIOD_UNITS, key=len, reverse=True))
# "за последние пять лет", "в последний год", "за прошедшие полгода", "за десять лет": a period up to now
P_LAST = re.compile(
    r"(?=[звЗВ])(?<![\w-])(?P<p>за|в)[^\S\n]+(?:(?P<last>последн(?:ие|ий|юю|ее|их|ей)|прошедшие|минувшие|прошедший"
    rf"|минувший)[^\S\n]+)?(?:(?P<n>{_AMT})[^\S\n]+)?(?P<u>{_PUNIT})(?![\w-])", _FLAGS)
# Durations: "в течение трех лет", "на протяжении десятилетия", "несколько месяцев", "на пять лет"
P_DURATION = re.compile(
    r"(?=[вндсВНДС\d])(?<![\w.,-])(?:(?P<p>в[^\S\n]+течение|на[^\S\n]+протяжении|в[^\S\n]+продолжение|спустя|на)[^\S\n]+"
    r"(?:(?:последних|ближайших|первых|следующих|долгих|почти|более|около|свыше)[^\S\n]+)?)?"
    rf"(?:(?P<n>{_AMT})[^\S\n]+)?(?P<u>{_PUNIT})(?P<after>[^\S\n]+спустя)?(?![\w-])", _FLAGS)
P_BEFORE_EVENT = re.compile(r"[^\S\n]+до(?![\w-])", _FLAGS)
P_COMPARE_BEFORE = re.compile(r"(?:старше|младше|моложе)(?:[^\S\n]+[а-яё]+)?[^\S\n]+\Z", _FLAGS)
P_NOT_DURATION_NEXT = re.compile(r"[^\S\n]*(?:старше|моложе|младше|до[^\S\n]|назад|тому|после|от[^\S\n]+роду)", _FLAGS)
P_NAME_BEFORE = re.compile(r"Россия\s\Z")
P_PAREN = re.compile(r"\((?P<body>[^()\n]{1,120})\)")
P_PAREN_YEAR = re.compile(r"(?<![\w.,/:-])(?P<y>1[89]\d\d|20\d\d)(?=\s*(?:$|[,;)]|[—–-]\s))")
P_HYPHEN_YEAR = re.compile(r"(?<=[^\W\d_]-)(?P<y>19\d\d|20\d\d)(?![\w-]|\.\d)")  # ЧМ-2018, ЭКСПО-2025
P_WORD_BEFORE = re.compile(r"[^\W\d_]{1,25}-\Z")
# Preposition and part-of-period word right before an expression: "с ", "в конце ", "к началу "
P_BACK = re.compile(
    r"(?:(?<![\w-])(?P<prep>начиная\s+со?|вплоть\s+до|не\s+позднее|не\s+ранее|в\s+течение|в|во|с|со|до|к|ко"
    r"|по|от|на|за|после|перед|около|примерно)\s+)?"
    r"(?:(?<![\w-])(?P<part>(?:первой|второй)\s+половин[еыу]|начал[еаоу]|середин[еыу]|конц[еау]|конец)\s+)?\Z",
    _FLAGS)
# A weekday or a date-words prefix glued to a day-month date: "четверг, 12 декабря"
_WD_FORMS = r"(?:понедельник|вторник|среду|среда|четверг|пятницу|пятница|субботу|суббота|воскресенье)"
P_WEEKDAY_PREFIX = re.compile(
    rf"(?<![\w-])(?:(?:(?:в|во)\s+)?{_WD_FORMS}|сегодня|вчера|позавчера|завтра|послезавтра)(?:,|\s*[—–-])?\s+\Z", _FLAGS)
P_WEEKDAY_SUFFIX = re.compile(rf"(?:,|[^\S\n]*[—–])?[^\S\n]+(?:(?:в|во)[^\S\n]+)?{_WD_FORMS}(?![\w-])", _FLAGS)
# Words after a bare year that show it is a count, not a year: "2024 человека", "2025 тонн"
P_LIFE_NEXT = re.compile(r"[^\S\n]*жизни(?![\w-])", _FLAGS)
P_NOT_YEAR_NEXT = re.compile(r"\s*(?:%|руб|долл|евро|млн|млрд|тыс|км|кг|м\b|см\b|шт|₽|\$|€|раз)", _FLAGS)
# Contexts where a bare year needs no year word: "в 2023", "с 2019", "к 2030"
YEAR_PREPS = frozenset({"в", "во", "с", "со", "до", "к", "ко", "по", "от", "после", "около",
                        "начиная с", "вплоть до", "не позднее", "перед", "на", "в течение"})

_WEEKDAY_STEMS = ("понедельник", "вторник", "сред", "четверг", "пятниц", "суббот", "воскресен")
_NEED_CONTEXT_CASES = {"gen", "nom", "dat", "ins"}
_MAX_BACK = 40


def _norm_space(s: str) -> str:
    return " ".join(s.lower().split())


def _int_day(s: str) -> int:
    return int(re.match(r"\d+", s).group())


def _year_tail(atom: Atom, m: re.Match, orig: str = "") -> None:
    """Read the year part; a bare number followed by a noun is a count, not a year ("5 мая 2000 человек")."""
    y = m.group("y")
    if y and not m.group("yw") and orig and _next_word_is_noun(orig, m.end()):
        atom.end = m.start("y")
        while atom.end > atom.start and orig[atom.end - 1] in " ,\u00a0\t":
            atom.end -= 1
        return
    if y:
        atom.y = int(y)
    elif m.group("rel"):
        atom.yrel = RELATIVE_SHIFT[m.group("rel").lower()]


def _roman(s: str) -> Optional[int]:
    s = s.upper().replace("С", "C")
    if "C" in s:
        return None
    total = 0
    for i, ch in enumerate(s):
        v = ROMAN.get(ch)
        if v is None:
            return None
        nxt = ROMAN.get(s[i + 1]) if i + 1 < len(s) else 0
        total += -v if nxt and nxt > v else v
    return total if 0 < total <= 30 else None


# --- pattern handlers ------------------------------------------------------------
_DIGIT_RUN = re.compile(r"\d+")


@functools.lru_cache(maxsize=2)
def _digit_runs(text: str) -> list[int]:
    """Where the text's runs of digits start (cached for the one text being scanned)."""
    return [m.start() for m in _DIGIT_RUN.finditer(text)]


def _at_digit_runs(pattern: re.Pattern, text: str) -> Iterator[re.Match]:
    """``pattern.finditer(text)`` for a pattern whose matches start with a digit that a look-behind
    keeps from following another: they start only where a run of digits does, so it is tried
    there alone (much faster than a search from every position; a look-behind sees the text
    before the tried position)."""
    end = 0
    for start in _digit_runs(text):
        if start >= end and (m := pattern.match(text, start)) is not None:
            yield m
            end = m.end()


def _numeric(text: str, orig: str) -> Iterator[Atom]:
    for m in _at_digit_runs(P_NUMERIC, text):
        y = m.group("y")
        atom = Atom(m.start(), m.end(), "cal", d=int(m.group("d")), m=int(m.group("m")))
        atom.extra["yy"] = int(y) if len(y) == 2 else None
        atom.y = int(y) if len(y) == 4 else None
        if len(y) == 2 and not m.group("yw") and text[m.start():m.end()].count(".") != 2:
            continue
        yield atom
    for m in _at_digit_runs(P_SLASH, text):
        yield Atom(m.start(), m.end(), "cal", d=int(m.group("d")), m=int(m.group("m")), y=int(m.group("y")))
    for m in _at_digit_runs(P_ISO, text):
        yield Atom(m.start(), m.end(), "cal", y=int(m.group("y")), m=int(m.group("m")), d=int(m.group("d")))


def _day_month(text: str, orig: str) -> Iterator[Atom]:
    for m in _at_digit_runs(P_DAY_MONTH, text):
        month, case = MONTH_FORMS.get(m.group("m")) or (MONTH_ABBR[m.group("m")], "gen")
        if case != "gen":
            continue
        d1 = _int_day(m.group("d1"))
        sep = m.group("sep")
        tail = Atom(m.start(), m.end(), "cal", m=month)
        _year_tail(tail, m, orig)
        if sep is None:
            tail.d = d1
            yield tail
            continue
        d2 = _int_day(m.group("d2"))
        sep_word = sep.strip().lower()
        if sep_word in ("и", ","):  # "16 и 18 мая" -> two dates sharing month and year
            first = Atom(m.start(), m.start("d1") + len(m.group("d1")), "cal", m=month, d=d1,
                         y=tail.y, yrel=tail.yrel)
            tail.start, tail.d = m.start("d2"), d2
            yield first
            yield tail
            continue
        if d2 <= d1:
            continue
        tail.d, tail.d2, tail.m2, tail.y2, tail.yrel2 = d1, d2, month, tail.y, tail.yrel
        tail.is_range = True
        tail.extra["inner_sep"] = sep_word  # "по" / "до" / dash
        yield tail


def _month(text: str, orig: str) -> Iterator[Atom]:
    for m in P_MONTH.finditer(text):
        month, case = MONTH_FORMS[m.group("m").lower()]
        atom = Atom(m.start(), m.end(), "cal", m=month)
        _year_tail(atom, m, orig)
        if not atom.has_year and case in _NEED_CONTEXT_CASES:
            atom.needs_context = True
        if case == "nom" and not atom.has_year:
            atom.extra["nom"] = True
        yield atom


def _month_ranges(text: str, orig: str) -> Iterator[Atom]:
    for m in P_MONTH_RANGE.finditer(text):
        m1, case1 = MONTH_FORMS[m.group("m1")]
        m2, case2 = MONTH_FORMS[m.group("m")]
        if case1 != case2 or m1 == m2:
            continue
        atom = Atom(m.start(), m.end(), "cal", m=m1, m2=m2, is_range=True)
        _year_tail(atom, m, orig)
        atom.y2, atom.yrel2 = atom.y, atom.yrel
        if m1 > m2:  # "декабрь–февраль 2025 года": the year is the end's
            atom.y = atom.y - 1 if atom.y is not None else None
            atom.yrel = atom.yrel - 1 if atom.yrel is not None else None
        yield atom


def _years(text: str, orig: str) -> Iterator[Atom]:
    for m in _at_digit_runs(P_YEAR, text):
        y = m.group("y")
        if P_LIFE_NEXT.match(text, m.end()) or (m.start() >= 2 and text[m.start() - 2].isdigit()
                                                and text[m.start() - 1] in " \u00a0"):
            continue  # "на 102-м году жизни" is an age; "3 400 г" a weight
        atom = Atom(m.start(), m.end(), "cal", y=int(y))
        if len(y) == 3 and not m.group("yw"):
            continue
        if not (m.group("yw") or m.group("sfx")):
            if not 1800 <= atom.y <= 2100:
                continue
            atom.needs_context = True
            atom.extra["bare_year"] = True
        yield atom
    for m in _at_digit_runs(P_YEAR_RANGE, text):
        y1 = int(m.group("y1"))
        y2s = m.group("y2")
        sep = m.group("sep").strip().lower()
        y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
        if not y1 < y2 <= y1 + 100:
            continue
        if sep == "/" and y2 != y1 + 1:
            continue
        if len(y2s) == 2 and sep != "/" and not m.group("yw"):
            continue
        atom = Atom(m.start(), m.end(), "cal", y=y1, y2=y2, is_range=True)
        if not m.group("yw") and not m.group("yw1") and sep in ("по", "до"):
            atom.needs_context = True
        yield atom
    for m in _at_digit_runs(P_YEAR_LIST, text):
        years = list(re.finditer(r"\d{4}", m.group("list")))
        for i, ym in enumerate(years):
            start = m.start() + ym.start()
            end = m.end() if i == len(years) - 1 else start + 4
            yield Atom(start, end, "cal", y=int(ym.group()), extra={"listed": True})
    for m in P_PAREN.finditer(text):
        body_start = m.start("body")
        for ym in P_PAREN_YEAR.finditer(m.group("body")):
            yield Atom(body_start + ym.start(), body_start + ym.end(), "cal", y=int(ym.group("y")),
                       extra={"paren": True})
    for m in _at_digit_runs(P_HYPHEN_YEAR, text):  # its look-behind wants a hyphen before the digits
        w = P_WORD_BEFORE.search(orig, max(0, m.start() - 26), m.start())
        if w is None or not w.group()[0].isupper():
            continue
        yield Atom(m.start(), m.end(), "cal", y=int(m.group("y")), extra={"hyphen": True})


def _decades(text: str, orig: str) -> Iterator[Atom]:
    for m in _at_digit_runs(P_DECADE, text):
        dec = int(m.group("dec"))
        if dec < 100:
            nxt = text[m.end():m.end() + 8].lower()
            if nxt.lstrip().startswith(("лет", "летн")):
                continue
            dec += 2000 if dec <= 10 else 1900
            needs = not m.group("yw")
            if needs and _next_word_is_noun(orig, m.end()):
                continue  # "на 40-е место"
        else:
            needs = False
        atom = Atom(m.start(), m.end(), "decade", y=dec, y2=dec + 9)
        atom.needs_context = needs
        yield atom
    for m in P_CENTURY.finditer(text) if "век" in text or "вв." in text else ():
        c = orig[m.start("c"):m.end("c")]
        n = int(c) if c.isdigit() else _roman(c)
        if c.isdigit() or not n or not c.isupper():
            if not (c.isdigit() and n and 1 <= n <= 22):
                continue
        start = (n - 1) * 100
        atom = Atom(m.start(), m.end(), "century", y=start, y2=start + 99)
        if re.match(r"\s*до\s+(?:н\.|нашей)", text[m.end():m.end() + 12], re.I):
            atom.note = "before the common era: no ISO value"
        yield atom


def _periods(text: str, orig: str) -> Iterator[Atom]:
    for m in P_QUARTER.finditer(text) if "квартал" in text else ():
        q = ORDINALS.get(m.group("q").lower().replace("-", "")[:1] if m.group("q")[0].isdigit()
                         else m.group("q").lower())
        if not q:
            continue
        atom = Atom(m.start(), m.end(), "cal", q=q)
        _year_tail(atom, m, orig)
        yield atom
    for m in P_HALF.finditer(text) if "полугоди" in text else ():
        atom = Atom(m.start(), m.end(), "cal", half=ORDINALS[m.group("h").lower()])
        _year_tail(atom, m, orig)
        yield atom
    for m in P_SEASON.finditer(text):
        word = m.group("s").lower()
        atom = Atom(m.start(), m.end(), "cal", season=SEASONS[word])
        _year_tail(atom, m, orig)
        if not atom.has_year and word not in ("летом", "зимой", "весной", "осенью"):
            continue
        if not atom.has_year:
            atom.needs_context = False
        yield atom


def _relative(text: str, orig: str) -> Iterator[Atom]:
    for m in P_RELDAY.finditer(text):
        if P_NAME_BEFORE.search(orig, max(0, m.start() - 8), m.start()) or orig[m.end():m.end() + 1] in ("»", '"', "“"):
            continue
        if m.group("w") == "накануне" and (P_EVE_DATE.match(text, m.end()) or _eve_of(orig, m.end())):
            continue
        yield Atom(m.start(), m.end(), "relday", shift=RELATIVE_DAYS[m.group("w").lower()])
    for m in P_RELPER.finditer(text):
        unit = m.group("u").lower()
        unit = "year" if unit.startswith("год") else "month" if unit.startswith("месяц") else "week"
        yield Atom(m.start(), m.end(), "relper", shift=RELATIVE_SHIFT[m.group("a").lower()], unit=unit)
    for m in P_WEEKDAY.finditer(text) if any(w in text for w in _WEEKDAY_STEMS) else ():
        if m.group("w").startswith("сред") and P_MEDIUM.search(text, max(0, m.start() - 20), min(len(text), m.end() + 20)):
            continue  # "выбросы в среду", "в среду обитания": the environment, not Wednesday
        atom = Atom(m.start(), m.end(), "weekday", weekday=WEEKDAYS[m.group("w").lower()])
        if m.group("a"):
            atom.shift = RELATIVE_SHIFT[m.group("a").lower()]
        atom.needs_context = True
        yield atom
    for m in P_AGO.finditer(text) if "назад" in text or "через" in text else ():
        if m.group("half"):
            yield Atom(m.start(), m.end(), "ago", shift=-6, unit="month")
            continue
        ago = m.group("u") is not None
        n_s = (m.group("n") if ago else m.group("n2")) or ""
        unit = UNITS[(m.group("u") if ago else m.group("u2")).lower()]
        n_l = n_s.lower()
        if not n_s:
            n: Optional[float] = 1
        elif n_l.isdigit():
            n = int(n_l)
        else:
            n = NUMBER_WORDS.get(n_l)
        if n is not None and n != int(n):
            n, unit = n * 12, "month" if unit == "year" else unit
        atom = Atom(m.start(), m.end(), "ago", unit=unit, shift=None if n is None else (-n if ago else n))
        if n is None:
            atom.note = "vague amount"
        yield atom
    for m in P_VAGUE.finditer(text):
        key = _norm_space(m.group())
        yield Atom(m.start(), m.end(), "vague", note=VAGUE.get(key, "vague"))


def _eve_of(orig: str, end: int) -> bool:
    """ "накануне" before a genitive noun phrase: the eve of an event, not a date."""
    m = re.match(r"[^\S\n]+([А-ЯЁа-яё]+)", orig[end:end + 40])
    if not m:
        return False
    parses = morph.parse(m.group(1).lower())
    return bool(parses) and parses[0].tag.POS in ("NOUN", "ADJF", "PRTF", "NUMR") and "gent" in parses[0].tag


def _amount(word: Optional[str]) -> tuple[bool, Optional[float]]:
    """``(given, value)`` of an amount word: "пять" -> (True, 5), "несколько" -> (True, None), none -> (False, 1)."""
    if not word:
        return False, 1
    w = word.lower()
    if w[0].isdigit():
        return True, None if not w.isdigit() else int(w)
    return True, AMOUNT_WORDS.get(w)


def _periods_to_now(text: str, orig: str) -> Iterator[Atom]:
    for m in P_PART_BARE.finditer(text):
        u = m.group("u").lower()
        unit = "year" if u.startswith("год") else "month" if u.startswith("месяц") else "week"
        atom = Atom(m.start("u"), m.end(), "relper", shift=0, unit=unit, needs_context=True)
        atom.extra["part_bare"] = True
        yield atom
    if "за" in text or "последн" in text:
        for m in P_LAST.finditer(text):
            unit = PERIOD_UNITS[m.group("u").lower()]
            given, n = _amount(m.group("n"))
            if m.group("p").lower() == "в" and not m.group("last"):
                continue  # "в 5 лет" is an age
            if not m.group("last"):
                before = P_BEFORE_EVENT.match(text, m.end())
                if before:  # "за два дня до выборов": anaphoric, before an event named in the text
                    yield Atom(m.start(), before.end(), "vague", note="anaphoric: before an event named in the text")
                    continue
                # a bare "За десять лет" opening a sentence counts up to now; inside one it is mostly a length
                if orig[m.start()] != "З" or P_NOT_DURATION_NEXT.match(text, m.end()) or not given:
                    continue
            atom = Atom(m.start(), m.end(), "last", unit=unit, shift=n)
            if unit == "half":
                atom.unit, atom.shift = "month", 6
            elif unit == "decade":
                atom.unit, atom.shift = "year", 10 * (n or 1) if n is not None else None
            if given and n is None:
                atom.note = "vague amount"
            elif not given and m.group("u").lower() in ("годы", "месяцы", "дни"):
                atom.shift, atom.note = None, "vague amount"
            yield atom
    for m in P_DURATION.finditer(text):
        given, n = _amount(m.group("n"))
        prep = m.group("p")
        if not given and not prep and not m.group("after"):
            continue  # a bare unit word ("год", "лет") is no expression
        if not prep and not m.group("after") and m.group("n").lower() not in ("несколько", "нескольких"):
            continue  # "пять лет" alone may be an age or a count: only with a preposition
        if prep and _norm_space(prep) == "на" and not given:
            continue  # "на год" is too often "на 2026 год" / "на Год семьи"
        if P_NOT_DURATION_NEXT.match(text, m.end()) or P_COMPARE_BEFORE.search(text, max(0, m.start() - 30),
                                                                               m.start()):
            continue
        yield Atom(m.start(), m.end(), "duration", unit=PERIOD_UNITS[m.group("u").lower()], shift=n,
                   note="duration: a length of time, not a point in it")


FAMILIES = (_numeric, _day_month, _month, _month_ranges, _years, _decades, _periods, _relative,
            _periods_to_now)


# --- context, overlaps, combination -----------------------------------------------
def _attach_context(text: str, atom: Atom) -> None:
    if atom.kind in ("relday", "vague", "ago", "last", "duration") or atom.extra.get("paren") or atom.extra.get("hyphen"):
        return
    m = P_BACK.search(text, max(0, atom.start - _MAX_BACK), atom.start)
    if m is not None and m.start() < atom.start:
        if m.group("prep"):
            atom.prep = _norm_space(m.group("prep"))
        if m.group("part"):
            atom.part = PARTS.get(_norm_space(m.group("part")), None) or _part_of(m.group("part"))
        atom.start = m.start()
    if atom.kind == "cal" and atom.d is not None:
        # "в понедельник, 27 апреля", "вчера, 9 мая", "25 июля, в четверг": two mentions of one
        # day (the press convention); the weekday takes the date's value (see _date_weekdays)
        w = P_WEEKDAY_PREFIX.search(text, max(0, atom.start - 24), atom.start)
        if w is not None:
            atom.extra["day_word"] = (w.start(), atom.start)
        w = P_WEEKDAY_SUFFIX.match(text, atom.end)
        if w is not None:
            atom.extra["day_word"] = (atom.end, w.end())


def _date_weekdays(atoms: list[Atom]) -> None:
    """A weekday or "сегодня" next to a date ("во вторник, 13 августа") names that date."""
    by_start = {a.start: a for a in atoms if a.kind in ("weekday", "relday")}
    starts = sorted(by_start)
    for atom in atoms:
        span = atom.extra.get("day_word")
        if atom.kind != "cal" or span is None:
            continue
        i = bisect.bisect_left(starts, span[0])
        if i < len(starts) and starts[i] < span[1]:
            word = by_start[starts[i]]
            word.kind, word.y, word.m, word.d, word.yrel = "cal", atom.y, atom.m, atom.d, atom.yrel
            word.shift = word.weekday = None
            word.extra["weekday_of"] = atom.start


def _part_of(word: str) -> Optional[str]:
    w = _norm_space(word)
    for key, value in PARTS.items():
        if w.startswith(key[:5]):
            return value
    return None


def _next_word_is_noun(text: str, end: int) -> bool:
    m = re.match(r"[^\S\n]*([а-яё]+)", text[end:end + 40])
    if not m:
        return False
    word = m.group(1)
    if word in ("по", "до", "и", "или", "а", "на", "в", "во", "с", "года", "году", "год", "гг"):
        return False
    parses = morph.parse(word)
    return bool(parses) and parses[0].tag.POS in ("NOUN", "ADJF", "NUMR")


def _licensed(text: str, atom: Atom, orig: str) -> bool:
    if not atom.needs_context:
        return True
    if atom.extra.get("part_bare"):
        return atom.part is not None
    if atom.kind == "weekday":
        return atom.prep in ("в", "во", "на", "с", "со", "до", "к", "по") or atom.shift is not None
    if atom.extra.get("bare_year"):
        if atom.prep not in YEAR_PREPS and atom.part is None:
            return False
        if P_NOT_YEAR_NEXT.match(text, atom.end):
            return False
        return not _next_word_is_noun(orig, atom.end)
    if atom.extra.get("nom"):
        return atom.prep in ("на", "с", "до", "по") or atom.part is not None
    return atom.prep is not None or atom.part is not None


def _resolve_overlaps(atoms: list[Atom]) -> list[Atom]:
    out: list[Atom] = []
    for atom in sorted(atoms, key=lambda a: (a.start, -a.end)):
        if out and atom.start < out[-1].end:
            if atom.end - atom.start > out[-1].end - out[-1].start:
                out[-1] = atom
            continue
        out.append(atom)
    return out


_RANGE_FROM = ("с", "со", "от", "начиная с", "начиная со")
_RANGE_TO = ("по", "до", "вплоть до")
_DASH_GAP = re.compile(rf"{_DASH}\Z")
_SHARE_GAP = re.compile(r"\s*(?:,|и|или|а\s+также|,\s*а\s+также)\s*\Z", re.I)


def _rangeable(a: Atom) -> bool:
    return a.kind in ("cal", "decade") and a.q is None and a.half is None and a.season is None


def _merge(a: Atom, b: Atom) -> Atom:
    merged = Atom(a.start, b.end, a.kind, y=a.y, m=a.m, d=a.d, yrel=a.yrel, prep=a.prep, part=a.part)
    merged.y2 = b.y2 if b.is_range else b.y
    merged.m2 = b.m2 if b.is_range else b.m
    merged.d2 = b.d2 if b.is_range else b.d
    merged.yrel2 = b.yrel
    if b.kind == "decade":
        merged.y2 = b.y2
    merged.is_range = True
    merged.extra["prep_to"] = b.prep
    if a.prep in _RANGE_FROM:
        merged.prep = None
    return merged


def combine(text: str, atoms: list[Atom]) -> list[Atom]:
    """Join ranges ("с 2019 по 2023 год", "16 мая – 2 июня") and share years backwards."""
    out: list[Atom] = []
    for atom in atoms:
        if out:
            prev = out[-1]
            gap = text[prev.end:atom.start]
            if prev.kind == atom.kind and not prev.is_range and _rangeable(prev) and _rangeable(atom):
                same = _same_grain(prev, atom)
                # "с мая 2003 года по 27 ноября 2005 года": grains differ, but both ends are dated
                dated = prev.y is not None and atom.y is not None and prev.y <= atom.y
                by_prep = (same or dated) and prev.prep in _RANGE_FROM and atom.prep in _RANGE_TO and not gap.strip()
                by_dash = same and atom.prep is None and gap.strip() != "" and _DASH_GAP.match(gap) is not None
                if by_prep or by_dash:
                    out[-1] = _merge(prev, atom)
                    continue
        out.append(atom)
    # Shared year: "в мае и октябре 2025 года", "16 мая – ..." (right to left, so chains work).
    for i in range(len(out) - 2, -1, -1):
        a, b = out[i], out[i + 1]
        if a.kind != "cal" or b.kind != "cal" or a.has_year or a.m is None:
            continue
        if not (b.has_year and (b.m is not None) and _SHARE_GAP.match(text[a.end:b.start])):
            continue
        a.y, a.yrel = b.y, b.yrel
    for a in out:  # a range without a start year takes the end's: "16 мая – 2 июня 2025"
        if a.is_range and a.kind == "cal" and not a.has_year:
            a.y, a.yrel = a.y2, a.yrel2
            if a.y is not None and (a.m or 0, a.d or 0) > (a.m2 or 0, a.d2 or 0):
                a.y -= 1
            if a.yrel is not None and (a.m or 0, a.d or 0) > (a.m2 or 0, a.d2 or 0):
                a.yrel -= 1
    return out


def _same_grain(a: Atom, b: Atom) -> bool:
    if a.kind == "decade":
        return True
    if (a.d is None) != (b.d is None):
        return False
    if a.m is None and b.m is not None:
        return False
    return not (a.m is not None and b.m is None and b.d is None)


def scan(text: str) -> list[Atom]:
    """All date atoms of a text, licensed, non-overlapping, combined, in order."""
    low = _lower(text)
    atoms: list[Atom] = []
    for family in FAMILIES:
        for atom in family(low, text):
            _attach_context(low, atom)
            if _licensed(low, atom, text):
                atoms.append(atom)
    out = combine(low, _resolve_overlaps(atoms))
    _date_weekdays(out)
    return out


def _lower(text: str) -> str:
    """Lower-case with offsets kept (a few characters grow when lower-cased: keep those)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
