"""Persons with normalized names and their positions."""

from __future__ import annotations

from ..doc import Doc
from ..records import Person


def extract(doc: Doc) -> list[Person]:
    return []
