"""Events (meetings, agreements, invitations, visits, conferences, statements)."""

from __future__ import annotations

from ..doc import Doc
from ..records import Event


def extract(doc: Doc) -> list[Event]:
    return []
