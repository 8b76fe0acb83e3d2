"""The persons stage: mentions -> normalized names -> merged persons with positions.

Title phrases come from ``positions``, are linked to mentions by ``linking.attach``
and ``coreference.corefer``, and get their organization and country here.
"""

from __future__ import annotations

from ..doc import Doc
from ..records import Mention, Person, PersonName
from . import positions as positions_mod
from .coreference import corefer
from .linking import attach
from .mentions import find_mentions
from .merge import merge
from .names import INITIAL_RE, normalize


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


def extract(doc: Doc) -> list[Person]:
    spans = find_mentions(doc)
    names = [normalize(doc.text[s:e]) for s, e in spans]
    keep = [i for i, n in enumerate(names) if (n.first or n.last) and not n.plural]
    spans = [spans[i] for i in keep]
    names = [names[i] for i in keep]
    groups = merge(names, [s for s, _ in spans])
    phrases = positions_mod.find_titles(doc, spans)
    links = attach(doc, spans, phrases)
    corefer(doc, spans, groups, phrases, links)
    orgs = _org_mentions(doc)
    out: list[Person] = []
    for g in groups:
        n = g.name
        first = n.first
        last = n.last
        # prefer a full first name from any member over an initial
        if first and INITIAL_RE.match(first.split()[0]):
            for m in g.members:
                f = names[m].first
                if f and not INITIAL_RE.match(f.split()[0]):
                    first = f
                    break
        middle = n.middle
        if n.order:
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
