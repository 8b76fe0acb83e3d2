"""Diff the records two checkouts write, field by field, on the dev data sets.

    # 1. write records (and eval scores) with each checkout's code
    git worktree add /tmp/before d54bea2
    PYTHONPATH=/tmp/before/src .venv/bin/python benchmarks/diff_records.py write /tmp/rec-before
    PYTHONPATH=src .venv/bin/python benchmarks/diff_records.py write /tmp/rec-after
    # 2. compare
    .venv/bin/python benchmarks/diff_records.py diff /tmp/rec-before /tmp/rec-after

``write`` runs the pipeline on corpus/, factRuEval dev, NEREL dev and
../shared/data/press-dev (paths relative to the project root; absent sets are
skipped), writes ``NAME.jsonl`` (one record a line, in input order) and
``NAME.scores.json`` (the ``newsextract eval`` figures from the same run).
``diff`` lists, per data set and record field, every document whose value
differs, and the score changes. Fields only one side has (e.g. a new ``stages``
or ``schema_version``) are reported once, not per document.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETS = {  # name -> (path relative to the project root, eval format)
    "corpus": ("corpus", "corpus"),
    "press-dev": ("../shared/data/press-dev", "corpus"),
    "factrueval-dev": ("../shared/data/factrueval-2016/devset", "factrueval"),
    "nerel-dev": ("../shared/data/nerel-1.1/dev", "nerel"),
}
IGNORED = {"schema_version", "stages"}  # record metadata expected to change


def write(out: Path, names: list[str]) -> None:
    from newsextract.evaluation import runner
    from newsextract.evaluation.report import Report
    from newsextract.pipeline import Pipeline

    out.mkdir(parents=True, exist_ok=True)
    pipeline = Pipeline()
    predict = runner.pipeline_predictor(pipeline)
    for name in names:
        rel, fmt = SETS[name]
        path = ROOT / rel
        if not path.exists():
            print(f"skip {name}: {path} absent", file=sys.stderr)
            continue
        notes: list[str] = []
        docs = list(runner.cases(str(path), fmt, notes))
        lines: list[str] = []

        def recording(case, _lines=lines):
            record = predict(case)
            _lines.append(json.dumps(record.model_dump(mode="json"), ensure_ascii=False, sort_keys=True))
            return record

        report = runner.score_all(docs, fmt, recording, Report(fmt, rel, notes=notes))
        (out / f"{name}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        scores = {k: round(v.f1, 4) for k, v in report.scores.items()}
        (out / f"{name}.scores.json").write_text(json.dumps(scores, indent=1), encoding="utf-8")
        print(report.table(), file=sys.stderr)


def _short(value, limit: int = 300) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text if len(text) <= limit else text[:limit] + "..."


def diff(before: Path, after: Path) -> int:
    differences = 0
    for name in SETS:
        a, b = before / f"{name}.jsonl", after / f"{name}.jsonl"
        if not (a.exists() and b.exists()):
            continue
        old = [json.loads(x) for x in a.read_text(encoding="utf-8").splitlines() if x]
        new = [json.loads(x) for x in b.read_text(encoding="utf-8").splitlines() if x]
        print(f"== {name}: {len(old)} records before, {len(new)} after")
        keys_old = set().union(*map(set, old)) if old else set()
        keys_new = set().union(*map(set, new)) if new else set()
        for key in sorted(keys_old ^ keys_new):
            print(f"  field {key!r} only {'before' if key in keys_old else 'after'}")
        for rec_a, rec_b in zip(old, new, strict=False):
            for key in sorted((set(rec_a) | set(rec_b)) - IGNORED):
                if key not in rec_a or key not in rec_b:
                    continue
                if rec_a[key] != rec_b[key]:
                    differences += 1
                    print(f"  {rec_a.get('doc_id')} {key}:")
                    va, vb = rec_a[key], rec_b[key]
                    if isinstance(va, list) and isinstance(vb, list):
                        for x in va:
                            if x not in vb:
                                print(f"    - {_short(x)}")
                        for x in vb:
                            if x not in va:
                                print(f"    + {_short(x)}")
                    else:
                        print(f"    - {_short(va)}\n    + {_short(vb)}")
        sa, sb = before / f"{name}.scores.json", after / f"{name}.scores.json"
        if sa.exists() and sb.exists():
            fa, fb = json.loads(sa.read_text()), json.loads(sb.read_text())
            for key in sorted(set(fa) | set(fb)):
                if fa.get(key) != fb.get(key):
                    print(f"  score {key}: {fa.get(key)} -> {fb.get(key)}")
    print(f"{differences} field differences")
    return 1 if differences else 0


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] == "write":
        write(Path(argv[1]), argv[2:] or list(SETS))
        return 0
    if len(argv) == 3 and argv[0] == "diff":
        return diff(Path(argv[1]), Path(argv[2]))
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
