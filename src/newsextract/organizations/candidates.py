"""Candidate organization mentions: NER ORG spans, known organizations, rules.

Each candidate covers the whole phrase its name is built from (``МИД России``,
``движения «Солидарность»``); ``org_spans`` later narrows the mention itself.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Optional

from ..doc import Doc, Token
from ..nlp import morph
from ..nlp.grammar import has_case, is_abbr, is_cap, is_gent, is_word, parses
from ..places import context
from .lexicon import KnownOrg, abbreviations, org_heads, org_matcher, word_abbreviations
from .names import normal_name
from .phrases import by_phrase, lower_head
from .spans import QUOTES, descriptors, extend_left

CITY_WORD_RE = re.compile(r"\b(в|во) (?:г\.|гор\.|городе)\s*(?=[А-ЯЁ])")
SLASHED_RE = re.compile(r"(?<=\s)/([A-ZА-ЯЁ][\w.\-]{1,30}(?: [A-ZА-ЯЁ][\w.\-]{1,30}){0,2})/(?=[.,\s])")
DASH_RE = re.compile(r" [-–—] ")
MIN_PREFIX_RE = re.compile(r"^[Мм]ин[а-яё]{3,}$")
DASHES = {"-", "–", "—"}
# regional editions of an agency (``Интерфакс – Дальний Восток``): Russia's macro-regions
EDITIONS = {"дальний восток", "сибирь", "урал", "поволжье", "юг", "северо-запад", "центр", "северный кавказ"}
UNIT_PREFIXES = {"ГУ", "ТУ"}
PLACE_BODIES = {"администрация", "мэрия", "правительство"}  # named by a city or region
# Lower-case state bodies named by the place after them (``посольстве Египта``, ``парламента Японии``)
# (not a lower-case ``парламент Грузии``: factRuEval leaves legislatures so written out)
STATE_BODIES = PLACE_BODIES | {"министерство", "посольство", "консульство", "генконсульство",
                               "прокуратура", "муниципалитет", "кабмин", "торгпредство"}
FIELD_BODIES = {"министерство"}  # ... or by their field (``министерства здравоохранения``)  # lower-case heads named by the city or region after them  # ``ГУ МЧС России``: a main or territorial department of a known body


@dataclass
class OrgMention:
    start: int
    end: int
    name: str
    abbreviation: Optional[str] = None
    country: Optional[str] = None
    known: bool = False
    source: str = "rule"
    extra: list = field(default_factory=list)  # (start, end) of paired abbreviation mentions
    alias: Optional[str] = None  # a second merge key (the quoted name of ``ОАО «Газпром»``)
    base: Optional[str] = None  # the name without a trailing place (``Министерство экологии``)
    seat_word: Optional[str] = None  # ``области`` for ``областного правительства``: named by that place
    label: bool = False  # a site section's label before a known outlet (``Недвижимость РИА Новости``)


class Context:
    """Per-document lookups: place mentions by start, tokens inside person spans (made once a
    document, for ``rule_candidates`` and ``extend_right``)."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.place_end: dict[int, int] = {}
        self.local_end: dict[int, int] = {}  # cities and regions
        self.country_at: dict[int, str] = {}  # country mentions by start: their alpha-2
        for m in doc.places:
            if m.kind == "country" and m.form in ("name", "official", "abbreviation") and m.iso2:
                self.country_at[m.start] = m.iso2
            if m.form in ("name", "official", "abbreviation"):
                self.place_end[m.start] = max(m.end, self.place_end.get(m.start, m.end))
                if m.kind in ("city", "region") or _region_named(m.text):  # ``Завханского аймака`` too
                    self.local_end[m.start] = self.place_end[m.start]
        self.known_at: set[int] = set()  # sentence-local indexes of tokens opening a known organization
        self.person_tokens: set[int] = set()
        for span in doc.ner:
            if span.type == "PER":
                self.person_tokens.update(t.index for t in doc.tokens_in(span.start, span.end))

    def region_after(self, toks: list[Token], j: int) -> int:
        """Like ``place_after``, also over a lower-case region word before the place's name
        (``республики Каракалпакстан``, ``провинции Хубэй``)."""
        if j + 1 < len(toks) and toks[j].text in REGION_WORDS and toks[j + 1].start in self.place_end:
            return self.place_after(toks, j + 1)
        k = self.place_after(toks, j)
        if k == j and j + 1 < len(toks) and toks[j + 1].text in REGION_WORDS and is_cap(toks[j]) \
                and self.doc.is_ignored(toks[j].start) and is_gent(toks[j]) \
                and any(p.tag.POS == "ADJF" for p in parses(toks[j])[:1]):
            return j + 2  # ``Иркутской области`` where the places stage did not look (a photo credit)
        return k

    def local_after(self, toks: list[Token], j: int) -> int:
        """Index after a city or region (``Южно-Сахалинска``, ``провинции Хубэй``), else ``j``."""
        if j < len(toks) and toks[j].start in self.local_end:
            return self.place_after(toks, j)
        k = self.region_after(toks, j)
        return k if k > j + 1 and toks[j].text in REGION_WORDS else j

    def place_after(self, toks: list[Token], j: int) -> int:
        """Index after a place mention starting at ``toks[j]`` (``России``), else ``j``."""
        if j >= len(toks):
            return j
        if toks[j].start not in self.place_end:  # where the places stage did not look (a photo credit)
            return j + 1 if self.doc.is_ignored(toks[j].start) and context.names_country(toks[j].text) else j
        end = self.place_end[toks[j].start]
        while j < len(toks) and toks[j].end <= end:
            j += 1
        return j


def _region_named(text: str) -> bool:
    """A place named with its region word (``Завханского аймака``, ``провинции Хубэй``)."""
    return any(w.lower() in REGION_WORDS for w in text.split())


def close_quote(toks: list[Token], j: int) -> Optional[int]:
    closer = QUOTES[toks[j].text]
    for k in range(j + 1, min(len(toks), j + 12)):
        if toks[k].text == closer:
            return k
        if toks[k].text in (".", "!", "?") or (toks[k].text == toks[j].text and closer != toks[j].text):
            return None
    return None


def tail_end(ctx: Context, toks: list[Token], j: int, limit: int = 6) -> int:
    """Index after a genitive tail starting at ``toks[j]`` (names, abbreviations, «quotes»)."""
    n = 0
    while j < len(toks) and n < limit:
        tok = toks[j]
        if tok.index in ctx.person_tokens:
            break
        if tok.start in ctx.place_end or ctx.region_after(toks, j) > j:  # a place closes the tail
            return ctx.region_after(toks, j)  # (``Бундестаг Германии``, ``музей республики Каракалпакстан``)
        if tok.text.lower() in ("им", "имени"):
            j = _named_after(toks, j)
            break
        if tok.text in QUOTES:
            close = close_quote(toks, j)
            if close is None:
                break
            j, n = close + 1, n + 1
            continue
        if tok.text == "и" and n > 0 and j + 1 < len(toks) and is_gent(toks[j + 1]) \
                and not is_cap(toks[j + 1]) and toks[j + 1].lemma not in org_heads():
            j += 1
            continue
        if not is_word(tok) or not (is_abbr(tok) or is_gent(tok)):
            break
        j, n = j + 1, n + 1
    return j


def _named_after(toks: list[Token], j: int) -> int:
    """Index after ``им. Йозефа Бойса`` / ``имени Станиславского`` (at most three names)."""
    k = j + 1
    if k < len(toks) and toks[k].text == ".":
        k += 1
    n = 0
    while k < len(toks) and n < 4 and (is_cap(toks[k]) or toks[k].text == "." and len(toks[k - 1].text) == 1):
        k, n = k + 1, n + 1
    return k if n else j


def ner_candidates(doc: Doc, trim) -> list[OrgMention]:
    out = []
    pieces = []
    for span in doc.ner:
        if span.type != "ORG":
            continue
        k = doc.text.find(" (", span.start, span.end)  # "Министерство ... (Минэкономразвития)"
        if k < 0:  # ``INTERFAX.RU - Российская санитарная служба``: a known outlet, then the story
            dash = DASH_RE.search(doc.text, span.start, span.end)
            if dash and known_abbreviation(doc.text[span.start:dash.start()]) is not None:
                pieces += [(span.start, dash.start()), (dash.end(), span.end)]
                continue
        pieces += [(span.start, k), (k + 2, span.end)] if k > span.start else [(span.start, span.end)]
    for ps_, pe_ in pieces:
        s, e = trim(doc, ps_, pe_)
        toks = doc.tokens_in(s, e) if e > s else []
        while len(toks) > 1 and _not_a_name_word(toks[0]):  # ``Окончил философский факультет``
            toks = toks[1:]
            s = toks[0].start
        if not toks:
            continue
        known = known_abbreviation(doc.text[s:e])
        if known is not None:
            out.append(OrgMention(s, e, known.name, known.abbreviation, known.country, True, "ner",
                                  base=known.name))
        else:
            name = normal_name(doc, toks)
            if name.count("«") > name.count("»") and doc.text[e:e + 1] == "»":
                name += "»"  # ``агентства «Острова»``: NER left the closing quote out
            out.append(OrgMention(s, e, name, source="ner"))
    return out


NOT_NAME_POS = {"VERB", "INFN", "GRND", "ADVB", "CONJ", "PREP", "PRCL"}


def _not_a_name_word(tok: Token) -> bool:
    """A verb, adverb or function word that NER took into an organization's span."""
    ps = parses(tok)
    return bool(ps) and ps[0].score > 0.5 and ps[0].tag.POS in NOT_NAME_POS and not is_abbr(tok) \
        and abbreviations().get(tok.text) is None


INFLECTED_ABBR_RE = re.compile(r"^([A-ZА-ЯЁ]{2,})(?:а|у|ом|е|ов|ам|ами|ах)$")


def known_abbreviation(text: str) -> Optional[KnownOrg]:
    """A known organization by its abbreviation, also declined (``МИДа``, ``МИДом``)."""
    known = abbreviations().get(text)
    m = INFLECTED_ABBR_RE.match(text) if known is None and text[:2].isupper() else None
    return abbreviations().get(m.group(1)) if m else known


def _word_org(tok: Token) -> Optional[KnownOrg]:
    """A known abbreviation or one-word name (ООН, Роснедра, минэкологии)."""
    return _word_org_of(tok.text, tok.lemma)


def _word_org_of(text: str, lemma: str) -> Optional[KnownOrg]:
    """``_word_org`` of a token's text and lemma."""
    known = known_abbreviation(text)
    if known is not None or not MIN_PREFIX_RE.match(text):
        return known
    known = word_abbreviations().get(text.lower()) or word_abbreviations().get(lemma)
    ps = morph.parse(text)
    if known is None and text[:1].islower() and ps and "UNKN" in str(ps[0].tag):
        known = KnownOrg(text[:1].upper() + text[1:], None, None)
    return known


def _with_place(ctx: Context, toks: list[Token], i: int, j: int, org: KnownOrg) -> OrgMention:
    """A known organization at ``toks[i:j]``, with a place right after it (``МИД России``)."""
    doc = ctx.doc
    k = ctx.place_after(toks, j)
    i = i - 1 if i > 0 and toks[i - 1].text in UNIT_PREFIXES else i
    s, e = toks[i].start, toks[k - 1].end
    tail = doc.text[toks[j - 1].end:e]
    abbr = org.abbreviation + tail if org.abbreviation and k > j else org.abbreviation
    own, alias = org.name, None
    if " " in doc.text[toks[i].start:toks[j - 1].end]:  # a multi-word alias keeps the text's wording (``Правительство России``)
        said = normal_name(doc, toks[i:j])
        if key_of(said) not in (key_of(org.name), key_of(org.abbreviation or "")):
            own, alias = said, org.name
    name = own + tail if k > j else own
    if k > j and alias is None and toks[j].start in ctx.country_at:  # ``Минтранс РФ`` = ``Минтранс России``
        alias = f"{org.name} @{ctx.country_at[toks[j].start]}"
    return OrgMention(s, e, name, abbr, org.country, True, "known", alias=alias, base=own)


def key_of(name: str) -> str:
    return name.lower().replace("ё", "е")


def _edition(doc: Doc, toks: list[Token], m: OrgMention) -> OrgMention:
    """``ИНТЕРФАКС - ДАЛЬНИЙ ВОСТОК``, ``Интерфакс-Сибирь``: a known outlet's regional edition."""
    j = next((k for k, t in enumerate(toks) if t.start >= m.end), len(toks))
    if not m.known or j + 1 >= len(toks) or toks[j].text not in DASHES:
        return m
    for n in (2, 1):
        words = toks[j + 1:j + 1 + n]
        if len(words) == n and " ".join(t.text.lower() for t in words).replace("ё", "е") in EDITIONS:
            region = " ".join("-".join(p[:1].upper() + p[1:].lower() for p in t.text.split("-")) for t in words)
            return OrgMention(m.start, words[-1].end, f"{m.name} – {region}", None, m.country, True, "known",
                              base=m.name)
    return m


def slashed_agencies(doc: Doc) -> list[OrgMention]:
    """``26 сентября /KGinform/.``: an agency's name between slashes after a dateline's date."""
    out = []
    for m in SLASHED_RE.finditer(doc.text):
        if any(ch.isdigit() for ch in doc.text[max(0, m.start() - 30):m.start()]):
            out.append(OrgMention(m.start(1), m.end(1), m.group(1), source="quoted"))
    return out


def rule_candidates(ctx: Context) -> list[OrgMention]:
    doc = ctx.doc
    out: list[OrgMention] = slashed_agencies(doc)
    for sent in doc.sents:
        toks = doc.tokens[sent.first:sent.last]
        ctx.known_at.clear()  # its indexes are the sentence's own
        for m in org_matcher().finditer(toks):
            ctx.known_at.add(m.first)
            out.append(_edition(doc, toks, _with_place(ctx, toks, m.first, m.last, m.payloads[0])))
        words = [_opening(t.text, t.lemma) for t in toks]
        ctx.known_at.update(i for i, (known, _) in enumerate(words) if known is not None)
        for i, (known, opens) in enumerate(words):
            if not opens:
                continue
            found = _sub_body(ctx, toks, i)
            if found is not None:
                out.append(found)
                continue
            found = _token_candidate(ctx, toks, i, known)
            if found is not None:
                out.append(_edition(doc, toks, found) if found.known else found)
    return out


@functools.lru_cache(maxsize=100_000)
def _opening(text: str, lemma: str) -> tuple[Optional[KnownOrg], bool]:
    """``_word_org`` of a token's text and lemma, and whether a rule of ``_sub_body`` or
    ``_token_candidate`` may start at it: a known word, a head or body lemma, a descriptor, a
    hyphenated edition, a capitalised adjective (a cheap test that skips most tokens; the rules
    decide). Cached: asked of every token."""
    known = _word_org_of(text, lemma)
    opens = known is not None or lemma in _openers() or "-" in text or text in descriptors() \
        or lemma in descriptors() or text[:1].isupper() and _adj_word(text)
    return known, opens


@functools.cache
def _openers() -> frozenset[str]:
    """Lemmas that open a candidate (the lemma sets the rules test): organization heads, and
    the lower-case bodies, units and societies."""
    return org_heads() | STATE_BODIES | SOCIETIES | SUB_HEADS | FIELD_UNITS | {"сборная"}


def _token_candidate(ctx: Context, toks: list[Token], i: int, known: Optional[KnownOrg]) -> Optional[OrgMention]:
    """A candidate starting at ``toks[i]``; ``known`` is ``_word_org(toks[i])``."""
    doc, tok = ctx.doc, toks[i]
    head, _, region = tok.text.partition("-")
    if region.lower() in EDITIONS and abbreviations().get(head) is not None:  # ``Интерфакс-Сибирь``
        org = abbreviations()[head]
        return OrgMention(tok.start, tok.end, f"{org.name} – {region[:1].upper()}{region[1:].lower()}",
                          None, org.country, True, "known", base=org.name)
    if known is not None:
        return _with_place(ctx, toks, i, i + 1, known)
    if tok.text.isupper() and tok.text in descriptors() and i + 1 < len(toks) and is_cap(toks[i + 1]) \
            and not is_abbr(toks[i + 1]) and toks[i + 1].start not in ctx.place_end \
            and tok.text not in PERSONAL_FORMS and _word_org(toks[i + 1]) is None:
        name = toks[i + 1].text  # ``ОГАУ Томсклесхоз``: a legal form before a name written without quotes
        return OrgMention(tok.start, toks[i + 1].end, f"{tok.text} «{name}»", source="quoted")
    if _is_descriptor(tok) and i + 1 < len(toks) and toks[i + 1].text in QUOTES:
        close = close_quote(toks, i + 1)
        if close is not None and close > i + 2:
            return OrgMention(tok.start, toks[close].end, normal_name(doc, toks[i:close + 1]), source="quoted")
    if tok.lemma in org_heads() and is_cap(tok) and not is_abbr(tok) and tok.index not in ctx.person_tokens:
        j = tail_end(ctx, toks, i + 1)
        if j > i + 1 and (i > 0 or has_case(tok, "nomn") and any(t.start in ctx.local_end for t in toks[i + 1:j])):
            # (first in a sentence, a capital proves nothing: a subject with a region or city does)
            return OrgMention(tok.start, toks[j - 1].end, normal_name(doc, toks[i:j]), source="head")
    if is_cap(tok):
        return _adjective_head(ctx, toks, i)
    return _lower_candidate(ctx, toks, i)  # (its rules all start with a lower-case word)


def _sub_body(ctx: Context, toks: list[Token], i: int) -> Optional[OrgMention]:
    """``территориального органа Росстата``, ``регионального отделения партии``: a lower-case unit
    of a known organization named right after it (the owner's name joins it in ``stage``)."""
    tok = toks[i]
    if tok.lemma not in SUB_HEADS | FIELD_UNITS or not tok.text[:1].islower() or i + 1 not in ctx.known_at \
            or tok.index in ctx.person_tokens or not is_gent(toks[i + 1]) and not is_abbr(toks[i + 1]):
        return None
    start = extend_left(ctx.doc, tok.start, tok.end)
    if (start == tok.start or tok.lemma in FIELD_UNITS) and not _field_after(ctx, toks, i + 1):
        return None  # a bare ``управления МЧС`` may be any of its units
    inner = ctx.doc.tokens_in(start, tok.end)
    return OrgMention(start, tok.end, normal_name(ctx.doc, inner), source="head")


def _field_after(ctx: Context, toks: list[Token], j: int) -> bool:
    """Whether the known organization at ``toks[j]`` is followed by a field (``комитета Совета
    Федерации по экономической политике``): the unit is named by it."""
    k = j + 1
    while k < len(toks) and k - j < 6 and (is_gent(toks[k]) or is_abbr(toks[k])) and toks[k].text != "по":
        k += 1
    return k + 1 < len(toks) and toks[k].text == "по" and by_phrase(toks, k + 1) > k + 1


def _adjective_head(ctx: Context, toks: list[Token], i: int) -> Optional[OrgMention]:
    """``Генеральное консульство Японии``, ``Национальный музей Кабардино-Балкарии``: capitalised
    adjectives before a lower-case head with a place after it; ``Универсальный центр по
    противодействию угрозам``: with its field; ``Государственная транспортная лизинговая
    компания``: named by relational adjectives alone (two or more, none qualitative)."""
    doc, tok = ctx.doc, toks[i]
    if tok.index in ctx.person_tokens or is_abbr(tok) or not is_cap(tok):
        return None
    k = i
    while k < len(toks) and k - i < 3 and _adj(toks[k]) and (k == i or not is_cap(toks[k])):
        k += 1
    if k == i or k >= len(toks) or toks[k].lemma not in org_heads() or is_cap(toks[k]):
        return None
    j = ctx.place_after(toks, k + 1) if i > 0 else k + 1
    if j <= k + 1 and i > 0 and k + 2 < len(toks) and toks[k + 1].text == "по":
        j = by_phrase(toks, k + 2)
        j = j if j > k + 2 else k + 1
    if j <= k + 1 and k - i >= 2 and not any("Qual" in parses(t)[0].tag.grammemes for t in toks[i:k]):
        j = k + 1
        if j < len(toks) and (is_gent(toks[j]) and toks[j].text[:1].islower() or toks[j].text in QUOTES):
            return None  # ``Российская государственная компания «...»``, a genitive tail: other rules
    elif j <= k + 1:
        return None
    name = normal_name(doc, toks[i:j])
    return OrgMention(tok.start, toks[j - 1].end, name[:1].upper() + name[1:], source="head")


def _adj(tok: Token) -> bool:
    return _adj_word(tok.text)


@functools.lru_cache(maxsize=100_000)
def _adj_word(text: str) -> bool:
    """Whether a word's likeliest reading is an adjective or participle (cached: asked of every
    capitalised word)."""
    ps = morph.parse(text)
    return bool(ps) and ps[0].tag.POS in ("ADJF", "PRTF")


def _lower_candidate(ctx: Context, toks: list[Token], i: int) -> Optional[OrgMention]:
    """``японского дипломатического ведомства``; ``сборная России``."""
    tok = toks[i]
    if tok.lemma == "сборная" and tok.text[:1].islower() and i + 1 < len(toks):
        j = ctx.place_after(toks, i + 1)
        if j == i + 1 and toks[j].lemma == "страна":
            j += 1
        k = by_phrase(toks, j + 1) if j > i + 1 and j + 1 < len(toks) and toks[j].text == "по" else j
        if k > j + 1:  # ``сборная России по бобслею``: a team named by its sport
            return OrgMention(tok.start, toks[k - 1].end, normal_name(ctx.doc, toks[i:k]), source="head")
        return None
    found = _state_body(ctx, toks, i)
    if found is not None:
        return found
    found = _friendship_society(ctx, toks, i)
    if found is not None:
        return found
    span = lower_head(ctx.doc, toks, i, ctx.person_tokens)
    if span is None:
        return None
    inner = ctx.doc.tokens_in(*span)
    return OrgMention(span[0], span[1], normal_name(ctx.doc, inner), source="head")


def _state_body(ctx: Context, toks: list[Token], i: int) -> Optional[OrgMention]:
    """``администрации Южно-Сахалинска``, ``посольстве Египта``, ``министерства здравоохранения``:
    a lower-case state body named by the place after it (a ministry also by its field)."""
    tok = toks[i]
    if tok.lemma not in STATE_BODIES or not tok.text[:1].islower() or i + 1 >= len(toks) \
            or tok.index in ctx.person_tokens:
        return None
    local = tok.lemma in PLACE_BODIES
    if local and i > 0 and toks[i - 1].lemma in REGIONAL_SEATS and toks[i - 1].text[:1].islower() \
            and ctx.place_after(toks, i + 1) == i + 1:  # ``областного правительства``
        name = normal_name(ctx.doc, toks[i:i + 1])
        return OrgMention(toks[i - 1].start, tok.end, name[:1].upper() + name[1:], source="head",
                          seat_word=REGIONAL_SEATS[toks[i - 1].lemma])
    if local and toks[i + 1].text in BARE_SEATS and ctx.region_after(toks, i + 1) == i + 1 \
            and (i + 2 >= len(toks) or not is_cap(toks[i + 2]) or toks[i + 2].index in ctx.person_tokens):
        # ``правительства области``, ``администрации района В. Петрова``
        name = normal_name(ctx.doc, toks[i:i + 1])
        return OrgMention(tok.start, toks[i + 1].end, name[:1].upper() + name[1:], source="head",
                          seat_word=toks[i + 1].text)
    j = ctx.local_after(toks, i + 1) if local else ctx.region_after(toks, i + 1)
    if j == i + 1 and tok.lemma in FIELD_BODIES:
        j = _field_tail(toks, i + 1)
        j = ctx.region_after(toks, j) if j > i + 1 else j
    if j == i + 1:
        return None
    start = extend_left(ctx.doc, tok.start, tok.end)
    if start == tok.start and i > 0 and _adj(toks[i - 1]):
        return None  # ``нового правительства Японии``: a description
    inner = ctx.doc.tokens_in(start, toks[j - 1].end)
    name = normal_name(ctx.doc, inner)
    return OrgMention(start, toks[j - 1].end, name[:1].upper() + name[1:], source="head")


def _friendship_society(ctx: Context, toks: list[Token], i: int) -> Optional[OrgMention]:
    """``общества дружбы Хакасия-Куба``, ``российского общества друзей Кубы``, ``общества
    российско-китайской дружбы``: a friendship society, named by its countries."""
    tok = toks[i]
    if tok.lemma not in SOCIETIES or not tok.text[:1].islower():
        return None
    j = i + 1
    while j < len(toks) and j - i <= 2 and _adj(toks[j]) and toks[j].text[:1].islower():
        j += 1
    if j >= len(toks) or toks[j].lemma not in FRIENDSHIP:
        return None
    j += 1
    k, n = j, 0
    while k < len(toks) and n < 3 and toks[k].index not in ctx.person_tokens \
            and (is_cap(toks[k]) or toks[k].text in DASHES and k > j):
        k, n = ctx.place_after(toks, k) if toks[k].start in ctx.place_end else k + 1, n + 1
    if k == j and j - i == 2:
        return None  # ``общество друзей`` alone names no one
    start = extend_left(ctx.doc, tok.start, toks[k - 1].end)
    name = normal_name(ctx.doc, ctx.doc.tokens_in(start, toks[k - 1].end))
    return OrgMention(start, toks[k - 1].end, name[:1].upper() + name[1:], source="head")


def _field_tail(toks: list[Token], j: int, limit: int = 4) -> int:
    """Index after lower-case genitive words ending on a noun (``культуры``, ``иностранных дел``,
    ``территориального управления и инфраструктур``)."""
    end, n = j, 0
    while j < len(toks) and n < limit:
        if toks[j].text == "и" and end > j - 1 > 0 and j + 1 < len(toks) and toks[j + 1].text[:1].islower() \
                and is_gent(toks[j + 1]):
            j += 1
            continue
        if not (toks[j].text[:1].islower() and is_word(toks[j]) and is_gent(toks[j])):
            break
        j, n = j + 1, n + 1
        if any(p.tag.POS == "NOUN" for p in parses(toks[j - 1])[:1]):
            end = j
    return end


def _is_descriptor(tok: Token) -> bool:
    return tok.text in descriptors() or tok.lemma in descriptors()


# Units of an organization named after their owner (``территориального органа Росстата``)
SUB_HEADS = {"управление", "отделение", "орган", "отдел", "филиал", "представительство", "департамент",
             "подразделение", "инспекция", "факультет", "кафедра"}
FIELD_UNITS = {"комитет", "комиссия"}  # units named by their field (``комитета Госдумы по бюджету``)
REGION_WORDS = {"республики", "области", "края", "провинции", "штата", "округа", "района", "префектуры",
                "аймака", "уезда", "графства", "эмирата", "кантона", "земли", "департамента", "губернии"}
REGIONAL_SEATS = {"областной": "области", "краевой": "края", "республиканский": "республики",
                  "городской": "города"}
PERSONAL_FORMS = {"ИП"}  # a sole trader's form: a person's name follows
BARE_SEATS = {"области", "края", "республики", "района", "округа"}  # the one such place the text names
SOCIETIES = {"общество", "ассоциация", "клуб", "лига"}
FRIENDSHIP = {"дружба", "друг"}
CITY_WORDS = {"г", "гор", "городе", "город"}
ENVOYS = {"представитель", "полпред", "уполномоченный"}
ABROAD_HEADS = {"посольство", "представительство", "консульство", "генконсульство", "миссия", "офис"}


def extend_right(ctx: Context, cands: list[OrgMention]) -> None:
    """``Совета при Президенте``, ``ГУ МЧС по Санкт-Петербургу``, ``посольства в Германии``."""
    doc = ctx.doc
    place_ends = set(ctx.place_end.values())  # a name closed by a place takes no second one
    for c in cands:
        last = doc.token_at(c.end - 1)
        if last is None or last.index + 2 >= len(doc.tokens):
            continue
        sent = doc.sents[last.sent]
        toks = doc.tokens[last.index + 1:sent.last]
        j = _right_tail(ctx, c, toks)
        if not j and toks and not c.known and toks[0].text in QUOTES and _is_descriptor(last) \
                and doc.text[last.end:toks[0].start] == " ":  # ``агентство «Полюс»``: NER stopped short
            close = close_quote(toks, 0)
            j = close + 1 if close is not None and close > 1 else 0
        if j:
            c.end = toks[j - 1].end
            c.name = normal_name(doc, doc.tokens_in(c.start, c.end)) if not c.known else \
                c.name + doc.text[last.end:c.end]
            c.name = CITY_WORD_RE.sub(r"\1 ", c.name)  # the seat's name alone (``в Новосибирске``)
        elif not c.known and c.end not in place_ends and _headed(doc, c, org_heads()):
            p = ctx.region_after(toks, 0)  # ``Администрация Южно-Сахалинска``: the place names the body
            if p and (toks[0].text in REGION_WORDS or
                      all(is_gent(t) or not t.text[:1].isalpha() or is_abbr(t) for t in toks[:p])):
                c.name = normal_name(doc, doc.tokens_in(c.start, toks[p - 1].end))


def _right_tail(ctx: Context, c: OrgMention, toks: list[Token]) -> int:
    """Index after the tail of ``c``: ``при ...``, ``по ...``, or a place followed by one of them."""
    p = ctx.place_after(toks, 0)  # ``Бюро США по патентам``: the place is inside the name
    j = _prep_tail(ctx, c, toks, p)
    return j if j > p else 0


def _prep_tail(ctx: Context, c: OrgMention, toks: list[Token], i: int) -> int:
    if len(toks) < i + 2:
        return i
    word, nxt = toks[i].text.lower(), toks[i + 1]
    if word == "при" and (nxt.lemma in org_heads() or is_cap(nxt)) and nxt.index not in ctx.person_tokens:
        j = tail_end(ctx, toks, i + 2, limit=4)
        return _place_or_by(ctx, toks, j)
    if word == "по":
        j = ctx.place_after(toks, i + 1)
        if j == i + 1 and _takes_field(ctx.doc, c):
            j = by_phrase(toks, i + 1)
        return j if j > i + 1 else i
    if word in ("в", "во") and (_headed(ctx.doc, c, ABROAD_HEADS) or _envoy_office(ctx.doc, c)):
        k = _after_city_word(toks, i + 1)  # ``в г. Новосибирске``
        j = ctx.place_after(toks, k)
        return j if j > k else i
    return i


def _after_city_word(toks: list[Token], i: int) -> int:
    """Index after ``г.`` / ``город`` before a city's name, else ``i``."""
    if i < len(toks) and toks[i].text.lower() in CITY_WORDS:
        return i + 2 if i + 1 < len(toks) and toks[i + 1].text == "." else i + 1
    return i


def _envoy_office(doc: Doc, c: OrgMention) -> bool:
    """``Аппарат полномочного представителя Президента``: an envoy's office, seated ``в ...``."""
    return not c.known and any(t.lemma in ENVOYS for t in doc.tokens_in(c.start, c.end)[1:4])


def _headed(doc: Doc, c: OrgMention, heads) -> bool:
    """One of the first words of ``c`` is one of ``heads`` (``Генеральное консульство``)."""
    return any(t.lemma in heads and not is_abbr(t) for t in doc.tokens_in(c.start, c.end)[:3])


def _takes_field(doc: Doc, c: OrgMention) -> bool:
    """Whether ``c`` is headed by an organization word that a ``по``-phrase may complete."""
    toks = doc.tokens_in(c.start, c.end)
    return any(t.lemma in org_heads() and not is_abbr(t) for t in toks[:3])


def _place_or_by(ctx: Context, toks: list[Token], j: int) -> int:
    """After ``при X``: a following ``по делам ...`` / ``по развитию ...`` belongs too."""
    if j < len(toks) and toks[j].text.lower() == "по" and j + 1 < len(toks) and not is_cap(toks[j + 1]):
        k = by_phrase(toks, j + 1)
        return k if k > j + 1 else j
    return j
