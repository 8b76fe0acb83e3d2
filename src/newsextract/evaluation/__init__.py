"""Evaluation: gold loaders, scorers and reports."""
