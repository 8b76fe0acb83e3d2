"""Position phrases: a title from the lexicon with its modifiers and genitive tail.

``find_titles(doc)`` finds every title phrase (``вице-министр экологии и
природных ресурсов РК``). A phrase gets a normalized title (head to
nominative, tail as written, trailing country dropped) and, through
``fill_context``, an organization and a country. Linking phrases to person
mentions is in ``linking`` (next to the name) and ``coreference`` (the rest).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Optional

from ..doc import Doc, SpanIndex, Token
from ..nlp import morph
from ..nlp.grammar import (
    is_abbr,
    is_cap,
    is_gent,
    is_verb,
    is_word,
    join,
    nominative_tokens,
    parses,
)
from ..organizations.lexicon import org_heads
from ..places import context
from ..records import Mention, Position
from .lexicon import title_heads, title_matcher, title_modifiers, title_pairs

TAIL_LIMIT = 9
QUOTED_NAME = 4  # tokens of a quoted name right after a title: ``тренер «Спартака»``
QUOTES = {"«": "»", '"': '"', "“": "”", "„": "“"}  # opening quote -> closing quote
# Titles whose tail names a ministry: министр экономики -> Министерство экономики.
MINISTER_LEMMAS = {"министр", "вице-министр", "замминистра", "экс-министр"}
REGIONAL_ADJ = {"региональный", "областной", "краевой", "республиканский", "городской",
                "местный", "окружной"}
LEAD_RE = re.compile(r"(возглавля\w*|во главе с|под руководством)\s*$", re.I)


@dataclass(eq=False)
class TitlePhrase:
    start: int
    end: int
    first: int  # token indexes (doc.tokens), end exclusive
    last: int
    head_first: int  # the lexicon match (inside the phrase)
    head_last: int
    title: str = ""
    acting: bool = False  # after "и. о.": the title stays genitive
    title_last: int = 0  # token index after the title words (the tail beyond is the body or place)
    organization: Optional[str] = None
    country: Optional[str] = None


def _is_modifier(tok: Token) -> bool:
    low = tok.text.lower()
    if tok.lemma in title_modifiers() or tok.lemmas & title_modifiers():
        return True
    return low.startswith(("вице-", "экс-")) and len(low) > 5


def _person_starts(doc: Doc) -> set[int]:
    return {s.start for s in doc.ner if s.type == "PER"}


def _looks_like_name(tok: Token) -> bool:
    if not is_cap(tok) or is_abbr(tok):
        return False
    return any(("Name" in p.tag.grammemes or "Surn" in p.tag.grammemes) and p.score > 0.3
               for p in parses(tok))


def _tail(doc: Doc, i: int, stop_at: set[int], sent_last: int) -> int:
    """Token index after the genitive tail starting at ``i``."""
    toks = doc.tokens
    n = 0
    j = i
    while j < sent_last and n < TAIL_LIMIT:
        tok = toks[j]
        if tok.start in stop_at:
            break
        if tok.text in QUOTES:
            close = QUOTES[tok.text]
            k = j + 1
            while k < sent_last and toks[k].text != close and k - j < 10:
                k += 1
            if k < sent_last and toks[k].text == close and (n > 0 or k - j <= QUOTED_NAME):
                j = k + 1
                n += 1
                continue
            break
        if tok.text == "и" and n > 0 and j + 1 < sent_last and is_gent(toks[j + 1]) \
                and toks[j + 1].start not in stop_at and not is_cap(toks[j + 1]) \
                and toks[j + 1].lemma not in title_heads():
            j += 1
            continue
        if tok.text.lower() == "по" and j + 1 < sent_last and is_word(toks[j + 1]) \
                and toks[j + 1].start not in stop_at:
            # заместитель губернатора по экономике, комитет по делам молодежи
            k = j + 1
            m = 0
            while k < sent_last and m < DOMAIN_LIMIT and is_word(toks[k]) and toks[k].start not in stop_at \
                    and not is_verb(toks[k]) and toks[k].text.lower() not in ("и", "в", "на", "с"):
                k += 1
                m += 1
                if k + 1 < sent_last and m and toks[k].text == "и" and _domain_word(toks[k + 1], stop_at):
                    k += 1  # ``по науке и высоким технологиям``
            if m:
                j = k
                n += m
                continue
            break
        if tok.text.lower() in ("в", "во") and j + 1 < sent_last and _place_at(doc, toks[j + 1], stop_at) \
                and (n > 0 or toks[i - 1].lemma in ENVOY_LEMMAS or toks[i - 1].lemmas & ENVOY_LEMMAS):
            j += 2
            while j < sent_last and is_cap(toks[j]) and toks[j].start not in stop_at and _place_at(doc, toks[j], stop_at):
                j += 1
            break
        if n > 0 and _latin_name(tok):
            j += 1  # a body named in Latin: ``глава подразделения Windows``
            n += 1
            continue
        if tok.text.lower() == "от" and toks[i - 1].lemma in CONSTITUENCY_LEMMAS and j + 1 < sent_last \
                and (toks[j + 1].text == "«" or _place_at(doc, toks[j + 1], stop_at)
                     or is_abbr(toks[j + 1]) and toks[j + 1].start not in stop_at):
            j += 1  # ``депутат от «Единой России»``, ``сенатор от Аризоны``, ``депутат от ЛДПР``
            continue
        if not is_word(tok) or is_verb(tok):
            break
        if n > 0 and _geo_apposition(toks, j):
            j += 1
            n += 1
            continue
        if is_abbr(tok):
            j += 1
            n += 1
            continue
        if is_gent(tok) and not (_looks_like_name(tok) and tok.start in stop_at):
            if _looks_like_name(tok) and not any(p.tag.POS == "ADJF" for p in parses(tok)) \
                    and not _is_place_or_org(doc, tok):
                break
            j += 1
            n += 1
            continue
        break
    # do not end on a dangling adjective or conjunction
    while j > i and (toks[j - 1].text in ("и",) or _only_adj(toks[j - 1])):
        j -= 1
    return j


# Titles whose tail may name a party or a constituency after ``от``.
CONSTITUENCY_LEMMAS = {"депутат", "сенатор", "конгрессмен", "кандидат", "член", "выборщик", "парламентарий"}


def _latin_name(tok: Token) -> bool:
    """A capitalised word in Latin letters (``Windows``, ``Google``)."""
    return tok.text[:1].isupper() and tok.text.isascii() and tok.text.isalpha()


DOMAIN_LIMIT = 6  # words of a ``по ...`` domain in a tail


def _domain_word(tok: Token, stop_at: set[int]) -> bool:
    """A lower-case word going on a ``по`` domain after ``и`` (not another title, not a name)."""
    return is_word(tok) and not is_cap(tok) and tok.start not in stop_at and tok.lemma not in title_heads() \
        and not is_verb(tok)


ENVOY_LEMMAS = {"посол", "консул", "генконсул", "представитель", "полпред", "постпред", "атташе", "советник",
                "посланник", "поверенный", "торгпред", "уполномоченный", "корреспондент", "спецпредставитель"}


def _place_at(doc: Doc, tok: Token, stop_at: set[int]) -> bool:
    """A capitalised place word (a country or a NER location) not starting a person's name."""
    if not is_cap(tok) or tok.start in stop_at:
        return False
    if context.lookup(doc, tok.text):
        return True
    return any(span.type == "LOC" for span in doc.ner_covering(tok.start))


GEO_WORDS = {"республика", "земля", "штат", "провинция", "город", "округ", "графство", "королевство",
             "княжество", "эмират", "кантон", "префектура", "остров", "район", "автономия", "султанат"}


def _geo_apposition(toks: list[Token], j: int) -> bool:
    """A proper name in apposition after a place word: ``Республики Таджикистан``, ``земли Гессен``."""
    prev, tok = toks[j - 1], toks[j]
    if not is_cap(tok) or is_abbr(tok) or prev.sent != tok.sent:
        return False
    return prev.lemma in GEO_WORDS or bool(prev.lemmas & GEO_WORDS)


def _only_adj(tok: Token) -> bool:
    return _only_adjective_word(tok.text) and not is_abbr(tok)


@functools.lru_cache(maxsize=50_000)
def _only_adjective_word(word: str) -> bool:
    ps = morph.parse(word)
    return bool(ps) and all(p.tag.POS in ("ADJF", "PRTF") for p in ps[:2])


def _is_place_or_org(doc: Doc, tok: Token) -> bool:
    return any(span.type in ("LOC", "ORG") for span in doc.ner_covering(tok.start))


def _norm_title(doc: Doc, ph: TitlePhrase, orgs: frozenset[int]) -> str:
    if ph.acting:
        return _acting_title(doc, ph, orgs)
    toks = doc.tokens[ph.first:ph.last]
    # head noun: first noun of the lexicon match (skip "обязанности" of и.о.)
    head = None
    for k in range(ph.head_first - ph.first, ph.head_last - ph.first):
        if likely_noun(toks[k].text) and toks[k].lemma != "обязанность":
            head = k
            break
    if head is None:
        head = ph.head_last - ph.first - 1
    words = nominative_tokens(toks, head)
    adjective = _adjective_title(toks[head])
    if adjective:
        words[head] = adjective
        gender = next((p.tag.gender for p in parses(toks[head]) if p.tag.gender), None) or "masc"
        for k in range(head):  # ``государственным служащим`` -> ``государственный служащий``
            form = morph.inflect(toks[k].text, {"nomn", "sing", gender}, pos="ADJF")
            words[k] = morph.match_case(toks[k].text, form) if form else words[k]
    last, skipped = _title_cut(toks, head, orgs)
    ph.title_last = ph.first + min(skipped | {last})
    words = [w if is_abbr(toks[k]) else w.lower() for k, w in enumerate(words)]
    kept = [k for k in range(last) if k not in skipped]
    title = _join_kept(doc, [toks[k] for k in kept], [words[k] for k in kept])
    if title[:1].isupper() and not is_abbr(toks[0]):
        title = title[:1].lower() + title[1:]
    return title


# Adjectives used as title nouns (``командующим флотом``, ``новой ведущей``); other title words that
# may be adjectives (``полицейский``) count as titles only when parsed as nouns.
ADJECTIVE_TITLES = {"командующий", "главнокомандующий", "ведущий", "телеведущий", "радиоведущий",
                    "управляющий", "заведующий", "уполномоченный", "военнослужащий", "служащий",
                    "госслужащий", "дежурный", "вожатый", "поверенный"}


def _adjective_title(tok: Token) -> Optional[str]:
    """An adjective used as a title in the nominative (``ведущей`` -> ``ведущая``), else None."""
    if any(p.tag.POS == "NOUN" for p in parses(tok)):
        return None
    for p in parses(tok):
        if p.tag.POS in ("ADJF", "PRTF") and p.normal_form.replace("ё", "е") in ADJECTIVE_TITLES:
            form = morph.inflected(p, {"nomn", "sing", p.tag.gender or "masc"})
            return morph.match_case(tok.text, form.word) if form is not None else None
    return None


def _acting_title(doc: Doc, ph: TitlePhrase, orgs: frozenset[int]) -> str:
    """``И. о. ректора СКФУ`` -> ``и.о. ректора``: the title after ``и. о.`` stays genitive."""
    toks = doc.tokens[ph.head_first:ph.last]
    last, skipped = _title_cut(toks, 0, orgs)
    ph.title_last = ph.head_first + min(skipped | {last})
    kept = [toks[k] for k in range(last) if k not in skipped]
    return "и.о. " + _join_kept(doc, kept, [t.text.lower() for t in kept])


def _join_kept(doc: Doc, toks: list[Token], words: list[str]) -> str:
    """Words joined with their spacing; one space where skipped tokens were."""
    out = []
    for i, (tok, word) in enumerate(zip(toks, words, strict=True)):
        if i:
            out.append(doc.text[toks[i - 1].end:tok.start] if tok.index == toks[i - 1].index + 1 else " ")
        out.append(word)
    return "".join(out)


def _acting_prefix(doc: Doc, first: int, floor: int) -> int:
    """Tokens of an ``и. о.`` / ``и.о.`` written before a title at ``first`` (0 when none)."""
    texts = [t.text.lower() for t in doc.tokens[max(floor, first - 4):first]]
    return 4 if texts[-4:] == ["и", ".", "о", "."] else 0


# Territory words that end a title: the place goes to ``organization``.
PLACE_LEMMAS = {"область", "край", "район", "регион", "город", "провинция", "округ", "аймак", "республика",
                "штат", "центр", "столица", "эмират", "префектура", "муниципалитет", "страна", "государство",
                "губерния", "поселение", "село", "уезд", "графство", "земля", "кантон", "территория",
                "вилаят", "велаят", "хокимият", "акимат", "мегаполис", "поселок", "станица", "улус"}


# Prepositions after which the rest is a place or a body: ``посол в Китае``, ``представитель при ООН``.
CUT_PREPS = {"в", "во", "на", "при", "у", "из", "от", "для", "с", "со", "за"}
# Generic bodies that are no organization names but end a title: ``руководитель территориального органа``.
BODY_LEMMAS = {"орган", "учреждение", "структура", "подразделение"}

# Units inside a body that stay in the title (``начальник отдела``, ``директор департамента ...``).
SUBUNIT_LEMMAS = {"отдел", "департамент", "сектор", "лаборатория", "кафедра", "коллегия",
                  "правление", "направление", "группа", "бюро", "дирекция"}


def _org_tokens(doc: Doc) -> frozenset[int]:
    """Indexes of the first tokens of the organizations stage's mentions (``глава минсельхоза``)."""
    return frozenset(toks[0].index for o in doc.organizations for m in o.mentions
                     if (toks := doc.tokens_in(m.start, m.end)))


def _title_cut(toks: list[Token], head: int, orgs: frozenset[int] = frozenset()) -> tuple[int, frozenset[int]]:
    """Where the title ends in a phrase, and the tokens skipped inside it.

    A domain tail stays (``министр сельского хозяйства``, ``заместитель председателя
    правительства``, ``консул по культуре``, ``спецпредставитель по делам ШОС``); a body,
    a territory, a proper name, an abbreviation or a preposition ends it, with the
    adjectives before it. A territory between the title and its ``по ...`` domain is
    skipped (``заместитель губернатора Тверской области по экономике``).
    """
    keep = k = head + 1
    po = False  # inside a lowercase "по ..." group: its names are the domain
    skipped: set[int] = set()
    while k < len(toks):
        tok = toks[k]
        low = tok.text.lower()
        if low in ("по", "и") and low not in CUT_PREPS:
            po = po or (low == "по" and k + 1 < len(toks) and not is_cap(toks[k + 1]))
            k += 1
            continue
        if _ends_title(toks, k, keep, po, orgs):
            resume = None if po or keep != k else _domain_after(toks, k)
            if resume is None:
                break
            skipped.update(range(k, resume))
            k = resume
            continue
        k += 1
        if not _adjective(tok):
            keep = k
    return keep, frozenset(i for i in skipped if i < keep)


def _ends_title(toks: list[Token], k: int, keep: int, po: bool, orgs: frozenset[int]) -> bool:
    tok = toks[k]
    lemmas = tok.lemmas | {tok.lemma}
    if tok.text.lower() in CUT_PREPS or not is_word(tok) or (is_abbr(tok) and not (po and keep == k)):
        return True
    if tok.index in orgs and not po and k == keep and not _title_pair(toks[keep - 1], tok) \
            and not lemmas & (title_heads() | org_heads()):
        return True  # a body written as one word (``минсельхоза``)
    titled = bool(lemmas & (title_heads() | title_modifiers()))
    if is_cap(tok) and not titled and not lemmas & org_heads() and not (po and keep == k):
        return True
    body = lemmas & (PLACE_LEMMAS | BODY_LEMMAS) or (lemmas & org_heads() and not lemmas & SUBUNIT_LEMMAS)
    return bool(body) and not _title_pair(toks[keep - 1], tok)


def _domain_after(toks: list[Token], k: int) -> Optional[int]:
    """Index of a ``по`` + lower-case domain a few words after a territory at ``k``, else None."""
    for m in range(k + 1, min(len(toks) - 1, k + 5)):
        if toks[m].text.lower() == "по" and is_word(toks[m + 1]) and not is_cap(toks[m + 1]):
            gap = toks[k:m]
            if all(is_word(t) and (is_cap(t) or _adjective(t) or t.lemma in PLACE_LEMMAS) for t in gap):
                return m
            return None
    return None


def _adjective(tok: Token) -> bool:
    """Most likely an adjective (``главного``, ``областного``), not an abbreviation."""
    return _adjective_word(tok.text) and not is_abbr(tok)


@functools.lru_cache(maxsize=50_000)
def _adjective_word(word: str) -> bool:
    return any(p.tag.POS in ("ADJF", "PRTF") for p in morph.parse(word)[:2])


def _title_pair(prev: Token, tok: Token) -> bool:
    """``председателя правительства``, ``глава государства``: a two-word title of the lexicon."""
    pairs = title_pairs()
    return any((a, b) in pairs for a in prev.lemmas | {prev.lemma} for b in tok.lemmas | {tok.lemma})


def find_titles(doc: Doc, mentions: Optional[list[tuple[int, int]]] = None) -> list[TitlePhrase]:
    """Every title phrase in the document (outside ignored zones).

    With the person ``mentions`` (corrected NER spans), a title NER took into a
    name (``Император Акихито``) counts as a title once the mention leaves it out.
    """
    stop_at = _person_starts(doc) if mentions is None else {s for s, _ in mentions}
    inside = _covered(doc, mentions)
    out: list[TitlePhrase] = []
    orgs: Optional[frozenset[int]] = None  # _org_tokens, computed once (at the first title)
    matcher = title_matcher()
    for sent in doc.sents:
        toks = doc.tokens[sent.first:sent.last]
        heads = [(sent.first + m.first, sent.first + m.last) for m in matcher.finditer(toks)]
        found = sorted(heads + _hyphen_heads(doc, sent, heads))
        head_starts = {a for a, _ in found}
        for hf, hl in found:
            head_tok = doc.tokens[hf]
            if not _valid_head(head_tok):
                continue
            if hl - hf == 1 and hl in head_starts and _is_modifier(head_tok):
                continue  # ``ведущего экономиста``: a modifier of the next title, not a title itself
            if head_tok.start in stop_at or head_tok.index in inside:
                continue  # a capitalised title that NER took for a name
            if head_tok.text.isupper() and len(head_tok.text) > 1 and head_tok.text.lower() in (
                    "глава", "мэр", "член"):
                continue
            first = hf
            while first > sent.first and _is_modifier(doc.tokens[first - 1]):
                first -= 1
            while first < hf and doc.tokens[first].text.lower() == "и":
                first += 1  # a conjunction, not "и. о."
            acting = _acting_prefix(doc, first, sent.first)
            first -= acting
            last = _inner_holder(doc, hf, hl, _tail(doc, hl, stop_at, sent.last), head_starts, stop_at)
            start, end = doc.tokens[first].start, doc.tokens[last - 1].end
            if doc.is_ignored(start, end):
                continue
            ph = TitlePhrase(start, end, first, last, hf, hl, acting=bool(acting))
            if orgs is None:
                orgs = _org_tokens(doc)
            ph.title = _norm_title(doc, ph, orgs)
            out.append(ph)
    return _compound(doc, _dedupe(out))


def _name_cases(tok: Token) -> set:
    """Cases of a known first name (``Барака``: genitive or accusative); empty when unknown."""
    if not morph.is_known(tok.text):
        return set()
    return {p.tag.case for p in parses(tok) if "Name" in p.tag.grammemes and p.tag.number == "sing" and p.tag.case}


def _inner_holder(doc: Doc, hf: int, hl: int, last: int, head_starts: set[int], stop_at: set[int]) -> int:
    """End of a phrase before a title inside its tail that is the next name's: in ``представители
    администрации президента США Барака Обамы`` the name agrees with ``президента``, not with
    ``представители``, so the first phrase ends before ``президента``."""
    toks = doc.tokens
    if last >= len(toks) or toks[last].start not in stop_at:
        return last
    name = _name_cases(toks[last])
    if not name or name & {p.tag.case for p in parses(toks[hf]) if p.tag.case}:
        return last
    for k in range(hl, last):
        if k in head_starts and name & {p.tag.case for p in parses(toks[k]) if p.tag.POS == "NOUN"}:
            return k
    return last


DASHES = ("—", "–", "-")


def _compound(doc: Doc, phrases: list[TitlePhrase]) -> list[TitlePhrase]:
    """``статс-секретарь — заместитель министра``: a bare title, a dash and a title are one title."""
    out: list[TitlePhrase] = []
    for p in phrases:
        prev = out[-1] if out else None
        if prev is not None and prev.last == prev.head_last and p.first == prev.last + 1 \
                and doc.tokens[prev.last].text in DASHES and doc.tokens[p.first].sent == doc.tokens[prev.first].sent:
            out[-1] = TitlePhrase(prev.start, p.end, prev.first, p.last, prev.head_first, prev.head_last,
                                  title=f"{prev.title} — {p.title}", organization=p.organization,
                                  title_last=p.title_last)
            continue
        out.append(p)
    return out


def _covered(doc: Doc, mentions: Optional[list[tuple[int, int]]]) -> set[int]:
    """Token indexes inside person mentions."""
    out: set[int] = set()
    for s, e in mentions or ():
        out.update(t.index for t in doc.tokens_in(s, e))
    return out


def _hyphen_heads(doc: Doc, sent, heads: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Compound titles the lexicon misses: ``предприниматель-миллиардер``, ``IT-предприниматель``."""
    if "-" not in sent.text:
        return []
    taken = {i for a, b in heads for i in range(a, b)}
    out = []
    for tok in doc.tokens[sent.first:sent.last]:
        if "-" not in tok.text or tok.index in taken or not tok.text[:1].isalpha():
            continue
        parts = [w for w in tok.text.split("-") if len(w) > 2]
        if any(morph.lemma(w) in title_heads() and not w[:1].isupper() for w in parts):
            out.append((tok.index, tok.index + 1))
    return out


def is_plural(doc: Doc, ph: TitlePhrase) -> bool:
    """The title's head noun is plural (``заместители губернатора``, ``главы ведомств``)."""
    return _plural_noun(doc.tokens[ph.head_first].text)


@functools.lru_cache(maxsize=50_000)
def _plural_noun(word: str) -> bool:
    """The word's first two noun readings are plural (cached: every title is asked often)."""
    ps = [x for x in morph.parse(word) if x.tag.POS == "NOUN"]
    return bool(ps) and all(x.tag.number == "plur" for x in ps[:2])


@functools.lru_cache(maxsize=50_000)
def likely_noun(word: str) -> bool:
    """One of the word's two likeliest readings is a noun."""
    return any(p.tag.POS == "NOUN" for p in morph.parse(word)[:2])


def _valid_head(tok: Token) -> bool:
    """The title word really is a noun here (not ``после`` -> ``посол``)."""
    return _valid_head_word(tok.text)


@functools.lru_cache(maxsize=50_000)
def _valid_head_word(word: str) -> bool:
    ps = morph.parse(word)
    if not ps:
        return True
    top = ps[0]
    if top.tag.POS in ("PREP", "CONJ", "PRCL", "VERB", "INFN", "GRND", "ADVB") and top.score > 0.3:
        return False
    return any(p.tag.POS in ("NOUN", "ADJF") and p.normal_form.replace("ё", "е") in title_heads()
               for p in ps[:3]) or "-" in word


def _dedupe(phrases: list[TitlePhrase]) -> list[TitlePhrase]:
    phrases.sort(key=lambda p: (p.start, -(p.end - p.start)))
    out: list[TitlePhrase] = []
    for p in phrases:
        if out and p.start < out[-1].end:
            continue
        out.append(p)
    return out


# --------------------------------------------------------------------------- context
class OrgMentions:
    """A document's organization mentions, looked up by range and by name in logarithmic
    time (a title phrase is never checked against every mention of a long document)."""

    def __init__(self, orgs: list) -> None:
        self._index = SpanIndex(list(enumerate(orgs)), key=lambda pair: (pair[1].start, pair[1].end))
        self._country: dict[str, str] = {}
        for o in orgs:  # the last mention of a name with a country gives it
            if o.country:
                self._country[o.name] = o.country

    def first_within(self, start: int, end: int):
        """The first mention (in the list's order) lying inside ``[start, end)``, or None."""
        inside = self._index.within(start, end)
        return min(inside, key=lambda pair: pair[0])[1] if inside else None

    def country_of(self, name: str) -> Optional[str]:
        return self._country.get(name)


def _org_of(doc: Doc, ph: TitlePhrase, orgs: OrgMentions) -> Optional[str]:
    inside = orgs.first_within(ph.start, ph.end)
    if inside is not None:
        return inside.name
    toks = doc.tokens[ph.first:ph.last]
    heads = [k for k, t in enumerate(toks) if t.lemma in org_heads() and ph.first + k >= ph.head_last]
    if heads:
        k = heads[0]
        # a regional adjective before the head: "регионального правительства"
        adj = None
        if k > 0 and toks[k - 1].lemma in REGIONAL_ADJ:
            adj = toks[k - 1]
        span_toks = toks[k:]
        span_toks = _strip_country(span_toks)
        if not span_toks:
            return None
        from ..organizations.stage import normal_name

        name = normal_name(doc, span_toks)
        if adj is not None and len(span_toks) == 1:
            region = _region_before(doc, ph.start)
            if region:
                name = f"{name} {region}"
        if len(span_toks) == 1 and adj is None:
            return None
        return name[:1].upper() + name[1:]
    if doc.tokens[ph.head_first].lemma in MINISTER_LEMMAS and ph.last > ph.head_last:
        tail = _strip_country(doc.tokens[ph.head_last:ph.last])
        if tail:
            return "Министерство " + doc.text[tail[0].start:tail[-1].end]
    return None


def _strip_country(toks: list[Token]) -> list[Token]:
    return list(toks[:_country_cut(toks, 0)])


STATE_WORDS = {"республика", "королевство", "княжество", "государство", "султанат", "эмират", "федерация",
               "содружество", "штат"}


def _country_cut(toks: list[Token], floor: int) -> int:
    """End of ``toks`` without a trailing country, cut whole: ``РК``, ``Республики Таджикистан``,
    ``Арабской Республики Египет``, ``Объединённых Арабских Эмиратов``."""
    last = len(toks)
    while last > floor:
        n = next((n for n in range(min(4, last - floor), 0, -1) if all(is_cap(t) for t in toks[last - n:last])
                  and context.names_country(" ".join(t.text for t in toks[last - n:last]))), 0)
        if not n:
            break
        last -= n
        if last > floor and toks[last - 1].lemma in STATE_WORDS:
            last -= 1
            while last > floor and is_cap(toks[last - 1]) and _only_adj(toks[last - 1]):
                last -= 1
    return last


def _region_before(doc: Doc, offset: int) -> Optional[str]:
    """The genitive text of the nearest region named before ``offset`` (same or earlier sentence)."""
    best = None
    for loc in doc.locations:
        if getattr(loc, "kind", None) != "region":
            continue
        for m in getattr(loc, "mentions", []) or []:
            if m.end <= offset and (best is None or m.start > best[0]):
                best = (m.start, loc)
    if best is not None:
        from ..nlp import morph

        words = []
        for w in best[1].name.split():
            form = morph.inflect(w, {"gent"})
            words.append(morph.match_case(w, form) if form else w)
        return " ".join(words)
    # no locations stage: a capitalised "... области/края/республики" before the phrase
    text = doc.text[max(0, offset - 400):offset]
    found = re.findall(r"([А-ЯЁ][а-яё-]+(?:ой|ей|ого)\s+(?:области|края|округа)|Республики\s+[А-ЯЁ][а-яё]+)",
                       text)
    return found[-1] if found else None


def _lead_country(doc: Doc, ph: TitlePhrase) -> Optional[str]:
    """``делегацией Малайзии, возглавляемой министром X``: the led body's country."""
    sent = doc.sent_of(ph.start)
    if sent is None:
        return None
    before = doc.text[sent.start:ph.start]
    m = LEAD_RE.search(before)
    if not m:
        return None
    window_start = max(sent.start, sent.start + m.start() - 80)
    found = context.country_mentions(doc, window_start, sent.start + m.start())
    if found:
        return found[-1][2]
    for tok in reversed(doc.tokens_in(window_start, sent.start + m.start())):
        if is_cap(tok):
            code = context.lookup(doc, tok.text)
            if code:
                return code
    return None


def _sender_end(doc: Doc, ph: TitlePhrase) -> int:
    """End of a phrase before its host place: ``посол Вьетнама | в России``."""
    for tok in doc.tokens[ph.head_last:ph.last]:
        if tok.text.lower() in ("в", "во"):
            return tok.start
    return ph.end


class _Place:
    """A place named in a title's tail that the locations stage did not resolve."""

    def __init__(self, name: str):
        self.name, self.country, self.code, self.kind = name, None, None, "region"


def _place_of(doc: Doc, ph: TitlePhrase):
    """The location named in the tail after the title (``губернатор Тюменской области``), or for
    ``глава региона`` the region named before."""
    if ph.title_last >= ph.last:
        return None
    start, end = doc.tokens[ph.title_last].start, _sender_end(doc, ph)
    found = context.region_mentions(doc, start, end)
    if found:
        return found[0][2]
    tail = [t for t in doc.tokens[ph.title_last:ph.last] if t.end <= end]
    if any(t.lemma in ("регион", "область", "край", "республика") for t in tail) and not any(is_cap(t) for t in tail):
        regions = [loc for _s, _e, loc in context.region_mentions(doc, max(0, ph.start - 2000), ph.start)
                   if getattr(loc, "kind", None) == "region"]
        return regions[-1] if regions else None
    return _written_place(doc, tail)


def _written_place(doc: Doc, tail: list[Token]) -> Optional[_Place]:
    """``Бухарской области`` -> ``Бухарская область``: capitalised adjectives and a place word."""
    k = next((i for i, t in enumerate(tail) if t.lemma in PLACE_LEMMAS and not is_cap(t)), None)
    if k is None or k == 0 or not all(is_cap(t) and _adjective(t) for t in tail[:k]):
        return None
    words = nominative_tokens(tail[:k + 1], k)
    return _Place(join(doc.text, tail[:k + 1], words))


def fill_context(doc: Doc, ph: TitlePhrase, orgs: OrgMentions) -> None:
    place = _place_of(doc, ph)
    ph.organization = _org_of(doc, ph, orgs) or getattr(place, "name", None)
    if place is not None and getattr(place, "country", None) and context.country_in(doc, ph.start, ph.end) is None:
        ph.country = place.country
        return
    ph.country = context.country_in(doc, ph.start, _sender_end(doc, ph)) or _lead_country(doc, ph)
    if ph.country is None and ph.organization:
        ph.country = orgs.country_of(ph.organization)
        russian = place is None or str(getattr(place, "code", "") or "").startswith("RU-")
        if ph.country is None and russian and _region_word(ph.organization):
            ph.country = "RU"  # a Russian region's body; a foreign one stays without a country


def _region_word(name: str) -> bool:
    return bool(re.search(r"(област|кра[яй]|округ|Республик[аи] [А-ЯЁ])", name))


# --------------------------------------------------------------------------- one position per role
# Generic heads: ``глава региона`` of a governor of that region is the governor's one role.
GENERIC_TITLES = {"глава", "руководитель"}


def _join_generic(groups: dict[str, list[TitlePhrase]]) -> None:
    """A generic head title joins the person's one other title naming the same organization."""
    def org(phs: list[TitlePhrase]) -> Optional[str]:
        return next((ph.organization for ph in phs if ph.organization), None)

    for title in [t for t in groups if t in GENERIC_TITLES]:
        same = [t for t in groups if t != title and org(groups[title]) and org(groups[t]) == org(groups[title])]
        if len(same) == 1:
            groups[same[0]] += groups.pop(title)


def positions_of(doc: Doc, phrases: list[TitlePhrase]) -> list[Position]:
    """A person's phrases as positions: one per distinct title, with all its mentions.

    A bare title (``министр``, ``посол``) joins the one fuller title holding that
    word the person has (``министр здравоохранения``, ``чрезвычайный и полномочный
    посол``); organization and country come
    from the first mention that names them.
    """
    unique = sorted({(ph.start, ph.end): ph for ph in phrases}.values(), key=lambda ph: ph.start)
    groups: dict[str, list[TitlePhrase]] = {}
    for ph in unique:
        groups.setdefault(ph.title, []).append(ph)
    for title in [t for t in groups if " " not in t]:
        fuller = [t for t in groups if t != title and title in t.split()]
        if len(fuller) == 1:
            groups[fuller[0]] += groups.pop(title)
    _join_generic(groups)
    out = []
    for title, phs in groups.items():
        phs.sort(key=lambda ph: ph.start)
        first = phs[0]
        out.append(Position(start=first.start, end=first.end, text=doc.text[first.start:first.end], title=title,
                            organization=next((ph.organization for ph in phs if ph.organization), None),
                            country=next((ph.country for ph in phs if ph.country), None),
                            mentions=[Mention(start=ph.start, end=ph.end, text=doc.text[ph.start:ph.end])
                                      for ph in phs]))
    return sorted(out, key=lambda q: q.start)
