"""The Doc's lookups: tokens by offset, ignored zones, the span index."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from newsextract.doc import SpanIndex

from .conftest import make_doc


@dataclass
class S:
    start: int
    end: int


ITEMS = [S(0, 5), S(3, 10), S(12, 14), S(20, 40)]


@pytest.mark.parametrize("method,args,expected", [
    ("within", (0, 10), [(0, 5), (3, 10)]),
    ("within", (11, 41), [(12, 14), (20, 40)]),
    ("overlapping", (9, 13), [(3, 10), (12, 14)]),
    ("overlapping", (30, 31), [(20, 40)]),
    ("covering", (4,), [(0, 5), (3, 10)]),
    ("covering", (11,), []),
])
def test_span_index(method, args, expected):
    found = getattr(SpanIndex(ITEMS), method)(*args)
    assert [(s.start, s.end) for s in found] == expected


def test_token_and_sentence_lookup():
    doc = make_doc("Заголовок\n\nГубернатор встретился с послом. Стороны подписали соглашение.")
    tok = doc.token_at(doc.text.index("послом") + 2)
    assert tok.text == "послом" and tok.lemma == "посол"
    assert doc.sent_of(doc.text.index("Стороны")).text == "Стороны подписали соглашение."
    assert [t.text for t in doc.tokens_in(0, 9)] == ["Заголовок"]


@pytest.mark.parametrize("text", [
    "Губернатор встретился с послом. Стороны подписали соглашение.",
    "«Роснефть» и ПАО «Газпром» — 5,6 млрд руб. (т.е. 12%)",
    "а",
])
def test_tokens_in_every_range(text):
    """Every range gives exactly the tokens lying inside it (against a plain scan)."""
    doc = make_doc(text)
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 2):
            expected = [t for t in doc.tokens if start <= t.start and t.end <= end]
            assert doc.tokens_in(start, end) == expected, (start, end)


def test_ner_lookups_are_the_plain_scan():
    """``ner_overlapping``/``ner_covering`` give the spans a scan of ``doc.ner`` gives, in order,
    and follow a new ``doc.ner`` list."""
    from newsextract.doc import NerSpan

    doc = make_doc("Губернатор Сахалинской области Валерий Лимаренко встретился с послом Казахстана.")
    spans = [NerSpan(0, 10, "PER", ""), NerSpan(11, 30, "LOC", ""), NerSpan(31, 48, "PER", ""), NerSpan(70, 80, "LOC", "")]
    for ner in (spans, spans[1:3]):
        doc.ner = ner
        for start in range(0, 85, 3):
            for end in range(start, 90, 7):
                assert doc.ner_overlapping(start, end) == [s for s in ner if s.start < end and start < s.end]
            assert doc.ner_covering(start) == [s for s in ner if s.start <= start < s.end]
