"""Segmentation: razdel tokens and sentences, a line break always ending a sentence.

Adapters here turn razdel objects into our own ``Token`` and ``Sentence``;
nothing third-party leaves this module.
"""

from __future__ import annotations

from collections.abc import Iterator

import razdel

from ..doc import Doc, Sentence, Token

MAX_SENT_CHARS = 2000  # longer "sentences" (a 3 MB single line) are cut at spaces


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
