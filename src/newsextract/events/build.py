"""Per-type event builders: from a trigger in a sentence to a draft event.

* **Gatherings** (meetings, agreements, visits, conferences): the clause's
  parties (outside direct speech) and demonyms; ``стороны`` with no counterpart
  inherits the previous event's parties in the paragraph; a subjectless
  agreement takes the parties of the last meeting (``enrich.inherited``); the
  home party is added when no participant precedes the trigger. A visit takes the
  home country only as its destination (``приедут в Россию``), not from the visitor's
  title, nor the counterpart of talks held on it; a clause describing a place
  (``, где расположен ...``) adds nobody. Weak triggers
  need two parties; a meeting or agreement needs a counterpart to the home party.
  Date: the clause's first date, else the publication date.
* **Statements**: the nearest person (else organization, place) before the
  trigger, else after, with the bodies and places of the title written right
  before that person (``министр иностранных дел Казахстана X заявил``).
* **Invitations**: one per invited party when the text lists them
  (``сахалинцы — на ..., а малайзийцы — на ...``), each with its own date and
  named event; otherwise the clause's parties. Only the clause's own date
  (the date of what they invite to), never the publication date.
* **Invited-to events** (``targets``): only the target phrase's parties and date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from ..doc import Doc, Sentence, SpanIndex
from ..quotes import speakers
from ..records import Event, Offsets, Participant, Span
from . import enrich, targets
from .dates import first_date
from .named import NamedEvent, closest_name
from .participants import (
    VENUE_PREPS,
    Cand,
    add,
    clause_of,
    demonym_of_token,
    event_clause,
    first_reading,
    in_quote,
    party_in,
    venue,
)
from .planned import is_planned
from .triggers import TriggerDef

MIN_PARTICIPANTS_WEAK = 2
HOME_ISO2 = frozenset({"RU"})  # the press releases' own country: its regions add no country party
TITLE_BODY_TYPES = ("agreement",)  # events whose parties include the body in a signatory's title
SIDES_LEMMA = "сторона"
ANAPHORA_LEMMAS = frozenset({"он", "она", "они"})
POSTPOSED_RE = re.compile(r"[,—–-]\s*$")  # "..., заявил X": the speaker after the verb
SPEECH_GAP = 8  # characters between a quote's end and "заявил он" that attributes it
TITLE_REACH = 80  # characters before a speaker searched for the bodies of the title
TITLE_WORDS_RE = re.compile(r"[\s«»\"]*|[\s«»\"]+(?:[а-яё-]+\s+){0,3}")  # lower-case title words only
RELATIVE_RE = re.compile(r",\s*(?:(?:в|во|на|с|со|из|при|у|о|об|по|для|к|за|между)\s+)?(?:где|куда|откуда|котор\w+)\b")
RELATIVE_KEEP_LEMMAS = frozenset({"участие", "участвовать", "участник", "присутствовать", "состав", "возглавить",
                                  "возглавлять", "глава", "делегация"})
SEGMENT_SPLIT_RE = re.compile(r",\s*а\s+|;\s*|,\s*и\s+(?=\w+\s+[—–-]\s)|,\s+(?=\w+\s+[—–-]\s)")
SEGMENT_RE = re.compile(r"^\s*([^\W\d][\w\s-]{0,60}?)\s+[—–]\s+(\S.*)$", re.S)


@dataclass
class Draft:
    type: str
    trigger: tuple[int, int]
    sent: Sentence
    clause: tuple[int, int]
    parties: list[Participant]
    date: Optional[str] = None
    location: Optional[str] = None
    name: Optional[str] = None
    target: bool = False  # the event an invitation invites to
    planned: bool = False  # announced, not yet held


@dataclass
class Context:
    """What every event of a document shares while it is built."""

    cands: list
    home: Optional[Participant]
    quoted: SpanIndex  # (start, end) of direct speech
    speakers: SpanIndex  # (start, end, full name) of the quotes of persons
    who: speakers.Who  # the persons and organizations by mention offsets
    cand_at: Optional[SpanIndex] = None  # the candidates by offsets
    drafts: list = field(default_factory=list)
    prev_parties: list = field(default_factory=list)
    last_sentence: list = field(default_factory=list)  # drafts of the sentence just before
    homes: Optional[tuple[dict, dict]] = None  # (countries by ISO, foreign locations' countries), built once

    def __post_init__(self) -> None:
        self.cand_at = SpanIndex(self.cands)

    def outside_quotes(self, start: int, end: int) -> list:
        """Candidates inside ``[start, end)`` that are not within direct speech."""
        return [c for c in self.cand_at.within(start, end) if not in_quote(c, self.quoted)]


def build(doc: Doc, tdef: TriggerDef, start: int, end: int, sent: Sentence, ctx: Context,
          sent_named: list[NamedEvent], found: list, target=None,
          exclude: Optional[list[tuple]] = None) -> list[Draft]:
    """The drafts of one trigger (none, one, or one per invited party), announced ones marked
    planned and dated by their clause only."""
    drafts = _build(doc, tdef, start, end, sent, ctx, sent_named, found, target, exclude or [])
    for d in drafts:
        d.planned = is_planned(doc, d.trigger, clause_of(sent, start))
        if d.planned and d.date == doc.published and first_date(doc, *d.clause) is None:
            d.date = None
    return drafts


def _build(doc: Doc, tdef: TriggerDef, start: int, end: int, sent: Sentence, ctx: Context,
           sent_named: list[NamedEvent], found: list, target, exclude: list[tuple]) -> list[Draft]:
    clause = clause_of(sent, start) if tdef.type == "statement" else event_clause(doc, sent, start, end)
    scope = (target.start, target.end) if target is not None else clause
    invited_to = targets.invitation_target(found, (start, end)) if tdef.type == "invitation" else None
    if invited_to is not None:
        scope = (clause[0], invited_to.start)
    relative = relative_clauses(doc, ctx, clause, start, end)
    in_clause = [c for c in ctx.outside_quotes(*scope)
                 if (venue(doc, [c]) is not None or not any(_excludes(x, c) for x in exclude))
                 and not any(r0 <= c.start < r1 for r0, r1 in relative)
                 and not (c.in_title and tdef.type not in TITLE_BODY_TYPES) and not c.locator]
    if tdef.type == "invitation":
        return invitation(doc, tdef, start, end, sent, clause, in_clause, ctx, sent_named)
    if tdef.type == "statement":
        return _listed(statement(doc, tdef, start, end, sent, clause, in_clause, ctx))
    if target is not None:
        return [target_event(doc, tdef, start, end, sent, scope, in_clause, sent_named)]
    # parties before the trigger left to another event (the talks held on a visit): the subject
    # is not elided, no home party stands in for it
    preceded = any(c.end <= start and any(_excludes(x, c) for x in exclude if len(x) == 2)
                   for c in ctx.outside_quotes(*scope))
    return _listed(gathering(doc, tdef, start, end, sent, clause, in_clause, ctx, sent_named, preceded))


def _excludes(span: tuple, c: Cand) -> bool:
    """``(start, end)`` excludes every candidate inside, ``(start, end, kind)`` those of one kind."""
    return span[0] <= c.start < span[1] and (len(span) < 3 or c.party.kind == span[2])


def relative_clauses(doc: Doc, ctx: Context, clause: tuple[int, int], start: int, end: int) -> list[tuple[int, int]]:
    """Relative clauses without the trigger (``, где расположен город Болгар,``, ``, которая ведёт
    проекты в Германии``), up to the next comma: what they describe is no party of the event, unless
    they describe the event itself (right after the trigger, no person or body between: ``форум, который
    пройдёт в Казани``) or say who takes part or leads (``, в состав которой вошли ...``)."""
    out = []
    for m in RELATIVE_RE.finditer(doc.text, clause[0], clause[1]):
        stop = doc.text.find(",", m.end(), clause[1])
        r1 = clause[1] if stop == -1 else stop
        if m.start() <= start < r1:
            continue
        if m.start() >= end and "," not in doc.text[end:m.start()] and not any(
                c.party.kind in ("person", "organization") for c in ctx.cand_at.within(end, m.start())):
            continue
        if any(RELATIVE_KEEP_LEMMAS & (t.lemmas or {t.lemma}) for t in doc.tokens_in(m.start(), r1)):
            continue
        out.append((m.start(), r1))
    return out


def _listed(draft: Optional[Draft]) -> list[Draft]:
    return [] if draft is None else [draft]


def statement(doc: Doc, tdef: TriggerDef, start: int, end: int, sent: Sentence,
              clause: tuple[int, int], in_clause: list[Cand], ctx: Context) -> Optional[Draft]:
    """A statement's party: the nearest person (else organization, place) before it, else after
    (after first when the verb follows a comma or dash: ``..., заявил губернатор X``); else the
    speaker of the quote it attributes (``"...", - заявил он``); else, for a subject named by a
    pronoun or title, the person named last before it in the paragraph."""
    rank = {"person": 0, "organization": 1, "location": 2}
    speakers = [c for c in in_clause if c.party.kind in rank]
    before = [c for c in speakers if c.end <= start][::-1]
    after = [c for c in speakers if c.start >= end]
    postposed = POSTPOSED_RE.search(doc.text, max(clause[0], start - 4), start) is not None
    pool = (after or before) if postposed else (before or after)
    chosen = min(pool, key=lambda c: rank[c.party.kind]) if pool else None
    party = chosen.party if chosen is not None else _said_before(doc, start, sent, ctx)
    if party is None:
        return None
    parties = [party]
    for c in _title_of(doc, ctx, chosen) if chosen is not None and chosen.party.kind == "person" else []:
        add(parties, c.party)
    return Draft(tdef.type, (start, end), sent, clause, parties,
                 date=first_date(doc, *clause) or doc.published)


def _title_of(doc: Doc, ctx: Context, person: Cand) -> list[Cand]:
    """The bodies and places of the title written right before a person (``министр иностранных дел
    Казахстана``, ``официальный представитель МИД РФ``): whom the speaker speaks for."""
    out: list[Cand] = []
    pos = person.start
    for c in reversed(ctx.cand_at.within(max(0, person.start - TITLE_REACH), person.start)):
        if c.end > pos or c.party.kind == "person":
            break
        if not TITLE_WORDS_RE.fullmatch(doc.text[c.end:pos]):
            break
        out.append(c)
        pos = c.start
    return out


def _said_before(doc: Doc, start: int, sent: Sentence, ctx: Context) -> Optional[Participant]:
    for _, q1, name in ctx.speakers.overlapping(max(0, start - SPEECH_GAP), start):
        if q1 <= start:
            return _person(doc, name)
    para = doc.text.rfind("\n", 0, sent.start) + 1
    persons = [c for c in ctx.cand_at.within(para, sent.start) if c.party.kind == "person"]
    return persons[-1].party if persons else None


def _person(doc: Doc, name: str) -> Participant:
    person = next((p for p in doc.persons if p.full_name == name), None)
    return Participant(kind="person", name=name, last=person.name.last if person is not None else None)


def target_event(doc: Doc, tdef: TriggerDef, start: int, end: int, sent: Sentence,
                 scope: tuple[int, int], in_clause: list[Cand], sent_named: list[NamedEvent]) -> Draft:
    """The event an invitation invites to: only the target phrase's parties, its own date."""
    parties: list[Participant] = []
    for c in in_clause:
        add(parties, c.party)
    place = venue(doc, in_clause)
    return Draft(tdef.type, (start, end), sent, scope, parties, date=first_date(doc, *scope),
                 location=place.party.name if place is not None else None,
                 name=closest_name([n for n in sent_named if scope[0] <= n.start < scope[1]], start),
                 target=True)


def _has_sides(doc: Doc, clause: tuple[int, int]) -> bool:
    return any(SIDES_LEMMA in t.lemmas for t in doc.tokens_in(*clause))


def titled_subject(doc: Doc, ctx: Context, clause_start: int, start: int) -> Optional[Participant]:
    """A person named by title before the trigger (``министр``, ``глава региона``): the one holding
    it named shortly before (``quotes.speakers.by_role``). A plural title (``губернаторы провинций``)
    names several, none of them one person."""
    lemmas = {lem for t in doc.tokens_in(clause_start, start) if t.text[:1].islower() and not _plural(t.text)
              for lem in t.lemmas or {t.lemma}}
    person = speakers.by_role(doc, ctx.who, lemmas, clause_start, titled_only=True)
    return _person(doc, person.full_name) if person is not None else None


def _plural(word: str) -> bool:
    """The word's likeliest reading is a plural noun (``губернаторы``)."""
    reading = first_reading(word)
    return reading.pos == "NOUN" and reading.number == "plur"


def _noun_subject(doc: Doc, clause_start: int, start: int) -> bool:
    """A noun in the nominative before the trigger (``Губернаторы регионов приедут``): a subject."""
    for t in doc.tokens_in(clause_start, start):
        reading = first_reading(t.text)
        if reading.pos == "NOUN" and reading.case == "nomn":
            return True
    return False


def _finite_verb(doc: Doc, start: int) -> bool:
    tok = doc.token_at(start)
    return tok is not None and tok.text[:1].isalpha() and first_reading(tok.text).pos == "VERB"


def _has_anaphora(doc: Doc, clause: tuple[int, int]) -> bool:
    return any(ANAPHORA_LEMMAS & (t.lemmas or {t.lemma}) for t in doc.tokens_in(*clause))


def gathering(doc: Doc, tdef: TriggerDef, start: int, end: int, sent: Sentence, clause: tuple[int, int],
              in_clause: list[Cand], ctx: Context, sent_named: list[NamedEvent],
              preceded: bool = False) -> Optional[Draft]:
    """Meetings, agreements, visits, conferences: the clause's parties, completed from context."""
    parties: list[Participant] = []
    place = venue(doc, in_clause)
    before = [c for c in in_clause if c.end <= start and c is not place]
    for c in in_clause:
        if not (tdef.type == "visit" and c.party.iso2 in HOME_ISO2 and not _destination(doc, c, end)):
            add(parties, c.party)
    for tok in doc.tokens_in(*clause):
        if tok.text[:1].islower() and not any(c.start <= tok.start < c.end for c in in_clause):
            add(parties, demonym_of_token(doc, tok))
    home = ctx.home
    if (_has_sides(doc, clause) or _has_anaphora(doc, clause)) and all(p == home for p in parties):
        for p in ctx.prev_parties:  # "стороны", "с ним": the parties of the event just before
            add(parties, p)
    elif not before and _finite_verb(doc, start) and not _noun_subject(doc, clause[0], start):
        # an elided subject ("Приехал в Омск. Встретился с ...")
        for p in ctx.prev_parties:
            if p.kind == "person":
                add(parties, p)
    if not any(c.party.kind == "person" for c in before):  # "Российский министр прибыл": the minister
        add(parties, titled_subject(doc, ctx, clause[0], start))
    if tdef.type == "agreement" and all(p == home for p in parties):
        meeting = next((d for d in reversed(ctx.drafts) if d.type == "meeting" and not d.target), None)
        for p in enrich.inherited(doc, meeting) if meeting is not None else []:
            add(parties, p)
    implicit = not before and not preceded and home is not None and home not in parties
    if implicit:
        add(parties, home)
    for p in home_countries(doc, ctx, parties):
        add(parties, p)
    if not parties:
        return None
    if implicit and len(parties) == 1 and tdef.type in ("meeting", "agreement"):
        return None  # a meeting needs a counterpart
    if not tdef.strong and len(parties) < MIN_PARTICIPANTS_WEAK:
        return None
    return Draft(tdef.type, (start, end), sent, clause, parties,
                 date=first_date(doc, *clause) or doc.published,
                 location=place.party.name if place is not None else None,
                 name=closest_name(sent_named, start))


def _destination(doc: Doc, c: Cand, trigger_end: int) -> bool:
    """A place a visit goes to: after ``в``/``во`` (``приедут в Россию``) or the visit verb's
    object (``посетил Россию``). The home country otherwise only qualifies the visitor
    (``министр спорта России приехал в Омск``) and is no party of the visit."""
    tok = doc.token_at(c.start)
    if tok is None or tok.index == 0:
        return False
    prev = doc.tokens[tok.index - 1]
    return prev.text.lower() in VENUE_PREPS or (c.start >= trigger_end and not doc.text[trigger_end:c.start].strip())


def home_countries(doc: Doc, ctx: Context, parties: list[Participant]) -> list[Participant]:
    """The countries of the foreign regions and cities among the parties (``Гомельская область`` ->
    Беларусь), when the document names them: a delegation's home country."""
    if ctx.homes is None:
        ctx.homes = ({c.iso2: c for c in doc.countries},
                     {loc.name: loc.country for loc in doc.locations if loc.country and loc.country not in HOME_ISO2})
    countries, located = ctx.homes
    out = []
    for p in parties:
        iso2 = located.get(p.name) if p.kind == "location" else None
        if iso2 in countries:
            out.append(Participant(kind="country", name=countries[iso2].name, iso2=iso2))
    return out


def _segments(doc: Doc, tail_start: int, end: int) -> list[tuple[int, int]]:
    tail = doc.text[tail_start:end]
    out, pos = [], 0
    for m in SEGMENT_SPLIT_RE.finditer(tail):
        out.append((tail_start + pos, tail_start + m.start()))
        pos = m.end()
    out.append((tail_start + pos, tail_start + len(tail)))
    return out


def invitation(doc: Doc, tdef: TriggerDef, start: int, end: int, sent: Sentence,
               clause: tuple[int, int], in_clause: list[Cand], ctx: Context,
               sent_named: list[NamedEvent]) -> list[Draft]:
    """One invitation per listed invited party (``X — на ..., а Y — на ...``), else one."""
    colon = doc.text.find(":", end, clause[1])
    tail_start = colon + 1 if colon != -1 else end
    parsed = []
    for s, e in _segments(doc, tail_start, clause[1]):
        m = SEGMENT_RE.match(doc.text[s:e])
        if not m:
            continue
        party = party_in(doc, (s + m.start(1), s + m.end(1)), in_clause)
        if party is not None:
            parsed.append((party, (s, e)))
    if len(parsed) >= 1 and (len(parsed) >= 2 or colon != -1):
        drafts = []
        for party, seg in parsed:
            parties = [party.model_copy(update={"role": "invited"})]
            if "обменяться" in tdef.phrase or len(parsed) >= 2:
                for other, _ in parsed:
                    if other.name != party.name:
                        add(parties, other.model_copy(update={"role": "inviter"}))
            seg_named = [n for n in sent_named if seg[0] <= n.start < seg[1]]
            place = venue(doc, [c for c in in_clause if seg[0] <= c.start < seg[1]])
            drafts.append(Draft("invitation", (start, end), sent, seg, parties,
                                date=first_date(doc, *seg),
                                location=place.party.name if place else None,
                                name=seg_named[0].name if seg_named else None))
        return drafts
    parties: list[Participant] = []
    for c in in_clause:
        add(parties, c.party)
    if _has_sides(doc, clause) and all(p == ctx.home for p in parties):
        for p in ctx.prev_parties:
            add(parties, p)
    if not any(c.party.kind == "person" and c.end <= start for c in in_clause):
        add(parties, titled_subject(doc, ctx, clause[0], start))  # "глава региона пригласил ..."
    if not [c for c in in_clause if c.end <= start] and ctx.home is not None:
        add(parties, ctx.home)
    if not parties:
        return []
    place = venue(doc, in_clause)
    return [Draft("invitation", (start, end), sent, clause, parties,
                  date=first_date(doc, *clause),
                  location=place.party.name if place else None,
                  name=closest_name(sent_named, start))]


def to_event(doc: Doc, d: Draft) -> Event:
    s, e = d.trigger
    return Event(type=d.type, trigger=Span(start=s, end=e, text=doc.text[s:e]),
                 participants=d.parties, date=d.date, location=d.location, name=d.name, planned=d.planned,
                 sentence=Offsets(start=d.sent.start, end=d.sent.end))
