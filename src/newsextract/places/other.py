"""Places the gazetteer does not know: NER ``LOC`` spans, and their boundaries.

- ``plausible_place(doc, start, end)``: whether a NER ``LOC`` span looks like a
  place name rather than a person (``о Свиридове``), a sentence-initial word
  (``Родилась``, ``Речная экосистема``) or a bare generic noun (``Республики``);
- ``directional_start(doc, start)``: where a place name begins when a
  directional adjective belongs to it (``Восточном Иерусалиме``,
  ``южные Курильские острова``).
"""

from __future__ import annotations

from typing import Optional

from ..doc import Doc, SpanIndex
from ..nlp import morph

# Adjectives of direction that are part of a place's name (``Западная Европа``).
DIRECTIONAL = frozenset({
    "западный", "восточный", "северный", "южный", "центральный", "северо-западный",
    "северо-восточный", "юго-западный", "юго-восточный",
})
# Words before a person's name that make it a place (``улица Лобачевского``, ``в Шарлотте``).
PLACE_DESCRIPTORS = frozenset({
    "улица", "ул", "проспект", "пр-т", "площадь", "пл", "бульвар", "переулок", "пер",
    "набережная", "шоссе", "канал", "аэропорт", "станция", "мыс", "гора", "остров",
    "имя", "им", "район", "село", "деревня", "поселок", "город", "г", "пик", "залив",
    "пролив", "озеро", "река", "храм", "собор", "монастырь", "парк", "сквер", "штат",
    "графство", "провинция", "губерния", "округа", "в", "во", "из", "на", "по", "под", "близ",
    "возле", "около", "море", "бухта", "улус", "порт", "посёлок",
})
# Generic nouns NER tags as places when capitalized (``президентом Республики``).
GENERIC_NOUNS = frozenset({
    "республика", "край", "область", "округ", "район", "город", "мир", "родина", "страна",
    "государство", "столица", "регион", "континент", "материк", "колледж", "собор", "семья",
})
_NAME_TAGS = ("Name", "Surn", "Patr")


def _parses(word: str):
    return morph.parse(word) if word[:1].isalpha() else []


def _person_word(word: str) -> bool:
    """A first name or surname with no geographic reading (``Свиридове``, ``Лонгин``)."""
    parts = word.split("-")
    if not all(_parses(part) and morph.known(_parses(part)[0]) for part in parts):
        return False  # Абу-Грэйв
    parses = _parses(parts[0])
    if any("Geox" in p.tag for p in parses):
        return False
    return any(t in parses[0].tag for t in _NAME_TAGS)


def _descriptor_before(doc: Doc, first: int) -> bool:
    for j in (first - 1, first - 2):
        if j < 0:
            return False
        tok = doc.tokens[j]
        if tok.text == ".":
            continue
        return tok.lemma in PLACE_DESCRIPTORS or tok.text.lower() in PLACE_DESCRIPTORS
    return False


def _single_word_junk(doc: Doc, tok_index: int) -> bool:
    tok = doc.tokens[tok_index]
    parses = _parses(tok.text)
    if not parses or not morph.known(parses[0]) or any("Geox" in p.tag for p in parses):
        return False
    pos = parses[0].tag.POS
    if pos not in {"NOUN", "ADJF", "PRTF"}:
        return True  # Родилась, Так, Ещё
    if pos == "NOUN":
        return tok.lemma in GENERIC_NOUNS
    nxt = doc.tokens[tok_index + 1] if tok_index + 1 < len(doc.tokens) else None
    # an adjective qualifying a common noun: Речная экосистема, Южная водозаборная станция
    if nxt is None or nxt.sent != tok.sent or not nxt.text.isalpha() or not nxt.text.islower():
        return False
    return _parses(nxt.text)[0].tag.POS in {"NOUN", "ADJF", "PRTF"}


def _common_word(word: str) -> bool:
    """A dictionary noun or adjective with no geographic or name reading (``Делегации``,
    ``Приграничные``, ``Технопарке``)."""
    parses = _parses(word)
    if not parses or not morph.known(parses[0]) or "-" in word:
        return False
    if any("Geox" in p.tag or any(t in p.tag for t in _NAME_TAGS) for p in parses):
        return False
    return parses[0].tag.POS in {"NOUN", "ADJF", "PRTF"}


def _sentence_start(doc: Doc, index: int) -> bool:
    tok = doc.tokens[index]
    return index == doc.sents[tok.sent].first or "\n" in doc.text[doc.tokens[index - 1].end:tok.start]


def plausible_place(doc: Doc, start: int, end: int) -> bool:
    """Whether a NER LOC span unknown to the gazetteer is a place name."""
    toks = doc.tokens_in(start, end)
    words = [t for t in toks if t.text[:1].isalpha()]
    if not words:
        return False
    if _sentence_start(doc, toks[0].index) and all(_common_word(t.text) and not _kind_noun(t) for t in words):
        return False  # common words capitalized by position (Делегации, Приграничные регионы)
    first = toks[0].index
    if _person_word(words[0].text) and not _descriptor_before(doc, first):
        if len(words) == 1 or "Name" in _parses(words[0].text.split("-")[0])[0].tag:
            return False
    if len(toks) == 1 and _single_word_junk(doc, first):
        return False
    return True


def _agrees(adj: str, noun: str) -> bool:
    cases = {p.tag.case for p in _parses(adj) if p.tag.POS == "ADJF"}
    return bool(cases & {p.tag.case for p in _parses(noun)})


def directional_start(doc: Doc, start: int) -> Optional[int]:
    """Start of a directional adjective just before a place name, or None."""
    tok = doc.token_at(start)
    if tok is None or tok.index == 0:
        return None
    prev = doc.tokens[tok.index - 1]
    if prev.sent != tok.sent or prev.end == tok.start or prev.lemma not in DIRECTIONAL:
        return None
    return prev.start if _agrees(prev.text, tok.text) else None


# Prepositions after which a capitalized geographic word names a place (``в Сколково``).
_GEO_PREPS = frozenset({"в", "во", "из", "под", "близ", "возле", "около", "до"})


def _geox_word(text: str) -> bool:
    parses = _parses(text)
    return bool(parses) and "Geox" in parses[0].tag and parses[0].tag.POS == "NOUN"


def geox_places(doc: Doc) -> list[tuple[int, int]]:
    """Capitalized geographic words NER missed, after a place preposition (``из Сколково``)."""
    ner = SpanIndex(doc.ner)
    out = []
    for tok in doc.tokens[1:]:
        prev = doc.tokens[tok.index - 1]
        if prev.sent != tok.sent or prev.text.lower() not in _GEO_PREPS:
            continue
        if not tok.text[:1].isupper() or not tok.text.isalpha() or tok.text.isupper():
            continue
        spans = ner.overlapping(tok.start, tok.end)
        # a one-word NER organization after ``в`` is the place (``в Сколково``)
        if _geox_word(tok.text) and all(s.type == "ORG" and s.end - s.start == len(tok.text)
                                        for s in spans):
            out.append((tok.start, tok.end))
    return out


# Nouns naming the kind of place an adjective or a genitive name belongs to.
KIND_NOUNS = frozenset({
    "область", "край", "район", "улус", "округ", "республика", "провинция", "штат", "уезд",
    "море", "залив", "пролив", "мыс", "бухта", "озеро", "река", "остров", "полуостров",
})
# Kinds whose names follow in the genitive (``море Лаптевых``, ``залив Петра Великого``).
GENITIVE_KINDS = frozenset({"море", "залив", "пролив", "мыс", "бухта"})
_COORD = frozenset({"и", "или", ","})


def _kind_noun(tok) -> str:
    return next((lemma for lemma in (tok.lemma, *tok.lemmas) if lemma in KIND_NOUNS), "")


# How far a coordinated list of adjectives may run before its kind noun
# (``Тульскую (36) и Омскую (35) области``, ``Челябинской, Курганской ... и Нижегородской областям``).
_LIST_WINDOW = 24
_LIST_PUNCT = frozenset({"(", ")", "–", "—", "-"})


def _agrees_with_kind(adj: str, kind_tok) -> bool:
    """An adjective can qualify a kind noun: same gender, or the noun is plural
    (``Челябинской`` not with ``краю``; ``Курганской`` with ``областям``)."""
    nouns = [p for p in _parses(kind_tok.text) if p.tag.POS == "NOUN"]
    adjs = [p for p in _parses(adj) if p.tag.POS in {"ADJF", "PRTF"}]
    if not nouns or not adjs:
        return True
    if any(n.tag.number == "plur" for n in nouns):
        return True
    genders = {n.tag.gender for n in nouns}
    return any(a.tag.number == "sing" and a.tag.gender in genders for a in adjs)


def _kind_phrase(doc: Doc, j: int, kind: str) -> str:
    """The kind noun with the lower-case adjectives just before it, nominative singular
    (``федеральных округах`` -> ``федеральный округ``)."""
    words = []
    noun = next((p for p in _parses(kind) if p.tag.POS == "NOUN"), None)
    gender = noun.tag.gender if noun is not None else None
    k = j - 1
    while k >= 0 and doc.tokens[k].text.isalpha() and doc.tokens[k].text.islower():
        adj = next((p for p in _parses(doc.tokens[k].text) if p.tag.POS == "ADJF"), None)
        form = morph.inflected(adj, {"nomn", "sing", gender}) if adj is not None and gender else None
        if form is None:
            break
        words.insert(0, form.word)
        k -= 1
    return " ".join([*words, kind])


def shared_kind(doc: Doc, first: int, last: int) -> str:
    """The kind noun an adjective shares with its coordinated neighbours
    (``Западно-Казахстанской и Актюбинской областях``, ``Оленёкского или Анабарского улуса``,
    ``Северо-Западном и Сибирском федеральных округах`` -> ``федеральный округ``)."""
    sent = doc.tokens[first].sent
    adj = doc.tokens[first].text
    for j in range(last, min(last + _LIST_WINDOW, len(doc.tokens))):
        tok = doc.tokens[j]
        if tok.sent != sent:
            break
        kind = _kind_noun(tok)
        if kind and tok.text.islower():
            return _kind_phrase(doc, j, kind) if _agrees_with_kind(adj, tok) else ""
        word = tok.text.lower()
        if word in _COORD or word in _LIST_PUNCT or tok.text.isdigit() or tok.text[:1].isupper():
            continue
        if tok.text.isalpha() and tok.text.islower() and any(
                p.tag.POS == "ADJF" for p in _parses(tok.text)):
            continue  # ``федеральных`` before ``округах``
        break
    return ""


def kind_before(doc: Doc, first: int) -> str:
    """The kind noun before a name, across coordination (``морей Лаптевых и Восточно-Сибирского``)."""
    adj = doc.tokens[first].text
    for j in range(first - 1, max(first - 5, -1), -1):
        tok = doc.tokens[j]
        if tok.sent != doc.tokens[first].sent:
            return ""
        kind = _kind_noun(tok)
        if kind and tok.text.islower():
            return kind if _agrees_with_kind(adj, tok) or kind in GENITIVE_KINDS else ""
        if tok.text.lower() not in _COORD and not tok.text[:1].isupper():
            return ""
    return ""


def adjective_only(doc: Doc, start: int, end: int) -> bool:
    toks = doc.tokens_in(start, end)
    if len(toks) != 1:
        return False
    parses = _parses(toks[0].text)
    return bool(parses) and parses[0].tag.POS == "ADJF"


def kind_name(doc: Doc, start: int, end: int) -> tuple[str, str]:
    """``(kind noun, how it joins)`` for a NER name without its kind noun: ``adjective``
    (``Западно-Казахстанской [областях]``) or ``genitive`` (``[морей] Лаптевых``); else empty."""
    toks = doc.tokens_in(start, end)
    if not toks:
        return "", ""
    first, last = toks[0].index, toks[-1].index + 1
    if adjective_only(doc, start, end):
        kind = shared_kind(doc, first, last) or kind_before(doc, first)
        return (kind, "adjective") if kind else ("", "")
    kind = kind_before(doc, first)
    if kind in GENITIVE_KINDS and doc.tokens[first - 1].lemma == kind:
        return kind, "genitive"
    return "", ""
