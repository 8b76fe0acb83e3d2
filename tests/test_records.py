"""Record validators, and the offset invariant over random texts (hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from newsextract.records import Country, DateMention, Location, NewsRecord, iter_spans

WORDS = ["Казахстан", "Сахалинской", "области", "губернатор", "Иван", "Петров", "22", "ноября",
         "2025", "года", "—", "«", "»", ",", ".", "встретился", "с", "делегацией", "РК", "\n",
         "\r\n", "(16+)", "Фото:", "COP29", "малайзийцы", "министр", "Ник", "бин", "ёлка", " "]


def test_offsets_must_match_text():
    with pytest.raises(ValidationError):
        NewsRecord(doc_id="x", text="абв", dates=[DateMention(start=0, end=2, text="бв")])


@pytest.mark.parametrize("model,kwargs", [
    (Country, dict(iso2="kz", iso3="KAZ", name="Казахстан")),
    (Country, dict(iso2="KZ", iso3="KZ", name="Казахстан")),
    (Location, dict(name="Сахалинская область", code="SAK")),
    (DateMention, dict(start=0, end=1, text="x", value="22.11.2024")),
    (NewsRecord, dict(doc_id="x", text="", published="2024-1-2")),
])
def test_validators_reject(model, kwargs):
    with pytest.raises(ValidationError):
        model(**kwargs)


def test_unreadable_characters_do_not_break_morphology(pipeline):
    record = pipeline("Министр \U00017000 Казахстана встретился \x00 с коллегами \ufffd.")
    assert [c.iso2 for c in record.countries] == ["KZ"]


def test_empty_record_has_every_list():
    data = NewsRecord(doc_id="x", text="").model_dump(mode="json")
    for name in ("countries", "locations", "persons", "organizations", "dates", "topics", "events", "quotes"):
        assert data[name] == []
    assert data["title"] is None and data["published"] is None


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS) | st.text(max_size=6), min_size=1, max_size=80))
def test_offsets_hold_on_random_text(pipeline, words):
    text = " ".join(words)
    record = pipeline(text)
    for span in iter_spans(record):
        assert record.text[span.start:span.end] == span.text
