"""Helpers of the events stage (``newsextract.extractors.events``): invitation targets, enrichment."""
