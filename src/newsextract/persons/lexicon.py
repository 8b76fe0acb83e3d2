"""Data files of the persons stage: titles and their modifiers."""

from __future__ import annotations

import functools

from .. import resources
from ..nlp import morph
from ..nlp.matcher import PhraseMatcher, phrase_lemmas


@functools.cache
def title_matcher() -> PhraseMatcher:
    m = PhraseMatcher()
    for line in resources.lines("titles.txt"):
        if not line.startswith("@"):
            m.add(line, line)
    return m


@functools.cache
def title_heads() -> frozenset[str]:
    """Lemmas of single-word titles (and the first word of multi-word ones)."""
    return frozenset(phrase_lemmas(line)[0] for line in resources.lines("titles.txt")
                     if not line.startswith("@"))


@functools.cache
def title_modifiers() -> frozenset[str]:
    return frozenset(morph.lemma(line[5:].strip()) for line in resources.lines("titles.txt")
                     if line.startswith("@mod "))


@functools.cache
def title_pairs() -> frozenset[tuple[str, str]]:
    """Lemmas of two-word titles (``председатель правительства``)."""
    out = set()
    for line in resources.lines("titles.txt"):
        lemmas = phrase_lemmas(line)
        if not line.startswith("@") and len(lemmas) == 2:
            out.add(lemmas)
    return frozenset(out)
