"""Organizations: NER ORG spans plus rules, normalized, with abbreviations and countries.

Sources, merged by overlap (the longer span wins): slovnet ORG spans; known
organizations (``data/organizations.tsv``) by name, alias or exact
abbreviation; a capitalised organization head word (``Министерство``,
``минэкологии``) with its genitive tail; quoted names after a legal form
(``АО «Ромашка»``). ``Full name (ABBR)`` pairs the abbreviation with the name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from ..doc import Doc, Token
from ..records import Mention, Organization
from . import context
from .grammar import is_abbr, is_cap, is_gent, is_word, join, nominative, parses
from .lexicon import KnownOrg, abbreviations, org_heads, org_matcher, word_abbreviations

LEGAL_FORMS = {"АО", "ООО", "ПАО", "ОАО", "ЗАО", "НКО", "АНО", "ФГУП", "МУП", "ГУП", "ФГБУ", "ГБУ",
               "МБУ", "НАО", "ИП", "ГК", "ФГУ", "ГАУ", "ТОО", "ОсОО"}
DESCRIPTOR_LEMMAS = {"компания", "корпорация", "госкорпорация", "холдинг", "группа", "фонд",
                     "концерн", "банк", "фирма", "завод", "издательство", "агентство", "партия",
                     "движение", "клуб", "театр", "телеканал", "радиостанция", "газета", "журнал"}
MIN_PREFIX_RE = re.compile(r"^[Мм]ин[а-яё]{3,}$")


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


def _known_min_word(text: str) -> Optional[KnownOrg]:
    return word_abbreviations().get(text.lower())


def _tail_end(doc: Doc, toks: list[Token], j: int, limit: int = 6) -> int:
    """Index after a genitive tail starting at ``toks[j]`` (names, abbreviations, «quotes»)."""
    n = 0
    while j < len(toks) and n < limit:
        tok = toks[j]
        if tok.text in ("«", '"', "“") and j + 1 < len(toks):
            close = _close_quote(toks, j)
            if close is None:
                break
            j = close + 1
            n += 1
            continue
        if tok.text == "и" and j + 1 < len(toks) and is_gent(toks[j + 1]) and not is_cap(toks[j + 1]) \
                and n > 0:
            j += 1
            continue
        if not is_word(tok):
            break
        if is_abbr(tok) or is_gent(tok):
            lem = tok.lemma
            if lem in org_heads() and n > 0 and not is_cap(tok):
                pass
            j += 1
            n += 1
            continue
        break
    return j


def _close_quote(toks: list[Token], j: int) -> Optional[int]:
    opener = toks[j].text
    closer = {"«": "»", '"': '"', "“": "”"}[opener]
    depth = 0
    for k in range(j, min(len(toks), j + 12)):
        if toks[k].text == opener and opener != closer:
            depth += 1
        elif toks[k].text == closer:
            if opener == closer and k == j:
                continue
            depth -= 1
            if depth <= 0 or opener == closer:
                return k
    return None


def _head_index(toks: list[Token]) -> int:
    """Index of the head noun in an organization span (first noun outside quotes)."""
    for i, tok in enumerate(toks):
        if tok.text in ("«", '"', "“"):
            return -1
        if not is_word(tok):
            continue
        ps = parses(tok)
        if any(p.tag.POS == "NOUN" for p in ps[:2]) and not is_abbr(tok):
            return i
        if is_abbr(tok):
            return -1
    return -1


def normal_name(doc: Doc, toks: list[Token]) -> str:
    """``Министерства экономического развития`` -> ``Министерство экономического развития``."""
    toks = [t for t in toks]
    while toks and not is_word(toks[0]) and toks[0].text not in ("«", '"'):
        toks = toks[1:]
    if not toks:
        return ""
    head = _head_index(toks)
    words = nominative(toks, head) if head >= 0 else [t.text for t in toks]
    name = join(doc.text, toks, words)
    if name[:1].islower() and not is_abbr(toks[0]):
        name = name[:1].upper() + name[1:]
    return name


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    text = doc.text
    while start < end and text[start] in " ,.;:—–-(":
        start += 1
    while end > start and text[end - 1] in " ,.;:—–-(":
        end -= 1
    # drop an unbalanced closing quote or bracket
    seg = text[start:end]
    if seg.endswith("»") and seg.count("«") < seg.count("»"):
        end -= 1
    if seg.endswith(")") and seg.count("(") < seg.count(")"):
        end -= 1
    if seg.startswith("«") and seg.count("«") > seg.count("»"):
        start += 1
    return start, end


def _candidates(doc: Doc) -> list[OrgMention]:
    out: list[OrgMention] = []
    abbr = abbreviations()
    for sent in doc.sents:
        toks = doc.tokens[sent.first:sent.last]
        # known organizations by name / alias
        for m in org_matcher().finditer(toks):
            org = m.payloads[0]
            s, e = toks[m.first].start, toks[m.last - 1].end
            out.append(OrgMention(s, e, org.name, org.abbreviation, org.country, True, "known"))
        for i, tok in enumerate(toks):
            text = tok.text
            # exact abbreviations and one-word names (ООН, МИД, Роснедра) and мин-words
            base = text
            known = abbr.get(base)
            if known is None and MIN_PREFIX_RE.match(text):
                known = _known_min_word(text) or _known_min_word(tok.lemma)
                if known is None and text[:1].islower() and text.lower().startswith("мин") \
                        and tok.lemma == text.lower() and len(parses(tok)) and \
                        "UNKN" in str(parses(tok)[0].tag):
                    known = KnownOrg(text[:1].upper() + text[1:], None, None)
            if known is not None:
                j = i + 1
                if known.abbreviation and known.abbreviation.lower() != text.lower() and \
                        not text.lower().startswith("мин"):
                    j = i + 1
                else:
                    j = _tail_end(doc, toks, i + 1, limit=3)
                s, e = tok.start, toks[j - 1].end
                name = known.name
                if j > i + 1:
                    name = known.name + doc.text[tok.end:e]
                ab = known.abbreviation
                if ab and j > i + 1:
                    ab = ab + doc.text[tok.end:e]
                out.append(OrgMention(s, e, name, ab, known.country, True, "known"))
                continue
            # legal form + «quoted name»
            if (text in LEGAL_FORMS or tok.lemma in DESCRIPTOR_LEMMAS) and i + 1 < len(toks) \
                    and toks[i + 1].text in ("«", '"', "“"):
                close = _close_quote(toks, i + 1)
                if close is not None:
                    s, e = tok.start, toks[close].end
                    out.append(OrgMention(s, e, normal_name(doc, toks[i:close + 1]), source="quoted"))
                    continue
            # capitalised head word + genitive tail
            if tok.lemma in org_heads() and is_cap(tok) and i > 0 and not is_abbr(tok):
                j = _tail_end(doc, toks, i + 1)
                if j > i + 1:
                    # agreeing capitalised adjectives before the head
                    k = i
                    s, e = toks[k].start, toks[j - 1].end
                    out.append(OrgMention(s, e, normal_name(doc, toks[k:j]), source="head"))
    return out


def find_orgs(doc: Doc) -> list[OrgMention]:
    """Organization mentions, non-overlapping, in text order."""
    cands: list[OrgMention] = []
    pieces = []
    for span in doc.ner:
        if span.type != "ORG":
            continue
        k = doc.text.find(" (", span.start, span.end)  # "Министерство ... (Минэкономразвития)"
        if k > span.start:
            pieces += [(span.start, k), (k + 2, span.end)]
        else:
            pieces.append((span.start, span.end))
    for ps_, pe_ in pieces:
        s, e = _trim(doc, ps_, pe_)
        if e <= s:
            continue
        toks = doc.tokens_in(s, e)
        if not toks:
            continue
        text = doc.text[s:e]
        known = abbreviations().get(text)
        if known is not None:
            cands.append(OrgMention(s, e, known.name, known.abbreviation, known.country, True, "ner"))
        else:
            cands.append(OrgMention(s, e, normal_name(doc, toks), source="ner"))
    cands.extend(_candidates(doc))
    # resolve overlaps: NER and known first, a longer rule span may extend them
    prio = {"known": 0, "ner": 1, "quoted": 2, "head": 3}
    cands.sort(key=lambda c: (c.start, -(c.end - c.start), prio[c.source]))
    chosen: list[OrgMention] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), prio[c.source], c.start)):
        clash = [o for o in chosen if o.start < c.end and c.start < o.end]
        if not clash:
            chosen.append(c)
        elif all(c.start <= o.start and o.end <= c.end for o in clash):
            pass  # a longer one already covers it... (never: longest first)
        else:
            # keep the chosen (longer) one, inherit knowledge from a known inner mention
            for o in clash:
                if o.start <= c.start and c.end <= o.end and c.known and not o.known:
                    if c.start == o.start and c.end == o.end:
                        o.name, o.abbreviation, o.country = c.name, c.abbreviation, c.country
                    if o.country is None:
                        o.country = c.country
    chosen = [c for c in chosen if not doc.is_ignored(c.start, c.end)]
    chosen.sort(key=lambda c: c.start)
    _pair_abbreviations(doc, chosen)
    for c in chosen:
        if c.country is None:
            c.country = context.country_in(doc, c.start, c.end)
    return chosen


def _pair_abbreviations(doc: Doc, ments: list[OrgMention]) -> None:
    """``Министерство экономического развития (Минэкономразвития)``: one organization."""
    text = doc.text
    for a, b in zip(ments, ments[1:], strict=False):
        between = text[a.end:b.start]
        if between.strip() == "(" and text[b.end:b.end + 1] == ")" and " " not in text[b.start:b.end]:
            a.abbreviation = text[b.start:b.end]
            b.name = a.name
            b.abbreviation = a.abbreviation
            b.country = b.country or a.country
    # an unknown (ABBR) right after an organization
    for a in ments:
        m = re.match(r"\s*\(([A-ZА-ЯЁ][A-ZА-ЯЁа-яё\-]{1,15})\)", text[a.end:a.end + 20])
        if m and a.abbreviation is None and (m.group(1).isupper() or m.group(1).lower().startswith(
                ("мин", "рос", "гос"))):
            a.abbreviation = m.group(1)
            s = a.end + m.start(1)
            a.extra.append((s, s + len(m.group(1))))


def _key(name: str) -> str:
    return re.sub(r"\s+", " ", name.lower().replace("ё", "е")).strip()


def extract(doc: Doc) -> list[Organization]:
    ments = find_orgs(doc)
    groups: dict[str, dict] = {}
    order: list[str] = []
    by_abbr: dict[str, str] = {}
    taken = {(m.start, m.end) for m in ments}
    for m in ments:
        key = _key(m.name)
        if m.abbreviation and _key(m.abbreviation) in by_abbr:
            key = by_abbr[_key(m.abbreviation)]
        elif _key(m.name) in by_abbr:
            key = by_abbr[_key(m.name)]
        g = groups.get(key)
        if g is None:
            g = groups[key] = {"name": m.name, "abbreviation": m.abbreviation, "country": m.country,
                               "mentions": []}
            order.append(key)
        g["abbreviation"] = g["abbreviation"] or m.abbreviation
        g["country"] = g["country"] or m.country
        if m.abbreviation:
            by_abbr.setdefault(_key(m.abbreviation), key)
        spans = [(m.start, m.end)] + [x for x in m.extra if x not in taken]
        for s, e in spans:
            g["mentions"].append(Mention(start=s, end=e, text=doc.text[s:e]))
    out = []
    for key in order:
        g = groups[key]
        g["mentions"].sort(key=lambda x: x.start)
        out.append(Organization(**g))
    return out
