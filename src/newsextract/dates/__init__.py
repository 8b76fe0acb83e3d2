"""Date expressions: a compiled grammar (``grammar``), closed word tables (``tables``),
normalization against the publication date (``resolve``), and the publication date
itself (``published``).

The stages: ``infer_published(doc)`` (``published``) and ``extract(doc)`` (``dates``).
"""

from __future__ import annotations

from ..doc import Doc
from ..records import DateMention
from .grammar import Atom, scan
from .published import infer_published
from .resolve import Resolver, parse_published

__all__ = ["Atom", "Resolver", "extract", "find_dates", "infer_published", "parse_published", "scan"]


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


extract = find_dates  # the ``dates`` stage
