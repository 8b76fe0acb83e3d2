"""nlp/ner.py: our forward pass and span reading give slovnet's own results."""

from __future__ import annotations

import numpy as np
import pytest

from newsextract.doc import Token
from newsextract.nlp import ner as ner_module
from newsextract.nlp.segment import tokenize

TEXTS = [
    "Губернатор Сахалинской области Валерий Лимаренко встретился с послом Казахстана в Москве.",
    "Министерство иностранных дел России и ООН подписали меморандум в Женеве.",
    "По словам Марии Захаровой, делегация прибудет в Баку в понедельник.",
]


def tokens_of(text: str) -> list[Token]:
    return [Token(s, e, w, i) for i, (s, e, w) in enumerate(tokenize(text))]


@pytest.fixture(scope="module")
def model(pipeline):
    return pipeline.ner


def test_forward_matches_slovnet(model):
    pieces = [tokens_of(t) for t in TEXTS]
    batch = model._encoder.input([model._encode(p) for p in pieces])
    ours = model._forward(batch.word_id, batch.shape_id, batch.pad_mask)
    theirs = model._model(batch.word_id, batch.shape_id, batch.pad_mask)
    mask = ~batch.pad_mask
    assert np.abs(ours - theirs)[mask].max() < 1e-3
    crf = model._model.head.crf
    for a, b in zip(crf.decode(ours, mask), crf.decode(theirs, mask), strict=True):
        assert a.tolist() == b.tolist()


@pytest.mark.parametrize("capacity", [1, 12, 40, 10_000])
def test_first_layer_rows_do_not_depend_on_the_memo(model, capacity):
    """A word's first-layer row is the same (to float rounding, and the same tags) whether it
    was memoized, computed with other words, after the memo started again, or without it
    (more words than it holds)."""
    pieces = [tokens_of(t) for t in TEXTS]
    batch = model._encoder.input([model._encode(p) for p in pieces])
    warm = model._forward(batch.word_id, batch.shape_id, batch.pad_mask)
    fresh = ner_module._Forward(model._model)
    fresh.PAIR_ROWS = capacity
    fresh._rows = np.empty((capacity, fresh._rows.shape[1]), dtype=fresh._rows.dtype)
    singles = [model._encoder.input([model._encode(p)]) for p in pieces]
    for _ in range(2):
        for k, one in enumerate(singles):
            got = fresh(one.word_id, one.shape_id, one.pad_mask)
            assert np.abs(got[0] - warm[k, :len(pieces[k])]).max() < 1e-4  # float rounding only
        got = fresh(batch.word_id, batch.shape_id, batch.pad_mask)
        assert np.abs(got - warm).max() < 1e-4
        crf, mask = model._model.head.crf, ~batch.pad_mask
        assert [t.tolist() for t in crf.decode(got, mask)] == [t.tolist() for t in crf.decode(warm, mask)]


def test_spans_match_slovnet_bio_spans(model):
    from slovnet.bio import bio_spans

    class Bounds:
        def __init__(self, tok):
            self.start, self.stop = tok.start, tok.end

    vocab = ["<pad>", "O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG"]
    table = [ner_module._parse_bio(t) for t in vocab]
    toks = tokens_of("а б в г д е ж з")
    for ids in ([1, 2, 3, 1, 4, 5, 5, 1], [3, 3, 2, 2, 6, 7, 3, 1], [2, 4, 6, 1, 1, 7, 2, 3], [0, 1, 2, 0, 3, 1, 4, 4]):
        theirs = [(s.start, s.stop, s.type) for s in bio_spans([Bounds(t) for t in toks], [vocab[i] for i in ids])]
        assert ner_module._bio_spans(toks, ids, table) == theirs


@pytest.mark.parametrize("text, expected", [
    ("Валерий Лимаренко приехал в Москву.", {("Валерий Лимаренко", "PER"), ("Москву", "LOC")}),
])
def test_tag_finds_entities(model, text, expected):
    toks = tokens_of(text)
    [spans] = model.tag([toks])
    assert {(text[s:e], kind) for s, e, kind in spans} == expected


def test_news_embedding_is_natashas():
    """The light loader reads the same id and quantized vectors as ``natasha.NewsEmbedding``."""
    from natasha import NewsEmbedding

    theirs, ours = NewsEmbedding(), ner_module._news_embedding()
    assert ours.meta.id == theirs.meta.id
    assert np.array_equal(ours.pq.indexes, theirs.pq.indexes)
    assert np.array_equal(ours.pq.codes, theirs.pq.codes)


def test_viterbi_is_slovnets_decode(model):
    """Our path reading gives slovnet's CRF.decode, also on random scores with ties and padding."""
    crf = model._model.head.crf
    rng = np.random.default_rng(7)
    for batch, length in ((1, 1), (3, 5), (8, 40)):
        emissions = rng.integers(-3, 3, size=(batch, length, 8)).astype(np.float32)  # many ties
        mask = np.arange(length)[None, :] < rng.integers(1, length + 1, size=(batch, 1))
        theirs = [t.tolist() for t in crf.decode(emissions, mask)]
        assert ner_module._viterbi(emissions, mask, crf.transitions.array) == theirs
