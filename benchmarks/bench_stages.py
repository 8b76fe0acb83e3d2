"""Countries only vs the full pipeline: same countries, how much faster.

    .venv/bin/python benchmarks/bench_stages.py [N_NEREL_DOCS]

Runs ``Pipeline(enable=["countries"])`` and ``Pipeline()`` (one shared NER
model, warmed up first) over ../shared/data/press-dev and NEREL dev texts,
checks that the countries (codes and mention spans) are identical and prints
the time of each and the ratio.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"


def texts(n_nerel: int) -> list[str]:
    out = []
    press = DATA / "press-dev" / "docs.jsonl"
    if press.exists():
        out += [json.loads(x)["text"] for x in press.read_text(encoding="utf-8").splitlines() if x]
    nerel = DATA / "nerel-1.1" / "dev"
    if nerel.is_dir():
        out += [p.read_text(encoding="utf-8") for p in sorted(nerel.glob("*.txt"))[:n_nerel]]
    return out


def run(pipe, docs: list[str]) -> tuple[float, list]:
    """CPU seconds of the process (the machine may be shared) and the countries found."""
    start = time.process_time()
    found = [[(c.iso2, [(m.start, m.end, m.form) for m in c.mentions]) for c in pipe(t).countries]
             for t in docs]
    return time.process_time() - start, found


def main() -> int:
    from newsextract import Pipeline

    docs = texts(int(sys.argv[1]) if len(sys.argv) > 1 else 100)
    if not docs:
        print("../shared/data is absent", file=sys.stderr)
        return 2
    full = Pipeline()
    only = Pipeline(enable=["countries"], ner=full.ner)
    for pipe in (full, only):  # warm up: models, gazetteer, taxonomy, morphology caches
        run(pipe, docs[:3])
    t_full, c_full = run(full, docs)
    t_only, c_only = run(only, docs)
    same = c_full == c_only
    print(f"{len(docs)} documents, CPU time: full {t_full:.1f}s, countries only {t_only:.1f}s "
          f"({' '.join(only.stage_names)}): {t_full / t_only:.1f}x faster; countries identical: {same}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
