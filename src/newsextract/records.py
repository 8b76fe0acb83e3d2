"""Pydantic models of the output contract (``docs/RECORD.md``, packaged as ``data/RECORD.md``).

Every field of the contract is present; lists default to ``[]`` and unknown
scalars to ``None``. Validators keep offsets, ISO codes and dates honest.
"""

from __future__ import annotations

import re
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

SCHEMA_VERSION = "1.1"

ISO_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$|^\d{4}-Q[1-4]$|^\d{4}-W\d{2}$")  # 2025, 2025-05, 2025-05-16
ISO2_RE = re.compile(r"^[A-Z]{2}$")  # KZ
ISO3_RE = re.compile(r"^[A-Z]{3}$")  # KAZ
REGION_CODE_RE = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")  # RU-SAK

CountryForm = Literal["name", "official", "abbreviation", "adjective", "demonym"]
LocationKind = Literal["region", "city", "other"]
Granularity = Literal["day", "week", "month", "quarter", "season", "year", "decade", "century"]
EventType = Literal[
    "meeting", "agreement", "invitation", "visit", "conference", "statement", "other",
]
ParticipantKind = Literal["person", "country", "organization", "location"]
ZoneKind = Literal[
    "headline", "lead", "dateline", "photo_credit", "caption", "boilerplate",
    "age_mark", "attribution", "body",
    # site furniture (structure/furniture.py)
    "stamp", "timestamp", "ticker", "menu", "share", "related", "byline", "cookie", "tags",
]
# Where ``published`` came from: the item's metadata, the agency dateline, a date stamp or
# date line at the top of the page, the URL, or inferred from the text (a year-less
# dateline's year from the dated mentions, or the lead's "Сегодня, 12 апреля").
PublishedSource = Literal["metadata", "dateline", "stamp", "url", "inferred"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


def _check_iso_date(value: Optional[str]) -> Optional[str]:
    if value is not None and not ISO_DATE_RE.match(value):
        raise ValueError(f"not an ISO 8601 date: {value!r}")
    return value


def _check_iso2(value: Optional[str]) -> Optional[str]:
    if value is not None and not ISO2_RE.match(value):
        raise ValueError(f"not an ISO 3166-1 alpha-2 code: {value!r}")
    return value


class Span(_Model):
    """A stand-off span: ``record.text[start:end] == text``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} before start {self.start}")
        if len(self.text) != self.end - self.start:
            raise ValueError("span text length differs from end - start")
        return self


class Mention(Span):
    pass


class CountryMention(Span):
    form: CountryForm = "name"


class Source(_Model):
    path: Optional[str] = None
    sha256: Optional[str] = None
    format: str = "txt"
    encoding: Optional[str] = None
    url: Optional[str] = None
    name: Optional[str] = None
    decode_errors: int = Field(0, ge=0, description=(
        "invalid byte sequences replaced by U+FFFD while decoding (a UTF-8 file with a few "
        "damaged bytes), plus lone surrogates replaced in JSON strings; 0 for a clean input"))


class Zone(Span):
    """A structural zone of the document (headline, dateline, boilerplate...)."""

    kind: ZoneKind


class Country(_Model):
    iso2: str
    iso3: str
    name: str
    mentions: list[CountryMention] = []
    historical: bool = False

    _iso2 = field_validator("iso2")(_check_iso2)

    @field_validator("iso3")
    @classmethod
    def _iso3(cls, value: str) -> str:
        if not ISO3_RE.match(value):
            raise ValueError(f"not an ISO 3166-1 alpha-3 code: {value!r}")
        return value


class Location(_Model):
    name: str
    kind: LocationKind = "other"
    code: Optional[str] = None
    country: Optional[str] = None
    mentions: list[Mention] = []

    _country = field_validator("country")(_check_iso2)

    @field_validator("code")
    @classmethod
    def _code(cls, value: Optional[str]) -> Optional[str]:
        if value is not None and not REGION_CODE_RE.match(value):
            raise ValueError(f"not an ISO 3166-2 code: {value!r}")
        return value


class PersonName(_Model):
    first: Optional[str] = None
    middle: Optional[str] = None
    last: Optional[str] = None


class Position(Span):
    """One role of a person; ``start``/``end``/``text`` are its first mention."""

    title: str = Field(description="nominative, lower case, without the organization or territory tail")
    organization: Optional[str] = Field(None, description="the body or region named with the title")
    country: Optional[str] = Field(None, description="alpha-2 code of the position's country")
    mentions: list[Mention] = Field([], description="every phrase of the text stating this role")

    _country = field_validator("country")(_check_iso2)


class Person(_Model):
    name: PersonName = PersonName()
    full_name: str
    mentions: list[Mention] = []
    positions: list[Position] = []


class Organization(_Model):
    name: str
    abbreviation: Optional[str] = None
    country: Optional[str] = None
    mentions: list[Mention] = []

    _country = field_validator("country")(_check_iso2)


class DateMention(Span):
    value: Optional[str] = None
    granularity: Optional[Granularity] = None
    end_value: Optional[str] = None
    modifier: Optional[str] = None  # start|middle|end|by|until|since|before|after
    relative: bool = False
    note: Optional[str] = None  # why value is null, when it is

    _value = field_validator("value", "end_value")(_check_iso_date)


class Evidence(Span):
    pass


class Topic(_Model):
    id: str
    label: str
    score: float = Field(ge=0.0, le=1.0)
    parent: Optional[str] = None
    evidence: list[Evidence] = []


class Participant(_Model):
    kind: ParticipantKind
    name: str
    iso2: Optional[str] = None
    last: Optional[str] = None
    role: Optional[str] = None

    _iso2 = field_validator("iso2")(_check_iso2)


class Offsets(_Model):
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Event(_Model):
    type: EventType
    trigger: Span
    participants: list[Participant] = []
    date: Optional[str] = None
    location: Optional[str] = None
    name: Optional[str] = None  # a named event, normalized (COP29)
    planned: bool = Field(False, description="announced, not yet held (посетит, планируется подписать, пройдёт)")
    sentence: Offsets

    _date = field_validator("date")(_check_iso_date)


class Quote(Span):
    speaker: Optional[str] = None
    speaker_kind: Optional[Literal["person", "organization"]] = None


class NewsRecord(_Model):
    schema_version: str = SCHEMA_VERSION
    doc_id: str
    source: Source = Source()
    text: str
    title: Optional[str] = None
    published: Optional[str] = None
    published_inferred: bool = False
    published_source: Optional[PublishedSource] = Field(
        default=None, description="where `published` came from: metadata, dateline, stamp (a crawler's "
        "stamp or a date line at the top), url, or inferred from the text; null without `published`")
    zones: list[Zone] = []
    countries: list[Country] = []
    locations: list[Location] = []
    persons: list[Person] = []
    organizations: list[Organization] = []
    dates: list[DateMention] = []
    topics: list[Topic] = []
    events: list[Event] = []
    quotes: list[Quote] = []
    stages: list[str] = Field(default=[], description=(
        "The pipeline stages that ran, in order (``Pipeline(enable=...)``); the fields of "
        "stages not run are empty lists"))

    _published = field_validator("published")(_check_iso_date)

    def _repr_html_(self) -> str:
        """The record with its entities marked, for notebooks (needs the ``report`` extra)."""
        from .report import record_html

        return record_html(self)

    @model_validator(mode="after")
    def _offsets_point_into_text(self) -> NewsRecord:
        for span in iter_spans(self):
            if span.end > len(self.text) or self.text[span.start:span.end] != span.text:
                raise ValueError(
                    f"span {span.start}:{span.end} {span.text!r} does not match text"
                )
        return self


def iter_spans(record: NewsRecord):
    """Yield every stand-off span of a record (for checks and tests)."""
    yield from record.zones
    for country in record.countries:
        yield from country.mentions
    for location in record.locations:
        yield from location.mentions
    for person in record.persons:
        yield from person.mentions
        for position in person.positions:
            yield position
            yield from position.mentions
    for org in record.organizations:
        yield from org.mentions
    yield from record.dates
    for topic in record.topics:
        yield from topic.evidence
    for event in record.events:
        yield event.trigger
    yield from record.quotes


def json_schema() -> dict:
    """The JSON Schema of a record."""
    return NewsRecord.model_json_schema()
