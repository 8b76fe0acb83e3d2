"""The ordered pipeline of named stages, and the library entry points.

``Pipeline`` builds the heavy objects once (NER model, taxonomy) and runs the
stages over each document; an error names the stage that raised it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import Any, Optional

from . import dates, events, nlp, organizations, persons, places, quotes, structure
from . import topics as topic_stage
from .doc import Doc
from .errors import StageError
from .reader import Item, normalize_newlines
from .records import NewsRecord, Source, Zone

log = logging.getLogger(__name__)

Stage = Callable[[Doc], Optional[list]]


# Stage name -> the record field its results fill.
RESULT_FIELDS = ("dates", "countries", "locations", "organizations", "persons",
                 "topics", "events", "quotes")


class Pipeline:
    """A reusable extraction pipeline: ``Pipeline()(text)`` or ``pipe(items)``."""

    def __init__(self, *, topics: Optional[str] = None, ner: Optional[nlp.NerModel] = None):
        self.options = {"topics": topics}  # what __reduce__ rebuilds it from
        self.ner = ner or nlp.NerModel()
        self.taxonomy = topic_stage.load_taxonomy(topics)
        self.stages: list[tuple[str, Stage]] = [
            ("structure", structure.analyze),
            ("segment", nlp.segment),
            ("morph", nlp.lemmatize),
            ("ner", partial(nlp.tag_ner, model=self.ner)),
            ("published", dates.infer_published),
            ("dates", dates.extract),
            ("countries", places.extract_countries),
            ("locations", places.extract_locations),
            ("organizations", organizations.extract),
            ("persons", persons.extract),
            ("topics", partial(topic_stage.extract, taxonomy=self.taxonomy)),
            ("events", events.extract),
            ("quotes", quotes.extract),
        ]

    def process(self, item: Item) -> NewsRecord:
        doc = Doc(text=item.text, doc_id=item.doc_id, title=item.title,
                  published=item.published, meta=dict(item.meta))
        for name, stage in self.stages:
            try:
                result = stage(doc)
            except Exception as exc:  # noqa: BLE001 - re-raised with the stage's name
                raise StageError(name, item.doc_id, exc) from exc
            if result is not None:
                doc.results[name] = result
        try:
            return to_record(doc, item.source)
        except Exception as exc:  # noqa: BLE001
            raise StageError("record", item.doc_id, exc) from exc

    def __call__(self, text: str, **meta: Any) -> NewsRecord:
        return self.process(make_item(text, **meta))

    def __reduce__(self):
        """Pickle as the options it was built from (the models are rebuilt, never pickled)."""
        return (_rebuild, (self.options,))

    def pipe(self, items: Iterable[Item | str], *, n_process: int = 1, batch_size: int = 32,
             timeout: Optional[float] = None, threads: Optional[int] = None) -> Iterator[NewsRecord]:
        """Stream records for items (or plain texts), in order, like spaCy's ``nlp.pipe``.

        The NER pieces of ``batch_size`` documents are tagged together (sorted by
        length); ``n_process > 1`` runs worker processes that each build this
        pipeline from its options (``parallel.run``). The records are the same
        whatever ``n_process`` and ``batch_size``. A document that fails raises
        its error (``StageError``, ``DocumentTimeout``, ``WorkerDied``) when its
        turn comes; use ``parallel.run`` to get errors as values instead.
        """
        from . import parallel

        for _, outcome in parallel.run(items, n_process=n_process, batch_size=batch_size, timeout=timeout,
                                       pipeline_options=self.options, threads=threads,
                                       pipeline=self if n_process == 1 else None):
            if isinstance(outcome, BaseException):
                raise outcome
            yield outcome

    def outcomes(self, items: Iterable[Item | str], *, batch_size: int = 32) -> Iterator[tuple[Any, Any]]:
        """``(item, record or StageError)`` in order, the NER of ``batch_size`` documents batched."""
        names = [name for name, _ in self.stages]
        if "ner" not in names:
            for raw in items:
                yield raw, self._outcome(as_item(raw))
            return
        cut = names.index("ner")
        before, after = self.stages[:cut], self.stages[cut + 1:]
        for batch in _chunks(items, batch_size):
            pending = [as_item(raw) for raw in batch]
            docs = [new_doc(item) for item in pending]
            failed: dict[int, StageError] = {}
            for k, doc in enumerate(docs):
                if (err := _run_stages(doc, before)) is not None:
                    failed[k] = err
            live = [doc for k, doc in enumerate(docs) if k not in failed]
            try:
                nlp.tag_ner_many(live, self.ner)
            except Exception:  # noqa: BLE001 - find the document: NER one by one
                for k, doc in enumerate(docs):
                    if k not in failed and (err := _run_stages(doc, self.stages[cut:cut + 1])) is not None:
                        failed[k] = err
            for k, (raw, item, doc) in enumerate(zip(batch, pending, docs, strict=True)):
                error = failed.get(k) or _run_stages(doc, after)
                yield raw, error if error is not None else _record(doc, item)

    def _outcome(self, item: Item):
        try:
            return self.process(item)
        except StageError as exc:
            return exc


def _rebuild(options: dict) -> Pipeline:
    return Pipeline(**options)


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def as_item(item: Item | str) -> Item:
    return item if isinstance(item, Item) else make_item(item)


def new_doc(item: Item) -> Doc:
    return Doc(text=item.text, doc_id=item.doc_id, title=item.title,
               published=item.published, meta=dict(item.meta))


def _run_stages(doc: Doc, stages: list[tuple[str, Stage]]) -> Optional[StageError]:
    """Run stages over a doc; the first failure, named, or None."""
    for name, stage in stages:
        try:
            result = stage(doc)
        except Exception as exc:  # noqa: BLE001 - returned with the stage's name
            return StageError(name, doc.doc_id, exc)
        if result is not None:
            doc.results[name] = result
    return None


def _record(doc: Doc, item: Item):
    try:
        return to_record(doc, item.source)
    except Exception as exc:  # noqa: BLE001
        return StageError("record", item.doc_id, exc)


def make_item(text: str, *, doc_id: str = "doc", title: Optional[str] = None,
              published: Optional[str] = None, source: Optional[dict] = None,
              **meta: Any) -> Item:
    return Item(text=normalize_newlines(text), doc_id=doc_id, title=title, published=published,
                source=Source(**(source or {})), meta=meta)


def to_record(doc: Doc, source: Source) -> NewsRecord:
    fields = {name: doc.results.get(name, []) for name in RESULT_FIELDS}
    zones = [Zone(start=z.start, end=z.end, kind=z.kind, text=doc.text[z.start:z.end])
             for z in doc.zones]
    return NewsRecord(doc_id=doc.doc_id, source=source, text=doc.text, title=doc.title,
                      published=doc.published, published_inferred=doc.published_inferred,
                      zones=zones, **fields)


_DEFAULT: Optional[Pipeline] = None


def extract(text: str, **meta: Any) -> NewsRecord:
    """Extract a record from one text with a process-wide default pipeline."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline()
    return _DEFAULT(text, **meta)
