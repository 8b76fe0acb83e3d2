"""Organizations: normal forms, abbreviations, known organizations, countries."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def pipe():
    from newsextract.pipeline import Pipeline

    return Pipeline()


def _orgs(pipe, text):
    return {o.name: o for o in pipe(text).organizations}


CASES = [
    ("Письмо направлено в адрес Министерства экономического развития (Минэкономразвития).",
     "Министерство экономического развития", "Минэкономразвития"),
    ("Доклад представили на площадке ООН в Женеве.", "Организация Объединенных Наций", "ООН"),
    ("Об этом сообщили в пресс-службе минэкологии Камчатского края.",
     "Министерство экологии Камчатского края", "Минэкологии Камчатского края"),
    ("Позицию МИД России озвучил официальный представитель ведомства.",
     "Министерство иностранных дел России", "МИД России"),
]


@pytest.mark.parametrize("text,name,abbr", CASES)
def test_org_names(pipe, text, name, abbr):
    orgs = _orgs(pipe, text)
    assert name in orgs, orgs.keys()
    assert orgs[name].abbreviation == abbr


def test_mentions_merged_by_abbreviation(pipe):
    text = ("Всемирная организация здравоохранения выпустила доклад. Эксперты ВОЗ считают, "
            "что ВОЗ должна расширить программу.")
    orgs = _orgs(pipe, text)
    assert len(orgs["Всемирная организация здравоохранения"].mentions) == 3


def test_country_of_known(pipe):
    orgs = _orgs(pipe, "Роснедра выдали лицензию на участок.")
    assert orgs["Федеральное агентство по недропользованию"].country == "RU"
