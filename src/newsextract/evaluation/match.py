"""Field-specific matchers built on ``metrics``: mentions with or without offsets, loose names."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Optional

from .metrics import Match, exact_span_match, greedy_match, overlap_span_match
from .normalize import head_word, norm, same_word, stems, words


def gold_spans(mentions: Sequence[dict] | None) -> list[tuple]:
    """Gold mention dicts -> ``(start, end, text)`` (start/end may be ``None``)."""
    return [(m.get("start"), m.get("end"), m.get("text") or "") for m in mentions or []]


def _same_text(a: tuple, b: tuple) -> bool:
    return norm(a[2]) == norm(b[2])


def _contains(a: tuple, b: tuple) -> bool:
    x, y = norm(a[2]), norm(b[2])
    return bool(x and y) and (x in y or y in x)


def mentions(gold: Sequence[tuple], pred: Sequence[tuple], offsets: bool, overlap: bool = False) -> Match:
    """Mentions by span (exact or overlap) or, without gold offsets, by text.

    Without offsets, exact mode pairs equal normalized texts (a multiset match) and
    overlap mode pairs texts where one contains the other.
    """
    if offsets:
        return overlap_span_match(gold, pred) if overlap else exact_span_match(gold, pred)
    return greedy_match(list(gold), list(pred), _contains if overlap else _same_text)


def same_person_title(g: tuple[str, str], p: tuple[str, str]) -> bool:
    """``(last name, title)`` pairs: last names inflection-equal and title heads inflection-equal."""
    return same_word(g[0], p[0]) and same_word(head_word(g[1]), head_word(p[1]))


def person_title_pairs(gold: Sequence[tuple[str, str]], pred: Sequence[tuple[str, str]]) -> Match:
    return greedy_match(sorted(set(gold)), sorted(set(pred)), same_person_title)


def title_norm(title: Optional[str]) -> str:
    """A title for strict comparison: normalized, no space after a dot (``и. о.`` = ``и.о.``)."""
    return re.sub(r"\.\s+", ".", norm(title))


def same_position(g: tuple[str, str], p: tuple[str, str]) -> bool:
    """``(last name, title)``: last names inflection-equal, titles equal."""
    return same_word(g[0], p[0]) and title_norm(g[1]) == title_norm(p[1])


def same_position_tail(g: tuple[str, str], p: tuple[str, str]) -> bool:
    """As ``same_position``, or the predicted title is the gold title plus a tail
    (``губернатор тюменской области`` for ``губернатор``)."""
    if not same_word(g[0], p[0]):
        return False
    gt, pt = title_norm(g[1]), title_norm(p[1])
    return bool(gt) and (pt == gt or pt.startswith(gt + " "))


def positions(gold: Sequence[tuple[str, str]], pred: Sequence[tuple[str, str]], tails: bool = False) -> Match:
    """Positions one-to-one: each gold position and each predicted one used at most once.

    Exact titles pair first; with ``tails`` a second pass pairs the rest by
    ``same_position_tail``. A person's title predicted twice counts once as found
    and once as a false hit.
    """
    first = greedy_match(list(gold), list(pred), same_position)
    if not tails:
        return first
    second = greedy_match(first.missed, first.false, same_position_tail)
    return Match(tp=first.tp + second.tp, missed=second.missed, false=second.false,
                 pairs=first.pairs + second.pairs)


def same_org(g: Any, p: Any) -> bool:
    """Loose organization equality on ``(name, abbreviation)``.

    Equal normalized names, equal abbreviations, one's abbreviation being the
    other's name, or the same set of crude word stems (order and case endings ignored).
    """
    gn, ga, pn, pa = norm(g[0]), norm(g[1]), norm(p[0]), norm(p[1])
    if gn and gn == pn:
        return True
    if ga and (ga == pa or ga == pn):
        return True
    if pa and pa == gn:
        return True
    return bool(stems(g[0])) and stems(g[0]) == stems(p[0])


def organizations(gold: Sequence[tuple], pred: Sequence[tuple]) -> Match:
    return greedy_match(list(dict.fromkeys(gold)), list(dict.fromkeys(pred)), same_org)


def same_name(a: str | None, b: str | None) -> bool:
    """Person names: equal when both empty, else their last words inflection-equal."""
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return not wa and not wb
    return same_word(wa[-1], wb[-1])


def same_key(g: tuple[str, str], p: tuple[str, str]) -> bool:
    """``(type, key)`` pairs: equal types, keys inflection-equal."""
    return g[0] == p[0] and same_word(g[1], p[1])


def keyed(gold: Sequence[tuple[str, str]], pred: Sequence[tuple[str, str]]) -> Match:
    return greedy_match(sorted(set(gold)), sorted(set(pred)), same_key)
