"""Zones of a document: headline, lead, dateline, credits, captions, furniture."""

from .zones import analyze, dateline_parts

__all__ = ["analyze", "dateline_parts"]
