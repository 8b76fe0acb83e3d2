"""Person mention spans: slovnet PER spans corrected by rules.

Corrections: titles and punctuation trimmed off the edges, initials joined
(``И. И. Петров``, ``Петров И.И.``), a capitalised title word kept as a given
name after another title (``министром ... Шерифом Наваром``), split foreign names rejoined over
particles (``Ник Назами бин Ник Ахмад``), and names NER missed found after a
title (``министром Ник Ахмадом``), as ``И. Фамилия`` or in ALL CAPS.
"""

from __future__ import annotations

import functools
import re

from ..doc import Doc, SpanIndex
from ..nlp import morph
from ..nlp.grammar import is_abbr, parses
from .lexicon import title_heads, title_modifiers
from .names import Hint, east_asian, given_name_only, normalize, particles, split_words

INITIALS_BEFORE = re.compile(r"(?<![\w.])(?:[А-ЯЁA-Z][а-яёa-z]?\.\s?){1,2}$")
INITIALS_AFTER = re.compile(r"^\s(?:[А-ЯЁA-Z]\.\s?){1,2}")
INITIAL_SURNAME = re.compile(r"(?<![\w.])((?:[А-ЯЁ][а-яё]?\.\s?){1,2}[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)(?![\w])")
CAP_WORD = re.compile(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)?|[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?")
EDGE_PUNCT = " \u00a0\n,.;:—–-()«»\"'“”„!?"


def _trim(doc: Doc, s: int, e: int, known: frozenset = frozenset()) -> tuple[int, int, bool]:
    """The span without edge punctuation and leading titles; True when a capitalised title
    word stayed as a given name (``Шериф``, ``Эмир``): see ``_title_as_name``. A title word
    also stays before a name in ``known`` (first, last), kept so elsewhere in the document."""
    text = doc.text
    while s < e and text[s] in EDGE_PUNCT:
        s += 1
    while e > s and text[e - 1] in EDGE_PUNCT and not re.search(r"(?:^|\s)[А-ЯЁA-Z]\.$", text[s:e]):
        e -= 1
    # leading lower-case words and titles: "министр Иванов", "экс-президент Буш"
    while True:
        m = re.match(r"\S+\s+", text[s:e])
        if not m:
            break
        word = text[s:s + len(m.group(0).rstrip())]
        tok = doc.token_at(s)
        lemma = tok.lemma if tok is not None else word.lower()
        if word[:1].islower() and word.lower() not in particles():
            s += len(m.group(0))
            continue
        if _common_word(tok, word) and " " in text[s:e].strip():
            s += len(m.group(0))  # Лыжница Багиян, Всё-таки Проди: a word that is no name
            continue
        if lemma in title_heads() or lemma in title_modifiers():
            if tok is not None and word[:1].isupper() and lemma in title_heads():
                if _title_as_name(doc, tok, s + len(m.group(0)), e):
                    return s, e, True
                if known and _name_key(text[s:e]) in known:
                    return s, e, False
            s += len(m.group(0))
            continue
        break
    return s, e, False


def _common_word(tok, word: str) -> bool:
    """A capitalised word pymorphy3 knows and never as a name, nor as a place or a title
    head (those are handled by their own rules)."""
    if tok is None or not word[:1].isupper() or word.isupper() or len(word) < 4:
        return False
    ps = parses(tok)
    if word.lower() in east_asian():
        return False
    # an inanimate noun may be a foreign given name (Талия); a person noun (лыжница) is none
    return bool(ps) and all(morph.known(p) for p in ps) and not any(
        {"Name", "Surn", "Patr", "Geox", "Orgn", "Abbr"} & p.tag.grammemes
        or p.tag.POS == "NOUN" and "anim" not in p.tag.grammemes for p in ps) \
        and tok.lemma not in title_heads() and tok.lemma not in title_modifiers()


TITLE_BACK = 10  # a title head and its genitive tail


def _title_as_name(doc: Doc, tok, rest: int, end: int) -> bool:
    """A capitalised title word that is a given name: ``министром торговли Египта Шерифом Наваром``.

    It follows another title phrase (a head and its genitive tail, no punctuation
    between) and agrees in case with that head and with the rest of the name, and
    the rest is not a lone given name (``... Принц Уильям`` keeps its title).
    """
    toks = doc.tokens
    k = tok.index - 1
    head = None
    while k >= 0 and tok.index - k <= TITLE_BACK and toks[k].sent == tok.sent:
        t = toks[k]
        if not t.text[:1].isalpha() or t.text.lower() in ("или", "а") or t.text.lower() == "и" and k + 1 == tok.index:
            break  # "и" only inside the tail (министр снабжения и торговли ...)
        if t.lemma in title_heads():
            head = t
            break
        k -= 1
    if head is None:
        return False
    words = split_words(doc.text[rest:end])
    if not words or len(words) == 1 and given_name_only(words[0]):
        return False
    case = normalize([tok.text] + words).case

    def has(t) -> bool:
        return any(p.tag.POS == "NOUN" and p.tag.case == case for p in parses(t))

    return has(tok) and has(head)


def _extend_known(doc: Doc, s: int, e: int, known: frozenset) -> tuple[int, int]:
    """``Шериф Навар`` where NER took ``Навар`` only, once ``Шериф`` is known as his given name."""
    tok = doc.token_at(s)
    if tok is None or tok.index == 0:
        return s, e
    prev = doc.tokens[tok.index - 1]
    if prev.sent == tok.sent and prev.text[:1].isupper() and prev.lemma in title_heads() \
            and _name_key(doc.text[prev.start:e]) in known:
        return prev.start, e
    return s, e


def _name_key(text: str) -> tuple[str, str]:
    n = normalize(text)
    return ((n.first or "").lower(), (n.last or "").lower())


@functools.lru_cache(maxsize=50_000)
def _is_name_word(word: str) -> bool:
    if not CAP_WORD.fullmatch(word):
        return False
    if word[:1].isascii():
        return True
    ps = parses_word(word)
    return any(("Name" in p.tag.grammemes or "Surn" in p.tag.grammemes or "UNKN" in p.tag.grammemes
                or "Patr" in p.tag.grammemes) for p in ps[:3])


def parses_word(word: str):
    return morph.parse(word)


def find_mentions(doc: Doc) -> list[tuple[int, int]]:
    """Person mention spans (start, end), sorted, non-overlapping."""
    spans: list[tuple[int, int]] = []
    other = [(s.start, s.end) for s in doc.ner if s.type != "PER"]
    text = doc.text
    pieces = []
    for span in doc.ner:
        if span.type != "PER":
            continue
        # "Джей Зи (Jay Z)": two mentions of one person
        k = text.find("(", span.start, span.end)
        if k > span.start:
            pieces.append((span.start, k))
            pieces.append((k + 1, span.end))
        else:
            pieces.append((span.start, span.end))
    trimmed = [_trim(doc, ps_, pe_) for ps_, pe_ in pieces]
    # a title word kept as a given name once is one wherever it stands before that name
    known = frozenset(_name_key(text[s:e]) for s, e, kept in trimmed if kept)
    if known:
        trimmed = [_trim(doc, ps_, pe_, known) for ps_, pe_ in pieces]
    for s, e, _kept in trimmed:
        if e <= s:
            continue
        window = text[max(0, s - 8):s]
        m = INITIALS_BEFORE.search(window)
        if m:
            s = s - (len(window) - m.start())
        if " " not in text[s:e].strip():
            m = INITIALS_AFTER.match(text[e:e + 7])
            if m and not re.match(r"\s[А-ЯЁ]\.\s*$", text[e:e + 3] + "\n") or (
                    m and len(m.group(0).strip()) > 2):
                e = e + len(m.group(0).rstrip())
        spans.append((s, e))
    spans.sort()
    # rejoin names split at a particle: "Ник Назами" "бин" "Ник Ахмадом"
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged:
            ps, pe = merged[-1]
            gap = text[pe:s]
            words = gap.split()
            if pe <= s and words and all(w.lower() in particles() for w in words) and "\n" not in gap:
                if len(gap) <= 12:
                    merged[-1] = (ps, e)
                    continue
        merged.append((s, e))
    spans = merged
    if known:
        spans = [_extend_known(doc, s, e, known) for s, e in spans]
    # extra rules
    taken = SpanIndex(spans + other, key=_pair)  # found so far: the extra rules keep off them
    extra: list[tuple[int, int]] = []
    for m in INITIAL_SURNAME.finditer(text):
        s, e = m.start(1), m.end(1)
        if not taken.overlapping(s, e):
            extra.append((s, e))
    extra.extend(_after_titles(doc, taken))
    extra.extend(_caps_names(doc, taken))
    spans = sorted(set(spans + extra))
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and s < out[-1][1]:
            if e - s > out[-1][1] - out[-1][0]:
                out[-1] = (s, e)
            continue
        if doc.is_ignored(s, e):
            continue
        if not any(ch.isalpha() for ch in text[s:e]):
            continue
        out.append((s, e))
    return out


def _pair(span: tuple[int, int]) -> tuple[int, int]:
    return span


def _after_titles(doc: Doc, taken: SpanIndex) -> list[tuple[int, int]]:
    """Capitalised name words right after a title word that NER left unlabeled."""
    out = []
    toks = doc.tokens
    heads, parts = title_heads(), particles()
    for i, tok in enumerate(toks[:-1]):
        if tok.lemma not in heads:
            continue
        j = i + 1
        words = []
        while j < len(toks) and toks[j].sent == tok.sent and len(words) < 5:
            w = toks[j].text
            if w.lower() in parts and words:
                words.append(toks[j])
                j += 1
                continue
            if _is_name_word(w) and not is_abbr(toks[j]):
                words.append(toks[j])
                j += 1
                continue
            break
        while words and words[-1].text.lower() in parts:
            words.pop()
        if len(words) >= 2:
            s, e = words[0].start, words[-1].end
            if not taken.overlapping(s, e):
                out.append((s, e))
    return out


def _caps_names(doc: Doc, taken: SpanIndex) -> list[tuple[int, int]]:
    """``ИВАН ПЕТРОВ``: an all-caps first name followed by an all-caps word."""
    out = []
    for m in re.finditer(r"\b([А-ЯЁ]{2,}(?:\s+[А-ЯЁ]{2,}){1,2})\b", doc.text):
        words = m.group(1).split()
        first = words[0][:1] + words[0][1:].lower()
        if any("Name" in p.tag.grammemes and p.score > 0.5 for p in parses_word(first)):
            s, e = m.start(1), m.end(1)
            if not taken.overlapping(s, e):
                out.append((s, e))
    return out


# Cases a preposition governs, for a name right after it (``с Радживом Тхапой``).
PREP_CASES = {
    "с": {"ablt", "gent"}, "со": {"ablt", "gent"}, "к": {"datv"}, "ко": {"datv"}, "по": {"datv"},
    "о": {"loct", "accs"}, "об": {"loct", "accs"}, "обо": {"loct"}, "при": {"loct"},
    "у": {"gent"}, "для": {"gent"}, "от": {"gent"}, "без": {"gent"}, "до": {"gent"}, "из": {"gent"},
    "после": {"gent"}, "около": {"gent"}, "против": {"gent"}, "кроме": {"gent"}, "вместо": {"gent"},
    "среди": {"gent"}, "во главе": {"ablt"}, "за": {"ablt", "accs"}, "перед": {"ablt"},
    "между": {"ablt"}, "над": {"ablt"}, "под": {"ablt"}, "в": {"loct", "accs"},
    "во": {"loct", "accs"}, "на": {"loct", "accs"}, "через": {"accs"}, "про": {"accs"},
    "благодаря": {"datv"}, "согласно": {"datv"},
}
CASE_ALIASES = {"gen2": "gent", "loc2": "loct", "acc2": "accs", "gen1": "gent", "loc1": "loct"}
HINT_BACK = 8  # a title head and its genitive tail before the name


def _noun_cases(tok) -> frozenset:
    return frozenset(CASE_ALIASES.get(p.tag.case, p.tag.case) for p in parses(tok)
                     if p.tag.POS == "NOUN" and p.tag.number == "sing" and p.tag.case)


def context_hint(doc: Doc, start: int, end: int) -> Hint:
    """What the words around a name say of its case and gender: a preposition right before
    it or the head of a title in apposition (``с послом Непала Радживом Тхапой``: ablt), a
    feminine title (``лыжница``), a past-tense predicate right after it (``заявила``)."""
    toks = doc.tokens
    first = doc.token_at(start)
    cases: frozenset = frozenset()
    gender = None
    if first is not None:
        k = first.index - 1
        while k >= 0 and first.index - k <= HINT_BACK and toks[k].sent == first.sent:
            t = toks[k]
            low = t.text.lower()
            if low in PREP_CASES:
                if k == first.index - 1:
                    cases = frozenset(PREP_CASES[low])
                break
            if not t.text[:1].isalpha():
                break
            if k == first.index - 1 and t.text[:1].islower() and t.lemma not in title_heads() and \
                    t.lemma not in title_modifiers() and parses(t) and parses(t)[0].tag.POS == "NOUN":
                cases = frozenset({"gent"})  # a noun's dependent: по словам Данна, закон Гука
                break
            if t.lemma in title_heads():
                cases = _noun_cases(t)
                femn = [p for p in parses(t) if p.tag.POS == "NOUN" and p.tag.gender == "femn"
                        and "ms-f" not in p.tag.grammemes]
                if femn and femn[0] is parses(t)[0]:
                    gender = "femn"
                break
            k -= 1
    after = doc.tokens_in(end, end + 40)
    if after and after[0].sent == (first.sent if first is not None else after[0].sent):
        tag = parses(after[0])[0].tag if parses(after[0]) else None
        if tag is not None and tag.POS in ("VERB", "PRTS", "ADJS") and tag.number == "sing" \
                and tag.gender in ("masc", "femn") and gender is None:
            gender = tag.gender
    return Hint(cases=cases, gender=gender)


# Prepositions of place: a lone name after them is a town (``в Шуе``, ``из Ижмы``).
PLACE_PREPS = frozenset({"в", "во", "из", "изо"})
NAME_TAGS = frozenset({"Name", "Surn", "Patr"})


def is_junk(doc: Doc, start: int, end: int, places: frozenset[str]) -> bool:
    """A one-word mention that evidence says is no person: a title word (``Губернатором``),
    an abbreviation (``РТ``), an adjective or a verb and no name (``Брянский``, ``Лайкнуть``:
    a button label), a place (named so by the places stages, or after ``в``/``из``)."""
    words = doc.text[start:end].split()
    if len(words) != 1 or "." in words[0]:
        return False
    word = words[0]
    tok = doc.token_at(start)
    if word.lower() in places or normalize(word).full.lower() in places:
        return True
    if tok is None:
        return False
    if tok.lemma in title_heads():
        return True
    if word.isupper() and len(word) <= 4 and not word.isascii():
        return True
    ps = parses(tok)
    if not any(NAME_TAGS & p.tag.grammemes and morph.known(p) for p in ps):
        if any(p.tag.POS in ("ADJF", "INFN", "VERB") and morph.known(p) for p in ps) and \
                not any(p.tag.POS == "NOUN" and morph.known(p) for p in ps):
            return True
        if word.lower().endswith(("ть", "ться")) and any(p.tag.POS == "INFN" for p in ps):
            return True
    prev = doc.tokens[tok.index - 1] if tok.index else None
    return prev is not None and prev.sent == tok.sent and prev.text.lower() in PLACE_PREPS


__all__ = ["context_hint", "find_mentions", "is_junk", "parses"]
