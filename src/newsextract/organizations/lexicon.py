"""Data files of the organizations stage: organization heads and known organizations."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Optional

from .. import resources
from ..nlp import morph
from ..nlp.matcher import PhraseMatcher


@dataclass(frozen=True)
class KnownOrg:
    name: str
    abbreviation: Optional[str]
    country: Optional[str]


@functools.cache
def _org_rows() -> tuple[tuple[str, ...], ...]:
    return tuple(row + ("",) * (5 - len(row)) for row in resources.tsv("organizations.tsv"))


@functools.cache
def org_heads() -> frozenset[str]:
    return frozenset(morph.lemma(row[1]) for row in _org_rows() if row[0] == "head")


@functools.cache
def known_orgs() -> tuple[KnownOrg, ...]:
    return tuple(KnownOrg(row[1], row[2] or None, row[3] or None)
                 for row in _org_rows() if row[0] == "org")


@functools.cache
def org_matcher() -> PhraseMatcher:
    """Known organizations by full name and aliases (lemmas, any inflection)."""
    m = PhraseMatcher()
    for row in _org_rows():
        if row[0] != "org":
            continue
        org = KnownOrg(row[1], row[2] or None, row[3] or None)
        m.add(row[1], org)
        for alias in filter(None, (a.strip() for a in row[4].split(","))):
            m.add(alias, org)
        if org.abbreviation and not org.abbreviation.isupper():
            m.add(org.abbreviation, org)  # Минфин, Госдума: inflect like words
    return m


@functools.cache
def abbreviations() -> dict[str, KnownOrg]:
    """Upper-case abbreviations matched exactly (ООН, МИД) and names written as one word."""
    out: dict[str, KnownOrg] = {}
    for org in known_orgs():
        if org.abbreviation and org.abbreviation.isupper():
            out[org.abbreviation] = org
        if " " not in org.name and org.name[:1].isupper():
            out.setdefault(org.name, org)
    for row in _org_rows():  # one-token aliases written as such (``INTERFAX.RU``)
        if row[0] == "org":
            for alias in (a.strip() for a in row[4].split(",")):
                if alias and " " not in alias and "." in alias:
                    out.setdefault(alias, KnownOrg(row[1], row[2] or None, row[3] or None))
    return out


@functools.cache
def word_abbreviations() -> dict[str, KnownOrg]:
    """Word-like abbreviations by lower case (минэкологии, минфин)."""
    return {org.abbreviation.lower(): org for org in known_orgs()
            if org.abbreviation and not org.abbreviation.isupper()}
