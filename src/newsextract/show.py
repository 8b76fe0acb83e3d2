"""``newsextract show``: a readable summary of one document's record."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

from .records import NewsRecord


def format_record(record: NewsRecord) -> str:
    out = [f"{record.doc_id}  [{record.source.format}, {record.source.encoding}]",
           f"title:     {record.title}",
           f"published: {record.published}{' (inferred)' if record.published_inferred else ''}"]
    if record.countries:
        out.append("countries: " + ", ".join(
            f"{c.name} {c.iso2} ({len(c.mentions)}: {', '.join(sorted({m.form for m in c.mentions}))})"
            for c in record.countries))
    if record.locations:
        out.append("locations: " + ", ".join(
            f"{loc.name} [{loc.kind}{' ' + loc.code if loc.code else ''}{' ' + loc.country if loc.country else ''}]"
            for loc in record.locations))
    for person in record.persons:
        out.append(f"person:    {person.full_name} ({len(person.mentions)} mentions)")
        for pos in person.positions:
            extra = ", ".join(x for x in (pos.organization, pos.country) if x)
            out.append(f"           - {pos.title}{' [' + extra + ']' if extra else ''}")
    for org in record.organizations:
        out.append(f"org:       {org.name}{' (' + org.abbreviation + ')' if org.abbreviation else ''}")
    for date in record.dates:
        rng = f"..{date.end_value}" if date.end_value else ""
        out.append(f"date:      {date.text!r} -> {date.value}{rng} ({date.granularity})")
    for topic in record.topics:
        out.append(f"topic:     {topic.id} {topic.score:.2f} ({topic.label})")
    for event in record.events:
        parts = "; ".join(p.iso2 or p.name for p in event.participants)
        out.append(f"event:     {event.type} '{event.trigger.text}' {event.date or ''} [{parts}]"
                   + (f" @ {event.location}" if event.location else ""))
    for quote in record.quotes:
        words = quote.text if len(quote.text) < 90 else quote.text[:87] + "..."
        out.append(f"quote:     {quote.speaker or '?'}: «{words}»")
    return "\n".join(out)


def show_path(path: str, *, topics: Optional[str] = None, html: bool = False) -> int:
    from .pipeline import Pipeline
    from .reader import Failure, read_paths

    if not Path(path).exists():
        print(f"newsextract: no such file: {path}", file=sys.stderr)
        return 2
    pipeline = Pipeline(topics=topics)
    status = 0
    records = []
    for read in read_paths([path]):
        if isinstance(read, Failure):
            print(f"{read.path}: {read.error}: {read.message}", file=sys.stderr)
            status = 1
            continue
        record = pipeline.process(read)
        if html:
            records.append(record)
            continue
        print(format_record(record))
        print()
    if html:
        from .report import render_report

        print(render_report(records, title=path), end="")
    return status
