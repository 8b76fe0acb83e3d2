"""Countries (ISO 3166-1) and other places (regions, cities)."""

from __future__ import annotations

from ..doc import Doc
from ..records import Country, Location


def extract(doc: Doc) -> list[Country]:
    return []


def extract_locations(doc: Doc) -> list[Location]:
    return []
