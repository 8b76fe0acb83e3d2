"""Named entities: natasha's slovnet NER tagger over bounded pieces of a document.

``NerModel`` is the heavy object, built once per process and passed in; slovnet's
markup is turned into our own ``NerSpan`` here and never leaves this module.

Throughput: the model is fed our own razdel tokens (slovnet would re-tokenize
every piece with razdel again), and pieces of one document - or of many, in
``Pipeline.pipe`` - are run in batches sorted by length, so a batch carries
almost no padding. The CNN masks padded positions after every layer, so a
piece's tags do not depend on the pieces it is batched with.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from typing import Optional

from ..doc import Doc, NerSpan, Token
from ..threads import limit_threads

CHUNK_CHARS = 3000  # NER sees at most this many characters at once
BATCH_SIZE = 32  # pieces per model call (sorted by length, so padding stays small)
_IDS_LIMIT = 500_000  # word -> ids memo, cleared when it grows past this


class NerModel:
    """natasha's slovnet NER tagger, loaded once and reused for every document.

    ``threads`` caps the BLAS threads of the process (``threads.limit_threads``:
    default from ``NEWSEXTRACT_THREADS``, else 1).
    """

    def __init__(self, *, batch_size: int = BATCH_SIZE, threads: int | None = None) -> None:
        from natasha import NewsNERTagger

        limit_threads(threads)
        infer = NewsNERTagger(_news_embedding()).infer
        self._model = infer.model
        self._forward = _Forward(infer.model)
        self._encoder = infer.encoder
        self._transitions = infer.model.head.crf.transitions.array
        self._tags = [_parse_bio(tag) for tag in infer.decoder.tags_vocab.items]  # tag id -> (part, type)
        self.batch_size = batch_size
        self._ids: dict[str, tuple[int, int]] = {}

    def _encode(self, tokens: Sequence[Token]) -> tuple[list[int], list[int]]:
        """slovnet's word and shape ids of the tokens (``TagEncoder.item``), memoized per word."""
        ids = self._ids
        if len(ids) > _IDS_LIMIT:
            ids.clear()
        word_ids, shape_ids = [], []
        for tok in tokens:
            pair = ids.get(tok.text)
            if pair is None:
                word_id, shape_id = self._encoder.item([tok.text])
                pair = ids[tok.text] = (word_id[0], shape_id[0])
            word_ids.append(pair[0])
            shape_ids.append(pair[1])
        return word_ids, shape_ids

    def tag(self, pieces: Sequence[Sequence[Token]]) -> list[list[tuple[int, int, str]]]:
        """``(start, end, type)`` spans of each piece (a run of tokens), in the pieces' order."""
        out: list[list[tuple[int, int, str]]] = [[] for _ in pieces]
        order = sorted((i for i in range(len(pieces)) if pieces[i]), key=lambda i: len(pieces[i]))
        for first in range(0, len(order), self.batch_size):
            chunk = order[first:first + self.batch_size]
            batch = self._encoder.input([self._encode(pieces[i]) for i in chunk])
            pred = self._forward(batch.word_id, batch.shape_id, batch.pad_mask)
            for i, tag_ids in zip(chunk, _viterbi(pred, ~batch.pad_mask, self._transitions), strict=True):
                out[i] = _bio_spans(pieces[i], tag_ids, self._tags)
        return out


def _news_embedding():
    """natasha's news embedding, only what the NER tagger takes from it (its id and the
    quantized vectors). ``natasha.NewsEmbedding`` also builds a 250,000-word dictionary and
    similarity tables (~0.3 s of every process start) the tagger never reads."""
    from types import SimpleNamespace

    import numpy as np
    from natasha.data import NEWS_EMBEDDING
    from navec.meta import Meta
    from navec.navec import META, PQ_
    from navec.tar import Tar

    with Tar(NEWS_EMBEDDING) as tar:
        meta = Meta.from_file(tar.load(META))
        Meta.check_protocol(meta.protocol)
        file = tar.load(PQ_)  # navec.pq.PQ.from_file's layout, without its precompute()
        vectors, _, qdim, centroids = (int(n) for n in np.frombuffer(file.read(4 * 4), np.uint32))
        indexes = np.frombuffer(file.read(vectors * qdim), np.uint8).reshape(vectors, qdim)
        codes = np.frombuffer(file.read(), np.float32).reshape(qdim, centroids, -1)
    return SimpleNamespace(meta=meta, pq=SimpleNamespace(indexes=indexes, codes=codes))


def _viterbi(emissions, mask, transitions) -> list[list[int]]:
    """slovnet's ``CRF.decode`` (the best tag path of each sequence of the batch) with the
    same scores and ties: the best score is taken with ``max`` beside ``argmax`` (slovnet
    gathers it by index), the path read back from Python lists."""
    import numpy as np

    batch, length, tags = emissions.shape
    emissions, mask = emissions.swapaxes(1, 0), mask.swapaxes(1, 0)
    history = []
    score = emissions[0]  # batch x tags
    for index in range(1, length):
        step = score.reshape(batch, tags, 1) + transitions + emissions[index].reshape(batch, 1, tags)
        history.append(step.argmax(-2))
        score = np.where(mask[index].reshape(batch, 1), step.max(-2), score)
    sizes = (mask.sum(0) - 1).tolist()
    back = np.stack(history, axis=1).tolist() if history else [[] for _ in range(batch)]  # batch x steps x tags
    paths = []
    for row, best, size in zip(back, score.argmax(-1).tolist(), sizes, strict=True):
        path = [best]
        for indexes in reversed(row[:size]):
            best = indexes[best]
            path.append(best)
        path.reverse()
        paths.append(path)
    return paths


def _parse_bio(tag: str) -> tuple[str, Optional[str]]:
    """``B-PER`` -> ``("B", "PER")``, ``O`` -> ``("O", None)`` (as slovnet's ``parse_bio``)."""
    part, _, kind = tag.partition("-")
    return part, kind or None


def _bio_spans(tokens: Sequence[Token], tag_ids: list[int], table: list) -> list[tuple[int, int, str]]:
    """slovnet's ``bio_spans`` on tag ids: a span opens at B and runs over the I after it."""
    out: list[tuple[int, int, str]] = []
    previous = None
    start = stop = 0
    for tok, tag in zip(tokens, tag_ids, strict=True):
        part, kind = table[tag]
        if part == "O":
            if previous:
                out.append((start, stop, previous))
                previous = None
        elif part == "B":
            if previous:
                out.append((start, stop, previous))
            previous, start, stop = kind, tok.start, tok.end
        elif part == "I":
            stop = tok.end
    if previous:
        out.append((start, stop, previous))
    return out


class _Forward:
    """slovnet's NER network (embeddings, CNN encoder, projection) in fewer, larger matrix
    products: each convolution is one product of the (batch x length, channels) array
    with the kernel's offsets side by side, the offsets' outputs then added shifted (the
    padding contributes zeros, so it is left out). slovnet builds and copies a padded
    im2col array and swaps axes around every layer.

    The first layer's product is linear in the word's embedding and in its shape's, so a
    position's row is the word's row plus the shape's: it is computed the first time a
    (word, shape) pair is seen and kept for up to ``PAIR_ROWS`` pairs (then the memo
    starts again). A repeated word costs a lookup, not a 300-dimension embedding and a
    product. Same weights and operations in another summation order (emissions within
    1e-4 of slovnet's; records checked identical on the dev sets)."""

    PAIR_ROWS = 16_384  # first-layer rows kept (each 3 x 256 float32: 48 MB when full)

    def __init__(self, model) -> None:
        import numpy as np

        self._np = np
        self._emb, self._head = model.emb, model.head
        self._layers = []
        for layer in model.encoder.layers:
            weight = layer.conv.weight.array  # filters x channels x kernel
            filters, _, size = weight.shape
            side = np.ascontiguousarray(np.concatenate([weight[:, :, k].T for k in range(size)], axis=1))
            norm = layer.norm
            self._layers.append((side, size, filters, layer.conv.bias.array, layer.conv.padding,
                                 norm.mean.array, norm.std.array, norm.weight.array, norm.bias.array))
        first = self._layers[0][0]
        dim = self._emb.word.dim
        self._word_side = np.ascontiguousarray(first[:dim])
        self._shape_rows = self._emb.shape.weight.array @ first[dim:]  # shape id -> its row
        self._shapes = len(self._shape_rows)
        self._rows = np.empty((self.PAIR_ROWS, first.shape[1]), dtype=first.dtype)
        self._row_of: dict[int, int] = {}  # word id x shapes + shape id -> its row in self._rows

    def _pair_rows(self, word_id, shape_id):
        """The first layer's product at every position (batch x length x channels): the
        rows of new (word, shape) pairs computed and memoized."""
        np = self._np
        unique, inverse = np.unique(word_id * self._shapes + shape_id, return_inverse=True)
        inverse = inverse.reshape(word_id.shape)
        pairs = unique.tolist()
        if len(pairs) > self.PAIR_ROWS:  # more pairs than the memo holds: this batch alone
            return self._rows_of(unique)[inverse]
        row_of = self._row_of
        new = [p for p in pairs if p not in row_of]
        if len(row_of) + len(new) > self.PAIR_ROWS:
            row_of.clear()
            new = pairs
        if new:
            first = len(row_of)
            self._rows[first:first + len(new)] = self._rows_of(np.array(new))
            row_of.update(zip(new, range(first, first + len(new)), strict=True))
        return self._rows[np.array([row_of[p] for p in pairs])[inverse]]

    def _rows_of(self, pairs):
        words, shapes = self._np.divmod(pairs, self._shapes)
        return self._emb.word(words) @ self._word_side + self._shape_rows[shapes]

    def __call__(self, word_id, shape_id, pad_mask):
        np = self._np
        batch, length = word_id.shape
        x = None
        for n, (side, size, filters, bias, pad, mean, std, weight, shift) in enumerate(self._layers):
            if n == 0:
                full = self._pair_rows(word_id, shape_id)
            else:
                full = x.reshape(batch * length, -1) @ side
            full = full.reshape(batch, length, size, filters)
            out = np.zeros((batch, length, filters), dtype=side.dtype)
            for k in range(size):  # position t takes offset k's output at t + k - pad
                d = k - pad
                lo, hi = max(0, -d), min(length, length - d)
                out[:, lo:hi] += full[:, lo + d:hi + d, k, :]
            out += bias
            np.maximum(out, 0, out=out)  # ReLU
            out = (out - mean) / std * weight + shift  # batch norm (inference)
            out[pad_mask] = 0
            x = out
        return self._head(x)


def ner_pieces(doc: Doc) -> list[tuple[int, int]]:
    """Group sentences into pieces of at most CHUNK_CHARS (never across a line break).

    A piece is a ``(first, last)`` range of sentence indexes.
    """
    pieces: list[tuple[int, int]] = []
    first = start = end = None
    for k, sent in enumerate(doc.sents):
        if start is not None and (sent.end - start > CHUNK_CHARS or "\n" in doc.text[end:sent.start]):
            pieces.append((first, k))
            start = None
        if start is None:
            first, start = k, sent.start
        end = sent.end
    if start is not None:
        pieces.append((first, len(doc.sents)))
    return pieces


def _piece_tokens(doc: Doc) -> list[list[Token]]:
    return [doc.tokens[doc.sents[first].first:doc.sents[last - 1].last] for first, last in ner_pieces(doc)]


def tag_ner_many(docs: Sequence[Doc], model: NerModel) -> None:
    """Fill ``doc.ner`` of every doc, the pieces of all docs batched together by length."""
    runs = [_piece_tokens(doc) for doc in docs]
    found = model.tag([piece for pieces in runs for piece in pieces])
    k = 0
    for doc, pieces in zip(docs, runs, strict=True):
        doc.ner = [NerSpan(start, end, kind, doc.text[start:end])
                   for spans in found[k:k + len(pieces)] for start, end, kind in spans]
        k += len(pieces)


class NerSpans:
    """The ``ner`` layer: a document's NER spans, tagged piece by piece when asked for.

    Iterating (``for span in doc.ner``, ``len``, indexing) tags every piece not yet
    tagged, so it is the list ``tag_ner`` gives, in piece order. ``overlapping(start,
    end)`` tags only the pieces around that range: a stage that asks about a few
    spans (places, for ambiguous names) does not pay for the whole document. A
    piece's tags do not depend on the pieces it is batched with.
    """

    def __init__(self, doc: Doc, model: NerModel):
        self._doc = doc
        self._model = model
        ranges = ner_pieces(doc)
        self._tokens = _piece_tokens(doc)
        self._starts = [doc.sents[first].start for first, _ in ranges]
        self._ends = [doc.sents[last - 1].end for _, last in ranges]
        self._spans: list[Optional[list[NerSpan]]] = [None] * len(ranges)
        self._flat: Optional[list[NerSpan]] = None

    def _tag(self, indexes: list[int]) -> None:
        todo = [i for i in indexes if self._spans[i] is None]
        if not todo:
            return
        text = self._doc.text
        for i, spans in zip(todo, self._model.tag([self._tokens[i] for i in todo]), strict=True):
            self._spans[i] = [NerSpan(start, end, kind, text[start:end]) for start, end, kind in spans]

    def _all(self) -> list[NerSpan]:
        if self._flat is None:
            self._tag(list(range(len(self._spans))))
            self._flat = [span for spans in self._spans for span in spans]
        return self._flat

    def overlapping(self, start: int, end: int) -> list[NerSpan]:
        """Spans sharing a character with ``[start, end)`` (only those pieces are tagged)."""
        first = max(bisect.bisect_right(self._starts, start) - 1, 0)
        last = bisect.bisect_left(self._starts, end)
        indexes = [i for i in range(first, last) if self._ends[i] > start]
        self._tag(indexes)
        return [s for i in indexes for s in self._spans[i] if s.start < end and s.end > start]

    def __iter__(self) -> Iterator[NerSpan]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())

    def __getitem__(self, index):
        return self._all()[index]


def tag_ner(doc: Doc, model: NerModel, *, lazy: bool = False) -> None:
    """Fill ``doc.ner`` with slovnet spans over the doc's own tokens.

    ``lazy``: a ``NerSpans`` that tags a piece only when a stage asks about it
    (``doc.ner.overlapping``); the pipeline uses it when no selected stage reads
    every span (countries alone).
    """
    if lazy:
        doc.ner = NerSpans(doc, model)
    else:
        tag_ner_many([doc], model)
