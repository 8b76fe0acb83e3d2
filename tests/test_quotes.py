"""Direct speech: dash paragraphs and «», with speakers from hand-built persons/organizations."""

from __future__ import annotations

import re

import pytest

from newsextract import nlp, quotes, structure
from newsextract.doc import Doc
from newsextract.records import Mention, Organization, Person, PersonName

from .conftest import SEEDS


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


PETROV_I = (r"(?:Иван\w* |И\. )Петров\w*", "Иван Петров")
ALFA = (r"компании «Альфа»", "Альфа")


@pytest.mark.parametrize("text, persons, orgs, expected", [
    # straight quotes, hyphen attribution
    (H + '"Мы рассчитываем завершить стройку к декабрю", - сказал Иван Петров.',
     [PETROV], [], [("Мы рассчитываем завершить стройку к декабрю", "Иван Петров", "person")]),
    # a quoted name inside straight-quoted speech does not end it
    (H + '"Работы по программе "Чистая вода" идут с опережением графика", - сообщил Иван Петров.',
     [PETROV], [], [('Работы по программе "Чистая вода" идут с опережением графика', "Иван Петров", "person")]),
    # a comma alone before the speech verb
    (H + "«Финансирование мы получили вовремя и в полном объёме», отметил Иван Петров.",
     [PETROV], [], [("Финансирование мы получили вовремя и в полном объёме", "Иван Петров", "person")]),
    # „“ marks
    (H + "„Сезон навигации начнётся в мае“, — сказал Иван Петров.",
     [PETROV], [], [("Сезон навигации начнётся в мае", "Иван Петров", "person")]),
    # colon then straight quotes
    (H + 'Иван Петров заявил: "Поставки зерна будут расти и дальше".',
     [PETROV], [], [("Поставки зерна будут расти и дальше", "Иван Петров", "person")]),
    # a label line naming the speaker, the speech on the next line
    (H + "Глава фонда Иван Петров:\nЗа год отремонтировано больше тысячи домов.",
     [PETROV], [], [("За год отремонтировано больше тысячи домов", "Иван Петров", "person")]),
    # a colon line introduces a dash paragraph
    (H + "Иван Петров рассказал журналистам:\n— Мы открыли три новые школы в районе.",
     [PETROV], [], [("Мы открыли три новые школы в районе", "Иван Петров", "person")]),
    # speech over two paragraphs: each opens, the last one closes
    (H + "«Первый этап мы закончили весной.\n«Второй начнём после выборов», — пояснил Иван Петров.",
     [PETROV], [], [("Первый этап мы закончили весной.\n«Второй начнём после выборов", "Иван Петров", "person")]),
    # hard-wrapped wire text, the quote over line breaks; a press release as the source
    (H + 'Новость дня.\n\n"Новый корпус больницы\nпримет первых пациентов\nв сентябре", - говорится в\n'
         "сообщении.\n\nРаботы ведутся\nв две смены.",
     [], [], [("Новый корпус больницы\nпримет первых пациентов\nв сентябре", None, "organization")]),
    # a lowercase fragment quoted in indirect speech
    (H + "Иван Петров отметил, что новая дорога «сократит путь до райцентра вдвое».",
     [PETROV], [], [("сократит путь до райцентра вдвое", "Иван Петров", "person")]),
    # a paragraph of speech of its own: the source named just before
    (H + "Об этом сообщает пресс-служба компании «Альфа».\n«Все линии работают в штатном режиме. "
         "Перебоев не ожидается».",
     [], [ALFA], [("Все линии работают в штатном режиме. Перебоев не ожидается", "Альфа", "organization")]),
    # an interview in dash paragraphs: the question is not a quote, the answer is the interviewee's
    (H + "Корреспондент побеседовал с директором заповедника Иваном Петровым.\n\n"
         "— Сколько туристов приехало к вам в этом году?\n\n— Больше двадцати тысяч, это рекорд для заповедника.",
     [PETROV], [], [("Больше двадцати тысяч, это рекорд для заповедника", "Иван Петров", "person")]),
    # an interview with labels
    (H + "Директор заповедника Иван Петров ответил на вопросы.\n\nКорр.: Когда откроется новый маршрут?\n\n"
         "И. Петров: Маршрут откроем в октябре, если позволит погода.",
     [PETROV_I], [], [("Маршрут откроем в октябре, если позволит погода", "Иван Петров", "person")]),
])
def test_quote_shapes(text, persons, orgs, expected):
    found = quotes.extract(make_doc(text, persons, orgs))
    assert [(q.text, q.speaker, q.speaker_kind) for q in found] == expected
    for q in found:
        assert text[q.start:q.end] == q.text


@pytest.mark.parametrize("text", [
    H + "Иван Петров отметил, что работа будет продолжена.",  # indirect speech
    H + "Сотрудники ОАО «Газпром» и компании «Северный ветер» провели учения.",  # names in «»
    H + "Фильм «Война и мир во всей красе» покажут в кинотеатре.",  # a title, no speech verb
    H + "— Кто пойдёт?\n— Я пойду.",  # dialogue without attribution, too short
    H + 'Партия "Единая Россия" провела встречу с избирателями района.',  # a quoted name
    H + "Прошёл форум «Россия — страна больших возможностей», сообщает пресс-служба.",  # a title mid-sentence
    H + "Жители обсуждали программу «Комфортная городская среда в малых городах».",
    H + "— строительство новых школ;\n— ремонт дорог в районах области.",  # a dash list
])
def test_no_quotes(text):
    assert quotes.extract(make_doc(text, [PETROV])) == []


SAMPLES = sorted(str(p) for p in SEEDS.glob("*.txt"))  # ../shared/seeds relative to the project


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
