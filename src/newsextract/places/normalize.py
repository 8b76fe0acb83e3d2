"""Nominative normal forms of place names (``Нидерландов`` -> ``Нидерланды``).

Words up to and including the head noun are put in the nominative, adjectives
agreeing with the head in gender and number; words after the head (a genitive
complement: ``острова Сахалин``, ``Республики Коми``) stay as they are.
"""

from __future__ import annotations

import functools

import razdel

from ..nlp import morph

_SKIP_POS = {"PREP", "CONJ", "PRCL", "NUMR"}


def _best_parse(word: str, *, prefer_geo: bool = True, modifier: bool = False):
    parses = morph.parse(word)
    if not parses:
        return None
    if modifier:  # before another word: an adjective reading first (Тверской площади)
        for p in parses:
            if p.tag.POS in {"ADJF", "PRTF"}:
                return p
    if prefer_geo:
        for p in parses:
            if "Geox" in p.tag and p.tag.POS == "NOUN":
                return p
    for p in parses:
        if p.tag.POS in {"NOUN", "ADJF", "PRTF"}:
            return p
    return parses[0]


def _inflect_word(word: str, parse, grammemes: set[str]) -> str:
    if "-" in word and parse is not None and not parse.is_known:
        # Южно-Сахалинске: inflect the last part only
        head, _, tail = word.rpartition("-")
        return head + "-" + _inflect_part(tail, grammemes)
    if "-" in word:
        return _match_case(word, _inflect_part(word, grammemes, parse))
    return _inflect_part(word, grammemes, parse)


def _inflect_part(word: str, grammemes: set[str], parse=None) -> str:
    parse = parse or _best_parse(word)
    if parse is None or "Fixd" in parse.tag:
        return word
    form = parse.inflect(grammemes)
    if form is None:
        return word
    new = form.word.replace("ё", "е") if "ё" not in word else form.word
    return _match_case(word, new)


def _match_case(template: str, word: str) -> str:
    """Capitalisation of ``template`` part by part (``Южно-Сахалинске`` -> ``Южно-Сахалинск``)."""
    tparts, wparts = template.split("-"), word.split("-")
    if len(tparts) != len(wparts):
        return morph.match_case(template, word)
    return "-".join(morph.match_case(t, w) for t, w in zip(tparts, wparts, strict=True))


def _singular_modifier(parses) -> bool:
    return any(p is not None and p.tag.POS in {"ADJF", "PRTF"} and "sing" in p.tag for p in parses)


_CONSONANTS = frozenset("бвгджзклмнпрстфхцчшщ")


def _foreign_nominative(word: str, parse) -> bool:
    """An unknown capitalized name ending in a consonant is its own nominative (``Сабах``, ``Нгеан``)."""
    return (not parse.is_known and word[:1].isupper() and word[-1:].lower() in _CONSONANTS
            and "-" not in word)


def with_kind(text: str, kind: str, how: str) -> str:
    """A name completed with its kind noun: (``Западно-Казахстанской``, ``область``, ``adjective``)
    -> ``Западно-Казахстанская область``; (``Лаптевых``, ``море``, ``genitive``) -> ``Море Лаптевых``."""
    if how == "genitive":
        return f"{kind[:1].upper()}{kind[1:]} {text}"
    kind_parse = _best_parse(kind.split()[-1], prefer_geo=False)  # федеральный округ: the noun
    gender = kind_parse.tag.gender if kind_parse is not None else None
    adj = _best_parse(text, modifier=True)
    if adj is None or adj.tag.POS != "ADJF" or gender is None:
        return nominative(text)
    return f"{_inflect_word(text, adj, {'nomn', 'sing', gender})} {kind}"


@functools.lru_cache(maxsize=20_000)
def nominative(phrase: str) -> str:
    """The phrase in the nominative case, agreement kept; unchanged when unsure."""
    words = [t.text for t in razdel.tokenize(phrase)]
    if not words:
        return phrase
    parses = [_best_parse(w, modifier=k + 1 < len(words) and words[k + 1][:1].isalpha())
              if w[:1].isalpha() else None for k, w in enumerate(words)]
    head = None
    for k, p in enumerate(parses):
        if p is not None and p.tag.POS == "NOUN":
            head = k
            break
    if head is None:
        return phrase
    hp = parses[head]
    number = "plur" if ("plur" in hp.tag and "Sgtm" not in hp.tag) or "Pltm" in hp.tag else "sing"
    if number == "plur" and "Pltm" not in hp.tag and _singular_modifier(parses[:head]):
        number = "sing"  # coordinated: Актюбинской (и Западно-Казахстанской) областях
    gender = hp.tag.gender
    out = []
    for k, w in enumerate(words):
        p = parses[k]
        if k > head or p is None or p.tag.POS in _SKIP_POS or not w[:1].isalpha():
            out.append(w)
            continue
        if k == head and (p.tag.case == "nomn" or _foreign_nominative(w, p)):
            out.append(w)
            continue
        if k == head:
            gram = {"nomn", number} if "Pltm" not in p.tag else {"nomn"}
        elif p.tag.POS in {"ADJF", "PRTF"}:
            gram = {"nomn", "plur"} if number == "plur" else {"nomn", "sing", gender or "masc"}
        else:
            out.append(w)
            continue
        out.append(_inflect_word(w, p, gram))
    # rebuild with the original spacing
    res, pos = [], 0
    for tok, new in zip(razdel.tokenize(phrase), out, strict=True):
        res.append(phrase[pos:tok.start])
        res.append(new)
        pos = tok.stop
    res.append(phrase[pos:])
    return "".join(res)
