"""Event participants: candidate mentions, demonyms, the home party, clauses and venues.

* **Candidates** are the mentions of earlier stages (``doc.countries``, ``doc.locations``, ...:
  countries in every form, locations, persons, organizations), outside ignored
  zones, the ``сообщает ИА ...`` attribution, datelines, stamps, bylines and photo
  credits. When no stage produced any (upstream stages missing), ``doc.ner`` spans
  are used, the span text as name.
* **Locators**: parts of the world, seas, continents (``Африка``, ``Африканский
  континент``) and a diplomat's host place away from the document's regions
  (``консул Кореи во Владивостоке`` in Khabarovsk news) only say where: venues, no parties.
* **Titles**: an organization (and a place ending its name) in a person's title is
  the person's (``заместитель председателя Правительства России Д. Чернышенко``).
* **Demonyms** not resolved upstream (``сахалинцы``) are matched by stem
  against the document's own places.
* **Home party**: the Russian region (else organization) named in the headline
  or lead (else the first body sentence), the press release's own side, added
  when a trigger has no participant before it (elided subject, ``стороны``).
* **Clauses** are sentences cut at ``;``; the **venue** is a place introduced
  by ``в``/``во``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import NamedTuple, Optional

from ..doc import Doc, Sentence, SpanIndex
from ..nlp import morph
from ..places.gazetteer import OtherEntry, gazetteer
from ..quotes.shapes import is_speech_word
from ..records import Participant

VENUE_PREPS = frozenset({"в", "во"})
# Zones naming who tells the news, not who takes part in it.
SOURCE_ZONES = frozenset({"attribution", "dateline", "photo_credit", "stamp", "timestamp", "byline"})
CREDIT_REACH = 120  # characters back on the line to a credit's "Фото:"
CREDIT_RE = re.compile(r"\b(?:Фото|Фотография|Видео|Иллюстрация)(?:\s+\w+)?\s*:")
# "Как сообщил посол X," (group 1: the words after "как") / "По данным X,"
SOURCE_INTRO_RE = re.compile(r"\s*(?:[Кк]ак\s+((?:\w+\s+)?\w+)|[Пп]о\s+(?:словам|данным|информации|сообщению)\s)[^,]{0,150},\s*")
THAT_RE = re.compile(r",\s*что\s+")
TRAILING_ATTR_RE = re.compile(r"\s*,\s*(?:[—–-]\s*)?(?=\w)")
ATTR_VERB_REACH = 12  # characters after a comma where a speech verb makes the rest an attribution
DEMONYM_SUFFIXES = ("анин", "янин", "ец", "ин")
DIPLOMAT_LEMMAS = frozenset({"посол", "посольство", "генконсул", "консул", "генконсульство", "консульство",
                             "торгпред", "торгпредство", "атташе", "представительство", "полпред"})
DIPLOMAT_REACH = 6  # tokens before "в <country>" searched for a diplomat's title
DEDICATION_LEMMAS = frozenset({"посвятить", "посвящённый", "посвященный", "приурочить", "приуроченный"})
FACILITATOR_LEMMAS = frozenset({"содействие", "поддержка", "помощь"})  # "при содействии X"
DEDICATION_REACH = 12  # tokens back (within the phrase, up to a comma) to "посвящённый"
# Places with no government of their own name no party: parts of the world, seas, rivers
# (the gazetteer's places of kind "other", federal districts aside) and names headed by such a noun.
GEOGRAPHIC_NOUNS = frozenset({"континент", "материк", "океан", "море", "остров", "острова", "полуостров",
                              "архипелаг", "река", "озеро", "залив", "пролив", "пустыня", "долина"})
ADMINISTRATIVE_WORDS = frozenset({"округ"})


@dataclass
class Cand:
    start: int
    end: int
    party: Participant
    key: tuple = field(default=())
    in_title: bool = False  # an organization in a person's title (``глава Администрации X Иван Петров``)
    locator: bool = False  # a place that only locates (a sea, a continent): a venue, never a party
    hosted: bool = False  # a diplomat's host place (``генконсул Кореи во Владивостоке``)

    def __post_init__(self) -> None:
        self.key = (self.party.kind, self.party.name)


def counted(doc: Doc, start: int, end: int) -> bool:
    """Not in an ignored zone, not in the attribution clause, dateline, stamp or byline, not in a
    photo credit (``Фото: Иван Петров, Коммерсантъ``)."""
    if doc.is_ignored(start, end) or doc.zone_kind(start) in SOURCE_ZONES:
        return False
    reach = max(0, start - CREDIT_REACH)
    line = max(reach, doc.text.rfind("\n", reach, start) + 1)
    return CREDIT_RE.search(doc.text, line, start) is None


def candidates(doc: Doc) -> list[Cand]:
    """Every participant mention of the document, from the earlier stages' results."""
    out: list[Cand] = []  # one Participant per entity, shared by its mentions (never changed)
    for c in doc.countries:
        party = Participant(kind="country", name=c.name, iso2=c.iso2)
        out.extend(Cand(m.start, m.end, party) for m in c.mentions)
    for loc in doc.locations:
        party, locator = Participant(kind="location", name=loc.name), geographic(loc.name)
        out.extend(Cand(m.start, m.end, party, locator=locator) for m in loc.mentions)
    for p in doc.persons:
        party = Participant(kind="person", name=p.full_name, last=p.name.last)
        out.extend(Cand(m.start, m.end, party) for m in p.mentions)
    for o in doc.organizations:
        party = Participant(kind="organization", name=o.name)
        out.extend(Cand(m.start, m.end, party) for m in o.mentions)
    if not out:  # upstream stages absent: fall back to raw NER spans
        kinds = {"PER": "person", "ORG": "organization", "LOC": "location"}
        for span in doc.ner:
            kind = kinds.get(span.type)
            if kind is None:
                continue
            last = span.text.split()[-1] if kind == "person" and span.text.split() else None
            out.append(Cand(span.start, span.end, Participant(kind=kind, name=span.text, last=last)))
    out = [c for c in out if counted(doc, c.start, c.end) and not _not_a_party(doc, c)]
    out.sort(key=lambda c: (c.start, -c.end))
    return _mark_titles(doc, _outside_org_names(out))


TITLE_GAP_RE = re.compile(r"[\s«»\"]*")
TITLE_CHAIN_RE = re.compile(r"\s+и\s+")


def _mark_titles(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """Mark an organization that is part of a person's title (``руководитель Администрации Главы РА
    и Кабмина РА Мурат Тхакушинов``): at a meeting the person is the party, the body signs an
    agreement. A place ending the organization's name there goes with it (``заместитель председателя
    Правительства | России | Дмитрий Чернышенко``). ``cands`` sorted by start."""
    tails = {i for i in range(1, len(cands)) if cands[i - 1].party.kind == "organization"
             and cands[i].party.kind in ("country", "location") and _org_tail(doc, cands[i - 1], cands[i])}
    title, nxt = set(), None  # nxt: (candidate, is part of a title or a person)
    for i in range(len(cands) - 1, -1, -1):
        c = cands[i]
        if i in tails and nxt is not None and _title_gap(doc, c.end, nxt):
            title.add(i)
            continue  # the organization before sees the same next candidate
        if nxt is not None and c.party.kind == "organization" and c.end <= nxt[0].start:
            end = cands[i + 1].end if i + 1 in title and i + 1 in tails else c.end
            if _title_gap(doc, end, nxt):
                title.add(i)
        if nxt is None or c.end <= nxt[0].start:
            nxt = (c, i in title)
    for i in title:
        cands[i].in_title = True
    return cands


def _title_gap(doc: Doc, end: int, nxt: tuple) -> bool:
    """Only spaces or quotes before a person; ``и`` or a space before another body of the title."""
    gap = doc.text[end:nxt[0].start]
    return (nxt[0].party.kind == "person" and TITLE_GAP_RE.fullmatch(gap) is not None) or (
        nxt[1] and nxt[0].party.kind == "organization"
        and (TITLE_CHAIN_RE.fullmatch(gap) is not None or not gap.strip()))


def _outside_org_names(cands: list[Cand]) -> list[Cand]:
    """Drop a country named inside an organization's name (``Германо-российского экономического
    союза``, ``Правительства России``): the organization is the party. ``cands`` sorted by start."""
    out, org_end = [], -1
    for c in cands:
        if c.party.kind == "country" and c.end <= org_end:
            continue
        if c.party.kind == "organization":
            org_end = max(org_end, c.end)
        out.append(c)
    return out


def _org_tail(doc: Doc, org: Cand, place: Cand) -> bool:
    """The place right after the organization's mention is the end of its name."""
    if place.start < org.end or doc.text[org.end:place.start].strip():
        return False
    written = doc.text[place.start:place.end]
    return written.isupper() or written.lower() in org.party.name.lower()


def geographic(name: str) -> bool:
    """A part of the world, a sea, a river (``Африка``, ``Чёрное море``, ``Африканский континент``)."""
    words = name.lower().replace("ё", "е").split()
    if not words or ADMINISTRATIVE_WORDS & set(words):
        return False
    entry = gazetteer().named.get(name)
    if isinstance(entry, OtherEntry) and entry.kind == "other":
        return True
    return words[0] in GEOGRAPHIC_NOUNS or words[-1] in GEOGRAPHIC_NOUNS


def _diplomat_before(doc: Doc, tok) -> bool:
    """``в``/``во`` right before the token and a diplomat's title shortly before that."""
    before = doc.tokens[max(0, tok.index - DIPLOMAT_REACH):tok.index]
    return bool(before) and before[-1].text.lower() in VENUE_PREPS and any(
        DIPLOMAT_LEMMAS & (t.lemmas or {t.lemma}) for t in before[:-1])


def settle_hosts(doc: Doc, cands: list[Cand], home: Optional[Participant]) -> None:
    """A diplomat's host place is a party only on the home side: the home party, or a city of a
    region the document names (``генконсул Ирана в Астрахани`` in Astrakhan news); elsewhere it
    only says where the diplomat serves (``консул Кореи во Владивостоке`` meeting Khabarovsk)."""
    codes = {loc.name: loc.code for loc in doc.locations if loc.code}
    named_regions = {loc.code for loc in doc.locations if loc.kind == "region" and loc.code}
    for c in cands:
        if not c.hosted or (home is not None and c.party.name == home.name):
            continue
        city = gazetteer().cities.get(c.party.name)
        region = codes.get(c.party.name) or (city.region if city is not None else None)
        if region not in named_regions:
            c.locator = True


def _not_a_party(doc: Doc, c: Cand) -> bool:
    """A mention that names no party of an event (a diplomat's host place is marked ``hosted``).

    * the host country of a diplomat (``посол Бразилии в России``: Brazil is the party);
    * what something is dedicated to (``выставка, посвящённая присоединению Кабарды к России``);
    * who helped it happen (``при содействии генконсульства в Новосибирске состоялся визит``).
    """
    tok = doc.token_at(c.start)
    if tok is None:
        return False
    if c.party.kind in ("country", "location") and _diplomat_before(doc, tok):
        if c.party.kind == "country":
            return True
        c.hosted = True
    window = doc.tokens[max(0, tok.index - DEDICATION_REACH):tok.index]
    for k in range(len(window) - 1, -1, -1):
        t = window[k]
        if t.text in ",;:" or t.sent != tok.sent:  # a "." inside the sentence ends an abbreviation (``г.``)
            return False
        if DEDICATION_LEMMAS & (t.lemmas or {t.lemma}):
            return True
        if (k > 0 and window[k - 1].text.lower() == "при" and FACILITATOR_LEMMAS & (t.lemmas or {t.lemma})
                and _facilitated(tok, window[k:])):
            return True
    return False


def _facilitated(tok, between: list) -> bool:
    """``при содействии X``: X is no subject (not nominative) and no verb comes between."""
    return first_reading(tok.text).case != "nomn" and not any(first_reading(t.text).pos == "VERB" for t in between)


class Reading(NamedTuple):
    """Part of speech, case and number of a word's likeliest pymorphy3 parse (None: not given)."""
    pos: Optional[str]
    case: Optional[str]
    number: Optional[str]


def first_reading(word: str) -> Reading:
    """The ``Reading`` of a word's likeliest parse, all None when it has no analysis."""
    parses = morph.parse(word)
    return _tag_reading(parses[0].tag) if parses else Reading(None, None, None)


@functools.lru_cache(maxsize=4096)
def _tag_reading(tag) -> Reading:
    """A pymorphy3 tag's ``Reading`` as plain strings (cached per tag: pymorphy3 computes every
    attribute read anew, and there are only some hundreds of tags)."""
    return Reading(*(None if g is None else str(g) for g in (tag.POS, tag.case, tag.number)))


def _place_names(doc: Doc) -> list[Participant]:
    out = []
    for c in doc.countries:
        out.append(Participant(kind="country", name=c.name, iso2=c.iso2))
    for loc in doc.locations:
        out.append(Participant(kind="location", name=loc.name))
    return out


def demonym_party(doc: Doc, lemma: str) -> Optional[Participant]:
    """``сахалинец`` -> Сахалинская область, ``малайзиец`` -> Малайзия (by stem, among the doc's places)."""
    for suffix in DEMONYM_SUFFIXES:
        if lemma.endswith(suffix) and len(lemma) - len(suffix) >= 4:
            stem = lemma[: -len(suffix)]
            break
    else:
        return None
    stems = {stem}
    if len(stem) >= 5 and stem[-1] in "чцк":  # амурч(анин) -> Амур(ская)
        stems.add(stem[:-1])
    if len(stem) >= 6:
        stems.add(stem[:-1])
    best = None
    for party in _place_names(doc):
        name = party.name.lower().replace("ё", "е")
        if any(name.startswith(st) for st in stems):
            if best is None or (party.kind == "country" and best.kind != "country"):
                best = party
    return best


def demonym_of_token(doc: Doc, tok) -> Optional[Participant]:
    """The place a token names as a demonym (its own lemma first, then its other analyses)."""
    for lemma in sorted(tok.lemmas or {tok.lemma}, key=lambda x: x != tok.lemma):
        party = demonym_party(doc, lemma)
        if party is not None:
            return party
    return None


def home_party(doc: Doc, cands: list[Cand]) -> Optional[Participant]:
    """The region (else organization) the press release speaks for: named in headline or lead."""
    top = [c for c in cands if doc.zone_kind(c.start) in ("headline", "lead")]
    if not top and doc.sents:
        first = next((s for s in doc.sents if doc.zone_kind(s.start) not in ("headline", "lead", "dateline")
                      and not doc.is_ignored(s.start, s.end)), None)
        if first is not None:
            top = [c for c in cands if first.start <= c.start < first.end]
    codes = {loc.name: (loc.code or "") for loc in doc.locations}
    regions = [c for c in top if c.party.kind == "location" and codes.get(c.party.name, "").startswith("RU-")]
    if regions:
        return regions[0].party
    orgs = [c for c in top if c.party.kind == "organization"]
    return orgs[0].party if orgs else None


def add(parties: list[Participant], party: Optional[Participant]) -> None:
    """Append a party unless one of the same kind and name is there."""
    if party is None:
        return
    for p in parties:
        if p.kind == party.kind and p.name == party.name:
            return
    parties.append(party)


def clauses(sent: Sentence) -> list[tuple[int, int]]:
    """A sentence cut at ``;``."""
    out, pos = [], sent.start
    for m in re.finditer(";", sent.text):
        out.append((pos, sent.start + m.start()))
        pos = sent.start + m.end()
    out.append((pos, sent.end))
    return out


def clause_of(sent: Sentence, pos: int) -> tuple[int, int]:
    return next((c for c in clauses(sent) if c[0] <= pos < c[1]), (sent.start, sent.end))


def _speech_before(doc: Doc, start: int, end: int) -> bool:
    return any(is_speech_word(t.text) for t in doc.tokens_in(start, end))


def event_clause(doc: Doc, sent: Sentence, start: int, end: int) -> tuple[int, int]:
    """The clause of a trigger without the words that only report it.

    Cut off: an opening source (``Как сообщил посол X,``, ``По данным X,``), the
    speech part before ``, что`` (``Захарова заявила, что Лавров посетит Чад``),
    a trailing attribution (``..., сообщает пресс-служба X``), and what a participant said
    after the trigger (``во время встречи отметил, что у России ...``).
    """
    c0, c1 = clause_of(sent, start)
    text = doc.text
    intro = SOURCE_INTRO_RE.match(text, c0, start)
    if intro and (intro.group(1) is None or _speech_before(doc, intro.start(1), intro.end(1))):
        c0 = intro.end()
    for m in THAT_RE.finditer(text, c0, start):
        if _speech_before(doc, c0, m.start()):
            c0 = m.end()
    for m in TRAILING_ATTR_RE.finditer(text, end, c1):
        if _speech_before(doc, m.end(), min(m.end() + ATTR_VERB_REACH, c1)):
            c1 = m.start()
            break
    for m in THAT_RE.finditer(text, end, c1):  # "X на встрече отметил, что у России ...": what was said
        if _speech_before(doc, end, m.start()):
            c1 = m.start()
            break
    return c0, c1


def clause_end(sent: Sentence, pos: int) -> int:
    return next((c[1] for c in clauses(sent) if c[0] <= pos < c[1]), sent.end)


def venue(doc: Doc, cands: list[Cand]) -> Optional[Cand]:
    """The first place introduced by ``в``/``во``."""
    for c in cands:
        if c.party.kind not in ("location", "country"):
            continue
        tok = doc.token_at(c.start)
        if tok is not None and tok.index > 0 and doc.tokens[tok.index - 1].text.lower() in VENUE_PREPS:
            return c
    return None


def in_quote(c: Cand, quoted: SpanIndex) -> bool:
    return any(q0 <= c.start and c.end <= q1 for q0, q1 in quoted.overlapping(c.start, c.end))


def party_in(doc: Doc, span: tuple[int, int], in_clause: list[Cand]) -> Optional[Participant]:
    """The first candidate inside ``span``, else a demonym there."""
    for c in in_clause:
        if span[0] <= c.start and c.end <= span[1]:
            return c.party
    for tok in doc.tokens_in(*span):
        party = demonym_of_token(doc, tok)
        if party is not None:
            return party
    return None
