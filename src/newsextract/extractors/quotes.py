"""Direct speech with its speaker."""

from __future__ import annotations

from ..doc import Doc
from ..records import Quote


def extract(doc: Doc) -> list[Quote]:
    return []
