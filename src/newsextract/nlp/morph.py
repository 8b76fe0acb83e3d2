"""pymorphy3 behind a small cached facade.

``parse(word)`` is cached with ``functools.lru_cache``; callers get plain
``Parse`` objects of pymorphy3 but never store them in records.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

import pymorphy3

if TYPE_CHECKING:
    from ..doc import Doc

_ANALYZER: pymorphy3.MorphAnalyzer | None = None


def analyzer() -> pymorphy3.MorphAnalyzer:
    """The process-wide morphological analyzer (built on first use)."""
    global _ANALYZER
    if _ANALYZER is None:
        _ANALYZER = pymorphy3.MorphAnalyzer()
    return _ANALYZER


_CYRILLIC_WORD = re.compile(r"[а-яё][а-яё-]+", re.I)


@functools.lru_cache(maxsize=200_000)
def parse(word: str) -> tuple:
    """All pymorphy3 parses of a word (cached); none for what pymorphy3 cannot read.

    pymorphy3 raises on some characters (unnamed code points such as ``𗀀``);
    such a word simply has no analysis. A capitalised Cyrillic word of two letters
    or more has exactly the parses of its lower-case form (pymorphy3 reads case only
    in single letters and Latin words), so the two share one analysis.
    """
    if not word.islower() and _CYRILLIC_WORD.fullmatch(word):
        return parse(word.lower())
    try:
        return tuple(analyzer().parse(word))
    except (KeyError, ValueError):
        return ()


@functools.lru_cache(maxsize=200_000)
def is_known(word: str) -> bool:
    """Whether pymorphy3's dictionary has the word (cached: the lookup is slow)."""
    return analyzer().word_is_known(word)


def known(parse) -> bool:
    """``parse.is_known`` through the cache (pymorphy3 looks the word up again on every call)."""
    return is_known(parse.word)


@functools.lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The most likely normal form, lower-cased, ё folded to е (``Сахалинской`` -> ``сахалинский``)."""
    parses = parse(word)
    return (parses[0].normal_form if parses else word.lower()).replace("ё", "е")


@functools.lru_cache(maxsize=200_000)
def lemmas(word: str) -> frozenset[str]:
    """Every normal form pymorphy3 admits for a word (ё folded to е)."""
    return frozenset(p.normal_form.replace("ё", "е") for p in parse(word)) or frozenset({word.lower()})


def inflected(parse, grammemes: set[str]):
    """``parse.inflect(grammemes)`` through a cache (pymorphy3 rebuilds the lexeme each time)."""
    return _inflected(parse, frozenset(grammemes))


@functools.lru_cache(maxsize=100_000)
def _inflected(parse, grammemes: frozenset):
    return parse.inflect(set(grammemes))


def inflect(word: str, grammemes: set[str], *, pos: str | None = None) -> str | None:
    """Inflect a word into ``grammemes``; None when pymorphy3 cannot."""
    for p in parse(word):
        if pos and p.tag.POS != pos:
            continue
        form = inflected(p, grammemes)
        if form is not None:
            return form.word
    return None


def match_case(template: str, word: str) -> str:
    """Give ``word`` the capitalisation of ``template`` (``Москва``, ``москве`` -> ``Москве``)."""
    if template.isupper() and len(template) > 1:
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def lemmatize(doc: Doc) -> None:
    """Give every token its pymorphy3 lemma(s) and phrase-matcher keys; each word is
    analysed once per process."""
    for tok in doc.tokens:
        tok.lemma, tok.lemmas, tok.keys = _reading(tok.text)


@functools.lru_cache(maxsize=200_000)
def _reading(word: str) -> tuple[str, frozenset, tuple]:
    if word[:1].isalpha():
        first, every = lemma(word), lemmas(word)
    else:
        first = word.lower()
        every = frozenset((first,))
    return first, every, token_keys(word, first, every)


@functools.lru_cache(maxsize=200_000)
def token_keys(text: str, lemma: str, lemmas: frozenset) -> tuple[str, ...]:
    """The keys a token is looked up by: its most likely lemma first, then its other
    lemmas and its lower-cased form (ё folded), sorted."""
    pool = set(lemmas or (lemma or text.lower(),))
    pool.add(text.lower().replace("ё", "е"))
    first = lemma if lemma in pool else None
    rest = sorted(pool - {first})
    return (first, *rest) if first is not None else tuple(rest)
