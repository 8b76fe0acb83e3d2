"""A record's text with its entities marked, as displaCy and ipymarkup draw them.

Spans of every kind are laid into one tree: a span inside another is drawn inside it
("Министерство иностранных дел [Казахстана]"), a span crossing another's border is
left out (the larger one stays). One pass over the spans sorted by offset.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from markupsafe import Markup, escape

# kind -> (label drawn after the words, legend name, colour); the legend's order
KINDS: dict[str, tuple[str, str, str]] = {
    "person": ("PER", "person", "#c9b8ff"),
    "role": ("ROLE", "position", "#f6c6d9"),
    "org": ("ORG", "organization", "#8fe3e3"),
    "country": ("GPE", "country", "#fdc870"),
    "place": ("LOC", "place", "#ffa982"),
    "date": ("DATE", "date", "#b7e4c7"),
    "event": ("EVT", "event trigger", "#d7d7d7"),
    "quote": ("", "quote", "#fff1a8"),
}
_RANK = {kind: i for i, kind in enumerate(("quote", "role", "org", "place", "country", "person", "date", "event"))}


@dataclass
class Mark:
    start: int
    end: int
    kind: str
    note: str = ""  # the tooltip: normal form, code, value
    children: list[Mark] = field(default_factory=list)


def _spans(rec: dict) -> list[Mark]:
    marks: list[Mark] = []

    def add(span: Optional[dict], kind: str, note: str) -> None:
        if span and isinstance(span.get("start"), int) and isinstance(span.get("end"), int) \
                and span["end"] > span["start"]:
            marks.append(Mark(span["start"], span["end"], kind, note))

    for person in rec.get("persons") or []:
        for m in person.get("mentions") or []:
            add(m, "person", person.get("full_name") or "")
        for pos in person.get("positions") or []:
            where = ", ".join(x for x in (pos.get("organization"), pos.get("country")) if x)
            add(pos, "role", f"{pos.get('title')}" + (f" ({where})" if where else ""))
    for org in rec.get("organizations") or []:
        for m in org.get("mentions") or []:
            add(m, "org", org.get("name") or "")
    for country in rec.get("countries") or []:
        for m in country.get("mentions") or []:
            add(m, "country", f"{country.get('name')} {country.get('iso2')}, {m.get('form', 'name')}")
    for loc in rec.get("locations") or []:
        code = loc.get("code") or loc.get("country") or ""
        for m in loc.get("mentions") or []:
            add(m, "place", f"{loc.get('name')} ({loc.get('kind')}{', ' + code if code else ''})")
    for date in rec.get("dates") or []:
        value = date.get("value") or "?"
        if date.get("end_value"):
            value += ".." + date["end_value"]
        add(date, "date", value)
    for event in rec.get("events") or []:
        add(event.get("trigger"), "event", event.get("type") or "")
    for quote in rec.get("quotes") or []:
        add(quote, "quote", f"quote: {quote.get('speaker') or 'speaker unknown'}")
    return marks


def mark_tree(rec: dict) -> list[Mark]:
    """The top-level marks, each holding the marks inside it."""
    marks = sorted(_spans(rec), key=lambda m: (m.start, -m.end, _RANK[m.kind]))
    roots: list[Mark] = []
    stack: list[Mark] = []
    for mark in marks:
        while stack and stack[-1].end <= mark.start:
            stack.pop()
        if stack and mark.end > stack[-1].end:
            continue  # crosses the border of the span it starts in
        if stack and (mark.start, mark.end, mark.kind) == (stack[-1].start, stack[-1].end, stack[-1].kind):
            continue  # the same span twice (two positions of one phrase)
        (stack[-1].children if stack else roots).append(mark)
        stack.append(mark)
    return roots


def _render(text: str, marks: list[Mark], start: int, end: int, out: list[str]) -> None:
    pos = start
    for mark in marks:
        out.append(str(escape(text[pos:mark.start])))
        label = KINDS[mark.kind][0]
        out.append(f'<mark class="e-{mark.kind}" title="{escape(mark.note)}">')
        _render(text, mark.children, mark.start, mark.end, out)
        out.append(f"<b>{label}</b></mark>" if label else "</mark>")
        pos = mark.end
    out.append(str(escape(text[pos:end])))


def highlight(rec: dict) -> Markup:
    """The text as HTML with every entity in a ``<mark class="e-KIND">``."""
    text = rec.get("text") or ""
    out: list[str] = []
    _render(text, mark_tree(rec), 0, len(text), out)
    return Markup("".join(out))


def legend() -> list[tuple[str, str, str]]:
    """``(kind, label, name)`` for the legend."""
    return [(kind, label, name) for kind, (label, name, _colour) in KINDS.items()]
