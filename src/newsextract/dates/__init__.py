"""Date expressions: a compiled grammar (``grammar``), closed word tables (``tables``),
normalization against the publication date (``resolve``), and the publication date
itself (``published``).

The stages: ``infer_published(doc)`` (``published``) and ``extract(doc)`` (``dates``).
"""

from __future__ import annotations

from ..doc import Doc, SpanIndex
from ..records import DateMention
from .grammar import Atom, scan
from .published import infer_published
from .resolve import Resolver, parse_published

__all__ = ["Atom", "Resolver", "extract", "find_dates", "infer_published", "parse_published", "scan"]


# Zones whose dates are not counted. Dates are counted in the page's own
# furniture (its stamp, timestamps, repeated headline): they are date expressions
# of the text like any other (menus above the headline too: the page title carries
# the date); not in tails of other articles, tickers, share buttons or photo credits.
SKIPPED_ZONES = frozenset({"photo_credit", "age_mark", "related", "share", "ticker", "cookie", "tags"})


def find_dates(doc: Doc) -> list[DateMention]:
    """Every date expression of ``doc`` outside skipped zones, normalized."""
    text = doc.text
    resolver = Resolver(doc)
    out: list[DateMention] = []
    skipped = SpanIndex([z for z in doc.zones if z.kind in SKIPPED_ZONES])
    for atom in scan(text):
        if atom.kind == "last":
            continue  # "за последние два года": a period up to now, not a calendar date (press convention)
        if any(z.start <= atom.start and atom.end <= z.end for z in skipped.overlapping(atom.start, atom.end)):
            continue
        fields = resolver.resolve(atom)
        if fields is None:
            continue
        out.append(DateMention(start=atom.start, end=atom.end, text=text[atom.start:atom.end], **fields))
    return out


extract = find_dates  # the ``dates`` stage
