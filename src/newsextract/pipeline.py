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

    def pipe(self, items: Iterable[Item | str]) -> Iterator[NewsRecord]:
        """Stream records for items (or plain texts), in order."""
        for item in items:
            yield self.process(item if isinstance(item, Item) else make_item(item))


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
