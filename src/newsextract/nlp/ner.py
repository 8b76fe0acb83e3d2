"""Named entities: natasha's slovnet NER tagger over bounded pieces of a document.

``NerModel`` is the heavy object, built once per process and passed in; slovnet's
markup is turned into our own ``NerSpan`` here and never leaves this module.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from typing import Optional

from ..doc import Doc, NerSpan

CHUNK_CHARS = 3000  # NER sees at most this many characters at once


class NerModel:
    """natasha's slovnet NER tagger, loaded once and reused for every document."""

    def __init__(self) -> None:
        from natasha import NewsEmbedding, NewsNERTagger

        self._tagger = NewsNERTagger(NewsEmbedding())

    def spans(self, pieces: list[tuple[int, str]]) -> Iterator[NerSpan]:
        """NER spans of ``(offset, text)`` pieces, with offsets into the document."""
        texts = [text for _, text in pieces]
        for (offset, text), markup in zip(pieces, self._tagger.map(texts), strict=False):
            for span in markup.spans:
                yield NerSpan(offset + span.start, offset + span.stop, span.type,
                              text[span.start:span.stop])


def ner_pieces(doc: Doc) -> list[tuple[int, str]]:
    """Group sentences into pieces of at most CHUNK_CHARS for the NER model."""
    pieces: list[tuple[int, str]] = []
    start = end = None
    for sent in doc.sents:
        if start is not None and (sent.end - start > CHUNK_CHARS or "\n" in doc.text[end:sent.start]):
            pieces.append((start, doc.text[start:end]))
            start = None
        if start is None:
            start = sent.start
        end = sent.end
    if start is not None:
        pieces.append((start, doc.text[start:end]))
    return pieces


BATCH = 64  # pieces per call of the model


class NerSpans:
    """The ``ner`` layer: a document's NER spans, tagged piece by piece when asked for.

    Iterating (``for span in doc.ner``, ``len``, indexing) tags every piece not yet
    tagged, so it is the list the tagger gives for the whole document, in piece
    order. ``overlapping(start, end)`` tags only the pieces around that range: a
    stage that asks about a few spans (places, for ambiguous names) does not pay
    for the whole document. A piece's spans do not depend on the other pieces.
    """

    def __init__(self, model: NerModel, pieces: list[tuple[int, str]]):
        self._model = model
        self._pieces = pieces
        self._starts = [offset for offset, _ in pieces]
        self._spans: list[Optional[list[NerSpan]]] = [None] * len(pieces)
        self._flat: Optional[list[NerSpan]] = None

    def _tag(self, indexes: list[int]) -> None:
        todo = [i for i in indexes if self._spans[i] is None]
        for k in range(0, len(todo), BATCH):
            chunk = todo[k:k + BATCH]
            for i in chunk:
                self._spans[i] = []
            for span in self._model.spans([self._pieces[i] for i in chunk]):
                i = bisect.bisect_right(self._starts, span.start) - 1
                self._spans[i].append(span)

    def _all(self) -> list[NerSpan]:
        if self._flat is None:
            self._tag(list(range(len(self._pieces))))
            self._flat = [span for spans in self._spans for span in spans]
        return self._flat

    def overlapping(self, start: int, end: int) -> list[NerSpan]:
        """Spans sharing a character with ``[start, end)`` (only those pieces are tagged)."""
        first = max(bisect.bisect_right(self._starts, start) - 1, 0)
        last = bisect.bisect_left(self._starts, end)
        indexes = [i for i in range(first, last)
                   if self._starts[i] + len(self._pieces[i][1]) > start]
        self._tag(indexes)
        return [s for i in indexes for s in self._spans[i] if s.start < end and s.end > start]

    def __iter__(self) -> Iterator[NerSpan]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())

    def __getitem__(self, index):
        return self._all()[index]


def tag_ner(doc: Doc, model: NerModel, *, lazy: bool = False) -> None:
    """Set ``doc.ner`` to the slovnet spans, tagged in batches of pieces (bounded memory).

    ``lazy``: tag a piece only when a stage asks about it (``doc.ner.overlapping``);
    the pipeline uses it when no selected stage reads every span.
    """
    spans = NerSpans(model, ner_pieces(doc))
    doc.ner = spans if lazy else spans._all()
