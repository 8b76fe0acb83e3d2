"""Topics from a taxonomy of lemma key phrases.

The taxonomy (``data/topics.toml`` or a user's file with the same shape) lists
topics with an id, a Russian label, a parent and key phrases. All phrases of all
topics go into one :class:`~newsextract.nlp.matcher.PhraseMatcher` (a lemma trie), so
a document is scanned once whatever the size of the taxonomy.

Scoring
-------
Every match outside ignored zones (boilerplate, photo credits, repeated
captions, age marks) and outside the attribution clause is one piece of
evidence with a weight by position::

    headline 3.0, lead 2.0, first body sentence 1.5, other body text 1.0

times the strength of its phrase. A topic lists its phrases in three tiers:
``strong`` (specific terms that name the topic on their own: ``товарооборот``,
``инвентаризация парниковых газов``; x1.5), ``phrases`` (x1.0) and ``weak``
(generic words that only support other evidence: ``лес``, ``порт``; x0.4).
So one strong phrase in the headline, lead or first body sentence, or one
ordinary phrase in the headline or lead, passes the threshold; one phrase
deeper in the body does not (it needs company), and generic words alone pass
only when repeated in prominent places. A phrase inside a name (an organization's, a named event's such as
``ЭКСПО зелёных технологий``, a person's position such as ``министр туризма``)
or naming the parties present (``представители бизнеса, полиции``) weighs
``NAME_FACTOR`` of that. Words for audiences and settings (``школьники``,
``студенты``, ``река``, ``команда``) are weak words in the taxonomy.

Lists of fields of cooperation (``сотрудничество в области культуры и туризма``,
``в туристической и образовательной сферах``; see ``fields.py``) and sentences
saying what was discussed (``обсудили ...``, ``на тему «...»``) name topics: a
phrase there weighs ``FIELD_FACTOR`` / ``DISCUSSION_FACTOR`` more, so one
strong phrase in such a short list makes its topic; a field in a long
boilerplate list of every field weighs ``LONG_LIST_FACTOR`` less.

Repeats of the same phrase count less (the k-th repeat of one key phrase weighs
``w / k``): many distinct phrases say more than one phrase said many times.
The score saturates: ``score = 1 - exp(-W / saturation)`` with ``W`` the summed
weight (saturation 2.0 by default: one ordinary body mention scores 0.39, a
strong one 0.53, an ordinary headline mention 0.78). Topics scoring at least
``threshold`` (0.64 by default, ``W`` >= 2.04) and having at least
``relative_cut`` (0.15) of the best topic's ``W`` are kept, best first.

International cooperation (the taxonomy's ``foreign_country_topic``) is a
frame: when it is the only topic kept, the field it is about joins it, the
best by the weight of phrases outside names and long lists, from one strong
phrase in the body (``COMPANION_MIN``; see ``_companions``).

Weak words and names alone make no topic: a topic needs at least one ordinary
or strong phrase outside names (or a foreign country, or such a child). Words of
people's names are no evidence at all ("Путина"), nor are less likely readings
of a single word ("после" read as "посол"), bylines, datelines and site furniture.

Parents get credit from their children: a parent's ``W`` is its own weight
plus ``CHILD_CREDIT`` of each child's ``W`` (after the child's own
aggregation), so ``hydrogen`` evidence makes ``energy`` likelier without
forcing it; the evidence of a parent kept through that credit includes the
children's spans. A parent with no evidence of its own at all is kept only when
the credit alone reaches ``PARENT_ALONE`` x the threshold weight (a general
parent such as ``ecology`` is not implied by every wetland or forest).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Optional

from .. import resources
from ..doc import Doc, SpanIndex
from ..errors import TaxonomyError
from ..nlp.matcher import PhraseMatcher, phrase_lemmas
from ..records import Evidence, Topic
from .fields import field_tokens, party_spans

DEFAULT_THRESHOLD = 0.64  # set on press-dev and the corpus together
DEFAULT_SATURATION = 2.0
RELATIVE_CUT = 0.15  # a topic needs at least this share of the best topic's weight
MAX_TOPICS = 10
CHILD_CREDIT = 0.2
# A phrase inside a name (organization, named event, position title) says little of the topic.
NAME_FACTOR = 0.3
TIER_WEIGHTS = {"strong": 1.5, "phrases": 1.0, "weak": 0.4}
PARENT_OWN_MIN = 1.0  # own weight below this (a name, one generic word) is no own evidence
PARENT_ALONE = 3.0  # ... and such a parent needs this many times the threshold weight from its children
FOREIGN_WEIGHT = 0.5  # each counted mention of a foreign country (capped, see FOREIGN_CAP)
FOREIGN_CAP = 4.0
HOME_COUNTRY = "RU"
# A sentence naming the topics of talks ("затрагивались темы ...", "обсудили ...") lists topics:
# its evidence weighs DISCUSSION_FACTOR times more.
DISCUSSION_LEMMAS = frozenset({"тема", "тематика", "обсудить", "обсуждать", "обсуждение"})
DISCUSSION_FACTOR = 1.5
# A field in a short list of fields ("сотрудничество в сфере культуры и туризма", see fields.py)
# weighs FIELD_FACTOR times more: one specific term there makes a topic.
FIELD_FACTOR = 1.5
LONG_LIST_FACTOR = 0.5  # ... and a field in a long boilerplate list of every field weighs less
ZONE_WEIGHTS = {"headline": 3.0, "lead": 2.0}
FIRST_SENTENCE_WEIGHT = 1.5
# The frame topic (foreign_country_topic) kept alone takes along its best field with at least this weight.
COMPANION_MIN = 1.5
NOT_COUNTED_ZONES = frozenset({"attribution", "dateline", "byline", "related"})  # related: other articles
# A quoted name: «Вода России», "Чистая вода" (a programme, a project, an event)
# ... unless it is the title of a session after "на тему": then it says what was discussed.
THEME_BEFORE_RE = re.compile(r"\bтем(?:а|е|у|ы|ам|ами|ой|атик[аеиуой])\s*:?\s*"
                             r"(?:(?:«[^«»\n]{1,80}»|\"[^\"\n]{1,80}\")\s*(?:,|и)?\s*)*$", re.IGNORECASE)
THEME_WINDOW = 400  # characters before a quoted title searched for "на тему"
QUOTED_NAME_RE = re.compile(r"«[А-ЯЁA-Z][^«»\n.,!?]{1,60}»|\"[А-ЯЁA-Z][^\"\n.,!?]{1,60}\"|„[А-ЯЁA-Z][^„“\n.,!?]{1,60}“")


@dataclass
class TopicDef:
    id: str
    label: str
    parent: Optional[str] = None
    phrases: list[str] = field(default_factory=list)  # every tier
    strength: dict[str, float] = field(default_factory=dict)  # phrase -> tier weight


@dataclass
class Taxonomy:
    topics: dict[str, TopicDef]
    matcher: PhraseMatcher
    threshold: float = DEFAULT_THRESHOLD
    saturation: float = DEFAULT_SATURATION
    relative_cut: float = RELATIVE_CUT
    max_topics: int = MAX_TOPICS
    foreign_topic: Optional[str] = None
    single_words: frozenset = frozenset()  # lemma keys of one-word phrases


    def children(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for topic in self.topics.values():
            if topic.parent:
                out[topic.parent].append(topic.id)
        return out


def build_taxonomy(data: dict) -> Taxonomy:
    """A taxonomy from parsed TOML: ``[[topic]]`` tables (id, label, parent, phrases)."""
    _check_shape(data)
    topics: dict[str, TopicDef] = {}
    for entry in data.get("topic", []):
        tid = str(entry["id"]).strip()
        if not tid:
            raise ValueError("a topic without an id")
        if tid in topics:
            raise ValueError(f"duplicate topic id {tid!r}")
        topic = TopicDef(tid, str(entry.get("label") or tid), entry.get("parent") or None)
        for tier, factor in TIER_WEIGHTS.items():
            for phrase in entry.get(tier, []):
                phrase = str(phrase)
                if phrase not in topic.strength:
                    topic.phrases.append(phrase)
                topic.strength[phrase] = max(factor, topic.strength.get(phrase, 0.0))
        topics[tid] = topic
    for topic in topics.values():
        if topic.parent and topic.parent not in topics:
            raise ValueError(f"topic {topic.id!r} has unknown parent {topic.parent!r}")
    _check_cycles(topics)
    matcher = PhraseMatcher()
    single = set()
    for topic in topics.values():
        for phrase in topic.phrases:
            matcher.add(phrase, (topic.id, topic.strength[phrase]))
            key = phrase_lemmas(phrase)
            if len(key) == 1:
                single.add(key[0])
    foreign = data.get("foreign_country_topic") or None
    if foreign is not None and foreign not in topics:
        raise ValueError(f"foreign_country_topic {foreign!r} is not a topic")
    return Taxonomy(topics, matcher, float(data.get("threshold", DEFAULT_THRESHOLD)),
                    float(data.get("saturation", DEFAULT_SATURATION)),
                    float(data.get("relative_cut", RELATIVE_CUT)), int(data.get("max_topics", MAX_TOPICS)),
                    foreign, frozenset(single))


def _check_cycles(topics: dict[str, TopicDef]) -> None:
    for topic in topics.values():
        seen = {topic.id}
        parent = topic.parent
        while parent:
            if parent in seen:
                raise ValueError(f"parent cycle through topic {topic.id!r}")
            seen.add(parent)
            parent = topics[parent].parent


def load_taxonomy(path: Optional[str] = None) -> Taxonomy:
    """The packaged taxonomy, or a user's TOML file of the same shape (else ``TaxonomyError``)."""
    name = path or "topics.toml"
    try:
        data = resources.toml_file(path) if path else resources.toml("topics.toml")
    except OSError as exc:
        raise TaxonomyError(f"cannot read the taxonomy {name}: {exc.strerror or exc}") from exc
    except ValueError as exc:  # tomllib.TOMLDecodeError, UnicodeDecodeError
        raise TaxonomyError(f"the taxonomy {name} is not valid TOML: {exc}") from exc
    try:
        return build_taxonomy(data)
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise TaxonomyError(f"the taxonomy {name} has the wrong shape: {exc}") from exc


def _check_shape(data: dict) -> None:
    """``[[topic]]`` tables with a string ``id`` and lists of string phrases; at least one."""
    entries = data.get("topic")
    if not isinstance(entries, list) or not entries:
        raise ValueError("no [[topic]] tables (each with id, label, parent, phrases)")
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            raise ValueError("every [[topic]] needs a string id")
        for tier in TIER_WEIGHTS:
            phrases = entry.get(tier, [])
            if not isinstance(phrases, list) or not all(isinstance(x, str) for x in phrases):
                raise ValueError(f"topic {entry['id']!r}: {tier} must be a list of strings")
        if not any(entry.get(tier) for tier in TIER_WEIGHTS):
            raise ValueError(f"topic {entry['id']!r} has no phrases")


def _position_weight(doc: Doc, start: int, first_body_sent: Optional[int]) -> float:
    kind = doc.zone_kind(start)
    if kind in ZONE_WEIGHTS:
        return ZONE_WEIGHTS[kind]
    tok = doc.token_at(start)
    if tok is not None and first_body_sent is not None and tok.sent == first_body_sent:
        return FIRST_SENTENCE_WEIGHT
    return 1.0


def _first_body_sentence(doc: Doc) -> Optional[int]:
    for i, sent in enumerate(doc.sents):
        if doc.zone_kind(sent.start) in ("headline", "lead") or doc.is_ignored(sent.start, sent.end):
            continue
        return i
    return None


def _name_spans(doc: Doc) -> list[tuple[int, int]]:
    """Names of organizations (found or NER ORG), named events, quoted names of programmes
    (``«Вода России»``), position titles and parties present (``представители бизнеса``):
    phrases there are weak topic evidence."""
    spans = [(m.start, m.end) for o in doc.organizations for m in o.mentions]
    spans += [(n.start, n.end) for n in doc.named_events]
    spans += [(m.start, m.end) for person in doc.persons for p in person.positions for m in p.mentions]
    spans += [(n.start, n.end) for n in doc.ner if n.type == "ORG"]
    spans += [(m.start(), m.end()) for m in QUOTED_NAME_RE.finditer(doc.text) if not _is_theme(doc.text, m.start())]
    spans += party_spans(doc)
    return sorted(spans)


def _is_theme(text: str, start: int) -> bool:
    """A quoted title after ``на тему`` (``темы «Развитие туризма», «Логистика»``)."""
    return THEME_BEFORE_RE.search(text[max(0, start - THEME_WINDOW):start]) is not None


def _person_spans(doc: Doc) -> list[tuple[int, int]]:
    """People's names: no topic evidence at all ("Путина" is no fishing season)."""
    spans = [(n.start, n.end) for n in doc.ner if n.type == "PER"]
    spans += [(m.start, m.end) for p in doc.persons for m in p.mentions]
    return sorted(spans)


def _discussion_sentences(doc: Doc) -> set[int]:
    """Indexes of sentences that say what was discussed."""
    return {t.sent for t in doc.tokens if t.lemma in DISCUSSION_LEMMAS}


def _foreign_mentions(doc: Doc) -> list[tuple[int, int]]:
    """Counted mentions of countries other than Russia: evidence of international cooperation."""
    return [(m.start, m.end) for c in doc.countries if c.iso2 != HOME_COUNTRY
            for m in c.mentions
            if not doc.is_ignored(m.start, m.end) and doc.zone_kind(m.start) not in NOT_COUNTED_ZONES]


def _phrase_evidence(doc: Doc, taxonomy: Taxonomy, weight: dict, evidence: dict, solid: dict) -> None:
    first_body = _first_body_sentence(doc)
    names = SpanIndex(_name_spans(doc), key=lambda span: span)
    discussion = _discussion_sentences(doc)
    repeats: dict[tuple[str, str], int] = defaultdict(int)
    people = SpanIndex(_person_spans(doc), key=lambda span: span)
    fields = field_tokens(doc)
    for match in taxonomy.matcher.finditer(doc.tokens):
        start, end = doc.tokens[match.first].start, doc.tokens[match.last - 1].end
        if doc.is_ignored(start, end) or doc.zone_kind(start) in NOT_COUNTED_ZONES:
            continue
        if match.last - match.first == 1 and doc.tokens[match.first].lemma not in taxonomy.single_words:
            continue  # a less likely reading of one word: "после" is no "посол", "смогут" no "смог"
        if people.overlapping(start, end):
            continue
        w = _position_weight(doc, start, first_body)
        in_name = any(s <= start and end <= e for s, e in names.overlapping(start, end))
        field = fields.get(match.first)
        boilerplate = field is not None and not field.short
        if in_name:
            w *= NAME_FACTOR
        else:
            factor = 1.0 if field is None else FIELD_FACTOR if field.short else LONG_LIST_FACTOR
            if doc.tokens[match.first].sent in discussion:
                factor = max(factor, DISCUSSION_FACTOR)
            w *= factor
        strength: dict[str, float] = {}
        for tid, factor in match.payloads:
            strength[tid] = max(factor, strength.get(tid, 0.0))
        for tid, factor in strength.items():
            key = (tid, " ".join(t.lemma for t in doc.tokens[match.first:match.last]))
            repeats[key] += 1
            weight[tid] += w * factor / repeats[key]
            if not in_name and factor >= TIER_WEIGHTS["phrases"]:  # a long list's field: solid, of no weight
                solid[tid] += 0.0 if boilerplate else w * factor / repeats[key]
            evidence[tid].append((start, end))


def _country_evidence(doc: Doc, taxonomy: Taxonomy, weight: dict, evidence: dict, solid: dict) -> None:
    tid = taxonomy.foreign_topic
    if tid is None:
        return
    found = _foreign_mentions(doc)
    if found:
        w = min(FOREIGN_CAP, FOREIGN_WEIGHT * len(found))
        weight[tid] += w
        evidence[tid].extend(found)
        solid[tid] += w


def extract(doc: Doc, taxonomy: Optional[Taxonomy] = None) -> list[Topic]:
    """Topics of a document, best first, with their evidence spans."""
    if taxonomy is None:
        taxonomy = load_taxonomy()
    if not doc.tokens:
        return []
    weight: dict[str, float] = defaultdict(float)
    evidence: dict[str, list[tuple[int, int]]] = defaultdict(list)
    solid: dict[str, float] = defaultdict(float)  # weight of ordinary or strong evidence outside names
    _phrase_evidence(doc, taxonomy, weight, evidence, solid)
    _country_evidence(doc, taxonomy, weight, evidence, solid)
    total, spans = _aggregate(taxonomy, weight, evidence)
    children = taxonomy.children()
    for tid in list(total):  # weak words and names alone do not make a topic
        if tid not in solid and not any(c in solid for c in children.get(tid, [])):
            total[tid] = 0.0
    return _select(doc, taxonomy, total, spans, solid)


def _aggregate(taxonomy: Taxonomy, weight: dict, evidence: dict) -> tuple[dict, dict]:
    """Parents credited by their children (CHILD_CREDIT of the child's own total)."""
    total = dict(weight)
    spans = {tid: list(v) for tid, v in evidence.items()}
    children = taxonomy.children()
    needed = PARENT_ALONE * _threshold_weight(taxonomy)

    def aggregate(tid: str) -> float:
        own = weight.get(tid, 0.0)
        credit = 0.0
        for child in children.get(tid, []):
            w = aggregate(child)
            if w > 0:
                credit += CHILD_CREDIT * w
                spans.setdefault(tid, []).extend(spans.get(child, []))
        # a parent with no evidence of its own is not implied by a modest child
        total[tid] = own if own < PARENT_OWN_MIN and credit < needed else own + credit
        return own + credit

    for tid, topic in taxonomy.topics.items():
        if not topic.parent:
            aggregate(tid)
    return total, spans


def _threshold_weight(taxonomy: Taxonomy) -> float:
    """The summed weight at which a topic's score reaches the threshold."""
    return -taxonomy.saturation * math.log(1.0 - min(taxonomy.threshold, 0.999))


def _select(doc: Doc, taxonomy: Taxonomy, total: dict, spans: dict, solid: dict) -> list[Topic]:
    """Topics over the threshold and the relative cut, best first, at most ``max_topics``;
    the frame topic alone takes its best-supported field along (see ``_companions``)."""
    best = max(total.values(), default=0.0)
    kept = [tid for tid, w in total.items()
            if w > 0 and tid in taxonomy.topics and w >= taxonomy.relative_cut * best
            and _score(taxonomy, w) >= taxonomy.threshold]
    if kept and all(tid == taxonomy.foreign_topic for tid in kept):
        kept += _companions(taxonomy, total, solid, kept)
    out = []
    for tid in kept:
        topic = taxonomy.topics[tid]
        ev = [Evidence(start=s, end=e, text=doc.text[s:e]) for s, e in sorted(set(spans.get(tid, [])))]
        out.append(Topic(id=tid, label=topic.label, score=round(_score(taxonomy, total[tid]), 3),
                         parent=topic.parent, evidence=ev))
    out.sort(key=lambda t: (-t.score, t.id))
    return out[:taxonomy.max_topics]


def _score(taxonomy: Taxonomy, w: float) -> float:
    return 1.0 - math.exp(-w / taxonomy.saturation)


def _companions(taxonomy: Taxonomy, total: dict, solid: dict, kept: list[str]) -> list[str]:
    """The best-supported other topics (ties kept) when only the frame topic passed.

    International cooperation is a frame: mentions of foreign countries make it,
    and a cooperation item says what the cooperation is in (``растёт товарооборот``,
    ``обмен в сфере культуры и спорта``), often once, deep in the body. So when it
    is the only topic kept, its best field by the weight of ordinary or strong
    phrases outside names and outside long boilerplate lists joins it (ties
    too), if that weight is at least ``COMPANION_MIN`` (one strong phrase in
    the body): a phrase inside a name (``Агентство инвестиционного развития``)
    adds nothing to that rank.
    """
    others = {tid: solid.get(tid, 0.0) for tid, w in total.items() if tid not in kept and tid in taxonomy.topics
              and w > 0 and solid.get(tid, 0.0) >= COMPANION_MIN}
    if not others:
        return []
    top = max(others.values())
    return sorted(tid for tid, w in others.items() if w >= top - 1e-9)
