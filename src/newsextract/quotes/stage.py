"""Direct speech with its speaker.

Recognised shapes (the quote span is the quoted words, without dashes or «»):

* a paragraph led by a dash: ``— Слова. Ещё слова, — отметил X. — Продолжение.``
  gives ``Слова. Ещё слова`` (and ``Продолжение`` as a second quote of X);
* guillemets followed by an attribution: ``«Слова», — сказал X.``;
* guillemets after a colon and a speech verb: ``X отметил: «Слова».``
  (and ``По словам X, «...»``);
* an attribution inside guillemets splits them: ``«А, — сказал X. — Б»``.

An attribution needs a speech verb (``отметить``, ``сказать``, ``заявить``...)
right after the dash or before the colon: indirect speech (``отметил, что ...``)
and bare «» names (``ОАО «Газпром»``) are left out.

The speaker is the Person (``doc.persons``) with a mention inside the
attribution, else one whose last name appears there; ``он``/``она`` take the
previous quote's speaker; otherwise an Organization mention gives
``speaker_kind="organization"`` (``отметили в пресс-службе`` without a known
organization: speaker null, kind organization). When the persons stage gave
nothing at all, a PER span of ``doc.ner`` in the attribution is used as is.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Optional

from .. import resources
from ..doc import Doc, SpanIndex
from ..nlp import morph
from ..records import Quote

SPEECH_VERBS = frozenset("""
сказать говорить отметить отмечать заявить заявлять подчеркнуть подчеркивать добавить добавлять
пояснить пояснять сообщить сообщать рассказать рассказывать заметить замечать уточнить уточнять
указать указывать констатировать резюмировать подытожить признаться признаваться признать
напомнить напоминать ответить отвечать посетовать сетовать поделиться написать писать
процитировать прокомментировать комментировать объяснить объяснять высказаться акцентировать
предупредить предупреждать пообещать обещать уверить уверять утверждать говориться считать
подчеркиваться отмечаться сообщаться заверить заверять обратить воскликнуть продолжить
сказано
""".split())
ORG_WORDS = frozenset("""
пресс-служба служба министерство минэкологии правительство администрация ведомство сообщение
департамент управление компания пресс-релиз аппарат мэрия пресс-центр минприроды
""".split())
PRONOUNS = frozenset({"он", "она", "они"})
ROLE_LOOKBACK_PARAGRAPHS = 2  # "— сказал министр": the minister named at most this far back
DASH = "—–"
MIN_QUOTE_WORDS = 3

WORD_RE = re.compile(r"[\w-]+")
# ", — отметил" / "! — сказал": the punctuation-dash pair that starts an attribution
ATTR_DASH_RE = re.compile(rf"([,.!?…]?)\s*[{DASH}-]\s+(?=[\w])")


@dataclass
class _Raw:
    start: int
    end: int
    attr: tuple[int, int]  # attribution span


def _lemma(word: str) -> str:
    return morph.lemma(word) if word[:1].isalpha() else word.lower()


def _speech_at(text: str, pos: int, limit: int, words: int = 3) -> bool:
    """A speech verb among the first ``words`` words from ``pos``."""
    for i, m in enumerate(WORD_RE.finditer(text, pos, limit)):
        if i >= words:
            break
        if _lemma(m.group(0)) in SPEECH_VERBS or any(
                p.normal_form.replace("ё", "е") in SPEECH_VERBS for p in morph.parse(m.group(0))):
            return True
    return False


def _sentence_end(text: str, pos: int, limit: int) -> int:
    """End of the attribution: the first . ! ? (or a dash continuing the quote) after pos."""
    m = re.compile(rf"[.!?…](?=\s|$)|\s[{DASH}]\s").search(text, pos, limit)
    return m.start() if m else limit


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in DASH):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",:;." + DASH):
        end -= 1
    return start, end


def _split_attributed(text: str, start: int, end: int, attr_stop: int) -> list[_Raw]:
    """Quote pieces in ``[start, end)`` separated by ``, — verb X. —`` attributions.

    The last piece gets the attribution found after it (up to ``attr_stop``) or none.
    """
    out: list[_Raw] = []
    pos = start
    for m in ATTR_DASH_RE.finditer(text, start, end):
        if m.start() <= pos or not m.group(1) and text[m.start() - 1:m.start()] != " ":
            continue
        if not m.group(1):
            continue
        if not _speech_at(text, m.end(), end):
            continue
        attr_end = _sentence_end(text, m.end(), end)
        q0, q1 = _trim(text, pos, m.start() + (0 if m.group(1) in ",." else 1))
        if q1 > q0:
            out.append(_Raw(q0, q1, (m.end(), attr_end)))
        pos = attr_end + 1
        cont = re.compile(rf"\s*[{DASH}]\s+").match(text, pos)
        if not cont:
            pos = end
            break
        pos = cont.end()
    if pos < end:
        q0, q1 = _trim(text, pos, end)
        if q1 > q0:
            out.append(_Raw(q0, q1, (attr_stop, attr_stop)))
    return out


MID_DASH_RE = re.compile(rf"(?<=[.!?…])\s+[{DASH}-]\s+(?=[А-ЯЁA-Z«])")


def _mid_dash(text: str, lstart: int, lend: int) -> list[_Raw]:
    """``... сообщил, что ... . — Слова, — пояснил X.``: a dash quote opening inside a paragraph."""
    m = MID_DASH_RE.search(text, lstart, lend)
    if not m:
        return []
    pieces = _split_attributed(text, m.end(), lend, lend)
    return pieces if pieces and pieces[0].attr[0] < pieces[0].attr[1] else []


def _dash_paragraphs(text: str) -> list[_Raw]:
    out = []
    pos = 0
    for line in text.split("\n"):
        lstart = pos
        pos += len(line) + 1
        stripped = line.lstrip()
        if not stripped or stripped[0] not in DASH + "-" or len(stripped) < 3 or not stripped[1].isspace():
            out.extend(_mid_dash(text, lstart, lstart + len(line)))
            continue
        start = lstart + (len(line) - len(stripped)) + 1
        pieces = _split_attributed(text, start, lstart + len(line), lstart + len(line))
        # pieces after the last attribution inherit the previous speaker (handled by caller)
        if any(p.attr[0] < p.attr[1] for p in pieces):
            out.extend(pieces)
    return out


def _guillemets(text: str) -> list[tuple[int, int]]:
    """Top-level «...» spans (inner «» and „“ nest)."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "«":
            if depth == 0:
                start = i
            depth += 1
        elif ch == "»" and depth:
            depth -= 1
            if depth == 0:
                out.append((start, i + 1))
        elif ch == "\n" and depth:  # unbalanced: give up this one
            depth = 0
    return out


STRAIGHT_RE = re.compile(r'(?:^|(?<=[\s(:]))"([^"\n]+)"(?=[\s,.!?;:)]|$)', re.M)
NAMING_RE = re.compile(r"\bназва(?:л|ла|ли|в)\b(?:\s+[\w-]+){0,3}\s*$", re.I)


def _straight(text: str) -> list[tuple[int, int]]:
    """``"..."`` spans (ASCII quotes, as in koi8-r texts), outside guillemets."""
    return [(m.start(), m.end()) for m in STRAIGHT_RE.finditer(text)]


def _guillemet_quotes(text: str) -> list[_Raw]:
    out = []
    spans = sorted(set(_guillemets(text)) | set(_straight(text)))
    for g0, g1 in spans:
        inner0, inner1 = g0 + 1, g1 - 1
        if len(WORD_RE.findall(text, inner0, inner1)) < MIN_QUOTE_WORDS:
            continue
        line_end = text.find("\n", g1)
        line_end = len(text) if line_end == -1 else line_end
        after = re.compile(rf"[,.!?…]?\s*[{DASH}-]\s+").match(text, g1)
        if after and _speech_at(text, after.end(), line_end):
            attr = (after.end(), _sentence_end(text, after.end(), line_end))
            pieces = _split_attributed(text, inner0, inner1, inner1)
            for p in pieces:
                if p.attr[0] == p.attr[1]:
                    p.attr = attr
            out.extend(pieces)
            continue
        line_start = text.rfind("\n", 0, g0) + 1
        before = text[line_start:g0]
        colon = re.search(r":\s*$", before)
        sent_start = max(line_start, max((m.end() for m in re.finditer(r"[.!?…]\s", before)), default=line_start))
        if colon:
            head_start = sent_start
            words = list(WORD_RE.finditer(text, head_start, line_start + colon.start()))
            if any(_lemma(w.group(0)) in SPEECH_VERBS for w in words[-8:]):
                pieces = _split_attributed(text, inner0, inner1, inner1)
                for p in pieces:
                    if p.attr[0] == p.attr[1]:
                        p.attr = (head_start, line_start + colon.start())
                out.extend(pieces)
                continue
        naming = NAMING_RE.search(before)
        if naming and text[inner0:inner0 + 1].islower():  # назвал турнир «праздником дружбы»
            out.append(_Raw(inner0, inner1, (sent_start, line_start + naming.start())))
            continue
        m = re.search(r"по\s+словам\s+([^«,]{2,120}),\s*$", before, re.I)
        pieces = _split_attributed(text, inner0, inner1, inner1)
        if m:
            for p in pieces:
                if p.attr[0] == p.attr[1]:
                    p.attr = (line_start + m.start(1), line_start + m.end(1))
            out.extend(pieces)
        elif any(p.attr[0] < p.attr[1] for p in pieces):  # «А, — сказал X. — Б»
            out.extend(pieces)
    return out


def quote_spans(doc: Doc) -> list[tuple[int, int]]:
    """Spans of the direct speech of a document (no speakers): used by other stages."""
    return sorted((r.start, r.end) for r in _find(doc))


def _find(doc: Doc) -> list[_Raw]:
    raws = _dash_paragraphs(doc.text)
    taken = [(r.start, r.end) for r in raws]
    for r in _guillemet_quotes(doc.text):
        if any(s <= r.start < e for s, e in taken):
            continue
        raws.append(r)
    raws = [r for r in raws if not doc.is_ignored(r.start, r.end)]
    raws.sort(key=lambda r: r.start)
    return raws


def _overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


@dataclass
class _Who:
    """The document's persons and organizations, indexed by mention offsets (built once)."""

    persons: list
    orgs: list
    person_at: SpanIndex  # items: (start, end, person)
    org_at: SpanIndex  # items: (start, end, organization)
    heads: dict  # id(person) -> title head lemmas


def _who(doc: Doc) -> _Who:
    persons = doc.persons
    orgs = doc.organizations
    return _Who(persons, orgs,
                SpanIndex([(m.start, m.end, p) for p in persons for m in p.mentions], key=_span_of),
                SpanIndex([(m.start, m.end, o) for o in orgs for m in o.mentions], key=_span_of),
                {id(p): _title_heads(p) for p in persons})


def _span_of(item: tuple) -> tuple[int, int]:
    return item[0], item[1]


def _speaker(doc: Doc, who: _Who, attr: tuple[int, int], previous: tuple[Optional[str], Optional[str]],
             quote_start: int = 0) -> tuple[Optional[str], Optional[str]]:
    a0, a1 = attr
    if a1 <= a0:
        return previous
    hits = who.person_at.overlapping(a0, a1)
    if hits:
        return hits[0][2].full_name, "person"
    words = [w.group(0) for w in WORD_RE.finditer(doc.text, a0, a1)]
    lemmas = [_lemma(w) for w in words]
    for p in who.persons:
        last = (p.name.last or "").split()
        if last and _lemma(last[-1]) in lemmas and any(w[:1].isupper() for w in words):
            return p.full_name, "person"
    if any(w.lower() in PRONOUNS for w in words[:4]):
        # the person last named before the quote in its paragraph, else the previous speaker
        para_start = doc.text.rfind("\n", 0, quote_start) + 1
        named = who.person_at.within(para_start, quote_start)
        if named:
            return max((end, p.full_name) for _, end, p in named)[1], "person"
        if previous[0] is not None:
            return previous
    role = _by_role(doc, who, set(lemmas), quote_start)
    if role is not None:
        return role.full_name, "person"
    orgs = who.org_at.overlapping(a0, a1)
    if orgs:
        return _fullest(orgs[0][2], who.orgs).name, "organization"
    if not who.persons:
        for span in doc.ner:
            if span.type == "PER" and _overlaps(span.start, span.end, a0, a1):
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
    return frozenset(_lemma(line) for line in resources.lines("titles.txt")
                     if not line.startswith("@") and " " not in line.strip())


def _title_heads(person) -> set[str]:
    return {_lemma(q.title.split()[0]) for q in person.positions if q.title and q.title.split()}


def _by_role(doc: Doc, who: _Who, lemmas: set[str], quote_start: int):
    """``— сказал министр``: a person named before the quote, nearest first.

    The quote's own paragraph is searched before the previous ones (at most
    ROLE_LOOKBACK_PARAGRAPHS back); inside each, a person holding that title
    comes first, else the person named last.
    """
    roles = lemmas & _titles()
    if not roles:
        return None
    end = quote_start
    for _ in range(ROLE_LOOKBACK_PARAGRAPHS + 1):
        start = doc.text.rfind("\n\n", 0, max(end - 1, 0)) + 1
        named = sorted(((e, p) for _, e, p in who.person_at.within(start, end)), key=lambda x: -x[0])
        titled = [p for _, p in named if roles & who.heads[id(p)]]
        if titled or named:
            return (titled or [named[0][1]])[0]
        if start <= 1:
            break
        end = start
    return None


def extract(doc: Doc) -> list[Quote]:
    out: list[Quote] = []
    previous: tuple[Optional[str], Optional[str]] = (None, None)
    who = _who(doc)
    for raw in _find(doc):
        speaker, kind = _speaker(doc, who, raw.attr, previous, raw.start)
        if speaker is not None or kind is not None:
            previous = (speaker, kind)
        out.append(Quote(start=raw.start, end=raw.end, text=doc.text[raw.start:raw.end],
                         speaker=speaker, speaker_kind=kind))
    return out
