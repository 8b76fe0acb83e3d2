"""The ordered pipeline of named stages, and the library entry points.

``Pipeline`` builds the heavy objects once (NER model, taxonomy) and runs the
stages over each document; an error names the stage that raised it.
"""

from __future__ import annotations

import contextlib
import gc
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any, Optional

from . import dates, events, nlp, organizations, persons, places, quotes, structure
from . import topics as topic_stage
from .doc import Doc
from .errors import StageError, StageOrderError
from .reader import Item, normalize_newlines
from .records import NewsRecord, Source, Zone

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Stage:
    """A stage's contract: the ``Doc`` layers it ``requires`` and the ones it ``assigns``.

    ``func(doc)`` may return a value: it becomes the stage's (single) assigned
    layer (``doc.countries = ...``). ``Pipeline()`` checks that every required
    layer is assigned by an earlier stage (``StageOrderError`` otherwise).
    """

    name: str
    func: Callable[..., Any]
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    about: str = ""


# Every stage, in the order it runs. The record fields are the layers of the same name.
STAGES: tuple[Stage, ...] = (
    Stage("structure", structure.analyze, (), ("zones",), "zones: headline, lead, dateline, credits"),
    Stage("segment", nlp.segment, ("zones",), ("tokens", "sents"), "razdel sentences and tokens"),
    Stage("morph", nlp.lemmatize, ("tokens",), ("lemmas",), "pymorphy3 lemmas of the tokens"),
    Stage("ner", nlp.tag_ner, ("sents",), ("ner",), "slovnet PER/LOC/ORG spans"),
    Stage("published", dates.infer_published, ("zones",), ("published",), "publication date: metadata, dateline, stamp or date line, URL, lead"),
    Stage("dates", dates.extract, ("tokens", "published"), ("dates",), "date expressions, normalized"),
    Stage("places", places.find_places, ("lemmas", "ner"), ("places", "place_index"), "gazetteer place mentions, resolved"),
    Stage("countries", places.extract_countries, ("places",), ("countries", "country_index"), "countries and their mentions"),
    Stage("locations", places.extract_locations, ("places", "ner"), ("locations", "location_index"), "regions, cities, other places"),
    Stage("organizations", organizations.extract, ("places", "ner", "countries", "locations"),
          ("organizations",), "organizations, merged, with their country"),
    Stage("persons", persons.extract, ("ner", "countries", "locations", "organizations"), ("persons",),
          "persons, mentions, positions"),
    Stage("named_events", events.extract_named, (), ("named_events",), "named events (COP29, ПМЭФ)"),
    Stage("topics", topic_stage.extract, ("lemmas", "countries", "organizations", "persons", "named_events"),
          ("topics",), "topics of the taxonomy with evidence"),
    Stage("quotes", quotes.extract, ("ner", "persons", "organizations"), ("quotes",),
          "direct and indirect speech with speakers"),
    Stage("events", events.extract, ("dates", "countries", "locations", "organizations", "persons",
                                     "named_events", "quotes"), ("events", "event_dates"), "events and participants"),
)
STAGE_NAMES = tuple(s.name for s in STAGES)

# Record fields filled from the layer of the same name.
RESULT_FIELDS = ("dates", "countries", "locations", "organizations", "persons",
                 "topics", "events", "quotes")


def check_order(stages: Iterable[Stage]) -> None:
    """Every required layer assigned by an earlier stage, else ``StageOrderError`` naming both."""
    by_layer = {layer: s.name for s in STAGES for layer in s.assigns}
    assigned: set[str] = set()
    for stage in stages:
        for layer in stage.requires:
            if layer not in assigned:
                owner = by_layer.get(layer, "?")
                raise StageOrderError(f"stage {stage.name!r} requires {layer!r}, which stage {owner!r} "
                                      f"assigns, but {owner!r} does not run before it")
        assigned.update(stage.assigns)


def select(enable: Optional[Iterable[str]] = None, disable: Optional[Iterable[str]] = None) -> list[Stage]:
    """The stages to run: ``enable`` (default: all) and what they require, minus ``disable``.

    Disabling a stage that a chosen one requires is a ``StageOrderError`` naming both.
    """
    disable = set(disable or [])
    unknown = [n for n in [*(enable or []), *sorted(disable)] if n not in STAGE_NAMES]
    if unknown:
        raise StageOrderError(f"unknown stage(s) {', '.join(map(repr, unknown))}; "
                              f"the stages are {', '.join(STAGE_NAMES)}")
    if enable is None:
        wanted = set(STAGE_NAMES) - disable
    else:
        wanted = set(enable)
        for name in sorted(wanted & disable):
            raise StageOrderError(f"stage {name!r} is both enabled and disabled")
    by_name = {s.name: s for s in STAGES}
    by_layer = {layer: s.name for s in STAGES for layer in s.assigns}
    todo = sorted(wanted)
    while todo:  # pull in what the chosen stages require
        name = todo.pop()
        for layer in by_name[name].requires:
            owner = by_layer[layer]
            if owner in disable:
                raise StageOrderError(f"stage {name!r} requires {layer!r} from stage {owner!r}, "
                                      f"which is disabled")
            if owner not in wanted:
                wanted.add(owner)
                todo.append(owner)
    return [s for s in STAGES if s.name in wanted]


class Pipeline:
    """A reusable extraction pipeline: ``Pipeline()(text)`` or ``pipe(items)``.

    ``enable=[...]`` runs only those stages (and the ones they require);
    ``disable=[...]`` skips stages. Fields of stages not run are empty lists and
    ``record.stages`` lists the ones that ran.
    """

    def __init__(self, *, topics: Optional[str] = None, ner: Optional[nlp.NerModel] = None,
                 enable: Optional[Iterable[str]] = None, disable: Optional[Iterable[str]] = None,
                 stages: Optional[Iterable[Stage]] = None):
        # what __reduce__ rebuilds it from (a given ``ner`` model is rebuilt as the default one)
        self.options = {"topics": topics, "enable": None if enable is None else list(enable),
                        "disable": None if disable is None else list(disable),
                        "stages": None if stages is None else list(stages)}
        chosen = list(stages) if stages is not None else select(enable, disable)
        check_order(chosen)
        names = {s.name for s in chosen}
        self.ner = (ner or nlp.NerModel()) if "ner" in names else None
        self.taxonomy = topic_stage.load_taxonomy(topics) if "topics" in names else None
        # NER tags a paragraph only when asked about it if no selected stage reads every span
        self.lazy_ner = lazy = all(s.name == "places" for s in chosen if "ner" in s.requires)
        options = {"ner": {"model": self.ner, "lazy": lazy}, "topics": {"taxonomy": self.taxonomy}}
        self.stages: list[Stage] = chosen
        self._run = [(s, partial(s.func, **options[s.name]) if s.name in options else s.func)
                     for s in chosen]

    @property
    def stage_names(self) -> list[str]:
        return [s.name for s in self.stages]

    def process(self, item: Item) -> NewsRecord:
        with gc_paused():
            return self._process(item)

    def _process(self, item: Item) -> NewsRecord:
        doc = new_doc(item)
        for stage, run in self._run:
            try:
                result = run(doc)
            except Exception as exc:  # noqa: BLE001 - re-raised with the stage's name
                raise StageError(stage.name, item.doc_id, exc) from exc
            if result is not None:
                setattr(doc, stage.assigns[0], result)
        try:
            return to_record(doc, item.source, self.stage_names)
        except Exception as exc:  # noqa: BLE001
            raise StageError("record", item.doc_id, exc) from exc
        finally:
            doc.release()

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
        turn comes; use ``parallel.run`` to get errors as values instead. In this process,
        Python's cyclic garbage collector is paused while a batch is processed and while
        its records are taken, and restored between batches (``gc_paused``).
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
        names = self.stage_names
        if "ner" not in names or self.lazy_ner:  # lazy NER: each document tags what it asks for
            for raw in items:
                yield raw, self._outcome(as_item(raw))
            return
        cut = names.index("ner")
        before, after = self._run[:cut], self._run[cut + 1:]
        for batch in _chunks(items, batch_size):
            # The collector stays paused while the caller takes the batch's outcomes: when it
            # runs again the records it has let go are freed already, so its pass walks only
            # what lives on (about a third of its time went to walking records about to go).
            with gc_paused():
                outcomes = self._batch(batch, before, after, cut)
                for k, raw in enumerate(batch):
                    outcome, outcomes[k] = outcomes[k], None
                    yield raw, outcome
                del outcome

    def _batch(self, batch: list, before: list, after: list, cut: int) -> list:
        """The outcomes of a batch of items: stages before NER per document, NER over all
        of them, the stages after it per document."""
        names = self.stage_names
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
                if k not in failed and (err := _run_stages(doc, self._run[cut:cut + 1])) is not None:
                    failed[k] = err
        out = []
        for k, (item, doc) in enumerate(zip(pending, docs, strict=True)):
            error = failed.get(k) or _run_stages(doc, after)
            out.append(error if error is not None else _record(doc, item, names))
            doc.release()
        return out

    def _outcome(self, item: Item):
        try:
            return self.process(item)
        except StageError as exc:
            return exc


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while documents are processed, then restore
    its state. A document leaves no cycles once released (``Doc.release``), so reference
    counting frees it; the collector's passes would only walk the long-lived word caches
    and models again and again (measured: about a sixth of the pipeline's time)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


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
    meta = dict(item.meta)
    if item.source.url and "url" not in meta:
        meta["url"] = item.source.url  # the published stage reads dates in the URL
    return Doc(text=item.text, doc_id=item.doc_id, title=item.title,
               published=item.published, meta=meta)


def _run_stages(doc: Doc, stages: list[tuple[Stage, Callable]]) -> Optional[StageError]:
    """Run stages over a doc; the first failure, named, or None."""
    for stage, run in stages:
        try:
            result = run(doc)
        except Exception as exc:  # noqa: BLE001 - returned with the stage's name
            return StageError(stage.name, doc.doc_id, exc)
        if result is not None:
            setattr(doc, stage.assigns[0], result)
    return None


def _record(doc: Doc, item: Item, stages: list[str]):
    try:
        return to_record(doc, item.source, stages)
    except Exception as exc:  # noqa: BLE001
        return StageError("record", item.doc_id, exc)


def make_item(text: str, *, doc_id: str = "doc", title: Optional[str] = None,
              published: Optional[str] = None, source: Optional[dict] = None,
              **meta: Any) -> Item:
    return Item(text=normalize_newlines(text), doc_id=doc_id, title=title, published=published,
                source=Source(**(source or {})), meta=meta)


def to_record(doc: Doc, source: Source, stages: Optional[list[str]] = None) -> NewsRecord:
    fields = {name: doc.layers.get(name, []) for name in RESULT_FIELDS}  # not run: empty
    zones = [Zone(start=z.start, end=z.end, kind=z.kind, text=doc.text[z.start:z.end])
             for z in doc.zones]
    return NewsRecord(doc_id=doc.doc_id, source=source, text=doc.text, title=doc.title,
                      published=doc.published, published_inferred=doc.published_inferred,
                      published_source=doc.published_source,
                      zones=zones, stages=list(stages or []), **fields)


_DEFAULT: Optional[Pipeline] = None


def extract(text: str, **meta: Any) -> NewsRecord:
    """Extract a record from one text with a process-wide default pipeline."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline()
    return _DEFAULT(text, **meta)
