"""Organizations: NER spans plus rules, normalized, with abbreviations."""

from __future__ import annotations

from ..doc import Doc
from ..records import Organization


def extract(doc: Doc) -> list[Organization]:
    return []
