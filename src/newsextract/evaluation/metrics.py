"""Precision/recall/F1 counters and the matching schemes behind every field.

Every matcher returns a ``Match``: the number of true positives and the gold
items missed and predicted items that matched nothing, so that the report can
list errors. Matching is one-to-one and greedy in gold order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

G = TypeVar("G")
P = TypeVar("P")


@dataclass
class Score:
    """True positives, false positives and false negatives of one field."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def support(self) -> int:
        """Gold items (or judged items for accuracy fields)."""
        return self.tp + self.fn

    def add(self, other: Score | Match) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def as_dict(self) -> dict[str, Any]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn,
                "support": self.support}


@dataclass
class Match:
    """The outcome of matching gold against predicted items in one document."""

    tp: int = 0
    missed: list = field(default_factory=list)  # gold items not found
    false: list = field(default_factory=list)  # predicted items that match no gold
    pairs: list = field(default_factory=list)  # (gold, pred) matched

    @property
    def fp(self) -> int:
        return len(self.false)

    @property
    def fn(self) -> int:
        return len(self.missed)


def greedy_match(gold: Sequence[G], pred: Sequence[P], same: Callable[[G, P], bool]) -> Match:
    """One-to-one matching: each gold item takes the first unused predicted item it equals."""
    used = [False] * len(pred)
    result = Match()
    for g in gold:
        for i, p in enumerate(pred):
            if not used[i] and same(g, p):
                used[i] = True
                result.pairs.append((g, p))
                break
        else:
            result.missed.append(g)
    result.tp = len(result.pairs)
    result.false = [p for i, p in enumerate(pred) if not used[i]]
    return result


def multiset_match(gold: Iterable[Hashable], pred: Iterable[Hashable]) -> Match:
    """Multiset equality (mentions matched by text when gold has no offsets)."""
    g, p = Counter(gold), Counter(pred)
    common = g & p
    return Match(tp=sum(common.values()), missed=sorted((g - common).elements(), key=str),
                 false=sorted((p - common).elements(), key=str))


def set_match(gold: Iterable[Hashable], pred: Iterable[Hashable]) -> Match:
    """Set equality (document-level sets: ISO codes, topic ids, names)."""
    g, p = set(gold), set(pred)
    return Match(tp=len(g & p), missed=sorted(g - p, key=str), false=sorted(p - g, key=str),
                 pairs=[(x, x) for x in sorted(g & p, key=str)])


def spans_overlap(a: tuple, b: tuple) -> bool:
    """Spans are ``(start, end, ...)``; they overlap when they share a character."""
    return a[0] < b[1] and b[0] < a[1]


def spans_equal(a: tuple, b: tuple) -> bool:
    return a[0] == b[0] and a[1] == b[1]


def exact_span_match(gold: Sequence[tuple], pred: Sequence[tuple]) -> Match:
    """Spans equal by ``(start, end)``."""
    return greedy_match(sorted(set(gold)), sorted(set(pred)), spans_equal)


def overlap_span_match(gold: Sequence[tuple], pred: Sequence[tuple]) -> Match:
    """Spans matched one-to-one when they overlap."""
    return greedy_match(sorted(set(gold)), sorted(set(pred)), spans_overlap)


def accuracy(pairs: Iterable[tuple[G, P]], correct: Callable[[G, P], bool]) -> Match:
    """Accuracy over matched pairs as a ``Match``.

    A wrong answer is both a miss and a false hit; no answer (``None``) only a miss.
    """
    result = Match()
    for g, p in pairs:
        if correct(g, p):
            result.tp += 1
        elif p is None:
            result.missed.append(g)
        else:
            result.missed.append(g)
            result.false.append(p)
    return result


def tokens_in(tokens: Sequence[tuple[int, int]], spans: Iterable[tuple]) -> set[int]:
    """Indices of tokens lying inside any of the spans."""
    inside: set[int] = set()
    for span in spans:
        for i, (start, end) in enumerate(tokens):
            if start >= span[0] and end <= span[1]:
                inside.add(i)
    return inside


def token_match(tokens: Sequence[tuple[int, int, str]], gold: Iterable[tuple],
                pred: Iterable[tuple]) -> Match:
    """Token-level scoring as naeval does it: tokens inside gold spans vs inside predicted spans."""
    bounds = [(t[0], t[1]) for t in tokens]
    g, p = tokens_in(bounds, gold), tokens_in(bounds, pred)
    show = [(t[0], t[1], t[2]) for t in tokens]
    return Match(tp=len(g & p), missed=[show[i] for i in sorted(g - p)],
                 false=[show[i] for i in sorted(p - g)])
