"""Closed word sets of the date grammar: months, ordinals, seasons, relative words."""

from __future__ import annotations

import re

from ..nlp.calendar import MONTH_FORMS, MONTH_STEMS  # noqa: F401 - the grammar's month words

# Abbreviated month names as agencies and sites print them: "12 мар", "5 сент.", "9 сен" -> 3, 9, 9
MONTH_ABBR = {
    "янв": 1, "фев": 2, "февр": 2, "мар": 3, "апр": 4, "июн": 6, "июл": 7, "авг": 8,
    "сен": 9, "сент": 9, "окт": 10, "ноя": 11, "нояб": 11, "дек": 12,
}


def month_number(word: str) -> int | None:
    """The month of a month word in any case or abbreviation: "Марта" -> 3, "сент." -> 9."""
    w = word.lower().rstrip(".")
    if w in MONTH_FORMS:
        return MONTH_FORMS[w][0]
    return MONTH_ABBR.get(w)


# Weekday forms after "в"/"во": "в понедельник", "во вторник", "в среду" -> ISO weekday (Mon=0)
WEEKDAYS = {
    "понедельник": 0, "вторник": 1, "среду": 2, "среда": 2, "четверг": 3,
    "пятницу": 4, "пятница": 4, "субботу": 5, "суббота": 5, "воскресенье": 6,
}

# Ordinal words for quarters and halves: "во втором квартале", "первого полугодия" -> 2, 1
ORDINALS = {
    "первом": 1, "первый": 1, "первого": 1, "первое": 1, "первой": 1, "первую": 1, "1-м": 1, "1-й": 1,
    "втором": 2, "второй": 2, "второго": 2, "второе": 2, "вторую": 2, "2-м": 2, "2-й": 2,
    "третьем": 3, "третий": 3, "третьего": 3, "3-м": 3, "3-й": 3,
    "четвертом": 4, "четвёртом": 4, "четвертый": 4, "четвёртый": 4, "четвертого": 4, "четвёртого": 4,
    "4-м": 4, "4-й": 4,
    "i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4,
}

# Seasons: "летом 2025 года" -> months 6..8; "осенью" -> 9..11
SEASONS = {
    "зимой": (1, 2), "зима": (1, 2), "зимы": (1, 2),
    "весной": (3, 5), "весна": (3, 5), "весны": (3, 5),
    "летом": (6, 8), "лето": (6, 8), "лета": (6, 8),
    "осенью": (9, 11), "осень": (9, 11), "осени": (9, 11),
}

# Days relative to the publication date: "вчера" -> -1
RELATIVE_DAYS = {"сегодня": 0, "вчера": -1, "позавчера": -2, "завтра": 1, "послезавтра": 2, "накануне": -1}

# Adjectives that shift a year/month/week: "в прошлом году" -> -1, "в следующем месяце" -> +1
RELATIVE_SHIFT = {
    "этом": 0, "этого": 0, "этой": 0, "эту": 0, "этот": 0, "текущем": 0, "текущего": 0, "текущей": 0,
    "нынешнем": 0, "нынешнего": 0, "нынешней": 0, "сем": 0,
    "предыдущем": -1, "предыдущего": -1, "предыдущей": -1, "предыдущую": -1, "предыдущий": -1,
    "прошлом": -1, "прошлого": -1, "прошлой": -1, "прошлую": -1, "прошлый": -1,
    "прошлое": -1, "минувшее": -1, "прошедшее": -1, "это": 0, "следующее": 1, "ближайшее": 1,
    "минувшем": -1, "минувшего": -1, "минувшей": -1, "минувшую": -1, "минувший": -1,
    "прошедшем": -1, "прошедшего": -1, "прошедшей": -1, "прошедшую": -1, "прошедший": -1,
    "позапрошлом": -2, "позапрошлого": -2, "позапрошлой": -2,
    "следующем": 1, "следующего": 1, "следующей": 1, "следующую": 1, "следующий": 1,
    "будущем": 1, "будущего": 1, "будущей": 1, "будущую": 1, "будущий": 1,
    "предстоящем": 1, "предстоящего": 1, "предстоящей": 1, "предстоящую": 1,
    "грядущем": 1, "грядущего": 1,
}

# Number words in "три года назад", "через две недели" -> 3, 2
NUMBER_WORDS = {
    "один": 1, "одну": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6,
    "семь": 7, "восемь": 8, "девять": 9, "десять": 10, "полтора": 1.5, "полгода": 0.5,
}

# Part-of-period words before a date: "в начале октября" -> start
PARTS = {
    "начале": "start", "начала": "start", "началу": "start", "начало": "start",
    "середине": "middle", "середины": "middle", "середину": "middle",
    "конце": "end", "конца": "end", "концу": "end", "конец": "end",
    "первой половине": "first_half", "первой половины": "first_half",
    "второй половине": "second_half", "второй половины": "second_half",
}

# Prepositions before a date and the modifier they give: "к 2060 году" -> by
PREPOSITIONS = {
    "к": "by", "ко": "by", "до": "until", "вплоть до": "until", "не позднее": "by", "по": "until",
    "с": "since", "со": "since", "начиная с": "since", "начиная со": "since", "от": None,
    "после": "after", "перед": "before", "не ранее": "after",
    "в": None, "во": None, "на": None, "за": None, "в течение": None,
}

# Anaphoric or vague expressions NEREL marks as dates; no value: "в тот же день", "на днях"
VAGUE = {
    "в тот же день": "anaphoric: the day of an event named in the text",
    "в тот день": "anaphoric: the day of an event named in the text",
    "в этот день": "anaphoric: the day of an event named in the text",
    "на следующий день": "anaphoric: the day after an event named in the text",
    "в том же году": "anaphoric: the year of an event named in the text",
    "годом ранее": "anaphoric: the year before an event named in the text",
    "в последние годы": "vague: recent years",
    "в ближайшие годы": "vague: coming years",
    "на днях": "vague: a few days ago",
    "годом позже": "anaphoric: the year after an event named in the text",
    "годом спустя": "anaphoric: the year after an event named in the text",
    "год спустя": "anaphoric: the year after an event named in the text",
    "месяцем позже": "anaphoric: the month after an event named in the text",
    "месяц спустя": "anaphoric: the month after an event named in the text",
    "неделей позже": "anaphoric: the week after an event named in the text",
    "неделю спустя": "anaphoric: the week after an event named in the text",
    "в тот же год": "anaphoric: the year of an event named in the text",
}

# Units of "N лет назад" / "через N дней": "года" -> year
UNITS = {
    "день": "day", "дня": "day", "дней": "day", "сутки": "day", "суток": "day",
    "неделю": "week", "недели": "week", "недель": "week",
    "месяц": "month", "месяца": "month", "месяцев": "month",
    "год": "year", "года": "year", "лет": "year",
}

# Amounts in periods and durations, any case: "за последние пять лет", "в течение трех лет"
AMOUNT_WORDS = {
    "один": 1, "одну": 1, "одного": 1, "одной": 1, "два": 2, "две": 2, "двух": 2, "три": 3, "трех": 3, "трёх": 3,
    "четыре": 4, "четырех": 4, "четырёх": 4, "пять": 5, "пяти": 5, "шесть": 6, "шести": 6, "семь": 7, "семи": 7,
    "восемь": 8, "восьми": 8, "девять": 9, "девяти": 9, "десять": 10, "десяти": 10, "пятнадцать": 15,
    "пятнадцати": 15, "двадцать": 20, "двадцати": 20, "тридцать": 30, "тридцати": 30, "сорок": 40, "сорока": 40,
    "пятьдесят": 50, "пятидесяти": 50, "сто": 100, "ста": 100, "полтора": 1.5, "полутора": 1.5,
    "несколько": None, "нескольких": None, "много": None, "многих": None, "долгих": None, "долгие": None,
    "многие": None, "пару": 2,
}

# Units of periods and durations in any case: "лет", "месяцев", "недель", "суток"
PERIOD_UNITS = {
    "год": "year", "года": "year", "году": "year", "годы": "year", "лет": "year", "годами": "year",
    "месяц": "month", "месяца": "month", "месяцев": "month", "месяцы": "month",
    "неделю": "week", "недели": "week", "недель": "week", "неделя": "week",
    "день": "day", "дня": "day", "дней": "day", "дни": "day", "сутки": "day", "суток": "day",
    "полгода": "half", "полугода": "half", "десятилетие": "decade", "десятилетия": "decade",
    "десятилетий": "decade",
}

ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


# --- tense cues: the one home of the words that place a date before or after the text ---
# Verbs whose complement lies ahead of them: "пригласил на форум в сентябре", "договорились
# провести в феврале", "приглашаем 10–12 ноября" -> the date reads as future whatever their tense.
PROSPECTIVE = frozenset({
    "пригласить", "приглашать", "договориться", "договариваться", "планировать", "запланировать",
    "намереваться", "собираться", "пообещать", "обещать", "предложить", "предлагать", "наметить",
    "намечать", "назначить", "анонсировать", "условиться", "рассчитывать", "надеяться", "ожидать",
    "готовиться", "призвать", "призывать", "решить", "согласовать", "перенести", "отложить",
})
# Verbs after which an infinitive reports something done: "удалось провести в марте"
RETROSPECTIVE = frozenset({"удаться", "смочь", "успеть", "начать", "стать", "продолжить", "прийтись",
                           "начинать", "продолжать", "перестать", "закончить", "завершить"})
# Word stems of a sentence (before tokenization: the publication date) that make it future or past
FUTURE_CUES = re.compile(
    r"приглас|приглаш|состоится|пройд[её]т|пройдут|планир|запланир|намечен|предстоящ|"
    r"будет|будут|стартует|откроется|начн[её]тся|ожидается|ожидают|собира[ею]тся|намерен|"
    r"продлится|станет|появится|заработает",
    re.I,
)
PAST_CUES = re.compile(
    r"состоял|прош[её]л|прошла|прошли|прошедш|подвел|подвели|был[аио]?\b|завершил|"
    r"провели|провел|стартовал|открыл[аи]?\b|\bранее\b|\bназад\b",
    re.I,
)
# "итоги 2024 года", "за 2024 год": written after that year ended
RESULT_CUES = re.compile(
    r"(?:итог[а-я]*|результат[а-я]*)\s+(?:[а-я]+\s+)?(?:19[5-9]\d|20[0-4]\d)|за\s+(?:весь\s+)?(?:19[5-9]\d|20[0-4]\d)\s+год",
    re.I)
