"""The tables of ``newsextract export`` and ``newsextract.tables()``: fixed, documented schemas.

One row per document, per entity of a document, or per mention, as each table says.
Every table has ``doc_key``; entities are numbered within their document (``person_idx``,
``event_idx``, ...) in the record's order, so ``(doc_key, person_idx)`` joins ``persons``,
``positions`` and ``quotes``' speakers by name, and ``(doc_key, event_idx)`` joins ``events``
and ``event_participants``. Columns are flat scalars (no lists), so the same schema holds
in Parquet, CSV and DuckDB. ``newsextract export --describe`` prints this.

``doc_key`` is the document key, unique across input roots: two folders with the same
layout give the same ``doc_id`` (``2024/a.txt``) but different ``source.path``. It is
``source.path`` when the document is a file of its own (the path ends with ``doc_id``),
``source.path#doc_id`` for an item of a JSON/JSONL file, ``doc_id`` when the record has
no path, and ``#2``, ``#3``... is added to a key already taken (the same document given
twice) in the order the records come.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # string | int32 | float64 | bool | date
    description: str
    nullable: bool = True


@dataclass(frozen=True)
class Table:
    name: str
    grain: str  # what one row is
    columns: tuple[Column, ...]

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]


def _c(name: str, type_: str, description: str, nullable: bool = True) -> Column:
    return Column(name, type_, description, nullable)


_KEY = _c("doc_key", "string", "document key, unique across input roots (see above)", False)
_SPAN = (_c("start", "int32", "offset of the first character in documents.text", False),
         _c("end", "int32", "offset after the last character", False),
         _c("text", "string", "the words in the text", False))
_FIRST = (_c("first_start", "int32", "offset of the first mention"),
          _c("first_end", "int32", "end of the first mention"))

TABLES: dict[str, Table] = {t.name: t for t in (
    Table("documents", "one row per document", (
        _KEY,
        _c("doc_id", "string", "the record's doc_id (path under its input root, or the item's id)", False),
        _c("schema_version", "string", "version of the record's shape", False),
        _c("title", "string", "headline"),
        _c("published", "date", "publication date (first day when only a month or year is known)"),
        _c("published_end", "date", "last day of the publication period (= published for a day)"),
        _c("published_value", "string", "publication date as in the record (ISO, as precise as known)"),
        _c("published_inferred", "bool", "the publication date was inferred, not given"),
        _c("published_source", "string", "where the publication date came from, when the record says"),
        _c("source_path", "string", "path of the input file"),
        _c("source_sha256", "string", "sha256 of the raw bytes"),
        _c("source_format", "string", "txt, md, html, json, jsonl..."),
        _c("source_encoding", "string", "detected encoding"),
        _c("source_url", "string", "URL given with the item"),
        _c("source_name", "string", "source name given with the item"),
        _c("stages", "string", "pipeline stages that ran, comma-separated in order", False),
        _c("decode_errors", "int32", "characters that could not be decoded, when the record says"),
        _c("n_chars", "int32", "length of text", False),
        _c("n_countries", "int32", "countries found", False),
        _c("n_persons", "int32", "persons found", False),
        _c("n_events", "int32", "events found", False),
        _c("text", "string", "the document body (all offsets point into it)", False),
    )),
    Table("countries", "one row per country per document", (
        _KEY,
        _c("iso2", "string", "ISO 3166-1 alpha-2", False),
        _c("iso3", "string", "ISO 3166-1 alpha-3", False),
        _c("name", "string", "short Russian name", False),
        _c("historical", "bool", "a state that no longer exists (СССР)", False),
        _c("mentions", "int32", "number of mentions", False),
        _c("forms", "string", "mention forms used, sorted, comma-separated (adjective,name)", False),
        _c("n_name", "int32", "mentions by name (Казахстан)", False),
        _c("n_official", "int32", "mentions by official name (Республика Казахстан)", False),
        _c("n_abbreviation", "int32", "mentions by abbreviation (РК)", False),
        _c("n_adjective", "int32", "mentions by adjective (казахстанской стороны)", False),
        _c("n_demonym", "int32", "mentions by demonym (казахстанцы)", False),
        *_FIRST,
    )),
    Table("country_mentions", "one row per country mention", (
        _KEY,
        _c("iso2", "string", "ISO 3166-1 alpha-2", False),
        _c("name", "string", "short Russian name", False),
        *_SPAN,
        _c("form", "string", "name, official, abbreviation, adjective or demonym", False),
    )),
    Table("locations", "one row per place (other than a country) per document", (
        _KEY,
        _c("location_idx", "int32", "number of the place in its document", False),
        _c("name", "string", "normal form", False),
        _c("kind", "string", "region, city or other", False),
        _c("code", "string", "ISO 3166-2 for regions (RU-SAK)"),
        _c("country", "string", "ISO 3166-1 alpha-2 of its country"),
        _c("mentions", "int32", "number of mentions", False),
        *_FIRST,
    )),
    Table("persons", "one row per person per document", (
        _KEY,
        _c("person_idx", "int32", "number of the person in its document", False),
        _c("full_name", "string", "full name, nominative", False),
        _c("first", "string", "first name"),
        _c("middle", "string", "patronymic or middle name"),
        _c("last", "string", "last name"),
        _c("mentions", "int32", "number of mentions", False),
        _c("n_positions", "int32", "distinct positions (rows in positions)", False),
        *_FIRST,
    )),
    Table("positions", "one row per distinct (person, title, organization, country) per document", (
        _KEY,
        _c("person_idx", "int32", "the person (persons.person_idx)", False),
        _c("full_name", "string", "the person's full name", False),
        _c("title", "string", "position, normal form", False),
        _c("organization", "string", "organization of the position, normal form"),
        _c("country", "string", "ISO 3166-1 alpha-2 of the position"),
        _c("mentions", "int32", "position phrases in the text giving this role", False),
        _c("start", "int32", "offset of the first phrase", False),
        _c("end", "int32", "end of the first phrase", False),
        _c("text", "string", "the first phrase", False),
    )),
    Table("organizations", "one row per organization per document", (
        _KEY,
        _c("org_idx", "int32", "number of the organization in its document", False),
        _c("name", "string", "normal form", False),
        _c("abbreviation", "string", "abbreviation"),
        _c("country", "string", "ISO 3166-1 alpha-2"),
        _c("mentions", "int32", "number of mentions", False),
        *_FIRST,
    )),
    Table("dates", "one row per date mention", (
        _KEY,
        _c("date_idx", "int32", "number of the date in its document", False),
        *_SPAN,
        _c("value", "string", "ISO value as precise as the text (2025, 2025-05, 2025-Q3, 2025-W03)"),
        _c("end_value", "string", "ISO value of a range's end"),
        _c("granularity", "string", "day, week, month, quarter, season, year, decade, century"),
        _c("modifier", "string", "start, middle, end, first_half, second_half, by, until, since, ..."),
        _c("relative", "bool", "resolved against the publication date", False),
        _c("note", "string", "why value is null, when it is"),
        _c("date_start", "date", "first day of the period (of a range: of its start)"),
        _c("date_end", "date", "last day of the period (of a range: of its end)"),
    )),
    Table("topics", "one row per topic per document", (
        _KEY,
        _c("topic_id", "string", "stable slug from the taxonomy", False),
        _c("label", "string", "label", False),
        _c("parent", "string", "parent topic id"),
        _c("score", "float64", "0..1", False),
        _c("evidence", "int32", "evidence spans", False),
        _c("evidence_text", "string", "the first evidence span's words"),
    )),
    Table("events", "one row per event", (
        _KEY,
        _c("event_idx", "int32", "number of the event in its document", False),
        _c("type", "string", "meeting, agreement, invitation, visit, conference, statement, other", False),
        _c("name", "string", "a named event (COP29)"),
        _c("trigger", "string", "the trigger word(s)", False),
        _c("trigger_start", "int32", "offset of the trigger", False),
        _c("trigger_end", "int32", "end of the trigger", False),
        _c("date_value", "string", "the event's date, ISO as in the record"),
        _c("date_start", "date", "first day of the event's date"),
        _c("date_end", "date", "last day of the event's date"),
        _c("location", "string", "where, normal form"),
        _c("planned", "bool", "announced for the future, when the record says"),
        _c("n_participants", "int32", "participants", False),
        _c("sentence_start", "int32", "offset of the sentence", False),
        _c("sentence_end", "int32", "end of the sentence", False),
        _c("sentence", "string", "the sentence", False),
    )),
    Table("event_participants", "one row per participant of an event", (
        _KEY,
        _c("event_idx", "int32", "the event (events.event_idx)", False),
        _c("kind", "string", "person, country, organization or location", False),
        _c("name", "string", "normal form", False),
        _c("iso2", "string", "ISO 3166-1 alpha-2 for countries"),
        _c("last", "string", "last name for persons"),
        _c("role", "string", "role in the event"),
    )),
    Table("quotes", "one row per quote", (
        _KEY,
        _c("quote_idx", "int32", "number of the quote in its document", False),
        *_SPAN,
        _c("speaker", "string", "a person's full_name (or an organization's name)"),
        _c("speaker_kind", "string", "person or organization"),
        _c("speaker_person_idx", "int32", "persons.person_idx of the speaker"),
    )),
)}

VIEWS = {
    "officials": "one row per document, person and title: doc_key, doc_id, published, person_idx, "
                 "full_name, title, organization, country (organizations and countries of the same "
                 "title joined with '; ')",
    "country_contacts": "one row per country and month of publication: iso2, country, month (DATE, first "
                        "day; NULL when unpublished), documents naming the country, events it takes part in",
}


def describe() -> str:
    """The tables and views as text (``newsextract export --describe``)."""
    out = [__doc__.strip(), ""]
    for table in TABLES.values():
        out.append(f"{table.name}: {table.grain}")
        width = max(len(c.name) for c in table.columns)
        for col in table.columns:
            null = "" if col.nullable else " not null"
            out.append(f"  {col.name:<{width}}  {col.type + null:<16} {col.description}")
        out.append("")
    out.append("DuckDB views:")
    out.extend(f"  {name}: {text}" for name, text in VIEWS.items())
    return "\n".join(out)
