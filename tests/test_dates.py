"""Dates: grammar, normalization, resolution against the publication date."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsextract import nlp, structure
from newsextract.doc import Doc
from newsextract.extractors.dates import extract
from newsextract.records import DateMention

SHARED = Path(__file__).resolve().parents[2] / "shared"
PUB = "2024-11-22"  # a Friday


def run(text: str, published: str | None = PUB) -> list[DateMention]:
    """Dates of a text, on a Doc built cheaply (razdel + structure, no NER model)."""
    doc = Doc(text=text, published=published)
    nlp.segment(doc)
    structure.analyze(doc)
    return extract(doc)


def triples(text: str, published: str | None = PUB) -> list[tuple]:
    return [(m.text, m.value, m.end_value or m.granularity) for m in run(text, published)]


FORMS = [
    # numeric
    ("Приказ подписан 01.12.2024.", PUB, [("01.12.2024", "2024-12-01", "day")]),
    ("Акт от 22.11.22 утвержден.", PUB, [("от 22.11.22", "2022-11-22", "day")]),
    ("Релиз 2024-12-05 опубликован.", PUB, [("2024-12-05", "2024-12-05", "day")]),
    # textual
    ("Конгресс откроется 16 мая 2025 года в Казани.", PUB, [("16 мая 2025 года", "2025-05-16", "day")]),
    ("Соглашение подписано 2 декабря 2024 г. в Москве.", PUB, [("2 декабря 2024 г.", "2024-12-02", "day")]),
    ("Документ вступит в силу 3-го июня 2025 года.", PUB, [("3-го июня 2025 года", "2025-06-03", "day")]),
    ("Форум пройдет в мае 2025 года.", PUB, [("в мае 2025 года", "2025-05", "month")]),
    ("Завод построили в 2023 году.", PUB, [("в 2023 году", "2023", "year")]),
    ("Ноябрь 2024 стал самым теплым.", PUB, [("Ноябрь 2024", "2024-11", "month")]),
    ("2024 год объявлен Годом семьи.", PUB, [("2024 год", "2024", "year")]),
    ("В 2012 Россия вступила в ВТО.", PUB, [("В 2012", "2012", "year")]),
    # ranges
    ("Выставка пройдет с 16 по 18 мая 2025 года.", PUB, [("с 16 по 18 мая 2025 года", "2025-05-16", "2025-05-18")]),
    ("Фестиваль состоится 16–18 мая 2025 года.", PUB, [("16–18 мая 2025 года", "2025-05-16", "2025-05-18")]),
    ("Экспедиция длилась 16 мая – 2 июня 2025.", PUB, [("16 мая – 2 июня 2025", "2025-05-16", "2025-06-02")]),
    ("Утверждена программа на 2025–2026 годы.", PUB, [("на 2025–2026 годы", "2025", "2026")]),
    ("Министр руководил ведомством с 2019 по 2023 год.", PUB, [("с 2019 по 2023 год", "2019", "2023")]),
    ("Выбросы снизились в 2019-2023 годах.", PUB, [("в 2019-2023 годах", "2019", "2023")]),
    ("Проект шел с 2019 года по 2023 год.", PUB, [("с 2019 года по 2023 год", "2019", "2023")]),
    # shared parts
    ("Конференции пройдут в мае и октябре 2025 года.", PUB,
     [("в мае", "2025-05", "month"), ("октябре 2025 года", "2025-10", "month")]),
    ("Встречи назначены на 16 и 18 мая 2025 года.", PUB,
     [("на 16", "2025-05-16", "day"), ("18 мая 2025 года", "2025-05-18", "day")]),
    # relative
    ("Сегодня в Южно-Сахалинске открылся форум.", PUB, [("Сегодня", "2024-11-22", "day")]),
    ("Вчера губернатор провел совещание.", PUB, [("Вчера", "2024-11-21", "day")]),
    ("Позавчера прошел митинг.", PUB, [("Позавчера", "2024-11-20", "day")]),
    ("Завтра начнется сессия.", PUB, [("Завтра", "2024-11-23", "day")]),
    ("Послезавтра откроется выставка.", PUB, [("Послезавтра", "2024-11-24", "day")]),
    ("В прошлом году урожай вырос.", PUB, [("В прошлом году", "2023", "year")]),
    ("В этом году урожай вырос.", PUB, [("В этом году", "2024", "year")]),
    ("В текущем году урожай вырос.", PUB, [("В текущем году", "2024", "year")]),
    ("В следующем году откроют школу.", PUB, [("В следующем году", "2025", "year")]),
    ("Мост открыли в марте текущего года.", PUB, [("в марте текущего года", "2024-03", "month")]),
    ("Закон приняли в ноябре прошлого года.", PUB, [("в ноябре прошлого года", "2023-11", "month")]),
    ("На прошлой неделе делегация посетила Баку.", PUB, [("На прошлой неделе", "2024-W46", "week")]),
    ("В этом месяце открылся сквер.", PUB, [("В этом месяце", "2024-11", "month")]),
    ("Три года назад завод закрыли.", PUB, [("Три года назад", "2021", "year")]),
    # parts of periods, quarters, halves, seasons
    ("В начале октября прошли учения.", PUB, [("В начале октября", "2024-10", "month")]),
    ("В середине октября прошли учения.", PUB, [("В середине октября", "2024-10", "month")]),
    ("В конце октября прошли учения.", PUB, [("В конце октября", "2024-10", "month")]),
    ("Работы завершат в первой половине 2025 года.", PUB, [("в первой половине 2025 года", "2025", "year")]),
    ("Рост отмечен в I квартале 2025 года.", PUB, [("в I квартале 2025 года", "2025-Q1", "quarter")]),
    ("Рост отмечен во втором квартале 2024 года.", PUB, [("во втором квартале 2024 года", "2024-Q2", "quarter")]),
    ("Летом 2025 года откроют парк.", PUB, [("Летом 2025 года", "2025-06", "2025-08")]),
    ("Осенью 2023 года парк открыли.", PUB, [("Осенью 2023 года", "2023-09", "2023-11")]),
    # decades and centuries
    ("Завод построили в 1990-х годах.", PUB, [("в 1990-х годах", "1990", "1999")]),
    ("Храм возвели в XVIII веке.", PUB, [("в XVIII веке", "1700", "1799")]),
    # targets
    ("Углеродной нейтральности достигнут к 2060 году.", PUB, [("к 2060 году", "2060", "year")]),
    ("Программа продлена до 2030 года.", PUB, [("до 2030 года", "2030", "year")]),
    ("Эксперимент идет с 2025 года.", PUB, [("с 2025 года", "2025", "year")]),
]


@pytest.mark.parametrize("text,published,expected", FORMS)
def test_forms(text, published, expected):
    assert triples(text, published) == expected


MODIFIERS = [
    ("к 2060 году", "by"), ("до 2030 года", "until"), ("с 2025 года", "since"),
    ("в начале октября", "start"), ("в середине октября", "middle"), ("в конце октября", "end"),
    ("в первой половине 2025 года", "first_half"), ("во втором полугодии", "second_half"),
    ("с 16 по 18 мая 2025 года", None), ("в мае 2025 года", None),
]


@pytest.mark.parametrize("phrase,modifier", MODIFIERS)
def test_modifier(phrase, modifier):
    (mention,) = run(f"Это произойдет {phrase}.")
    assert mention.text == phrase
    assert mention.modifier == modifier


TRAPS = [
    "В акции участвовали 2024 человека.",
    "Спектакль 16+ покажут на большой сцене.",
    "Цены выросли на 5 процентов.",
    "Собрано 2025 тонн зерна.",
    "Справки по телефону 8 (800) 555-35-35.",
    "См. стр. 2024 и раздел 12.",
    "В 2024 школах прошли уроки.",
    "Версия 1.12.2 вышла.",
    "Температура 16,5 градуса, давление 745 мм.",
    "В среду выбросили 5 кг отходов окружающую среду.",
]


@pytest.mark.parametrize("text", TRAPS[:-1])
def test_not_dates(text):
    assert run(text) == []


def test_count_after_date_is_not_a_year():
    assert triples("На митинг пришли 5 мая 2000 человек.") == [("5 мая", "2024-05-05", "day")]


def test_invalid_date_rejected():
    assert run("Встреча состоялась 31 февраля 2024 года.") == []
    assert run("Встреча состоялась 31.02.2024.") == []


def test_leap_day_year_inferred():
    assert triples("Отчет сдали 29 февраля.", "2024-03-05") == [("29 февраля", "2024-02-29", "day")]


@pytest.mark.parametrize("text,published,value", [
    ("Ярмарка стартует 20 января.", "2024-11-15", "2025-01-20"),
    ("Отчёт представили 30 декабря.", "2025-01-10", "2024-12-30"),
    ("Форум пройдет в марте.", "2024-07-01", "2025-03"),
    ("Форум прошел в марте.", "2024-07-01", "2024-03"),
    ("Делегация прибудет 5 сентября.", "2024-08-20", "2024-09-05"),
    ("Памятник открыли 5 сентября.", "2025-01-15", "2024-09-05"),
])
def test_year_from_published_and_tense(text, published, value):
    (mention,) = run(text, published)
    assert mention.value == value


def test_weekday_resolved_by_tense():
    mentions = run("В понедельник министр заявил о планах. Во вторник пройдет встреча.", "2024-11-20")
    assert [(m.text, m.value) for m in mentions] == [("В понедельник", "2024-11-18"), ("Во вторник", "2024-11-26")]


def test_no_publication_date():
    mentions = run("Вчера прошел форум, а ярмарка стартует 20 января.", None)
    assert [(m.text, m.value, m.relative) for m in mentions] == [("Вчера", None, True), ("20 января", None, False)]
    assert all(m.note for m in mentions)


def test_explicit_dates_need_no_publication_date():
    assert triples("Форум пройдет 16 мая 2025 года.", None) == [("16 мая 2025 года", "2025-05-16", "day")]


def test_spans_point_into_text():
    text = "С 16 по 18 мая 2025 года, а также в 2019–2023 годах и вчера."
    for m in run(text):
        assert text[m.start:m.end] == m.text


def test_ignored_zones_skipped():
    text = "Заголовок новости\n\nФото: пресс-служба, 12 мая 2024 года\n\nФорум прошел 10 мая 2024 года."
    assert [m.text for m in run(text)] == ["10 мая 2024 года"]


def test_linear_on_long_text():
    text = "В мае 2025 года и 16–18 июня прошли встречи, а 2024 человека пришли. " * 2000
    mentions = run(text)
    assert len(mentions) == 4000


SEEDS = sorted((SHARED / "seeds").glob("*.txt")) if (SHARED / "seeds").exists() else []


@pytest.mark.skipif(not SEEDS, reason="no sample press release in ../shared/seeds")
def test_sample_press_release():
    from newsextract.pipeline import Pipeline, make_item

    item = make_item(SEEDS[0].read_text(encoding="utf-8"))
    doc = Doc(text=item.text, published=item.published)
    pipe = Pipeline(ner=object())  # the NER model is never called: its stage is skipped
    for name, stage in pipe.stages:  # the pipeline's own stages up to dates (dateline -> published)
        if name != "ner":
            stage(doc)
        if name == "dates":
            break
    assert doc.published == "2024-11-22"
    values = {m.value for m in extract(doc)}
    assert {"2025-05", "2025-10", "2024-11-22"} <= values
