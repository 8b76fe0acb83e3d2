"""Persons, positions and organizations.

``names`` parses and normalizes person names, ``mentions`` finds person spans,
``merge`` groups mentions of one person, ``positions`` finds title phrases and
links them to persons, ``orgs`` finds organizations, ``context`` reads
countries and regions from the countries stage.
"""
