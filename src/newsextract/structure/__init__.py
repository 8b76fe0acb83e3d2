"""Zones of a document: headline, lead, dateline, credits, captions, furniture."""

from .zones import analyze

__all__ = ["analyze"]
