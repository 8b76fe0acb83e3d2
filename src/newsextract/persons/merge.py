"""Group the mentions of one person within a document.

``Вячеслав Аленьков`` ... ``Аленьков`` ... ``В. Аленьков`` ... ``Вячеслава Аленькова``
are one person; ``Иван Петров`` and ``Мария Петрова`` or ``А. Петров`` are not
the same as ``Иван Петров``. Full mentions found first open groups; partial
ones join the compatible group (the nearest before, when several fit).
"""

from __future__ import annotations

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


def _distance(g: Group, at: int, starts: list[int]) -> tuple:
    """Nearest group mentioned before ``at`` first, else the earliest one."""
    before = [starts[m] for m in g.members if starts[m] <= at]
    return (0, at - max(before)) if before else (1, min(starts[m] for m in g.members))


def merge(names: list[ParsedName], starts: list[int]) -> list[Group]:
    order = sorted(range(len(names)), key=lambda i: (tuple(not x for x in _completeness(names[i])), starts[i]))
    groups: list[Group] = []
    for i in order:
        n = names[i]
        cands = []
        for g in groups:
            if not n.first and n.context_gender and g.name.first and not INITIAL_RE.match(g.name.first) \
                    and g.name.gender and g.name.gender != n.context_gender:
                continue  # "Бут рассказала" is not Виктор Бут
            if n.last:
                options = {_k(n.last)} | {_k(o) for o in n.last_options}
                parts = g.last.split()  # a compound surname: Перес Гарсия ... Гарсия
                if g.last and (g.last in options or (g.name.last_options and _k(n.last) in
                                                     {_k(o) for o in g.name.last_options})
                               or len(parts) > 1 and " " not in _k(n.last) and (parts[0] in options
                                                                             or parts[-1] in options)):
                    pass
                elif g.last and not n.first and _stem(g.last) == _stem(_k(n.last)) and \
                        not g.name.gender == n.gender:
                    pass
                elif not g.last and not n.first and g.first == _k(n.last):
                    pass  # a lone word matching a first name
                else:
                    continue
                if not _first_compatible(g.first, _k(n.first)):
                    continue
                if n.middle and g.name.middle and not _first_compatible(_k(g.name.middle), _k(n.middle)):
                    continue
            elif n.first:
                if g.first != _k(n.first) and g.last != _k(n.first) and not (
                        g.last and g.last in {_k(o) for o in n.last_options}):
                    continue
                if g.first == _k(n.first) and INITIAL_RE.match(n.first or ""):
                    continue
            else:
                continue
            cands.append(g)
        if not cands:
            groups.append(Group(name=n, members=[i]))
            continue
        # nearest group mentioned before this one, else the first
        best = min(cands, key=lambda g, at=starts[i]: _distance(g, at, starts))
        best.members.append(i)
        # a fuller mention improves the group's name (first names from a later mention)
        if not best.name.first and n.first and n.last:
            best.name = n
    for g in groups:
        g.members.sort(key=lambda m: starts[m])
    groups.sort(key=lambda g: starts[g.members[0]])
    return groups
