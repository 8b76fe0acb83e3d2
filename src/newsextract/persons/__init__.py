"""Persons with nominative names and their positions.

``names`` parses and normalizes person names, ``mentions`` finds person spans,
``merge`` groups mentions of one person, ``positions`` finds and normalizes
title phrases, ``linking`` attaches titles next to a name and ``coreference``
the ones reached through predicates and earlier sentences, ``stage`` assembles
the Person records.
"""

from .stage import extract

__all__ = ["extract"]
