"""The evaluation ``Report``: scores per field, errors per document, rendering."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Optional

from .metrics import Match, Score


def show(item: Any) -> str:
    """A short readable form of a gold or predicted item for the error list."""
    if isinstance(item, tuple) and len(item) >= 3 and isinstance(item[0], int) and isinstance(item[1], int):
        rest = " ".join(str(x) for x in item[3:] if x not in (None, ""))
        return f"{item[2]!r}@{item[0]}" + (f" {rest}" if rest else "")
    if isinstance(item, tuple):
        return " | ".join(show(x) for x in item if x is not None)
    return str(item)


@dataclass
class Report:
    """Scores of one run over one data set (``scores``), errors per document (``errors``)."""

    format: str
    path: str = ""
    documents: int = 0
    scores: dict[str, Score] = field(default_factory=dict)
    errors: dict[str, dict[str, dict[str, list[str]]]] = field(default_factory=dict)
    baseline: Optional[dict[str, Score]] = None
    notes: list[str] = field(default_factory=list)

    def add(self, name: str, doc_id: str, match: Match | Score) -> None:
        """Count one document's match for a field, and remember its errors."""
        self.scores.setdefault(name, Score()).add(match)
        if isinstance(match, Match) and (match.missed or match.false):
            doc = self.errors.setdefault(doc_id, {})
            doc[name] = {"missed": [show(x) for x in match.missed],
                         "false": [show(x) for x in match.false]}

    def f1(self, name: str) -> float:
        return self.scores[name].f1 if name in self.scores else 0.0

    def as_dict(self, errors: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {"format": self.format, "path": self.path, "documents": self.documents,
                               "scores": {k: v.as_dict() for k, v in self.scores.items()}}
        if self.baseline is not None:
            out["baseline"] = {k: v.as_dict() for k, v in self.baseline.items()}
        if self.notes:
            out["notes"] = self.notes
        if errors:
            out["errors"] = self.errors
        return out

    def to_json(self, errors: bool = False) -> str:
        return json.dumps(self.as_dict(errors), ensure_ascii=False, indent=2)

    def table(self) -> str:
        """A fixed-width table: field, P, R, F1, support (and the baseline's F1)."""
        head = f"{'field':<28} {'P':>6} {'R':>6} {'F1':>6} {'support':>8}"
        if self.baseline is not None:
            head += f" {'natasha F1':>11}"
        lines = [f"{self.format}: {self.documents} documents ({self.path})", head, "-" * len(head)]
        for name, s in self.scores.items():
            line = f"{name:<28} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.support:8d}"
            if self.baseline is not None:
                b = self.baseline.get(name)
                line += f" {b.f1:11.3f}" if b is not None else f" {'-':>11}"
            lines.append(line)
        lines.extend(f"note: {n}" for n in self.notes)
        return "\n".join(lines)

    def error_text(self) -> str:
        """Per document, per field: what was missed (-) and what was wrong (+)."""
        lines: list[str] = []
        for doc_id in sorted(self.errors):
            lines.append(f"== {doc_id}")
            for name, err in self.errors[doc_id].items():
                lines.append(f"  {name}:")
                lines.extend(f"    - {x}" for x in err["missed"])
                lines.extend(f"    + {x}" for x in err["false"])
        return "\n".join(lines)
