"""``evaluate(path, format)``: load gold, run the pipeline (and the baseline), score."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Optional

from ..records import NewsRecord
from . import corpus, factru, nerel, score_corpus, score_factru, score_nerel
from .metrics import Score
from .report import Report

log = logging.getLogger(__name__)

FORMATS = ("corpus", "factrueval", "nerel")


@dataclass
class Case:
    """One document to score: its id, text, reader metadata and gold."""

    doc_id: str
    text: str
    gold: Any
    item: Any = None  # the reader's Item for corpus documents


Predict = Callable[[Case], NewsRecord]
Scorer = Callable[[Report, Any, NewsRecord], None]


def cases(path: str, fmt: str, notes: list[str], *, no_published: bool = False) -> Iterator[Case]:
    """The documents of a data set in one of the FORMATS.

    ``no_published``: the corpus items lose their ``published`` date, so the
    extractor has to find it (real items often come without one).
    """
    if fmt == "corpus":
        pairs, more = corpus.load(path)
        notes.extend(more)
        for item, gold in pairs:
            if no_published:
                item = dataclasses.replace(item, published=None)
            yield Case(item.doc_id, item.text, gold, item)
    elif fmt == "factrueval":
        for doc in factru.load(path):
            yield Case(doc.doc_id, doc.text, doc)
    elif fmt == "nerel":
        for doc in nerel.load(path):
            yield Case(doc.doc_id, doc.text, doc)
    else:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")


SCORERS: dict[str, Scorer] = {"corpus": score_corpus.score, "factrueval": score_factru.score,
                              "nerel": score_nerel.score}


def pipeline_predictor(pipeline: Any) -> Predict:
    """Run our pipeline on a case (the reader's Item when there is one)."""
    def predict(case: Case) -> NewsRecord:
        if case.item is not None:
            return pipeline.process(case.item)
        return pipeline(case.text, doc_id=case.doc_id)
    return predict


def baseline_predictor() -> Predict:
    from .baseline import NatashaBaseline

    model = NatashaBaseline()
    return lambda case: model(case.text, doc_id=case.doc_id)


def score_all(docs: list[Case], fmt: str, predict: Predict, report: Report) -> Report:
    """Predict and score every case; a failing document scores as an empty record."""
    for case in docs:
        try:
            record = predict(case)
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop the evaluation
            log.warning("%s failed: %s", case.doc_id, exc)
            report.notes.append(f"{case.doc_id}: {type(exc).__name__}: {exc}")
            record = NewsRecord(doc_id=case.doc_id, text=case.text)
        SCORERS[fmt](report, case.gold, record)
    report.documents = len(docs)
    return report


def attempted(scores: dict[str, Score]) -> dict[str, Score]:
    """Fields a system predicted anything for (the baseline shows ``-`` for the rest)."""
    return {name: s for name, s in scores.items() if s.tp + s.fp}


def evaluate(path: str, format: str = "corpus", pipeline: Any = None, baseline: Optional[str] = None,
             *, no_published: bool = False) -> Report:
    """Score the pipeline (built when not given) on a data set; ``baseline="natasha"`` adds a column.

    ``no_published`` drops the corpus items' publication dates before extraction.
    """
    notes: list[str] = []
    docs = list(cases(str(path), format, notes, no_published=no_published))
    if pipeline is None:
        from ..pipeline import Pipeline

        pipeline = Pipeline()
    report = score_all(docs, format, pipeline_predictor(pipeline), Report(format, str(path), notes=notes))
    if baseline == "natasha":
        scores = score_all(docs, format, baseline_predictor(), Report(format)).scores
        report.baseline = attempted(scores)
    elif baseline is not None:
        raise ValueError(f"unknown baseline {baseline!r}")
    return report
