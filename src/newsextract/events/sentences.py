"""The events of one sentence: triggers, invitation targets, named events, participation.

Per sentence: the trigger hits (``triggers.hits``) are built once per
``(type, is-target)`` pair; a visit verb right after an invitation
(``пригласил посетить``) is its complement; a named event with a
participation cue and no conference trigger is a conference on its own; a
sentence with no event but ``участие`` adds its parties to the gathering of the
sentence before. The first gathering's parties become the context for ``стороны``.
"""

from __future__ import annotations

import re

from ..doc import Doc, Sentence
from . import enrich, targets
from .build import Context, Draft, build
from .named import NamedEvent
from .participants import clause_end, first_reading
from .triggers import CUE_WINDOW, TriggerDef, conference_cues, hits, lemmas

CONTEXT_TYPES = ("meeting", "agreement", "visit", "conference")
GATHERING_TYPES = ("meeting", "agreement", "visit", "conference", "invitation")
COORD_RE = re.compile(r"\s(?:и|а также)\s")
OF_REACH = 2  # tokens after a meeting trigger where a conference trigger makes it that conference


def sentence_events(doc: Doc, sent: Sentence, sent_named: list[NamedEvent], ctx: Context) -> None:
    """Add the drafts of a sentence to ``ctx.drafts`` and update the context."""
    toks = doc.tokens[sent.first:sent.last]
    found_hits = _of_gatherings(hits(doc, toks, ctx.quoted))
    invitations = [(h.start, h.end, clause_end(sent, h.start)) for h in found_hits
                   if h.tdef.type == "invitation"]
    mentions = [(h.start, h.end) for h in found_hits if h.tdef.type == "conference"]
    mentions += [(n.start, n.end) for n in sent_named]
    found = targets.find_targets(doc, invitations, mentions)
    seen: set[tuple[str, bool]] = set()
    sent_drafts: list[Draft] = []
    for h in found_hits:
        if h.tdef.type == "visit" and targets.is_complement(doc, invitations, h.start):
            continue
        target = targets.target_of(found, h.start) if h.tdef.type == "conference" else None
        key = (h.tdef.type, target is not None)
        if key in seen:
            continue
        drafts = build(doc, h.tdef, h.start, h.end, sent, ctx, sent_named, found, target,
                       exclude=_coordinated(doc, found_hits, h) + _met_on_visit(sent, found_hits, h))
        if not drafts:
            continue
        seen.add(key)
        sent_drafts.extend(drafts)
    if sent_named and ("conference", False) not in seen and ("conference", True) not in seen:
        sent_drafts.extend(_named_conference(doc, sent, toks, sent_named, ctx, found))
    if not sent_drafts:
        _participation(doc, sent, toks, ctx)
    ctx.last_sentence = sent_drafts
    for draft in sent_drafts:
        if draft.type in CONTEXT_TYPES and not draft.target:
            ctx.prev_parties = list(draft.parties)
            break
    ctx.drafts.extend(sent_drafts)


def _is_verb(doc: Doc, h) -> bool:
    tok = doc.token_at(h.start)
    return tok is not None and tok.text[:1].isalpha() and first_reading(tok.text).pos == "VERB"


def _coordinated(doc: Doc, found: list, h) -> list[tuple[int, int]]:
    """``прибыл в Уагадугу и провёл переговоры с X``: coordinated verb triggers share the subject
    (what precedes the first), each keeps its own complements (up to the ``и`` before the next)."""
    verbs = sorted((x for x in found if x.tdef.type in GATHERING_TYPES and _is_verb(doc, x)), key=lambda x: x.start)
    if h not in verbs:
        return []
    out = []
    k = verbs.index(h)
    for a, b in zip(verbs, verbs[1:], strict=False):
        conj = COORD_RE.search(doc.text, a.end, b.start)
        if conj is None or ";" in doc.text[a.end:b.start]:
            continue
        if a is h:
            out.append((conj.start(), b.start))
            out.append((b.start, len(doc.text)))
        elif b is h:
            out.append((a.start, conj.end()))
    return out if k >= 0 else []


def _met_on_visit(sent: Sentence, found: list, h) -> list[tuple]:
    """The counterpart of talks held on a visit is no party of the visit: what comes between the
    talks and the visit (``встретился с принцем эмирата Абу-Даби в рамках визита``), the
    persons after talks named after the visit (``пребывает в Китае для переговоров с госпожой Лян``),
    and the bodies after a forum named after it (``прибыл для участия в форуме ШОС``)."""
    if h.tdef.type != "visit":
        return []
    out: list[tuple] = []
    for m in found:
        if m.tdef.type not in ("meeting", "conference") or clause_end(sent, m.start) != clause_end(sent, h.start):
            continue
        if m.tdef.type == "conference":  # "прибыл для участия в форуме ШОС": the forum's organizers
            if m.start >= h.end:
                out.append((m.end, clause_end(sent, m.start), "organization"))
        elif m.end <= h.start:
            out.append((m.end, h.start))
        elif m.start >= h.end:
            out.append((m.end, clause_end(sent, m.start), "person"))
    return out


def _of_gatherings(found: list) -> list:
    """``заседание форума``, ``сессия конференции``: a meeting of a conference is that conference."""
    conf_firsts = {h.first for h in found if h.tdef.type == "conference"}
    return [h for h in found if not (h.tdef.type == "meeting"
                                     and any(h.last <= k <= h.last + OF_REACH for k in conf_firsts))]


def _named_conference(doc: Doc, sent: Sentence, toks: list, sent_named: list[NamedEvent], ctx: Context,
                      found: list) -> list[Draft]:
    """A named event with a participation cue is a conference on its own."""
    n = sent_named[0]
    i = next((k for k, t in enumerate(toks) if t.start >= n.start), 0)
    if not conference_cues() & lemmas(toks[max(0, i - CUE_WINDOW):i + CUE_WINDOW]):
        return []
    tdef = TriggerDef(n.name, "conference", True, frozenset())
    return build(doc, tdef, n.start, n.end, sent, ctx, sent_named, found, targets.target_of(found, n.start))


def _participation(doc: Doc, sent: Sentence, toks: list, ctx: Context) -> None:
    """``В нём приняли участие ...``: the sentence's parties join the gathering of the sentence before."""
    if not enrich.PARTICIPATION_LEMMAS & lemmas(toks):
        return
    event = enrich.participation_target(ctx.last_sentence)
    if event is None:
        return
    for c in ctx.outside_quotes(sent.start, sent.end):
        if c.party.kind != "location" and not c.in_title:
            enrich.add_party(event.parties, c.party)
