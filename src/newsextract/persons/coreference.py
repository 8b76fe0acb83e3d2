"""Second pass of title linking: the phrases ``linking.attach`` left alone.

``corefer(doc, spans, groups, phrases, links)`` adds links in place by
coreference-like rules: coordinated titles (``режиссёр и сценарист Иванов``),
predicates (``Иванов был назначен министром``, ``занимал должность директора``,
``Новым директором стал Иванов``), a repeated title of the one person who holds
it (``президент Сербии Вучич ... Президент заявил``), a title in a sentence that
names one person only, and anaphoric titles (``58-летний юрист``, ``Политик
добавил``) referring to the person just named.
"""

from __future__ import annotations

import bisect
import re

from ..doc import Doc
from ..nlp.grammar import has_case, is_cap, is_verb, parses
from .lexicon import title_heads
from .linking import AGE_RE, active_appoint, complement_name, genitive_name, kin_before, may_be_nominative
from .positions import ADJECTIVE_TITLES, is_plural, likely_noun

LINK_LEMMAS = {"быть", "стать", "становиться", "работать", "являться", "назначить", "назначать",
               "избрать", "переизбрать", "служить", "трудиться", "оставаться", "остаться", "утвердить",
               "числиться", "выбрать", "занимать", "занять"}
POST_LEMMAS = {"должность", "пост", "кресло"}
TAKE_LEMMAS = {"занять", "занимать", "получить", "возглавить", "сохранить"}
POST_VERBS = LINK_LEMMAS | {"вступить", "покинуть", "оставить", "уйти", "сложить", "освободить"}
PREPOSITIONS = {"с", "со", "за", "над", "под", "перед", "между", "по", "к", "о", "об", "у", "от", "для"}
PRONOUNS = {"он", "она"}
AFTER_LINKS = {"стать", "становиться", "назначить", "избрать", "быть", "выступить", "выступать", "являться",
               "утвердить", "выбрать", "оставаться", "остаться"}
LINK_WINDOW = 8
BACK_SENTS = 2
# Words before a title that make it a role, not a holder: ``на пост генсека``, ``избрание генсека``,
# ``новый глава`` (someone other than the person named before).
ROLE_CUES = {"кандидатура", "вакансия", "избрание", "выбор", "выборы",
             "новый", "будущий", "следующий"}


def _owners(links: dict) -> dict[int, int]:
    return {id(p): mi for mi, ps in links.items() for p in ps}


def corefer(doc: Doc, spans: list[tuple[int, int]], groups: list, phrases: list, links: dict) -> None:
    """Add links for the phrases ``linking.attach`` left over (in place)."""
    owner = _owners(links)
    phrases = sorted(phrases, key=lambda p: p.start)
    genders = {m: g.name.gender for g in groups for m in g.members}
    for p in phrases:
        if id(p) not in owner:
            mi = _predicate_subject(doc, spans, p, genders)
            if mi is None:
                mi = _predicate_after(doc, spans, p, genders)
            if mi is not None:
                owner[id(p)] = mi
    _chain(doc, spans, phrases, owner)
    _same_title(doc, spans, groups, phrases, owner)
    _chain(doc, spans, phrases, owner)
    _sole_person(doc, spans, groups, phrases, owner)
    held = _holders(doc, groups, phrases, owner)
    for p in phrases:
        if id(p) not in owner:
            mi = _age_anaphor(doc, spans, p)
            if mi is None:
                mi = _subject_anaphor(doc, spans, groups, p, held.get(_head_lemma(doc, p), set()))
            if mi is not None:
                owner[id(p)] = mi
    for p in phrases:
        mi = owner.get(id(p))
        if mi is not None and all(q is not p for q in links.get(mi, [])):
            links.setdefault(mi, []).append(p)
            links[mi].sort(key=lambda q: q.start)


def _gap(doc: Doc, a: int, b: int) -> str:
    return doc.text[a:b].strip() if a <= b else "?"


def _chain(doc: Doc, spans: list, phrases: list, owner: dict) -> None:
    """``дизайнер, основатель и директор``: a title joined to an attached neighbour.

    Titles after a name pass their owner forward, titles before it backward.
    """
    pairs = list(zip(phrases, phrases[1:], strict=False))
    for a, b in pairs:
        _pass_owner(doc, spans, owner, a, b, after=True)
    for a, b in reversed(pairs):
        _pass_owner(doc, spans, owner, b, a, after=False)


def _pass_owner(doc: Doc, spans: list, owner: dict, q, p, *, after: bool) -> None:
    """Give ``p`` the owner of its attached neighbour ``q`` when only a comma or ``и`` parts them."""
    mi = owner.get(id(q))
    if id(p) in owner or mi is None or (spans[mi][0] < q.start) != after or is_plural(doc, p):
        return
    a, b = (q, p) if after else (p, q)
    if doc.tokens[a.first].sent != doc.tokens[b.last - 1].sent:
        return
    gap = _gap(doc, a.end, b.start)
    if gap not in ("", ",", "и", ", и", ", а также") and not SEQUENCE_GAP.fullmatch(gap):
        return
    if gap == "" and not _shared_case(doc, a, b):
        return  # "с корреспондентом «Голоса Америки» лидер движения": two phrases, two people
    if gap == "и" and not (_bare(p) or _bare(q)):
        return
    owner[id(p)] = mi


def _shared_case(doc: Doc, a, b) -> bool:
    """Two title heads that may stand in one case (``командующего округом генерал-полковника``)."""
    def cases(p) -> set:
        return {x.tag.case for x in parses(_head_token(doc, p)) if x.tag.case}
    return bool(cases(a) & cases(b))


def _bare(p) -> bool:
    return p.last == p.head_last


def _predicate_subject(doc: Doc, spans: list, p, genders: dict | None = None) -> int | None:
    """The person a predicate title describes: ``Иванов был назначен министром``."""
    toks = doc.tokens
    sent = doc.sents[toks[p.first].sent]
    prev = toks[p.first - 1] if p.first > sent.first else None
    if prev is not None and prev.text.lower() in PREPOSITIONS or not _noun_head(doc, p) or is_plural(doc, p):
        return None
    post = prev is not None and prev.lemma in POST_LEMMAS and _head_case(doc, p, "gent")
    if not (post or _head_case(doc, p, "ablt")):
        return None
    link = _link_verb(_clause_window(toks, max(sent.first, p.first - LINK_WINDOW), p.first),
                      POST_VERBS if post else LINK_LEMMAS)
    if link is None:
        return None
    if active_appoint(link):
        return _appointee(doc, spans, link, sent)
    mi = _last_in(spans, sent.start, p.start)
    if mi is not None:
        between = QUOTED_RE.sub("", doc.text[spans[mi][1]:p.start])
        return None if re.search(r"[«»\"():;]|\bкоторы", between) else mi
    if any(t.lemma in PRONOUNS for t in toks[sent.first:p.first]) or _subjectless(doc, sent, link):
        mi = _last_before(doc, spans, sent.start)
        if mi is not None and genders is not None and not _agrees(link, genders.get(mi)):
            return None
        return mi
    return None


def _subjectless(doc: Doc, sent, link) -> bool:
    """The link verb has no subject before it in its sentence (``В 1990 году работал инженером``):
    only adverbials, dates and prepositional groups stand before it."""
    toks = doc.tokens
    after_prep = False
    for t in toks[sent.first:link.index]:
        ps = parses(t)
        top = ps[0] if ps else None
        if top is None or not t.text[:1].isalpha():
            continue
        if top.tag.POS == "PREP":
            after_prep = True
            continue
        if top.tag.POS in ("NOUN", "NPRO") and top.tag.case == "nomn" and not after_prep:
            return False
        if is_cap(t) and t.index != sent.first and not after_prep:
            return False
        if top.tag.POS in ("NOUN", "NPRO"):
            after_prep = False
    return True


def _agrees(verb, gender: str | None) -> bool:
    """A past-tense verb's gender agrees with the person's (unknown either way agrees)."""
    ps = parses(verb)
    vg = ps[0].tag.gender if ps else None
    return not (gender and vg and gender != vg)


def _appointee(doc: Doc, spans: list, link, sent) -> int | None:
    """The first name after an active appointing verb in its clause (``назначил ... Иванова``)."""
    i = bisect.bisect_left(spans, (link.end, -1))
    if i >= len(spans) or spans[i][0] >= sent.end:
        return None
    return None if re.search(r"[;:()«»]", doc.text[link.end:spans[i][0]]) else i


def _predicate_after(doc: Doc, spans: list, p, genders: dict | None = None) -> int | None:
    """``Новым директором стал Иванов``: an instrumental title, a link verb, then the name."""
    toks = doc.tokens
    sent = doc.sents[toks[p.first].sent]
    prev = toks[p.first - 1] if p.first > sent.first else None
    if prev is not None and prev.text.lower() in PREPOSITIONS or not _noun_head(doc, p):
        return None
    before = _last_in(spans, sent.start, p.start)
    if before is not None and not CLAUSE_BREAK.search(doc.text[spans[before][1]:p.start]):
        return None
    # ``Новым директором стал Иванов`` or ``Пост губернатора занял Иванов``
    post = prev is not None and prev.lemma in POST_LEMMAS and _head_case(doc, p, "gent")
    if not (post or _head_case(doc, p, "ablt")):
        return None
    links = TAKE_LEMMAS if post else AFTER_LINKS
    link = next((t for t in toks[p.last:min(sent.last, p.last + LINK_WINDOW)] if is_verb(t) or
                 t.lemma in links or t.lemmas & links), None)
    if link is None or not (link.lemma in links or link.lemmas & links) or active_appoint(link):
        return None
    pronoun = next((t for t in toks[max(p.last, link.index - 1):min(sent.last, link.index + 2)]
                    if t.text.lower() in ("он", "она")), None)
    if pronoun is not None and before is None:
        # ``Министром он стал в 2006 году``: the person named just before
        mi = _last_before(doc, spans, sent.start)
        gender = "masc" if pronoun.text.lower() == "он" else "femn"
        return mi if mi is not None and (genders or {}).get(mi) in (None, gender) else None
    i = bisect.bisect_left(spans, (link.end, -1))
    if i + 1 < len(spans) and spans[i + 1][0] < sent.end and not may_be_nominative(doc, spans[i]) \
            and not doc.text[spans[i][1]:spans[i + 1][0]].strip():
        i += 1  # "должен стать соратник Кэмерона Джордж Осборн": the subject, not its complement
    if i >= len(spans) or spans[i][0] >= sent.end or len(doc.tokens_in(link.end, spans[i][0])) > LINK_WINDOW:
        return None
    between = doc.tokens_in(link.end, spans[i][0])
    if re.search(r"[;:()«»,]", doc.text[link.end:spans[i][0]]) or any(is_verb(t) for t in between):
        return None
    return i


def _age_anaphor(doc: Doc, spans: list, p) -> int | None:
    """``37-летний юрист скончался``: an aged singular title refers to the person named just before."""
    toks = doc.tokens
    if p.first == 0 or not AGE_RE.match(toks[p.first - 1].text) or is_plural(doc, p) or not _noun_head(doc, p):
        return None
    if not has_case(_head_token(doc, p), "nomn", ("NOUN",)):
        return None
    return _last_before(doc, spans, toks[p.first - 1].start)


def _holders(doc: Doc, groups: list, phrases: list, owner: dict) -> dict[str, set[int]]:
    """Head lemma of a linked title -> the groups (persons) holding it."""
    group_of = {m: gi for gi, g in enumerate(groups) for m in g.members}
    held: dict[str, set[int]] = {}
    for p in phrases:
        mi = owner.get(id(p))
        if mi is not None and mi in group_of:
            held.setdefault(_head_lemma(doc, p), set()).add(group_of[mi])
    return held


def _subject_anaphor(doc: Doc, spans: list, groups: list, p, holders: set[int]) -> int | None:
    """``Политик самоизолировался``, ``9 апреля премьер был переведён``: a short subject title
    opening a clause of a sentence with no name refers to the person named in the sentence
    before, when the verb's gender agrees and no other person holds that title."""
    toks = doc.tokens
    si = toks[p.first].sent
    sent = doc.sents[si]
    if not _clause_initial(doc, p, sent) or p.last - p.first > 3 or is_plural(doc, p) or not _noun_head(doc, p):
        return None
    if not has_case(_head_token(doc, p), "nomn", ("NOUN",)) or _last_in(spans, sent.start, sent.end) is not None:
        return None
    verb = next((t for t in toks[p.last:min(sent.last, p.last + 3)] if is_verb(t)), None)
    if verb is None:
        return None
    mi = _last_before(doc, spans, sent.start)
    if mi is None or doc.token_at(spans[mi][0]).sent < si - 1:
        return None
    gi = next((gi for gi, g in enumerate(groups) if mi in g.members), None)
    if holders and gi not in holders:
        return None  # "мэр Анкары отметил": the mayor named earlier, not the last name
    gender = groups[gi].name.gender if gi is not None else None
    vg = parses(verb)[0].tag.gender
    if gender == "masc" and _feminine(_head_token(doc, p)):
        return None  # "спортсменка" is not the man just named
    return mi if not (gender and vg and gender != vg) else None


def _feminine(tok) -> bool:
    """A feminine title noun (``певица``, ``спортсменка``), not a common-gender one (``глава``)."""
    ps = [p for p in parses(tok)[:2] if p.tag.POS == "NOUN"]
    return bool(ps) and all(p.tag.gender == "femn" and "ms-f" not in p.tag.grammemes for p in ps)


CLAUSE_OPENERS = {",", "что", "—", "–"}


def _clause_initial(doc: Doc, p, sent) -> bool:
    """The title opens its clause, after adverbials only: ``9 апреля премьер``, ``, что менеджер``."""
    for t in reversed(doc.tokens[sent.first:p.first]):
        if t.text.lower() in CLAUSE_OPENERS:
            return True
        if is_verb(t) or is_cap(t) and t.index != sent.first or has_case(t, "nomn", ("NOUN", "NPRO")) \
                and not has_case(t, "gent", ("NOUN",)):
            return False
    return True


def _link_verb(window: list, lemmas: set):
    """The last link verb of the window, unless another verb follows it (``был ветирован``)."""
    found = None
    for t in window:
        if t.lemma in lemmas or t.lemmas & lemmas:
            found = t
        elif found is not None and any(x.tag.POS in ("VERB", "INFN", "PRTS", "GRND") for x in parses(t)[:1]):
            found = None
    return found


def _noun_head(doc: Doc, p) -> bool:
    """The title word is a noun and most likely the title (``политики`` is rather ``политика``),
    or an adjective used as one (``командующий``, ``ведущая``)."""
    tok = _head_token(doc, p)
    ps = parses(tok)
    if "-" in tok.text or not ps:
        return True
    lemma = ps[0].normal_form.replace("ё", "е")
    return ps[0].tag.POS == "NOUN" and lemma in title_heads() or ps[0].tag.POS in ("ADJF", "PRTF") \
        and lemma in ADJECTIVE_TITLES


def _head_token(doc: Doc, p):
    """The head word of a lexicon match: its first noun (``первым заместителем`` -> ``заместителем``)."""
    for t in doc.tokens[p.head_first:p.head_last]:
        if t.lemma != "обязанность" and likely_noun(t.text):
            return t
    return doc.tokens[p.head_first]


def _head_case(doc: Doc, p, case: str) -> bool:
    """The title's head word may stand in ``case`` (as a noun, or as an adjective used as a title)."""
    tok = _head_token(doc, p)
    if has_case(tok, case, ("NOUN",)):
        return True
    return any(x.tag.case == case and x.tag.POS in ("ADJF", "PRTF") and x.normal_form.replace("ё", "е")
               in ADJECTIVE_TITLES for x in parses(tok))


# Titles held one after another: ``был министром здравоохранения, а затем министром финансов``.
SEQUENCE_GAP = re.compile(r"(,\s*)?((а|и)\s+)?(затем|потом|позже|позднее|впоследствии)")
# A short quoted name (``работал в «Росбанке»``): no quotation between a subject and its predicate.
QUOTED_RE = re.compile(r"«[^«»]{1,40}»")
# A clause boundary: ``..., а министром станет``, ``;``.
CLAUSE_BREAK = re.compile(r",\s*(а|но|тогда как)\s|;")


def _clause_window(toks: list, lo: int, hi: int) -> list:
    """Tokens ``lo..hi`` from the last clause boundary on (``Пост занял Иванов, а министром ...``)."""
    for k in range(hi - 1, lo, -1):
        if toks[k].text == ";" or toks[k].text.lower() in ("а", "но") and toks[k - 1].text == ",":
            return toks[k + 1:hi]
    return toks[lo:hi]


def _last_in(spans: list, lo: int, hi: int) -> int | None:
    """Index of the last mention starting in ``[lo, hi)`` (``spans`` are sorted)."""
    i = bisect.bisect_left(spans, (hi, -1)) - 1
    return i if i >= 0 and spans[i][0] >= lo else None


def _last_before(doc: Doc, spans: list, offset: int) -> int | None:
    tok = doc.token_at(offset)
    floor = doc.sents[max(0, tok.sent - BACK_SENTS)].start if tok is not None else offset
    return _last_in(spans, floor, offset)


def _subject_title(doc: Doc, p) -> bool:
    """A singular nominative or genitive title, not after a preposition nor joined by ``и`` to another title."""
    toks = doc.tokens
    if is_plural(doc, p) or not _noun_head(doc, p):
        return False
    if not has_case(_head_token(doc, p), "nomn", ("NOUN",)) and not has_case(_head_token(doc, p), "gent", ("NOUN",)):
        return False
    prev = toks[p.first - 1].text.lower() if p.first > 0 else ""
    after = toks[p.last].text.lower() if p.last < len(toks) else ""
    return prev not in PREPOSITIONS and prev != "и" and after != "и"


def _genitive_mention(doc: Doc, span: tuple[int, int]) -> bool:
    first, last = doc.token_at(span[0]), doc.token_at(span[1] - 1)
    return first is not None and last is not None and genitive_name(first, last)


def _head_lemma(doc: Doc, p) -> str:
    for t in doc.tokens[p.head_first:p.head_last]:
        if likely_noun(t.text) and t.lemma != "обязанность":
            return t.lemma
    return doc.tokens[p.head_first].lemma


def _role_use(doc: Doc, p) -> bool:
    """The title names a role rather than its holder: ``на пост генсека``, ``выбор генсека``,
    ``новый премьер`` (a role cue among the two words before it)."""
    toks = doc.tokens
    sent_first = doc.sents[toks[p.first].sent].first
    for t in toks[max(sent_first, p.first - 2):p.first]:
        if t.lemma in ROLE_CUES or t.lemmas & ROLE_CUES:
            return True
    return False


def _same_title(doc: Doc, spans: list, groups: list, phrases: list, owner: dict) -> None:
    """A title repeated without the name: the one person holding it in the document."""
    group_of = {m: gi for gi, g in enumerate(groups) for m in g.members}
    held: dict[str, set] = {}
    titles: dict[int, list] = {}
    for p in phrases:
        mi = owner.get(id(p))
        if mi is not None and mi in group_of:
            held.setdefault(_head_lemma(doc, p), set()).add(group_of[mi])
            titles.setdefault(group_of[mi], []).append(p.title)
    for p in phrases:
        if id(p) in owner or is_plural(doc, p) or not _noun_head(doc, p) or _role_use(doc, p):
            continue
        cands = held.get(_head_lemma(doc, p), set())
        if len(cands) != 1:
            continue
        (gi,) = cands
        if not _bare(p) and not any(t.startswith(p.title) or p.title.startswith(t) for t in titles[gi]):
            continue
        if groups[gi].name.gender == "masc" and _feminine(_head_token(doc, p)):
            continue  # "герцогиня" is not the man who holds "герцог"
        members = groups[gi].members
        before = [m for m in members if spans[m][0] < p.start]
        owner[id(p)] = before[-1] if before else members[0]


def _sole_person(doc: Doc, spans: list, groups: list, phrases: list, owner: dict) -> None:
    """A singular title in a sentence naming exactly one person (a genitive one only with no verb between)."""
    group_of = {m: gi for gi, g in enumerate(groups) for m in g.members}
    by_sent: dict[int, list[int]] = {}
    for mi, (s, _e) in enumerate(spans):
        tok = doc.token_at(s)
        if tok is not None:
            by_sent.setdefault(tok.sent, []).append(mi)
    for p in phrases:
        if id(p) in owner or not _subject_title(doc, p) or _role_use(doc, p):
            continue
        found = by_sent.get(doc.tokens[p.first].sent, [])
        if found and len({group_of.get(m) for m in found}) == 1:
            mi = min(found, key=lambda m: abs(spans[m][0] - p.start))
            if kin_before(doc, p) and (spans[mi][0] < p.start or not _genitive_mention(doc, spans[mi])) \
                    or complement_name(doc, p, spans[mi]):
                continue  # "дочь министра Анна ...", "представитель Эрдогана"
            a, b = (p.end, spans[mi][0]) if spans[mi][0] >= p.end else (spans[mi][1], p.start)
            nominative = has_case(_head_token(doc, p), "nomn", ("NOUN",))
            verb = any(is_verb(t) for t in doc.tokens_in(a, b))
            if not re.search(r"[():;]", doc.text[a:b]) and (nominative and (spans[mi][0] < p.start or
                                                                           may_be_nominative(doc, spans[mi]))
                                                              or not verb):
                owner[id(p)] = mi
