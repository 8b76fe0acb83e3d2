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
    assert ("boilerplate", "Следующая новость") in zones
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
