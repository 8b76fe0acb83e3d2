"""Organizations: NER ORG spans plus rules, normalized, with abbreviations and countries.

Candidates (``org_candidates``): slovnet ORG spans; known organizations
(``data/organizations.tsv``) by name, alias or exact abbreviation, with a place
right after them (``МИД России``); a capitalised head word (``Министерство``)
with its genitive tail; a quoted name after a descriptor (``АО «Ромашка»``).
Overlaps are resolved (the longer span wins), then each mention is narrowed to
the name proper (``org_spans``) while the organization keeps the whole phrase
as its name. ``Full name (ABBR)`` pairs the abbreviation with the name, and an
abbreviation spelling a named organization's initials is that organization (``СКФУ``).

A unit keeps its owner in its name (``Антинаркотический центр ШОС``, ``территориальный
орган Росстата по области``) while the owner stays an organization of its own; a body
named by a regional adjective or a bare ``области`` takes the one region the text names
(``областного правительства``). Not organizations: events (``форум «Утро»``), a site's
section before its outlet (``Недвижимость РИА Новости``), furniture labels (``Лента
новостей``), platform channels (``Telegram-канал``), places NER took for organizations.
Photo credits are read (the places stage skips them, so countries are looked up there).
"""

from __future__ import annotations

import bisect
import re
from typing import Optional

from ..doc import Doc, SpanIndex
from ..nlp import morph
from ..nlp.grammar import is_abbr, is_gent, parses, pos_of
from ..places import context
from ..records import Mention, Organization
from ..structure import furniture
from .candidates import SUB_HEADS, Context, OrgMention, extend_right, key_of, ner_candidates, rule_candidates
from .lexicon import abbreviations, org_heads
from .merge import group_mentions
from .names import normal_name, span_name
from .phrases import artifact_keys, is_event_word
from .spans import PlaceIndex, extend_left, is_stop, quoted_inner, trim_place

__all__ = ["OrgMention", "extract", "find_orgs", "normal_name"]

PAREN_RE = re.compile(r"[ \t]*\(([A-ZА-ЯЁ][A-Za-zА-ЯЁа-яё0-9&.'\- ]{1,60}?)\)")
LATIN_RE = re.compile(r"^[A-Z][A-Za-z0-9&.'\- ]+$")
PRIO = {"known": 0, "ner": 1, "quoted": 2, "head": 3}
BUILDINGS = {"белый дом", "пентагон"}  # places after ``в``, ``из``, ``у``
SEATS = {"кремль", "смольный"}  # a seat of power is a place (factRuEval: LocOrg), never the organization
REGION_WORDS = {"области", "края", "республики", "округа"}  # a body "of the region" (genitive)
DISTRICT_RE = re.compile(r"\b[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)?(?:ого|его)(?:\s+муниципального)?\s+района\b")
SMALL_WORDS = {"и", "по", "в", "во", "на", "при", "для", "с", "со", "of", "and", "the", "for"}
LOCATIVE = {"в", "во", "из", "у", "возле", "около", "перед", "над"}


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    text = doc.text
    while start < end and text[start] in " ,.;:—–-(":
        start += 1
    while end > start and text[end - 1] in " ,.;:—–-(":
        end -= 1
    seg = text[start:end]  # drop an unbalanced closing quote or bracket
    if seg.endswith("»") and seg.count("«") < seg.count("»"):
        end -= 1
    if seg.endswith(")") and seg.count("(") < seg.count(")"):
        end -= 1
    if seg.startswith("«") and seg.count("«") > seg.count("»"):
        start += 1
    return start, end


def _resolve(cands: list[OrgMention]) -> list[OrgMention]:
    """Non-overlapping candidates: longest first, known before NER before rules.

    The chosen ones never overlap, so kept sorted by start their ends are sorted too and
    the chosen a candidate clashes with are one slice between two bisections."""
    chosen: list[OrgMention] = []
    starts: list[int] = []  # of the chosen, sorted
    ends: list[int] = []
    by_start: list[OrgMention] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), PRIO[c.source], c.start)):
        clash = by_start[bisect.bisect_right(ends, c.start):bisect.bisect_left(starts, c.end)]
        if not clash:
            chosen.append(c)
            if c.end > c.start:  # (an empty one overlaps nothing: it stays out of the index)
                at = bisect.bisect_left(starts, c.start)
                starts.insert(at, c.start)
                ends.insert(at, c.end)
                by_start.insert(at, c)
            continue
        for o in clash:  # a known inner mention lends its knowledge to the chosen one
            if c.known and not o.known and o.start <= c.start and c.end <= o.end:
                if (c.start, c.end) == (o.start, o.end):
                    o.name, o.abbreviation, o.base, o.known = c.name, c.abbreviation, c.base, True
                o.country = o.country or c.country
    return chosen


def _known_inside(cands: list[OrgMention]) -> dict[int, OrgMention]:
    """Known candidates by end offset (for splitting ``Института ... РАН``)."""
    return {c.end: c for c in sorted(cands, key=lambda c: c.end - c.start) if c.known}


def _split(doc: Doc, m: OrgMention, known: dict[int, OrgMention]) -> list[OrgMention]:
    """A known organization closing a longer name becomes a mention of its own."""
    k = known.get(m.end)
    if k is None or k.start <= m.start or m.known:
        return [m]
    left = doc.tokens_in(m.start, k.start)
    if not left or not left[-1].text[:1].isalpha() or left[-1].text.lower() in ("в", "при", "по", "и"):
        return [m]
    if not any(is_abbr(t) or pos_of(t) == "NOUN" for t in left):
        return [m]  # ``российском министерстве финансов``: adjectives alone name nothing
    own = span_name(doc, m.start, left[-1].end)  # the name keeps its owner (``Антинаркотический центр ШОС``)
    head = OrgMention(m.start, left[-1].end, m.name or own, source=m.source, base=own)
    inner = OrgMention(k.start, k.end, k.name, k.abbreviation, k.country, True, "known", base=k.base)
    _drop_unit_tail(doc, inner)
    return [head, inner]


def _owner_after(doc: Doc, ments: list[OrgMention]) -> None:
    """``Антинаркотический центр ШОС``, ``территориальный орган Росстата по области``: a known
    organization right after a name (an abbreviation or in the genitive) is its owner and belongs
    to the name, with the owner's ``по``-tail (the unit's territory); the mentions stay apart."""
    for a, b in zip(ments, ments[1:], strict=False):
        if a.known or not b.known or doc.text[a.end:b.start] != " " or b.name == a.name:
            continue
        if _section_label(doc, a):
            a.label = True
            continue
        toks = doc.tokens_in(b.start, b.end)
        if not toks or not (is_abbr(toks[0]) and toks[0].text.isupper() or is_gent(toks[0])):
            continue
        a.base = a.base or a.name
        a.name = f"{a.name} {doc.text[b.start:b.end]}"
        _drop_unit_tail(doc, b)


def _section_label(doc: Doc, m: OrgMention) -> bool:
    """``Недвижимость`` in ``... - Недвижимость РИА Новости``: a common noun before a known
    organization is a section of its site, not a body (heads like ``Комитет`` are bodies)."""
    toks = doc.tokens_in(m.start, m.end)
    if len(toks) != 1 or toks[0].lemma in org_heads() or is_abbr(toks[0]):
        return False
    ps = parses(toks[0])
    return bool(ps) and ps[0].score >= 0.5 and ps[0].tag.POS == "NOUN" and morph.is_known(toks[0].text.lower()) \
        and not ({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr"} & set(ps[0].tag.grammemes))


def _furniture(doc: Doc, m: OrgMention) -> bool:
    """A mention inside a furniture line's own label (``Лента новостей`` opening other headlines)."""
    if doc.zone_kind(m.start) != "related":
        return False
    line_start = doc.text.rfind("\n", 0, m.start) + 1
    label = furniture.RELATED_RE.match(doc.text[line_start:m.end])
    return label is not None and m.end - line_start <= label.end()


def _drop_unit_tail(doc: Doc, owner: OrgMention) -> None:
    """The ``по``-tail of a unit's owner is the unit's territory (``Росстат`` has none)."""
    cut = next((t for t in doc.tokens_in(owner.start, owner.end)[1:] if t.text == "по"), None)
    if cut is not None and owner.base:
        owner.end = doc.tokens[cut.index - 1].end
        owner.name = owner.base


def _narrow(doc: Doc, m: OrgMention, places: PlaceIndex) -> OrgMention:
    """Mention boundaries of the name proper; the name keeps the whole phrase."""
    m.country = m.country or context.country_in(doc, m.start, m.end)
    q = quoted_inner(doc, m.start, m.end)
    if q is not None:
        s, e, prefix = q
        inner = doc.text[s:e]
        first = m.start
        m.start, m.end, m.alias = s, e, inner
        if not m.known:
            m.name = f"{prefix} «{inner}»" if _named_descriptor(doc, first, prefix) else inner
        return m
    end = trim_place(doc, places, m.start, m.end, m.known)
    if end != m.end:
        m.base = m.base or span_name(doc, m.start, end)
        place = places.entry_at.get((places.by_end[m.end], m.end))
        if place and not m.known and m.alias is None:  # ``Правительство Тувы`` = ``... Республики Тыва``
            m.alias = f"{key_of(m.base)} @{place}"
        m.end = end
    m.start = extend_left(doc, m.start, m.end)
    return m


def _named_descriptor(doc: Doc, start: int, prefix: str) -> bool:
    """Whether the descriptor before a quoted name is part of it: a legal form (``АО``) or a
    capitalised word inside a sentence (``Агентство «Москва»``; not ``газеты «Труд»``)."""
    if prefix.isupper():
        return True
    tok = doc.token_at(start)
    return prefix[:1].isupper() and " " not in prefix and tok is not None and doc.sents[tok.sent].first != tok.index


def _noise(doc: Doc, m: OrgMention, place_spans: frozenset, places: SpanIndex) -> bool:
    """Spans that are not organizations here: ``СМИ``, ``в Белом доме``, a sentence-initial word."""
    if is_stop(doc, m.start, m.end) or m.label or _furniture(doc, m):
        return True
    toks = doc.tokens_in(m.start, m.end)
    prev = doc.tokens[toks[0].index - 1] if toks and toks[0].index > 0 else None
    name = key_of(m.base or m.name)
    if name in SEATS or (prev is not None and prev.text.lower() in LOCATIVE and name in BUILDINGS):
        return True
    if not m.known and toks and _event_headed(toks):
        return True
    if m.source != "ner" or m.known:
        return False
    if len(toks) == 2 == len(m.name.split()) and toks[1].lemma in SUB_HEADS and pos_of(toks[0]) == "ADJF" \
            and not _capitalised_after(doc, toks[-1]):
        return True  # ``Томского филиала``: a unit whose owner the text does not name
    if len(toks) == 1 and is_abbr(toks[0]) and doc.is_ignored(m.start) and context.names_country(toks[0].text):
        return True  # ``СРВ`` in a photo credit, where the places stage did not look
    if (m.start, m.end) in place_spans:
        return True  # ``Завханский аймак``: the places stage knows it as a place
    words = [t for t in toks if t.text[:1].isalpha()]
    if words and all(_capital_word(t) for t in words):
        return True  # ``НОВОСТИ ПОЛИТИКА``, ``НУР-СУЛТАН``: a site menu or a dateline in capitals
    if words and all(t.text.isupper() and len(t.text) > 3 for t in words) and \
            any(p.start <= m.start and m.end <= p.end for p in places.overlapping(m.start, m.end)):
        return True  # ``ТЯНЬЦЗИНЬ, 1 сентября``: a dateline's place in capitals
    return len(toks) == 1 and (_common_word(doc, toks[0]) or _bare_adjective(toks[0]))


def _event_headed(toks) -> bool:
    """``Форум молодёжи``, ``Паралимпиада``: an event's name, headed by an event word."""
    head = next((t for t in toks if t.text[:1].isalpha() and pos_of(t) == "NOUN"), None)
    return head is not None and head.index == toks[0].index and is_event_word(head)


def _capitalised_after(doc: Doc, tok) -> bool:
    """Whether a capitalised word (an owner's name) follows ``tok`` in its sentence."""
    nxt = doc.tokens[tok.index + 1] if tok.index + 1 < len(doc.tokens) else None
    return nxt is not None and nxt.sent == tok.sent and nxt.text[:1].isupper()


def _capital_word(tok) -> bool:
    """A dictionary word (not an organization's name) written in capitals."""
    ps = parses(tok)
    return tok.text.isupper() and len(tok.text) >= 5 and tok.text not in abbreviations() and bool(ps) \
        and morph.is_known(tok.text.lower()) and not ({"Orgn", "Abbr", "Trad"} & set(ps[0].tag.grammemes))


def _bare_adjective(tok) -> bool:
    """A lone capitalised adjective (``Тихоокеанское``, ``Омскую``) names no organization."""
    ps = parses(tok)
    return bool(ps) and ps[0].score >= 0.5 and ps[0].tag.POS == "ADJF" and not is_abbr(tok) and \
        not ({"Name", "Surn", "Orgn", "Abbr"} & set(ps[0].tag.grammemes))


def _common_word(doc: Doc, tok) -> bool:
    """A capitalised dictionary word opening a sentence (``Отчёт``, ``Её``), not a name."""
    if doc.sents[tok.sent].first != tok.index or is_abbr(tok) or tok.lemma in org_heads():
        return False
    ps = parses(tok)
    return bool(ps) and ps[0].score > 0.5 and ps[0].tag.POS in ("NOUN", "NPRO", "ADJF") and \
        not ({"Name", "Surn", "Geox", "Orgn", "Trad", "Abbr", "UNKN"} & set(ps[0].tag.grammemes))


def find_orgs(doc: Doc) -> list[OrgMention]:
    """Organization mentions, non-overlapping, in text order."""
    ctx = Context(doc)
    cands = ner_candidates(doc, _trim) + rule_candidates(ctx)
    extend_right(ctx, cands)
    known = _known_inside(cands)
    places = PlaceIndex(doc)
    resolved = sorted(_resolve(cands), key=lambda c: c.start)
    _owner_after(doc, resolved)
    chosen = [part for c in resolved for part in _split(doc, c, known)]
    chosen = [_narrow(doc, c, places) for c in chosen
              if not doc.is_ignored(c.start, c.end) or doc.zone_kind(c.start) == "photo_credit"]
    place_spans = frozenset((p.start, p.end) for p in doc.places if p.kind != "country")
    places = SpanIndex(doc.places)
    chosen = [c for c in chosen if c.end > c.start and not _noise(doc, c, place_spans, places)]
    things, starts = artifact_keys(doc, key_of)
    chosen = [c for c in chosen if key_of(doc.text[c.start:c.end]) not in things and c.start not in starts]
    chosen.sort(key=lambda c: c.start)
    _pair_abbreviations(doc, chosen)
    chosen = sorted(_pair_acronyms(doc, chosen), key=lambda c: c.start)
    for c in chosen:
        c.name = _bare_region(doc, c)
    return [c for c in chosen if c.name]


def _bare_region(doc: Doc, m: OrgMention) -> str:
    """``Министерство сельского хозяйства области``: a bare ``области`` closing a body's name is
    the one region of that kind the document names (``Саратовской области``); ``областного
    правительства``, ``городской администрации``: the body of the one region or city named."""
    toks = doc.tokens_in(m.start, m.end)
    if m.seat_word:
        place = city_genitive(doc) if m.seat_word == "города" else district_genitive(doc) \
            if m.seat_word == "района" else region_genitive(doc, m.seat_word)
        return f"{m.name} {place}" if place else ""
    if m.known or len(toks) < 2 or toks[-1].text not in REGION_WORDS or pos_of(toks[-2]) != "NOUN":
        return m.name
    if not m.name.endswith(" " + toks[-1].text):
        return m.name
    region = region_genitive(doc, toks[-1].text)
    return m.name[:-len(toks[-1].text)] + region if region else m.name


def region_genitive(doc: Doc, word: str) -> Optional[str]:
    """The one region of the kind ``word`` names (``области``) in the document, in the genitive."""
    named = {getattr(p.entry, "name", None) for p in doc.places if p.kind == "region" and p.form == "name"}
    named = {n for n in named if n and morph.lemma(word) in {morph.lemma(w) for w in n.lower().split()}}
    if len(named) != 1:
        return None
    parts = named.pop().split()
    if len(parts) == 2 and parts[1].lower() == morph.lemma(word):  # ``Саратовская область``
        adj = morph.inflect(parts[0], {"gent"}, pos="ADJF")
        return adj and f"{adj[:1].upper()}{adj[1:]} {word}"
    if len(parts) >= 2 and parts[0].lower() == morph.lemma(word):  # ``Республика Татарстан``
        return " ".join([word[:1].upper() + word[1:]] + parts[1:])
    return None


def district_genitive(doc: Doc) -> Optional[str]:
    """The one district the document names (``Самойловского муниципального района``)."""
    found = {" ".join(m.group().split()) for m in DISTRICT_RE.finditer(doc.text)}
    return found.pop() if len(found) == 1 else None


def city_genitive(doc: Doc) -> Optional[str]:
    """The one city the document names (a one-word name), in the genitive (``Владивостока``)."""
    named = {getattr(p.entry, "name", None) for p in doc.places if p.kind == "city" and p.form == "name"}
    if len(named) != 1 or None in named:
        return None
    name = named.pop()
    if " " in name:
        return None
    form = morph.inflect(name, {"gent"}, pos="NOUN")
    return form and form[:1].upper() + form[1:]


def _pair_abbreviations(doc: Doc, ments: list[OrgMention]) -> None:
    """``Министерство экономического развития (Минэкономразвития)``: one organization."""
    text = doc.text
    for a, b in zip(ments, ments[1:], strict=False):
        between = text[a.end:b.start]
        if between.strip() == "(" and text[b.end:b.end + 1] == ")" and " " not in text[b.start:b.end]:
            a.abbreviation = a.abbreviation or text[b.start:b.end]
            b.name, b.abbreviation, b.base = a.name, a.abbreviation, a.base
            b.country = b.country or a.country
    taken = {(m.start, m.end) for m in ments}
    for a in ments:  # an unknown (ABBR) or the Latin name right after an organization
        m = PAREN_RE.match(text, a.end)
        if m is None or (m.start(1), m.end(1)) in taken:
            continue
        word = m.group(1)
        if LATIN_RE.match(word) and (" " in word or word.isupper() and len(word) > 2):
            a.extra.append((m.start(1), m.end(1)))
        elif a.abbreviation is None and word not in abbreviations() and (
                word.isupper() or word.lower().startswith(("мин", "рос", "гос"))):
            a.abbreviation = word
            a.extra.append((m.start(1), m.end(1)))


def acronyms(name: str) -> set[str]:
    """Initials of a name's words, hyphenated parts apart, with and without its small words:
    ``Северо-Кавказский федеральный университет`` -> ``СКФУ``."""
    words = [w for w in re.split(r"[\s\-]+", name) if w[:1].isalpha()]
    full = "".join(w[0] for w in words).upper()
    short = "".join(w[0] for w in words if w.lower() not in SMALL_WORDS).upper()
    return {full, short} if len(short) >= 2 else set()


def _pair_acronyms(doc: Doc, ments: list[OrgMention]) -> list[OrgMention]:
    """``СКФУ`` after ``Северо-Кавказский федеральный университет``, ``ТИА «Острова»`` after
    ``Тихоокеанское информационное агентство «Острова»``: an unknown abbreviation spelling the
    initials of one organization's name named in the document is that organization (also when
    NER missed the abbreviation: the mentions come back with it)."""
    names: dict[tuple[str, str], set[str]] = {}
    for m in ments:
        head, quoted = _split_quoted(m.name)
        if " " in head.strip() or "-" in head:
            for a in acronyms(head):
                names.setdefault((a, quoted), set()).add(m.name)
    by_name = {m.name: m for m in ments}
    for m in ments:
        if m.known or m.abbreviation:
            continue
        head, quoted = _split_quoted(m.name)
        head = head.strip()
        if not (2 <= len(head) <= 8 and head.isupper() and head.isalpha()):
            continue
        found = names.get((head.upper(), quoted), set())
        if len(found) != 1:
            continue
        full = by_name[next(iter(found))]
        full.abbreviation = full.abbreviation or m.name
        m.abbreviation, m.name, m.base = full.abbreviation, full.name, full.base
        m.country = m.country or full.country
    return ments + _unseen_acronyms(doc, ments, names, by_name)


def _unseen_acronyms(doc: Doc, ments: list[OrgMention], names: dict, by_name: dict) -> list[OrgMention]:
    """Abbreviations no candidate covers that spell one named organization's initials."""
    if not names:
        return []
    covered = sorted((m.start, m.end) for m in ments)
    taken = {p.start for p in doc.places} | {s.start for s in doc.ner if s.type == "PER"}
    out = []
    for tok in doc.tokens:
        word = tok.text
        found = names.get((word, ""))
        if found is None or not (2 <= len(word) <= 8 and word.isupper() and word.isalpha()) or tok.start in taken:
            continue
        k = bisect.bisect_right(covered, (tok.start, float("inf"))) - 1
        if len(found) != 1 or (k >= 0 and covered[k][1] > tok.start) or doc.is_ignored(tok.start, tok.end):
            continue
        full = by_name[next(iter(found))]
        if full.start > tok.start:
            continue  # the name comes first, then its abbreviation
        full.abbreviation = full.abbreviation or word
        out.append(OrgMention(tok.start, tok.end, full.name, full.abbreviation, full.country, source="ner",
                              base=full.base))
    return out


def _split_quoted(name: str) -> tuple[str, str]:
    """``ТИА «Острова»`` -> (``ТИА``, ``Острова``); a name without quotes -> (name, "")."""
    k = name.find("«")
    return (name[:k], name[k + 1:].rstrip("»")) if k > 0 and name.endswith("»") else (name, "")


def extract(doc: Doc) -> list[Organization]:
    out = []
    for g in group_mentions(find_orgs(doc)):
        spans = sorted({(s, e) for s, e in g.spans})
        out.append(Organization(name=" ".join(g.name.split()), abbreviation=g.abbreviation, country=g.country,
                                mentions=[Mention(start=s, end=e, text=doc.text[s:e]) for s, e in spans]))
    return out
