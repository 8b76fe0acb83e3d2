"""Position phrases around names: before, after, chained, participial; title normal forms."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def pipe():
    from newsextract.pipeline import Pipeline

    return Pipeline()


CASES = [
    # (text, person full name, expected titles)
    ("Министр экономики Андрей Кравцов провел совещание.", "Андрей Кравцов", ["министр экономики"]),
    ("Совещание провел Андрей Кравцов, заместитель губернатора по экономике.", "Андрей Кравцов",
     ["заместитель губернатора по экономике"]),
    ("«Работа продолжится», — подчеркнул глава городской делегации, вице-мэр Игорь Соколов.",
     "Игорь Соколов", ["глава городской делегации", "вице-мэр"]),
    ("Встреча прошла с делегацией Вьетнама, возглавляемой министром Нгуеном Ваном Тханем.",
     None, ["министр"]),
    ("С докладом выступил первого заместителя министра финансов Ольга Белова.", "Ольга Белова",
     ["первый заместитель министра финансов"]),
]


@pytest.mark.parametrize("text,person,titles", CASES)
def test_titles(pipe, text, person, titles):
    rec = pipe(text)
    persons = {p.full_name: p for p in rec.persons}
    if person is None:
        got = [q.title for p in rec.persons for q in p.positions]
    else:
        assert person in persons
        got = [q.title for q in persons[person].positions]
    assert got == titles


def test_country_from_phrase_and_lead(pipe):
    rec = pipe("Вице-министр энергетики РК Арман Жумабаев и делегация Малайзии, возглавляемая "
               "министром Ахмадом Заки, обсудили сотрудничество.")
    countries = {p.name.last: [q.country for q in p.positions] for p in rec.persons}
    assert countries.get("Жумабаев") == ["KZ"]
    assert countries.get("Заки") == ["MY"]


def test_minister_organization(pipe):
    rec = pipe("Министр экологии и природных ресурсов Игорь Волков посетил остров.")
    (person,) = rec.persons
    assert person.positions[0].organization == "Министерство экологии и природных ресурсов"
