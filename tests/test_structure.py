"""Zones of press-release shapes and the publication date from the dateline."""

from __future__ import annotations

import pytest

from newsextract.dates import published

from .conftest import make_doc

RELEASE = """Амурская область и Китай обсудили поставки сои

Регион готов нарастить экспорт в соседние провинции
Амурская область и Китай обсудили поставки сои
Фото: пресс-служба правительства Амурской области

БЛАГОВЕЩЕНСК, 14 марта. Министр сельского хозяйства Амурской области провёл переговоры с делегацией провинции Хэйлунцзян, сообщает ИА «АмурИнфо» со ссылкой на пресс-службу правительства региона.

Форум аграриев (12+) пройдёт в июне 2025 года.

Амурская область и Китай обсудили поставки сои. пресс-служба правительства Амурской области

Смотрите полную версию на сайте >>>
Следующая новость
"""


def _zones(doc):
    return [(z.kind, doc.text[z.start:z.end]) for z in doc.zones]


def test_press_release_zones():
    doc = make_doc(RELEASE)
    zones = _zones(doc)
    kinds = [k for k, _ in zones]
    assert zones[0] == ("headline", "Амурская область и Китай обсудили поставки сои")
    assert ("lead", "Регион готов нарастить экспорт в соседние провинции") in zones
    assert kinds.count("caption") == 2
    assert ("photo_credit", "Фото: пресс-служба правительства Амурской области") in zones
    assert ("dateline", "БЛАГОВЕЩЕНСК, 14 марта.") in zones
    assert ("age_mark", "(12+)") in zones
    assert ("boilerplate", "Смотрите полную версию на сайте >>>") in zones
    assert ("related", "Следующая новость") in zones
    attribution = [t for k, t in zones if k == "attribution"]
    assert attribution and attribution[0].startswith("сообщает ИА «АмурИнфо» со ссылкой на пресс-службу")
    assert doc.title == "Амурская область и Китай обсудили поставки сои"
    credit = next(z for z in doc.zones if z.kind == "photo_credit")
    assert doc.is_ignored(credit.start + 3, credit.end)
    assert not doc.is_ignored(doc.text.index("Министр"))


@pytest.mark.parametrize("text,expected", [
    ("Заголовок\n\n22 ноября. Стороны обменялись приглашениями на форум в мае 2025 года.", "2024-11-22"),
    ("Заголовок\n\n3 февраля. Итоги 2024 года подвели на коллегии.", "2025-02-03"),
    ("Заголовок\n\n10 октября 2023 года. Текст без других дат.", "2023-10-10"),
    ("Заголовок\n\n05.06.2025\nТекст новости.", "2025-06-05"),
    ("Заголовок\n\n14 ноября. Делегация приняла участие в COP29 в Баку.", "2024-11-14"),
    ("Заголовок\n\nТекст без даты и без года.", None),
    ("Заголовок\n\n28 января. Летом 2025 года будут выполняться рейсы. С 2023 года работает портал.", "2025-01-28"),
    ("Заголовок\n\n**ЯКУТСК, 14 ноября.** Форум, который проходит с 12 по 16 ноября 2023 года, открылся.",
     "2023-11-14"),
    ("Заголовок\n\nМОСКВА, 12 марта 2025 г. Посольство провело семинар.", "2025-03-12"),
    ("Заголовок\n\nЕКАТЕРИНБУРГ, 21.06.2024. Стартовали Дни культуры.", "2024-06-21"),
    ("Заголовок\n\n27 марта. В море прошли учения «Баренц-2025».", "2025-03-27"),
])
def test_published_from_dateline(text, expected):
    doc = make_doc(text)
    published.infer_published(doc)
    assert doc.published == expected
    assert doc.published_inferred is (expected is not None)


def test_metadata_wins_over_dateline():
    doc = make_doc("Заголовок\n\n22 ноября. Текст.", published="2023-11-22")
    published.infer_published(doc)
    assert doc.published == "2023-11-22" and not doc.published_inferred


def test_sample_headline_and_published(sample_record):
    assert sample_record.title.startswith("Сахалинская область налаживает")
    assert sample_record.published == "2024-11-22" and sample_record.published_inferred
    kinds = {z.kind for z in sample_record.zones}
    assert {"headline", "dateline", "photo_credit", "caption", "boilerplate", "age_mark"} <= kinds


# --- agency datelines, stamps, date lines and URLs (issue 12) ---------------------------------
@pytest.mark.parametrize("line,expected", [
    ("ТОМСК, 3 апр – РИА Новости. Мэрия объявила конкурс.", (3, 4, None)),
    ("ВОЛОГДА, 17 ноября. /ТАСС/. В области открылся технопарк.", (17, 11, None)),
    ("Самара. 9 июля. INTERFAX.RU - Завод увеличил выпуск.", (9, 7, None)),
    ("Хабаровск. 2 декабря. ИНТЕРФАКС - ДАЛЬНИЙ ВОСТОК - Порт принял судно.", (2, 12, None)),
    ("(Уфа, 21 мая, «Башинформ»). Глава республики провел совещание.", (21, 5, None)),
    ("Ташкент, 8 октября, 2024, 11:05 — ИА Регнум. Министры встретились.", (8, 10, 2024)),
    ("АСТАНА, 14 сен — Sputnik. Делегации обсудили транзит.", (14, 9, None)),
    ("Н. НОВГОРОД, 5 сент. - РИА Новости. Открылся мост.", (5, 9, None)),
    ("ПСКОВ, 11 Марта 2025 г. Стартовала ярмарка.", (11, 3, 2025)),
    ("ЧИТА, 30.01.2024. Прошел форум.", (30, 1, 2024)),
    ("12 февраля. Делегация прибыла в Читу.", (12, 2, None)),
])
def test_agency_datelines(line, expected):
    from newsextract.dates.dateline import parse_dateline
    assert tuple(parse_dateline(line)) == expected


@pytest.mark.parametrize("line", [
    "1 сентября в городском музее открылась выставка.",
    "В среду 14 июня рыбаки вышли в море.",
    "Паводок в Амурской области. 29 мая 2019",
])
def test_not_datelines(line):
    from newsextract.dates.dateline import parse_dateline
    assert parse_dateline(line) is None


@pytest.mark.parametrize("url,expected", [
    ("https://agency.example/20250312/forum-1234567890.html", "2025-03-12"),
    ("https://city.example/news/2024-03-12/most", "2024-03-12"),
    ("https://region.example/society/2024/03/12/5555.html", "2024-03-12"),
    ("https://weekly.example/ru/news/12032024/bridge", "2024-03-12"),
    ("https://portal.example/news/24138753-intervyu.html", None),
    ("https://portal.example/news/2024-plan-razvitiya", None),
])
def test_url_dates(url, expected):
    from newsextract.dates.dateline import url_date
    date, _year = url_date(url)
    assert (date.isoformat() if date else None) == expected


def _published(text, url=None):
    doc = make_doc(text)
    if url:
        doc.meta["url"] = url
    published.infer_published(doc)
    return doc.published, doc.published_source


@pytest.mark.parametrize("text,url,expected", [
    # the dateline's year from the URL, not the current year
    ("Мост открыт\n\nТОМСК, 3 апр – РИА Новости. Движение запустили утром.",
     "https://agency.example/20190403/most.html", ("2019-04-03", "dateline")),
    # ... or from the crawler's stamp
    (" date 2016-11-30 Завод запущен\n\nКАЗАНЬ, 29 ноября. /ТАСС/. Завод начал работу.", None,
     ("2016-11-29", "dateline")),
    # a stamp alone
    (" date 2025-03-12 В области открыли школу на 500 мест.", None, ("2025-03-12", "stamp")),
    # date lines under the headline
    ("Школа открыта\n14:05 12 марта 2025\nВ поселке открылась новая школа.", None, ("2025-03-12", "stamp")),
    ("Школа открыта\n12.03.2025 10:15\nВ поселке открылась новая школа.", None, ("2025-03-12", "stamp")),
    ("Опубликовано: 7 мая 2021 – 09:40\n\nШкола открыта\n\nВ поселке открылась школа.", None, ("2021-05-07", "stamp")),
    # the site's clock is not the page's date
    ("Городской портал\n2 Января 2026\nСейчас 10:15\n08:30, 9 Октября 2014 | Новости\n\nШкола открыта", None,
     ("2014-10-09", "stamp")),
    # the URL alone
    ("Школа открыта\n\nВ поселке открылась школа.", "https://city.example/2023/09/01/school", ("2023-09-01", "url")),
    # a weekday beside a year-less date, its year from the text's dated mentions
    ("Школа открыта\n\nГубернатор во вторник, 13 августа, открыл школу. В 2025 году откроют еще две.", None,
     ("2024-08-13", "inferred")),
    # nothing dates the page: no guess
    ("Школа открыта\n\nМОСКВА, 5 марта. /ТАСС/. В поселке открылась школа.", None, (None, None)),
])
def test_published_sources(text, url, expected):
    assert _published(text, url) == expected


# --- site furniture (issue 12) ------------------------------------------------------------------
PAGE = """Городской портал
Меню
Новости / Экономика
-3 $ 91.20 +0.4
Курсы валют: 91,20|99,80
Депутаты утвердили бюджет города на 2026 год
17:42 28.11.2025
Поделиться
Отправить
Автор: Ольга Смирнова
Депутаты городской думы на заседании в пятницу утвердили бюджет города на 2026 год. Доходы составят 12 миллиардов рублей, расходы — 13 миллиардов рублей, сообщили в пресс-службе думы.
Основная часть расходов придется на образование и здравоохранение.
Теги: бюджет, дума
Мы используем файлы cookie, чтобы сайт работал лучше.
Читайте также
В парке открыли каток
Мэр наградил волонтеров
"""


@pytest.mark.parametrize("line,kind", [
    ("Меню", "menu"),
    ("Новости / Экономика", "menu"),
    ("-3 $ 91.20 +0.4", "ticker"),
    ("17:42 28.11.2025", "timestamp"),
    ("Поделиться", "share"),
    ("Отправить", "share"),
    ("Автор: Ольга Смирнова", "byline"),
    ("Теги: бюджет, дума", "tags"),
    ("Мы используем файлы cookie, чтобы сайт работал лучше.", "cookie"),
    ("Читайте также", "related"),
    ("В парке открыли каток", "related"),
    ("Мэр наградил волонтеров", "related"),
    ("Депутаты утвердили бюджет города на 2026 год", "headline"),
])
def test_furniture_zones(line, kind):
    doc = make_doc(PAGE)
    assert (kind, line) in _zones(doc)


def test_furniture_leaves_the_article():
    doc = make_doc(PAGE)
    body = doc.text.index("Депутаты городской думы")
    assert doc.zone_kind(body) == "body" and not doc.is_ignored(body)
    assert doc.zone_kind(doc.text.index("Основная часть")) == "body"
    assert doc.is_ignored(doc.text.index("Поделиться"))
    assert doc.title == "Депутаты утвердили бюджет города на 2026 год"


def test_stamped_headline_and_chrome_above_it():
    text = ("Курсы валют в Самаре\nОбновление каждые 5 минут\n"
            "Губернатор встретился с послом Вьетнама12 марта 2025 года, 16:31\n"
            "Губернатор провел встречу с послом Вьетнама и обсудил поставки зерна и удобрений в следующем году.")
    doc = make_doc(text)
    zones = _zones(doc)
    assert ("headline", "Губернатор встретился с послом Вьетнама") in zones
    assert ("menu", "Курсы валют в Самаре") in zones
    assert ("timestamp", "12 марта 2025 года, 16:31") in zones
