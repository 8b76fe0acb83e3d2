"""Evaluation: gold loaders, scorers and reports (``newsextract eval``).

``evaluate(path, format)`` returns a ``Report`` whose ``scores`` map field
names to ``Score`` (precision, recall, f1, tp, fp, fn) and whose ``errors``
list, per document and field, what was missed and what was wrong.
"""

from .metrics import Match, Score
from .report import Report
from .runner import FORMATS, evaluate

__all__ = ["FORMATS", "Match", "Report", "Score", "evaluate"]
