"""The NLP layer: razdel tokens and sentences, slovnet NER, in bounded pieces.

Adapters here turn razdel and natasha objects into our own ``Token``,
``Sentence`` and ``NerSpan``; nothing third-party leaves this module.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

import razdel

from . import morph
from .doc import Doc, NerSpan, Sentence, Token

log = logging.getLogger(__name__)

CHUNK_CHARS = 3000  # NER sees at most this many characters at once
MAX_SENT_CHARS = 2000  # longer "sentences" (a 3 MB single line) are cut at spaces


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


def _cut_long(start: int, text: str) -> Iterator[tuple[int, str]]:
    """Cut an over-long sentence at whitespace into pieces of MAX_SENT_CHARS at most."""
    pos = 0
    while len(text) - pos > MAX_SENT_CHARS:
        cut = text.rfind(" ", pos + MAX_SENT_CHARS // 2, pos + MAX_SENT_CHARS)
        if cut <= pos:
            cut = pos + MAX_SENT_CHARS
        yield start + pos, text[pos:cut]
        pos = cut
    if pos < len(text):
        yield start + pos, text[pos:]


def _lines(text: str) -> Iterator[tuple[int, str]]:
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            yield pos, line
        pos += len(line) + 1


def split_sentences(text: str) -> Iterator[tuple[int, str]]:
    """Sentences as ``(offset, text)``: a line break always ends a sentence."""
    for line_start, line in _lines(text):
        for sent in razdel.sentenize(line):
            if len(sent.text) > MAX_SENT_CHARS:
                yield from _cut_long(line_start + sent.start, sent.text)
            else:
                yield line_start + sent.start, sent.text


def segment(doc: Doc) -> None:
    """Fill ``doc.sents`` and ``doc.tokens`` with razdel."""
    doc.sents, doc.tokens = [], []
    for offset, text in split_sentences(doc.text):
        first = len(doc.tokens)
        for tok in razdel.tokenize(text):
            doc.tokens.append(Token(offset + tok.start, offset + tok.stop, tok.text,
                                    len(doc.tokens), len(doc.sents)))
        doc.sents.append(Sentence(offset, offset + len(text), text, first, len(doc.tokens)))
    doc.index()


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


def lemmatize(doc: Doc) -> None:
    """Give every token its pymorphy3 lemma(s); ``morph`` caches each word once."""
    for tok in doc.tokens:
        word = tok.text
        if word[:1].isalpha():
            tok.lemma = morph.lemma(word)
            tok.lemmas = morph.lemmas(word)
        else:
            tok.lemma = word.lower()
            tok.lemmas = frozenset((tok.lemma,))
