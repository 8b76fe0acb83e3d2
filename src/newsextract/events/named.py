"""Named events (``data/named_events.tsv``): ``СОР 29`` -> ``COP29``.

Each row is ``regex, name, type``; ``{1}`` in the name takes the first group
(numbers without leading zeros). Patterns run over the text and over a copy with
Cyrillic look-alike letters folded to Latin inside capitalised words (same
length, so offsets hold). Overlapping finds of one name keep the most specific.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from typing import Optional

from .. import resources

HOMOGLYPHS = str.maketrans("АВЕКМНОРСТХаеорсух", "ABEKMHOPCTXaeopcyx")


@functools.cache
def named_event_patterns() -> tuple[tuple[re.Pattern, str, str, bool, Optional[tuple[str, ...]]], ...]:
    """``(pattern, name, type, latin, needles)``; ``latin``: the pattern spells Latin letters,
    so it is also run over the folded text (a pattern of Cyrillic letters only finds less
    there); ``needles``: lower-case words one of which a match must contain (None: unknown)."""
    out = []
    for row in resources.tsv("named_events.tsv"):
        latin = re.search(r"(?<!\\)[A-Za-z]", re.sub(r"\\[A-Za-z]", "", row[0])) is not None
        out.append((re.compile(row[0], re.I), row[1], row[2] if len(row) > 2 else "conference", latin,
                    needles(row[0])))
    return tuple(out)


def _top_level(pattern: str, sep: str = "|") -> list[str]:
    """The pattern cut at ``|`` outside groups and classes."""
    parts, depth, cls, cur, i = [], 0, False, [], 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            cur.append(pattern[i:i + 2])
            i += 2
            continue
        if cls:
            cls = c != "]"
        elif c == "[":
            cls = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == sep and depth == 0:
            parts.append("".join(cur))
            cur = []
            i += 1
            continue
        cur.append(c)
        i += 1
    parts.append("".join(cur))
    return parts


def needles(pattern: str) -> Optional[tuple[str, ...]]:
    """For each top-level alternative of a regex, its longest run of plain letters outside
    escapes, classes, groups and optional or repeated characters (``петербургск\\w+\\s+форум``
    -> ``петербургск``): a text without any of them, lower-cased, cannot match. None when an
    alternative has no run of three letters."""
    out = []
    for alt in _top_level(pattern):
        plain = re.sub(r"\\.", " ", alt)
        while True:  # innermost groups and classes, until none is left
            cut = re.sub(r"\([^()]*\)|\[[^\]]*\]", " ", plain)
            if cut == plain:
                break
            plain = cut
        plain = re.sub(r".[?*{]", " ", plain)
        runs = re.findall(r"[^\W\d_]{3,}", plain)
        if not runs:
            return None
        out.append(max(runs, key=len).lower())
    return tuple(out)


# Words with two characters or more that may be capitals (word characters other than digits,
# ``_`` and lower-case Latin or Cyrillic letters): every word with two capitals is one of them.
_TWO_CAPITALS_MAYBE = re.compile(r"\b\w*[^\W\d_a-zа-яё]\w*[^\W\d_a-zа-яё]\w*")


def fold_homoglyphs(text: str) -> str:
    """Cyrillic look-alike letters to Latin inside words with two capitals or more (same length)."""
    def fold(m: re.Match) -> str:
        word = m.group(0)
        return word.translate(HOMOGLYPHS) if sum(c.isupper() for c in word) >= 2 else word
    return _TWO_CAPITALS_MAYBE.sub(fold, text)


@dataclass(frozen=True)
class NamedEvent:
    start: int
    end: int
    name: str
    type: str


def find_named_events(text: str) -> list[NamedEvent]:
    """Named events in a text, normalized (``СОР 29`` -> ``COP29``); overlaps keep the most specific."""
    folded = fold_homoglyphs(text)
    lower, folded_lower = text.lower(), None
    found: list[NamedEvent] = []
    for pattern, name, etype, latin, words in named_event_patterns():
        if words is not None and not any(w in lower for w in words):
            if not latin or folded == text:
                continue
            if folded_lower is None:
                folded_lower = folded.lower()
            if not any(w in folded_lower for w in words):
                continue
        for source in (text, folded) if latin and folded != text else (text,):
            for m in pattern.finditer(source):
                value = name
                if m.groups():
                    value = name.replace("{1}", str(int(m.group(1))) if m.group(1).isdigit() else m.group(1))
                found.append(NamedEvent(m.start(), m.end(), value, etype))
    # most specific first: names with digits, then longer spans
    found.sort(key=lambda n: (not any(c.isdigit() for c in n.name), -(n.end - n.start), n.start))
    kept: list[NamedEvent] = []
    spans: dict[str, list[tuple[int, int]]] = {}  # name -> its kept spans (never overlapping), sorted
    for n in found:
        same = spans.setdefault(n.name, [])
        at = bisect.bisect_left(same, (n.start, n.end))
        if at > 0 and same[at - 1][1] > n.start or at < len(same) and same[at][0] < n.end:
            continue  # overlaps a kept span of the same name
        same.insert(at, (n.start, n.end))
        kept.append(n)
    return sorted(kept, key=lambda n: n.start)


def extract(doc) -> list[NamedEvent]:
    """The ``named_events`` stage: the named events of ``doc.text`` (``doc.named_events``)."""
    return find_named_events(doc.text)


def closest_name(sent_named: list[NamedEvent], pos: int) -> Optional[str]:
    """The name for an event at ``pos``: names with numbers first, then the nearest."""
    if not sent_named:
        return None
    return min(sent_named, key=lambda n: (not any(c.isdigit() for c in n.name), abs(n.start - pos))).name
