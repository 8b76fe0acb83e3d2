"""Fuzzing the reader and the pipeline: no exception escapes, offsets always hold.

Random Russian text with lone surrogates, control characters, odd whitespace
runs and broken bytes goes through ``read_bytes`` (as txt, JSON and JSONL) and
the whole pipeline; every outcome is either a failure entry or a record whose
spans point into its text and whose line encodes as strict UTF-8.
"""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsextract.batch import encode_line
from newsextract.errors import StageError
from newsextract.reader import Failure, Item, decode_counted, read_bytes
from newsextract.records import iter_spans

WORDS = ["Губернатор", "Приморского", "края", "встретился", "с", "послом", "Вьетнама", "в", "Москве",
         "15", "мая", "2025", "года", ".", ",", "«", "»", "—", "заявил", "Иван", "Петров", "МИД",
         "России", "соглашение", "\n", "\n\n", "сообщает", "пресс-служба", "\t", " "]
ODD = ["\ud800", "\udfff", "\x00", "\x07", "\x1b", "\u200b", "\ufeff", "\u2028", "\r", "\r\n", "\ufffd",
       " " * 50, "\n" * 40, "😀", "ё"]
pieces = st.sampled_from(WORDS) | st.sampled_from(ODD) | st.text(max_size=4)
texts = st.lists(pieces, min_size=1, max_size=60).map(" ".join)
FUZZ = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _check(pipeline, reads) -> None:
    for read in reads:
        if isinstance(read, Failure):
            assert read.error and read.message
            continue
        assert isinstance(read, Item)
        try:
            outcome = pipeline.process(read)
        except StageError:
            continue  # an error line, the batch goes on
        for span in iter_spans(outcome):
            assert outcome.text[span.start:span.end] == span.text
        encode_line(outcome.model_dump(mode="json"))  # strict UTF-8, one line


@FUZZ
@given(texts)
def test_json_items_never_escape(pipeline, text):
    as_json = json.dumps({"id": text[:10], "title": text[:20], "text": text})  # surrogates as \ud800
    _check(pipeline, read_bytes(as_json.encode("ascii"), "x.json", "x.json", "json"))
    _check(pipeline, read_bytes((as_json + "\n{broken\n").encode("ascii"), "x.jsonl", "x.jsonl", "jsonl"))


@FUZZ
@given(texts)
def test_text_files_never_escape(pipeline, text):
    raw = text.encode("utf-8", "surrogatepass")  # lone surrogates become invalid UTF-8 bytes
    _check(pipeline, read_bytes(raw, "x.txt", "x.txt", "txt"))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_decode_any_bytes(raw):
    from newsextract.errors import ReadError

    try:
        text, encoding, errors = decode_counted(raw)
    except ReadError:
        return
    assert isinstance(text, str) and errors >= 0
