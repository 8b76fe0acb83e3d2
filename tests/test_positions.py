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
    # a capitalised title word after another title, in its case, is a given name
    ("Соглашение обсудили с министром торговли Марокко Шерифом Беннани. Шериф Беннани поблагодарил партнёров.",
     "Шериф Беннани", ["министр торговли"]),
    ("Делегацию возглавил министр промышленности Эмир Хаджич.", "Эмир Хаджич", ["министр промышленности"]),
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


def test_title_before_lone_given_name_stays_title(pipe):
    rec = pipe("На открытие приехал наследник престола Принц Уильям.")
    assert "Принц Уильям" not in {p.full_name for p in rec.persons}
    assert "принц" in [q.title for p in rec.persons for q in p.positions]


def test_country_from_phrase_and_lead(pipe):
    rec = pipe("Вице-министр энергетики РК Арман Жумабаев и делегация Малайзии, возглавляемая "
               "министром Ахмадом Заки, обсудили сотрудничество.")
    countries = {p.name.last: [q.country for q in p.positions] for p in rec.persons}
    # ``РК`` alone (no other mention of Kazakhstan) is no country, in countries as in positions
    assert countries.get("Жумабаев") == [None] and "KZ" not in {c.iso2 for c in rec.countries}
    assert countries.get("Заки") == ["MY"]


def test_minister_organization(pipe):
    rec = pipe("Министр экологии и природных ресурсов Игорь Волков посетил остров.")
    (person,) = rec.persons
    assert person.positions[0].organization == "Министерство экологии и природных ресурсов"


COREF_CASES = [
    # coordinated titles before and after the name
    ("На фестиваль приехал режиссёр и сценарист Павел Орлов.", "Павел Орлов", ["режиссёр", "сценарист"]),
    ("Ирина Зайцева — дизайнер, основатель и директор студии, рассказала о планах.", "Ирина Зайцева",
     ["дизайнер", "основатель", "директор студии"]),
    # predicates: link verb + instrumental, "занимать должность" + genitive, a pronoun subject
    ("В прошлом году Андрей Котов был назначен министром транспорта.", "Андрей Котов",
     ["министр транспорта"]),
    ("Сергей Рябов прежде занимал должность заместителя мэра.", "Сергей Рябов", ["заместитель мэра"]),
    ("Олег Ветров вернулся в город. Он работал инженером на заводе.", "Олег Ветров", ["инженер"]),
    # a repeated title of the one person who holds it
    ("Губернатор края Николай Дронов открыл школу. Губернатор пообещал построить ещё две.",
     "Николай Дронов", ["губернатор"]),
    # a title in a sentence naming one person only; compound titles; new lexicon words
    ("Вчера известный хоккеист, как и ожидалось, Илья Громов объявил об уходе.", "Илья Громов", ["хоккеист"]),
    ("Интернет-предприниматель Глеб Смолин продал компанию.", "Глеб Смолин", ["интернет-предприниматель"]),
    ("Балерина Анна Светлова завершила карьеру.", "Анна Светлова", ["балерина"]),
    # the title before the link verb, the name after it; an active appointing verb names the object
    ("Новым директором библиотеки стал историк Павел Зуев.", "Павел Зуев", ["директор", "историк"]),
    ("Мэр Олег Лунин назначил своим советником Ирину Ткачёву.", "Ирина Ткачёва", ["советник"]),
    # an aged title and a bare subject title refer to the person just named
    ("Вчера в клинику попал Олег Лебедев. 58-летний юрист почувствовал себя плохо.", "Олег Лебедев", ["юрист"]),
    ("О решении сообщил Пётр Гусев. Политик добавил, что планы не изменятся.", "Пётр Гусев", ["политик"]),
    # ... also when the subject title opens a clause after adverbials or "что"
    ("Вчера в больницу доставили Олега Лебедева. 9 марта юрист был переведён в палату.", "Олег Лебедев",
     ["юрист"]),
    ("О решении сообщил Пётр Гусев. Газета уточняет, что политик покинул город.", "Пётр Гусев", ["политик"]),
    # a generic head of the same body is the person's one role
    ("Губернатор Курской области Павел Воронов открыл школу. Об этом глава региона сообщил вечером.",
     "Павел Воронов", ["губернатор"]),
    # a parenthesis between the title and the name
    ("Пресс-секретарь Федеральной таможенной службы (ФТС) Вадим Жаров ответил на вопросы.", "Вадим Жаров",
     ["пресс-секретарь"]),
    # a country in the tail goes whole, with its "Республики" and adjectives
    ("Министр энергетики и водных ресурсов Республики Таджикистан Далер Рахимов выступил.", "Далер Рахимов",
     ["министр энергетики и водных ресурсов"]),
    ("Министр торговли Арабской Республики Египет Ахмед Самир приехал в Москву.", "Ахмед Самир",
     ["министр торговли"]),
    ("Чрезвычайный и Полномочный Посол Республики Корея Ли До Хун посетил выставку.", "Ли До Хун",
     ["чрезвычайный и полномочный посол"]),
    ("Губернатор штата Невада Джон Миллер открыл мост.", "Джон Миллер", ["губернатор"]),
]


@pytest.mark.parametrize("text,person,titles", COREF_CASES)
def test_coreference_titles(pipe, text, person, titles):
    persons = {p.full_name: p for p in pipe(text).persons}
    assert person in persons
    assert [q.title for q in persons[person].positions] == titles


NOT_LINKED = [
    # a title after a preposition is no predicate; a candidacy is not an instrumental title
    ("Мария Ковалёва встретилась с министром культуры.", "Мария Ковалёва"),
    # a title in another case is not the subject's: he congratulated the hockey player
    ("Вчера известного хоккеиста поздравил с юбилеем Илья Громов.", "Илья Громов"),
    # titles of two different people joined by "и" stay apart
    ("Президент России и премьер-министр Японии Синдзо Абэ провели переговоры.", "Синдзо Абэ"),
    # a relative's title: the daughter of a minister is no minister
    ("На приём пришла дочь министра культуры Анна Белова.", "Анна Белова"),
    # the appointing subject does not take the appointee's title
    ("Губернатор Олег Лунин назначил министром культуры Ирину Ткачёву.", "Олег Лунин"),
    # a feminine title is not the man just named
    ("Тренером команды стал Игорь Савин. Спортсменка довольна новым наставником.", "Игорь Савин"),
    # a title another person holds is not the anaphor of the last name
    ("Мэр Казани Ильдар Юсупов встретил гостей. С ним был депутат Олег Морозов. Позже мэр отметил успехи.",
     "Олег Морозов"),
    ("Премьер Андрей Зимин назначил руководителем агентства по туризму Марину Светлову.", "Андрей Зимин"),
    ("Депутаты избрали председателем комиссии Петра Гущина, сообщил Игорь Мальцев.", "Игорь Мальцев"),
]


@pytest.mark.parametrize("text,person", NOT_LINKED)
def test_titles_not_linked(pipe, text, person):
    persons = {p.full_name: p for p in pipe(text).persons}
    assert person in persons
    titles = [q.title for q in persons[person].positions]
    assert not any(t.startswith(("министр культуры", "президент", "хоккеист", "руководитель", "председатель", "мэр", "спортсменка")) for t in titles)


# (text, person, title, organization, country): the title without its tail, the tail's body
# or place as the organization, one position per role; a foreign region gives its country
ROLES = [
    ("Губернатор Новгородской области Андрей Никитин открыл мост.", "Андрей Никитин",
     "губернатор", "Новгородская область", "RU"),
    ("Хоким Бухарской области Ботир Зарипов принял гостей.", "Ботир Зарипов", "хоким", "Бухарская область", "UZ"),
    ("Аким Карагандинской области Ермаганбет Булекпаев посетил завод.", "Ермаганбет Булекпаев",
     "аким", "Карагандинская область", "KZ"),
    ("Раис Хатлонской области Давлатшох Гулмахмадзода подписал протокол.", "Давлатшох Гулмахмадзода",
     "раис", "Хатлонская область", "TJ"),
    ("Глава минсельхоза Оксана Лут провела совещание.", "Оксана Лут", "глава",
     "Министерство сельского хозяйства", None),
    ("Министр сельского хозяйства Иван Котов выступил на форуме.", "Иван Котов", "министр сельского хозяйства",
     "Министерство сельского хозяйства", None),
    ("Статс-секретарь — заместитель министра финансов Алексей Сафронов выступил.", "Алексей Сафронов",
     "статс-секретарь — заместитель министра финансов", None, None),
    ("Временный поверенный в делах Непала Раджан Тхапа вручил ноту.", "Раджан Тхапа",
     "временный поверенный в делах", None, "NP"),
    ("Встречу провёл посол Египта в России Ахмед Фуад.", "Ахмед Фуад", "посол", None, "EG"),
    ("И. о. ректора университета Татьяна Лебедева вручила дипломы.", "Татьяна Лебедева", "и.о. ректора", None, None),
    ("Заместитель губернатора Тверской области по экономике Анна Смирнова открыла форум.", "Анна Смирнова",
     "заместитель губернатора по экономике", "Тверская область", "RU"),
    ("Заместитель председателя Правительства Омской области Олег Ткачёв провёл приём.", "Олег Ткачёв",
     "заместитель председателя правительства", None, "RU"),
    ("Помощник президента по международным делам Юрий Ушанов прокомментировал визит.", "Юрий Ушанов",
     "помощник президента по международным делам", None, None),
    ("Главный государственный санитарный врач Пётр Гусев дал разъяснения.", "Пётр Гусев",
     "главный государственный санитарный врач", None, None),
]


@pytest.mark.parametrize("text,person,title,organization,country", ROLES)
def test_roles(pipe, text, person, title, organization, country):
    persons = {p.full_name: p for p in pipe(text).persons}
    assert person in persons, list(persons)
    (pos,) = persons[person].positions
    assert (pos.title, pos.country) == (title, country)
    if organization is not None:
        assert pos.organization == organization


def test_one_position_per_role_with_its_mentions(pipe):
    text = ("Губернатор Курской области Павел Воронов открыл школу. Губернатор заявил, что до конца "
            "года откроют ещё две. Позже губернатор Павел Воронов посетил больницу.")
    (person,) = [p for p in pipe(text).persons if p.name.last == "Воронов"]
    (pos,) = person.positions
    assert pos.title == "губернатор" and len(pos.mentions) == 3
    assert (pos.start, pos.end, pos.text) == (pos.mentions[0].start, pos.mentions[0].end, pos.mentions[0].text)
    assert all(text[m.start:m.end] == m.text for m in pos.mentions)


# lists of members: every person gets their own title; a plural title is shared in the singular
MEMBERS = [
    ("В состав делегации вошли первый заместитель губернатора Иван Петров, заместители губернатора "
     "Олег Сидоров и Анна Белова.",
     {"Иван Петров": ["первый заместитель губернатора"], "Олег Сидоров": ["заместитель губернатора"],
      "Анна Белова": ["заместитель губернатора"]}),
    ("Участие приняли посол в Китае Игорь Моргунов, помощник президента Юрий Ушанов и "
     "спецпредставитель президента по делам ШОС Бахтияр Хакимов.",
     {"Игорь Моргунов": ["посол"], "Юрий Ушанов": ["помощник президента"],
      "Бахтияр Хакимов": ["спецпредставитель президента по делам ШОС"]}),
    # a plural title after a name is not that person's
    ("В заседании участвуют президент Виктор Орлов, его помощники, главы ведомств и дипломаты.",
     {"Виктор Орлов": ["президент"]}),
    # a title in parentheses and after a dash
    ("На встрече выступил Максим Егоров (министр промышленности края).", {"Максим Егоров": ["министр промышленности"]}),
    ("Слово взял Руслан Гаджиев — генеральный консул Азербайджана.", {"Руслан Гаджиев": ["генеральный консул"]}),
    # a plural title shared across a list after a colon or a dash, over parentheses
    ("На форум приехали бывшие губернаторы: Олег Ветров, Сергей Малинин и Игорь Дронов.",
     {"Олег Ветров": ["губернатор"], "Сергей Малинин": ["губернатор"], "Игорь Дронов": ["губернатор"]}),
    ("На сцену вышли музыканты Пётр Орлов (группа «Рассвет»), Антон Белых и Семён Лаптев.",
     {"Пётр Орлов": ["музыкант"], "Антон Белых": ["музыкант"], "Семён Лаптев": ["музыкант"]}),
    ("Проект поддержали депутаты — Ольга Жукова (2019) и Денис Карпов.",
     {"Ольга Жукова": ["депутат"], "Денис Карпов": ["депутат"]}),
]


# WORKS_AS patterns (issue #11): every person with the titles the sentence gives them
WORKS_AS = [
    # a quoted body right after a title is its tail
    ("Главный тренер «Торпедо» Виктор Малахов покинул клуб.", {"Виктор Малахов": ["главный тренер"]}),
    ('Директор "Севертранса" Ольга Рыбина дала интервью.', {"Ольга Рыбина": ["директор"]}),
    # a party or a constituency after "от", a body named in Latin letters
    ("Поправки внёс депутат от «Новой партии» Семён Кротов.", {"Семён Кротов": ["депутат"]}),
    ("Спор возник с главой подразделения Android Яковом Лисиным.", {"Яков Лисин": ["глава"]}),
    # two titles in a row without a comma, in one case
    ("Приказ подписал командующий Северным флотом адмирал Игорь Сомов.",
     {"Игорь Сомов": ["командующий", "адмирал"]}),
    # predicates: an adjectival title; the post before the verb; a clause break parts two predicates
    ("Новым командующим округом назначен генерал Павел Рудин.", {"Павел Рудин": ["командующий", "генерал"]}),
    ("Пост ректора занял Артём Гущин, а деканом станет Лидия Ивлева.",
     {"Артём Гущин": ["ректор"], "Лидия Ивлева": ["декан"]}),
    ("Затем кресло мэра заняла Вера Колосова.", {"Вера Колосова": ["мэр"]}),
    # a subjectless predicate of a biography; titles held in sequence
    ("Роман Шилов родился в Твери. В 1998 году работал инженером, затем был назначен директором.",
     {"Роман Шилов": ["инженер", "директор"]}),
    ("В девяностые Юрий Панин был министром связи, а затем министром транспорта.",
     {"Юрий Панин": ["министр связи", "министр транспорта"]}),
    # after the name: adjectives, "один из", a parenthesis before a dash
    ("Вчера в Казань прилетел Марат Ибрагимов, известный татарский композитор.",
     {"Марат Ибрагимов": ["композитор"]}),
    ("Геннадий Фомин — один из самых известных архитекторов края.", {"Геннадий Фомин": ["архитектор"]}),
    ("Лев Каменев (1931—2012, Саратов) — советский скульптор и педагог.",
     {"Лев Каменев": ["скульптор", "педагог"]}),
    # a title before a genitive name and a nominative one belongs to the second
    ("Помощник Игоря Сомова Дарья Киселёва ответила на вопросы.", {"Дарья Киселёва": ["помощник"]}),
    # a plural title introducing a list of names
    ("На фестиваль приехали поэты и прозаики, среди которых — Ирина Лаптева и Олег Будник.",
     {"Ирина Лаптева": ["поэт", "прозаик"], "Олег Будник": ["поэт", "прозаик"]}),
    ("Выступили пианисты, в том числе Кира Смолина и Тимур Ахмедов.",
     {"Кира Смолина": ["пианист"], "Тимур Ахмедов": ["пианист"]}),
]


@pytest.mark.parametrize("text,expected", MEMBERS + WORKS_AS)
def test_member_lists(pipe, text, expected):
    persons = {p.full_name: [q.title for q in p.positions] for p in pipe(text).persons}
    for name, titles in expected.items():
        assert persons.get(name) == titles, persons


# (text, person): a title that names someone else's role is not that person's
NOT_HOLDER = [
    # the genitive complement of a title
    ("Представитель Игоря Сомова отказался от комментариев.", "Игорь Сомов"),
    ("Советник Сергея Петрова сообщил об отставке.", "Сергей Петров"),
    # a plural title before one name
    ("Адвокаты Аркадия Гордеева обжаловали приговор.", "Аркадий Гордеев"),
    # a nominative title across a verb from an oblique name
    ("Губернатор встретился с семьей Николая Рощина.", "Николай Рощин"),
    # a relative's title after a name
    ("Алла Зимина, вдова композитора, передала архив музею.", "Алла Зимина"),
    # the object of the link verb's clause is the subject after a genitive name
    ("Министром финансов станет соратник Олега Смирнова Иван Кольцов.", "Олег Смирнов"),
]


@pytest.mark.parametrize("text,person", NOT_HOLDER)
def test_title_not_given_to(pipe, text, person):
    persons = {p.full_name: [q.title for q in p.positions] for p in pipe(text).persons}
    assert persons.get(person) == [], persons


def test_org_mentions_lookup():
    """The first mention in list order inside a range, and the last country given a name."""
    from types import SimpleNamespace as O

    from newsextract.persons.positions import OrgMentions

    orgs = [O(start=30, end=40, name="Б", country=None), O(start=10, end=20, name="А", country="RU"),
            O(start=12, end=18, name="В", country=None), O(start=50, end=60, name="А", country="KZ")]
    lookup = OrgMentions(orgs)
    assert lookup.first_within(0, 45).name == "Б"  # list order, not text order
    assert lookup.first_within(11, 19).name == "В"
    assert lookup.first_within(11, 17) is None
    assert lookup.country_of("А") == "KZ" and lookup.country_of("Б") is None
