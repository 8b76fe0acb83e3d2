"""Who said it: the speaker of a quote from its attribution, else from the context.

* a Person (``doc.persons``) with a mention inside the attribution,
  else one whose last name appears there (``М. Кумахов``);
* ``он``/``она``: the person last named before the quote in its paragraph, else
  the previous quote's speaker;
* a title (``— сказал министр``): the person holding it named shortly before;
* an Organization mention: ``speaker_kind="organization"`` (``сообщили в
  пресс-службе`` without a known organization: speaker null, kind organization);
* no attribution at all (a paragraph of speech of its own): the source named in
  the sentences just before (``..., сообщает ГУ МЧС.``), else the previous speaker.

When the persons stage gave nothing at all, a PER span of ``doc.ner`` in the
attribution is used as is.
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass
from typing import Optional

from .. import resources
from ..doc import Doc, SpanIndex
from .shapes import WORD_RE, Raw, is_speech_word, lemma

ORG_WORDS = frozenset("""
пресс-служба служба министерство минэкологии правительство администрация ведомство сообщение
департамент управление компания пресс-релиз аппарат мэрия пресс-центр минприроды
""".split())
SOURCE_WORDS = frozenset({"данные", "информация", "сообщение"})  # "по данным X"
PRONOUNS = frozenset({"он", "она", "они"})
ROLE_LOOKBACK_PARAGRAPHS = 2  # "— сказал министр": the minister named at most this far back
SOURCE_LOOKBACK_SENTENCES = 4  # an unattributed paragraph of speech: its source this far back

Speaker = tuple[Optional[str], Optional[str]]


@dataclass
class Who:
    """The document's persons and organizations, indexed by mention offsets (built once)."""

    persons: list
    orgs: list
    person_at: SpanIndex  # items: (start, end, person)
    org_at: SpanIndex  # items: (start, end, organization)
    heads: dict  # id(person) -> title head lemmas
    by_last: dict  # lemma of the last word of a last name -> (its first person's place, the person)


def who(doc: Doc) -> Who:
    persons = doc.persons
    orgs = doc.organizations
    by_last: dict = {}
    for k, p in enumerate(persons):
        last = (p.name.last or "").split()
        if last:
            by_last.setdefault(lemma(last[-1]), (k, p))
    return Who(persons, orgs,
               SpanIndex([(m.start, m.end, p) for p in persons for m in p.mentions], key=_span_of),
               SpanIndex([(m.start, m.end, o) for o in orgs for m in o.mentions], key=_span_of),
               {id(p): _title_heads(p) for p in persons}, by_last)


def _span_of(item: tuple) -> tuple[int, int]:
    return item[0], item[1]


def speaker(doc: Doc, w: Who, raw: Raw, previous: Speaker) -> Speaker:
    if raw.speaker is not None:
        return raw.speaker.full_name, "person"
    attr = raw.attr
    if raw.contextual:
        attr = _source_before(doc, raw.start) or attr
    return _from_attribution(doc, w, attr, previous, raw.start)


def _source_before(doc: Doc, pos: int) -> Optional[tuple[int, int]]:
    """The sentence just before ``pos`` that names a source (a speech verb or ``по данным``)."""
    starts = [s.start for s in doc.sents]
    i = bisect.bisect_right(starts, pos) - 1
    for k in range(i, max(i - SOURCE_LOOKBACK_SENTENCES, -1), -1):
        sent = doc.sents[k]
        if sent.start >= pos:
            continue
        end = min(sent.end, pos)
        words = [m.group(0) for m in WORD_RE.finditer(doc.text, sent.start, end)]
        if any(is_speech_word(x) or lemma(x) in SOURCE_WORDS for x in words):
            return sent.start, end
    return None


def _from_attribution(doc: Doc, w: Who, attr: tuple[int, int], previous: Speaker,
                      quote_start: int) -> Speaker:
    a0, a1 = attr
    if a1 <= a0:
        return previous
    hits = w.person_at.overlapping(a0, a1)
    if hits:
        return hits[0][2].full_name, "person"
    words = [m.group(0) for m in WORD_RE.finditer(doc.text, a0, a1)]
    lemmas = [lemma(x) for x in words]
    named = [w.by_last[x] for x in set(lemmas) if x in w.by_last]  # the first person whose last name is there
    if named and any(x[:1].isupper() for x in words):
        return min(named, key=lambda pair: pair[0])[1].full_name, "person"
    if any(x.lower() in PRONOUNS for x in words[:4]):
        # the person last named before the quote in its paragraph, else the previous speaker
        para_start = doc.text.rfind("\n", 0, quote_start) + 1
        named = w.person_at.within(para_start, quote_start)
        if named:
            return max((end, p.full_name) for _, end, p in named)[1], "person"
        if previous[0] is not None:
            return previous
        for _ in range(ROLE_LOOKBACK_PARAGRAPHS):  # the person named last in the paragraphs before
            para_start = doc.text.rfind("\n", 0, max(para_start - 1, 0)) + 1
            named = w.person_at.within(para_start, quote_start)
            if named:
                return max((end, p.full_name) for _, end, p in named)[1], "person"
            if para_start == 0:
                break
    role = by_role(doc, w, set(lemmas), quote_start)
    if role is not None:
        return role.full_name, "person"
    orgs = w.org_at.overlapping(a0, a1)
    if orgs:
        return _fullest(orgs[0][2], w.orgs).name, "organization"
    if not w.persons:
        for span in doc.ner_overlapping(a0, a1):
            if span.type == "PER":
                return span.text, "person"
    if set(lemmas) & ORG_WORDS:
        return None, "organization"
    return None, None


def _fullest(org, orgs: list):
    """A short mention (``минэкологии``) as the document's fuller organization it abbreviates
    (``Министерство экологии Сахалинской области``), when exactly one such is named."""
    name = org.name.lower()
    abbr = (org.abbreviation or "").lower()
    longer = [o for o in orgs if o is not org and len(o.name) > len(org.name)
              and (o.name.lower().startswith(name) or abbr and (o.abbreviation or "").lower().startswith(abbr))]
    return longer[0] if len(longer) == 1 else org


@functools.cache
def _titles() -> frozenset:
    """Head titles (``министр``, ``губернатор``...) from the shared titles list, as lemmas."""
    return frozenset(lemma(line) for line in resources.lines("titles.txt")
                     if not line.startswith("@") and " " not in line.strip())


def _title_heads(person) -> set[str]:
    return {lemma(w) for q in person.positions for w in q.title.split()}  # "чрезвычайный и полномочный посол"


def by_role(doc: Doc, w: Who, lemmas: set[str], quote_start: int, titled_only: bool = False):
    """``— сказал министр``: a person named before the quote, nearest first.

    The quote's own paragraph is searched before the previous ones (at most
    ROLE_LOOKBACK_PARAGRAPHS back); inside each, a person holding that title
    comes first, else (unless ``titled_only``) the person named last.
    """
    roles = lemmas & _titles()
    if not roles:
        return None
    end = quote_start
    for _ in range(ROLE_LOOKBACK_PARAGRAPHS + 1):
        start = doc.text.rfind("\n\n", 0, max(end - 1, 0)) + 1
        named = sorted(((e, p) for _, e, p in w.person_at.within(start, end)), key=lambda x: -x[0])
        titled = [p for _, p in named if roles & w.heads[id(p)]]
        if titled or named and not titled_only:
            return (titled or [named[0][1]])[0]
        if start <= 1:
            break
        end = start
    return None
