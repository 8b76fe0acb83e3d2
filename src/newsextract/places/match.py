"""Finding place mentions in a ``Doc`` and deciding what they stand for.

One left-to-right pass per sentence (linear in tokens): the lemma trie finds
names (longest first), then single tokens are tried as abbreviations (exact
text), compound adjectives (``российско-китайских``), adjectives, demonyms and,
last, a fuzzy adjective fallback (one typo in a long unknown adjective).
Ambiguous readings are decided afterwards with the document's own evidence.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Optional

from .. import resources
from ..doc import Doc, SpanIndex, Token
from ..nlp import morph
from .gazetteer import CityEntry, CountryEntry, Gazetteer, Hit, RegionEntry, gazetteer
from .other import directional_start

# Characters no person's name contains: a NER PER span with one is a glued list.
_PER_JUNK = re.compile(r"[•·▪;|/\n]")

# Prepositions and conjunctions after which a capitalized word is a place.
PLACE_PREPS = frozenset({
    "в", "во", "из", "с", "со", "на", "до", "по", "между", "через", "под", "у", "и",
    "к", "ко", "для", "против", "от", "о", "об", "при", "за",
})
FUZZY_MIN_CHARS = 10  # an unknown adjective this long may be a typo of a place's adjective
# Abbreviations good enough on their own; others need the document's evidence.
STRONG_ABBR = frozenset({"США", "ОАЭ", "ЮАР", "КНДР", "СССР", "ГДР", "ЦАР", "РФ", "КНР", "ФРГ",
                         "ДРК", "СФРЮ", "БиГ", "ДНР", "ЛНР", "ХМАО", "ЯНАО", "КБР", "КЧР"})
# Nouns after which a region adjective names the region (``сахалинские власти``).
REGION_ADJ_NOUNS = frozenset({
    "власть", "правительство", "губернатор", "губернаторы", "глава", "администрация",
    "депутат", "парламент", "минэкономразвития", "минэкологии", "минздрав", "минприроды",
    "министерство", "министр", "регион", "заксобрание", "дума", "область", "край",
    "республика", "прокуратура", "суд", "полиция", "мвд", "гибдд", "мчс", "бюджет",
    "законодательный", "областной", "краевой", "избирком", "облизбирком", "чиновник",
})
# Nouns after which a foreign oblast's adjective names the oblast, not its capital city
# (``Гомельского облисполкома``; ``гомельские власти`` may be the city's).
OBLAST_NOUNS = frozenset({"облисполком", "облсовет", "облздрав", "облсуд", "облизбирком"})
# Adjectives that name a language or people far more often than a state.
NON_STATE_ADJ = frozenset({"русский", "еврейский", "арабский", "коми", "татарский", "башкирский"})
# Nouns after which a country adjective is a language or a people, not the state.
LANGUAGE_NOUNS = frozenset({"язык", "языки", "литература", "кухня", "народ", "эмигрант", "акцент",
                            "алфавит", "перевод", "слово", "диалект", "филология"})


@dataclass
class PlaceMention:
    start: int
    end: int
    text: str
    kind: str  # country | region | city
    form: str  # name | official | abbreviation | adjective | demonym
    entry: object = None  # CountryEntry | RegionEntry | CityEntry (None until resolved)
    readings: list[Hit] = field(default_factory=list)  # several readings of an abbreviation
    # A one-word city or region that NER may show to be part of a person's name:
    # ``(start, end)`` of the word, checked by ``Places`` when the places are read.
    person_check: Optional[tuple[int, int]] = None
    # An ambiguous city or region name (``Владимир``) that needs a NER location span
    # over ``(start, end)``; checked by ``Places`` as above.
    located_check: Optional[tuple[int, int]] = None

    @property
    def iso2(self) -> Optional[str]:
        e = self.entry
        if isinstance(e, CountryEntry):
            return e.iso2
        return getattr(e, "country", None) or None


def person_nouns() -> frozenset[str]:
    """Nouns of people (``data/person_nouns.txt``): before them a country adjective works as a
    demonym (``американский актёр``; NEREL tags it NATIONALITY), unlike state roles
    (``российский президент``)."""
    return resources.word_set("person_nouns.txt")


class _NerIndex:
    """Overlap queries over NER spans by type (a ``SpanIndex`` per type).

    Over a lazy ``doc.ner`` (``nlp.ner.NerSpans``) the queries tag only the pieces
    they ask about: countries alone tag the few paragraphs with ambiguous names.
    """

    def __init__(self, doc: Doc):
        self.lazy = doc.ner if hasattr(doc.ner, "overlapping") else None
        self.by_type: dict[str, SpanIndex] = {}
        if self.lazy is None:
            self._index(doc)

    def _index(self, doc: Doc) -> None:
        spans: dict[str, list] = {}
        for s in doc.ner:
            spans.setdefault(s.type, []).append(s)
        self.by_type = {typ: SpanIndex(items) for typ, items in spans.items()}

    def overlapping(self, typ: str, start: int, end: int) -> list:
        if self.lazy is not None:
            return [s for s in self.lazy.overlapping(start, end) if s.type == typ]
        index = self.by_type.get(typ)
        return index.overlapping(start, end) if index is not None else []

    def covers(self, typ: str, start: int, end: int) -> bool:
        return any(s.start <= start and end <= s.end for s in self.overlapping(typ, start, end))


def _capitalized(text: str) -> bool:
    return text[:1].isupper()


def _caps_ok(tokens: list[Token], hit: Hit) -> bool:
    if not hit.caps:
        return True
    return all(not need or _capitalized(tok.text) for tok, need in zip(tokens, hit.caps, strict=False))


def _levenshtein1(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by at most one edit."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1:]


class _Finder:
    def __init__(self, doc: Doc, gaz: Gazetteer):
        self.doc = doc
        self.gaz = gaz
        self.ner = _NerIndex(doc)
        self.out: list[PlaceMention] = []
        self.lenient = False  # a looked-up phrase: no context needed

    # --- helpers -------------------------------------------------------
    def _may_be_name(self, i: int) -> bool:
        """``tokens[i]`` may be a given name or surname (pymorphy3) and the token before or
        after it (same sentence) is a capitalized word."""
        tokens = self.doc.tokens
        if not any(0 <= j < len(tokens) and tokens[j].sent == tokens[i].sent
                   and tokens[j].text[:1].isupper() for j in (i - 1, i + 1)):
            return False
        return any({"Name", "Surn"} & p.tag.grammemes for p in morph.parse(tokens[i].text))

    def _after_place_prep(self, first: int, sent_first: int) -> bool:
        return first != sent_first and self.doc.tokens[first - 1].text.lower() in PLACE_PREPS

    def _located(self, tokens: list[Token], first: int, sent_first: int) -> bool:
        """Location context for an ambiguous capitalized name: a place preposition or NER."""
        if self._after_place_prep(first, sent_first):
            return True  # asked first: NER is the costly one
        return bool(self.ner.overlapping("LOC", tokens[0].start, tokens[-1].end))

    def _in_title(self, first: int, last: int) -> bool:
        """Inside a quoted name (``«Колумбия»``, ``«Голос Америки»``) or a domain (``.РФ``)."""
        tokens = self.doc.tokens
        if first > 0 and tokens[first - 1].text == "." and tokens[first - 1].end == tokens[first].start:
            return True
        for j in range(first - 1, max(first - 4, -1), -1):
            t = tokens[j]
            if t.sent != tokens[first].sent or t.text in {"»", "\u201d"}:
                return False
            if t.text in {"«", "\u201c", "\u201e"}:
                return last < len(tokens) and tokens[last].text in {"»", "\u201d", "\u201c"}
        return False

    def _mention(self, start: int, end: int, kind: str, form: str, entry=None,
                 readings: Optional[list[Hit]] = None) -> PlaceMention:
        return PlaceMention(start, end, self.doc.text[start:end], kind, form, entry, readings or [])

    # --- the pass ------------------------------------------------------
    def run(self) -> list[PlaceMention]:
        doc = self.doc
        abbreviations, adjective_lemmas = self.gaz.abbreviations, self.gaz.adjective_lemmas
        for sent in doc.sents:
            toks = doc.tokens[sent.first:sent.last]
            covered: set[int] = set()
            for match in self.gaz.matcher.finditer(toks):
                first, last = sent.first + match.first, sent.first + match.last
                span_toks = doc.tokens[first:last]
                hits = [h for h in match.payloads if _caps_ok(span_toks, h)]
                if not hits:
                    continue
                covered.update(range(first, last))
                m = self._trie_hit(span_toks, first, sent.first, hits)
                if m is not None:
                    self.out.append(m)
            for i in range(sent.first, sent.last):
                # what ``_token`` can find something in: an abbreviation, a word with a hyphen or
                # an adjective's or demonym's lemma, a lower-case word long enough for ``_fuzzy``
                # (asked here, without a call: most tokens are none)
                tok = doc.tokens[i]
                text = tok.text
                if i not in covered and (text in abbreviations or text[:1].isalpha() and (
                        len(text) >= FUZZY_MIN_CHARS and text.islower() or "-" in text
                        or not adjective_lemmas.isdisjoint(tok.lemmas))):
                    self._token(tok, i)
        self.out.sort(key=lambda m: m.start)
        return self.out

    def _trie_hit(self, toks: list[Token], first: int, sent_first: int,
                  hits: list[Hit]) -> Optional[PlaceMention]:
        real = [h for h in hits if h.kind != "block"]
        if not real:
            return None
        order = {"country": 0, "territory": 1, "region": 2, "city": 3, "other": 4}
        real.sort(key=lambda h: order[h.kind])
        hit = real[0]
        start, end = toks[0].start, toks[-1].end
        # One word of a person's name (Дензел Вашингтон, Виктория Петрова) is no city or region:
        # checked later (``Places``), so that countries alone need not ask NER about every word.
        # A country name is asked about at once, and only when it may be a given name or a
        # surname beside another capitalized word (``Доминика Рааба``).
        word = (start, end) if len(toks) == 1 and hit.kind != "country" else None
        if len(toks) == 1 and hit.kind == "country" and self._may_be_name(first) \
                and self._person_part(start, end, hit.kind):
            return None
        located = None
        if hit.ambiguous and not self.lenient:
            if hit.kind == "country":
                if not self._located(toks, first, sent_first):
                    return None
            elif not self._after_place_prep(first, sent_first):
                located = (start, end)  # NER is asked later, as for ``word``
        named_region = hit.kind != "other" or getattr(hit.entry, "kind", "") == "region"
        if not self.lenient and named_region and self._in_title(first, first + len(toks)):
            return None
        if hit.kind in {"city", "other"}:
            start = directional_start(self.doc, start) or start
        m = self._mention(start, end, hit.kind, hit.form, hit.entry)
        m.person_check, m.located_check = word, located
        return m

    def _person_part(self, start: int, end: int, kind: str) -> bool:
        """A NER person span holds the name: longer, or as long for a city (``Хьюстон``)."""
        for p in self.ner.overlapping("PER", start, end):
            if _PER_JUNK.search(p.text):
                continue  # a list glued by NER (``Сальвадор • Эфиопия``)
            if p.end - p.start > end - start:
                return True
            if kind != "country" and p.end - p.start == end - start and not self._after_prep(start):
                return True
        return False

    def _after_prep(self, start: int) -> bool:
        tok = self.doc.token_at(start)
        if tok is None or tok.index == 0:
            return False
        prev = self.doc.tokens[tok.index - 1]
        return prev.sent == tok.sent and prev.text.lower() in PLACE_PREPS

    def _after_word(self, i: int) -> bool:
        """The token before ``i`` in its sentence is a word (not punctuation or a sentence start)."""
        tokens = self.doc.tokens
        return i > 0 and tokens[i - 1].sent == tokens[i].sent and tokens[i - 1].text[:1].isalpha()

    def _token(self, tok: Token, i: int) -> None:
        text = tok.text
        gaz = self.gaz
        if text in gaz.abbreviations and not self._in_title(i, i + 1):
            readings = gaz.abbreviations[text]
            self.out.append(self._mention(tok.start, tok.end, readings[0].kind, "abbreviation",
                                          None, list(readings)))
            return
        if not text[:1].isalpha():
            return
        if "-" in text:
            self._compound(tok)
            return
        if gaz.adjective_lemmas.isdisjoint(tok.lemmas):
            self._fuzzy(tok, i)
            return
        lemmas = [tok.lemma] + sorted(tok.lemmas - {tok.lemma})
        for lemma in lemmas:
            if lemma in gaz.adjectives:
                self._adjective(tok, i, gaz.adjectives[lemma], lemma)
                return
            if lemma in gaz.demonyms:
                if _capitalized(text) and self._after_word(i):
                    return  # a capitalized demonym after a word is a name (Олесь Грек, город Болгар)
                hit = gaz.demonyms[lemma][0]
                self.out.append(self._mention(tok.start, tok.end, "country", "demonym", hit.entry))
                return
        self._fuzzy(tok, i)

    def _head_noun(self, tok: Token, i: int) -> str:
        """Lemma of the noun an adjective qualifies (``американский и британский актёр``)."""
        tokens = self.doc.tokens
        for j in range(i + 1, min(i + 6, len(tokens))):
            t = tokens[j]
            if t.sent != tok.sent:
                break
            word = t.text.lower()
            if word in {"и", ",", "или"}:
                continue
            parses = morph.parse(t.text) if t.text[:1].isalpha() else ()
            pos = parses[0].tag.POS if parses else None
            if pos in {"ADJF", "PRTF"} or (pos is None and "-" in word):
                continue
            if pos != "NOUN":
                return ""
            parts = t.lemma.split("-")
            return next((x for x in parts if x in person_nouns()), parts[-1])
        return ""

    def _adjective(self, tok: Token, i: int, hits: list[Hit], lemma: str) -> None:
        nxt = self.doc.tokens[i + 1] if i + 1 < len(self.doc.tokens) else None
        nxt_lemma = nxt.lemma if nxt is not None and nxt.sent == tok.sent else ""
        for hit in hits:
            if hit.kind == "country":
                if lemma in NON_STATE_ADJ and not _capitalized(tok.text):
                    continue
                head = self._head_noun(tok, i)
                if nxt_lemma in LANGUAGE_NOUNS or head in LANGUAGE_NOUNS:
                    continue
                if not head and not _capitalized(tok.text) and not self.lenient:
                    continue  # elliptic: ``говорит на английском``, ``русском и английском``
                form = "demonym" if head in person_nouns() else "adjective"
                self.out.append(self._mention(tok.start, tok.end, "country", form, hit.entry))
                return
            nouns = REGION_ADJ_NOUNS if isinstance(hit.entry, RegionEntry) else OBLAST_NOUNS
            if hit.kind == "region" and nxt_lemma in nouns:
                self.out.append(self._mention(tok.start, tok.end, "region", "adjective", hit.entry))
                return

    def _compound(self, tok: Token) -> None:
        """``российско-китайских``: each part that names a country is a mention."""
        gaz = self.gaz
        parts, pos = [], tok.start
        for part in tok.text.split("-"):
            parts.append((pos, part))
            pos += len(part) + 1
        found = []
        for k, (pos, part) in enumerate(parts):
            low = part.lower()
            if k < len(parts) - 1 and low in gaz.compounds:
                found.append((pos, part, gaz.countries[gaz.compounds[low]]))
            elif k == len(parts) - 1 and part[:1].isalpha():
                lemma = morph.lemma(part)
                for hit in gaz.adjectives.get(lemma, []):
                    if hit.kind == "country":
                        found.append((pos, part, hit.entry))
                        break
        if found and found[0][0] == tok.start:  # the first part names a country
            for pos, part, entry in found:
                self.out.append(self._mention(pos, pos + len(part), "country", "adjective", entry))

    def _fuzzy(self, tok: Token, i: int) -> None:
        """One typo in a long adjective unknown to pymorphy3 (``азйрбайджанской``)."""
        text = tok.text
        if len(text) < FUZZY_MIN_CHARS or not text.isalpha() or not text.islower():
            return
        parses = morph.parse(text)
        if not parses or parses[0].tag.POS != "ADJF" or morph.known(parses[0]):
            return
        lemma = tok.lemma
        cands = set()
        for variant in {lemma[:k] + lemma[k + 1:] for k in range(len(lemma))} | {lemma}:
            cands |= self.gaz.fuzzy.get(variant, set())
        cands = {c for c in cands if _levenshtein1(c, lemma)}
        if len(cands) == 1:
            self._adjective(tok, i, self.gaz.adjectives[cands.pop()], "")


# --- resolution ----------------------------------------------------------------

def _evidence(mentions: list[PlaceMention]) -> Counter:
    """Counts of resolved evidence per country (iso2) and region (code)."""
    ev: Counter = Counter()
    for m in mentions:
        e = m.entry
        if isinstance(e, CountryEntry):
            ev["country", e.iso2] += 1
        elif isinstance(e, RegionEntry):
            ev["region", e.code] += 1
        elif isinstance(e, CityEntry):
            ev["country", e.country] += 0.5 if e.country != "RU" else 0
            if e.region:
                ev["region", e.region] += 1
    return ev


def _reading_key(hit: Hit) -> tuple[str, str]:
    e = hit.entry
    if isinstance(e, CountryEntry):
        return ("country", e.iso2)
    if isinstance(e, RegionEntry):
        return ("region", e.code)
    return ("other", getattr(e, "name", ""))


def resolve(readings: list[Hit], text: str, evidence: Counter) -> Optional[Hit]:
    """Pick the reading the document supports; None when it cannot tell."""
    if len(readings) == 1 and (text in STRONG_ABBR or readings[0].kind == "other"):
        return readings[0]
    scored = sorted(((evidence.get(_reading_key(h), 0), k, h) for k, h in enumerate(readings)),
                    key=lambda x: (-x[0], x[1]))
    best = scored[0]
    if best[0] <= 0:
        return None
    if len(scored) > 1 and scored[1][0] * 2 > best[0]:
        return None
    return best[2]


class Places:
    """The ``places`` layer: every resolved place mention of a document, in text order.

    Iterating (``for m in doc.places``, ``len``, indexing) gives the whole list:
    one-word cities and regions that NER shows to be part of a person's name are
    dropped, abbreviations with several readings (``РК``) are resolved by the
    document's other places or dropped. ``countries()`` gives the country
    mentions of that same list, but asks NER about the other places only when an
    abbreviation needs them as evidence: with a lazy ``doc.ner`` the countries
    stage alone tags only the paragraphs with ambiguous names.
    """

    def __init__(self, doc: Doc):
        self._finder = _Finder(doc, gazetteer())
        self._raw = [m for m in self._finder.run() if not doc.is_ignored(m.start, m.end)]
        self._all: Optional[list[PlaceMention]] = None
        self._index: Optional[SpanIndex] = None
        self._evidence: Optional[Counter] = None

    def _resolved(self) -> list[PlaceMention]:
        if self._all is None:
            finder = self._finder
            raw = [m for m in self._raw
                   if (m.located_check is None or finder.ner.overlapping("LOC", *m.located_check))
                   and (m.person_check is None or not finder._person_part(*m.person_check, m.kind))]
            evidence = _evidence([m for m in raw if m.entry is not None])
            out = []
            for m in raw:
                if m.entry is None:
                    hit = resolve(m.readings, m.text, evidence)
                    if hit is None:
                        continue
                    m.entry, m.kind = hit.entry, hit.kind
                out.append(m)
            self._all = out
        return self._all

    def countries(self) -> list[PlaceMention]:
        """The country mentions (``kind == "country"``), as in the whole list."""
        if self._all is None and all(m.entry is not None or _plain(m) for m in self._raw):
            # no abbreviation needs the other places: the person and location checks drop
            # only cities and regions, and the abbreviations resolve alone
            out = []
            for m in self._raw:
                if m.entry is None:
                    hit = resolve(m.readings, m.text, Counter())
                    m = replace(m, entry=hit.entry, kind=hit.kind)
                if m.kind == "country":
                    out.append(m)
            return out
        return [m for m in self._resolved() if m.kind == "country"]

    def overlapping(self, start: int, end: int) -> list[PlaceMention]:
        """Mentions sharing a character with ``[start, end)`` (``doc.place_index``)."""
        if self._index is None:
            self._index = SpanIndex(self._resolved())
        return self._index.overlapping(start, end)

    def evidence(self) -> Counter:
        """``_evidence`` of the whole list, counted once (``lookup_country`` asks it often)."""
        if self._evidence is None:
            self._evidence = _evidence(self._resolved())
        return self._evidence

    def __iter__(self):
        return iter(self._resolved())

    def __len__(self) -> int:
        return len(self._resolved())

    def __getitem__(self, index):
        return self._resolved()[index]


def _plain(m: PlaceMention) -> bool:
    """An abbreviation whose one reading needs no evidence (``resolve`` takes it as it is)."""
    return len(m.readings) == 1 and (m.text in STRONG_ABBR or m.readings[0].kind == "other")


def find_places(doc: Doc) -> Places:
    """The ``places`` stage: ``doc.places`` and ``doc.place_index`` (both the ``Places``)."""
    places = Places(doc)
    doc.place_index = places  # range queries, built when first asked
    return places
