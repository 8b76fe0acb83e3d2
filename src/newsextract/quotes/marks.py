"""Quotation marks: the top-level quoted spans of a text, in one linear pass.

* ``«»``, ``„“``, ``“”`` and straight ``"`` nest (``"... по программе "Чистая
  вода" ..."`` is one span: a straight quote opens after a space and closes
  before one, so the inner name's marks pair up with each other);
* a span runs over line breaks when the line breaks mid-sentence or the text is
  hard-wrapped (agency wire text) or the next paragraph opens with the same mark (a quote over
  several paragraphs: each paragraph opens, only the last one closes);
* a span still open where neither holds ends with its paragraph, unclosed (the
  text cut mid-quote, a lost closing mark).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENERS = "«„"
CLOSERS = "»”"
STRAIGHT = '"'
SENTENCE_END = ".!?…:;"
OPEN_CONTEXT = " \t\n([{:—–-/«„"  # a straight quote after one of these opens
MAX_SPAN = 4000  # a span longer than this is a lost mark, not speech
# The characters ``marked_spans`` acts on; the pass jumps from one to the next
_MARK_OR_BREAK = re.compile("[" + re.escape(OPENERS + CLOSERS + "“" + STRAIGHT) + "\n]")


@dataclass(frozen=True)
class Marked:
    start: int  # the opening mark
    end: int  # after the closing mark (or the end of the paragraph when unclosed)
    closed: bool

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + 1, self.end - 1 if self.closed else self.end


def _straight_opens(text: str, i: int, depth: int, top: str) -> bool:
    before = text[i - 1] if i else "\n"
    after = text[i + 1] if i + 1 < len(text) else "\n"
    if before in OPEN_CONTEXT and not after.isspace():
        return True
    if not before.isspace() and (after.isspace() or after in ",.!?;:)»…-—–"):
        return False
    return not (depth and top == STRAIGHT)


def hard_wrapped(text: str) -> bool:
    """Paragraphs apart by blank lines and lines broken mid-sentence inside them (agency wire text)."""
    lines = [line.rstrip() for line in text.split("\n")]
    inner = [a for a, b in zip(lines, lines[1:], strict=False) if a and b]
    broken = sum(1 for a in inner if a[-1] not in SENTENCE_END)
    return "\n\n" in text and len(inner) >= 3 and broken * 2 >= len(inner)


def _line_continues(text: str, nl: int, first_mark: str, wrapped: bool) -> tuple[bool, int]:
    """At a line break inside a span: does the span go on, and where (skipping a repeated opener)."""
    j = nl
    while j < len(text) and text[j].isspace():
        j += 1
    if j >= len(text):
        return False, j
    if text[j] == first_mark or text[j] in OPENERS and first_mark in OPENERS:
        return True, j + 1  # the next paragraph of a quote over several
    k = nl - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    blank = "\n" in text[nl + 1:j]
    if not blank and (wrapped or k >= 0 and text[k] not in SENTENCE_END and text[j].isalnum()
                      or text[j].islower()):
        return True, nl + 1  # a hard-wrapped line
    return False, nl


def marked_spans(text: str) -> list[Marked]:
    """Top-level quoted spans of ``text`` in text order."""
    out: list[Marked] = []
    stack: list[str] = []
    start = 0
    i = 0
    n = len(text)
    wrapped = hard_wrapped(text)
    while i < n:
        found = _MARK_OR_BREAK.search(text, i)  # any other character changes nothing
        if found is None:
            break
        i = found.start()
        ch = text[i]
        if ch in OPENERS or ch == "“" and (not stack or stack[-1] != "„") or \
                ch == STRAIGHT and _straight_opens(text, i, len(stack), stack[-1] if stack else ""):
            if not stack:
                start = i
            stack.append(ch)
        elif stack and (ch in CLOSERS or ch in "“" + STRAIGHT):
            stack.pop()
            if not stack:
                if i + 1 - start <= MAX_SPAN:
                    out.append(Marked(start, i + 1, True))
        elif ch == "\n" and stack:
            goes_on, nxt = _line_continues(text, i, stack[0], wrapped)
            if goes_on and i - start <= MAX_SPAN:
                i = nxt
                continue
            out.append(Marked(start, i, False))
            stack = []
        i += 1
    if stack and n - start <= MAX_SPAN:
        out.append(Marked(start, n, False))
    return out
