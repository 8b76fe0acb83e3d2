"""Quotes: direct speech with its speaker (a person, an organization, or null)."""

from .stage import extract

__all__ = ["extract"]
