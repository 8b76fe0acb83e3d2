"""The shapes of direct speech: where a quote is and which words attribute it.

Each finder gives ``Raw`` quotes: the quoted words (without dashes or quotation
marks) and the attribution span the speaker is read from (empty: the speaker
is taken from the context, see ``speakers``).

* **Dash paragraphs**: ``— Слова, — отметил X. — Ещё слова.``; a dash
  paragraph with no attribution of its own is speech when the line before
  introduces it (``Иван Петров сказал:``), an interview answer when it follows a
  question (``interview``), else not a quote.
* **Marked speech** (``«»``, ``„“``, ``"..."``, see ``marks``): followed by an
  attribution (``«...», — сказал X``, ``"...", - сообщил X``, ``"...", сказал X``),
  introduced by a colon (``X подчеркнул: «...»``, ``Глава региона Иван Петров:``
  on the line before), after ``по словам X,``, split by an attribution inside
  (``«А, — сказал X. — Б»``), a lowercase fragment in a sentence with a speech
  verb (``отметил, что выставка «объединяет историю ...»``), or a paragraph of
  speech of its own (opening its paragraph, with sentences inside; the speaker
  from the source named before).
* **Labelled speech**: ``Гендиректор фонда Иван Петров:`` alone on a line, the
  next line is his speech.

Quoted names of things (``«Газпром»``, ``"Чистая вода"``) have no attribution,
no sentence inside and fewer than MIN_QUOTE_WORDS words: they are not quotes.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Optional

from .. import resources
from ..doc import Doc, SpanIndex
from ..nlp import morph
from .marks import Marked, hard_wrapped

# Nouns that introduce speech after a colon (``задаёт вопрос: «...»``).
SPEECH_NOUNS = frozenset({"вопрос", "слово", "словам", "заявление", "обращение"})
DASH = "—–"
MIN_QUOTE_WORDS = 3
COLON_LOOKBACK_WORDS = 8  # a speech verb this close before the colon introduces the speech
LABEL_MAX_WORDS = 8  # "Гендиректор фонда Иван Петров:" — a label line, not a sentence

WORD_RE = re.compile(r"[\w-]+")
# ", — отметил" / "! — сказал": the punctuation-dash pair that starts an attribution
ATTR_DASH_RE = re.compile(rf"([,.!?…]?)\s*[{DASH}-]\s+(?=[\w])")
# after a closing mark: ", — сказал", "! - сообщил", ", сказал"
AFTER_MARK_RE = re.compile(rf"(?:[,.!?…]?\s*[{DASH}-]|,)\s+(?=\w)")
MID_DASH_RE = re.compile(rf"(?<=[.!?…])\s+[{DASH}-]\s+(?=[А-ЯЁA-Z«])")
NAMING_RE = re.compile(r"\bназва(?:л|ла|ли|в)\b(?:\s+[\w-]+){0,3}\s*$", re.I)
PO_SLOVAM_RE = re.compile(r"по\s+словам\s+([^«\",]{2,120}),\s*$", re.I)
FINITE_POS = frozenset({"VERB", "ADJS"})
INNER_SENTENCE_RE = re.compile(r"[.!?…](?:\s|$)")


@dataclass
class Raw:
    start: int
    end: int
    attr: tuple[int, int]  # attribution span (empty: from the context)
    speaker: Optional[object] = None  # a Person fixed by the layout (interview answers)
    contextual: bool = False  # no attribution: the speaker is the source named before


def lemma(word: str) -> str:
    return morph.lemma(word) if word[:1].isalpha() else word.lower()


def speech_verbs() -> frozenset[str]:
    """Lemmas that attribute direct speech (``сказал``, ``отметила``, ``уверен``): ``data/speech_verbs.txt``."""
    return resources.word_set("speech_verbs.txt")


def is_speech_word(word: str) -> bool:
    if lemma(word) in speech_verbs():
        return True
    return any(p.normal_form.replace("ё", "е") in speech_verbs() for p in morph.parse(word))


def speech_at(text: str, pos: int, limit: int, words: int = 3) -> bool:
    """A speech verb among the first ``words`` words from ``pos``."""
    for i, m in enumerate(WORD_RE.finditer(text, pos, limit)):
        if i >= words:
            break
        if is_speech_word(m.group(0)):
            return True
    return False


def sentence_end(text: str, pos: int, limit: int) -> int:
    """End of the attribution: the first . ! ? (or a dash continuing the quote) after pos."""
    m = re.compile(rf"[.!?…](?=\s|$)|\s[{DASH}]\s").search(text, pos, limit)
    return m.start() if m else limit


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in DASH + '«„“"'):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",:;." + DASH):
        end -= 1
    return start, end


def split_attributed(text: str, start: int, end: int, attr_stop: int) -> list[Raw]:
    """Quote pieces in ``[start, end)`` separated by ``, — verb X. —`` attributions.

    The last piece gets the attribution found after it (up to ``attr_stop``) or none.
    """
    out: list[Raw] = []
    pos = start
    for m in ATTR_DASH_RE.finditer(text, start, end):
        if m.start() <= pos or not m.group(1):
            continue
        if not speech_at(text, m.end(), end):
            continue
        attr_end = sentence_end(text, m.end(), end)
        q0, q1 = trim(text, pos, m.start() + (0 if m.group(1) in ",." else 1))
        if q1 > q0:
            out.append(Raw(q0, q1, (m.end(), attr_end)))
        pos = attr_end + 1
        cont = re.compile(rf"\s*[{DASH}]\s+").match(text, pos)
        if not cont:
            pos = end
            break
        pos = cont.end()
    if pos < end:
        q0, q1 = trim(text, pos, end)
        if q1 > q0:
            out.append(Raw(q0, q1, (attr_stop, attr_stop)))
    return out


def attributed(pieces: list[Raw]) -> bool:
    return any(p.attr[0] < p.attr[1] for p in pieces)


def _with_attr(pieces: list[Raw], attr: tuple[int, int]) -> list[Raw]:
    for p in pieces:
        if p.attr[0] == p.attr[1]:
            p.attr = attr
    return pieces


@dataclass
class Line:
    start: int
    end: int
    text: str


def lines(text: str) -> list[Line]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append(Line(pos, pos + len(line), line))
        pos += len(line) + 1
    return out


def is_dash_line(line: Line) -> bool:
    s = line.text.lstrip()
    return len(s) >= 3 and s[0] in DASH + "-" and s[1].isspace()


def person_index(doc: Doc) -> SpanIndex:
    """The persons stage's mentions by offsets: ``(start, end, person)``."""
    return SpanIndex([(m.start, m.end, p) for p in doc.persons for m in p.mentions],
                     key=lambda x: (x[0], x[1]))


def introduces(doc: Doc, start: int, end: int, person_at: SpanIndex) -> bool:
    """``[start, end)`` ending with a colon introduces speech: a speech word among its last
    words, or a short label naming a person (``Глава региона Иван Петров:``)."""
    text = doc.text
    stripped = text[start:end].rstrip()
    if not stripped.endswith(":"):
        return False
    words = [m.group(0) for m in WORD_RE.finditer(text, start, start + len(stripped))]
    if any(is_speech_word(w) or w.lower() in SPEECH_NOUNS for w in words[-COLON_LOOKBACK_WORDS:]):
        return True
    return 0 < len(words) <= LABEL_MAX_WORDS and bool(person_at.within(start, start + len(stripped)))


def _previous_line(all_lines: list[Line], k: int) -> Optional[Line]:
    for j in range(k - 1, -1, -1):
        if all_lines[j].text.strip():
            return all_lines[j]
    return None


def covered(spans: list[Marked], pos: int) -> bool:
    """``pos`` inside one of the (non-overlapping, sorted) top-level quoted spans."""
    i = bisect.bisect_right(spans, pos, key=lambda s: s.start) - 1
    return i >= 0 and spans[i].start < pos < spans[i].end


def _mid_dash(text: str, line: Line, spans: list[Marked]) -> list[Raw]:
    """``... сообщил, что ... . — Слова, — пояснил X.``: a dash quote opening inside a paragraph
    (not inside quotation marks: ``«А, — сказал X. — Б»`` is split with the marks)."""
    m = MID_DASH_RE.search(text, line.start, line.end)
    if not m or covered(spans, m.start()):
        return []
    pieces = split_attributed(text, m.end(), line.end, line.end)
    return pieces if pieces and pieces[0].attr[0] < pieces[0].attr[1] else []


def dash_paragraphs(doc: Doc, spans: list[Marked], person_at: SpanIndex) -> tuple[list[Raw], list[Line]]:
    """Attributed dash paragraphs, and the dash paragraphs left without an attribution."""
    text = doc.text
    out: list[Raw] = []
    bare: list[Line] = []
    all_lines = lines(text)
    for k, line in enumerate(all_lines):
        if not is_dash_line(line):
            out.extend(_mid_dash(text, line, spans))
            continue
        start = line.start + (len(line.text) - len(line.text.lstrip())) + 1
        pieces = split_attributed(text, start, line.end, line.end)
        if attributed(pieces):
            out.extend(pieces)
            continue
        prev = _previous_line(all_lines, k)
        if prev is not None and not is_dash_line(prev) and introduces(doc, prev.start, prev.end, person_at):
            out.extend(_with_attr(pieces, (prev.start, prev.end)))
            continue
        bare.append(line)
    return out, bare


def labelled(doc: Doc, person_at: SpanIndex) -> list[Raw]:
    """``Гендиректор фонда Иван Петров:`` alone on a line: the next line is his speech."""
    out = []
    all_lines = lines(doc.text)
    for k, line in enumerate(all_lines[:-1]):
        if not line.text.rstrip().endswith(":") or is_dash_line(line):
            continue
        nxt = next((all_lines[j] for j in range(k + 1, len(all_lines)) if all_lines[j].text.strip()), None)
        if nxt is None or nxt.text.lstrip()[:1] in DASH + '-«„“"' or is_dash_line(nxt):
            continue
        words = WORD_RE.findall(line.text)
        if len(words) > LABEL_MAX_WORDS or any(is_speech_word(w) for w in words):
            continue  # speech verbs before a colon introduce quoted speech, handled with the marks
        if not person_at.within(line.start, line.end):
            continue
        q0, q1 = trim(doc.text, nxt.start, nxt.end)
        if len(WORD_RE.findall(doc.text, q0, q1)) >= MIN_QUOTE_WORDS:
            out.append(Raw(q0, q1, (line.start, line.end)))
    return out


def _sentence_start(text: str, line_start: int, pos: int) -> int:
    before = text[line_start:pos]
    return line_start + max((m.end() for m in re.finditer(r"[.!?…]\s", before)), default=0)


def _predicate(word: str) -> bool:
    """A finite verb or a short adjective (``отметил``, ``уверен``), not a participle."""
    parses = morph.parse(word)
    return bool(parses) and parses[0].tag.POS in FINITE_POS


def _speech_clause(text: str, start: int, end: int) -> Optional[tuple[int, int]]:
    """The clause of a speech verb in ``[start, end)``: from ``start`` to the comma or
    ``что`` after the verb (``Как отметил глава региона,``)."""
    for m in WORD_RE.finditer(text, start, end):
        if is_speech_word(m.group(0)) and _predicate(m.group(0)):
            stop = re.compile(r",|\bчто\b").search(text, m.end(), end)
            return start, stop.start() if stop else end
    return None


def _marked_quote(doc: Doc, span: Marked, person_at: SpanIndex, wrapped: bool) -> list[Raw]:
    """The quotes of one quoted span, or none when nothing makes it speech."""
    text = doc.text
    inner0, inner1 = span.inner
    if len(WORD_RE.findall(text, inner0, inner1)) < MIN_QUOTE_WORDS:
        return []
    line_start = text.rfind("\n", 0, span.start) + 1
    line_end = text.find("\n\n" if wrapped else "\n", span.end)
    line_end = len(text) if line_end == -1 else line_end
    before_start = _sentence_start(text, line_start, span.start)
    opens_sentence = not text[before_start:span.start].strip()
    if span.closed:
        after = AFTER_MARK_RE.match(text, span.end)
        # a comma alone attributes only a quote that opens its sentence (not «Name», сообщает ...)
        dashed = after is not None and after.group(0).strip(" ,") != ""
        if after and (dashed or opens_sentence) and speech_at(text, after.end(), line_end):
            attr = (after.end(), sentence_end(text, after.end(), line_end))
            return _with_attr(split_attributed(text, inner0, inner1, inner1), attr)
    if introduces(doc, before_start, span.start, person_at):
        return _with_attr(split_attributed(text, inner0, inner1, inner1), (before_start, span.start))
    opens_paragraph = not text[line_start:span.start].strip()
    if opens_paragraph and line_start > 0:
        prev_start = text.rfind("\n", 0, max(line_start - 1, 0)) + 1
        if introduces(doc, prev_start, line_start - 1, person_at):
            return _with_attr(split_attributed(text, inner0, inner1, inner1), (prev_start, line_start - 1))
    before = text[line_start:span.start]
    naming = NAMING_RE.search(before)
    if naming and text[inner0:inner0 + 1].islower():  # назвал турнир «праздником дружбы»
        return [Raw(inner0, inner1, (before_start, line_start + naming.start()))]
    m = PO_SLOVAM_RE.search(before)
    pieces = split_attributed(text, inner0, inner1, inner1)
    if m:
        return _with_attr(pieces, (line_start + m.start(1), line_start + m.end(1)))
    if attributed(pieces):  # «А, — сказал X. — Б»
        return pieces
    if text[inner0:inner0 + 1].islower() and span.closed and text[span.start - 1:span.start] != "(":
        # отметил, что выставка «объединяет ...»
        clause = _speech_clause(text, before_start, span.start)
        if clause is not None:
            q0, q1 = trim(text, inner0, inner1)
            return [Raw(q0, q1, clause)]
    if opens_paragraph and INNER_SENTENCE_RE.search(text, inner0, inner1 + 1):
        return [Raw(p.start, p.end, p.attr, contextual=True) for p in pieces]
    return []


def marked(doc: Doc, spans: list[Marked], taken: list[tuple[int, int]], person_at: SpanIndex) -> list[Raw]:
    """Quotes in quotation marks; inside speech already found only when introduced by a colon."""
    out = []
    wrapped = hard_wrapped(doc.text)
    for span in spans:
        inside = any(s <= span.start < e for s, e in taken)
        for raw in _marked_quote(doc, span, person_at, wrapped):
            if inside and not doc.text[max(0, span.start - 8):span.start].rstrip().endswith(":"):
                continue
            out.append(raw)
    return out
