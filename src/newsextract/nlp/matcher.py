"""A lemma-sequence phrase matcher: a trie over pymorphy3 lemmas.

Phrases are added as text (``углеродное регулирование``) and matched in any
inflection (``углеродного регулирования``), longest match first, in time
linear in the number of tokens whatever the number of phrases.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from ..doc import Token
from . import morph
from .morph import token_keys
from .segment import tokenize

_END = object()  # trie key holding the payloads of a phrase ending here


@dataclass(frozen=True, slots=True)
class Match:
    first: int  # index of the first token
    last: int  # index after the last token
    payloads: tuple  # what was added with the phrase (several phrases may share lemmas)


def phrase_lemmas(phrase: str) -> tuple[str, ...]:
    """Lemma key of a phrase: each word's most likely lemma (``ООН`` -> ``оон``)."""
    out = []
    for _, _, word in tokenize(phrase):
        out.append(morph.lemma(word) if word[:1].isalpha() else word.lower().replace("ё", "е"))
    return tuple(out)


class PhraseMatcher:
    """Add phrases with payloads; find them in a token sequence by lemma."""

    def __init__(self) -> None:
        self._root: dict = {}
        self.size = 0

    def add(self, phrase: str | Sequence[str], payload: Any) -> None:
        key = phrase_lemmas(phrase) if isinstance(phrase, str) else tuple(phrase)
        if not key:
            return
        node = self._root
        for lemma in key:
            node = node.setdefault(lemma, {})
        node.setdefault(_END, []).append(payload)
        self.size += 1

    def add_many(self, items: Iterable[tuple[str, Any]]) -> PhraseMatcher:
        for phrase, payload in items:
            self.add(phrase, payload)
        return self

    def _longest_at(self, keys: Sequence[tuple[str, ...]], i: int) -> tuple[int, tuple] | None:
        """The longest phrase starting at token ``i``, every lemma reading tried.

        ``keys`` are the tokens' lookup keys (``token_keys``). Among phrases of
        the same length the one read through the preferred keys wins (each
        token's most likely lemma first, then the others sorted): the result
        never depends on set order or on PYTHONHASHSEED.
        """
        best = None
        frontier = [(self._root, i)]
        n = len(keys)
        while frontier:
            node, j = frontier.pop()
            if j > i and (best is None or j > best[0]) and _END in node:
                best = (j, tuple(node[_END]))
            if j >= n:
                continue
            children = [child for key in keys[j] if (child := node.get(key)) is not None]
            frontier.extend((child, j + 1) for child in reversed(children))
        return best

    def finditer(self, tokens: Sequence[Token], *, overlapping: bool = False) -> Iterator[Match]:
        """Matches left to right; longest first, non-overlapping unless asked."""
        starts = self._root.keys()  # first lemmas of the phrases (a set view: C-fast tests)
        keys: list | None = None  # every token's keys, built at the first token a phrase starts with
        i, n = 0, len(tokens)
        while i < n:
            if keys is None:
                if starts.isdisjoint(_keys(tokens[i])):
                    i += 1
                    continue
                keys = [_keys(t) for t in tokens]
            if starts.isdisjoint(keys[i]):
                i += 1
                continue
            found = self._longest_at(keys, i)
            if found is None:
                i += 1
                continue
            end, payloads = found
            yield Match(i, end, payloads)
            i = i + 1 if overlapping else end


def _keys(tok: Token) -> tuple[str, ...]:
    """A token's lookup keys: set by the morph stage, else computed from its lemmas."""
    return tok.keys or token_keys(tok.text, tok.lemma, tok.lemmas)
