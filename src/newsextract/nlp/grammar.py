"""Small morphology helpers, and the one home of the nominative of a phrase.

``nominative_tokens(tokens, head)``: a token phrase (organizations, titles), the
agreeing group up to a given head; ``nominative_phrase(text)``: a string phrase
(place names), its head found by the first noun reading. Both copy the written
capitalisation with ``case_like``.
"""

from __future__ import annotations

import functools
import re
from typing import Optional

from ..doc import Token
from . import morph
from .segment import tokenize

ABBR_RE = re.compile(r"^[A-ZА-ЯЁ]{2,}[A-ZА-ЯЁа-яё]*$")
PUNCT_STOP = {",", ".", ";", ":", "!", "?", "(", ")", "—", "–", "-", "«", "»", '"', "“", "”", "„"}


def is_word(tok: Token) -> bool:
    return tok.text[:1].isalpha()


def is_cap(tok: Token) -> bool:
    return tok.text[:1].isupper()


def is_abbr(tok: Token) -> bool:
    return bool(ABBR_RE.match(tok.text)) and tok.text[:2].isupper()


def parses(tok: Token) -> tuple:
    return morph.parse(tok.text)


def has_case(tok: Token, case: str, pos: tuple[str, ...] = ("NOUN", "ADJF", "PRTF", "NUMR", "NPRO")) -> bool:
    return any(p.tag.case == case and p.tag.POS in pos for p in parses(tok))


def is_gent(tok: Token) -> bool:
    ps = parses(tok)
    if ps and ps[0].tag.POS in ("PREP", "CONJ", "PRCL", "INTJ") and ps[0].score > 0.3:
        return False
    return has_case(tok, "gent")


def pos_of(tok: Token) -> Optional[str]:
    ps = parses(tok)
    return ps[0].tag.POS if ps else None


def is_verb(tok: Token) -> bool:
    ps = parses(tok)
    return bool(ps) and ps[0].tag.POS in ("VERB", "INFN", "GRND") and ps[0].score > 0.4


def is_prep(tok: Token) -> bool:
    ps = parses(tok)
    return bool(ps) and ps[0].tag.POS in ("PREP", "CONJ", "PRCL") and ps[0].score > 0.5


def nominative_tokens(tokens: list[Token], head: int, *, plural_ok: bool = False) -> list[str]:
    """Words of ``tokens`` with the agreeing group up to ``head`` put into the nominative.

    ``tokens[:head+1]`` are modifiers + the head noun; the rest (a genitive tail)
    is kept as written.
    """
    return list(_nominative_words(tuple(t.text for t in tokens), head, plural_ok))


@functools.lru_cache(maxsize=50_000)
def _nominative_words(texts: tuple[str, ...], head: int, plural_ok: bool) -> tuple[str, ...]:
    """``nominative_tokens`` of the token texts (cached: titles recur)."""
    out = list(texts)
    head_text = texts[head]
    noun = None
    for p in morph.parse(head_text):
        if p.tag.POS == "NOUN":
            noun = p
            break
    if noun is None:
        return out
    number = "plur" if (plural_ok and noun.tag.number == "plur") else "sing"
    if noun.tag.case != "nomn" or noun.tag.number != number:
        form = morph.inflected(noun, {"nomn", number})
        if form is not None:
            out[head] = case_like(head_text, form.word)
    gender = noun.tag.gender or "masc"
    for i in range(head):
        text = texts[i]
        for p in morph.parse(text):
            if p.tag.POS in ("ADJF", "PRTF", "NUMR") or (p.tag.POS == "ADJF" and "Apro" in p.tag.grammemes):
                grams = {"nomn", number}
                if number == "sing" and p.tag.POS != "NUMR":
                    grams.add(gender)
                form = morph.inflected(p, grams)
                if form is not None:
                    out[i] = case_like(text, form.word)
                break
    return tuple(out)


def case_like(template: str, word: str) -> str:
    """Capitalisation of ``template`` part by part (``Южно-Сахалинске`` -> ``Южно-Сахалинск``)."""
    parts_t, parts_w = template.split("-"), word.split("-")
    if len(parts_t) == len(parts_w):
        return "-".join(morph.match_case(t, w) for t, w in zip(parts_t, parts_w, strict=True))
    return morph.match_case(template, word)


def join(doc_text: str, tokens: list[Token], words: list[str]) -> str:
    """Join words with the original spacing between their tokens."""
    out = []
    for i, (tok, word) in enumerate(zip(tokens, words, strict=True)):
        if i:
            out.append(doc_text[tokens[i - 1].end:tok.start])
        out.append(word)
    return "".join(out)


# --- string phrases (place names) ---------------------------------------------
_SKIP_POS = {"PREP", "CONJ", "PRCL", "NUMR"}


def best_parse(word: str, *, prefer_geo: bool = True, modifier: bool = False):
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


def inflect_word(word: str, parse, grammemes: set[str]) -> str:
    if "-" in word and parse is not None and not morph.known(parse):
        # Южно-Сахалинске: inflect the last part only
        head, _, tail = word.rpartition("-")
        return head + "-" + _inflect_part(tail, grammemes)
    if "-" in word:
        return case_like(word, _inflect_part(word, grammemes, parse))
    return _inflect_part(word, grammemes, parse)


def _inflect_part(word: str, grammemes: set[str], parse=None) -> str:
    parse = parse or best_parse(word)
    if parse is None or "Fixd" in parse.tag:
        return word
    form = morph.inflected(parse, grammemes)
    if form is None:
        return word
    new = form.word.replace("ё", "е") if "ё" not in word else form.word
    return case_like(word, new)


def _singular_modifier(parses) -> bool:
    return any(p is not None and p.tag.POS in {"ADJF", "PRTF"} and "sing" in p.tag for p in parses)


_CONSONANTS = frozenset("бвгджзклмнпрстфхцчшщ")


def _foreign_nominative(word: str, parse) -> bool:
    """An unknown capitalized name ending in a consonant is its own nominative (``Сабах``, ``Нгеан``)."""
    return (not morph.known(parse) and word[:1].isupper() and word[-1:].lower() in _CONSONANTS
            and "-" not in word)


@functools.lru_cache(maxsize=20_000)
def nominative_phrase(phrase: str) -> str:
    """The phrase in the nominative case, agreement kept; unchanged when unsure."""
    words = [word for _, _, word in tokenize(phrase)]
    if not words:
        return phrase
    parses = [best_parse(w, modifier=k + 1 < len(words) and words[k + 1][:1].isalpha())
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
        out.append(inflect_word(w, p, gram))
    # rebuild with the original spacing
    res, pos = [], 0
    for (start, stop, _), new in zip(tokenize(phrase), out, strict=True):
        res.append(phrase[pos:start])
        res.append(new)
        pos = stop
    res.append(phrase[pos:])
    return "".join(res)
