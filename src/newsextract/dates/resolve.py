"""Normalization: atoms to ISO values against the publication date and the verb's tense."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from typing import Optional

from .. import resources
from ..doc import Doc
from ..nlp import morph
from .grammar import Atom
from .tables import FUTURE_CUES, PAST_CUES, PREPOSITIONS, PROSPECTIVE, RESULT_CUES, RETROSPECTIVE

NO_ANCHOR = "relative date: no publication date to resolve against"
NO_YEAR = "year not given and no publication date to infer it from"
INVALID = "not a valid calendar date"
_CLOSE_CALL_DAYS = 320  # the tense may pull a date this far from the nearest reading
_TENSE_WINDOW = 12  # tokens searched on each side for a finite verb
_WORD = re.compile(r"[а-яё]+", re.I)

Period = tuple[dt.date, dt.date]


def parse_published(value: Optional[str]) -> Optional[dt.date]:
    """The anchor date from an ISO string ("2024-11-22", "2024-11", "2024")."""
    if not value:
        return None
    m = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2) or 7), int(m.group(3) or 1))
    except ValueError:
        return None


def _verb_reading(word: str) -> Optional[tuple[str, Optional[str], str]]:
    """``(kind, tense, lemma)`` of a verb form: kind is ``verb`` or ``infn``; None for other words."""
    if not _WORD.fullmatch(word):
        return None
    for parse in morph.parse(word.lower()):
        tag = parse.tag
        if "impr" in tag:  # "пришли" is first read as an imperative; the past reading follows
            continue
        lemma = parse.normal_form.replace("ё", "е")
        if tag.POS == "VERB" or (tag.POS in ("PRTF", "PRTS") and tag.tense == "past"):
            return "verb", tag.tense, lemma
        if tag.POS == "INFN":
            return "infn", None, lemma
        return None
    return None


def _verb_tense(word: str) -> Optional[str]:
    r = _verb_reading(word)
    return r[1] if r and r[0] == "verb" else None


def _tense_of(words) -> Optional[str]:
    """The tense that places a date, from the verb forms around it, nearest first.

    A prospective verb ("пригласил", "планируют") or an infinitive ("провести") makes it
    future, unless the infinitive hangs on "удалось"/"смогли"; verbs of saying are used
    only when nothing else is found.
    """
    infn = False
    speech = None
    for w in words:
        if w[:1].isupper() and w[1:2].islower():  # a name inside the sentence ("Мердан"), not a verb
            continue
        r = _verb_reading(w)
        if r is None:
            continue
        kind, tense, lemma = r
        lemma = lemma.replace("ё", "е")
        if lemma in PROSPECTIVE:
            return "futr"
        if kind == "infn":
            infn = True
            continue
        if infn:
            return "past" if lemma in RETROSPECTIVE else "futr"
        if lemma in resources.word_set("speech_verbs.txt"):  # verbs of saying
            speech = speech or tense
            continue
        return tense
    return "futr" if infn else speech


def tense_near(doc: Doc, start: int, end: int) -> Optional[str]:
    """Tense (past|pres|futr) that places ``[start, end)``: read from the verbs of its sentence."""
    tok = doc.token_at(start)
    if tok is None or not doc.sents:
        left = list(reversed(_WORD.findall(doc.text[max(0, start - 80):start])))[:_TENSE_WINDOW]
        right = _WORD.findall(doc.text[end:end + 80])[:_TENSE_WINDOW]
        words = [w for pair in zip(left + [""] * len(right), right + [""] * len(left), strict=False)
                 for w in pair if w]
        return _tense_of(words)
    sent = doc.sents[tok.sent]
    last = tok.index
    while last + 1 < sent.last and doc.tokens[last + 1].start < end:
        last += 1
    words = []
    for k in range(1, _TENSE_WINDOW + 1):
        for i in (tok.index - k, last + k):
            if sent.first <= i < sent.last:
                w = doc.tokens[i].text
                words.append(w.lower() if i == sent.first else w)  # sentence-initial capital is no name
    return _tense_of(words)


def _sentence_at(text: str, pos: int) -> str:
    left = max(text.rfind(".", 0, pos), text.rfind("\n", 0, pos)) + 1
    ends = [j for j in (text.find(".", pos), text.find("\n", pos)) if j != -1]
    return text[left:min(ends) if ends else len(text)]


def tense_of_sentence(text: str, start: int, end: int) -> int:
    """Tense of a dated mention from cue words, for text not yet tokenized (the publication date).

    -2 for results (``итоги 2024 года``: written after it ended), else +1 future / -1 past
    from the cue stems of its sentence (``состоится``, ``прошёл``), 0 when there is none.
    """
    if RESULT_CUES.search(text[max(0, start - 30):end + 12]):
        return -2
    sent = _sentence_at(text, start)
    if FUTURE_CUES.search(sent):
        return 1
    return -1 if PAST_CUES.search(sent) else 0


def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def _signed_distance(p: Period, pub: dt.date) -> int:
    a, b = p
    if a <= pub <= b:
        return 0
    return (a - pub).days if pub < a else -(pub - b).days


def choose_year(period: Callable[[int], Optional[Period]], pub: dt.date, tense: Optional[str]) -> Optional[int]:
    """The year whose reading lies nearest ``pub``; the tense decides close calls."""
    cands = []
    for y in (pub.year - 1, pub.year, pub.year + 1):
        p = period(y)
        if p is not None:
            cands.append((_signed_distance(p, pub), y))
    if not cands:
        return None
    if tense == "past":
        ok = [c for c in cands if c[0] <= 7]
        if ok:
            best = max(ok)
            if abs(best[0]) <= _CLOSE_CALL_DAYS:
                return best[1]
    elif tense == "futr":
        ok = [c for c in cands if c[0] >= -7]
        if ok:
            best = min(ok)
            if abs(best[0]) <= _CLOSE_CALL_DAYS:
                return best[1]
    return min(cands, key=lambda c: (abs(c[0]), c[0] > 0))[1]


def _period_of(atom: Atom) -> Callable[[int], Optional[Period]]:
    def period(y: int) -> Optional[Period]:
        try:
            if atom.d is not None and atom.m is not None:
                d = dt.date(y, atom.m, atom.d)
                return d, d
            if atom.m is not None:
                return dt.date(y, atom.m, 1), _month_end(y, atom.m)
            if atom.q is not None:
                return dt.date(y, 3 * atom.q - 2, 1), _month_end(y, 3 * atom.q)
            if atom.half is not None:
                return dt.date(y, 6 * atom.half - 5, 1), _month_end(y, 6 * atom.half)
            if atom.season is not None:
                return dt.date(y, atom.season[0], 1), _month_end(y, atom.season[1])
        except ValueError:
            return None
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    return period


def _fmt(y: int, m: Optional[int] = None, d: Optional[int] = None) -> Optional[str]:
    if not 0 <= y <= 9999:
        return None
    if m is None:
        return f"{y:04d}"
    if not 1 <= m <= 12:
        return None
    if d is None:
        return f"{y:04d}-{m:02d}"
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def _week(d: dt.date) -> str:
    iy, iw, _ = d.isocalendar()
    return f"{iy:04d}-W{iw:02d}"


def _add_months(d: dt.date, n: int) -> tuple[int, int]:
    y, m = divmod(d.year * 12 + d.month - 1 + n, 12)
    return y, m + 1


def _two_digit_year(yy: int, pub: Optional[dt.date]) -> int:
    ref = (pub.year if pub else dt.date.today().year) + 10
    return 2000 + yy if 2000 + yy <= ref else 1900 + yy


class Resolver:
    """Turns atoms into (value, granularity, end_value, modifier, relative, note)."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.pub = parse_published(doc.published)

    def modifier(self, atom: Atom) -> Optional[str]:
        prep_mod = PREPOSITIONS.get(atom.prep) if atom.prep else None
        if atom.is_range and (atom.prep is None or atom.prep in ("с", "со", "от", "начиная с")):
            return atom.part
        if prep_mod:
            return prep_mod
        if atom.part:
            return atom.part
        if atom.half is not None:
            return "first_half" if atom.half == 1 else "second_half"
        return None

    def resolve(self, atom: Atom) -> Optional[dict]:
        out = {"value": None, "granularity": None, "end_value": None, "relative": False, "note": atom.note,
               "modifier": self.modifier(atom)}
        handler = getattr(self, "_" + atom.kind)
        if handler(atom, out) is False:
            return None
        return out

    # --- kinds ---------------------------------------------------------------------
    def _cal(self, atom: Atom, out: dict):
        pub = self.pub
        if atom.extra.get("yy") is not None:
            atom.y = _two_digit_year(atom.extra["yy"], pub)
        out["granularity"] = ("day" if atom.d is not None else "month" if atom.m is not None
                              else "quarter" if atom.q is not None else "season" if atom.season else "year")
        period = _period_of(atom)
        if atom.y is None:
            if atom.yrel is not None:
                out["relative"] = True
                if pub is None:
                    out["note"] = NO_ANCHOR
                    return _valid_somewhere(period)
                atom.y = pub.year + atom.yrel
            elif pub is None:
                out["note"] = NO_YEAR
                return _valid_somewhere(period)
            else:
                atom.y = choose_year(period, pub, tense_near(self.doc, atom.start, atom.end))
                if atom.y is None:
                    return False
                out["note"] = "year inferred from the publication date"
        if period(atom.y) is None:
            return False
        if atom.q is not None:
            out["value"] = f"{atom.y:04d}-Q{atom.q}"
        elif atom.season is not None:  # corpus convention: a season's value is its year
            out["value"] = _fmt(atom.y)
        else:
            out["value"] = _fmt(atom.y, atom.m, atom.d)
        if out["value"] is None:
            return False
        if atom.is_range:
            y2 = atom.y2
            if y2 is None and atom.yrel2 is not None and pub is not None:
                y2 = pub.year + atom.yrel2
            if y2 is None:
                y2 = atom.y
                if (atom.m2 or 0, atom.d2 or 0) < (atom.m or 0, atom.d or 0):
                    y2 += 1
            out["end_value"] = _fmt(y2, atom.m2 if atom.m is not None else None,
                                    atom.d2 if atom.d is not None else None)
            if out["end_value"] is None or out["end_value"] < out["value"]:
                return False
        return True

    def _need_pub(self, out: dict) -> Optional[dt.date]:
        out["relative"] = True
        if self.pub is None:
            out["note"] = NO_ANCHOR
        return self.pub

    def _relday(self, atom: Atom, out: dict):
        out["granularity"] = "day"
        pub = self._need_pub(out)
        if pub is not None:
            out["value"] = (pub + dt.timedelta(days=int(atom.shift))).isoformat()

    def _relper(self, atom: Atom, out: dict):
        out["granularity"] = atom.unit
        pub = self._need_pub(out)
        if pub is None:
            return
        out["value"] = _shifted(pub, atom.unit if atom.unit in ("year", "month") else "week", int(atom.shift))

    def _ago(self, atom: Atom, out: dict):
        out["granularity"] = atom.unit
        pub = self._need_pub(out)
        if pub is None or atom.shift is None:
            return
        out["value"] = _shifted(pub, atom.unit, int(atom.shift))

    def _weekday(self, atom: Atom, out: dict):
        out["granularity"] = "day"
        pub = self._need_pub(out)
        if pub is None:
            return
        back = (pub.weekday() - atom.weekday) % 7
        fwd = (atom.weekday - pub.weekday()) % 7
        past, future = pub - dt.timedelta(days=back), pub + dt.timedelta(days=fwd)
        if atom.shift is not None:
            monday = pub - dt.timedelta(days=pub.weekday())
            day = monday + dt.timedelta(days=atom.weekday + 7 * int(atom.shift))
        else:
            tense = tense_near(self.doc, atom.start, atom.end)
            if tense == "past":
                day = past
            elif tense == "futr":
                day = future
            else:
                day = past if back <= fwd else future
        out["value"] = day.isoformat()

    def _last(self, atom: Atom, out: dict):
        """A period up to the publication: "за последние пять лет" -> 2019..2024; "за последний год" -> 2024."""
        unit = atom.unit
        out["granularity"] = unit
        pub = self._need_pub(out)
        if pub is None or atom.shift is None:
            return
        n = int(atom.shift)
        if n != atom.shift:  # "полтора года" -> months
            n, unit = int(atom.shift * 12), "month"
            out["granularity"] = unit
        if unit == "year":
            now = _fmt(pub.year)
            start = _fmt(pub.year - n)
        elif unit == "month":
            now = _fmt(pub.year, pub.month)
            start = _fmt(*_add_months(pub, -n))
        elif unit == "week":
            now, start = _week(pub), _week(pub - dt.timedelta(weeks=n))
        else:
            now, start = pub.isoformat(), (pub - dt.timedelta(days=n)).isoformat()
        if n <= 1:
            out["value"] = now
        else:
            out["value"], out["end_value"] = start, now

    def _duration(self, atom: Atom, out: dict):
        """A length of time ("в течение трех лет"): no point in time, so no value."""
        out["modifier"] = "duration"
        out["granularity"] = atom.unit if atom.unit in ("day", "week", "month", "year", "decade") else "month"

    def _vague(self, atom: Atom, out: dict):
        out["relative"] = True

    # A decade or a century is one period (value = its first year, like a month is "2025-05"
    # without an end); end_value only for a range of them ("1980–1990-е годы").
    def _decade(self, atom: Atom, out: dict):
        out["granularity"] = "decade"
        out["value"] = _fmt(atom.y)
        if atom.y2 is not None and atom.y2 // 10 != atom.y // 10:
            out["end_value"] = _fmt(atom.y2 - atom.y2 % 10)

    def _century(self, atom: Atom, out: dict):
        out["granularity"] = "century"
        if atom.note is None:
            out["value"] = _fmt(atom.y)
            if atom.y2 is not None and atom.y2 // 100 != atom.y // 100:
                out["end_value"] = _fmt(atom.y2 - atom.y2 % 100)


def _valid_somewhere(period: Callable[[int], Optional[Period]]) -> bool:
    """A year-less date is kept only if some year makes it valid (29 февраля yes, 31 февраля no)."""
    return period(2024) is not None or period(2023) is not None


def _shifted(pub: dt.date, unit: str, shift: int) -> str:
    """The ISO value ``shift`` units from ``pub`` at that unit's precision."""
    if unit == "year":
        return _fmt(pub.year + shift)
    if unit == "month":
        return _fmt(*_add_months(pub, shift))
    if unit == "week":
        return _week(pub + dt.timedelta(weeks=shift))
    return (pub + dt.timedelta(days=shift)).isoformat()
