"""Locations: Russian regions (ISO 3166-2), cities, other places, normal forms."""

from __future__ import annotations

import pytest

from newsextract.nlp.grammar import nominative_phrase as nominative


@pytest.fixture(scope="module")
def pipe(places):
    return places


@pytest.mark.parametrize("text, name, kind, code, country", [
    ("Форум прошёл в Сахалинской области.", "Сахалинская область", "region", "RU-SAK", "RU"),
    ("Инвесторы пришли в Приморье.", "Приморский край", "region", "RU-PRI", "RU"),
    ("Шахтёры Кузбасса выполнили план.", "Кемеровская область", "region", "RU-KEM", "RU"),
    ("Морозы ударили в Якутии.", "Якутия", "region", "RU-SA", "RU"),
    ("Делегация из Ханты-Мансийского автономного округа прибыла на выставку.",
     "Ханты-Мансийский автономный округ", "region", "RU-KHM", "RU"),
    ("Сахалинские власти объявили конкурс.", "Сахалинская область", "region", "RU-SAK", "RU"),
    ("Новый терминал открыли в Южно-Сахалинске.", "Южно-Сахалинск", "city", None, "RU"),
    ("Конференция прошла в Баку.", "Баку", "city", None, "AZ"),
    ("Выставка открылась в Москве.", "Москва", "city", "RU-MOW", "RU"),
    ("Самолёт вылетел из Нью-Йорка.", "Нью-Йорк", "city", None, "US"),
    ("Экспедиция отправилась в Арктику.", "Арктика", "other", None, None),
])
def test_locations(pipe, text, name, kind, code, country):
    rec = pipe(text)
    found = {(loc.name, loc.kind, loc.code, loc.country) for loc in rec.locations}
    assert (name, kind, code, country) in found
    for loc in rec.locations:
        assert loc.mentions
        for m in loc.mentions:
            assert rec.text[m.start:m.end] == m.text


@pytest.mark.parametrize("text, code, name", [
    # a republic is named as the text names it: the short name alone gives the short name
    ("Министр культуры Чувашии открыл выставку. Чувашия ждёт гостей.", "RU-CU", "Чувашия"),
    ("Туристы всё чаще едут в Туву.", "RU-TY", "Тува"),
    ("Грузовики отправили в Кабардино-Балкарию и Дагестан.", "RU-KB", "Кабардино-Балкария"),
    ("Рыбу выпустили в реки Северной Осетии.", "RU-SE", "Северная Осетия"),
    ("Зимой на Чукотке прошли учения.", "RU-CHU", "Чукотка"),
    # the full name written as often as the short one (or alone) is the name
    ("Делегация Бурятии приехала в Улан-Батор. Республика Бурятия подписала соглашение.",
     "RU-BU", "Республика Бурятия"),
    # the short name written more often than the full one is the name
    ("Министр Бурятии открыл ярмарку. Правительство Республики Бурятия одобрило план, и Бурятия получит субсидии.",
     "RU-BU", "Бурятия"),
    ("Гости из Тывы осмотрели порт. Глава Республики Тыва пригласил их в Тыву, на праздник.", "RU-TY", "Тыва"),
    # a federal district under its acronym
    ("Полпред президента в УрФО провёл совещание с губернаторами.", "", "Уральский федеральный округ"),
    # an oblast's or krai's other names are nicknames: the full name
    ("Инвесторы пришли в Приморье.", "RU-PRI", "Приморский край"),
    # seas and islands too: the name the text writes
    ("Грузы идут через порты на Каспии.", "", "Каспий"),
    ("Рыбаки Курил ждут путину.", "", "Курилы"),
    ("Туристы едут на Курилы, на Курильские острова.", "", "Курильские острова"),
    # ДНР, an alias and an abbreviation at once, is one reading
    ("Гуманитарный груз доставили в ДНР.", "UA-14", "Донецкая Народная Республика"),
])
def test_region_named_as_written(pipe, text, code, name):
    rec = pipe(text)
    assert name in {loc.name for loc in rec.locations if loc.code == (code or None)}


@pytest.mark.parametrize("text, name, country", [
    # foreign first-level divisions are regions with code null
    ("Делегация провинции Хэйлунцзян прибыла в Хабаровск.", "Хэйлунцзян", "CN"),
    ("Губернатор Гомельской области приехал в Брянск.", "Гомельская область", "BY"),
    ("Фермеры из Самаркандской области продают урожай.", "Самаркандская область", "UZ"),
    ("Соглашение подписали с Завханским аймаком.", "Завханский аймак", "MN"),
    ("В Калифорнии начались лесные пожары.", "Калифорния", "US"),
    ("Студенты из штата Гуджарат приехали в Казань.", "Гуджарат", "IN"),
    ("Инвесторы из провинции Нгеан осмотрели порт.", "Нгеан", "VN"),
])
def test_foreign_region(pipe, text, name, country):
    rec = pipe(text)
    assert (name, "region", None, country) in {(loc.name, loc.kind, loc.code, loc.country)
                                              for loc in rec.locations}


@pytest.mark.parametrize("text, name, found", [
    # a foreign oblast's adjective before an oblast body names the oblast
    ("Губернатор встретился с председателем Гомельского облисполкома.", "Гомельская область", True),
    ("Делегация Гродненского облисполкома приехала в Пензу.", "Гродненская область", True),
    # before other nouns it may be the city's: not the oblast
    ("Гомельские власти открыли парк.", "Гомельская область", False),
])
def test_foreign_oblast_adjective(pipe, text, name, found):
    assert (name in {loc.name for loc in pipe(text).locations}) is found


@pytest.mark.parametrize("text, name", [
    # a foreign city pymorphy3 does not know is found in any case
    ("Саммит прошёл в Тяньцзине.", "Тяньцзинь"),
    ("Поезд прибыл из Тяньцзиня.", "Тяньцзинь"),
])
def test_unknown_city_in_any_case(pipe, text, name):
    rec = pipe(text)
    assert (name, "city") in {(loc.name, loc.kind) for loc in rec.locations}


@pytest.mark.parametrize("text, expected", [
    # a list of region adjectives sharing one kind noun: every item is the region
    ("Деньги получат Пермскому краю, Челябинской, Курганской, Иркутской и Нижегородской областям.",
     {"RU-PER", "RU-CHE", "RU-KGN", "RU-IRK", "RU-NIZ"}),
    ("Технику отправили в Тульскую (36) и Ленинградскую (26), Тюменскую (24) и Курганскую (23) области.",
     {"RU-TUL", "RU-LEN", "RU-TYU", "RU-KGN"}),
])
def test_coordinated_regions(pipe, text, expected):
    rec = pipe(text)
    assert expected <= {loc.code for loc in rec.locations if loc.kind == "region"}
    # a feminine adjective never takes the masculine kind noun before it (краю)
    assert not [loc for loc in rec.locations if loc.name.endswith("ский край") and loc.code is None]


@pytest.mark.parametrize("text, name", [
    ("Больше всего туристов в Северо-Западном и Сибирском федеральных округах.",
     "Северо-Западный федеральный округ"),
    ("Он работал в Западно-Казахстанской и Актюбинской областях.", "Западно-Казахстанская область"),
])
def test_shared_kind_phrase(pipe, text, name):
    rec = pipe(text)
    assert name in {loc.name for loc in rec.locations}


def test_region_adjective_needs_context(pipe):
    rec = pipe("Сахалинский краевед рассказал о рыбе.")
    assert not [loc for loc in rec.locations if loc.code == "RU-SAK"]


def test_mentions_merge(pipe):
    rec = pipe("Сахалинская область и Сахалин. Власти Сахалинской области ответили.")
    sak = [loc for loc in rec.locations if loc.code == "RU-SAK"]
    assert len(sak) == 1 and len(sak[0].mentions) == 3


def test_organizations_are_not_places(pipe):
    rec = pipe("Евросоюз ввёл новые пошлины.")
    assert not [loc for loc in rec.locations if loc.name.lower().startswith("евросоюз")]


def test_ambiguous_city_needs_context(pipe):
    rec = pipe("Владимир Петров выступил с докладом.")
    assert not [loc for loc in rec.locations if loc.kind == "city"]
    rec = pipe("Фестиваль прошёл во Владимире.")
    assert ("Владимир", "city") in {(loc.name, loc.kind) for loc in rec.locations}


@pytest.mark.parametrize("phrase, expected", [
    ("Нидерландов", "Нидерланды"),
    ("Южно-Сахалинске", "Южно-Сахалинск"),
    ("Сахалинской области", "Сахалинская область"),
    ("Тверской площади", "Тверская площадь"),
    ("острова Сахалин", "остров Сахалин"),
    ("Красной площадью", "Красная площадь"),
    ("Москва", "Москва"),
])
def test_nominative(phrase, expected):
    assert nominative(phrase) == expected


@pytest.mark.parametrize("phrase, expected", [
    ("Курганской областях", "Курганская область"),  # coordinated: one region
    ("Сабах", "Сабах"),  # an unknown foreign name ending in a consonant stays
    ("Саравака", "Саравак"),
])
def test_nominative_coordination_and_foreign(phrase, expected):
    assert nominative(phrase) == expected


@pytest.mark.parametrize("text, kind, how", [
    ("морей Лаптевых", "море", "genitive"),
    ("Белгородской и Курской областях", "область", "adjective"),
])
def test_kind_name(pipe, text, kind, how):
    from newsextract.places.other import kind_name

    rec = pipe(f"Учёные работали в {text}.")
    word = text.split()[1] if how == "genitive" else text.split()[0]
    start = rec.text.index(word)
    assert kind_name(rec.doc, start, start + len(word)) == (kind, how)


def test_with_kind():
    from newsextract.places.normalize import with_kind

    assert with_kind("Восточно-Сибирского", "море", "adjective") == "Восточно-Сибирское море"
    assert with_kind("Вологодской", "область", "adjective") == "Вологодская область"
    assert with_kind("Лаптевых", "море", "genitive") == "Море Лаптевых"


def test_directional_adjective_joins_the_name(pipe):
    rec = pipe("Переговоры прошли в Восточном Иерусалиме.")
    texts = {m.text for loc in rec.locations for m in loc.mentions}
    assert "Восточном Иерусалиме" in texts


@pytest.mark.parametrize("text, word", [
    # common words capitalized only by their position are not places
    ("Делегации Тюменской области в марте побывали в Монголии и Китае.", "Делегаци"),
    ("Лента новостей\nВойти\nПриграничные территории Бурятии и Монголии готовят совместную ярмарку.",
     "Приграничн"),
])
def test_sentence_initial_common_words_are_not_places(pipe, text, word):
    rec = pipe(text)
    assert not [loc for loc in rec.locations if loc.name.startswith(word)]


def test_person_is_not_a_place(pipe):
    rec = pipe("Журналисты много писали о Свиридове и его команде.")
    assert not [loc for loc in rec.locations if "Свиридов" in loc.name]


def test_list_glued_by_ner_keeps_countries(pipe):
    rec = pipe("Участники: Чили • Коста Рика • Эквадор • Эль Сальвадор • Эфиопия • Грузия")
    found = {c.iso2 for c in rec.countries}
    assert {"CR", "SV", "ET"} <= found


def test_short_city_name_is_reported_in_full(pipe):
    rec = pipe("Делегация прилетела в Петербург во вторник.")
    assert ("Санкт-Петербург", "city") in {(loc.name, loc.kind) for loc in rec.locations}


def test_common_word_is_not_a_city(pipe):
    rec = pipe("Семья переехала к морю. Семьи соседей остались.")
    assert not [loc for loc in rec.locations if loc.kind == "city"]
