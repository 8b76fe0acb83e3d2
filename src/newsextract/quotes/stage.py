"""The quotes stage: direct speech with its speaker (a person, an organization, or null).

Where speech is and what attributes it: ``shapes`` (dash paragraphs, quotation
marks of every kind via ``marks``, colon and label introductions) and
``interview`` (answers after questions). Who said it: ``speakers``.
A quote span is the quoted words, without dashes or quotation marks.
"""

from __future__ import annotations

from typing import Optional

from ..doc import Doc
from ..records import Quote
from . import interview, shapes, speakers
from .marks import marked_spans
from .shapes import Raw


def quote_spans(doc: Doc) -> list[tuple[int, int]]:
    """Spans of the direct speech of a document (no speakers): used by other stages."""
    return sorted((r.start, r.end) for r in _find(doc))


def _find(doc: Doc) -> list[Raw]:
    spans = marked_spans(doc.text)
    person_at = shapes.person_index(doc)
    raws, bare = shapes.dash_paragraphs(doc, spans, person_at)
    raws.extend(interview.answers(doc, bare, person_at))
    taken = [(r.start, r.end) for r in raws]
    raws.extend(shapes.marked(doc, spans, taken, person_at))
    taken = [(r.start, r.end) for r in raws]
    raws.extend(r for r in shapes.labelled(doc, person_at) if not any(s <= r.start < e for s, e in taken))
    raws = [r for r in raws if not doc.is_ignored(r.start, r.end)]
    raws.sort(key=lambda r: (r.start, r.end))
    return raws


def extract(doc: Doc) -> list[Quote]:
    out: list[Quote] = []
    previous: tuple[Optional[str], Optional[str]] = (None, None)
    w = speakers.who(doc)
    for raw in _find(doc):
        speaker, kind = speakers.speaker(doc, w, raw, previous)
        if speaker is not None or kind is not None:
            previous = (speaker, kind)
        out.append(Quote(start=raw.start, end=raw.end, text=doc.text[raw.start:raw.end],
                         speaker=speaker, speaker_kind=kind))
    return out
