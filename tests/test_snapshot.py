"""End-to-end snapshot of one whole corpus document's record.

A change in any extractor shows up here as a readable JSON diff. After a
deliberate improvement, regenerate with ``UPDATE_SNAPSHOTS=1 pytest tests/test_snapshot.py``
and review the diff before committing.
"""

from __future__ import annotations

import json
import os

import pytest

from newsextract.reader import read_paths

from .conftest import ROOT

DOCS = ["regions/sakhalin_hydrogen_kz.txt", "embassies/vietnam_ambassador_ulyanovsk.txt"]
SNAPSHOTS = ROOT / "tests" / "snapshots"


@pytest.mark.parametrize("doc_id", DOCS)
def test_record_matches_snapshot(pipeline, doc_id):
    (item,) = list(read_paths([ROOT / "corpus" / doc_id]))
    item.doc_id = doc_id
    item.source.path = doc_id  # machine-independent
    record = pipeline.process(item).model_dump(mode="json")
    path = SNAPSHOTS / (doc_id.replace("/", "__") + ".json")
    if os.environ.get("UPDATE_SNAPSHOTS"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if not path.exists():
        pytest.fail(f"no snapshot {path.name}: run UPDATE_SNAPSHOTS=1 pytest tests/test_snapshot.py")
    expected = json.loads(path.read_text(encoding="utf-8"))
    for field in expected:
        assert record[field] == expected[field], f"{doc_id}: field {field!r} changed"
