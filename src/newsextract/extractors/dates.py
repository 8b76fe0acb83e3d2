"""Dates: find date expressions and normalize them to ISO values.

The grammar, tables and resolution live in ``newsextract.dates``.
"""

from __future__ import annotations

from ..dates import find_dates
from ..doc import Doc
from ..records import DateMention


def extract(doc: Doc) -> list[DateMention]:
    return find_dates(doc)
