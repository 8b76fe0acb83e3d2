"""Persons with normalized names and their positions (see ``newsextract.people``)."""

from __future__ import annotations

from ..doc import Doc
from ..people.persons import extract

__all__ = ["extract", "Doc"]
