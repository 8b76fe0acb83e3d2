"""Persons, positions and organizations.

``names`` parses and normalizes person names, ``mentions`` finds person spans,
``merge`` groups mentions of one person, ``positions`` finds and normalizes
title phrases, ``linking`` attaches titles next to a name and ``coreference``
the ones reached through predicates and earlier sentences, ``persons``
assembles Person records, ``orgs`` (with ``org_*``) finds organizations,
``context`` reads countries and regions from the countries stage.
"""
