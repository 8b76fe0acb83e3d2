"""What the report shows, computed from the records' table rows (plain Python, no pyarrow)."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Optional

from ..tabular.rows import Rows
from . import charts
from .highlight import highlight

MAX_MONTHS = 36  # a longer span is drawn by year
TOP_COUNTRIES = 25
DOC_LINKS = 12  # links to documents listed per official
TOP_TOPICS = 20
EVENT_MARGIN = 18  # months: events dated this far before the first or after the last publication are not drawn


@dataclass
class Official:
    full_name: str
    roles: list[str] = field(default_factory=list)
    docs: list[tuple[str, str]] = field(default_factory=list)  # (anchor, doc_id)


def _month(day: Optional[dt.date]) -> Optional[dt.date]:
    return day.replace(day=1) if day else None


def _short(name: str, width: int = 24) -> str:
    return name if len(name) <= width else name[:width - 1].rstrip() + "…"


def _shift(day: dt.date, months: int) -> dt.date:
    y, m = divmod(day.year * 12 + day.month - 1 + months, 12)
    return dt.date(y, m + 1, 1)


def _periods(days: list[dt.date]) -> tuple[list[str], list[dt.date], str]:
    """Labels and first days of every month (or year) from the first to the last of ``days``."""
    first, last = min(days), max(days)
    if (last.year - first.year) * 12 + last.month - first.month < MAX_MONTHS:
        out, d = [], first.replace(day=1)
        while d <= last:
            out.append(d)
            d = dt.date(d.year + d.month // 12, d.month % 12 + 1, 1)
        return [d.strftime("%Y-%m") for d in out], out, "month"
    years = [dt.date(y, 1, 1) for y in range(first.year, last.year + 1)]
    return [str(d.year) for d in years], years, "year"


def _role(row: dict) -> str:
    where = ", ".join(x for x in (row["organization"], row["country"]) if x and x not in row["title"])
    return row["title"] + (f" ({where})" if where else "")


def officials(rows: Rows, anchors: dict[str, str]) -> list[Official]:
    """Persons with a position, across documents: their roles and the documents naming them."""
    doc_ids = {d["doc_key"]: d["doc_id"] for d in rows["documents"]}
    by_name: dict[str, Official] = {}
    for row in rows["positions"]:
        person = by_name.setdefault(row["full_name"], Official(row["full_name"]))
        role = _role(row)
        if role not in person.roles:
            person.roles.append(role)
        doc = (anchors[row["doc_key"]], doc_ids[row["doc_key"]])
        if doc not in person.docs:
            person.docs.append(doc)
    return sorted(by_name.values(), key=lambda o: (-len(o.docs), o.full_name))


def overview(rows: Rows, anchors: dict[str, str]) -> dict[str, Any]:
    docs = rows["documents"]
    published = [d["published"] for d in docs if d["published"]]
    out: dict[str, Any] = {
        "n_documents": len(docs), "n_undated": len(docs) - len(published),
        "first": min(published) if published else None, "last": max(published) if published else None,
        "n_countries": len({c["iso2"] for c in rows["countries"]}),
        "n_persons": len({p["full_name"] for p in rows["persons"]}),
        "n_events": len(rows["events"]), "n_quotes": len(rows["quotes"]),
    }
    out["docs_chart"] = out["countries_chart"] = out["events_chart"] = None
    if published:
        labels, starts, unit = _periods(published)
        counts = Counter((d if unit == "month" else dt.date(d.year, 1, 1)) for d in map(_month, published))
        out["docs_chart"] = charts.bar_chart(labels, [counts[s] for s in starts],
                                             title=f"Documents by {unit} of publication")
    names = {c["iso2"]: c["name"] for c in rows["countries"]}
    per_country = Counter(c["iso2"] for c in rows["countries"])
    top = sorted(per_country.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_COUNTRIES]
    out["countries"] = [(names[iso], iso, n) for iso, n in sorted(per_country.items(), key=lambda kv: (-kv[1], kv[0]))]
    if top:
        out["countries_chart"] = charts.bar_chart(
            [f"{_short(names[iso])} ({iso})" for iso, _ in top], [n for _, n in top], horizontal=True,
            title="Countries by number of documents" + (f" (top {TOP_COUNTRIES})" if len(per_country) > len(top) else ""))
    pub_of = {d["doc_key"]: d["published"] for d in docs}
    points: Counter = Counter()
    out["n_events_outside"] = 0
    for event in rows["events"]:
        day = event["date_start"] or pub_of.get(event["doc_key"])
        if day is None:
            continue
        if published and not (_shift(out["first"], -EVENT_MARGIN) <= day <= _shift(out["last"], EVENT_MARGIN)):
            out["n_events_outside"] += 1  # a date decades away would squash the whole axis
            continue
        points[(event["type"], _month(day))] += 1
    if points:
        out["events_chart"] = charts.timeline([(t, d, n) for (t, d), n in sorted(points.items())],
                                              title="Events by type and month (the event's date, else the document's)")
    out["event_types"] = sorted(Counter(e["type"] for e in rows["events"]).items(), key=lambda kv: (-kv[1], kv[0]))
    out["officials"] = officials(rows, anchors)
    topics: dict[str, list[float]] = defaultdict(list)
    labels = {}
    for t in rows["topics"]:
        topics[t["topic_id"]].append(t["score"])
        labels[t["topic_id"]] = t["label"]
    out["topics"] = sorted(((labels[k], k, len(v), sum(v) / len(v)) for k, v in topics.items()),
                           key=lambda t: (-t[2], t[1]))
    return out


def _participants(event: dict) -> str:
    return "; ".join(p.get("name") + (f" ({p['iso2']})" if p.get("iso2") else "")
                     for p in event.get("participants") or [] if p.get("name"))


def document_view(rec: dict, key: str, anchor: str) -> dict[str, Any]:
    """One document: its metadata, marked text, people, events and quotes."""
    text = rec.get("text") or ""
    events = []
    for e in rec.get("events") or []:
        sentence = e.get("sentence") or {}
        events.append({"type": e.get("type"), "trigger": (e.get("trigger") or {}).get("text"),
                       "date": e.get("date"), "location": e.get("location"), "name": e.get("name"),
                       "participants": _participants(e),
                       "sentence": text[sentence.get("start", 0):sentence.get("end", 0)]})
    persons = []
    for p in rec.get("persons") or []:
        roles = []
        for pos in p.get("positions") or []:
            role = _role({"title": pos.get("title") or "", "organization": pos.get("organization"),
                          "country": pos.get("country")})
            if role not in roles:
                roles.append(role)
        persons.append({"full_name": p.get("full_name"), "roles": roles, "mentions": len(p.get("mentions") or [])})
    source = rec.get("source") or {}
    return {
        "anchor": anchor, "key": key, "doc_id": rec.get("doc_id"), "title": rec.get("title") or rec.get("doc_id"),
        "published": rec.get("published"), "inferred": bool(rec.get("published_inferred")),
        "format": source.get("format"), "path": source.get("path"), "url": source.get("url"),
        "html": highlight(rec), "persons": persons,
        "countries": [(c.get("name"), c.get("iso2"), len(c.get("mentions") or [])) for c in rec.get("countries") or []],
        "organizations": [o.get("name") for o in rec.get("organizations") or []],
        "topics": [(t.get("label"), t.get("score")) for t in rec.get("topics") or []],
        "events": events,
        "quotes": [(q.get("speaker"), q.get("text")) for q in rec.get("quotes") or []],
    }
