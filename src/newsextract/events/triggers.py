"""Event triggers: the lexicon (``data/event_triggers.tsv``) and its matching in a sentence.

Each row is ``phrase, type, strength, cues``. Phrases are lemma sequences found
with the shared :class:`~newsextract.nlp.matcher.PhraseMatcher`, so ``встретилась``,
``переговоров``, ``достигнута договоренность`` all match. A trigger with cues
needs one of the cue lemmas within ``CUE_WINDOW`` tokens (a forum is an event
when someone takes part in it, holds it, meets "на полях" of it...). Weak
triggers (``обсуждение``, ``беседа``) are kept by the builders only with two
participants. Type ``none`` rows block look-alikes.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from .. import resources
from ..doc import Doc, SpanIndex
from ..nlp.matcher import PhraseMatcher
from .participants import counted

CUE_WINDOW = 10  # tokens around a trigger searched for its cues
PRESS_LEMMAS = frozenset({"журналист", "корреспондент", "пресса", "смя", "сми", "репортер"})


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
def conference_cues() -> frozenset:
    """The participation cues of ``форум``: what makes a named event a conference on its own."""
    cues: set[str] = set()
    for row in resources.tsv("event_triggers.tsv"):
        if len(row) > 3 and row[1] == "conference" and row[0] == "форум":
            cues |= {c.strip() for c in row[3].split("|") if c.strip()}
    return frozenset(cues)


def lemmas(tokens) -> set[str]:
    """Every lemma (all analyses) of some tokens."""
    out: set[str] = set()
    for t in tokens:
        out |= t.lemmas or {t.lemma}
    return out


@dataclass
class Hit:
    tdef: TriggerDef
    start: int
    end: int
    first: int  # token indexes in the sentence
    last: int


def hits(doc: Doc, toks: list, quoted: SpanIndex) -> list[Hit]:
    """Trigger matches of a sentence that pass their cues and the quote/press filters."""
    out = []
    for match in trigger_matcher().finditer(toks):
        start, end = toks[match.first].start, toks[match.last - 1].end
        if not counted(doc, start, end):
            continue
        near = lemmas(toks[max(0, match.first - CUE_WINDOW):match.last + CUE_WINDOW])
        defs = [d for d in match.payloads if not d.cues or d.cues & near]
        if not defs:
            continue
        tdef = max(defs, key=lambda d: d.strong)
        if tdef.type == "none":
            continue
        if tdef.type != "statement" and quoted.covering(start):
            continue  # events retold inside direct speech are not news of their own
        if tdef.type == "meeting" and PRESS_LEMMAS & lemmas(toks[match.last:match.last + 3]):
            continue  # "встреча с журналистами" is a press event, not talks
        out.append(Hit(tdef, start, end, match.first, match.last))
    return out
