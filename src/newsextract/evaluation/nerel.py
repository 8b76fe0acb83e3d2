"""NEREL brat loader (``.txt`` + ``.ann``): entities, Wikidata links, relations.

``T`` lines may hold discontinuous spans (``ORGANIZATION 1647 1658;1674 1704``);
an entity's ``start``/``end`` cover all its fragments. ``N`` lines attach a
Wikidata id (``Q30``) and its name to a ``T`` id; ``R`` lines relate two ``T`` ids.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional


@dataclass
class Entity:
    id: str
    type: str
    fragments: list[tuple[int, int]]
    text: str
    qid: Optional[str] = None
    link_name: Optional[str] = None

    @property
    def start(self) -> int:
        return min(s for s, _ in self.fragments)

    @property
    def end(self) -> int:
        return max(e for _, e in self.fragments)

    def span(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.text)


@dataclass
class Relation:
    id: str
    type: str
    arg1: str
    arg2: str


@dataclass
class NerelDoc:
    doc_id: str
    text: str
    entities: dict[str, Entity] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)

    def of_type(self, *types: str) -> list[Entity]:
        return [e for e in self.entities.values() if e.type in types]

    def related(self, rel_type: str) -> list[tuple[Entity, Entity]]:
        """``(arg1, arg2)`` entity pairs of a relation type."""
        out = []
        for rel in self.relations:
            if rel.type == rel_type and rel.arg1 in self.entities and rel.arg2 in self.entities:
                out.append((self.entities[rel.arg1], self.entities[rel.arg2]))
        return out


def _fragments(spec: str) -> list[tuple[int, int]]:
    out = []
    for part in spec.split(";"):
        start, end = part.split()
        out.append((int(start), int(end)))
    return out


def _entity(cols: list[str]) -> Entity:
    etype, _, spec = cols[1].partition(" ")
    return Entity(cols[0], etype, _fragments(spec), cols[2] if len(cols) > 2 else "")


def _relation(cols: list[str]) -> Relation:
    rtype, arg1, arg2 = cols[1].split()[:3]
    return Relation(cols[0], rtype, arg1.split(":", 1)[1], arg2.split(":", 1)[1])


def parse_ann(doc: NerelDoc, ann: str) -> None:
    """Fill a document's entities and relations from the text of its ``.ann``."""
    links = []
    for line in ann.splitlines():
        cols = line.split("\t")
        if len(cols) < 2:
            continue
        if cols[0].startswith("T"):
            ent = _entity(cols)
            doc.entities[ent.id] = ent
        elif cols[0].startswith("R"):
            doc.relations.append(_relation(cols))
        elif cols[0].startswith("N"):
            links.append(cols)
    for cols in links:
        _, target, ref = (cols[1].split() + ["", "", ""])[:3]
        if target in doc.entities:
            doc.entities[target].qid = ref.split(":", 1)[-1] or None
            doc.entities[target].link_name = cols[2] if len(cols) > 2 else None


def read_doc(txt: Path) -> NerelDoc:
    doc = NerelDoc(doc_id=txt.stem, text=txt.read_text(encoding="utf-8"))
    ann = txt.with_suffix(".ann")
    if ann.exists():
        parse_ann(doc, ann.read_text(encoding="utf-8"))
    return doc


def load(folder: str | Path) -> Iterator[NerelDoc]:
    """Every document of a NEREL folder (``dev``, ``train``), sorted by name."""
    for txt in sorted(Path(folder).glob("*.txt")):
        if txt.with_suffix(".ann").exists():
            yield read_doc(txt)
