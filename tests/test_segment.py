"""nlp/segment.py: our tokenizer gives exactly razdel's tokens; sentences end at line breaks."""

from __future__ import annotations

import pytest
import razdel
from hypothesis import given, settings
from hypothesis import strategies as st

from newsextract.nlp.segment import split_sentences, tokenize


def razdel_tokens(text: str) -> list[tuple[int, int, str]]:
    return [(t.start, t.stop, t.text) for t in razdel.tokenize(text)]


@pytest.mark.parametrize("text", [
    "Губернатор Сахалинской области встретился с послом.",
    "В 2024-2025 годах рост составил 3,5% (против 2.1%).",
    "кто-то что-нибудь -то по-русски во-первых",
    "а -б в- г",
    "Счёт 1/2, дробь 3\\4, число 10,5 и 7.",
    "Что?! Нет... Да!!! :-) ;) =((( --- ***",
    "«Ёлки» „палки“ 'кавычки' \"прямые\"",
    "Δσ mβж ΔP",
    "Yahoo! и yahoo !",
    "snake_case, a_b _c d_",
    "ул. Ленина, д. 5, т.е. и т.д.",
    "",
    "   ",
    "e-mail: press@region.ru; сайт https://example.ru/news/2024/05/01",
])
def test_tokens_are_razdels(text):
    assert tokenize(text) == razdel_tokens(text)


ALPHABET = list("аБвяЁaZ09.,/\\_-–—‑−…?!:;=()[]{}«»\"'*€%$#@Δσ \t") + ["yahoo", "Yahoo", "ООН", "2024"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(ALPHABET), max_size=20).map("".join))
def test_tokens_are_razdels_fuzzed(text):
    assert tokenize(text) == razdel_tokens(text)


@pytest.mark.parametrize("text, expected", [
    ("Первое предложение. Второе.", ["Первое предложение.", "Второе."]),
    ("Заголовок без точки\nТекст новости.", ["Заголовок без точки", "Текст новости."]),
])
def test_sentences_end_at_line_breaks(text, expected):
    got = [(off, s) for off, s in split_sentences(text)]
    assert [s for _, s in got] == expected
    assert all(text[off:off + len(s)] == s for off, s in got)
