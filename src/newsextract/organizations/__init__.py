"""Organizations: NER spans plus rules, names in the nominative, abbreviations paired.

``candidates`` finds mentions (NER, known organizations, head-word phrases, quoted
names), ``spans`` and ``phrases`` bound them, ``names`` gives normal forms,
``merge`` groups mentions of one organization, ``stage`` assembles the records.
"""

from .stage import extract, find_orgs

__all__ = ["extract", "find_orgs"]
