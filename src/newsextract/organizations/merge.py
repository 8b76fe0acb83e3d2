"""Mentions of one organization merged within a document.

By normal name, by abbreviation (``ВОЗ`` after ``Всемирная организация
здравоохранения (ВОЗ)``), by the quoted name (``Газпром`` and ``ОАО «Газпром»``),
and a bare name into the one organization of the document that adds a place to
it (``минэкологии`` after ``минэкологии Сахалинской области``).
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field
from typing import Optional

from .candidates import OrgMention


@dataclass
class Group:
    name: str
    abbreviation: Optional[str]
    country: Optional[str]
    base: Optional[str] = None
    alias: Optional[str] = None
    spans: list = field(default_factory=list)


@functools.lru_cache(maxsize=20_000)
def key(name: Optional[str]) -> str:
    """A name's merge key (cached: asked of every name several times)."""
    return re.sub(r"\s+", " ", (name or "").lower().replace("ё", "е")).strip(" «»\"")


def _first_pass(ments: list[OrgMention]) -> list[Group]:
    groups: dict[str, Group] = {}
    alias: dict[str, str] = {}
    taken = {(m.start, m.end) for m in ments}
    for m in ments:
        k = key(m.name)
        k = alias.get(key(m.abbreviation)) or alias.get(k) or alias.get(key(m.alias)) or k
        g = groups.get(k)
        if g is None:
            g = groups[k] = Group(m.name, m.abbreviation, m.country, m.base)
        elif m.alias and " @" in m.alias and key(m.alias) == key(g.alias) and len(m.name) > len(g.name):
            g.name = m.name  # one body, its place written two ways: the fuller (``Республики Тыва``)
        elif m.alias and key(m.alias) == key(g.name) and len(m.name) > len(g.name):
            g.name = m.name  # ``Алтайская нива``, then ``ГК «Алтайская нива»``: the name with its legal form
        g.alias = g.alias or m.alias
        g.abbreviation = g.abbreviation or m.abbreviation
        g.country = g.country or m.country
        g.base = g.base or m.base
        for extra in filter(None, (m.abbreviation, m.alias)):
            alias.setdefault(key(extra), k)
        g.spans.append((m.start, m.end))
        g.spans += [x for x in m.extra if x not in taken]
    return list(groups.values())


def _longer(names: list[str], name: str) -> Optional[str]:
    """The one name in sorted ``names`` that extends ``name`` by more words, else None."""
    i = bisect.bisect_right(names, name + " ")
    found = []
    while i < len(names) and names[i].startswith(name + " ") and len(found) < 2:
        found.append(names[i])
        i += 1
    return found[0] if len(found) == 1 else None


def group_mentions(ments: list[OrgMention]) -> list[Group]:
    groups = _first_pass(ments)
    by_base: dict[str, list[Group]] = {}
    for g in groups:
        if g.base and key(g.base) != key(g.name):
            by_base.setdefault(key(g.base), []).append(g)
    by_key = {key(g.name): g for g in groups}
    names = sorted(by_key)
    named = _named_after(groups)
    out = []
    for g in groups:
        targets = by_base.get(key(g.name), [])
        if not targets and len(key(g.name).split()) >= 2:  # ``Генеральное консульство`` after the
            longer = _longer(names, key(g.name))          # ``Генеральное консульство КР в Новосибирске``
            targets = [by_key[longer]] if longer else []
        if not targets and id(g) in named:
            targets = [named[id(g)]]
        if len(targets) == 1 and targets[0] is not g:
            targets[0].spans += g.spans
            targets[0].abbreviation = targets[0].abbreviation or g.abbreviation
        else:
            out.append(g)
    return out


def _named_after(groups: list[Group]) -> dict[int, Group]:
    """``Музей имени Пушкина`` -> the one ``Государственный музей изобразительных искусств имени
    Александра Пушкина``: a shorter name of a body named after someone, its words all in the longer."""
    by_ends: dict[str, list[Group]] = {}  # by the last word (the namesake)
    for g in groups:
        words = key(g.name).split()
        if len(words) >= 3 and ("имени" in words or "им." in words):
            by_ends.setdefault(words[-1], []).append(g)
    out = {}
    for same in by_ends.values():
        for g in same:
            words = set(key(g.name).split())
            longer = [t for t in same if t is not g and words < set(key(t.name).split())]
            if len(longer) == 1:
                out[id(g)] = longer[0]
    return out
