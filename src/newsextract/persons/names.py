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


def _name_parses(word: str) -> list:
    return [p for p in morph.parse(word) if NAME_TAGS & p.tag.grammemes]


def _compatible(p, gender: str, case: str) -> bool:
    tag = p.tag
    if tag.case != case and not (case == "accs" and tag.case == "gent" and "anim" in tag.grammemes):
        return False
    if tag.number == "plur":
        return False
    return tag.gender is None or gender in tag.grammemes or "ms-f" in tag.grammemes


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


def _suffix_nominative(word: str, gender: str, case: str) -> Optional[str]:
    """Undo a case ending on a word pymorphy3 cannot inflect; None if it cannot be in ``case``."""
    if case == "nomn":
        return word
    low = word.lower()
    for ending, nom in surname_rules().get(gender, {}).get(case, []):
        if low.endswith(ending) and len(low) > len(ending) + 1:
            return word[: len(word) - len(ending)] + nom
    if gender != "masc" or len(low) < 4:
        return None
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
    return not any(p.is_known for p in morph.parse(word))


def _word_nominative(word: str, role: str, gender: str, case: str) -> str:
    """The nominative of one name word in the chosen gender and case."""
    if word.lower() in particles() or INITIAL_RE.match(word):
        return word
    if indeclinable(word) and (case == "nomn" or role == "last" and not word.lower().endswith("е")):
        # in a case the other parts show, a given name (Дариги) or a surname in -е
        # (Степане Бандере) declines after all
        return word
    tag = {"first": "Name", "middle": "Patr", "last": "Surn"}.get(role)
    cands = [p for p in _name_parses(word) if _compatible(p, gender, case)]
    cands.sort(key=lambda p: (tag not in p.tag.grammemes, -p.score))
    if case == "nomn" and not any("Fixd" not in p.tag.grammemes for p in cands):
        return word
    for p in cands:
        if "Fixd" in p.tag.grammemes:
            return word
        grams = {"nomn", "sing"}
        if "Surn" in p.tag.grammemes or "Patr" in p.tag.grammemes:
            grams.add(gender)
        form = p.inflect(grams)
        if form is not None:
            return _restore(word, form.word.replace("ё", "ё"))
    if not cands and not _name_parses(word) or (not cands and role == "last"):
        guess = _suffix_nominative(word, gender, case)
        if guess is not None:
            return guess
    return word


def _may_be(word: str, role: str, gender: str, case: str) -> bool:
    """A name word can stand in ``case`` (for a name of ``gender``); a surname always in the
    nominative as written (a foreign ``Ньюсом`` only looks instrumental)."""
    if indeclinable(word) or role == "last" and case == "nomn":
        return True
    parses = _name_parses(word)
    # an indeclinable given name of either gender (Андреа); a given name is not read as a
    # woman's indeclinable surname (Трэвис)
    fixd = {"Name", "Patr"} if role != "last" else NAME_TAGS
    if any(_compatible(p, gender, case) or "Fixd" in p.tag.grammemes and fixd & p.tag.grammemes for p in parses):
        return True
    if parses and role != "last" and any(p.is_known for p in morph.parse(word)):
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


def _fixed(word: str) -> bool:
    """The word shows no case: indeclinable or known only as such (``Шойгу``)."""
    parses = _name_parses(word)
    return indeclinable(word) or bool(parses) and all("Fixd" in p.tag.grammemes for p in parses)


def _choose_gender_case(words: list[str], roles: list[str]) -> tuple[str, str, float]:
    best = ("masc", "nomn", -1.0)
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
    for gender in GENDERS:
        for case in CASES:
            if (gender, case) not in allowed:
                continue
            score = bonus = 0.0
            for word, role, weight in zip(words, roles, weights, strict=True):
                if role == "particle" or INITIAL_RE.match(word):
                    continue
                before = score
                parses = _name_parses(word)
                if indeclinable(word):
                    score += 0.5
                    bonus = 0.02 if case == "nomn" else 0.0  # as written, it is a nominative
                elif fixed_last and role != "last" and word[-1:].lower() in _VOWELS \
                        and not any(p.is_known for p in morph.parse(word)):
                    score += 0.5
                elif parses:
                    want = {"first": "Name", "middle": "Patr", "last": "Surn"}.get(role)
                    ok = [p.score + (0.5 if want in p.tag.grammemes else 0.0)
                          for p in parses if _compatible(p, gender, case)]
                    if ok:
                        score += 1.0 + max(ok)
                    elif any("Fixd" in p.tag.grammemes for p in parses):
                        score += 0.5
                    elif role == "last" and _suffix_nominative(word, gender, case) not in (None, word):
                        score += 0.6
                else:
                    guess = _suffix_nominative(word, gender, case)
                    if guess is not None:
                        score += 0.0 if guess == word else 0.6
                score = before + (score - before) * weight + bonus
                bonus = 0.0
            score += {"nomn": 0.05, "gent": 0.02}.get(case, 0.0) + (0.04 if gender == "masc" else 0)
            if score > best[2]:
                best = (gender, case, score)
    return best


def _is_name(word: str) -> bool:
    return any("Name" in p.tag.grammemes and p.score >= 0.2 for p in _name_parses(word))


def _is_patr(word: str) -> bool:
    return any("Patr" in p.tag.grammemes for p in _name_parses(word))


def _is_surname(word: str) -> bool:
    return any("Surn" in p.tag.grammemes and p.score >= 0.2 for p in _name_parses(word))


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
    if n <= 3 and low[0] in east_asian() and all(len(w) <= 6 for w in words) \
            and not _is_patr(words[-1]):  # Пан Ги Мун, Си Цзиньпин
        return ["last"] + ["first"] * (n - 1)
    if n == 3 and _is_patr(words[2]) and not _is_patr(words[1]):  # Лужков Юрий Михайлович
        return ["last", "first", "middle"]
    if n == 2 and _is_patr(words[1]):  # Юрий Михайлович
        return ["first", "middle"]
    roles = ["first"] + ["middle"] * (n - 2) + ["last"]
    if n == 2 and _is_surname(words[0]) and not _is_name(words[0]) and _is_name(words[1]) \
            and not _is_surname(words[1]):  # Иванов Иван
        roles = ["last", "first"]
    return roles


def _join(words: list[str]) -> Optional[str]:
    return " ".join(words) if words else None


def normalize(text: str | list[str]) -> ParsedName:
    """Parse and put a person's name into the nominative."""
    raw = split_words(text) if isinstance(text, str) else list(text)
    words = [_titlecase(w) for w in raw]
    if not words:
        return ParsedName()
    roles = assign_roles(words)
    gender, case, _ = _choose_gender_case(words, roles)
    # A first name or patronymic fixes the gender even when the case is nominative.
    plural = False
    if len(words) == 1 and roles[0] == "last":
        parses = _name_parses(words[0])
        if parses and parses[0].tag.number == "plur" and "Pltm" in parses[0].tag.grammemes \
                and parses[0].tag.case == "nomn" and words[0].lower().endswith(("вы", "ны")):
            plural = True
    norm = []
    for w, r in zip(words, roles, strict=True):
        if plural:
            norm.append(w)
        else:
            norm.append(_word_nominative(w, r, gender, case))
    firsts = [w for w, r in zip(norm, roles, strict=True) if r == "first"]
    middles = [w for w, r in zip(norm, roles, strict=True) if r == "middle"]
    lasts = [w for w, r in zip(norm, roles, strict=True) if r in ("last", "particle")]
    options: set[str] = set()
    gendered = any(r in ("first", "middle") and not INITIAL_RE.match(w)
                   for w, r in zip(words, roles, strict=True))
    if roles[-1] == "last" and not plural and not gendered and "particle" not in roles:
        for g in GENDERS:
            for c in CASES:
                if any(_compatible(p, g, c) for p in _name_parses(words[-1])) or \
                        (c != "nomn" and _suffix_nominative(words[-1], g, c) is not None):
                    options.add(_word_nominative(words[-1], "last", g, c))
    if len(words) == 1 and not plural and not INITIAL_RE.match(words[0]):
        options.add(words[0])  # as written: a foreign surname that only looks oblique (Ньюсом)
    parsed = ParsedName(first=_join(firsts), middle=_join(middles), last=_join(lasts),
                        gender=gender, case=case, plural=plural,
                        last_options=frozenset(options))
    if roles and roles[0] == "last" and len(words) > 1 and words[0].lower() in east_asian():
        parsed.order = " ".join(norm)
    return parsed
