"""Loose text normalization used by the scorers.

``norm`` lower-cases, turns ``ё`` into ``е``, unifies dashes and quotes and
squeezes spaces. ``same_word`` tolerates Russian inflection: two words match
when they share a prefix of at least ``max(3, shorter - 2)`` characters
(``мэра``/``мэр``, ``Лужкова``/``Лужков``, ``Обамы``/``Обама``).
"""

from __future__ import annotations

import re
from typing import Optional

_WORD_RE = re.compile(r"[\w-]+")
_DASHES = str.maketrans({"–": "-", "—": "-", "‑": "-", "«": '"', "»": '"', "“": '"', "”": '"', "„": '"'})


def norm(text: Optional[str]) -> str:
    """Lower case, ``ё`` -> ``е``, one kind of dash and quote, single spaces."""
    if not text:
        return ""
    text = text.lower().replace("ё", "е").translate(_DASHES)
    return " ".join(text.split())


def words(text: Optional[str]) -> list[str]:
    """The normalized words of a text."""
    return _WORD_RE.findall(norm(text))


def same_word(a: str, b: str) -> bool:
    """Inflection-tolerant word equality (normalized, shared prefix)."""
    a, b = norm(a), norm(b)
    if not a or not b:
        return False
    if a == b:
        return True
    shorter = min(len(a), len(b))
    prefix = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        prefix += 1
    return prefix >= max(3, shorter - 2)


def head_word(title: Optional[str]) -> str:
    """The head of a position title: its first word (``вице-министр экологии`` -> ``вице-министр``)."""
    found = words(title)
    return found[0] if found else ""


def last_name(full_name: Optional[str], last: Optional[str] = None) -> str:
    """A person's last name: ``last`` when given, else the last word of the full name."""
    if last:
        return norm(last)
    found = words(full_name)
    return found[-1] if found else ""


def stems(text: Optional[str], size: int = 5) -> frozenset[str]:
    """Crude stems (first ``size`` characters) of the words of a text, for loose name sets."""
    return frozenset(w[:size] for w in words(text) if len(w) > 1)
