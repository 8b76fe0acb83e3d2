"""Group the mentions of one person within a document.

``Вячеслав Аленьков`` ... ``Аленьков`` ... ``В. Аленьков`` ... ``Вячеслава Аленькова``
are one person; ``Иван Петров`` and ``Мария Петрова`` or ``А. Петров`` are not
the same as ``Иван Петров``. Full mentions found first open groups; partial
ones join the compatible group (the nearest before, when several fit).
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass, field

from .names import INITIAL_RE, ParsedName


def _k(s: str | None) -> str:
    return (s or "").lower().replace("ё", "е")


@dataclass
class Group:
    name: ParsedName
    members: list[int] = field(default_factory=list)

    @property
    def last(self) -> str:
        return _k(self.name.last)

    @property
    def first(self) -> str:
        return _k(self.name.first)


def _stem(last: str) -> str:
    """Surname without a feminine ending (Иванова ~ Иванов) for loose matching."""
    for suf in ("ская", "цкая"):
        if last.endswith(suf):
            return last[:-2] + "ий"
    if last.endswith(("ова", "ева", "ина", "ына", "ёва")):
        return last[:-1]
    return last


def _first_compatible(a: str, b: str) -> bool:
    if not a or not b:
        return True
    a1, b1 = a.rstrip("."), b.rstrip(".")
    if INITIAL_RE.match(a.title()) or len(a1) == 1:
        return b1.startswith(a1)
    if INITIAL_RE.match(b.title()) or len(b1) == 1:
        return a1.startswith(b1)
    return a1 == b1 or a1.split()[0] == b1.split()[0]


def _completeness(n: ParsedName) -> tuple:
    full_first = bool(n.first) and not INITIAL_RE.match(n.first or "")
    return (bool(n.last) and full_first, full_first, bool(n.middle) and not INITIAL_RE.match(n.middle or ""),
            bool(n.last), bool(n.first))


def _distance(g: Group, at: int, starts: list[int], member_starts: list[int]) -> tuple:
    """Nearest group mentioned before ``at`` first, else the earliest one.

    ``member_starts`` are the starts of the group's members, sorted.
    """
    k = bisect.bisect_right(member_starts, at)
    return (0, at - member_starts[k - 1]) if k else (1, member_starts[0])


@dataclass(frozen=True, slots=True)
class _Keys:
    """A name's words lower-cased once (ё folded), and its other surname readings."""

    last: str
    first: str
    middle: str
    options: frozenset

    @classmethod
    def of(cls, n: ParsedName) -> _Keys:
        return cls(_k(n.last), _k(n.first), _k(n.middle), frozenset(_k(o) for o in n.last_options))


def _parts(last: str) -> list[str]:
    return last.split() if " " in last else []


def _joins(n: ParsedName, nk: _Keys, g: Group, gk: _Keys) -> bool:
    """Whether mention ``n`` may join group ``g``."""
    if not n.first and n.context_gender and g.name.first and not INITIAL_RE.match(g.name.first) \
            and g.name.gender and g.name.gender != n.context_gender:
        return False  # "Бут рассказала" is not Виктор Бут
    if n.last:
        parts = _parts(gk.last)
        if gk.last and (gk.last == nk.last or gk.last in nk.options or nk.last in gk.options):
            pass
        elif len(parts) > 1 and " " not in nk.last and ({parts[0], parts[-1]} & ({nk.last} | nk.options)):
            pass  # a compound surname: Перес Гарсия ... Гарсия
        elif gk.last and not n.first and _stem(gk.last) == _stem(nk.last) and \
                not g.name.gender == n.gender:
            pass
        elif not gk.last and not n.first and gk.first == nk.last:
            pass  # a lone word matching a first name
        else:
            return False
        if not _first_compatible(gk.first, nk.first):
            return False
        if n.middle and g.name.middle and not _first_compatible(gk.middle, nk.middle):
            return False
    elif n.first:
        if gk.first != nk.first and gk.last != nk.first and not (gk.last and gk.last in nk.options):
            return False
        if gk.first == nk.first and INITIAL_RE.match(n.first or ""):
            return False
    else:
        return False
    return True


class _GroupIndex:
    """Groups by the keys a mention can join them through, so a mention is only
    compared with the groups that share a word with it (linear, not quadratic)."""

    def __init__(self) -> None:
        self.by_last: dict[str, list[int]] = defaultdict(list)
        self.by_option: dict[str, list[int]] = defaultdict(list)
        self.by_stem: dict[str, list[int]] = defaultdict(list)
        self.by_first: dict[str, list[int]] = defaultdict(list)

    def add(self, k: int, gk: _Keys) -> None:
        if gk.last:
            self.by_last[gk.last].append(k)
            self.by_stem[_stem(gk.last)].append(k)
        for option in gk.options | set(_parts(gk.last)[:1] + _parts(gk.last)[-1:]):
            self.by_option[option].append(k)
        self.by_first[gk.first].append(k)

    def candidates(self, n: ParsedName, nk: _Keys) -> list[int]:
        """Indexes (in creation order) of every group ``_joins`` might accept."""
        found: set[int] = set()
        if n.last:
            for key in (nk.last, *nk.options):
                found.update(self.by_last.get(key, ()))
            for key in (nk.last, *nk.options):
                found.update(self.by_option.get(key, ()))
            if not n.first:
                found.update(self.by_stem.get(_stem(nk.last), ()))
                found.update(self.by_first.get(nk.last, ()))
        elif n.first:
            for key in (nk.first, *nk.options):
                found.update(self.by_last.get(key, ()))
            found.update(self.by_first.get(nk.first, ()))
        return sorted(found)


def merge(names: list[ParsedName], starts: list[int]) -> list[Group]:
    order = sorted(range(len(names)), key=lambda i: (tuple(not x for x in _completeness(names[i])), starts[i]))
    keys = [_Keys.of(n) for n in names]
    groups: list[Group] = []
    group_keys: list[_Keys] = []
    member_starts: list[list[int]] = []  # per group, sorted
    index = _GroupIndex()
    for i in order:
        n, nk = names[i], keys[i]
        cands = [k for k in index.candidates(n, nk) if _joins(n, nk, groups[k], group_keys[k])]
        if not cands:
            index.add(len(groups), nk)
            groups.append(Group(name=n, members=[i]))
            group_keys.append(nk)
            member_starts.append([starts[i]])
            continue
        # nearest group mentioned before this one, else the first
        best = min(cands, key=lambda k, at=starts[i]: _distance(groups[k], at, starts, member_starts[k]))
        groups[best].members.append(i)
        bisect.insort(member_starts[best], starts[i])
        # a fuller mention improves the group's name (first names from a later mention)
        if not groups[best].name.first and n.first and n.last:
            groups[best].name = n
            group_keys[best] = nk
            index.add(best, nk)
    for g in groups:
        g.members.sort(key=lambda m: starts[m])
    groups.sort(key=lambda g: starts[g.members[0]])
    return groups
