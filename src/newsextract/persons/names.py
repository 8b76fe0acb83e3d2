"""Person names: split into first / middle / last and put into the nominative.

``normalize("Вячеславом Аленьковым")`` -> ``ParsedName(first="Вячеслав", last="Аленьков")``.
Gender and case are chosen jointly for the whole name (the first name and the
patronymic decide when the surname is ambiguous: ``Марии Ивановой`` -> femn,
gent); words pymorphy3 does not know are inflected back by suffix rules
(``Ахмадом`` -> ``Ахмад``) or kept as written when they cannot be in that case
(``Ник``, ``Назами``). Particles of foreign names (``бин``, ``фон дер``) stay.

All parts of a name share one case: a given name that cannot be in a case rules
that case out for the surname too (``Гэвин Ньюсом`` is nominative, so the
surname is not the instrumental of ``Ньюс``). Foreign words pymorphy3 does not
know that end in ``-е``, ``-и``, ``-о`` or a vowel and ``-у`` do not decline
(``Бейонсе``, ``Мосейлхи``, ``Фэрроу``) and stay as written, unless another part
of the name shows an oblique case (then a given name or a surname in ``-е`` does).
"""

from __future__ import annotations

import copy
import functools
import re
from dataclasses import dataclass, field
from typing import Optional

from .. import resources
from ..nlp import morph

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
GENDERS = ("masc", "femn")
NAME_TAGS = frozenset({"Name", "Surn", "Patr"})
INITIAL_RE = re.compile(r"^[A-ZА-ЯЁ][a-zа-яё]?\.$")
WORD_RE = re.compile(r"[A-Za-zА-Яа-яЁё][A-Za-zА-Яа-яЁё'’\-]*\.?")


@functools.cache
def particles() -> frozenset[str]:
    return resources.word_set("name_particles.txt")


@functools.cache
def east_asian() -> frozenset[str]:
    return resources.word_set("name_east_asian.txt")


@dataclass(frozen=True)
class Hint:
    """What a name's context says of it: the cases its governor allows (a preposition, a
    title in apposition) and the gender its predicate shows (``заявила``)."""

    cases: frozenset = frozenset()
    gender: Optional[str] = None


NO_HINT = Hint()

# Arabic names: a link (``бен Заед``) before an article (``аль Нахайян``) is the father's name,
# the family name starts at the article: Мухаммед | бен Заед | аль Нахайян.
PATRONYMIC_LINKS = frozenset({"бен", "бин", "ибн", "бинт", "бинти"})
FAMILY_ARTICLES = frozenset({"аль", "эль", "ас", "ад", "ат", "аш", "ан"})
HINT_CASE = 0.8
HINT_GENDER = 0.8


@dataclass
class ParsedName:
    first: Optional[str] = None
    middle: Optional[str] = None
    last: Optional[str] = None
    gender: Optional[str] = None
    case: str = "nomn"
    plural: bool = False  # "Ивановы": a family
    # Other nominative forms the surname may have (an ambiguous lone "Иванова"); a lone word
    # also as written (a lone "Ньюсом" read as a first name may be the surname of "Гэвин Ньюсом").
    last_options: frozenset = field(default_factory=frozenset)
    order: Optional[str] = None  # the full name when written family name first (Пан Ги Мун)
    # (first, middle, last) of this reading and of others nearly as good, best first: the
    # person's other mentions choose among them (``Гаррета Рейсмана`` ... ``Рейсман``)
    readings: tuple = ()
    context_gender: Optional[str] = None  # the gender its predicate shows (Петрова заявила)

    @property
    def full(self) -> str:
        if self.order:
            return self.order
        return " ".join(p for p in (self.first, self.middle, self.last) if p)

    def initials(self) -> tuple[str, str]:
        f = (self.first or "")[:1].upper()
        m = (self.middle or "")[:1].upper()
        return f, m


def split_words(text: str) -> list[str]:
    """Words of a name span; ``В.В.`` becomes ``В.``, ``В.``."""
    out: list[str] = []
    for raw in text.replace("\u00a0", " ").split():
        raw = raw.strip(",;:()«»\"'“”„")
        if not raw:
            continue
        while True:  # В.В.Путин, Дж.Коми
            m = re.match(r"^[A-ZА-ЯЁ][a-zа-яё]?\.", raw)
            if not m or len(raw) == len(m.group(0)):
                break
            out.append(m.group(0))
            raw = raw[len(m.group(0)):]
        m = WORD_RE.fullmatch(raw)
        if m:
            if raw.endswith(".") and not INITIAL_RE.match(raw):
                raw = raw[:-1]
            out.append(raw)
    return out


def _titlecase(word: str) -> str:
    """``ИВАНОВ`` -> ``Иванов``; ``Аль-Асад`` kept; lower-case names capitalised."""
    if word.lower() in particles():
        return word.lower()
    if word.isupper() and len(word) > 1:
        return "-".join(p[:1] + p[1:].lower() for p in word.split("-"))
    return word[:1].upper() + word[1:]


def _restore(template: str, word: str) -> str:
    """Capitalise an inflected word like the original (each hyphen part)."""
    parts_t = template.split("-")
    parts_w = word.split("-")
    if len(parts_t) == len(parts_w):
        return "-".join(morph.match_case(t, w) for t, w in zip(parts_t, parts_w, strict=True))
    return morph.match_case(template, word)


# Russian-type surnames pymorphy3 guesses well from their endings (Аленьков, Минуллин).
_RUSSIAN_SURNAME = ("ов", "ев", "ёв", "ин", "ын", "ский", "цкий", "ская", "цкая", "ова", "ева", "ёва",
                    "ина", "ына")


@dataclass(frozen=True, slots=True)
class NameParse:
    """A pymorphy3 parse of a name word read once into plain values (reading the attributes
    of a pymorphy3 tag is slow, and every name is scored in every gender and case)."""

    parse: object  # the pymorphy3 parse, to inflect
    normal_form: str
    score: float
    grammemes: frozenset
    case: Optional[str]
    number: Optional[str]
    gender: Optional[str]
    known: bool

    @classmethod
    def of(cls, p) -> NameParse:
        tag = p.tag
        return cls(p, p.normal_form, p.score, frozenset(tag.grammemes), _plain(tag.case), _plain(tag.number),
                   _plain(tag.gender), morph.known(p))


def _plain(grammeme) -> Optional[str]:
    """A grammeme of a pymorphy3 tag as a plain string (its own string type compares slowly)."""
    return None if grammeme is None else str(grammeme)


@functools.lru_cache(maxsize=50_000)
def _name_parses(word: str) -> tuple[NameParse, ...]:
    """Name, surname and patronymic parses; for a word pymorphy3 does not know only its
    guesses of Russian-type surnames (its other guesses at foreign names are noise:
    ``Ямамура`` is no genitive of ``Ямамур``)."""
    out = []
    for p in morph.parse(word):
        if not NAME_TAGS & p.tag.grammemes:
            continue
        if morph.known(p) or "Surn" in p.tag.grammemes and p.normal_form.endswith(_RUSSIAN_SURNAME):
            out.append(NameParse.of(p))
    return tuple(out)


@functools.lru_cache(maxsize=50_000)
def _adjective_parses(word: str) -> tuple[NameParse, ...]:
    """Known adjective parses of an adjectival surname (``Долгорукому``, ``Заречной``)."""
    return tuple(NameParse.of(p) for p in morph.parse(word)
                 if p.tag.POS == "ADJF" and morph.known(p) and p.tag.number == "sing")


@functools.lru_cache(maxsize=50_000)
def _any_known(word: str) -> bool:
    """Some parse of the word is in pymorphy3's dictionary."""
    return any(morph.known(p) for p in morph.parse(word))


def _compatible(p: NameParse, gender: str, case: str) -> bool:
    if p.case != case and not (case == "accs" and p.case == "gent" and "anim" in p.grammemes):
        return False
    if p.number == "plur":
        return False
    return p.gender is None or gender in p.grammemes or "ms-f" in p.grammemes


@functools.lru_cache(maxsize=100_000)
def _compatible_parses(word: str, gender: str, case: str) -> tuple:
    """The name parses of ``word`` that can stand in ``gender`` and ``case`` (cached: every
    name is ranked in every gender and case)."""
    return tuple(p for p in _name_parses(word) if _compatible(p, gender, case))


# Oblique endings of Russian-type surnames, by gender and case -> nominative ending.
@functools.cache
def surname_rules() -> dict[str, dict[str, list[tuple[str, str]]]]:
    """gender -> case -> [(oblique ending, nominative ending)] (``data/surname_endings.tsv``)."""
    rules: dict[str, dict[str, list[tuple[str, str]]]] = {}
    for gender, case, ending, nom in resources.tsv("surname_endings.tsv"):
        rules.setdefault(gender, {}).setdefault(case, []).append((ending, nom))
    return rules


_VOWELS = set("аеёиоуыэюяaeiouy")
_SIBILANT = set("жшщчц")


@functools.lru_cache(maxsize=100_000)
def _suffix_nominative(word: str, gender: str, case: str) -> Optional[str]:
    """Undo a case ending on a word pymorphy3 cannot inflect; None if it cannot be in ``case``."""
    if case == "nomn":
        return word
    low = word.lower()
    for ending, nom in surname_rules().get(gender, {}).get(case, []):
        if low.endswith(ending) and len(low) > len(ending) + 1:
            return word[: len(word) - len(ending)] + nom
    for p in _adjective_parses(word):
        if p.case == case and (p.gender == gender or p.gender is None):
            form = morph.inflected(p.parse, {"nomn", "sing", gender})
            if form is not None:
                return _restore(word, form.word)
    if len(low) < 3:
        return None
    if gender == "femn" or low.endswith(("ой", "ою", "ы", "ии", "ию", "ией")) or case == "datv" and low[-1] == "е":
        guess = _a_declension(word, low, case)
        if guess is not None or gender == "femn":
            return guess
    # Foreign masculine names ending in a consonant: Ахмадом, Жозепа, Борреля, Гутеррешем.
    stem2, stem1 = low[:-2], low[:-1]
    if case == "ablt" and low[-2:] in ("ом", "ем", "ём") and stem2[-1:] not in _VOWELS:
        if low[-2:] == "ом" or stem2[-1:] in _SIBILANT:
            return word[:-2]
        return word[:-2] + "ь"
    if case in ("gent", "accs") and low[-1] in "ая" and stem1[-1:] not in _VOWELS:
        return word[:-1] + ("ь" if low[-1] == "я" and stem1[-1:] not in _SIBILANT else "")
    if case == "datv" and low[-1] in "ую" and stem1[-1:] not in _VOWELS:
        return word[:-1] + ("ь" if low[-1] == "ю" and stem1[-1:] not in _SIBILANT else "")
    if case == "loct" and low[-1] == "е" and stem1[-1:] not in _VOWELS:
        return word[:-1]
    # Masculine names of the -а/-я declension in the accusative: Кустурицу, Небензю.
    if case == "accs" and low[-1] in "ую" and stem1[-1:] not in _VOWELS:
        return word[:-1] + ("а" if low[-1] == "у" else "я")
    return None


def _a_declension(word: str, low: str, case: str) -> Optional[str]:
    """Undo a case ending of the ``-а``/``-я`` declension (Тхапой, Обамы, Угбому -> -а)."""
    stem2, stem1 = low[:-2], low[:-1]
    if low.endswith("ии") and case in ("gent", "datv", "loct") or low.endswith("ию") and case == "accs":
        return word[:-1] + "я"  # Талии, Патрисию
    if low.endswith("ией") and case == "ablt":
        return word[:-2] + "я"
    if case == "gent" and low[-1] == "ы" and stem1[-1:] not in _VOWELS:
        return word[:-1] + "а"
    if case == "gent" and low[-1] == "и" and stem1[-1:] in "кгхжшчщ":
        return word[:-1] + "а"
    if case == "gent" and low[-1] == "и" and stem1[-1:] not in _VOWELS:
        return word[:-1] + "я"
    if case in ("datv", "loct") and low[-1] == "е" and stem1[-1:] not in _VOWELS:
        return word[:-1] + "а"
    if case == "accs" and low[-1] == "у" and stem1[-1:] not in _VOWELS:
        return word[:-1] + "а"
    if case == "accs" and low[-1] == "ю" and stem1[-1:] not in _VOWELS:
        return word[:-1] + "я"
    if case == "ablt" and low[-2:] in ("ой", "ою") and stem2[-1:] not in _VOWELS:
        return word[:-2] + "а"
    if case == "ablt" and low[-2:] == "ей" and stem2[-1:] not in _VOWELS:
        return word[:-2] + ("а" if stem2[-1:] in _SIBILANT else "я")
    return None


# Endings that hardly ever close a name in the nominative (Радживом, Тхапой, Обамы, Угбому).
OBLIQUE_LOOKING = ("ом", "ем", "ём", "ым", "ой", "ою", "ею", "ому", "ему", "ую", "ы", "ии")


def _looks_oblique(word: str) -> bool:
    low = word.lower()
    return low.endswith(OBLIQUE_LOOKING) or len(low) > 3 and low[-1] in "ую" and low[-2] not in _VOWELS


def _undeclined_feminine(word: str) -> bool:
    """A woman's foreign surname ending in a consonant does not decline (Меркель, Кердпол)."""
    low = word.lower()
    return low[-1:] not in _VOWELS and low[-1:] not in "йь" and not low.endswith(_RUSSIAN_SURNAME)


@functools.lru_cache(maxsize=100_000)
def _unknown_score(word: str, role: str, gender: str, case: str) -> float:
    """Support for a word pymorphy3 does not know as a name being in ``case``: the nominative
    as written unless the ending looks oblique; an oblique case by the suffix rules, strongly
    when the ending looks oblique (a foreign ``Ларрионда`` or ``Ямамура`` is a nominative)."""
    low = word.lower()
    # a given name in a consonant and -у is often foreign and undeclined (Тору, Амаду)
    oblique = _looks_oblique(word) and (role == "last" or low.endswith(OBLIQUE_LOOKING))
    if gender == "femn" and _undeclined_feminine(word):
        # a woman's surname ending in a consonant does not decline; a given name so ending
        # is hardly a woman's
        return 0.4 if role == "last" else 0.2 * (case == "nomn")
    if case == "nomn":
        return 0.1 if oblique else 0.5
    guess = _suffix_nominative(word, gender, case)
    if guess is None or guess == word:
        return 0.0
    if not oblique:
        return 0.4
    return 0.45 if low[-1] in "ую" and not low.endswith("ую") else 0.6


@functools.cache
def oblique_surname_endings() -> tuple[str, ...]:
    return tuple(sorted({e for g in surname_rules().values() for rules in g.values() for e, _ in rules}))


@functools.lru_cache(maxsize=20_000)
def indeclinable(word: str) -> bool:
    """A foreign name that does not decline: unknown to pymorphy3, ending in ``-е``/``-и``/``-о``
    or in a vowel and ``-у`` (``Бейонсе``, ``Мосейлхи``, ``Фэрроу``); not an oblique Russian-type
    surname (``Аленькове``). Every hyphen part of three letters or more must look so
    (``ар-Раи`` but not ``Михнова-Вайтенко``)."""
    parts = [w for w in word.lower().split("-") if len(w) >= 3]
    if not parts:
        return False
    for low in parts:
        if not ("а" <= low[-1] <= "я" or low[-1] == "ё"):
            return False
        if not (low[-1] in "еио" or low[-1] == "у" and low[-2] in _VOWELS) or low.endswith("ии"):
            return False  # -ии is oblique of -ия (Патрисии)
        if low.endswith(oblique_surname_endings()):
            return False
    return not _any_known(word)


@functools.lru_cache(maxsize=100_000)
def _word_nominative(word: str, role: str, gender: str, case: str) -> str:
    """The nominative of one name word in the chosen gender and case."""
    if word.lower() in particles() or INITIAL_RE.match(word):
        return word
    if indeclinable(word) and (case == "nomn" or role == "last" and not word.lower().endswith("е")):
        # in a case the other parts show, a given name (Дариги) or a surname in -е
        # (Степане Бандере) declines after all
        return word
    tag = {"first": "Name", "middle": "Patr", "last": "Surn"}.get(role)
    cands = list(_compatible_parses(word, gender, case))
    # in an oblique case a declining reading beats an indeclinable one (Марку: Марк)
    cands.sort(key=lambda p: (case != "nomn" and "Fixd" in p.grammemes, tag not in p.grammemes, -p.score))
    parses = _name_parses(word)
    surn = [p for p in parses if "Surn" in p.grammemes and p.number == "sing" and p.known]
    if case == "nomn" and role == "last" and not cands and surn and all(p.case != "nomn" for p in surn):
        # a known surname only oblique beside an undeclined given name (Барак Обамы)
        form = morph.inflected(surn[0].parse, {"nomn", "sing"})
        return _restore(word, form.word) if form is not None else word
    if gender == "femn" and role == "last" and not parses and _undeclined_feminine(word):
        return word
    if case == "nomn" and not any("Fixd" not in p.grammemes for p in cands):
        return word
    for p in cands:
        if "Fixd" in p.grammemes:
            return word
        grams = {"nomn", "sing"}
        if "Surn" in p.grammemes or "Patr" in p.grammemes:
            grams.add(gender)
        form = morph.inflected(p.parse, grams) or morph.inflected(p.parse, {"nomn", "sing"})
        if form is not None:
            return _restore(word, form.word.replace("ё", "ё"))
    if not cands:
        guess = _suffix_nominative(word, gender, case)
        if guess is not None:
            return guess
    return word


@functools.lru_cache(maxsize=100_000)
def _may_be(word: str, role: str, gender: str, case: str) -> bool:
    """A name word can stand in ``case`` (for a name of ``gender``); a surname always in the
    nominative as written (a foreign ``Ньюсом`` only looks instrumental)."""
    if indeclinable(word) or role == "last" and case == "nomn":
        return True
    parses = _name_parses(word)
    # an indeclinable given name of either gender (Андреа); a given name is not read as a
    # woman's indeclinable surname (Трэвис)
    fixd = {"Name", "Patr"} if role != "last" else NAME_TAGS
    if _compatible_parses(word, gender, case) or any("Fixd" in p.grammemes and fixd & p.grammemes
                                                      for p in parses):
        return True
    if parses and role != "last" and _any_known(word):
        return False  # a dictionary given name that cannot be in this case
    # an unknown masculine name ending in a consonant declines (Гэвин, Гэвином); one ending
    # in a vowel may not (Хуа) and tells nothing
    return gender != "masc" or word[-1:].lower() in _VOWELS or _suffix_nominative(word, gender, case) is not None


def _agreeing(words: list[str], roles: list[str]) -> list[tuple[str, str]]:
    """Words that share one case: ``Имя Фамилия``, ``Имя Отчество Фамилия``."""
    if roles == ["first", "last"] or roles == ["first", "middle", "last"] and _is_patr(words[1]):
        return [(w, r) for w, r in zip(words, roles, strict=True)
                if not INITIAL_RE.match(w) and w.lower() not in particles()]
    return []


@functools.lru_cache(maxsize=50_000)
def _fixed(word: str) -> bool:
    """The word shows no case: indeclinable or known only as such (``Шойгу``)."""
    parses = _name_parses(word)
    return indeclinable(word) or bool(parses) and all("Fixd" in p.grammemes for p in parses)


READING_MARGIN = 0.5  # other (gender, case) readings of a name kept within this of the best


def _rank_gender_case(words: list[str], roles: list[str], hint: Optional[Hint] = None) -> list[tuple]:
    """Every allowed (gender, case, score), best first (ties: masc nomn before others)."""
    ranked = []
    for gender, case, score in _readings(tuple(words), tuple(roles)):
        if hint is not None:
            score += HINT_CASE * (case in hint.cases) + HINT_GENDER * (gender == hint.gender)
        ranked.append((gender, case, score))
    ranked.sort(key=lambda x: -x[2])  # stable: the order of GENDERS and CASES breaks ties
    return ranked


ROLE_TAG = {"first": "Name", "middle": "Patr", "last": "Surn"}
CASE_BONUS = {"nomn": 0.05, "gent": 0.02}


@functools.lru_cache(maxsize=50_000)
def _readings(words: tuple[str, ...], roles: tuple[str, ...]) -> tuple[tuple, ...]:
    """Every allowed (gender, case, score) of the words as a name before its context is
    heard, in the order of GENDERS and CASES (cached: a name recurs with other hints)."""
    words, roles = list(words), list(roles)  # as lists: ``_agreeing`` compares role lists
    ranked: list[tuple] = []
    # One case for all parts: a word that cannot be in a case excludes it (unless nothing is left).
    agree = _agreeing(words, roles)
    allowed = {(g, c) for g in GENDERS for c in CASES if all(_may_be(w, r, g, c) for w, r in agree)}
    if not allowed:
        allowed = {(g, c) for g in GENDERS for c in CASES}
    # With a surname that shows no case, an unknown given name ending in a vowel (a common
    # ending of foreign given names) shows none either: ``Мелаку ... Тесфайе``, ``Амаду ... Туре``.
    fixed_last = _fixed(words[-1])
    # The last word declines whenever it can (foreign given names often do not).
    weights = [1.0] * len(words)
    for i in range(len(words) - 1, -1, -1):
        if roles[i] != "particle" and not INITIAL_RE.match(words[i]):
            weights[i] = 3.0 if "particle" in roles else 1.5
            break
    # the words that are scored, with what does not depend on the gender and case
    scored = [(word, role, weight, indeclinable(word),
               fixed_last and role != "last" and word[-1:].lower() in _VOWELS and not _any_known(word),
               _name_parses(word), ROLE_TAG.get(role))
              for word, role, weight in zip(words, roles, weights, strict=True)
              if role != "particle" and not INITIAL_RE.match(word)]
    for gender in GENDERS:
        for case in CASES:
            if (gender, case) not in allowed:
                continue
            score = 0.0
            for word, role, weight, indecl, undeclined_given, parses, want in scored:
                before, bonus = score, 0.0
                if indecl:
                    score += 0.5
                    bonus = 0.02 if case == "nomn" else 0.0  # as written, it is a nominative
                elif undeclined_given:
                    score += 0.5
                elif parses:
                    ok = [p.score + (0.5 if want in p.grammemes else 0.0)
                          for p in _compatible_parses(word, gender, case)]
                    if ok:
                        score += 1.0 + max(ok)
                    elif any("Fixd" in p.grammemes for p in parses):
                        score += 0.5
                    elif role == "last" and _suffix_nominative(word, gender, case) not in (None, word):
                        score += 0.6
                else:
                    score += _unknown_score(word, role, gender, case)
                score = before + (score - before) * weight + bonus
            score += CASE_BONUS.get(case, 0.0) + (0.04 if gender == "masc" else 0)
            ranked.append((gender, case, score))
    return tuple(ranked)


def _is_name(word: str) -> bool:
    return any("Name" in p.grammemes and p.score >= 0.2 for p in _name_parses(word))


def _is_patr(word: str) -> bool:
    return any("Patr" in p.grammemes for p in _name_parses(word))


def _is_surname(word: str) -> bool:
    return any("Surn" in p.grammemes and p.score >= 0.2 for p in _name_parses(word))


def given_name_only(word: str) -> bool:
    """A known given name that is no surname (``Уильям``)."""
    return _is_name(word) and not _is_surname(word)


def assign_roles(words: list[str]) -> list[str]:
    """first / middle / last / particle for each word of a name."""
    n = len(words)
    roles = ["last"] * n
    low = [w.lower() for w in words]
    parts = particles()
    pidx = [i for i, w in enumerate(low) if w in parts and i > 0]
    if n > 1 and low[0] in parts and low[0] not in east_asian():  # фон Штайнер, ибн Эзра
        return ["particle" if w in parts else "last" for w in low]
    if pidx:  # Ник Назами бин Ник Ахмад, Урсула фон дер Ляйен
        k = pidx[0]
        for i in range(k):
            roles[i] = "first"
        for i in range(k, n):
            roles[i] = "particle" if low[i] in parts else "last"
        return roles
    if n == 1:
        w = words[0]
        if INITIAL_RE.match(w):
            return ["first"]
        if _is_name(w) and not _is_surname(w):
            return ["first"]
        return ["last"]
    initials = [bool(INITIAL_RE.match(w)) for w in words]
    if all(initials[:-1]) and not initials[-1]:  # В. В. Путин
        roles = ["first"] + ["middle"] * (n - 2) + ["last"]
        return roles
    if not initials[0] and all(initials[1:]):  # Путин В. В.
        return ["last", "first"] + ["middle"] * (n - 2)
    if n <= 3 and _east_asian_family(words[0]) and all(len(_syllables_stem(w)) <= 8 for w in words[1:]) \
            and not any(_is_name(w) and len(w) > 4 or not _syllabic(w) for w in words[1:]) \
            and not _is_patr(words[-1]):  # Пан Ги Мун, Си Цзиньпин, Кима Чен Ира
        return ["last"] + ["first"] * (n - 1)
    given = 0  # Хосе Луис Перес Гарсия: the known given names first, the surnames after
    while given < n - 1 and _is_name(words[given]) and any(p.known for p in _name_parses(words[given])) \
            and not _is_patr(words[given]):
        given += 1
    if n >= 3 and given >= 2 and not any(_is_patr(w) for w in words):
        return ["first"] * given + ["last"] * (n - given)
    if n == 3 and _is_patr(words[2]) and not _is_patr(words[1]):  # Лужков Юрий Михайлович
        return ["last", "first", "middle"]
    if n == 2 and _is_patr(words[1]):  # Юрий Михайлович
        return ["first", "middle"]
    roles = ["first"] + ["middle"] * (n - 2) + ["last"]
    if n == 2 and _is_surname(words[0]) and not _is_name(words[0]) and _is_name(words[1]) \
            and not _is_surname(words[1]):  # Иванов Иван
        roles = ["last", "first"]
    return roles


def _name_parts(words: list[str], roles: list[str]) -> list[str]:
    """The part of the name each word goes to: the roles, with an Arabic father's name
    (``бен Заед`` before ``аль Нахайян``) moved from the last name to the middle."""
    low = [w.lower().split("-")[0] for w in words]
    link = next((i for i, w in enumerate(low) if i > 0 and w in PATRONYMIC_LINKS and roles[i] == "particle"), None)
    if link is None:
        return roles
    article = next((j for j in range(link + 2, len(words)) if low[j] in FAMILY_ARTICLES), None)
    if article is None:
        return roles
    return roles[:link] + ["middle"] * (article - link) + roles[article:]


def _east_asian_family(word: str) -> bool:
    """A family name of the data file, also in an oblique case (``Кима``, ``Паком``)."""
    low = word.lower()
    if low in east_asian():
        return True
    if any(p.normal_form in east_asian() for p in _name_parses(word)):
        return True
    return len(low) >= 3 and (low[:-1] in east_asian() and low[-1] in "ауе"
                              or low[:-2] in east_asian() and low[-2:] in ("ом", "ем"))


def _east_asian_nominative(words: list[str], hint: Optional[Hint]) -> list[str]:
    """Only the family name and the last syllable of an East Asian name decline, in the
    case the family name shows (``Кима Чен Ира`` -> ``Ким Чен Ир``)."""
    family, case = _east_asian_case(words[0])
    if case == "nomn":  # an undeclined family name: the last syllable alone shows the case
        low = words[-1].lower()
        for ending, c in EAST_ASIAN_ENDINGS:
            stem = low[:-len(ending)]
            if low.endswith(ending) and len(stem) >= 2 and stem[-1] not in _VOWELS and c != "loct":
                case = c
                break
        else:
            return list(words)
    last = _suffix_nominative(words[-1], "masc", case) if not indeclinable(words[-1]) else None
    return [family] + words[1:-1] + [last or words[-1]]


EAST_ASIAN_ENDINGS = (("ом", "ablt"), ("ем", "ablt"), ("а", "gent"), ("у", "datv"), ("е", "loct"))


def _east_asian_case(word: str) -> tuple[str, str]:
    """An East Asian family name in the nominative and the case it was in (``Кима``: gent)."""
    low = word.lower()
    if low in east_asian():
        return word, "nomn"
    for p in _name_parses(word):
        if p.normal_form in east_asian():
            return _restore(word, p.normal_form), p.case
    for ending, case in EAST_ASIAN_ENDINGS:
        if low.endswith(ending) and low[:-len(ending)] in east_asian():
            return word[:-len(ending)], case
    return word, "nomn"


def _syllabic(word: str) -> bool:
    """A given name of Russian transcriptions of Chinese, Korean or Vietnamese syllables: no
    ``р`` (but ``эр``), no final ``с`` (``Хуан Карлос`` is Spanish, ``Ян Новак`` Czech)."""
    low = _syllables_stem(word) if word.lower().endswith(("ом", "ем")) else word.lower()
    return "р" not in low.replace("эр", "") and not low.endswith(("с", "в", "з", "ш", "ч", "ф"))


def _syllables_stem(word: str) -> str:
    low = word.lower()
    for ending, _case in EAST_ASIAN_ENDINGS:
        if low.endswith(ending):
            return low[:-len(ending)]
    return low


def _join(words: list[str]) -> Optional[str]:
    return " ".join(words) if words else None


def normalize(text: str | list[str], hint: Optional[Hint] = None) -> ParsedName:
    """Parse and put a person's name into the nominative (``hint``: what its context says)."""
    raw = split_words(text) if isinstance(text, str) else list(text)
    if hint == NO_HINT:
        hint = None  # a context that says nothing: one cache entry with no context at all
    return copy.copy(_normalize(tuple(raw), hint))  # a copy: the caller may change it


@functools.lru_cache(maxsize=50_000)
def _normalize(raw: tuple[str, ...], hint: Optional[Hint]) -> ParsedName:
    """``normalize`` of the words (cached: a name recurs in a document and across documents)."""
    words = [_titlecase(w) for w in raw]
    if not words:
        return ParsedName()
    # inside a name a hyphenated article stays lower case: Мохаммед аль-Хашими
    words = words[:1] + [w[:w.index("-")].lower() + w[w.index("-"):]
                         if "-" in w and w[:w.index("-")].lower() in particles() else w for w in words[1:]]
    roles = assign_roles(words)
    ranked = _rank_gender_case(words, roles, hint) or [("masc", "nomn", -1.0)]
    gender, case, top = ranked[0]
    # A first name or patronymic fixes the gender even when the case is nominative.
    plural = False
    if len(words) == 1 and roles[0] == "last":
        parses = _name_parses(words[0])
        if parses and parses[0].number == "plur" and "Pltm" in parses[0].grammemes \
                and parses[0].case == "nomn" and words[0].lower().endswith(("вы", "ны")):
            plural = True
    norm = []
    for w, r in zip(words, roles, strict=True):
        if plural:
            norm.append(w)
        else:
            norm.append(_word_nominative(w, r, gender, case))
    east = len(words) > 1 and roles[0] == "last" and _east_asian_family(words[0])
    if east:
        norm = _east_asian_nominative(words, hint)
        norm[0] = norm[0][:1].upper() + norm[0][1:]  # a family name, not a particle (Ван)
    parts = _name_parts(words, roles)
    firsts = [w for w, r in zip(norm, parts, strict=True) if r == "first"]
    middles = [w for w, r in zip(norm, parts, strict=True) if r == "middle"]
    lasts = [w for w, r in zip(norm, parts, strict=True) if r in ("last", "particle")]
    options: set[str] = set()
    gendered = any(r in ("first", "middle") and not INITIAL_RE.match(w)
                   for w, r in zip(words, roles, strict=True))
    if (len(words) == 1 or roles[-1] == "last" and not gendered) and not plural and "particle" not in roles:
        for g in GENDERS:
            for c in CASES:
                if _compatible_parses(words[-1], g, c) or \
                        (c != "nomn" and _suffix_nominative(words[-1], g, c) is not None):
                    options.add(_word_nominative(words[-1], "last", g, c))
    if len(words) == 1 and not plural and not INITIAL_RE.match(words[0]):
        options.add(words[0])  # as written: a foreign surname that only looks oblique (Ньюсом)
    readings = [(_join(firsts), _join(middles), _join(lasts))]
    if gendered and not plural and not east:  # other readings of the whole name: ``Гаррета Рейсмана``
        for g, c, score in ranked[1:]:
            if score < top - READING_MARGIN:
                break
            other = [_word_nominative(w, r, g, c) for w, r in zip(words, roles, strict=True)]
            reading = tuple(_join([w for w, r in zip(other, parts, strict=True) if r in want])
                            for want in (("first",), ("middle",), ("last", "particle")))
            if reading not in readings:
                readings.append(reading)
                if reading[2]:
                    options.add(reading[2])
    parsed = ParsedName(first=_join(firsts), middle=_join(middles), last=_join(lasts),
                        gender=gender, case=case, plural=plural, context_gender=hint.gender if hint else None,
                        last_options=frozenset(options), readings=tuple(readings))
    if east:
        parsed.order = " ".join(norm)
    return parsed
