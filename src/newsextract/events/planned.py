"""Announced events: ``посетит``, ``планируется подписать``, ``пройдёт``, ``будет подписано``.

An event is planned when the tense-bearing word nearest its trigger (the
trigger itself first, then outwards within PLAN_WINDOW tokens of its clause) is
a word of intention (``планироваться``, ``намерен``, ``предстоять``) or a verb in
the future tense; a verb in the past or present tense (``состоялась``,
``проходит``) makes it held. A planned event is dated only by its own clause,
never by the publication date.
"""

from __future__ import annotations

from ..doc import Doc
from ..nlp import morph

PLAN_LEMMAS = frozenset({
    "планировать", "планироваться", "запланировать", "запланированный", "намереваться", "намеренный",
    "предстоять", "предстоящий", "собираться", "ожидаться", "предполагаться", "наметить", "намеченный",
    "намечаться", "готовиться", "обещать", "пообещать", "грядущий",
})
PLAN_WINDOW = 6  # tokens on each side of a trigger searched for its tense


def _tense(tok) -> str | None:
    """``plan``, ``futr``, ``held`` or None (no tense) for one token."""
    if PLAN_LEMMAS & (tok.lemmas or {tok.lemma}):
        return "plan"
    if not tok.text[:1].isalpha():
        return None
    tag = morph.parse(tok.text)[0].tag
    if tag.POS != "VERB":
        return None
    if "futr" in tag:
        return "futr"
    return "held"


def is_planned(doc: Doc, trigger: tuple[int, int], clause: tuple[int, int]) -> bool:
    toks = doc.tokens_in(*clause)
    inside = [k for k, t in enumerate(toks) if trigger[0] <= t.start < trigger[1]]
    if not inside:
        return False
    first, last = inside[0], inside[-1]
    order = list(range(first, last + 1))
    for d in range(1, PLAN_WINDOW + 1):
        order += [k for k in (first - d, last + d) if 0 <= k < len(toks)]
    for k in order:
        tense = _tense(toks[k])
        if tense is not None:
            return tense in ("plan", "futr")
    return False
