"""The ``Doc``: one document's text with tokens, sentences, NER spans and zones.

Everything carries character offsets into ``Doc.text``; third-party objects
never appear here (see ``nlp.py`` for the adapters).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any, Optional

from .errors import StageOrderError


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    index: int = 0  # position in Doc.tokens
    sent: int = 0  # index of its sentence in Doc.sents
    lemma: str = ""  # most likely normal form, lower case ("сахалинской" -> "сахалинский")
    lemmas: frozenset = frozenset()  # every normal form pymorphy3 admits
    keys: tuple = ()  # phrase-matcher lookup keys (``matcher.token_keys``), set with the lemmas


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    text: str
    first: int = 0  # index of its first token
    last: int = 0  # index after its last token


@dataclass(slots=True)
class NerSpan:
    start: int
    end: int
    type: str  # PER, LOC, ORG
    text: str


@dataclass(slots=True)
class ZoneSpan:
    start: int
    end: int
    kind: str


# Zones whose content is not counted by extractors (repeated or site furniture).
# Tails of other articles ("related") and bylines are not ignored here: the people and
# places named there are annotated; topics skip them (topics/stage.py).
IGNORED_ZONES = frozenset({
    "photo_credit", "caption", "boilerplate", "age_mark",
    "stamp", "timestamp", "ticker", "menu", "share", "cookie", "tags",
})


class Layer:
    """A layer of the ``Doc`` that one stage assigns and later stages read.

    Reading it before its stage ran raises ``StageOrderError`` naming the stage,
    so a missing or misordered stage never looks like "nothing found"::

        doc.countries            # the countries stage's Country list, or the error
        "countries" in doc.layers  # has it run?
    """

    def __init__(self, stage: str, about: str):
        self.stage = stage
        self.__doc__ = about

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def __get__(self, doc, owner=None):
        if doc is None:
            return self
        try:
            return doc.layers[self.name]
        except KeyError:
            raise StageOrderError(f"Doc.{self.name} read before the {self.stage!r} stage ran "
                                  f"(add it to the pipeline before the stage that reads it)") from None

    def __set__(self, doc, value) -> None:
        doc.layers[self.name] = value


@dataclass
class Doc:
    text: str
    doc_id: str = ""
    title: Optional[str] = None
    published: Optional[str] = None  # ISO date, the anchor for relative dates
    published_inferred: bool = False
    published_source: Optional[str] = None  # metadata | dateline | stamp | url | inferred
    meta: dict[str, Any] = field(default_factory=dict)
    tokens: list[Token] = field(default_factory=list)
    sents: list[Sentence] = field(default_factory=list)
    ner: list[NerSpan] = field(default_factory=list)  # or nlp.ner.NerSpans, tagged when asked
    zones: list[ZoneSpan] = field(default_factory=list)
    # The values of the layers below, by name, once their stage has run.
    layers: dict[str, Any] = field(default_factory=dict)
    _token_starts: list[int] = field(default_factory=list, repr=False)
    _ignored: list[tuple[int, int]] = field(default_factory=list, repr=False)
    _zone_at: Optional[SpanIndex] = field(default=None, repr=False)
    _ner_at: Optional[tuple] = field(default=None, repr=False)  # (the ner list indexed, its SpanIndex)

    # --- layers that stages hand on (see pipeline.STAGES) -------------------
    places = Layer("places", "every resolved place mention (places.match.PlaceMention), in text order")
    place_index = Layer("places", "doc.places queried by range: .overlapping(start, end) (places.country_at)")
    dates = Layer("dates", "records.DateMention list")
    countries = Layer("countries", "records.Country list")
    locations = Layer("locations", "records.Location list")
    country_index = Layer("countries", "SpanIndex of (start, end, position, Country) per country mention")
    location_index = Layer("locations", "SpanIndex of (start, end, position, Location) per location mention")
    organizations = Layer("organizations", "records.Organization list")
    persons = Layer("persons", "records.Person list")
    named_events = Layer("named_events", "named events of the text (events.named.NamedEvent), in order")
    topics = Layer("topics", "records.Topic list")
    quotes = Layer("quotes", "records.Quote list")
    events = Layer("events", "records.Event list")
    event_dates = Layer("events", "dates that can date an event (a SpanIndex of records.DateMention)")

    # --- indexes -----------------------------------------------------------
    def release(self) -> None:
        """Drop the layers once the record is built. Some layers point back at the doc (the
        places finder, lazily tagged NER spans): without this the whole doc, every token
        included, waits for the cyclic garbage collector, whose passes over them cost
        about a tenth of the pipeline's time."""
        self.layers.clear()
        self.ner = []
        self.tokens, self.sents, self._token_starts = [], [], []
        self._zone_at = self._ner_at = None

    def index(self) -> None:
        """Rebuild lookup tables after tokens, sentences or zones change."""
        self._token_starts = [t.start for t in self.tokens]
        self._ignored = sorted((z.start, z.end) for z in self.zones if z.kind in IGNORED_ZONES)
        self._zone_at = None

    def ner_overlapping(self, start: int, end: int) -> list:
        """The NER spans sharing a character with ``[start, end)``, in text order (the span
        list is indexed once; lazily tagged spans tag only the pieces around it)."""
        ner = self.ner
        if hasattr(ner, "overlapping"):
            return ner.overlapping(start, end)
        if self._ner_at is None or self._ner_at[0] is not ner:
            self._ner_at = (ner, SpanIndex(ner))
        return self._ner_at[1].overlapping(start, end)

    def ner_covering(self, offset: int) -> list:
        """The NER spans containing a character offset."""
        return self.ner_overlapping(offset, offset + 1)

    def token_at(self, offset: int) -> Optional[Token]:
        """The token covering a character offset, or None."""
        i = bisect.bisect_right(self._token_starts, offset) - 1
        if 0 <= i < len(self.tokens) and self.tokens[i].start <= offset < self.tokens[i].end:
            return self.tokens[i]
        return None

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """Tokens lying inside ``[start, end)``."""
        starts = self._token_starts
        out = self.tokens[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]
        if out and out[-1].end > end:  # tokens do not overlap: only the last can run past end
            out.pop()
        return out

    def sent_of(self, offset: int) -> Optional[Sentence]:
        tok = self.token_at(offset)
        if tok is not None:
            return self.sents[tok.sent]
        for sent in self.sents:
            if sent.start <= offset < sent.end:
                return sent
        return None

    def is_ignored(self, start: int, end: int | None = None) -> bool:
        """True when ``[start, end)`` lies in boilerplate, credits or a repeated caption."""
        end = start + 1 if end is None else end
        i = bisect.bisect_right(self._ignored, (start, float("inf"))) - 1
        return 0 <= i < len(self._ignored) and self._ignored[i][0] <= start and end <= self._ignored[i][1]

    def zone_kind(self, offset: int) -> str:
        """The kind of the first zone containing ``offset`` (``body`` outside every zone)."""
        if self._zone_at is None:
            self._zone_at = SpanIndex(self.zones)
        found = self._zone_at.covering(offset)
        return found[0].kind if found else "body"


class SpanIndex:
    """Items with ``start``/``end`` offsets, queried by range in logarithmic time.

    Extractors use it instead of scanning every mention for every trigger or
    name, which would be quadratic in document size::

        index = SpanIndex(quotes)
        index.within(sent.start, sent.end)   # items lying inside the sentence
        index.covering(offset)               # items that contain the offset
    """

    def __init__(self, items, key=None):
        get = key or (lambda item: (item.start, item.end))
        pairs = sorted(((get(item), item) for item in items), key=lambda p: p[0])
        self._starts = [span[0] for span, _ in pairs]
        self._spans = [span for span, _ in pairs]
        self._items = [item for _, item in pairs]
        self._max_len = max((e - s for s, e in self._spans), default=0)

    def __len__(self) -> int:
        return len(self._items)

    def within(self, start: int, end: int) -> list:
        """Items with ``start <= item.start`` and ``item.end <= end``."""
        i = bisect.bisect_left(self._starts, start)
        out = []
        while i < len(self._items) and self._starts[i] < end:
            if self._spans[i][1] <= end:
                out.append(self._items[i])
            i += 1
        return out

    def overlapping(self, start: int, end: int) -> list:
        """Items sharing at least one character with ``[start, end)``."""
        i = bisect.bisect_left(self._starts, start - self._max_len)
        out = []
        while i < len(self._items) and self._starts[i] < end:
            if self._spans[i][1] > start:
                out.append(self._items[i])
            i += 1
        return out

    def covering(self, offset: int) -> list:
        """Items whose span contains ``offset``."""
        return self.overlapping(offset, offset + 1)
