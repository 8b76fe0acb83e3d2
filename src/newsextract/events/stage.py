"""Events (meetings, agreements, invitations, visits, conferences, statements).

The stage: ``extract(doc) -> list[Event]``. The work is done by
``newsextract.events``:

* triggers from ``data/event_triggers.tsv``, by lemma, with cues
  (``events.triggers``);
* participants from the earlier stages' mentions inside the trigger's clause,
  demonyms, and the document's home party (``events.participants``);
* named events with look-alike letters folded, ``СОР 29`` -> ``COP29``
  (``events.named``);
* dates from the clause, else the publication date (``events.dates``);
* per-type builders, one invitation per listed invited party, invited-to events
  (``events.build``, ``events.targets``, ``events.sentences``);
* document-level enrichment: quoted persons join the main meeting
  (``events.enrich``).

Linear in the document's size: candidates, named events and quotes are looked
up through :class:`~newsextract.doc.SpanIndex`.
"""

from __future__ import annotations

from ..doc import Doc, SpanIndex
from ..quotes import speakers as quote_speakers
from ..records import Event
from . import enrich
from .build import Context, to_event
from .dates import when_index
from .named import find_named_events, fold_homoglyphs
from .participants import candidates, counted, home_party, settle_hosts
from .sentences import sentence_events

__all__ = ["extract", "find_named_events", "fold_homoglyphs"]

SKIPPED_ZONES = ("headline", "caption")


def extract(doc: Doc) -> list[Event]:
    """The events of a document, in text order of their sentences."""
    if not doc.tokens or not doc.sents:
        return []
    doc.event_dates = when_index(doc)
    named = [n for n in doc.named_events if counted(doc, n.start, n.end)]
    named_at = SpanIndex(named)
    cands = [c for c in candidates(doc) if not any(n.start <= c.start and c.end <= n.end
                                                   for n in named_at.overlapping(c.start, c.end))]
    found_quotes = doc.quotes
    # a person's words retell events; a press release quoted (an organization's or nobody's) is the news
    quoted = SpanIndex([(q.start, q.end) for q in found_quotes if q.speaker_kind == "person"], key=lambda q: q)
    speakers = SpanIndex([(q.start, q.end, q.speaker) for q in found_quotes if q.speaker_kind == "person"
                          and q.speaker], key=lambda q: (q[0], q[1]))
    home = home_party(doc, cands)
    settle_hosts(doc, cands, home)
    ctx = Context(cands, home, quoted, speakers, quote_speakers.who(doc))
    prev_end = 0
    for sent in doc.sents:
        if doc.is_ignored(sent.start, sent.end) or doc.zone_kind(sent.start) in SKIPPED_ZONES:
            continue
        if "\n" in doc.text[prev_end:sent.start]:  # a new paragraph: no context carried over
            ctx.prev_parties = []
            ctx.last_sentence = []
        prev_end = sent.end
        in_sent = [n for n in named_at.overlapping(sent.start, sent.end) if sent.start <= n.start]
        sentence_events(doc, sent, in_sent, ctx)
    enrich.add_speakers(doc, ctx.drafts, [q.speaker for q in found_quotes
                                          if q.speaker and q.speaker_kind == "person"])
    return [to_event(doc, d) for d in ctx.drafts]
