"""Organizations: normal forms, abbreviations, known organizations, countries."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def pipe(pipeline):
    return pipeline


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


def _mentions(pipe, text):
    return sorted(m.text for o in pipe(text).organizations for m in o.mentions)


def test_quoted_name_without_descriptor(pipe):
    text = "Интервью опубликовала газета «Северный вестник», а позже его перепечатал журнал «Полярник»."
    got = _mentions(pipe, text)
    assert "Северный вестник" in got and "Полярник" in got


def test_legal_form_kept_in_name(pipe):
    orgs = _orgs(pipe, "Контракт подписало АО «Тайгастрой» из Хабаровска.")
    assert "АО «Тайгастрой»" in orgs
    assert [m.text for m in orgs["АО «Тайгастрой»"].mentions] == ["Тайгастрой"]


def test_trailing_country_is_not_in_mention(pipe):
    text = "Заявление опубликовало Министерство сельского хозяйства Германии в пятницу."
    orgs = _orgs(pipe, text)
    org = orgs["Министерство сельского хозяйства Германии"]
    assert org.country == "DE"
    assert [m.text for m in org.mentions] == ["Министерство сельского хозяйства"]


def test_abbreviation_with_country(pipe):
    orgs = _orgs(pipe, "Брифинг провел представитель МИД Азербайджана.")
    org = orgs["Министерство иностранных дел Азербайджана"]
    assert org.country == "AZ"
    assert [m.text for m in org.mentions] == ["МИД"]


def test_lone_ministry_joins_regional_one(pipe):
    text = ("Совещание провело минэкологии Сахалинской области. По данным минэкологии, "
            "проверки завершены.")
    orgs = pipe(text).organizations
    assert len(orgs) == 1
    assert len(orgs[0].mentions) == 2


def test_known_org_closing_a_name_is_split(pipe):
    text = "Доклад подготовил Институт географии РАН по заказу правительства."
    got = _mentions(pipe, text)
    assert "РАН" in got and "Институт географии" in got


def test_relational_adjective_joins(pipe):
    got = _mentions(pipe, "Протест выразил представитель японского МИДа на встрече.")
    assert "японского МИДа" in got


def test_media_in_general_is_not_an_organization(pipe):
    got = _mentions(pipe, "Как сообщили СМИ, переговоры отложены.")
    assert "СМИ" not in got


def test_lower_case_head_after_relational_adjective(pipe):
    got = _mentions(pipe, "Решение одобрил бюджетный парламентский комитет, сообщили депутаты.")
    assert "бюджетный парламентский комитет" in got


def test_generic_lower_case_head_is_not_an_organization(pipe):
    got = _mentions(pipe, "Вопрос обсудило израильское правительство на заседании.")
    assert "израильское правительство" not in got


def test_field_phrase_after_place_belongs_to_name(pipe):
    text = "Жалобу рассмотрело Агентство Канады по охране лесов и водоемов в среду."
    got = _mentions(pipe, text)
    assert "Агентство Канады по охране лесов и водоемов" in got


def test_parenthetical_by_phrase_is_not_a_field(pipe):
    got = _mentions(pipe, "Минфин по словам министра готовит новый бюджет.")
    assert "Минфин" in got


def test_team_named_by_sport(pipe):
    got = _mentions(pipe, "Тренеры ищут новичков в сборную Норвегии по кёрлингу среди студентов.")
    assert "сборную Норвегии по кёрлингу" in got


def test_quoted_artifact_is_not_an_organization(pipe):
    text = "Корабль «Полярная звезда» вернулся на базу. Экипаж «Полярной звезды» отдыхает."
    got = _mentions(pipe, text)
    assert "Полярная звезда" not in got


# (text, organization name): bodies written with capitalised adjectives and a name after them,
# envoy bodies with their host city, bodies named through their heads' titles
BODIES = [
    ("Выставку открыло Генеральное консульство Индии во Владивостоке.", "Генеральное консульство Индии во Владивостоке"),
    ("Экспонаты передал Национальный музей Республики Алтай.", "Национальный музей Республики Алтай"),
    ("Письмо направила Администрация Ханты-Мансийска.", "Администрация Ханты-Мансийска"),
    ("Глава минсельхоза провела совещание с аграриями.", "Министерство сельского хозяйства"),
    # a known body's alias keeps the text's wording, not the expanded official name
    ("Решение утвердило Правительство России на прошлой неделе.", "Правительство России"),
    ("Проект внесён в Правительство Российской Федерации.", "Правительство Российской Федерации"),
    # an agency's regional edition and its site's name in a dateline
    ("Хабаровск. 3 марта. ИНТЕРФАКС - ДАЛЬНИЙ ВОСТОК - В крае открыли новый мост.", "Интерфакс – Дальний Восток"),
    ("Томск. 5 мая. Интерфакс-Сибирь - В городе отремонтировали школу.", "Интерфакс – Сибирь"),
    ("Москва. 7 июня. INTERFAX.RU - Цены на бензин выросли.", "Интерфакс"),
    # a lower-case town body named by its place
    ("Как сообщили в администрации Южно-Сахалинска, ремонт завершён.", "Администрация Южно-Сахалинска"),
    ("Переговоры прошли в мэрии Анкары.", "Мэрия Анкары"),
    ("Программу одобрило правительство Кемеровской области.", "Правительство Кемеровской области"),
    # a bare ``области`` / ``края`` / ``республики`` is the one region the document names
    ("Туристов в Тверской области стало больше, сообщило Министерство туризма области.",
     "Министерство туризма Тверской области"),
    ("Паводок в Алтайском крае отступил. Данные привело Управление ветеринарии края.",
     "Управление ветеринарии Алтайского края"),
    ("В Татарстане открыли школу. Об этом сообщило Министерство образования республики.",
     "Министерство образования Республики Татарстан"),
    # an envoy's office with its seat; a region's institutions by their legal form
    ("Меморандум подписан с Аппаратом полномочного представителя Президента КР в Ошской области.",
     "Аппарат полномочного представителя Президента КР в Ошской области"),
    ("Тушением пожара занималось ОГКУ «Лесная охрана».", "ОГКУ «Лесная охрана»"),
]


@pytest.mark.parametrize("text,name", BODIES)
def test_bodies(pipe, text, name):
    assert name in _orgs(pipe, text)


# site menus and datelines in capitals, lone adjectives: no organizations
NOT_ORGS = [
    ("НОВОСТИ ПОЛИТИКА\n\nВ Омске открыли новую школу.", "НОВОСТИ ПОЛИТИКА"),
    ("Проект поддержало Тихоокеанское, сообщили в пресс-службе.", "Тихоокеанское"),
    ("Об этом сообщили в городской администрации.", "Городская администрация"),
    ("ШАНХАЙ, 3 мая. /ТАСС/. Делегации обсудили поставки зерна.", "ШАНХАЙ"),
    ("Обломки космического аппарата упали в океан.", "Космический аппарат"),
]


@pytest.mark.parametrize("text,name", NOT_ORGS)
def test_not_organizations(pipe, text, name):
    assert name not in _orgs(pipe, text)


def test_head_title_links_its_body(pipe):
    rec = pipe("Глава минсельхоза Оксана Лут провела совещание.")
    (person,) = rec.persons
    assert [(q.title, q.organization) for q in person.positions] == [("глава", "Министерство сельского хозяйства")]


# (text, name, abbreviation or None): whole names of units and owned bodies, acronyms paired,
# seats, agencies in datelines, names in the nominative
NAMES = [
    # a known owner after a unit's name stays in the name; the owner is an organization too
    ("На встрече представили Молодёжный совет ШОС и его планы.", "Молодёжный совет ШОС", None),
    ("Данные привёл руководитель территориального органа Росстата по Тверской области.",
     "Территориальный орган Росстата по Тверской области", None),
    ("Данные привёл руководитель территориального органа Росстата по Тверской области.",
     "Федеральная служба государственной статистики", "Росстат"),
    # an abbreviation spelling the initials of a name the text gives is that organization
    ("Учёные Северо-Восточного федерального университета получили грант. Ректор СВФУ поблагодарил их.",
     "Северо-Восточный федеральный университет", "СВФУ"),
    ("Новость передало Северное информационное агентство «Полюс». Как уточнили СИА «Полюс», рейс отменён.",
     "Северное информационное агентство «Полюс»", "СИА «Полюс»"),
    # a seat after ``г.``; no second country after a region
    ("Визит прошёл при содействии Генерального консульства Казахстана в г. Омске.",
     "Генеральное консульство Казахстана в Омске", None),
    ("Соглашение подписано с Правительством Томской области РФ в среду.", "Правительство Томской области", None),
    # an agency between slashes after a dateline's date
    ("Новости региона - 3 мая /Сибинформ/. В городе открыли мост.", "Сибинформ", None),
    # a capitalised descriptor inside a sentence belongs to the quoted name
    ("Как уточняет Агентство «Восток-Медиа», выставка продлится месяц.", "Агентство «Восток-Медиа»", None),
    ("Об этом корреспонденту «7-го Канала» сообщили в мэрии.", "7-й Канал", None),
    ("Об этом губернатор рассказал «Известиям» в интервью.", "Известия", None),
    # lower-case state bodies named by their place
    ("Приём прошёл в посольстве Индонезии в Москве.", "Посольство Индонезии в Москве", None),
    ("Договор подписан с администрацией провинции Хубэй.", "Администрация провинции Хубэй", None),
    ("Экспонаты переданы Государственным музеем истории республики Калмыкия в Элисте.",
     "Государственный музей истории республики Калмыкия", None),
    # a regional body by its adjective: the one region or city the document names
    ("Губернатор Курской области выступил на заседании областного правительства.",
     "Правительство Курской области", None),
    ("В Ижевске открыли сквер, сообщает пресс-служба городской администрации.", "Администрация Ижевска", None),
    # a bare ``области`` / ``района`` after a body: the one region or district the text names
    ("Губернатор Орловской области выступил. Члены правительства области одобрили план.",
     "Правительство Орловской области", None),
    ("Совещание провёл глава Кромского муниципального района. Выступил заместитель главы администрации района "
     "И.И. Орлов.", "Администрация Кромского муниципального района", None),
    # a committee of a known body named by its field; NER's verb before a name left out
    ("Выступил член комитета Государственной думы по бюджету и налогам.",
     "Комитет Государственной думы по бюджету и налогам", None),
    ("Окончил исторический факультет МГУ в Москве.", "Исторический факультет МГУ", None),
    # a friendship society named by its countries
    ("Выступил председатель общества дружбы Тыва-Монголия Иван Петров.", "Общество дружбы Тыва-Монголия", None),
    ("Гостей встретили члены российского общества друзей Вьетнама.", "Российское общество друзей Вьетнама", None),
    # the owner's ``по``-tail is its unit's: the federal agency itself has none
    ("Мальков выпустили сотрудники Западного управления Росрыболовства по Калининградской области.",
     "Росрыболовство", None),
    # a legal form before a name written without quotes; ``Кабмин`` heads a name
    ("Работы выполнило ОГАУ Северолес в срок.", "ОГАУ «Северолес»", None),
    ("Отчёт представил руководитель Кабмина РТ в среду.", "Кабмин РТ", None),
    # first in a sentence: a subject with its region; a region where places were not looked for
    ("Правительство Липецкой области утвердило программу переселения.", "Правительство Липецкой области", None),
    ("Фото: министерство лесного хозяйства Вологодской области\n\nВОЛОГДА, 3 мая. Леса высадили.",
     "Министерство лесного хозяйства Вологодской области", None),
    ("Делегация прибыла в Омск\n\nФото: пресс-служба Посольства СРВ в РФ\n\n3 мая. Посол выступил.",
     "Посольство СРВ в РФ", None),
    # named by relational adjectives alone, or with its field after ``по``
    ("Федеральная пассажирская транспортная компания закупила вагоны.",
     "Федеральная пассажирская транспортная компания", None),
    ("В городе открылся Региональный центр по поддержке экспорта и инвестиций.",
     "Региональный центр по поддержке экспорта и инвестиций", None),
    ("Заседание КЧС и ОПБ района прошло в пятницу.",
     "Комиссия по предупреждению и ликвидации чрезвычайных ситуаций и обеспечению пожарной безопасности",
     "КЧС и ОПБ"),
]


@pytest.mark.parametrize("text,name,abbr", NAMES)
def test_whole_names(pipe, text, name, abbr):
    orgs = _orgs(pipe, text)
    assert name in orgs, sorted(orgs)
    assert orgs[name].abbreviation == abbr


# (text, how many organizations, the mentions of the first one): one body written two ways
MERGED = [
    ("Технику закупают по линии Минздрава РФ, сообщает Министерство здравоохранения России.",
     1, ["Министерство здравоохранения", "Минздрава"]),
    ("Визит прошёл при содействии Генерального консульства Казахстана в г. Омске. При содействии "
     "Генерального консульства подписаны соглашения.",
     1, ["Генерального консульства", "Генерального консульства Казахстана в г. Омске"]),
    ("Правительство Тувы и Хакасии договорились. Соглашение между Правительством Республики Тыва и "
     "Правительством Хакасии подписано.", 2, ["Правительство", "Правительством"]),
    ("Протест выразил представитель японского МИДа. Позже МИД Японии уточнил позицию.",
     1, ["МИД", "японского МИДа"]),
    ("Концерт прошёл в Театре имени Вахтангова. Труппа Государственного академического театра имени "
     "Евгения Вахтангова готовит премьеру.",
     1, ["Театре имени Вахтангова", "Государственного академического театра имени Евгения Вахтангова"]),
]


@pytest.mark.parametrize("text,count,mentions", MERGED)
def test_one_body_two_wordings(pipe, text, count, mentions):
    orgs = pipe(text).organizations
    assert len(orgs) == count, [o.name for o in orgs]
    assert sorted(m.text for m in orgs[0].mentions) == sorted(mentions)


# events named like organizations, site sections, furniture labels, platform channels
NOT_ORGS_MORE = [
    ("Делегация выступила на бизнес-форуме «Восход: Россия - Вьетнам» в Казани.", "Восход"),
    ("Молодёжный форум Сибири «Кедр» открылся в Томске.", "Кедр"),
    ("Форум молодёжи Сибири собрал тысячу участников.", "Форум молодёжи Сибири"),
    ("Лыжница выиграла золото на Паралимпиаде в Пекине.", "Паралимпиада"),
    ("В Омске построят мост - Недвижимость РИА Новости, 12.05.2021\n\nВ Омске построят мост через Иртыш.",
     "Недвижимость"),
    ("В Омске построят мост через Иртыш, сообщили в мэрии.\n\nЛента новостей\n", "Лента новостей"),
    ("Об этом сообщает Telegram-канал ведомства.", "Telegram-канал"),
    ("Москва. 7 июня. INTERFAX.RU - Городская служба такси подняла цены.", "INTERFAX.RU - Городская"),
    ("В посадке леса приняли участие сотрудники Томского филиала.", "Томский филиал"),
]


@pytest.mark.parametrize("text,name", NOT_ORGS_MORE)
def test_not_organizations_by_kind(pipe, text, name):
    orgs = pipe(text).organizations
    assert not any(name in o.name for o in orgs), [o.name for o in orgs]


@pytest.mark.parametrize("text, expected", [
    # a unit word ending a later line, at the index where an earlier sentence named an organization
    ("Вчера в Москве прошло заседание Росстата.\nМы посетили здание регионального отделения",
     {"Федеральная служба государственной статистики"}),
    ("Доклад подготовили в Роснедрах.\nЕго одобрили в управлении", {"Федеральное агентство по недропользованию"}),
])
def test_units_are_read_within_their_sentence(pipe, text, expected):
    """A unit (``отделения``, ``управлении``) joins a known organization named right after it in
    its own sentence, never one at the same position of another sentence (that crashed)."""
    assert set(_orgs(pipe, text)) == expected


def test_resolve_is_the_plain_rule():
    """``_resolve`` through bisections chooses what the plain every-pair rule chooses."""
    import random

    from newsextract.organizations import stage
    from newsextract.organizations.candidates import OrgMention

    def plain(cands):
        chosen = []
        for c in sorted(cands, key=lambda c: (-(c.end - c.start), stage.PRIO[c.source], c.start)):
            if not [o for o in chosen if o.start < c.end and c.start < o.end]:
                chosen.append(c)
        return [(c.start, c.end, c.source) for c in chosen]

    rng = random.Random(3)
    for _ in range(200):
        cands = []
        for _ in range(rng.randint(0, 30)):
            start = rng.randint(0, 60)
            cands.append(OrgMention(start, start + rng.randint(0, 8), "x", source=rng.choice(sorted(stage.PRIO))))
        assert [(c.start, c.end, c.source) for c in stage._resolve(cands)] == plain(cands)
