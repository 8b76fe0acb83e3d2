"""Interviews: answers after questions, the question never being the answerer's quote.

Two layouts:

* **dash paragraphs** with no attribution: ``— Вопрос?`` / ``— Ответ.`` — the
  first such paragraph with a ``?`` opens the interview, the paragraph after a
  question is an answer, and a dash paragraph after an answer is a question
  when it asks something (``?``), else the answer goes on;
* **labels**: ``Корр.: ...?`` / ``Вопрос: ...`` lines are questions, ``Ответ: ...``
  and ``И. Петров: ...`` lines (a person named in the label) answers.

The answers are the interviewee's: the person a question addresses by name
(``— Елена Станиславовна, ...``), else the person named most often before the
first question (the latest of equals).
"""

from __future__ import annotations

import re
from typing import Optional

from ..doc import Doc, SpanIndex
from .shapes import MIN_QUOTE_WORDS, WORD_RE, Line, Raw, lemma, lines, trim

QUESTION_LABELS = frozenset({"корр", "корреспондент", "вопрос", "журналист", "интервьюер", "ведущий",
                             "редакция"})
ANSWER_LABELS = frozenset({"ответ"})
LABEL_RE = re.compile(r"[ \t]*(?:[—–-][ \t]*)?([А-ЯЁA-Z][\w. -]{0,40}?)[ \t]*:[ \t]+(?=\S)")
LABEL_MAX_WORDS = 4
ADDRESS_WINDOW = 40  # a question's first characters where it addresses the interviewee by name


def _interviewee(doc: Doc, at: SpanIndex, questions: list[Line]) -> Optional[object]:
    for q in questions:
        for _, e, p in at.within(q.start, q.start + ADDRESS_WINDOW):
            if doc.text[e:e + 1] == ",":
                return p
    first = questions[0].start
    before = at.within(0, first)
    if not before:
        return None
    counts: dict[int, list] = {}
    for s, _, p in before:
        counts.setdefault(id(p), [0, 0, p])
        counts[id(p)][0] += 1
        counts[id(p)][1] = s
    return max(counts.values(), key=lambda c: (c[0], c[1]))[2]


def _dash_layout(bare: list[Line]) -> tuple[list[Line], list[Line]]:
    questions, answers = [], []
    state = None
    for line in bare:
        asks = "?" in line.text
        if asks and state != "q":
            questions.append(line)
            state = "q"
        elif state is not None:
            answers.append(line)
            state = "a"
    return questions, answers


def _label(text: str, line: Line) -> Optional[tuple[str, int]]:
    m = LABEL_RE.match(text, line.start, line.end)
    if not m or len(WORD_RE.findall(m.group(1))) > LABEL_MAX_WORDS:
        return None
    return m.group(1), m.end()


def answers(doc: Doc, bare: list[Line], at: SpanIndex) -> list[Raw]:
    """The answers of an interview, with the answerer fixed (``at``: person mentions by offsets)."""
    text = doc.text
    questions, answer_lines = _dash_layout(bare)
    pieces: list[tuple[Line, int, Optional[object]]] = [(a, a.start, None) for a in answer_lines]
    labelled_q: list[Line] = []
    for line in lines(text):
        found = _label(text, line)
        if found is None:
            continue
        label, body = found
        word = WORD_RE.findall(label)[0].lower()
        first = word if word in QUESTION_LABELS | ANSWER_LABELS else lemma(word)
        if first in QUESTION_LABELS:
            labelled_q.append(line)
        elif first in ANSWER_LABELS:
            pieces.append((line, body, None))
        else:
            named = [p for s, e, p in at.within(line.start, body)]
            if named:
                pieces.append((line, body, named[0]))
    questions = sorted(questions + labelled_q, key=lambda x: x.start)
    if not questions:
        return []
    speaker = _interviewee(doc, at, questions)
    out = []
    for line, body, who in sorted(pieces, key=lambda x: x[0].start):
        if line.start < questions[0].start:
            continue
        if body == line.start:  # a dash paragraph: skip the dash
            body = line.start + len(line.text) - len(line.text.lstrip()) + 1
        q0, q1 = trim(text, body, line.end)
        if len(WORD_RE.findall(text, q0, q1)) >= MIN_QUOTE_WORDS:
            out.append(Raw(q0, q1, (q0, q0), speaker=who or speaker))
    return out
