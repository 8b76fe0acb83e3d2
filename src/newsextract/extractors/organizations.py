"""Organizations: NER spans plus rules, normalized, with abbreviations (see ``newsextract.people.orgs``)."""

from __future__ import annotations

from ..doc import Doc
from ..people.orgs import extract, find_orgs

__all__ = ["extract", "find_orgs", "Doc"]
