"""factRuEval-2016 loader (``.txt``, ``.tokens``, ``.spans``, ``.objects``, ``.coref``, ``.facts``).

Objects keep their typed spans; ``ner_spans`` reduces them to PER/LOC/ORG the
way naeval does (Person: the whole object; Org: its ``org_name`` spans;
Location and LocOrg: their ``loc_name`` spans, LocOrg counting as LOC; then
overlapping spans dropped, the earlier and longer kept). Facts keep the
normalized names written in the ``.facts`` file (``Лужков Юрий``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

NER_TYPES = {"Person": "PER", "Org": "ORG", "Location": "LOC", "LocOrg": "LOC"}


@dataclass
class FSpan:
    start: int
    end: int
    type: str  # loc_name, org_name, surname, job, ...


@dataclass
class FObject:
    id: str
    type: str  # Person, Org, Location, LocOrg, Project
    spans: list[FSpan]

    @property
    def start(self) -> int:
        return min(s.start for s in self.spans)

    @property
    def end(self) -> int:
        return max(s.end for s in self.spans)


@dataclass
class Fact:
    """A fact: its type and, per key (Who, Position, Where, Participant...), the values' texts."""

    id: str
    type: str
    slots: list[tuple[str, str]] = field(default_factory=list)

    def values(self, key: str) -> list[str]:
        return [v for k, v in self.slots if k == key]


@dataclass
class FactruDoc:
    doc_id: str
    text: str
    tokens: list[tuple[int, int, str]]
    objects: list[FObject]
    facts: list[Fact]
    # normalized person names of ``.coref`` chains by object id: first, middle, last
    names: dict[str, dict[str, str]] = field(default_factory=dict)


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


def _before_hash(line: str) -> list[str]:
    return line.split("#", 1)[0].split()


def read_tokens(path: Path) -> list[tuple[int, int, str]]:
    """``id start length text`` lines -> ``(start, end, text)``."""
    out = []
    for line in _lines(path):
        parts = line.split()
        if len(parts) >= 4:
            start, length = int(parts[1]), int(parts[2])
            out.append((start, start + length, parts[3]))
    return out


def read_spans(path: Path) -> dict[str, FSpan]:
    """``id type start length first_token n_tokens # ...`` lines, by id."""
    spans = {}
    for line in _lines(path):
        parts = _before_hash(line)
        if len(parts) >= 4:
            start = int(parts[2])
            spans[parts[0]] = FSpan(start, start + int(parts[3]), parts[1])
    return spans


def read_objects(path: Path, spans: dict[str, FSpan]) -> list[FObject]:
    """``id type span_id... # text`` lines; spans unknown to ``.spans`` are skipped."""
    objects = []
    for line in _lines(path):
        parts = _before_hash(line)
        if len(parts) >= 3:
            own = [spans[s] for s in parts[2:] if s in spans]
            if own:
                objects.append(FObject(parts[0], parts[1], own))
    return objects


def read_facts(path: Path) -> list[Fact]:
    """Blank-line separated records: ``id Type`` then ``Key ref text`` lines."""
    facts: list[Fact] = []
    current = None
    for line in _lines(path):
        parts = line.split()
        if not parts:
            current = None
        elif current is None:
            current = Fact(parts[0], parts[1] if len(parts) > 1 else "")
            facts.append(current)
        else:
            refs = [p for p in parts[1:] if p.startswith(("obj", "span"))]
            text = " ".join(parts[1 + len(refs):]) if parts[1:1 + len(refs)] == refs else " ".join(parts[1:])
            current.slots.append((parts[0], text))
    return facts


NAME_KEYS = {"firstname": "first", "firstname1": "first", "firstname2": "first",
             "patronymic": "middle", "lastname": "last", "lastname1": "last"}


def read_names(path: Path) -> dict[str, dict[str, str]]:
    """Blank-line separated chains: ``chain_id object_id...`` then ``key value`` lines;
    the name parts (``firstname``, ``firstname1``, ``patronymic``, ``lastname``...) of each
    chain, given to each of its objects."""
    out: dict[str, dict[str, str]] = {}
    objects: list[str] = []
    parts: dict[str, str] = {}

    def flush() -> None:
        if parts:
            for obj in objects:
                out[obj] = dict(parts)

    for line in _lines(path) + [""]:
        fields = line.split()
        if not fields:
            flush()
            objects, parts = [], {}
        elif not objects:
            objects = fields[1:]
        elif fields[0] in NAME_KEYS and len(fields) > 1:
            key = NAME_KEYS[fields[0]]
            parts[key] = " ".join(filter(None, (parts.get(key), " ".join(fields[1:]))))
    return out


def read_doc(txt: Path) -> FactruDoc:
    """One document from its ``.txt`` and the sibling layer files."""
    base = txt.with_suffix("")
    spans = read_spans(base.with_suffix(".spans"))
    return FactruDoc(doc_id=txt.stem, text=txt.read_text(encoding="utf-8"),
                     tokens=read_tokens(base.with_suffix(".tokens")),
                     objects=read_objects(base.with_suffix(".objects"), spans),
                     facts=read_facts(base.with_suffix(".facts")),
                     names=read_names(base.with_suffix(".coref")))


def load(folder: str | Path) -> Iterator[FactruDoc]:
    """Every document of a factRuEval folder (``devset``), sorted by name."""
    for txt in sorted(Path(folder).glob("*.txt")):
        if txt.with_suffix(".objects").exists():
            yield read_doc(txt)


def drop_overlapping(spans: list[tuple]) -> list[tuple]:
    """Keep spans that do not overlap an earlier kept one (order: start, then longer first)."""
    kept: list[tuple] = []
    for span in sorted(spans, key=lambda s: (s[0], -s[1])):
        if kept and kept[-1][1] > span[0]:
            continue
        kept.append(span)
    return kept


def aligned(span: tuple, tokens: list[tuple[int, int, str]]) -> bool:
    """Whether a span starts at a token start and ends at a token end."""
    starts = {t[0] for t in tokens}
    ends = {t[1] for t in tokens}
    return span[0] in starts and span[1] in ends


def ner_spans(doc: FactruDoc, tokens: list[tuple[int, int, str]] | None = None) -> list[tuple[int, int, str, str]]:
    """Gold PER/LOC/ORG spans ``(start, end, text, type)`` as naeval adapts factRuEval."""
    spans = []
    for obj in doc.objects:
        if obj.type == "Person":
            spans.append((obj.start, obj.end, "PER"))
        elif obj.type in NER_TYPES:
            wanted = "org_name" if obj.type == "Org" else "loc_name"
            own = [(s.start, s.end) for s in obj.spans if s.type == wanted]
            spans.extend((s, e, NER_TYPES[obj.type]) for s, e in drop_overlapping(own))
    tokens = tokens if tokens is not None else doc.tokens
    kept = [s for s in drop_overlapping(spans) if not tokens or aligned(s, tokens)]
    return [(s, e, doc.text[s:e], t) for s, e, t in kept]
