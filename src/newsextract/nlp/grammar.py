"""Small morphology helpers shared by positions and organizations."""

from __future__ import annotations

import re
from typing import Optional

from ..doc import Token
from . import morph

ABBR_RE = re.compile(r"^[A-ZА-ЯЁ]{2,}[A-ZА-ЯЁа-яё]*$")
PUNCT_STOP = {",", ".", ";", ":", "!", "?", "(", ")", "—", "–", "-", "«", "»", '"', "“", "”", "„"}


def is_word(tok: Token) -> bool:
    return tok.text[:1].isalpha()


def is_cap(tok: Token) -> bool:
    return tok.text[:1].isupper()


def is_abbr(tok: Token) -> bool:
    return bool(ABBR_RE.match(tok.text)) and tok.text[:2].isupper()


def parses(tok: Token) -> tuple:
    return morph.parse(tok.text)


def has_case(tok: Token, case: str, pos: tuple[str, ...] = ("NOUN", "ADJF", "PRTF", "NUMR", "NPRO")) -> bool:
    return any(p.tag.case == case and p.tag.POS in pos for p in parses(tok))


def is_gent(tok: Token) -> bool:
    ps = parses(tok)
    if ps and ps[0].tag.POS in ("PREP", "CONJ", "PRCL", "INTJ") and ps[0].score > 0.3:
        return False
    return has_case(tok, "gent")


def pos_of(tok: Token) -> Optional[str]:
    ps = parses(tok)
    return ps[0].tag.POS if ps else None


def is_verb(tok: Token) -> bool:
    ps = parses(tok)
    return bool(ps) and ps[0].tag.POS in ("VERB", "INFN", "GRND") and ps[0].score > 0.4


def is_prep(tok: Token) -> bool:
    ps = parses(tok)
    return bool(ps) and ps[0].tag.POS in ("PREP", "CONJ", "PRCL") and ps[0].score > 0.5


def nominative(tokens: list[Token], head: int, *, plural_ok: bool = False) -> list[str]:
    """Words of ``tokens`` with the agreeing group up to ``head`` put into the nominative.

    ``tokens[:head+1]`` are modifiers + the head noun; the rest (a genitive tail)
    is kept as written.
    """
    out = [t.text for t in tokens]
    head_tok = tokens[head]
    noun = None
    for p in parses(head_tok):
        if p.tag.POS == "NOUN":
            noun = p
            break
    if noun is None:
        return out
    number = "plur" if (plural_ok and noun.tag.number == "plur") else "sing"
    if noun.tag.case != "nomn" or noun.tag.number != number:
        form = noun.inflect({"nomn", number})
        if form is not None:
            out[head] = _case_like(head_tok.text, form.word)
    gender = noun.tag.gender or "masc"
    for i in range(head):
        tok = tokens[i]
        for p in parses(tok):
            if p.tag.POS in ("ADJF", "PRTF", "NUMR") or (p.tag.POS == "ADJF" and "Apro" in p.tag.grammemes):
                grams = {"nomn", number}
                if number == "sing" and p.tag.POS != "NUMR":
                    grams.add(gender)
                form = p.inflect(grams)
                if form is not None:
                    out[i] = _case_like(tok.text, form.word)
                break
    return out


def _case_like(template: str, word: str) -> str:
    parts_t, parts_w = template.split("-"), word.split("-")
    if len(parts_t) == len(parts_w):
        return "-".join(morph.match_case(t, w) for t, w in zip(parts_t, parts_w, strict=True))
    return morph.match_case(template, word)


def join(doc_text: str, tokens: list[Token], words: list[str]) -> str:
    """Join words with the original spacing between their tokens."""
    out = []
    for i, (tok, word) in enumerate(zip(tokens, words, strict=True)):
        if i:
            out.append(doc_text[tokens[i - 1].end:tok.start])
        out.append(word)
    return "".join(out)
