"""Named entities: natasha's slovnet NER tagger over bounded pieces of a document.

``NerModel`` is the heavy object, built once per process and passed in; slovnet's
markup is turned into our own ``NerSpan`` here and never leaves this module.
"""

from __future__ import annotations

from collections.abc import Iterator

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


def tag_ner(doc: Doc, model: NerModel) -> None:
    """Fill ``doc.ner`` with slovnet spans, piece by piece (bounded memory)."""
    doc.ner = []
    pieces = ner_pieces(doc)
    batch = 64
    for i in range(0, len(pieces), batch):
        doc.ner.extend(model.spans(pieces[i:i + batch]))
