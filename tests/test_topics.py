"""Topics: taxonomy shape, lemma matching in any inflection, scoring by position."""

from __future__ import annotations

import pytest

from newsextract import nlp, structure, topics
from newsextract.doc import Doc
from newsextract.events import extract_named

from .conftest import SEEDS

REQUIRED_IDS = """climate-policy ghg-inventory carbon-regulation carbon-neutrality hydrogen renewable-energy
ecosystems biodiversity forests waste water air-quality ecology energy oil-gas mining economy-investment
finance-budget trade industry agriculture fisheries transport construction housing digitalization health
education science culture sport tourism youth social-support labour-employment emergencies security
international-cooperation""".split()


def make_doc(text: str) -> Doc:
    """A Doc with structure, tokens, lemmas and named events; no countries, organizations, persons."""
    doc = Doc(text=text)
    structure.analyze(doc)
    nlp.segment(doc)
    nlp.lemmatize(doc)
    doc.countries, doc.organizations, doc.persons = [], [], []
    doc.named_events = extract_named(doc)
    return doc


@pytest.fixture(scope="module")
def taxonomy():
    return topics.load_taxonomy()


def test_taxonomy_ids_and_shape(taxonomy):
    assert sorted(taxonomy.topics) == sorted(REQUIRED_IDS)
    for topic in taxonomy.topics.values():
        assert topic.label
        assert 15 <= len(topic.phrases) <= 150, topic.id
        assert topic.parent is None or topic.parent in taxonomy.topics
    assert taxonomy.topics["carbon-regulation"].parent == "climate-policy"
    assert taxonomy.topics["hydrogen"].parent == "energy"


BODY = "Заголовок новости о разном\n\n"


@pytest.mark.parametrize("text, expected", [
    ("Правительство края обсудило вопросы углеродного регулирования. Углеродный рынок и торговля квотами на выбросы "
     "станут темой отдельного совещания.", "carbon-regulation"),
    ("В регионе завершили инвентаризацию парниковых газов. Кадастр выбросов будет обновляться ежегодно.",
     "ghg-inventory"),
    ("Компания построит завод по производству зелёного водорода. Электролизеры поставят в следующем году.",
     "hydrogen"),
    ("Область стремится к углеродной нейтральности к 2060 году, декарбонизация экономики уже началась.",
     "carbon-neutrality"),
    ("Рыбаки увеличили вылов минтая, а рыбоперерабатывающие заводы работают в три смены.", "fisheries"),
    ("Лесные пожары тушат авиалесоохрана и местные лесничества.", "forests"),
    ("Туристический поток на остров вырос, новые туристические маршруты открыты для туристов.", "tourism"),
    ("Студенты университета начнут обучение по новой образовательной программе магистратуры.", "education"),
    ("Товарооборот между странами вырос, экспорт зерна увеличился вдвое.", "trade"),
    ("На подстанциях провели ремонт, энергосистема региона работает стабильно, энергоснабжение восстановлено.",
     "energy"),
])
def test_topic_found(taxonomy, text, expected):
    found = topics.extract(make_doc(BODY + text), taxonomy)
    ids = [t.id for t in found]
    assert expected in ids, ids
    topic = next(t for t in found if t.id == expected)
    assert 0 < topic.score <= 1
    assert topic.evidence
    doc_text = BODY + text
    for ev in topic.evidence:
        assert doc_text[ev.start:ev.end] == ev.text


def test_parent_credited_by_children(taxonomy):
    text = (BODY + "Зелёный водород и водородная энергетика обсуждались долго. Водородный кластер будет создан, "
            "он снизит нагрузку на энергосистему области.")
    found = {t.id: t for t in topics.extract(make_doc(text), taxonomy)}
    assert "hydrogen" in found and "energy" in found
    assert found["energy"].score < found["hydrogen"].score
    assert found["energy"].parent is None and found["hydrogen"].parent == "energy"


def test_headline_weighs_more_than_body(taxonomy):
    head = "Регион занялся переработкой отходов\n\nСегодня прошло заседание правительства."
    body = "Заседание правительства\n\nСегодня прошло заседание. Переработка отходов тоже упоминалась."
    s_head = {t.id: t.score for t in topics.extract(make_doc(head), taxonomy)}.get("waste", 0)
    s_body = {t.id: t.score for t in topics.extract(make_doc(body), taxonomy)}.get("waste", 0)
    assert s_head > s_body


def test_boilerplate_is_not_evidence(taxonomy):
    text = "Новости дня\n\nСегодня прошло заседание.\n\nЧитайте также: переработка отходов, раздельный сбор мусора, полигон ТКО"
    found = [t.id for t in topics.extract(make_doc(text), taxonomy)]
    assert "waste" not in found


def test_no_topic_in_plain_text(taxonomy):
    assert topics.extract(make_doc("Просто заголовок\n\nОн пришёл домой и лёг спать."), taxonomy) == []


def test_user_taxonomy(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text('threshold = 0.1\n[[topic]]\nid = "cats"\nlabel = "Кошки"\nparent = ""\n'
                    'phrases = ["кошка", "домашний кот"]\n', encoding="utf-8")
    tax = topics.load_taxonomy(str(path))
    found = topics.extract(make_doc("Заголовок\n\nДомашних котов и кошек стало больше."), tax)
    assert [t.id for t in found] == ["cats"]
    assert [e.text for e in found[0].evidence] == ["Домашних котов", "кошек"]


def test_bad_taxonomy_parent(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text('[[topic]]\nid = "a"\nlabel = "A"\nparent = "nope"\nphrases = ["кошка"]\n', encoding="utf-8")
    with pytest.raises(ValueError):
        topics.load_taxonomy(str(path))


SAMPLES = sorted(str(p) for p in SEEDS.glob("*.txt"))  # ../shared/seeds relative to the project


@pytest.mark.skipif(not SAMPLES, reason="shared sample absent")
def test_sample_topics(taxonomy):
    doc = make_doc(open(SAMPLES[0], encoding="utf-8").read())
    found = {t.id: t for t in topics.extract(doc, taxonomy)}
    assert len(found) >= 3
    assert {"carbon-regulation", "carbon-neutrality"} & set(found)
    assert "climate-policy" in found
    assert {"energy", "hydrogen", "renewable-energy"} & set(found)
    assert all(t.evidence for t in found.values())


def test_foreign_countries_credit_international_cooperation(taxonomy):
    from newsextract.records import Country, CountryMention
    text = "Новость\n\nГости из Индии и Вьетнама осмотрели порт. Индия и Вьетнам довольны. Вьетнам ждет ответного визита."
    doc = make_doc(text)
    doc.countries = [
        Country(iso2=iso2, iso3=iso3, name=name,
                mentions=[CountryMention(start=m.start(), end=m.end(), text=m.group(0), form="name")
                          for m in __import__("re").finditer(pat, text)])
        for pat, iso2, iso3, name in [(r"Инди\w+", "IN", "IND", "Индия"), (r"Вьетнам\w*", "VN", "VNM", "Вьетнам")]]
    found = {t.id for t in topics.extract(doc, taxonomy)}
    assert "international-cooperation" in found


def test_phrase_in_organization_name_weighs_little(taxonomy):
    from newsextract.records import Mention, Organization
    text = "Новость\n\nМинистерство энергетики провело приём граждан."
    doc = make_doc(text)
    start = text.index("Министерство")
    end = start + len("Министерство энергетики")
    doc.organizations = [Organization(name="Министерство энергетики",
                                                 mentions=[Mention(start=start, end=end, text=text[start:end])])]
    assert "energy" not in {t.id for t in topics.extract(doc, taxonomy)}


def test_strong_phrase_in_lead_passes_generic_word_in_body_does_not(taxonomy):
    lead = topics.extract(make_doc("Итоги недели\n\nТоварооборот области с соседями вырос на треть."), taxonomy)
    assert "trade" in [t.id for t in lead]
    body = ("Итоги недели\n\nГубернатор провёл совещание с главами районов. Обсуждали ремонт школ. "
            "Отдельно говорили о том, что порт работает в обычном режиме.")
    assert "transport" not in [t.id for t in topics.extract(make_doc(body), taxonomy)]


def test_phrase_inside_event_name_is_weak_evidence(taxonomy):
    text = ("Губернатор встретился с послом\n\nГубернатор обсудил с послом поставки зерна. "
            "Гостей пригласили на ЭКСПО зелёных технологий осенью.")
    ids = [t.id for t in topics.extract(make_doc(text), taxonomy)]
    assert "renewable-energy" not in ids and "ecology" not in ids


def test_general_parent_not_implied_by_child(taxonomy):
    text = "Торфяники области\n\nВ области обследовали торфяники и болота, восстановление экосистем продолжится."
    ids = [t.id for t in topics.extract(make_doc(text), taxonomy)]
    assert "ecosystems" in ids and "ecology" not in ids


def test_user_taxonomy_tiers(tmp_path):
    path = tmp_path / "tiers.toml"
    path.write_text('[[topic]]\nid = "cats"\nlabel = "Кошки"\nparent = ""\nstrong = ["мейн-кун"]\n'
                    'phrases = ["кошка"]\nweak = ["хвост"]\n', encoding="utf-8")
    tax = topics.load_taxonomy(str(path))
    assert tax.topics["cats"].phrases == ["мейн-кун", "кошка", "хвост"]
    assert tax.topics["cats"].strength == {"мейн-кун": 1.5, "кошка": 1.0, "хвост": 0.4}
    weak = topics.extract(make_doc("Заголовок\n\nЕго долго не было. Потом показался хвост."), tax)
    assert weak == []
    strong = topics.extract(make_doc("Заголовок\n\nВ приюте живёт мейн-кун."), tax)
    assert [t.id for t in strong] == ["cats"]


# --- evidence from real pages (issue 12) -------------------------------------------------------
def test_taxonomy_is_press_dev_taxonomy(taxonomy):
    from pathlib import Path
    path = Path(__file__).resolve().parents[2] / "shared" / "data" / "press-dev" / "topics.txt"
    if not path.is_file():
        pytest.skip("press-dev is absent")
    ids = [line.split("\t")[0] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert sorted(ids) == sorted(taxonomy.topics)


@pytest.mark.parametrize("text,absent", [
    # a site menu and a tail of other articles are no evidence
    ("Новости / Спорт / Культура / Туризм\nДума приняла бюджет\n\nДепутаты городской думы утвердили бюджет "
     "города на следующий год: доходы составят 12 миллиардов рублей, расходы — 13 миллиардов рублей.\n"
     "Читайте также\nВ парке открыли стадион для футбола и хоккея\nТеатр покажет премьеру спектакля",
     {"sport", "culture", "tourism"}),
    # a programme's quoted name is weak evidence: alone it makes no topic
    ("Мэрия отчиталась\n\nПо проекту «Чистая вода» мэрия отчиталась перед депутатами о расходах.", {"water"}),
    # one weak word is not enough
    ("Совещание\n\nВ лесу возле поселка прошла встреча жителей с главой района.", {"forests"}),
    # a less likely reading of one word is no evidence ("после" is no "посол")
    ("Совещание\n\nПосле совещания глава района ответил на вопросы жителей о ремонте.",
     {"international-cooperation"}),
])
def test_no_topic_from_furniture_names_or_weak_words(taxonomy, text, absent):
    found = {t.id for t in topics.extract(make_doc(text), taxonomy)}
    assert not found & absent, found


def test_people_names_are_no_evidence(taxonomy):
    from newsextract.doc import NerSpan
    text = "Совещание\n\nВладимир Путин провел совещание. Путина поздравили с юбилеем."
    doc = make_doc(text)
    doc.ner = [NerSpan(m.start(), m.end(), "PER", m.group()) for m in __import__("re").finditer(r"Путин\w*", text)]
    assert "fisheries" not in {t.id for t in topics.extract(doc, taxonomy)}


def test_body_evidence_still_counts(taxonomy):
    text = ("Дума приняла бюджет\n\nДепутаты утвердили бюджет области: доходы бюджета вырастут, "
            "дефицит бюджета сократится, налоговые поступления увеличатся.")
    assert "finance-budget" in {t.id for t in topics.extract(make_doc(text), taxonomy)}


# Lists of fields of cooperation: each field of a short list is evidence for its topic.
COOP_HEAD = "Делегация края побывала в соседней республике\n\nГубернатор встретился с коллегами из соседей. "


@pytest.mark.parametrize("text, expected", [
    ("Стороны договорились развивать сотрудничество в области здравоохранения и туризма.",
     {"health", "tourism"}),
    ("Обсуждалось взаимодействие в сфере высшего образования.", {"education"}),
    ("Регионы намерены сотрудничать в туристической и спортивной сферах.", {"tourism", "sport"}),
    ("Партнёры предложили расширить сотрудничество в рыболовстве и здравоохранении.", {"fisheries", "health"}),
])
def test_field_of_cooperation_is_topic(taxonomy, text, expected):
    found = {t.id for t in topics.extract(make_doc(COOP_HEAD + text), taxonomy)}
    assert expected <= found, found


@pytest.mark.parametrize("head, text, absent", [
    # the same fields outside cooperation: an investment's sectors
    ("Губернатор провёл совещание о развитии промышленности\n\nНа заводах края растёт выпуск станков. ",
     "Средства фонда направят в проекты в сфере здравоохранения и туризма.", {"health", "tourism"}),
    # a long boilerplate list names every field, continued by "а также"
    (COOP_HEAD, "Соглашение предусматривает сотрудничество в торгово-экономической, туристической, образовательной, "
     "культурной и социальной сферах, а также в сфере спорта.", {"tourism", "education", "sport"}),
])
def test_field_list_not_topic(taxonomy, head, text, absent):
    found = {t.id for t in topics.extract(make_doc(head + text), taxonomy)}
    assert not absent & found, found


@pytest.mark.parametrize("text, items, short", [
    ("Стороны обсудили сотрудничество в сфере культуры, науки и спорта.", 3, True),
    ("Они сотрудничают в экономической сфере.", 1, True),
    ("Соглашение о партнёрстве в торговой, научной, культурной и спортивной сферах подписано.", 4, False),
    ("Сотрудничество в образовании и медицине продолжится.", 2, True),
])
def test_field_lists(text, items, short):
    from newsextract.topics.fields import field_lists
    found = field_lists(make_doc("Заголовок\n\n" + text))
    assert [(fl.items, fl.short) for fl in found] == [(items, short)]


@pytest.mark.parametrize("text", [
    "Проекты в сфере логистики и здравоохранения получат деньги.",  # no cooperation before the list
    "В Курганской области прошёл семинар о сотрудничестве.",  # a region, not a field
])
def test_no_field_list(text):
    from newsextract.topics.fields import field_lists
    assert field_lists(make_doc("Заголовок\n\n" + text)) == []


# What was discussed lists topics; domain phrase families; generic words alone make no topic.
@pytest.mark.parametrize("text, expected", [
    ("Главы регионов обсудили развитие аквакультуры и подготовку кадров.", "fisheries"),
    ("Санитарная служба сообщила, что эпидситуация в районах паводка стабильная.", "health"),
    ("Росстат опубликовал экономические показатели региона за полугодие.", "economy-investment"),
    ("Вопрос о строительстве мусороперегрузочной станции решён, мусорная реформа идёт по плану.", "waste"),
    ("Гранты получили проекты по геофизике, генетике и биотехнологиям.", "science"),
])
def test_phrase_families(taxonomy, text, expected):
    found = [t.id for t in topics.extract(make_doc(BODY + text), taxonomy)]
    assert expected in found, found


@pytest.mark.parametrize("text, absent", [
    ("Специалисты и сотрудники управления работают над контролем качества и защитой данных.",
     {"labour-employment", "security"}),
    ("На открытии выставки гостей встретили хозяева. Проект был разработан заранее.", {"science"}),
])
def test_generic_words_alone_no_topic(taxonomy, text, absent):
    found = {t.id for t in topics.extract(make_doc(BODY + text), taxonomy)}
    assert not absent & found, found


@pytest.mark.parametrize("text, tid, counted", [
    # the title of a session after "на тему" says what was discussed
    ("Участники форума провели дискуссии на тему «Развитие туристического потенциала региона».", "tourism", True),
    ("Прошли круглые столы на темы «Будущее энергетики», «Развитие туристического потенциала».", "tourism", True),
    # a quoted programme's name is weak evidence
    ("Участники форума вспомнили программу «Развитие туристического потенциала региона».", "tourism", False),
])
def test_session_title_after_theme_counts(taxonomy, text, tid, counted):
    found = {t.id for t in topics.extract(make_doc(BODY + text), taxonomy)}
    assert (tid in found) == counted, found


# International cooperation is a frame: kept alone, it takes along its best-supported field,
# even one strong phrase deep in the body; a domestic item's passing mention stays out.
ENVOY_HEAD = ("Посол приехал в Самару\n\nПосол соседней республики провёл переговоры с губернатором области. "
              "Стороны условились продолжить визиты делегаций. Встреча прошла в здании правительства. ")


@pytest.mark.parametrize("text, expected", [
    ("Губернатор напомнил, что за последние годы товарооборот заметно вырос.", {"trade"}),
    ("Гость отметил, что в нашем городе ему особенно понравился театр оперы и балета.", {"culture"}),
    ("В регион ежегодно приезжают тысячи туристов, а в следующем году откроется новый аэропорт.",
     {"tourism", "transport"}),  # a tie: both fields
])
def test_frame_topic_takes_its_field(taxonomy, text, expected):
    found = {t.id for t in topics.extract(make_doc(ENVOY_HEAD + text), taxonomy)}
    assert {"international-cooperation"} | expected <= found, found


@pytest.mark.parametrize("text, absent", [
    # a domestic item keeps its subject; one passing strong phrase deep in the body is no topic
    ("В Липецке открылась новая поликлиника\n\nВ новой поликлинике примут пациентов со всего района. "
     "Врачи начали приём в понедельник. Здание оборудовано лифтами и пандусами. "
     "На церемонии открытия для гостей играл духовой оркестр.", {"culture"}),
    # the frame alone with only generic words or weak evidence takes nothing along
    (ENVOY_HEAD + "Делегация посетила выставку и пообщалась с командой проекта.", {"culture", "sport"}),
    # ... nor with a long boilerplate list of every field
    (ENVOY_HEAD + "Документ предусматривает взаимодействие в промышленной, аграрной, туристической, образовательной "
     "и социальной сферах, а также в области физической культуры и спорта.", {"sport", "tourism", "education"}),
])
def test_passing_mention_no_topic(taxonomy, text, absent):
    found = {t.id for t in topics.extract(make_doc(text), taxonomy)}
    assert found and not absent & found, found


@pytest.mark.parametrize("text, expected, absent", [
    # audiences are not the topic: a museum show for schoolchildren and students is culture
    ("Выставку старинных икон покажут школьникам\n\nВ краеведческом музее открылась выставка старинных икон. "
     "Директор музея сказал, что экспозицию нужно показать школьникам и студентам.", "culture", "education"),
    # capital repair of apartment blocks is housing (ЖКХ), not construction
    ("В области отремонтируют сто домов\n\nРегиональный фонд капремонта утвердил план на год. "
     "Капремонт пройдёт в многоквартирных домах пяти городов, жильцы одобрили сметы работ.", "housing",
     "construction"),
    # a seminar is a format, not education; visitors of a show are its audience, not tourists
    ("Для экспортёров провели семинар\n\nВ торговой палате прошёл семинар для экспортёров. "
     "Участникам рассказали о таможенных правилах и выходе на зарубежные рынки.", "trade", "education"),
    ("Посетители библиотеки увидели рисунки\n\nВ городской библиотеке открылась выставка рисунков. "
     "Посетителям показали работы художников из местной студии.", "culture", "tourism"),
    # a river where young fish are released is the setting, not water resources
    ("Мальков осетра выпустили в реку\n\nСотрудники рыбоохраны выпустили в реку тысячу мальков осетра. "
     "Рыбу вырастили на рыбоводном заводе.", "fisheries", "water"),
])
def test_setting_and_audience_words(taxonomy, text, expected, absent):
    found = {t.id for t in topics.extract(make_doc(text), taxonomy)}
    assert expected in found and absent not in found, found


@pytest.mark.parametrize("text, parties", [
    ("На совещание пришли представители полиции, прокуратуры и здравоохранения района.",
     ["полиции, прокуратуры и здравоохранения района"]),
    ("В форуме участвовали представители бизнеса из соседних областей.", ["бизнеса"]),
    ("Представитель министерства рассказал о планах.", ["министерства"]),
    ("Представители выступили с докладами.", []),
])
def test_party_spans(text, parties):
    from newsextract.topics.fields import party_spans
    doc = make_doc("Заголовок\n\n" + text)
    assert [doc.text[s:e] for s, e in party_spans(doc)] == parties


@pytest.mark.parametrize("text, absent", [
    # who was present is no topic: the services at a meeting, the business at a forum
    (ENVOY_HEAD + "На встречу пригласили представителей бизнеса и предпринимателей из районов.",
     {"economy-investment"}),
    # the diplomatic formula of humanitarian ties names no field
    (ENVOY_HEAD + "Гость напомнил, что страны связывают давние экономические и гуманитарные связи.", {"culture"}),
])
def test_parties_and_formulae_no_topic(taxonomy, text, absent):
    found = {t.id for t in topics.extract(make_doc(text), taxonomy)}
    assert found and not absent & found, found
