"""Date expressions: a compiled grammar (``grammar``), closed word tables (``tables``)
and normalization against the publication date (``resolve``)."""

from __future__ import annotations

from ..doc import Doc
from ..records import DateMention
from .grammar import Atom, scan
from .resolve import Resolver, parse_published

__all__ = ["Atom", "Resolver", "find_dates", "parse_published", "scan"]


def find_dates(doc: Doc) -> list[DateMention]:
    """Every date expression of ``doc`` outside ignored zones, normalized."""
    text = doc.text
    resolver = Resolver(doc)
    out: list[DateMention] = []
    for atom in scan(text):
        if doc.is_ignored(atom.start, atom.end):
            continue
        fields = resolver.resolve(atom)
        if fields is None:
            continue
        out.append(DateMention(start=atom.start, end=atom.end, text=text[atom.start:atom.end], **fields))
    return out
