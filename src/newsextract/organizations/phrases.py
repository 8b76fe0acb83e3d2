"""Organization phrases found by grammar rather than by capital letters.

- a lower-case singular head after an agreeing relational adjective names an
  organization (``японского дипломатического ведомства``, ``президентского
  совета``, ``американском музее аэронавтики``), unless a name follows it;
- a ``по``-phrase in the dative states an organization's field and belongs to
  its name (``Комитет по делам молодёжи``, ``сборная по бобслею и скелетону``),
  except parenthetical ``по словам``, ``по данным``, ``по итогам``...
"""

from __future__ import annotations

import functools
from typing import Optional

from .. import resources
from ..doc import Doc, Token
from ..nlp.grammar import is_gent, is_word, parses
from .lexicon import org_heads
from .spans import extend_left

# Lower-case heads too generic to name one organization after an adjective
# (``российского общества``, ``советского союза``, ``космической станции``).
GENERIC_HEADS = frozenset({
    "общество", "союз", "школа", "движение", "блок", "станция", "организация", "компания",
    "предприятие", "объединение", "группа", "сеть", "центр", "офис", "холдинг", "корпорация",
    "госкорпорация", "концерн", "завод", "фабрика", "комбинат", "газета", "журнал", "клуб", "театр",
    "библиотека", "больница", "поликлиника", "госпиталь", "лаборатория", "альянс", "коалиция",
    "фонд", "банк", "биржа", "академия", "университет", "институт", "колледж", "лицей", "гимназия",
    "отделение", "филиал", "кафедра", "факультет", "партия", "профсоюз", "командование", "миссия",
    "представительство", "гвардия", "флот", "армия", "дума", "собрание", "правительство", "полиция",
    "милиция", "управление", "служба", "администрация", "суд", "аппарат",
})
TIME_NOUNS = frozenset({"год", "месяц", "неделя", "день", "век", "время", "период", "сезон", "созыв"})
_LAST_NOUN = ("NOUN",)


@functools.cache
def by_exceptions() -> frozenset[str]:
    """Word forms after ``по`` that open a parenthetical phrase (``org_by_stop.txt``)."""
    return frozenset(line.strip() for line in resources.lines("org_by_stop.txt") if line.strip())


def _noun_parse(tok: Token):
    for p in parses(tok)[:2]:
        if p.tag.POS == "NOUN":
            return p
    return None


def _singular_adj(tok: Token) -> bool:
    return any(p.tag.POS in ("ADJF", "PRTF") and p.tag.number == "sing" for p in parses(tok))


def _lower_tail(toks: list[Token], j: int, limit: int = 3) -> int:
    """Index after lower-case genitive words ending on a noun (``музее аэронавтики``)."""
    end, n = j, 0
    while j < len(toks) and n < limit:
        tok = toks[j]
        if len(tok.text) < 3 or not tok.text[:1].islower() or not is_gent(tok) or tok.lemma in TIME_NOUNS:
            break
        j, n = j + 1, n + 1
        if _noun_parse(tok) is not None:
            end = j
    return end


def lower_head(doc: Doc, toks: list[Token], i: int, person_tokens: set[int]) -> Optional[tuple[int, int]]:
    """``(start, end)`` of ``японского дипломатического ведомства`` with its head at ``toks[i]``."""
    tok = toks[i]
    if not tok.text[:1].islower() or tok.lemma not in org_heads() or tok.lemma in GENERIC_HEADS:
        return None
    p = _noun_parse(tok)
    if p is None or p.tag.number != "sing" or i == 0 or not _singular_adj(toks[i - 1]):
        return None
    if tok.index in person_tokens:
        return None
    j = _lower_tail(toks, i + 1)
    if j < len(toks) and (toks[j].text[:1].isupper() or toks[j].text in ("«", '"', "“")):
        return None  # a descriptor before a name (``российской компании «Ромашка»``)
    start = extend_left(doc, tok.start, toks[j - 1].end)
    return (start, toks[j - 1].end) if start < tok.start else None


def by_phrase(toks: list[Token], i: int, limit: int = 6) -> int:
    """Index after a dative ``по``-phrase starting at ``toks[i]`` (after ``по``), else ``i``."""
    if i >= len(toks) or not toks[i].text[:1].islower() or toks[i].text.lower() in by_exceptions():
        return i
    j, end, n = i, i, 0
    while j < len(toks) and n < limit:
        tok = toks[j]
        if tok.text == "и" and j > i and j + 1 < len(toks) and _dative(toks[j + 1]):
            j += 1
            continue
        if not is_word(tok) or not tok.text[:1].islower() or not (_dative(tok) or (end > i and _genitive(tok))):
            break
        j, n = j + 1, n + 1
        if _noun_parse(tok) is not None:
            end = j
    return end


def _dative(tok: Token) -> bool:
    return any(p.tag.case == "datv" and p.tag.POS in ("NOUN", "ADJF", "PRTF") for p in parses(tok)[:3])


def _genitive(tok: Token) -> bool:
    return any(p.tag.case == "gent" and p.tag.POS in ("NOUN", "ADJF", "PRTF") for p in parses(tok)[:2])


# Things named in quotes or apposition that are not organizations (``шаттл «Дискавери»``,
# ``телескоп Хаббл``, ``аэропорт «Домодедово»``, ``статья «...»``).
ARTIFACTS = frozenset({
    "шаттл", "челнок", "корабль", "звездолёт", "звездолет", "станция", "спутник", "телескоп", "ракета",
    "самолёт", "самолет", "лайнер", "судно", "теплоход", "ледокол", "подлодка", "крейсер", "авианосец",
    "модуль", "зонд", "марсоход", "луноход", "аэропорт", "вокзал", "стадион", "статья",
    "фильм", "книга", "роман", "повесть", "песня", "альбом", "сериал", "спектакль", "опера", "балет",
    "мюзикл", "игра", "операция", "бизнес-центр", "отель", "гостиница", "кинотеатр", "поезд",
})
# Events named like organizations (``форум «Утро»``, ``на Паралимпиаде``): never organizations.
EVENT_NOUNS = frozenset({
    "форум", "бизнес-форум", "фестиваль", "выставка", "конференция", "саммит", "конкурс", "олимпиада",
    "паралимпиада", "спартакиада", "чемпионат", "первенство", "турнир", "марафон", "слёт", "слет",
    "биеннале", "ярмарка", "акция", "церемония", "универсиада", "кубок",
})
QUOTE_OPEN = ("«", '"', "“", "„")
MAX_EVENT_TAIL = 4  # genitive words between an event word and its quoted name


def is_event_word(tok: Token) -> bool:
    return tok.lemma in EVENT_NOUNS or tok.lemma.rsplit("-", 1)[-1] in EVENT_NOUNS


def artifact_keys(doc: Doc, key) -> tuple[set[str], set[int]]:
    """Keys of quoted names written after an artifact or event word anywhere in the document
    (``шаттл «Дискавери»``, ``Форум молодёжи Урала «Утро»``), and the offsets where they start."""
    out, starts = set(), set()
    toks = doc.tokens
    for i, tok in enumerate(toks[:-2]):
        event = tok.lemma in EVENT_NOUNS or "-" in tok.lemma and is_event_word(tok)  # (most words: one lookup)
        if not event and tok.lemma not in ARTIFACTS:
            continue
        j = i + 1
        while event and j < len(toks) - 1 and j - i <= MAX_EVENT_TAIL and toks[j].sent == tok.sent \
                and is_word(toks[j]) and is_gent(toks[j]):
            j += 1
        if toks[j].text not in QUOTE_OPEN or j + 1 >= len(toks) or _owner(tok, toks[j + 1]):
            continue
        i = j - 1
        k = i + 2
        while k < len(toks) and k < i + 6 and toks[k].text not in ("»", '"', "”", "“") and toks[k].sent == tok.sent:
            k += 1
        if k > i + 2:
            out.add(key(doc.text[toks[i + 2].start:toks[k - 1].end]))
            starts.add(toks[i + 2].start)
    return out, starts


def _owner(word: Token, name: Token) -> bool:
    """``станция «Водоканала»``: a genitive name is the artifact's owner, not its name."""
    pn, pw = parses(name), parses(word)
    return bool(pn) and pn[0].tag.case == "gent" and pn[0].score > 0.5 and not (pw and pw[0].tag.case == "gent")
