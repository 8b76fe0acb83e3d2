"""NEREL DATE span-overlap P/R/F1 of our date grammar, and of natasha's DatesExtractor.

    .venv/bin/python benchmarks/eval_nerel_dates.py [--split dev|train] [--natasha] [--errors N]

A predicted span is correct when it overlaps a gold DATE span; a gold span is
found when some predicted span overlaps it. Reads ../shared/data/nerel-1.1 at
run time (nothing is copied into the repository).
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NEREL = ROOT.parent / "shared" / "data" / "nerel-1.1"


def load(split: str) -> list[tuple[str, str, list[tuple[int, int]]]]:
    docs = []
    for txt in sorted((NEREL / split).glob("*.txt")):
        text = txt.read_text(encoding="utf-8")
        gold = []
        for line in txt.with_suffix(".ann").read_text(encoding="utf-8").splitlines():
            if not line.startswith("T"):
                continue
            parts = line.split("\t")[1].split(" ")
            if parts[0] == "DATE":
                gold.append((int(parts[1]), int(parts[-1])))
        docs.append((txt.stem, text, gold))
    return docs


def ours(text: str) -> list[tuple[int, int]]:
    from newsextract import nlp, structure
    from newsextract.doc import Doc
    from newsextract.extractors.dates import extract

    doc = Doc(text=text)
    nlp.segment(doc)
    structure.analyze(doc)
    return [(m.start, m.end) for m in extract(doc)]


_NATASHA = None


def natasha(text: str) -> list[tuple[int, int]]:
    global _NATASHA
    if _NATASHA is None:
        from natasha import DatesExtractor, MorphVocab

        _NATASHA = DatesExtractor(MorphVocab())
    return [(m.start, m.stop) for m in _NATASHA(text)]


def _overlaps(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(s < a[1] and a[0] < e for s, e in spans)


def score(docs, system, errors: int = 0) -> dict:
    tp_pred = n_pred = tp_gold = n_gold = 0
    fps, fns = [], []
    for name, text, gold in docs:
        pred = system(text)
        for p in pred:
            n_pred += 1
            if _overlaps(p, gold):
                tp_pred += 1
            else:
                fps.append((name, text[max(0, p[0] - 40):p[0]], text[p[0]:p[1]], text[p[1]:p[1] + 30]))
        for g in gold:
            n_gold += 1
            if _overlaps(g, pred):
                tp_gold += 1
            else:
                fns.append((name, text[max(0, g[0] - 40):g[0]], text[g[0]:g[1]], text[g[1]:g[1] + 30]))
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    if errors:
        rnd = random.Random(0)
        for label, items in (("FP", fps), ("FN", fns)):
            print(f"--- {label} ({len(items)})")
            for name, left, span, right in rnd.sample(items, min(errors, len(items))):
                print(f"{name}: ...{left!r} [[{span}]] {right!r}".replace("\\n", " "))
    return {"precision": p, "recall": r, "f1": f, "pred": n_pred, "gold": n_gold}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--split", default="dev", choices=["dev", "train"])
    ap.add_argument("--natasha", action="store_true", help="also score natasha's DatesExtractor")
    ap.add_argument("--errors", type=int, default=0, help="print N sampled false positives/negatives")
    args = ap.parse_args(argv)
    if not NEREL.exists():
        print(f"NEREL not found at {NEREL}", file=sys.stderr)
        return 2
    docs = load(args.split)
    systems = [("newsextract", ours)] + ([("natasha", natasha)] if args.natasha else [])
    for label, system in systems:
        s = score(docs, system, args.errors if label == "newsextract" else 0)
        print(f"{label:12s} NEREL {args.split} DATE overlap  P={s['precision']:.3f} R={s['recall']:.3f} "
              f"F1={s['f1']:.3f}  (pred {s['pred']}, gold {s['gold']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
