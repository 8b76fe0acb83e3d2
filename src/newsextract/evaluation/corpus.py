"""The project's own gold (``corpus/gold/*.json``) and the documents it annotates.

Documents are read from the corpus folder with the library's reader (the
``gold/`` folder itself is skipped); each gold file names its document by
``doc_id``. Gold keeps the record's shape as plain dicts, defaults filled in.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..reader import Failure, Item, iter_files, read_file

log = logging.getLogger(__name__)

LIST_FIELDS = ("countries", "locations", "persons", "organizations", "dates", "topics",
               "events", "quotes")


@dataclass
class GoldDoc:
    """One document's gold annotation (dict fields in the record's shape)."""

    doc_id: str
    offsets: bool
    data: dict

    def get(self, name: str):
        return self.data.get(name)

    def has(self, name: str) -> bool:
        """Whether the gold annotates a field at all (a missing key is not an empty list)."""
        return name in self.data and self.data[name] is not None


def gold_folder(corpus: Path) -> Path:
    return corpus / "gold"


def parse_gold(obj: dict, name: str = "?") -> GoldDoc:
    """A gold dict -> ``GoldDoc``; ``doc_id`` is required."""
    if not isinstance(obj, dict) or not obj.get("doc_id"):
        raise ValueError(f"gold file {name} has no doc_id")
    return GoldDoc(doc_id=str(obj["doc_id"]), offsets=bool(obj.get("offsets", True)), data=obj)


def load_gold(folder: str | Path) -> dict[str, GoldDoc]:
    """Every gold file of a folder, by ``doc_id``; unreadable files are logged and skipped."""
    gold: dict[str, GoldDoc] = {}
    for path in sorted(Path(folder).glob("*.json")):
        try:
            doc = parse_gold(json.loads(path.read_text(encoding="utf-8")), path.name)
        except (OSError, ValueError) as exc:
            log.warning("skipping gold %s: %s", path, exc)
            continue
        gold[doc.doc_id] = doc
    return gold


def load_items(corpus: str | Path) -> Iterator[Item | Failure]:
    """The corpus documents (``gold/`` excluded), with the reader's doc ids."""
    corpus = Path(corpus)
    gold_dir = gold_folder(corpus).resolve()
    for path, root in iter_files([corpus]):
        if gold_dir in path.resolve().parents:
            continue
        yield from read_file(path, root)


def load(corpus: str | Path) -> tuple[list[tuple[Item, GoldDoc]], list[str]]:
    """``(item, gold)`` pairs, and notes on documents or gold files left unpaired."""
    gold = load_gold(gold_folder(Path(corpus)))
    pairs, notes, seen = [], [], set()
    for item in load_items(corpus):
        if isinstance(item, Failure):
            notes.append(f"unreadable {item.path}: {item.error}")
        elif item.doc_id in gold:
            pairs.append((item, gold[item.doc_id]))
            seen.add(item.doc_id)
        else:
            notes.append(f"no gold for {item.doc_id}")
    notes.extend(f"gold without document: {d}" for d in sorted(set(gold) - seen))
    return pairs, notes
