"""Events (meetings, agreements, invitations, visits, conferences, statements).

How it works
------------
* **Triggers** come from ``data/event_triggers.tsv`` (phrase, type, strength,
  cues) and are found by lemma with the shared :class:`PhraseMatcher`, so
  ``встретилась``, ``переговоров``, ``достигнута договоренность`` all match.
  A trigger with cues needs one of the cue lemmas in its sentence (a forum is an
  event when someone takes part in it, holds it, meets "на полях" of it...).
  Weak triggers (``обсуждение``, ``беседа``) are kept only with two participants.
* **Participants** are the mentions of earlier stages (``doc.results``:
  countries in every form, locations, persons, organizations) inside the
  trigger's clause (the sentence, cut at ``;``), outside ignored zones and the
  ``сообщает ИА ...`` attribution. Demonyms not resolved upstream
  (``сахалинцы``) are matched by stem against the document's own places.
  When no participant precedes the trigger (elided subject, ``стороны``), the
  document's *home party* is added: the Russian region (else organization)
  named in the headline or lead. ``стороны`` with no counterpart in the
  sentence inherits the participants of the previous event of the paragraph.
  When no stage produced persons, organizations, countries or locations at all
  (upstream stages missing), ``doc.ner`` spans are used as a fallback, with
  the span text as the name.
* **Date**: the first dated mention in the clause, else the document's
  ``published`` date (the dateline). Invitations take only their own clause's
  date (the date of what they invite to), never the publication date.
* **Location**: a place introduced by ``в``/``во`` in the clause (``в Баку``).
* **Named events** (``data/named_events.tsv``) are found by regex over the
  text with Cyrillic look-alikes folded to Latin in capitalised words
  (``СОР 29`` -> ``COP29``); they name the events of their sentence and a named
  event with a participation cue is a ``conference`` on its own.
* **Statements** only for ``заявить``/``заявление``/``объявить``: speech verbs
  (``отметил``, ``подчеркнули``) attribute quotes, they are no events.
* **Invitation targets** (``events/targets.py``): ``пригласил X на выставку в Абу-Даби``
  gives an invitation (inviter, invited: the parties before ``на``) and the
  invited-to conference (only the target phrase's parties and date); a visit
  verb right after the invitation (``пригласил посетить``) is no visit.
* **Enrichment** (``events/enrich.py``): quoted persons join the main meeting,
  ``В нём приняли участие ...`` joins the gathering of the sentence before, and
  a subjectless agreement (``По итогам встречи подписан ...``) takes the
  countries, organizations and regions of the last meeting.
* **Invitations** listing parties (``сахалинцы — на ..., а малайзийцы — на ...``)
  give one event per invited party, each with its own date and named event.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Optional

from .. import resources
from ..doc import Doc, Sentence, SpanIndex
from ..events import enrich, targets
from ..matcher import PhraseMatcher
from ..records import Event, Offsets, Participant, Span
from . import quotes as quote_stage

MIN_PARTICIPANTS_WEAK = 2
CUE_WINDOW = 10  # tokens around a trigger searched for its cues
PARTY_KINDS = ("country", "location", "organization", "person")
VENUE_PREPS = frozenset({"в", "во"})
HOMOGLYPHS = str.maketrans("АВЕКМНОРСТХаеорсух", "ABEKMHOPCTXaeopcyx")
SIDES_LEMMA = "сторона"
PRESS_LEMMAS = frozenset({"журналист", "корреспондент", "пресса", "смя", "сми", "репортер"})
# Fallback dates (only when the dates stage gave nothing): "в мае 2025 года", "16 октября 2025"
MONTH_STEMS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7,
    "август": 8, "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}
MONTH_YEAR_RE = re.compile(
    r"(?:(\d{1,2})\s+)?(январ|феврал|март|апрел|ма|июн|июл|август|сентябр|октябр|ноябр|декабр)"
    r"[а-яё]{0,3}\s+((?:19|20)\d\d)(?!\d)",
    re.I,
)


# --- lexicons --------------------------------------------------------------

@dataclass(frozen=True)
class TriggerDef:
    phrase: str
    type: str
    strong: bool
    cues: frozenset


@functools.cache
def trigger_matcher() -> PhraseMatcher:
    matcher = PhraseMatcher()
    for row in resources.tsv("event_triggers.tsv"):
        phrase, etype = row[0], row[1]
        strong = (row[2] if len(row) > 2 else "strong") != "weak"
        cues = frozenset(c.strip().replace("ё", "е") for c in (row[3] if len(row) > 3 else "").split("|")
                         if c.strip())
        matcher.add(phrase, TriggerDef(phrase, etype, strong, cues))
    return matcher


@functools.cache
def named_event_patterns() -> tuple[tuple[re.Pattern, str, str], ...]:
    out = []
    for row in resources.tsv("named_events.tsv"):
        out.append((re.compile(row[0], re.I), row[1], row[2] if len(row) > 2 else "conference"))
    return tuple(out)


def fold_homoglyphs(text: str) -> str:
    """Cyrillic look-alike letters to Latin inside capitalised words (same length)."""
    def fold(m: re.Match) -> str:
        word = m.group(0)
        return word.translate(HOMOGLYPHS) if sum(c.isupper() for c in word) >= 2 else word
    return re.sub(r"\w+", fold, text)


@dataclass(frozen=True)
class NamedEvent:
    start: int
    end: int
    name: str
    type: str


def find_named_events(text: str) -> list[NamedEvent]:
    """Named events in a text, normalized (``СОР 29`` -> ``COP29``); overlaps keep the most specific."""
    folded = fold_homoglyphs(text)
    found: list[NamedEvent] = []
    for pattern, name, etype in named_event_patterns():
        for source in (text, folded) if folded != text else (text,):
            for m in pattern.finditer(source):
                value = name
                if m.groups():
                    value = name.replace("{1}", str(int(m.group(1))) if m.group(1).isdigit() else m.group(1))
                found.append(NamedEvent(m.start(), m.end(), value, etype))
    # most specific first: names with digits, then longer spans
    found.sort(key=lambda n: (not any(c.isdigit() for c in n.name), -(n.end - n.start), n.start))
    kept: list[NamedEvent] = []
    for n in found:
        if any(n.name == k.name and n.start < k.end and k.start < n.end for k in kept):
            continue
        kept.append(n)
    return sorted(kept, key=lambda n: n.start)


# --- participants ----------------------------------------------------------

@dataclass
class Cand:
    start: int
    end: int
    party: Participant
    key: tuple = field(default=())

    def __post_init__(self) -> None:
        self.key = (self.party.kind, self.party.name)


def _results(doc: Doc, name: str) -> list:
    return doc.results.get(name) or []


def _counted(doc: Doc, start: int, end: int) -> bool:
    return not doc.is_ignored(start, end) and doc.zone_kind(start) != "attribution"


def candidates(doc: Doc) -> list[Cand]:
    """Every participant mention of the document, from the earlier stages' results."""
    out: list[Cand] = []
    for c in _results(doc, "countries"):
        for m in c.mentions:
            out.append(Cand(m.start, m.end, Participant(kind="country", name=c.name, iso2=c.iso2)))
    for loc in _results(doc, "locations"):
        for m in loc.mentions:
            out.append(Cand(m.start, m.end, Participant(kind="location", name=loc.name)))
    for p in _results(doc, "persons"):
        for m in p.mentions:
            out.append(Cand(m.start, m.end, Participant(kind="person", name=p.full_name, last=p.name.last)))
    for o in _results(doc, "organizations"):
        for m in o.mentions:
            out.append(Cand(m.start, m.end, Participant(kind="organization", name=o.name)))
    if not out:  # upstream stages absent: fall back to raw NER spans
        kinds = {"PER": "person", "ORG": "organization", "LOC": "location"}
        for span in doc.ner:
            kind = kinds.get(span.type)
            if kind is None:
                continue
            last = span.text.split()[-1] if kind == "person" and span.text.split() else None
            out.append(Cand(span.start, span.end, Participant(kind=kind, name=span.text, last=last)))
    out = [c for c in out if _counted(doc, c.start, c.end)]
    out.sort(key=lambda c: (c.start, -c.end))
    return out


def _place_names(doc: Doc) -> list[Participant]:
    out = []
    for c in _results(doc, "countries"):
        out.append(Participant(kind="country", name=c.name, iso2=c.iso2))
    for loc in _results(doc, "locations"):
        out.append(Participant(kind="location", name=loc.name))
    return out


DEMONYM_SUFFIXES = ("анин", "янин", "ец", "ин")


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


def home_party(doc: Doc, cands: list[Cand]) -> Optional[Participant]:
    """The region (else organization) the press release speaks for: named in headline or lead."""
    top = [c for c in cands if doc.zone_kind(c.start) in ("headline", "lead")]
    if not top and doc.sents:
        first = next((s for s in doc.sents if doc.zone_kind(s.start) not in ("headline", "lead", "dateline")
                      and not doc.is_ignored(s.start, s.end)), None)
        if first is not None:
            top = [c for c in cands if first.start <= c.start < first.end]
    codes = {loc.name: (loc.code or "") for loc in _results(doc, "locations")}
    regions = [c for c in top if c.party.kind == "location" and codes.get(c.party.name, "").startswith("RU-")]
    if regions:
        return regions[0].party
    orgs = [c for c in top if c.party.kind == "organization"]
    return orgs[0].party if orgs else None


# --- dates -----------------------------------------------------------------

def _dates_in(doc: Doc, start: int, end: int) -> list[tuple[int, str]]:
    found = [(d.start, d.value) for d in _results(doc, "dates")
             if d.value and start <= d.start and d.end <= end]
    if not found and not _results(doc, "dates"):  # dates stage absent: month + year only
        for m in MONTH_YEAR_RE.finditer(doc.text, start, end):
            month = MONTH_STEMS.get(m.group(2).lower())
            if month:
                value = f"{m.group(3)}-{month:02d}"
                if m.group(1):
                    value += f"-{int(m.group(1)):02d}"
                found.append((m.start(), value))
    return sorted(found)


# --- events ----------------------------------------------------------------

@dataclass
class _Draft:
    type: str
    trigger: tuple[int, int]
    sent: Sentence
    clause: tuple[int, int]
    parties: list[Participant]
    date: Optional[str] = None
    location: Optional[str] = None
    name: Optional[str] = None
    target: bool = False  # the event an invitation invites to


def _clauses(sent: Sentence) -> list[tuple[int, int]]:
    out, pos = [], sent.start
    for m in re.finditer(";", sent.text):
        out.append((pos, sent.start + m.start()))
        pos = sent.start + m.end()
    out.append((pos, sent.end))
    return out


def _add(parties: list[Participant], party: Participant) -> None:
    if party is None:
        return
    for p in parties:
        if p.kind == party.kind and p.name == party.name:
            return
    parties.append(party)


def _venue(doc: Doc, cands: list[Cand]) -> Optional[Cand]:
    for c in cands:
        if c.party.kind not in ("location", "country"):
            continue
        tok = doc.token_at(c.start)
        if tok is not None and tok.index > 0 and doc.tokens[tok.index - 1].text.lower() in VENUE_PREPS:
            return c
    return None


def _paragraph_break(doc: Doc, a: int, b: int) -> bool:
    return "\n" in doc.text[a:b]


@dataclass
class _Hit:
    tdef: TriggerDef
    start: int
    end: int
    first: int  # token indexes in the sentence
    last: int


def _hits(doc: Doc, toks: list, quoted: SpanIndex) -> list[_Hit]:
    """Trigger matches of a sentence that pass their cues and the quote/press filters."""
    out = []
    for match in trigger_matcher().finditer(toks):
        start, end = toks[match.first].start, toks[match.last - 1].end
        if not _counted(doc, start, end):
            continue
        near = _lemmas(toks[max(0, match.first - CUE_WINDOW):match.last + CUE_WINDOW])
        defs = [d for d in match.payloads if not d.cues or d.cues & near]
        if not defs:
            continue
        tdef = max(defs, key=lambda d: d.strong)
        if tdef.type == "none":
            continue
        if tdef.type != "statement" and quoted.covering(start):
            continue  # events retold inside direct speech are not news of their own
        if tdef.type == "meeting" and PRESS_LEMMAS & _lemmas(toks[match.last:match.last + 3]):
            continue  # "встреча с журналистами" is a press event, not talks
        out.append(_Hit(tdef, start, end, match.first, match.last))
    return out


@dataclass
class _Ctx:
    """What every event of a document shares while it is built."""

    cands: list
    home: Optional[Participant]
    quoted: SpanIndex  # (start, end) of direct speech
    cand_at: SpanIndex = None  # the candidates by offsets

    def __post_init__(self) -> None:
        self.cand_at = SpanIndex(self.cands)

    def outside_quotes(self, start: int, end: int) -> list:
        """Candidates inside ``[start, end)`` that are not within direct speech."""
        return [c for c in self.cand_at.within(start, end) if not _in_quote(c, self.quoted)]
    drafts: list = field(default_factory=list)
    prev_parties: list = field(default_factory=list)
    last_sentence: list = field(default_factory=list)  # drafts of the sentence just before


def _clause_end(sent: Sentence, pos: int) -> int:
    return next((c[1] for c in _clauses(sent) if c[0] <= pos < c[1]), sent.end)


def extract(doc: Doc) -> list[Event]:
    if not doc.tokens or not doc.sents:
        return []
    cands = candidates(doc)
    named = [n for n in find_named_events(doc.text) if _counted(doc, n.start, n.end)]
    named_at = SpanIndex(named)
    cands = [c for c in cands if not any(n.start <= c.start and c.end <= n.end
                                         for n in named_at.overlapping(c.start, c.end))]
    found_quotes = quote_stage.extract(doc)
    quoted = SpanIndex([(q.start, q.end) for q in found_quotes], key=lambda q: q)
    ctx = _Ctx(cands, home_party(doc, cands), quoted)
    prev_end = 0
    for sent in doc.sents:
        if doc.is_ignored(sent.start, sent.end) or doc.zone_kind(sent.start) in ("headline", "caption"):
            continue
        if _paragraph_break(doc, prev_end, sent.start):
            ctx.prev_parties = []
            ctx.last_sentence = []
        prev_end = sent.end
        in_sent = [n for n in named_at.overlapping(sent.start, sent.end) if sent.start <= n.start]
        _sentence_events(doc, sent, in_sent, ctx)
    enrich.add_speakers(doc, ctx.drafts, [q.speaker for q in found_quotes
                                          if q.speaker and q.speaker_kind == "person"])
    return [_to_event(doc, d) for d in ctx.drafts]


def _sentence_events(doc: Doc, sent: Sentence, sent_named: list[NamedEvent], ctx: _Ctx) -> None:
    toks = doc.tokens[sent.first:sent.last]
    hits = _hits(doc, toks, ctx.quoted)
    invitations = [(h.start, h.end, _clause_end(sent, h.start)) for h in hits if h.tdef.type == "invitation"]
    mentions = [(h.start, h.end) for h in hits if h.tdef.type == "conference"]
    mentions += [(n.start, n.end) for n in sent_named]
    found = targets.find_targets(doc, invitations, mentions)
    seen: set[tuple[str, bool]] = set()
    sent_drafts: list[_Draft] = []
    for h in hits:
        if h.tdef.type == "visit" and targets.is_complement(doc, invitations, h.start):
            continue
        target = targets.target_of(found, h.start) if h.tdef.type == "conference" else None
        key = (h.tdef.type, target is not None)
        if key in seen:
            continue
        draft = _build(doc, h.tdef, h.start, h.end, sent, ctx, sent_named, found, target)
        if draft is None:
            continue
        seen.add(key)
        sent_drafts.extend(draft if isinstance(draft, _Many) else [draft])
    if sent_named and ("conference", False) not in seen and ("conference", True) not in seen:
        _named_conference(doc, sent, toks, sent_named, ctx, found, sent_drafts)
    if not sent_drafts:
        _participation(doc, sent, toks, ctx)
    ctx.last_sentence = sent_drafts
    for draft in sent_drafts:
        if draft.type in ("meeting", "agreement", "visit", "conference") and not draft.target:
            ctx.prev_parties = list(draft.parties)
            break
    ctx.drafts.extend(sent_drafts)


def _named_conference(doc: Doc, sent: Sentence, toks: list, sent_named: list[NamedEvent], ctx: _Ctx,
                      found: list, sent_drafts: list) -> None:
    """A named event with a participation cue is a conference on its own."""
    n = sent_named[0]
    i = next((k for k, t in enumerate(toks) if t.start >= n.start), 0)
    if not trigger_matcher_conference_cues() & _lemmas(toks[max(0, i - CUE_WINDOW):i + CUE_WINDOW]):
        return
    tdef = TriggerDef(n.name, "conference", True, frozenset())
    draft = _build(doc, tdef, n.start, n.end, sent, ctx, sent_named, found, targets.target_of(found, n.start))
    if draft is not None:
        sent_drafts.append(draft)


def _participation(doc: Doc, sent: Sentence, toks: list, ctx: _Ctx) -> None:
    """``В нём приняли участие ...``: the sentence's parties join the gathering of the sentence before."""
    if not enrich.PARTICIPATION_LEMMAS & _lemmas(toks):
        return
    event = enrich.participation_target(ctx.last_sentence)
    if event is None:
        return
    for c in ctx.outside_quotes(sent.start, sent.end):
        if c.party.kind != "location":
            enrich.add_party(event.parties, c.party)


def _lemmas(tokens) -> set[str]:
    out: set[str] = set()
    for t in tokens:
        out |= t.lemmas or {t.lemma}
    return out


@functools.cache
def trigger_matcher_conference_cues() -> frozenset:
    cues: set[str] = set()
    for row in resources.tsv("event_triggers.tsv"):
        if len(row) > 3 and row[1] == "conference" and row[0] == "форум":
            cues |= {c.strip() for c in row[3].split("|") if c.strip()}
    return frozenset(cues)


def _in_quote(c: Cand, quoted: SpanIndex) -> bool:
    return any(q0 <= c.start and c.end <= q1 for q0, q1 in quoted.overlapping(c.start, c.end))


def _build(doc: Doc, tdef: TriggerDef, start: int, end: int, sent: Sentence, ctx: _Ctx,
           sent_named: list[NamedEvent], found: list, target=None) -> Optional[_Draft]:
    clause = next((c for c in _clauses(sent) if c[0] <= start < c[1]), (sent.start, sent.end))
    scope = (target.start, target.end) if target is not None else clause
    invited_to = targets.invitation_target(found, (start, end)) if tdef.type == "invitation" else None
    if invited_to is not None:
        scope = (clause[0], invited_to.start)
    in_clause = ctx.outside_quotes(*scope)
    if tdef.type == "invitation":
        return _invitation(doc, tdef, start, end, sent, clause, in_clause, ctx, sent_named)
    if tdef.type == "statement":
        return _statement(doc, tdef, start, end, sent, clause, in_clause)
    if target is not None:
        return _target_event(doc, tdef, start, end, sent, scope, in_clause, sent_named)
    return _gathering(doc, tdef, start, end, sent, clause, in_clause, ctx, sent_named)


def _statement(doc: Doc, tdef: TriggerDef, start: int, end: int, sent: Sentence,
               clause: tuple[int, int], in_clause: list[Cand]) -> Optional[_Draft]:
    """A statement's party: the nearest person (else organization, place) before it, else after."""
    rank = {"person": 0, "organization": 1, "location": 2}
    speakers = [c for c in in_clause if c.party.kind in rank]
    before = [c for c in speakers if c.end <= start]
    pool = before[::-1] if before else [c for c in speakers if c.start >= end]
    if not pool:
        return None
    dates = _dates_in(doc, *clause)
    return _Draft(tdef.type, (start, end), sent, clause, [min(pool, key=lambda c: rank[c.party.kind]).party],
                  date=dates[0][1] if dates else doc.published)


def _target_event(doc: Doc, tdef: TriggerDef, start: int, end: int, sent: Sentence,
                  scope: tuple[int, int], in_clause: list[Cand], sent_named: list[NamedEvent]) -> _Draft:
    """The event an invitation invites to: only the target phrase's parties, its own date."""
    parties: list[Participant] = []
    for c in in_clause:
        _add(parties, c.party)
    dates = _dates_in(doc, *scope)
    venue = _venue(doc, in_clause)
    return _Draft(tdef.type, (start, end), sent, scope, parties, date=dates[0][1] if dates else None,
                  location=venue.party.name if venue is not None else None,
                  name=_closest_name([n for n in sent_named if scope[0] <= n.start < scope[1]], start),
                  target=True)


def _gathering(doc: Doc, tdef: TriggerDef, start: int, end: int, sent: Sentence, clause: tuple[int, int],
               in_clause: list[Cand], ctx: _Ctx, sent_named: list[NamedEvent]) -> Optional[_Draft]:
    """Meetings, agreements, visits, conferences: the clause's parties, completed from context."""
    parties: list[Participant] = []
    venue = _venue(doc, in_clause)
    before = [c for c in in_clause if c.end <= start and c is not venue]
    for c in in_clause:
        _add(parties, c.party)
    for tok in doc.tokens_in(*clause):
        if tok.text[:1].islower() and not any(c.start <= tok.start < c.end for c in in_clause):
            _add(parties, _demonym_of_token(doc, tok))
    home = ctx.home
    if any(SIDES_LEMMA in t.lemmas for t in doc.tokens_in(*clause)) and all(p == home for p in parties):
        for p in ctx.prev_parties:
            _add(parties, p)
    if tdef.type == "agreement" and all(p == home for p in parties):
        meeting = next((d for d in reversed(ctx.drafts) if d.type == "meeting" and not d.target), None)
        for p in enrich.inherited(doc, meeting) if meeting is not None else []:
            _add(parties, p)
    implicit = not before and home is not None and home not in parties
    if implicit:
        _add(parties, home)
    if not parties:
        return None
    if implicit and len(parties) == 1 and tdef.type in ("meeting", "agreement"):
        return None  # a meeting needs a counterpart
    if not tdef.strong and len(parties) < MIN_PARTICIPANTS_WEAK:
        return None
    dates = _dates_in(doc, *clause)
    return _Draft(tdef.type, (start, end), sent, clause, parties,
                  date=dates[0][1] if dates else doc.published,
                  location=venue.party.name if venue is not None else None,
                  name=_closest_name(sent_named, start))


def _closest_name(sent_named: list[NamedEvent], pos: int) -> Optional[str]:
    if not sent_named:
        return None
    return min(sent_named, key=lambda n: (not any(c.isdigit() for c in n.name), abs(n.start - pos))).name


SEGMENT_SPLIT_RE = re.compile(r",\s*а\s+|;\s*|,\s*и\s+(?=\w+\s+[—–-]\s)|,\s+(?=\w+\s+[—–-]\s)")
SEGMENT_RE = re.compile(r"^\s*([^\W\d][\w\s-]{0,60}?)\s+[—–]\s+(\S.*)$", re.S)


def _invitation(doc: Doc, tdef: TriggerDef, start: int, end: int, sent: Sentence,
                clause: tuple[int, int], in_clause: list[Cand], ctx: _Ctx,
                sent_named: list[NamedEvent]) -> Optional[_Draft] | list:
    home, prev_parties = ctx.home, ctx.prev_parties
    tail_start = end
    colon = doc.text.find(":", end, clause[1])
    if colon != -1:
        tail_start = colon + 1
    tail = doc.text[tail_start:clause[1]]
    segments = []
    pos = 0
    for m in SEGMENT_SPLIT_RE.finditer(tail):
        segments.append((tail_start + pos, tail_start + m.start()))
        pos = m.end()
    segments.append((tail_start + pos, tail_start + len(tail)))
    parsed = []
    for s, e in segments:
        m = SEGMENT_RE.match(doc.text[s:e])
        if not m:
            continue
        party_span = (s + m.start(1), s + m.end(1))
        party = _party_in(doc, party_span, in_clause)
        if party is not None:
            parsed.append((party, (s, e)))
    if len(parsed) >= 1 and (len(parsed) >= 2 or colon != -1):
        drafts = []
        for party, seg in parsed:
            parties = [party.model_copy(update={"role": "invited"})]
            if "обменяться" in tdef.phrase or len(parsed) >= 2:
                for other, _ in parsed:
                    if other.name != party.name:
                        _add(parties, other.model_copy(update={"role": "inviter"}))
            dates = _dates_in(doc, *seg)
            seg_named = [n for n in sent_named if seg[0] <= n.start < seg[1]]
            venue = _venue(doc, [c for c in in_clause if seg[0] <= c.start < seg[1]])
            drafts.append(_Draft("invitation", (start, end), sent, seg, parties,
                                 date=dates[0][1] if dates else None,
                                 location=venue.party.name if venue else None,
                                 name=seg_named[0].name if seg_named else None))
        return _Many(drafts)
    parties: list[Participant] = []
    for c in in_clause:
        _add(parties, c.party)
    sides = any(SIDES_LEMMA in t.lemmas for t in doc.tokens_in(*clause))
    if sides and all(p == home for p in parties):
        for p in prev_parties:
            _add(parties, p)
    if not [c for c in in_clause if c.end <= start] and home is not None:
        _add(parties, home)
    if not parties:
        return None
    dates = _dates_in(doc, *clause)
    venue = _venue(doc, in_clause)
    return _Draft("invitation", (start, end), sent, clause, parties,
                  date=dates[0][1] if dates else None,
                  location=venue.party.name if venue else None,
                  name=_closest_name(sent_named, start))


class _Many(list):
    """Several drafts from one trigger (one invitation per invited party)."""


def _party_in(doc: Doc, span: tuple[int, int], in_clause: list[Cand]) -> Optional[Participant]:
    for c in in_clause:
        if span[0] <= c.start and c.end <= span[1]:
            return c.party
    for tok in doc.tokens_in(*span):
        party = _demonym_of_token(doc, tok)
        if party is not None:
            return party
    return None


def _demonym_of_token(doc: Doc, tok) -> Optional[Participant]:
    for lemma in sorted(tok.lemmas or {tok.lemma}, key=lambda x: x != tok.lemma):
        party = demonym_party(doc, lemma)
        if party is not None:
            return party
    return None


def _to_event(doc: Doc, d: _Draft) -> Event:
    s, e = d.trigger
    return Event(type=d.type, trigger=Span(start=s, end=e, text=doc.text[s:e]),
                 participants=d.parties, date=d.date, location=d.location, name=d.name,
                 sentence=Offsets(start=d.sent.start, end=d.sent.end))
