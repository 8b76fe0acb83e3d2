"""Linking title phrases to the person mentions next to them.

``attach(doc, mentions, phrases)`` maps each mention to the phrases describing
it: a title before the name (``министр экономики Иванов``), after it
(``Иванов, директор ...``, ``Иванов (директор ...)``), chained by commas
(``глава делегации ..., зампред правительства Иванов``), or a leftover title a
few tokens from the only nearby name of its sentence. The second pass over the
titles left alone is ``coreference.corefer``.
"""

from __future__ import annotations

import bisect
import re

from ..doc import Doc, SpanIndex, Token
from ..nlp import morph
from ..nlp.grammar import has_case, is_gent, is_verb, parses
from .positions import TitlePhrase, is_plural

AGE_RE = re.compile(r"^\d+-(летн|лет)\w*$")
LINK_VERBS = {"являться", "стать", "быть", "назначить", "работать", "занимать", "избрать",
              "служить", "назначать", "переизбрать", "утвердить", "бывший", "ныне", "который"}
NEAR_TOKENS = 6


def attach(doc: Doc, mentions: list[tuple[int, int]], phrases: list[TitlePhrase]) -> dict:
    """Map mention index -> phrases describing that person."""
    by_end = {doc.tokens[p.last - 1].index: p for p in phrases}
    by_start = {p.first: p for p in phrases}
    used: set[int] = set()
    out: dict[int, list[TitlePhrase]] = {}
    text = doc.text
    starts = {t.index for s, _ in mentions if (t := doc.token_at(s)) is not None}
    handoff: dict[int, TitlePhrase] = {}
    for mi, (s, e) in enumerate(mentions):
        first_tok = doc.token_at(s)
        last_tok = doc.token_at(e - 1)
        if first_tok is None or last_tok is None:
            continue
        got: list[TitlePhrase] = []
        # before the name (an age in between: "главы ведомства 30-летнего Ивана ...")
        k = _skip_back(doc, first_tok.index - 1)
        p = by_end.get(k)
        if p is None and k > 0 and doc.tokens[k].text in LIST_MARKS and (q := by_end.get(k - 1)) is not None \
                and is_plural(doc, q):
            p = q  # "экс-президентов: Фухимори, Толедо", "музыкантами группы — Голутвиным, ..."
        if p is not None and kin_before(doc, p) and not genitive_name(first_tok, last_tok):
            p = None  # "дочь капитана Ханна ..." (but "дочь предпринимателя Ивана Петрова")
        if p is not None and id(p) not in used and not kin_before(doc, p) \
                and _genitive_before_name(doc, mentions, mi):
            handoff[mi + 1] = p  # "помощник Олега Смирнова Иван Кольцов": the title is Кольцов's
            used.add(id(p))
            p = None
        if p is not None and not p.acting and not _agree(doc, p, first_tok, last_tok):
            # "представитель Эрдогана": the name is the title's complement; in "тренер «академиков»
            # Сергей Петров" the title before the genitive one is the name's
            q = by_end.get(_skip_quotes(doc, p.first - 1))
            p = q if q is not None and not q.acting and _agree(doc, q, first_tok, last_tok) else None
        if p is None and mi in handoff:
            got.append(handoff.pop(mi))
        if p is not None and is_plural(doc, p) and doc.tokens[k].text not in LIST_MARKS \
                and not _coordinated_next(doc, mentions, mi) and not _one_of_before(doc, p):
            p = None  # "адвокаты Берлускони": a plural title before one name is not that name's
        if p is not None and id(p) not in used and doc.tokens[k].sent == first_tok.sent:
            got.append(p)
            # chained: "глава делегации ..., зампред правительства Иванов"
            while True:
                q_end = _skip_back(doc, p.first - 1)
                if q_end != p.first - 1:
                    q = by_end.get(q_end)
                elif q_end >= 0 and doc.tokens[q_end].text in (",", "—", "–"):
                    q = by_end.get(q_end - 1)
                else:  # two titles in a row: "командующего округом генерал-полковника Макарова"
                    q = by_end.get(q_end)
                    if q is not None and not _cases(doc.tokens[q.head_first]) & _cases(doc.tokens[p.head_first]):
                        q = None
                if q is None or id(q) in used or doc.tokens[q.first].sent != first_tok.sent or is_plural(doc, q):
                    break
                got.insert(0, q)
                p = q
        # after the name: "Иванов, директор ..." / "Иванов (директор ...)"
        j = last_tok.index + 1
        if not got and j < len(doc.tokens) and doc.tokens[j].sent == last_tok.sent:
            k = _skip_paren(doc, j, by_start)
            skipped = 0
            while k < len(doc.tokens) and skipped < 3 and doc.tokens[k].sent == last_tok.sent and (
                    doc.tokens[k].text in (",", "(", "—", "–", "-")
                    or doc.tokens[k].lemma in LINK_VERBS):
                if active_appoint(doc.tokens[k]):
                    break  # "Медведев назначил руководителем ...": the object's title
                k += 1
                skipped += 1
            if AGE_RE.match(doc.tokens[k].text if k < len(doc.tokens) else ""):
                k += 1
            one_of = False
            if skipped:
                k, one_of = _one_of(doc, k, last_tok.sent)
                k = _skip_adjectives(doc, k, by_start, last_tok.sent)
            q = by_start.get(k)
            if q is not None and id(q) not in used and skipped and (one_of or not is_plural(doc, q)) \
                    and (q.last not in starts or _complement_after(doc, q, mentions, mi)):
                got.append(q)  # not "Путин, его помощники", not "..., посол Моргулов"
        if got:
            for q in got:
                used.add(id(q))
            out[mi] = got
    del text
    _share_plural(doc, mentions, out)
    _list_members(doc, mentions, phrases, used, out)
    # a title left over in a sentence with a nearby person: "президент ... заявил Обама"
    by_sent = _mentions_by_sentence(doc, mentions)
    phrase_index = SpanIndex(phrases)
    for p in phrases:
        if id(p) in used:
            continue
        best = None
        for mi, first, last in by_sent.get(doc.tokens[p.first].sent, ()):
            s = mentions[mi][0]
            dist = first - p.last if s >= p.end else p.first - last
            if 0 <= dist <= NEAR_TOKENS and (best is None or dist < best[0]):
                best = (dist, mi)
        if best is not None and not is_plural(doc, p) and not _title_between(phrase_index, p, mentions[best[1]]) \
                and not kin_before(doc, p) \
                and _plain_between(doc, p, mentions[best[1]]) and _may_describe(doc, p, mentions[best[1]]) \
                and not complement_name(doc, p, mentions[best[1]]):
            out.setdefault(best[1], []).append(p)
            used.add(id(p))
    return out


PAREN_LIMIT = 8
ASIDE_LIMIT = 24  # tokens of an aside between a name and a dash: dates and places of birth
ADJ_SKIP = 3


def _one_of(doc: Doc, k: int, sent: int) -> tuple[int, bool]:
    """Step over ``один из (самых известных)`` before a plural title: ``Иванов — один из архитекторов``."""
    toks = doc.tokens
    if k + 1 < len(toks) and toks[k].lemma == "один" and toks[k + 1].text.lower() == "из" \
            and toks[k + 1].sent == sent:
        k += 2
        n = 0
        while k < len(toks) and n < ADJ_SKIP and toks[k].sent == sent and _degree_word(toks[k]):
            k += 1
            n += 1
        return k, True
    return k, False


def _one_of_before(doc: Doc, p: TitlePhrase) -> bool:
    """``одного из (самых известных) экспертов``: ``один из`` before a plural title."""
    toks = doc.tokens
    k = p.first - 1
    n = 0
    while k >= 0 and n < ADJ_SKIP and _degree_word(toks[k]):
        k -= 1
        n += 1
    return k > 0 and toks[k].text.lower() == "из" and toks[k - 1].lemma == "один"


def _degree_word(tok: Token) -> bool:
    ps = parses(tok)
    return bool(ps) and ps[0].tag.POS in ("ADJF", "ADVB", "NUMR", "PRTF") and not tok.text[:1].isupper()


def _skip_adjectives(doc: Doc, k: int, by_start: dict, sent: int) -> int:
    """Step over lower-case adjectives before a title after a name (``Иванов, российский журналист``)."""
    toks = doc.tokens
    j = k
    while j < len(toks) and j - k < ADJ_SKIP and j not in by_start and toks[j].sent == sent \
            and not toks[j].text[:1].isupper() and _plain_adjective(toks[j]):
        j += 1
    return j if j in by_start else k


def _plain_adjective(tok: Token) -> bool:
    ps = parses(tok)
    return bool(ps) and ps[0].tag.POS in ("ADJF", "PRTF") and ps[0].score > 0.3
APPOINT_LEMMAS = {"назначить", "назначать", "избрать", "избирать", "утвердить", "выбрать", "переизбрать"}


def active_appoint(tok: Token) -> bool:
    """``назначил``, ``избрали``: an active appointing verb, whose title is the object's."""
    ps = parses(tok)
    return bool(ps) and ps[0].tag.POS == "VERB" and (tok.lemma in APPOINT_LEMMAS or bool(tok.lemmas & APPOINT_LEMMAS))


def _title_between(phrases: SpanIndex, p: TitlePhrase, mention: tuple[int, int]) -> bool:
    """Another title stands between ``p`` and the name (``Орлов, его помощники, главы ведомств``)."""
    a, b = (p.end, mention[0]) if mention[0] >= p.end else (mention[1], p.start)
    return any(q is not p for q in phrases.within(a, b))


LIST_MARKS = (":", "—", "–")
PAREN_RE = re.compile(r"\s*\([^()]{0,60}\)")


def _share_plural(doc: Doc, mentions: list[tuple[int, int]], out: dict) -> None:
    """``заместители губернатора Иванов и Петров``: a plural title before a name also
    describes the names joined to it by ``и`` or a comma."""
    for mi in range(1, len(mentions)):
        prev = out.get(mi - 1)
        if not prev or mi in out or not is_plural(doc, prev[-1]) or prev[-1].end > mentions[mi - 1][0]:
            continue
        gap = PAREN_RE.sub("", doc.text[mentions[mi - 1][1]:mentions[mi][0]])
        if re.fullmatch(r"\s*(,|и|,\s*а также)\s*", gap):
            out[mi] = [prev[-1]]


def _cases(tok: Token) -> set:
    return {x.tag.case for x in parses(tok) if x.tag.case}


def complement_name(doc: Doc, p: TitlePhrase, span: tuple[int, int]) -> bool:
    """The name right after a title is its genitive complement, not its holder (``представитель
    Эрдогана``): no case the two share."""
    first, last = doc.token_at(span[0]), doc.token_at(span[1] - 1)
    if first is None or last is None or p.acting or _skip_back(doc, first.index - 1) != p.last - 1:
        return False
    return not _agree(doc, p, first, last)


def _complement_after(doc: Doc, q: TitlePhrase, mentions: list[tuple[int, int]], mi: int) -> bool:
    """The name right after a title that follows another name is the title's complement
    (``Мостарт, представитель фонда Анны Франк``), not its holder (``..., посол Моргулов``)."""
    return mi + 1 < len(mentions) and complement_name(doc, q, mentions[mi + 1])


def _agree(doc: Doc, p: TitlePhrase, first: Token, last: Token) -> bool:
    """A title and the name after it may stand in one case (``министр Иванов``, ``министра Иванова``),
    unlike a title and its genitive complement (``представитель Эрдогана``). The name's case is read
    off a known first name (``Сергея``), or off a lone known surname."""
    title = _cases(doc.tokens[p.head_first])
    grams = "Name" if first.index != last.index else "Surn"
    if not title or not morph.is_known(first.text):
        return True
    name = {x.tag.case for x in parses(first)
            if x.tag.case and grams in x.tag.grammemes and x.tag.number == "sing"}
    if first.index == last.index and any("Surn" not in x.tag.grammemes for x in parses(first)[:1]):
        return True
    # a genitive-looking name after a title that cannot be genitive (``пост премьера Тереза Мэй`` agrees)
    return not name or not name <= {"gent", "accs"} or bool(title & name)


def _genitive_before_name(doc: Doc, mentions: list[tuple[int, int]], mi: int) -> bool:
    """A name right after a title, itself followed by a nominative name (``адвокат Петрова — Валентин
    Пышкин``, ``помощник Олега Смирнова Иван Кольцов``): the first is the title's genitive complement."""
    if mi + 1 >= len(mentions):
        return False
    (s, e), (s2, e2) = mentions[mi], mentions[mi + 1]
    if doc.text[e:s2].strip() not in ("", "—", "–"):
        return False
    first, last = doc.token_at(s), doc.token_at(e - 1)
    last2 = doc.token_at(e2 - 1)
    if first is None or last is None or last2 is None or last2.sent != last.sent:
        return False
    return genitive_name(first, last) and any(has_case(t, "nomn") for t in doc.tokens_in(s2, e2))


def _skip_quotes(doc: Doc, k: int) -> int:
    """Step back over opening quotes before token ``k + 1``."""
    while k >= 0 and doc.tokens[k].text in ("«", '"', "“", "„"):
        k -= 1
    return k


# ``писатели и критики, среди которых — Иванов и Петров``: a plural title introducing a list of names.
LIST_INTRO_RE = re.compile(r"\s*,?\s*(среди (них|которых)|в (том|их) числе|включая|такие как|как)\s*[—–:-]?\s*",
                           re.I)
MEMBER_GAP_RE = re.compile(r"\s*(,|и|,\s*а также|а также)\s*")


def _may_be_plural(doc: Doc, p: TitlePhrase) -> bool:
    """The title's head may be plural (``критики``: also ``критика`` singular)."""
    return any(x.tag.POS == "NOUN" and x.tag.number == "plur" for x in parses(doc.tokens[p.head_first]))


def _list_members(doc: Doc, mentions: list[tuple[int, int]], phrases: list[TitlePhrase], used: set,
                  out: dict) -> None:
    """A plural title, an ``среди которых`` / ``в том числе`` / ``включая``, then names: each name
    holds the title (and a plural title joined to it by ``и``)."""
    starts = [s for s, _ in mentions]
    for pi, p in enumerate(phrases):
        if not _may_be_plural(doc, p):
            continue
        mi = bisect.bisect_left(starts, p.end)
        if mi >= len(mentions) or doc.token_at(mentions[mi][0]) is None \
                or doc.token_at(mentions[mi][0]).sent != doc.tokens[p.first].sent \
                or not LIST_INTRO_RE.fullmatch(PAREN_RE.sub("", doc.text[p.end:mentions[mi][0]])):
            continue
        group = [p]
        prev = phrases[pi - 1] if pi else None
        if prev is not None and _may_be_plural(doc, prev) and re.fullmatch(r"\s*(и|,)\s*", doc.text[prev.end:p.start]):
            group.insert(0, prev)
        while True:
            for q in group:
                used.add(id(q))
                if all(x is not q for x in out.get(mi, [])):
                    out.setdefault(mi, []).append(q)
            if mi + 1 >= len(mentions) or not MEMBER_GAP_RE.fullmatch(
                    PAREN_RE.sub("", doc.text[mentions[mi][1]:mentions[mi + 1][0]])):
                break
            mi += 1


def _skip_back(doc: Doc, k: int) -> int:
    """Step back over an age (``89-летний``) and a parenthesis (``(ФБК)``) before a name."""
    toks = doc.tokens
    if k >= 0 and AGE_RE.match(toks[k].text):
        k -= 1
    if k >= 0 and toks[k].text == ")":
        i = k - 1
        while i >= 0 and k - i <= PAREN_LIMIT and toks[i].text not in "()":
            i -= 1
        if i >= 0 and toks[i].text == "(" and toks[i].sent == toks[k].sent:
            k = i - 1
            if k >= 0 and AGE_RE.match(toks[k].text):
                k -= 1
    return k


def _skip_paren(doc: Doc, j: int, by_start: dict | None = None) -> int:
    """Step over a parenthesis after a name before a comma or a dash (``Томас Шефер (Thomas Schäfer),
    министр``, ``Иван Петров (1950-2020) — режиссёр``): a Latin gloss, or any aside holding no title."""
    toks = doc.tokens
    if j >= len(toks) or toks[j].text != "(":
        return j
    i = j + 1
    while i < len(toks) and i - j <= ASIDE_LIMIT and toks[i].text not in "()" and toks[i].sent == toks[j].sent:
        i += 1
    if i >= len(toks) or toks[i].text != ")" or i + 1 >= len(toks) or toks[i + 1].text not in (",", "—", "–"):
        return j
    gloss = i - j <= PAREN_LIMIT and all(not t.text[:1].isalpha() or t.text[:1].isascii() for t in toks[j + 1:i])
    aside = toks[i + 1].text != "," and not any(k in (by_start or {}) for k in range(j + 1, i))
    return i + 1 if gloss or aside else j


KIN_LEMMAS = {"дочь", "сын", "жена", "муж", "супруга", "супруг", "мать", "отец", "брат", "сестра",
              "внук", "внучка", "дед", "дедушка", "бабушка", "вдова", "племянник", "племянница",
              "подруга", "невеста", "жених", "зять", "невестка", "теща", "тесть", "свекровь",
              "родственник", "родственница", "сестры", "дети", "ребенок", "наследник", "наследница"}


def kin_before(doc: Doc, p: TitlePhrase) -> bool:
    """``дочь капитана``, ``сын миллиардера``: the genitive title is a relative's, not the name's."""
    if p.first == 0:
        return False
    prev = doc.tokens[p.first - 1]
    return (prev.lemma in KIN_LEMMAS or bool(prev.lemmas & KIN_LEMMAS)) and is_gent(doc.tokens[p.head_first])


def genitive_name(first: Token, last: Token) -> bool:
    """The name may be genitive (agreeing with a genitive title before it)."""
    def may_be_gent(t: Token) -> bool:
        cases = {p.tag.case for p in parses(t)} - {None}
        return not cases or "gent" in cases
    return may_be_gent(first) and may_be_gent(last)


def _mentions_by_sentence(doc: Doc, mentions: list[tuple[int, int]]) -> dict[int, list[tuple[int, int, int]]]:
    """Sentence index -> ``(mention index, first token index, last token index)``."""
    out: dict[int, list[tuple[int, int, int]]] = {}
    for mi, (s, e) in enumerate(mentions):
        first, last = doc.token_at(s), doc.token_at(e - 1)
        if first is not None and last is not None:
            out.setdefault(first.sent, []).append((mi, first.index, last.index))
    return out


def _plain_between(doc: Doc, p: TitlePhrase, mention: tuple[int, int]) -> bool:
    """No sentence-internal boundary (another clause, quote) between a title and a name."""
    a, b = (p.end, mention[0]) if mention[0] >= p.end else (mention[1], p.start)
    gap = doc.text[a:b]
    return not re.search(r"[«»\"():;]|\bи\b|\bа\b|\bно\b", gap)


def _coordinated_next(doc: Doc, mentions: list[tuple[int, int]], mi: int) -> bool:
    """The name is followed by another joined by ``и`` or a comma (``заместители Иванов и Петров``)."""
    if mi + 1 >= len(mentions):
        return False
    return bool(re.fullmatch(r"\s*(,|и|,\s*а также)\s*", PAREN_RE.sub("", doc.text[mentions[mi][1]:mentions[mi + 1][0]])))


OBLIQUE_PREPS = {"с", "со", "за", "над", "под", "перед", "между", "к", "о", "об", "у", "от", "для"}


def _may_describe(doc: Doc, p: TitlePhrase, mention: tuple[int, int]) -> bool:
    """Not ``встретился с министром``, not ``министра поздравил Иванов`` (a verb between, an oblique title)."""
    toks = doc.tokens
    if p.first > 0 and toks[p.first - 1].text.lower() in OBLIQUE_PREPS:
        return False
    a, b = (p.end, mention[0]) if mention[0] >= p.end else (mention[1], p.start)
    verb = any(is_verb(t) for t in doc.tokens_in(a, b))
    return not verb or mention[0] < p.start or has_case(toks[p.head_first], "nomn", ("NOUN",)) \
        and may_be_nominative(doc, mention)


def may_be_nominative(doc: Doc, span: tuple[int, int]) -> bool:
    """The name may be a subject: no known first name or surname of it is oblique only
    (``встретился с семьей Нельсона Манделы``: ``Нельсона``)."""
    for t in doc.tokens_in(span[0], span[1]):
        if not t.text[:1].isupper() or not morph.is_known(t.text):
            continue
        cases = {x.tag.case for x in parses(t) if x.tag.number == "sing"
                 and ("Name" in x.tag.grammemes or "Surn" in x.tag.grammemes)}
        if cases and "nomn" not in cases:
            return False
    return True
