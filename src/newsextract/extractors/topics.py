"""Topics from a taxonomy of lemma key phrases."""

from __future__ import annotations

from typing import Optional

from ..doc import Doc
from ..records import Topic


def load_taxonomy(path: Optional[str] = None):
    return None


def extract(doc: Doc, taxonomy=None) -> list[Topic]:
    return []
