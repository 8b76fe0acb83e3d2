"""Site furniture: what a stored web page carries around the article.

Classified line by line from structural cues, not from known sites' strings:

- ``ticker``: lines without words (``-8 $ 102.58 +1.9``, ``78,23|92,09``, a view
  counter ``372``) and clocks (``Сейчас 11:40``);
- ``timestamp``: a date and/or time with at most a few label words
  (``14:22 19 августа 2022``, ``Сегодня, 10:45``, ``от 21.08.23 в 19:25 версия для печати``),
  or a date and time glued to the text around it (``в Астрахани05 сентября 2025 года, 16:31``);
- ``share``: lines of share and social buttons (``Поделиться``, ``Отправить``);
- ``menu``: lines made of site-section words (``Новости / Общество``, ``Меню``),
  labels (``Размер шрифта:``), markup (``![]()``, ``Рейтинг@Mail.ru``); lines above
  a headline that carries the page's time or follows the site's name (``zones``);
- ``cookie``: cookie and consent notes; ``tags``: tag lists (``Теги: ...``, ``#лес #пожар``);
- ``byline``: ``Автор: ...``, ``Текст: ...``, ``Редакция сайта ...``;
- ``related``: ``Читайте также`` / ``Смотрите также`` / ``Следующая новость`` /
  ``Другие новости`` and the list of other headlines after it (up to the next
  paragraph of prose).
"""

from __future__ import annotations

import re

from .. import resources
from ..dates.dateline import CLOCK_RE, FULL_DATE_RE, TIME_RE

# Words of share buttons and social links
SHARE_WORDS = frozenset({
    "поделиться", "запинить", "лайкнуть", "отправить", "подписаться", "подпишитесь", "твитнуть",
    "вконтакте", "вк", "vk", "ok", "одноклассники", "telegram", "телеграм", "whatsapp", "viber", "дзен",
    "facebook", "twitter", "x", "email", "e-mail", "share", "копировать", "ссылку", "скопировать",
    "ссылка", "нравится", "лайк", "репост", "сохранить", "в", "на", "и",
})
# Lines opening a tail of other articles
RELATED_RE = re.compile(
    r"^\W*(?:читайте\s+также|смотрите\s+также|читать\s+также|сейчас\s+также\s+читают|также\s+читают|"
    r"следующая\s+новость|предыдущая\s+новость|другие\s+новости|новости\s+по\s+теме|материалы\s+по\s+теме|"
    r"ещ[её]\s+новости|похожие\s+новости|популярное|самое\s+читаемое|читайте\s+нас|лента\s+новостей|"
    r"новости\s+партн[её]ров|новости\s+сми2|рекомендуем)",
    re.I,
)
BYLINE_RE = re.compile(
    r"^\W*(?:автор(?:ы)?|текст|корреспондент|редактор|подготовил[аи]?|материал подготовил[аи]?)\s*:|"
    r"^\W*редакция\s+(?:сайта|портала|газеты)\b",
    re.I,
)
COOKIE_RE = re.compile(r"cookie|куки|файлы\s+cookie|персональных\s+данных.*соглас|согласие\s+на\s+обработку", re.I)
TAGS_RE = re.compile(r"^\W*(?:теги|метки|тэги|теги\s+новости|ключевые\s+слова)\s*:|^(?:#[\w-]+\s*){2,}$", re.I)
MARKUP_RE = re.compile(r"!\[|\]\(|@\w+\.\w+|\bhttps?://|www\.", re.I)
_WORD = re.compile(r"[а-яёa-z]+(?:-[а-яёa-z]+)*", re.I)
_CYR_WORD = re.compile(r"[а-яё]{2,}", re.I)
_LATIN_WORD = re.compile(r"[a-z]{3,}", re.I)
_SENTENCE_END = (".", "!", "?", "…", ":", ";", "»", '"')
MAX_LABEL_WORDS = 6  # words a timestamp line may carry besides its date and time
PROSE_CHARS = 160  # a line at least this long, ending a sentence, is prose


_DIGIT = re.compile(r"\d")


def menu_words() -> frozenset[str]:
    return resources.word_set("site_menu_words.txt")


def _words(line: str) -> list[str]:
    return list(map(str.lower, _WORD.findall(line)))


def is_prose(line: str) -> bool:
    """A paragraph of running text (not furniture, not a headline list)."""
    s = line.strip()
    return len(s) >= PROSE_CHARS and s.endswith(_SENTENCE_END)


def is_sentence(line: str) -> bool:
    """A full sentence of running text: eight words or more, ending a sentence."""
    s = line.strip()
    return s.endswith((".", "!", "?", "…")) and len(_words(s)) >= 8


def _without_dates(line: str) -> tuple[str, int]:
    """The line with dates and times blanked out, and how many there were."""
    n = 0

    def blank(m: re.Match) -> str:
        nonlocal n
        n += 1
        return " "

    rest = FULL_DATE_RE.sub(blank, line)
    if ":" in rest:  # a time has one
        rest = TIME_RE.sub(blank, rest)
    return rest, n


def _page_date_shape(line: str, rest_words: list[str]) -> bool:
    """A page's date line: with a time, or opening the line, or among label words only
    or numeric among few words (a photo caption "Иван Петров, 8 июня 2019 года" is none)."""
    if TIME_RE.search(line):
        return True
    first = FULL_DATE_RE.search(line)
    if first is not None and not line[:first.start()].strip(" (|*_"):
        return True
    if first is not None and first.group("nday") and len(rest_words) <= 4:
        return True  # "РИА Новости 21.11.19 Слов: 105": captions spell their dates out
    menu = menu_words()
    return all(w in menu for w in rest_words)


def classify(line: str, *, top: bool) -> str | None:
    """The furniture kind of one stripped line, or None for article text.

    ``top``: the line comes before the article's body.
    """
    s = line.strip()
    if not s:
        return None
    words = _words(s)
    if len(words) <= 3 and CLOCK_RE.search(s):
        return "ticker"
    if _DIGIT.search(s):  # dates and times have digits
        rest, dated = _without_dates(s)
        rest_words = _words(rest)
        if (dated and len(rest_words) <= MAX_LABEL_WORDS and not rest.rstrip().endswith((".", "!", "?"))
                and not glued_timestamps(s) and _page_date_shape(s, rest_words)):
            return "timestamp"
    if not _CYR_WORD.search(s) and not _LATIN_WORD.search(s):
        return "ticker"  # numbers, currency, symbols
    if RELATED_RE.match(s):
        return "related"
    if BYLINE_RE.match(s):
        return "byline"
    if TAGS_RE.match(s):
        return "tags"
    if len(s) < 400 and COOKIE_RE.search(s):
        return "cookie"
    if words and all(w in SHARE_WORDS for w in words) and len(words) <= 6:
        return "share"
    menu = menu_words()
    if words and all(w in menu for w in words) and len(words) <= 8:
        return "menu"
    if len(words) <= 6 and MARKUP_RE.search(s):
        return "menu"
    if s.endswith(":") and len(words) <= 3:
        return "menu"  # "Размер шрифта:", "Фото с сайта:"
    return None


def glued_timestamps(line: str) -> list[tuple[int, int]]:
    """Date-and-time runs glued to text inside a line: ``Астрахани05 сентября 2025 года, 16:31``."""
    out: list[tuple[int, int]] = []
    if ":" not in line:  # no time (``TIME_RE``) to glue
        return out
    for m in FULL_DATE_RE.finditer(line):
        t = TIME_RE.match(line, m.end() + len(line[m.end():]) - len(line[m.end():].lstrip(" ,|–—-")))
        if t is None:
            continue
        glued = m.start() > 0 and line[m.start() - 1].isalpha()
        if glued or (t.end() < len(line) and line[t.end()].isalpha()):
            out.append((m.start(), t.end()))
    return out
