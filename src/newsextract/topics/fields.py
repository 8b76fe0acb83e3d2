"""Lists of fields: ``сотрудничество в сфере культуры и туризма``.

Cooperation news names the fields of cooperation in short coordinated lists,
and each field in such a list is evidence for its topic:

- a genitive list after ``в/по сфере (области, отрасли, направлению)``:
  ``в сфере высшего образования``, ``в области культуры, спорта и туризма``;
- a list of adjectives before the head: ``в туристической и образовательной
  сферах``, ``в строительной отрасли``;
- a prepositional list after a word of cooperation: ``сотрудничество в
  образовании и здравоохранении``.

Only short lists count (``FIELD_LIST_MAX`` items): the long list of an
agreement's boilerplate (``в торгово-экономической, научно-технической,
культурной, гуманитарной и социальной сферах, а также в сфере спорта``, one
list) names every field and so says little about any. The result maps token indexes to the list they stand in.

The same genitive list after ``представители`` (``представители бизнеса,
полиции и здравоохранения``) names the parties present, not fields:
``party_spans`` gives those spans to the topics stage, which weighs them as names.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..doc import Doc, Token
from ..nlp import grammar

FIELD_HEADS = frozenset({"сфера", "область", "отрасль", "направление"})
COOPERATION_LEMMAS = frozenset({"сотрудничество", "взаимодействие", "сотрудничать", "взаимодействовать",
                                "партнерство", "кооперация"})
# Words that make a list one of fields of cooperation when they come before it in its sentence
# ("проекты в сфере логистики" names an investment's sectors, not fields of cooperation).
CONTEXT_LEMMAS = COOPERATION_LEMMAS | frozenset({"сотрудничать", "партнер", "обмен", "связь", "отношение",
                                                 "соглашение", "меморандум", "обсудить", "обсуждать",
                                                 "договориться"})
PARTY_LEMMAS = frozenset({"представитель"})  # ... and the parties they stand for
FIELD_PREPS = frozenset({"в", "во", "по"})
LIST_JOINERS = frozenset({",", "и", "а", "также", "или"})
FIELD_WINDOW = 30  # tokens of one list at most
FIELD_LIST_MAX = 3  # longer lists are boilerplate


@dataclass(frozen=True, slots=True)
class FieldList:
    first: int  # token indexes [first, last) of the list's items
    last: int
    items: int  # how many fields it names

    @property
    def short(self) -> bool:
        return self.items <= FIELD_LIST_MAX


def field_lists(doc: Doc) -> list[FieldList]:
    """Every list of fields in the document, in text order."""
    toks = doc.tokens
    out: list[FieldList] = []
    for i, tok in enumerate(toks):
        if tok.lemma in FIELD_HEADS:
            found = _adjectives_before(toks, i) or _genitives_after(toks, i)
        elif tok.lemma in COOPERATION_LEMMAS:
            found = _prepositional_after(toks, i)
        else:
            continue
        if found is not None and _in_context(toks, found.first):
            out.append(found)
    return _merge_continued(toks, out)


def _merge_continued(toks: list[Token], lists: list[FieldList]) -> list[FieldList]:
    """``в торгово-экономической, ... и социальной сферах, а также в сфере спорта`` is one list."""
    out: list[FieldList] = []
    for fl in sorted(lists, key=lambda x: (x.first, x.last)):
        prev = out[-1] if out else None
        if (prev is not None and toks[prev.first].sent == toks[fl.first].sent and 0 <= fl.first - prev.last <= 7
                and all(_is_joiner(t) or t.lemma in FIELD_HEADS or t.text.lower() in FIELD_PREPS
                        for t in toks[prev.last:fl.first])):
            out[-1] = FieldList(prev.first, fl.last, prev.items + fl.items)
        elif prev is None or fl.first >= prev.last:
            out.append(fl)
    return out


def field_tokens(doc: Doc) -> dict[int, FieldList]:
    """Token index -> the list of fields it stands in."""
    return {i: fl for fl in field_lists(doc) for i in range(fl.first, fl.last)}


def party_spans(doc: Doc) -> list[tuple[int, int]]:
    """Who was present: the genitive list after ``представители`` (``представители бизнеса,
    полиции и здравоохранения``) names parties, as an organization's name does, not topics."""
    toks = doc.tokens
    out = []
    for i, tok in enumerate(toks):
        if tok.lemma in PARTY_LEMMAS and (found := _list_after(toks, i + 1, grammar.is_gent)) is not None:
            out.append((toks[found.first].start, toks[found.last - 1].end))
    return out


def _in_context(toks: list[Token], first: int) -> bool:
    sent = toks[first].sent
    j = first - 1
    while j >= 0 and toks[j].sent == sent:
        if toks[j].lemma in CONTEXT_LEMMAS:
            return True
        j -= 1
    return False


def _is_joiner(tok: Token) -> bool:
    return tok.text.lower() in LIST_JOINERS


def _adjectives_before(toks: list[Token], head: int) -> FieldList | None:
    """``в туристической и образовательной сферах``: lower-case adjectives back to the preposition
    (a capitalized one names a region: ``в Курганской области``)."""
    j = head - 1
    items = 0
    while j >= 0 and toks[j].sent == toks[head].sent and head - j <= FIELD_WINDOW:
        tok = toks[j]
        if _is_joiner(tok):
            j -= 1
            continue
        if tok.text[:1].islower() and _is_adjective(tok):
            items += 1
            j -= 1
            continue
        break
    if items == 0 or j < 0 or toks[j].text.lower() not in FIELD_PREPS:
        return None
    return FieldList(j + 1, head, items)


def _genitives_after(toks: list[Token], head: int) -> FieldList | None:
    """``в сфере культуры, науки и спорта``: a genitive list after ``в/по`` + head."""
    if head == 0 or toks[head - 1].text.lower() not in FIELD_PREPS:
        return None
    return _list_after(toks, head + 1, grammar.is_gent)


def _prepositional_after(toks: list[Token], head: int) -> FieldList | None:
    """``сотрудничество в образовании и здравоохранении`` (``в сфере ...`` is the head rule's)."""
    k = head + 1
    if k + 1 >= len(toks) or toks[k].text.lower() not in ("в", "во") or toks[k + 1].lemma in FIELD_HEADS:
        return None
    found = _list_after(toks, k + 1, lambda t: grammar.has_case(t, "loct", ("NOUN", "ADJF")))
    if found is not None and any(t.lemma in FIELD_HEADS for t in toks[found.first:found.last + 1]):
        return None  # "в экономической сфере": the head rule's
    return found


def _list_after(toks: list[Token], k: int, in_case) -> FieldList | None:
    """A coordinated list from ``toks[k]`` whose words are all in the case ``in_case`` admits."""
    if k >= len(toks) or toks[k].sent != toks[k - 1].sent:
        return None
    start, items, in_item, j = k, 0, False, k
    while j < len(toks) and toks[j].sent == toks[start].sent and j - start < FIELD_WINDOW:
        tok = toks[j]
        if _is_joiner(tok):
            in_item = False
        elif not grammar.is_word(tok) or grammar.is_prep(tok) or grammar.is_verb(tok) or not in_case(tok):
            break
        elif not in_item:
            items += 1
            in_item = True
        j += 1
    while j > start and _is_joiner(toks[j - 1]):
        j -= 1
    return FieldList(start, j, items) if items else None


def _is_adjective(tok: Token) -> bool:
    return any(p.tag.POS in ("ADJF", "PRTF") for p in grammar.parses(tok)[:2])
