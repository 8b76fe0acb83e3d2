"""Normal forms of organization names (``Министерства экономического развития`` -> nominative)."""

from __future__ import annotations

import re

from ..doc import Doc, Token
from ..nlp.grammar import is_abbr, is_word, join, nominative_tokens, parses

ORDINAL_RE = re.compile(r"^(\d+)-(?:го|й|я|е|ой|ого|ому|ым|ом|ая|ую|ое|ых|м)$")
QUOTE_OPEN = ("«", '"', "“", "„")
ORDINAL_ENDS = {"masc": "й", "femn": "я", "neut": "е"}


def _gender(tok: Token) -> str:
    return next((p.tag.gender for p in parses(tok)[:2] if p.tag.POS == "NOUN" and p.tag.gender), "masc")


def _head_index(toks: list[Token]) -> int:
    """Index of the head noun in an organization span (first noun outside quotes)."""
    for i, tok in enumerate(toks):
        if tok.text in ("«", '"', "“"):
            return -1
        if not is_word(tok):
            continue
        ps = parses(tok)
        if any(p.tag.POS == "NOUN" for p in ps[:2]) and not is_abbr(tok):
            return i
        if is_abbr(tok):
            return -1
    return -1


def normal_name(doc: Doc, toks: list[Token]) -> str:
    """``Министерства экономического развития`` -> ``Министерство экономического развития``."""
    while toks and not is_word(toks[0]) and toks[0].text not in ("«", '"') and not ORDINAL_RE.match(toks[0].text):
        toks = toks[1:]
    if not toks:
        return ""
    head = _head_index(toks)
    quoted = toks[0].start > 0 and doc.text[toks[0].start - 1] in QUOTE_OPEN  # «Известиям» -> «Известия»
    words = nominative_tokens(toks, head, plural_ok=quoted) if head >= 0 else [t.text for t in toks]
    if head > 0 and ORDINAL_RE.match(toks[0].text):  # ``15-го Региона`` -> ``15-й Регион``
        words[0] = ORDINAL_RE.match(toks[0].text).group(1) + "-" + ORDINAL_ENDS.get(_gender(toks[head]), "й")
    name = join(doc.text, toks, words)
    if name[:1].islower() and not is_abbr(toks[0]):
        name = name[:1].upper() + name[1:]
    return name


def span_name(doc: Doc, start: int, end: int) -> str:
    return normal_name(doc, doc.tokens_in(start, end))
