"""The ordered pipeline of named stages, and the library entry points.

``Pipeline`` builds the heavy objects once (NER model, taxonomy) and runs the
stages over each document; an error names the stage that raised it.
"""

from __future__ import annotations

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
    Stage("published", dates.infer_published, ("zones",), ("published",), "publication date from the dateline"),
    Stage("dates", dates.extract, ("tokens", "published"), ("dates",), "date expressions, normalized"),
    Stage("places", places.find_places, ("lemmas", "ner"), ("places",), "gazetteer place mentions, resolved"),
    Stage("countries", places.extract_countries, ("places",), ("countries",), "countries and their mentions"),
    Stage("locations", places.extract_locations, ("places", "ner"), ("locations",), "regions, cities, other places"),
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
        chosen = list(stages) if stages is not None else select(enable, disable)
        check_order(chosen)
        names = {s.name for s in chosen}
        self.ner = (ner or nlp.NerModel()) if "ner" in names else None
        self.taxonomy = topic_stage.load_taxonomy(topics) if "topics" in names else None
        options = {"ner": {"model": self.ner}, "topics": {"taxonomy": self.taxonomy}}
        self.stages: list[Stage] = chosen
        self._run = [(s, partial(s.func, **options[s.name]) if s.name in options else s.func)
                     for s in chosen]

    @property
    def stage_names(self) -> list[str]:
        return [s.name for s in self.stages]

    def process(self, item: Item) -> NewsRecord:
        doc = Doc(text=item.text, doc_id=item.doc_id, title=item.title,
                  published=item.published, meta=dict(item.meta))
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


def to_record(doc: Doc, source: Source, stages: Optional[list[str]] = None) -> NewsRecord:
    fields = {name: doc.layers.get(name, []) for name in RESULT_FIELDS}  # not run: empty
    zones = [Zone(start=z.start, end=z.end, kind=z.kind, text=doc.text[z.start:z.end])
             for z in doc.zones]
    return NewsRecord(doc_id=doc.doc_id, source=source, text=doc.text, title=doc.title,
                      published=doc.published, published_inferred=doc.published_inferred,
                      zones=zones, stages=list(stages or []), **fields)


_DEFAULT: Optional[Pipeline] = None


def extract(text: str, **meta: Any) -> NewsRecord:
    """Extract a record from one text with a process-wide default pipeline."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline()
    return _DEFAULT(text, **meta)
