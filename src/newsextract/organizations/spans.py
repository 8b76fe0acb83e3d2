"""Mention boundaries of organizations, the way factRuEval marks organization names.

The organization's *name* is built from the whole phrase (``Министерство
сельского хозяйства Германии``); its *mention* is the name proper:

- a generic descriptor or legal form before a quoted name is left out
  (``движения «Солидарность»`` -> ``Солидарность``, ``ОАО «Газпром»`` -> ``Газпром``);
- a trailing country or region in the genitive is a place, not part of the name
  (``Конгресса США`` -> ``Конгресса``, ``МИД РФ`` -> ``МИД``), unless a known
  organization's own name holds it (``Банк России``);
- a known organization closing a longer name is a mention of its own
  (``Института этнологии и антропологии РАН`` -> two mentions);
- agreeing lower-case adjectives before the name belong to it
  (``японского МИДа``, ``российском министерстве финансов``).
"""

from __future__ import annotations

import functools
import re
from typing import Optional

from .. import resources
from ..doc import Doc, Token
from ..nlp import morph
from ..nlp.grammar import is_abbr, is_word, parses
from .lexicon import org_heads

QUOTES = {"«": "»", '"': '"', "“": "”", "„": "“"}
PREPS = {"в", "во", "по", "при", "на", "для", "из", "с", "со", "от", "у", "за", "о", "об", "к", "и", "между"}
ADJ_STOP = {"бывший", "нынешний", "новый", "весь", "сам", "свой", "этот", "тот", "который", "такой",
            "каждый", "любой", "другой", "один", "сей", "данный", "указанный", "наш", "ваш"}


@functools.cache
def descriptors() -> frozenset[str]:
    """Lemmas and legal forms that may stand before a quoted name (``org_descriptors.txt``)."""
    return frozenset(line.strip() for line in resources.lines("org_descriptors.txt") if line.strip())


@functools.cache
def relational() -> frozenset[str]:
    return resources.word_set("org_adjectives.txt")


@functools.cache
def stop_words() -> frozenset[str]:
    return resources.word_set("org_stop.txt")


PLATFORM_NOUN_RE = re.compile(r"^[A-Za-z]+-([а-яё]+)$")
PLATFORM_NOUNS = {"канал", "сообщество", "страница", "аккаунт", "блог", "паблик", "чат", "группа", "бот"}


def is_stop(doc: Doc, start: int, end: int) -> bool:
    """A one-word span naming no organization (``СМИ``, ``Интернет``, ``Telegram-канал``)."""
    toks = doc.tokens_in(start, end)
    if not toks or not all(_is_adj(t) for t in toks[:-1]):  # ``российских СМИ`` too
        return False
    platform = PLATFORM_NOUN_RE.match(toks[-1].text)
    if platform and morph.lemma(platform.group(1)) in PLATFORM_NOUNS:
        return True  # a platform's channel or page (``Telegram-канал``, ``YouTube-канале``)
    return toks[-1].text.lower() in stop_words() or toks[-1].lemma in stop_words()


def _relational(tok: Token) -> bool:
    return tok.lemma in relational() or tok.lemma.endswith(("ский", "цкий", "ской"))


def _is_descriptor(tok: Token) -> bool:
    return tok.text in descriptors() or tok.lemma in descriptors() or tok.text.lower() in descriptors()


def quoted_inner(doc: Doc, start: int, end: int) -> Optional[tuple[int, int, str]]:
    """``(start, end, prefix)`` of a quoted name after descriptor words (``газеты «Труд»``)."""
    toks = doc.tokens_in(start, end)
    k = next((i for i, t in enumerate(toks) if t.text in QUOTES), -1)
    if k <= 0 or k + 2 >= len(toks) or toks[-1].text != QUOTES[toks[k].text]:
        return None
    if any(t.text in QUOTES for t in toks[k + 1:-1]):
        return None
    prefix = toks[:k]
    if not _is_descriptor(prefix[-1]) or not all(_is_descriptor(t) or _is_adj(t) for t in prefix):
        return None
    return toks[k + 1].start, toks[-2].end, doc.text[prefix[0].start:prefix[-1].end]


def _is_adj(tok: Token) -> bool:
    ps = parses(tok)
    return bool(ps) and ps[0].tag.POS in ("ADJF", "PRTF") and tok.text[:1].islower()


class PlaceIndex:
    """Place mentions of a document by their end offset."""

    def __init__(self, doc: Doc):
        self.by_end: dict[int, int] = {}
        self.entry_at: dict[tuple[int, int], str] = {}  # the place's resolved name by its span
        for m in doc.places:
            if m.form in ("name", "official", "abbreviation") and m.kind in ("country", "region", "city"):
                self.by_end[m.end] = min(m.start, self.by_end.get(m.end, m.start))
                name = getattr(m.entry, "name", None)
                if name:
                    self.entry_at[(m.start, m.end)] = name

    def tail(self, doc: Doc, start: int, end: int) -> Optional[int]:
        """Start of a place that closes ``[start, end)`` after a name word, else None."""
        s = self.by_end.get(end)
        if s is None or s <= start:
            return None
        before = [t for t in doc.tokens_in(start, s)]
        if not before or not is_word(before[-1]) or before[-1].text.lower() in PREPS:
            return None
        return s


def _head_ok(doc: Doc, toks: list[Token], known: bool) -> bool:
    """Whether what remains after cutting a place still names an organization."""
    return known or any(t.lemma in org_heads() or is_abbr(t) or t.text.lower().startswith("мин")
               for t in toks)


def trim_place(doc: Doc, places: PlaceIndex, start: int, end: int, known: bool = False) -> int:
    """End of the span without a trailing place (``Конгресса США`` -> ``Конгресса``)."""
    s = places.tail(doc, start, end)
    if s is None:
        return end
    rest = doc.tokens_in(start, s)
    if not rest or not _head_ok(doc, rest, known):
        return end
    return rest[-1].end


def _cases(tok: Token, pos: tuple[str, ...]) -> frozenset[str]:
    return _word_cases(tok.text, pos)


@functools.lru_cache(maxsize=50_000)
def _word_cases(text: str, pos: tuple[str, ...]) -> frozenset[str]:
    """Cases of a word's readings as one of ``pos`` (cached: asked of the words before every name)."""
    return frozenset(p.tag.case for p in morph.parse(text) if p.tag.POS in pos and p.tag.case)


def extend_left(doc: Doc, start: int, end: int) -> int:
    """Start including agreeing lower-case adjectives before the name (``японского МИДа``)."""
    toks = doc.tokens_in(start, end)
    if not toks or toks[0].text in QUOTES:
        return start
    cases = _cases(toks[0], ("NOUN",)) or _cases(toks[0], ("ADJF", "NOUN"))
    i = toks[0].index - 1
    new, chain = start, []
    while i >= 0 and cases:
        tok = doc.tokens[i]
        if tok.sent != toks[0].sent or not _is_adj(tok) or tok.lemma in ADJ_STOP:
            break
        if any("Apro" in p.tag.grammemes for p in parses(tok)[:1]):
            break
        if not (_cases(tok, ("ADJF", "PRTF")) & cases):
            break
        new = tok.start
        chain.append(tok)
        i -= 1
    if not any(_relational(t) for t in chain):
        return start
    if i >= 0 and parses(doc.tokens[i]) and parses(doc.tokens[i])[0].tag.POS == "ADVB":
        return start  # ``крайне правого Национального фронта``: a description, not the name
    return new
