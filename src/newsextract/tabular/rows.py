"""Records to rows: plain Python, read defensively from the records' JSON dicts.

Records written by other versions may lack a field or have one more
(``persons[].positions[].mentions``, ``events[].planned``, ``source.decode_errors``...):
a missing list is empty, a missing scalar null, an unknown field ignored.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Optional

from .periods import date_bounds, value_bounds
from .schema import TABLES

FORMS = ("name", "official", "abbreviation", "adjective", "demonym")

Rows = dict[str, list[dict[str, Any]]]


def iter_records(records: Any) -> Iterator[dict]:
    """Record dicts from NewsRecord objects, dicts, JSONL paths, or a list mixing them."""
    if isinstance(records, (str, Path)):
        records = [records]
    for item in records:
        if isinstance(item, dict):
            yield item
        elif isinstance(item, (str, Path)):
            with open(item, encoding="utf-8") as fh:
                for line in fh:
                    if line.strip():
                        yield json.loads(line)
        elif hasattr(item, "model_dump"):
            yield item.model_dump(mode="json")
        else:
            raise TypeError(f"not a record, a dict or a JSONL path: {type(item).__name__}")


def base_key(rec: dict) -> str:
    """``source.path`` for a file of its own, ``path#doc_id`` for an item of a JSON(L) file."""
    doc_id = str(rec.get("doc_id") or "")
    path = (rec.get("source") or {}).get("path")
    if not path:
        return doc_id
    norm = str(path).replace("\\", "/")
    if doc_id and (norm == doc_id or norm.endswith("/" + doc_id)):
        return str(path)
    return f"{path}#{doc_id}"


class KeyMaker:
    """Unique document keys in the order records come: a key taken gets ``#2``, ``#3``..."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def __call__(self, rec: dict) -> str:
        key = base = base_key(rec)
        n = 1
        while key in self.taken:
            n += 1
            key = f"{base}#{n}"
        self.taken.add(key)
        return key


def _list(obj: Optional[dict], name: str) -> list:
    value = (obj or {}).get(name)
    return value if isinstance(value, list) else []


def _first(mentions: list) -> tuple[Optional[int], Optional[int]]:
    if not mentions:
        return None, None
    first = min(mentions, key=lambda m: (m.get("start", 0), m.get("end", 0)))
    return first.get("start"), first.get("end")


def _count(value: Any) -> Optional[int]:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, (list, dict)):
        return len(value)
    return None


def document_rows(rec: dict, key: str, rows: Rows) -> None:
    """Append the rows of one record to every table."""
    text = rec.get("text") or ""
    src = rec.get("source") or {}
    pub_start, pub_end = value_bounds(rec.get("published"))
    persons = _list(rec, "persons")
    rows["documents"].append({
        "doc_key": key, "doc_id": str(rec.get("doc_id") or ""),
        "schema_version": str(rec.get("schema_version") or ""),
        "title": rec.get("title"), "published": pub_start, "published_end": pub_end,
        "published_value": rec.get("published"), "published_inferred": bool(rec.get("published_inferred")),
        "published_source": rec.get("published_source") if isinstance(rec.get("published_source"), str) else None,
        "source_path": src.get("path"), "source_sha256": src.get("sha256"), "source_format": src.get("format"),
        "source_encoding": src.get("encoding"), "source_url": src.get("url"), "source_name": src.get("name"),
        "stages": ",".join(rec.get("stages") or []),
        "decode_errors": _count(src.get("decode_errors")), "n_chars": len(text),
        "n_countries": len(_list(rec, "countries")), "n_persons": len(persons),
        "n_events": len(_list(rec, "events")), "text": text,
    })
    _countries(rec, key, rows)
    for i, loc in enumerate(_list(rec, "locations")):
        mentions = _list(loc, "mentions")
        first = _first(mentions)
        rows["locations"].append({
            "doc_key": key, "location_idx": i, "name": loc.get("name"), "kind": loc.get("kind") or "other",
            "code": loc.get("code"), "country": loc.get("country"), "mentions": len(mentions),
            "first_start": first[0], "first_end": first[1]})
    _persons(persons, key, rows)
    for i, org in enumerate(_list(rec, "organizations")):
        mentions = _list(org, "mentions")
        first = _first(mentions)
        rows["organizations"].append({
            "doc_key": key, "org_idx": i, "name": org.get("name"), "abbreviation": org.get("abbreviation"),
            "country": org.get("country"), "mentions": len(mentions), "first_start": first[0],
            "first_end": first[1]})
    for i, date in enumerate(_list(rec, "dates")):
        start, end = date_bounds(date.get("value"), date.get("granularity"), end_value=date.get("end_value"),
                                 modifier=date.get("modifier"), text=date.get("text") or "")
        rows["dates"].append({
            "doc_key": key, "date_idx": i, "start": date.get("start"), "end": date.get("end"),
            "text": date.get("text"), "value": date.get("value"), "end_value": date.get("end_value"),
            "granularity": date.get("granularity"), "modifier": date.get("modifier"),
            "relative": bool(date.get("relative")), "note": date.get("note"),
            "date_start": start, "date_end": end})
    for topic in _list(rec, "topics"):
        evidence = _list(topic, "evidence")
        rows["topics"].append({
            "doc_key": key, "topic_id": topic.get("id"), "label": topic.get("label"),
            "parent": topic.get("parent"), "score": float(topic.get("score") or 0.0),
            "evidence": len(evidence), "evidence_text": evidence[0].get("text") if evidence else None})
    _events(rec, text, key, rows)
    by_name = {p.get("full_name"): i for i, p in reversed(list(enumerate(persons)))}
    for i, quote in enumerate(_list(rec, "quotes")):
        speaker = quote.get("speaker")
        rows["quotes"].append({
            "doc_key": key, "quote_idx": i, "start": quote.get("start"), "end": quote.get("end"),
            "text": quote.get("text"), "speaker": speaker, "speaker_kind": quote.get("speaker_kind"),
            "speaker_person_idx": by_name.get(speaker) if quote.get("speaker_kind") != "organization" else None})


def _countries(rec: dict, key: str, rows: Rows) -> None:
    for country in _list(rec, "countries"):
        mentions = _list(country, "mentions")
        counts = {form: 0 for form in FORMS}
        for m in mentions:
            form = m.get("form") or "name"
            counts[form] = counts.get(form, 0) + 1
            rows["country_mentions"].append({
                "doc_key": key, "iso2": country.get("iso2"), "name": country.get("name"),
                "start": m.get("start"), "end": m.get("end"), "text": m.get("text"), "form": form})
        first = _first(mentions)
        rows["countries"].append({
            "doc_key": key, "iso2": country.get("iso2"), "iso3": country.get("iso3"), "name": country.get("name"),
            "historical": bool(country.get("historical")), "mentions": len(mentions),
            "forms": ",".join(sorted(f for f, n in counts.items() if n)),
            **{f"n_{form}": counts[form] for form in FORMS},
            "first_start": first[0], "first_end": first[1]})


def _persons(persons: list, key: str, rows: Rows) -> None:
    for i, person in enumerate(persons):
        roles: dict[tuple, dict] = {}
        for pos in _list(person, "positions"):
            role = (pos.get("title"), pos.get("organization"), pos.get("country"))
            if not role[0]:
                continue
            phrases = max(1, len(_list(pos, "mentions")))
            row = roles.get(role)
            if row is None:
                roles[role] = {
                    "doc_key": key, "person_idx": i, "full_name": person.get("full_name"), "title": role[0],
                    "organization": role[1], "country": role[2], "mentions": phrases,
                    "start": pos.get("start"), "end": pos.get("end"), "text": pos.get("text")}
            else:
                row["mentions"] += phrases
                if (pos.get("start") or 0) < (row["start"] or 0):
                    row.update(start=pos.get("start"), end=pos.get("end"), text=pos.get("text"))
        rows["positions"].extend(roles.values())
        mentions = _list(person, "mentions")
        name = person.get("name") or {}
        first = _first(mentions)
        rows["persons"].append({
            "doc_key": key, "person_idx": i, "full_name": person.get("full_name"), "first": name.get("first"),
            "middle": name.get("middle"), "last": name.get("last"), "mentions": len(mentions),
            "n_positions": len(roles), "first_start": first[0], "first_end": first[1]})


def _events(rec: dict, text: str, key: str, rows: Rows) -> None:
    for i, event in enumerate(_list(rec, "events")):
        trigger = event.get("trigger") or {}
        sentence = event.get("sentence") or {}
        s0, s1 = sentence.get("start") or 0, sentence.get("end") or 0
        participants = _list(event, "participants")
        start, end = value_bounds(event.get("date"))
        planned = event.get("planned")
        rows["events"].append({
            "doc_key": key, "event_idx": i, "type": event.get("type"), "name": event.get("name"),
            "trigger": trigger.get("text"), "trigger_start": trigger.get("start"), "trigger_end": trigger.get("end"),
            "date_value": event.get("date"), "date_start": start, "date_end": end,
            "location": event.get("location"), "planned": planned if isinstance(planned, bool) else None,
            "n_participants": len(participants), "sentence_start": s0, "sentence_end": s1,
            "sentence": text[s0:s1]})
        for p in participants:
            rows["event_participants"].append({
                "doc_key": key, "event_idx": i, "kind": p.get("kind"), "name": p.get("name"),
                "iso2": p.get("iso2"), "last": p.get("last"), "role": p.get("role")})


def build_rows(records: Any) -> Rows:
    """Rows of every table, documents in the order given."""
    rows: Rows = {name: [] for name in TABLES}
    keys = KeyMaker()
    for rec in iter_records(records):
        document_rows(rec, keys(rec), rows)
    return rows


def records_with_keys(records: Iterable) -> Iterator[tuple[str, dict]]:
    """``(doc_key, record dict)`` pairs, keyed as the tables key them."""
    keys = KeyMaker()
    for rec in iter_records(records):
        yield keys(rec), rec
