"""Topics: a taxonomy of lemma phrases matched with evidence and scored by zone."""

from .stage import extract, load_taxonomy

__all__ = ["extract", "load_taxonomy"]
