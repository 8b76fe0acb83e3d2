"""Scorers on tiny hand-made cases: perfect is 1.0, empty is 0.0, a known half."""

from __future__ import annotations

import pytest

from newsextract.evaluation import match
from newsextract.evaluation.metrics import (
    Score,
    accuracy,
    exact_span_match,
    greedy_match,
    multiset_match,
    overlap_span_match,
    set_match,
    token_match,
)
from newsextract.evaluation.normalize import head_word, last_name, norm, same_word

GOLD_SPANS = [(0, 5, "Перов"), (10, 16, "Москва"), (20, 27, "Казань!")]


def f1_of(m) -> float:
    s = Score()
    s.add(m)
    return s.f1


@pytest.mark.parametrize("matcher", [exact_span_match, overlap_span_match])
@pytest.mark.parametrize("pred, expected", [
    (GOLD_SPANS, 1.0),
    ([], 0.0),
    ([(0, 5, "Перов"), (30, 35, "лишнее")], 0.4),  # P 1/2, R 1/3
])
def test_span_matchers(matcher, pred, expected):
    assert f1_of(matcher(GOLD_SPANS, pred)) == pytest.approx(expected)


def test_overlap_is_looser_than_exact():
    pred = [(0, 4, "Перо"), (11, 16, "осква")]
    assert exact_span_match(GOLD_SPANS, pred).tp == 0
    assert overlap_span_match(GOLD_SPANS, pred).tp == 2


def test_overlap_is_one_to_one():
    m = overlap_span_match([(0, 10, "x" * 10)], [(0, 3, "xxx"), (5, 8, "xxx")])
    assert (m.tp, m.fp, m.fn) == (1, 1, 0)


@pytest.mark.parametrize("gold, pred, expected", [
    ({"RU", "KZ"}, {"RU", "KZ"}, 1.0),
    ({"RU", "KZ"}, set(), 0.0),
    ({"RU", "KZ"}, {"RU", "CN"}, 0.5),
])
def test_set_match(gold, pred, expected):
    assert f1_of(set_match(gold, pred)) == pytest.approx(expected)


def test_multiset_counts_repeats():
    m = multiset_match(["россии", "россии", "китая"], ["россии", "китая", "китая"])
    assert (m.tp, m.fp, m.fn) == (2, 1, 1)


def test_empty_score_is_zero_not_error():
    assert Score().f1 == 0.0 and Score().precision == 0.0 and Score().recall == 0.0


def test_score_fields():
    s = Score(tp=3, fp=1, fn=3)
    assert (s.precision, s.recall, s.support) == (0.75, 0.5, 6)
    assert s.f1 == pytest.approx(0.6)
    assert s.as_dict()["f1"] == 0.6


def test_accuracy_counts_wrong_pairs_as_both_errors():
    m = accuracy([(1, 1), (2, 3), (4, None)], lambda a, b: a == b)
    assert (m.tp, m.fp, m.fn) == (1, 1, 2)


TOKENS = [(0, 4, "Иван"), (5, 11, "Петров"), (12, 18, "прибыл"), (19, 20, "в"), (21, 27, "Казань")]


@pytest.mark.parametrize("pred, expected", [
    ([(0, 11), (21, 27)], 1.0),
    ([], 0.0),
    ([(5, 11), (12, 18)], 0.4),  # 1 of 3 gold tokens, 1 of 2 predicted: P 1/2, R 1/3
])
def test_token_match(pred, expected):
    gold = [(0, 11), (21, 27)]
    assert f1_of(token_match(TOKENS, gold, pred)) == pytest.approx(expected)


def test_token_match_counts_partial_tokens_out():
    assert token_match(TOKENS, [(0, 11)], [(0, 8)]).tp == 1  # "Петров" is not inside 0..8


@pytest.mark.parametrize("a, b, same", [
    ("мэра", "мэр", True),
    ("Лужкова", "Лужков", True),
    ("Обамы", "Обама", True),
    ("губернатора", "губернатор", True),
    ("посла", "посол", True),
    ("президент", "премьер", False),
    ("Ёлкин", "елкин", True),
    ("RU", "RU", True),
    ("RU", "RO", False),
    ("", "мэр", False),
])
def test_same_word(a, b, same):
    assert same_word(a, b) is same


def test_normalizers():
    assert norm("  Ёжиков —  «Глава» ") == 'ежиков - "глава"'
    assert head_word("вице-министр экологии") == "вице-министр"
    assert last_name("Анна Сергеевна Котова") == "котова"
    assert last_name("Анна Котова", last="Котова") == "котова"


@pytest.mark.parametrize("pred, expected", [
    ([("лужков", "мэр москвы"), ("громов", "губернатор")], 1.0),
    ([], 0.0),
    ([("лужков", "мэр москвы"), ("громов", "министр")], 0.5),
])
def test_person_title_pairs(pred, expected):
    gold = [("Лужкова", "мэра"), ("Громов", "губернатора Подмосковья")]
    assert f1_of(match.person_title_pairs(gold, pred)) == pytest.approx(expected)


@pytest.mark.parametrize("gold, pred, same", [
    (("Министерство финансов", None), ("министерство финансов", None), True),
    (("Министерство иностранных дел", "МИД"), ("МИД", None), True),
    (("Министерство финансов", None), ("финансов министерство", None), True),
    (("Министерство финансов", None), ("Министерство культуры", None), False),
])
def test_same_org(gold, pred, same):
    assert match.same_org(gold, pred) is same


def test_mentions_without_offsets_match_by_text():
    gold = [(None, None, "России"), (None, None, "России"), (None, None, "Китая")]
    pred = [(3, 9, "России"), (20, 25, "Китая"), (40, 45, "Индии")]
    m = match.mentions(gold, pred, offsets=False)
    assert (m.tp, m.fp, m.fn) == (2, 1, 1)


def test_mentions_without_offsets_overlap_by_containment():
    gold = [(None, None, "Мы готовы к диалогу")]
    pred = [(0, 25, "«Мы готовы к диалогу»,")]
    assert match.mentions(gold, pred, offsets=False, overlap=True).tp == 1


def test_greedy_match_reports_errors():
    m = greedy_match([1, 2, 3], [2, 4], lambda a, b: a == b)
    assert m.tp == 1 and m.missed == [1, 3] and m.false == [4] and m.pairs == [(2, 2)]
