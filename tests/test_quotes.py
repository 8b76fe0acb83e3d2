"""Direct speech: dash paragraphs and «», with speakers from hand-built persons/organizations."""

from __future__ import annotations

import glob
import re

import pytest

from newsextract import nlp, quotes, structure
from newsextract.doc import Doc
from newsextract.records import Mention, Organization, Person, PersonName


def make_doc(text, persons=(), orgs=()):
    doc = Doc(text=text)
    structure.analyze(doc)
    nlp.segment(doc)
    nlp.lemmatize(doc)
    doc.persons = [
        Person(name=PersonName(first=full.split()[0], last=full.split()[-1]), full_name=full,
               mentions=[Mention(start=m.start(), end=m.end(), text=m.group(0)) for m in re.finditer(pat, text)])
        for pat, full in persons]
    doc.organizations = [
        Organization(name=name, mentions=[Mention(start=m.start(), end=m.end(), text=m.group(0))
                                          for m in re.finditer(pat, text)])
        for pat, name in orgs]
    return doc


H = "Заголовок новости\n\n"
PETROV = (r"Иван\w* Петров\w*", "Иван Петров")


@pytest.mark.parametrize("text, persons, orgs, expected", [
    # dash paragraph, multi-sentence, speaker after the verb
    (H + "— Мы довольны итогами года. Планы выполнены, — отметил министр Иван Петров.",
     [PETROV], [], [("Мы довольны итогами года. Планы выполнены", "Иван Петров", "person")]),
    # guillemets then attribution
    (H + "«Работа будет продолжена в следующем сезоне», — сказал Иван Петров журналистам.",
     [PETROV], [], [("Работа будет продолжена в следующем сезоне", "Иван Петров", "person")]),
    # colon then guillemets; last name only in the attribution
    (H + "Иван Петров выступил на совещании. Петров подчеркнул: «Сроки сдвигать нельзя ни в коем случае».",
     [PETROV], [], [("Сроки сдвигать нельзя ни в коем случае", "Иван Петров", "person")]),
    # organization as speaker, not a known organization
    (H + "— Все объекты будут сданы в срок, — сообщили в пресс-службе ведомства.",
     [], [], [("Все объекты будут сданы в срок", None, "organization")]),
    # organization known upstream
    (H + "«Поставки возобновятся уже в марте», — говорится в сообщении компании «Альфа».",
     [], [(r"компании «Альфа»", "Альфа")], [("Поставки возобновятся уже в марте", "Альфа", "organization")]),
    # a quote continued after the attribution; pronoun speaker for the next quote
    (H + "— Первый этап завершён, — пояснил Иван Петров. — Второй начнётся летом.\n\n"
         "«Денег хватит на всё задуманное», — добавил он.",
     [PETROV], [], [("Первый этап завершён", "Иван Петров", "person"),
                    ("Второй начнётся летом", "Иван Петров", "person"),
                    ("Денег хватит на всё задуманное", "Иван Петров", "person")]),
    # an attribution inside guillemets splits them
    (H + "«Это важный шаг, — сказал Иван Петров. — Мы долго к нему шли».",
     [PETROV], [], [("Это важный шаг", "Иван Петров", "person"), ("Мы долго к нему шли", "Иван Петров", "person")]),
])
def test_quotes(text, persons, orgs, expected):
    found = quotes.extract(make_doc(text, persons, orgs))
    assert [(q.text, q.speaker, q.speaker_kind) for q in found] == expected
    for q in found:
        assert text[q.start:q.end] == q.text


@pytest.mark.parametrize("text", [
    H + "Иван Петров отметил, что работа будет продолжена.",  # indirect speech
    H + "Сотрудники ОАО «Газпром» и компании «Северный ветер» провели учения.",  # names in «»
    H + "Фильм «Война и мир во всей красе» покажут в кинотеатре.",  # a title, no speech verb
    H + "— Кто пойдёт?\n— Я пойду.",  # dialogue without attribution
])
def test_no_quotes(text):
    assert quotes.extract(make_doc(text, [PETROV])) == []


SAMPLES = sorted(glob.glob("/work/shared/seeds/*.txt")) or sorted(glob.glob("../shared/seeds/*.txt"))


@pytest.mark.skipif(not SAMPLES, reason="shared sample absent")
def test_sample_quote_speaker():
    text = open(SAMPLES[0], encoding="utf-8").read()
    doc = make_doc(text, [(r"Вячеслав Аленьков", "Вячеслав Аленьков")])
    found = quotes.extract(doc)
    assert "Вячеслав Аленьков" in [q.speaker for q in found]
    assert any(q.speaker is None and q.speaker_kind == "organization" for q in found)
    for q in found:
        assert not q.text.startswith(("—", "«")) and not q.text.endswith((",", "»"))


def _positioned(doc, full, title):
    from newsextract.records import Position
    for p in doc.persons:
        if p.full_name == full:
            p.positions = [Position(title=title, start=0, end=len(title), text=title)]
    return doc


def test_role_noun_speaker_is_the_titled_person():
    text = (H + "Губернатор Олег Сомов и министр Пётр Лавров обсудили дороги.\n\n"
            "Пётр Лавров рассказал о ремонте. «Мы закончим участок моста к осени», — сказал министр.\n")
    doc = make_doc(text, [(r"Олег\w* Сомов\w*", "Олег Сомов"), (r"Пётр\w* Лавров\w*", "Пётр Лавров")])
    _positioned(doc, "Пётр Лавров", "министр транспорта")
    _positioned(doc, "Олег Сомов", "губернатор")
    found = quotes.extract(doc)
    assert [(q.text, q.speaker) for q in found] == [("Мы закончим участок моста к осени", "Пётр Лавров")]


def test_ascii_quotes_and_mid_paragraph_dash():
    text = (H + '"Паводок идёт быстрее прогноза на двое суток", - подчеркнул Иван Петров.\n\n'
            "Иван Петров добавил, что техника готова. - Мы держим в резерве двадцать машин, - пояснил он.\n")
    found = quotes.extract(make_doc(text, [PETROV]))
    assert [(q.text, q.speaker) for q in found] == [
        ("Паводок идёт быстрее прогноза на двое суток", "Иван Петров"),
        ("Мы держим в резерве двадцать машин", "Иван Петров")]


def test_press_service_speaker_is_the_fuller_organization():
    text = (H + "Новость подготовил минтранс Тверской области.\n\n"
            "— Ремонт дорог идёт по графику, — сообщили в пресс-службе минтранса.\n")
    doc = make_doc(text, [], [(r"минтранс Тверской области", "Министерство транспорта Тверской области"),
                              (r"минтранса(?! Тверской)", "Министерство транспорта")])
    doc.organizations[0].abbreviation = "Минтранс Тверской области"
    doc.organizations[1].abbreviation = "Минтранс"
    found = quotes.extract(doc)
    assert [(q.speaker, q.speaker_kind) for q in found] == [("Министерство транспорта Тверской области",
                                                             "organization")]
