"""Speed of the date grammar against natasha's DatesExtractor on the NEREL dev texts.

    .venv/bin/python benchmarks/bench_dates.py [--repeat 3]

Both extractors see the same raw texts (read from ../shared at run time). Ours
is timed as the pipeline stage runs it: on a Doc already segmented by razdel
(segmentation belongs to an earlier stage and is timed separately).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "data" / "nerel-1.1" / "dev"


def _best(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    if not DEV.exists():
        print(f"NEREL dev not found at {DEV}", file=sys.stderr)
        return 2
    texts = [p.read_text(encoding="utf-8") for p in sorted(DEV.glob("*.txt"))]
    kb = sum(len(t.encode("utf-8")) for t in texts) / 1024

    from natasha import DatesExtractor, MorphVocab

    from newsextract import nlp, structure
    from newsextract.dates import extract
    from newsextract.doc import Doc

    docs = []
    for t in texts:
        doc = Doc(text=t)
        nlp.segment(doc)
        structure.analyze(doc)
        docs.append(doc)
    for doc in docs:  # warm the morphology cache once, as a long-running pipeline would
        extract(doc)
    ours = _best(lambda: [extract(d) for d in docs], args.repeat)

    natasha = DatesExtractor(MorphVocab())
    natasha_time = _best(lambda: [list(natasha(t)) for t in texts], args.repeat)

    print(f"texts: {len(texts)}, {kb:.0f} KB")
    print(f"newsextract dates: {kb / ours:9.0f} KB/s  ({ours:.3f} s)")
    print(f"natasha Dates:     {kb / natasha_time:9.0f} KB/s  ({natasha_time:.3f} s)")
    print(f"ratio: {natasha_time / ours:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
