"""Place names completed with their kind noun (``Западно-Казахстанская область``).

The nominative of a place name itself is ``nlp.grammar.nominative_phrase``
(words up to the head noun put in the nominative, agreement kept, a genitive
complement such as ``острова Сахалин`` left as written).
"""

from __future__ import annotations

from ..nlp.grammar import best_parse, inflect_word, nominative_phrase


def with_kind(text: str, kind: str, how: str) -> str:
    """A name completed with its kind noun: (``Западно-Казахстанской``, ``область``, ``adjective``)
    -> ``Западно-Казахстанская область``; (``Лаптевых``, ``море``, ``genitive``) -> ``Море Лаптевых``."""
    if how == "genitive":
        return f"{kind[:1].upper()}{kind[1:]} {text}"
    kind_parse = best_parse(kind.split()[-1], prefer_geo=False)  # федеральный округ: the noun
    gender = kind_parse.tag.gender if kind_parse is not None else None
    adj = best_parse(text, modifier=True)
    if adj is None or adj.tag.POS != "ADJF" or gender is None:
        return nominative_phrase(text)
    return f"{inflect_word(text, adj, {'nomn', 'sing', gender})} {kind}"
