"""The persons stage: mentions -> normalized names -> merged persons with positions.

Title phrases come from ``positions``, are linked to mentions by ``linking.attach``
and ``coreference.corefer``, and get their organization and country here.
"""

from __future__ import annotations

import bisect
from collections import Counter

from ..doc import Doc
from ..records import Mention, Person, PersonName
from . import positions as positions_mod
from .coreference import corefer
from .linking import attach
from .mentions import context_hint, find_mentions, is_junk
from .merge import merge
from .names import INITIAL_RE, Hint, normalize


def _org_mentions(doc: Doc) -> list:
    """Organization mentions of the organizations stage as simple (start, end, name, country)."""
    out = []
    for org in doc.organizations:
        for m in org.mentions:
            out.append(_OrgRef(m.start, m.end, org.name, org.country))
    return out


class _OrgRef:
    __slots__ = ("start", "end", "name", "country")

    def __init__(self, start, end, name, country):
        self.start, self.end, self.name, self.country = start, end, name, country


def _place_names(doc: Doc) -> frozenset[str]:
    """Names and mention texts of the places and organizations the stages before found."""
    out = set()
    for places in (doc.countries, doc.locations, doc.organizations):
        for place in places:
            out.add(place.name.lower())
            out.update(m.text.lower() for m in place.mentions)
    return frozenset(out)


COORDINATORS = frozenset({"и", ",", "или", "а также"})


def _coordinated(doc: Doc, spans, hints, names) -> list:
    """Coordinated names share their case: an ambiguous name takes the case its neighbour
    shows beyond doubt (``Кими Райкконена и Марка Уэббера``: genitive)."""
    out = list(names)
    for i in range(len(spans) - 1):
        between = " ".join(doc.text[spans[i][1]:spans[i + 1][0]].split())
        if between not in COORDINATORS:
            continue
        for a, b in ((i, i + 1), (i + 1, i)):
            sure, unsure = names[a], names[b]
            if len(sure.readings) == 1 and sure.first and sure.last and sure.case != "nomn" \
                    and (len(unsure.readings) > 1 or unsure.case != sure.case) \
                    and not hints[b].cases:
                hint = Hint(cases=frozenset({sure.case}), gender=hints[b].gender)
                out[b] = normalize(doc.text[spans[b][0]:spans[b][1]], hint)
    return out


def _voted_reading(group, names) -> tuple:
    """The reading of the group's name whose surname most of its mentions allow
    (``Гаррета Рейсмана`` ... ``Рейсман`` ... ``Рейсманом`` -> ``Гаррет Рейсман``)."""
    n = group.name
    readings = n.readings or ((n.first, n.middle, n.last),)
    if len(readings) == 1:
        return readings[0]

    def votes(reading) -> int:
        last = (reading[2] or "").lower()
        return sum(1 for m in group.members
                   if last in {(names[m].last or "").lower()} | {o.lower() for o in names[m].last_options})

    return max(readings, key=votes)  # max keeps the first of equals: the best reading


def join_glosses(doc: Doc, spans, groups):
    """A name glossed in parentheses is the same person: ``Джошуа Вольф (Joshua Wolf)``."""
    owner = {m: g for g in groups for m in g.members}
    for i in range(len(spans) - 1):
        a, b = owner[i], owner[i + 1]
        between = doc.text[spans[i][1]:spans[i + 1][0]]
        if a is b or between.strip() != "(" or not doc.text[spans[i + 1][1]:].lstrip().startswith(")"):
            continue
        for m in b.members:
            owner[m] = a
        a.members = sorted(a.members + b.members, key=lambda m: spans[m][0])
        b.members = []
    return [g for g in groups if g.members]


def _without_leading_names(doc: Doc, spans, others) -> list[tuple[int, int]]:
    """A name's span without an organization or place name it starts with
    (``Аль-Джазиры Сами аль-Хадж``)."""
    starts = [a for a, _ in others]  # others are sorted: only those that can cover s are read
    longest = max((b - a for a, b in others), default=0)
    out = []
    for s, e in spans:
        k = bisect.bisect_left(starts, s - longest)
        while k < len(others) and others[k][0] <= s:
            a, b = others[k]
            if a <= s < b < e and doc.text[b:e].strip():
                s = b + len(doc.text[b:e]) - len(doc.text[b:e].lstrip(" \u00a0«»\"“”„,"))
            k += 1
        out.append((s, e))
    return out


def _other_mentions(doc: Doc) -> list[tuple[int, int]]:
    return sorted((m.start, m.end) for found in (doc.organizations, doc.countries, doc.locations)
                  for x in found for m in x.mentions)


def extract(doc: Doc) -> list[Person]:
    places = _place_names(doc)
    spans = _without_leading_names(doc, find_mentions(doc), _other_mentions(doc))
    spans = [(s, e) for s, e in spans if not is_junk(doc, s, e, places)]
    hints = [context_hint(doc, s, e) for s, e in spans]
    names = [normalize(doc.text[s:e], h) for (s, e), h in zip(spans, hints, strict=True)]
    names = _coordinated(doc, spans, hints, names)
    keep = [i for i, n in enumerate(names) if (n.first or n.last) and not n.plural]
    spans = [spans[i] for i in keep]
    names = [names[i] for i in keep]
    groups = join_glosses(doc, spans, merge(names, [s for s, _ in spans]))
    phrases = positions_mod.find_titles(doc, spans)
    links = attach(doc, spans, phrases)
    corefer(doc, spans, groups, phrases, links)
    orgs = positions_mod.OrgMentions(_org_mentions(doc))
    out: list[Person] = []
    firsts = Counter((g.name.first or "").lower() for g in groups)
    for g in groups:
        n = g.name
        first, middle, last = _voted_reading(g, names)
        # prefer a full first name from any member over an initial
        if first and INITIAL_RE.match(first.split()[0]):
            for m in g.members:
                f = names[m].first
                if f and not INITIAL_RE.match(f.split()[0]):
                    first = f
                    break
        if not middle and first and firsts[first.lower()] == 1:
            # a patronymic from another mention of the same first name, when no other person
            # has that first name (``— Елена Станиславовна, ...`` is not glued to another Елена)
            for m in g.members:
                x = names[m]
                if x.middle and x.first and not INITIAL_RE.match(x.middle) and \
                        x.first.lower() == first.lower() and x.last in (None, last):
                    middle = x.middle
                    break
        if n.order and (first, last) == (n.first, n.last):
            full = n.order
        else:
            full = " ".join(p for p in (first, middle, last) if p)
        mentions = [Mention(start=spans[m][0], end=spans[m][1], text=doc.text[spans[m][0]:spans[m][1]])
                    for m in g.members]
        phs = [ph for m in g.members for ph in links.get(m, [])]
        for ph in phs:
            positions_mod.fill_context(doc, ph, orgs)
        pos = positions_mod.positions_of(doc, phs)
        out.append(Person(name=PersonName(first=first, middle=middle, last=last), full_name=full,
                          mentions=mentions, positions=pos))
    return out
