"""Persons: name normalization (no NER), merging, and the pipeline on own sentences."""

from __future__ import annotations

import os

import pytest

from newsextract.persons.merge import merge
from newsextract.persons.names import Hint, normalize

from .conftest import SEEDS as SEED_DIR

NAMES = [
    ("Вячеславом Аленьковым", "Вячеслав Аленьков", ("Вячеслав", None, "Аленьков")),
    ("Вячеслава Аленькова", "Вячеслав Аленьков", ("Вячеслав", None, "Аленьков")),
    ("Марии Ивановой", "Мария Иванова", ("Мария", None, "Иванова")),
    ("Анной Кузнецовой", "Анна Кузнецова", ("Анна", None, "Кузнецова")),
    ("Ник Назами бин Ник Ахмадом", "Ник Назами бин Ник Ахмад", ("Ник Назами", None, "бин Ник Ахмад")),
    # an Arabic father's name before the family article is the middle name
    ("Мухаммедом бен Заедом аль Нахайяном", "Мухаммед бен Заед аль Нахайян", ("Мухаммед", "бен Заед", "аль Нахайян")),
    ("Халид ибн Саид аль-Касими", "Халид ибн Саид аль-Касими", ("Халид", "ибн Саид", "аль-Касими")),
    ("Пан Ги Мун", "Пан Ги Мун", (None, None, None)),
    ("Урсулы фон дер Ляйен", "Урсула фон дер Ляйен", ("Урсула", None, "фон дер Ляйен")),
    ("Юрия Михайловича Лужкова", "Юрий Михайлович Лужков", ("Юрий", "Михайлович", "Лужков")),
    ("Сергею Шойгу", "Сергей Шойгу", ("Сергей", None, "Шойгу")),
    ("Жозепом Боррелем", "Жозеп Боррель", ("Жозеп", None, "Боррель")),
    ("Ангелы Меркель", "Ангела Меркель", ("Ангела", None, "Меркель")),
    ("ИВАНА ПЕТРОВА", "Иван Петров", ("Иван", None, "Петров")),
    ("В.В.Путина", "В. В. Путин", ("В.", "В.", "Путин")),
    ("Дональда Трампа", "Дональд Трамп", ("Дональд", None, "Трамп")),
    ("Габриэлой Гарсиа", "Габриэла Гарсиа", ("Габриэла", None, "Гарсиа")),
    # one case for all parts: a nominative first name keeps a surname that only looks oblique
    ("Гэвин Ньюсом", "Гэвин Ньюсом", ("Гэвин", None, "Ньюсом")),
    ("Трэвис Холсом", "Трэвис Холсом", ("Трэвис", None, "Холсом")),
    ("Трэвисом Холсомом", "Трэвис Холсом", ("Трэвис", None, "Холсом")),
    ("Ахмеда Мосейлхи", "Ахмед Мосейлхи", ("Ахмед", None, "Мосейлхи")),
    ("Эмира Драгулицу", "Эмир Драгулица", ("Эмир", None, "Драгулица")),
    # unknown foreign names in -е/-и/-о or a vowel and -у do not decline
    ("Мосейлхи", "Мосейлхи", (None, None, None)),
    ("Бейонсе", "Бейонсе", (None, None, None)),
    ("Бамбалхи", "Бамбалхи", (None, None, None)),
    ("Анри Мбеке", "Анри Мбеке", ("Анри", None, "Мбеке")),
    ("Кваме Одуйе", "Кваме Одуйе", ("Кваме", None, "Одуйе")),
    ("Мейсон Фэрроу", "Мейсон Фэрроу", ("Мейсон", None, "Фэрроу")),
    # ... but known and consonant-stem ones still do
    ("Байдену", "Байден", (None, None, None)),
    ("Аленькове", "Аленьков", (None, None, None)),
    # foreign surnames of the -а declension in an oblique case
    ("Радживом Тхапой", "Раджив Тхапа", ("Раджив", None, "Тхапа")),
    ("Хосе Гарсии", "Хосе Гарсия", ("Хосе", None, "Гарсия")),
    ("Раджива Тхапы", "Раджив Тхапа", ("Раджив", None, "Тхапа")),
    ("Обамы", "Обама", (None, None, None)),
    ("Барак Обамы", "Барак Обама", ("Барак", None, "Обама")),
    # gender from the first name
    ("Алишером Каримовым", "Алишер Каримов", ("Алишер", None, "Каримов")),
    ("Аксары Кердпол", "Аксара Кердпол", ("Аксара", None, "Кердпол")),
    # final vowels of foreign names in the nominative stay
    ("Ямамура", "Ямамура", (None, None, None)),
    ("Виджесекара", "Виджесекара", (None, None, None)),
    ("Тэсфайе", "Тэсфайе", (None, None, None)),
    ("Хорхе Ларрионда", "Хорхе Ларрионда", ("Хорхе", None, "Ларрионда")),
    ("Сэйдзи Маэхара", "Сэйдзи Маэхара", ("Сэйдзи", None, "Маэхара")),
    ("Сэйдзи Маэхары", "Сэйдзи Маэхара", ("Сэйдзи", None, "Маэхара")),
    # adjectival surnames
    ("Юрию Долгорукому", "Юрий Долгорукий", ("Юрий", None, "Долгорукий")),
    # East Asian order, also in an oblique case
    ("Пак Сон Мин", "Пак Сон Мин", ("Сон Мин", None, "Пак")),
    ("Пака Сон Мина", "Пак Сон Мин", ("Сон Мин", None, "Пак")),
    ("Нгуен Тхи Ханг", "Нгуен Тхи Ханг", ("Тхи Ханг", None, "Нгуен")),
    ("Си Цзиньпином", "Си Цзиньпин", ("Цзиньпин", None, "Си")),
    ("Ван Ицзюнь", "Ван Ицзюнь", ("Ицзюнь", None, "Ван")),
    # compound names kept whole
    ("Мохаммед аль-Хашими", "Мохаммед аль-Хашими", ("Мохаммед", None, "аль-Хашими")),
    ("Хосе Луис Перес Гарсия", "Хосе Луис Перес Гарсия", ("Хосе Луис", None, "Перес Гарсия")),
    ("Хуан Карлос Вальдес", "Хуан Карлос Вальдес", (None, None, None)),  # Хуан is no family name here
    ("ибн Халдуном", "ибн Халдун", (None, None, "ибн Халдун")),
]


HINTED = [
    # the context decides what the name alone cannot
    ("фон Штайнера", Hint(cases=frozenset({"gent"})), "фон Штайнер"),
    ("Хорхе Ларрионда", Hint(cases=frozenset({"gent", "accs"})), "Хорхе Ларрионд"),
    ("Валентина Коновалова", Hint(gender="masc"), "Валентин Коновалов"),
    ("Валентина Коновалова", Hint(gender="femn"), "Валентина Коновалова"),
]


@pytest.mark.parametrize("text,hint,full", HINTED)
def test_normalize_with_context(text, hint, full):
    assert normalize(text, hint).full == full


@pytest.mark.parametrize("text,full,parts", NAMES)
def test_normalize(text, full, parts):
    n = normalize(text)
    assert n.full == full
    if parts != (None, None, None):
        assert (n.first, n.middle, n.last) == parts


def test_family_stays_plural():
    assert normalize("Ивановы").plural


MERGES = [
    (["Вячеслав Аленьков", "Аленьков", "В. Аленьков", "Вячеслава Аленькова"], 1),
    (["Иван Петров", "Мария Петрова"], 2),
    (["Иван Петров", "А. Петров"], 2),
    (["Иван Петров", "Петрова"], 1),
    (["Мария Захарова", "Захаровой", "Захарова"], 1),
    (["Олег Смирнов", "Ольга Смирнова", "Смирнов"], 2),
    (["Трэвис Холсом", "Холсом"], 1),  # a lone word read as a first name (Холс) still joins
    (["Гаррета Рейсмана", "Рейсман", "Рейсманом"], 1),  # another reading of the full name
    (["Пётр Сомов", "Анна Сомова", "Сомова", "П. Сомов"], 2),  # a father and his daughter
    (["Иван Лукин", "Игорь Лукин"], 2),
    (["Хосе Луис Перес Гарсия", "Гарсия"], 1),
]


@pytest.mark.parametrize("mentions,n_persons", MERGES)
def test_merge(mentions, n_persons):
    names = [normalize(m) for m in mentions]
    groups = merge(names, list(range(len(names))))
    assert len(groups) == n_persons


@pytest.fixture(scope="module")
def pipe():
    from newsextract.pipeline import Pipeline

    return Pipeline()


def _persons(pipe, text):
    return {p.full_name: p for p in pipe(text).persons}


PIPELINE_CASES = [
    ("Награды вручили Ивану Петрову и Хорхе Ларрионде.", {"Иван Петров", "Хорхе Ларрионда"}),
    ("Встреча Ивана Петрова и Хорхе Ларрионда прошла в мэрии.", {"Иван Петров", "Хорхе Ларрионд"}),
    ("Соглашение подписали с японским послом Сэйдзи Маэхарой.", {"Сэйдзи Маэхара"}),
    ("По словам Тэсфайе, рабочая группа соберётся в мае. Мелаку Тэсфайе возглавляет посольство.",
     {"Мелаку Тэсфайе"}),
    ("Министр провёл переговоры с послом Непала Радживом Тхапой.", {"Раджив Тхапа"}),
    ("Вице-премьер Алишер Каримов прибыл в Казань. Переговоры с Алишером Каримовым прошли в мэрии.",
     {"Алишер Каримов"}),
    ("Генконсул Пак Сон Мин посетил завод. Встреча с Пак Сон Мином прошла в мэрии.", {"Пак Сон Мин"}),
    ("В церемонии участвовал посол Испании Хосе Луис Перес Гарсия.", {"Хосе Луис Перес Гарсия"}),
    ("Японский инженер Кэндзи Ямамура рассказал о проекте.", {"Кэндзи Ямамура"}),
    ("Журналист Анна Светлова (Anna Svetlova) задала вопрос.", {"Анна Светлова"}),
    ("Директор Пётр Сомов пришёл с дочерью Анной Сомовой. Сомова рассказала о школе.",
     {"Пётр Сомов", "Анна Сомова"}),
    ("Ректор Елена Викторовна Жукова открыла форум. — Елена Викторовна, как прошёл год?",
     {"Елена Викторовна Жукова"}),
    ("Вчера губернатор области Олег Смирнов открыл мост. Смирнов отметил важность проекта, "
     "а О. Смирнов-младший промолчал.", {"Олег Смирнов"}),
    ("Соглашение подписали с Еленой Морозовой и Павлом Лебедевым.", {"Елена Морозова", "Павел Лебедев"}),
    ("Переговоры с Ник Назами бин Ник Ахмадом прошли в Баку.", {"Ник Назами бин Ник Ахмад"}),
]


@pytest.mark.parametrize("text,expected", PIPELINE_CASES)
def test_pipeline_persons(pipe, text, expected):
    assert expected <= set(_persons(pipe, text))


JUNK = [
    # a town after a preposition, an abbreviation, a title word, a button label
    ("Делегация побывала в Шуе и Кинешме, где её встретил мэр Олег Рябов.", {"Олег Рябов"}),
    ("Минстрой РТ сообщил, что глава ведомства Марат Хайруллин посетил стройку.", {"Марат Хайруллин"}),
    ("Делегация во главе с Губернатором прибыла в Харбин. Губернатор Игорь Зотов провёл встречу.",
     {"Игорь Зотов"}),
    ("Поделиться Лайкнуть Отправить. Директор Лев Орлов открыл выставку.", {"Лев Орлов"}),
    ("Компания «Сибирь» открыла завод. Как сообщили в Сибири, директор Пётр Ким доволен.", {"Пётр Ким"}),
]


@pytest.mark.parametrize("text,expected", JUNK)
def test_no_junk_persons(pipe, text, expected):
    assert set(_persons(pipe, text)) == expected


def test_lone_surname_joins_full_name(pipe):
    assert set(_persons(pipe, "Губернатор штата Трэвис Холсом подписал закон. Холсом назвал его важным.")) \
        == {"Трэвис Холсом"}


def test_offsets_match_text(pipe):
    text = "Министр финансов Антон Гаврилов, выступая в Москве, сказал, что Гаврилова поддержали коллеги."
    rec = pipe(text)
    for p in rec.persons:
        for m in p.mentions:
            assert text[m.start:m.end] == m.text
        for q in p.positions:
            assert text[q.start:q.end] == q.text


SEEDS = sorted(str(p) for p in SEED_DIR.glob("*.txt"))  # ../shared/seeds relative to the project


@pytest.mark.skipif(not SEEDS, reason="sample press release absent")
def test_sample_press_release(pipe):
    text = open(SEEDS[0], encoding="utf-8").read()
    persons = {p.full_name: p for p in pipe(text).persons}
    assert set(persons) == {"Вячеслав Аленьков", "Мансур Ошурбаев", "Ник Назами бин Ник Ахмад"}
    alen = persons["Вячеслав Аленьков"]
    titles = [q.title for q in alen.positions]
    assert "глава официальной делегации" in titles
    assert "зампред" in titles
    assert any(q.organization and "Правительство" in q.organization for q in alen.positions)
    assert all(q.country == "RU" for q in alen.positions)
    osh = persons["Мансур Ошурбаев"].positions
    assert [q.title for q in osh] == ["вице-министр экологии и природных ресурсов"]
    assert osh[0].country == "KZ"
    nik = persons["Ник Назами бин Ник Ахмад"].positions
    assert [q.title for q in nik] == ["министр"] and nik[0].country == "MY"


if os.environ.get("NEWSEXTRACT_SKIP_HEAVY"):
    pytestmark = pytest.mark.skip("heavy tests disabled")
