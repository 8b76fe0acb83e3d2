"""NEREL DATE span-overlap P/R/F1 of our date grammar, and of natasha's DatesExtractor.

    .venv/bin/python benchmarks/eval_nerel_dates.py [--split dev|train] [--natasha] [--errors N]

Scored exactly as ``newsextract eval --format nerel`` scores ``date_span``
(``evaluation.metrics.overlap_span_match``): gold spans (de-duplicated) and
predicted spans are matched **one-to-one**, greedily in gold order, when they
overlap. A prediction overlapping a gold span that another prediction already
took is a false positive; a gold span nested in another gold span that our
single prediction already matched is a miss. The ``lenient`` line is the
older any-overlap count (a prediction is right when it overlaps any gold span,
a gold span is found when any prediction overlaps it), kept to show the gap.

Our dates come from the same Doc the pipeline builds before the date stage
(razdel segmentation + structure zones); the NER stage does not affect dates.
Reads ../shared/data/nerel-1.1 at run time (nothing is copied into the repository).
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
            cols = line.split("\t")
            etype, _, spec = cols[1].partition(" ")
            if etype == "DATE":
                bounds = [int(x) for part in spec.split(";") for x in part.split()]
                gold.append((min(bounds), max(bounds)))
        docs.append((txt.stem, text, gold))
    return docs


def ours(text: str) -> list[tuple[int, int]]:
    from newsextract import nlp, structure
    from newsextract.dates import extract
    from newsextract.doc import Doc

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


def _overlaps(a: tuple, spans) -> bool:
    return any(s[0] < a[1] and a[0] < s[1] for s in spans)


def _prf(tp_p: int, n_p: int, tp_g: int, n_g: int) -> tuple[float, float, float]:
    p = tp_p / n_p if n_p else 0.0
    r = tp_g / n_g if n_g else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(docs, system, errors: int = 0) -> dict:
    from newsextract.evaluation.metrics import overlap_span_match

    tp = fp = fn = 0
    len_tp_p = len_n_p = len_tp_g = len_n_g = 0
    fps, fns = [], []
    for name, text, gold in docs:
        pred = system(text)
        g = [(s, e, text[s:e]) for s, e in gold]
        p = [(s, e, text[s:e]) for s, e in pred]
        m = overlap_span_match(g, p)  # the harness's matching
        tp, fp, fn = tp + m.tp, fp + m.fp, fn + m.fn
        for x in m.false:
            fps.append((name, text[max(0, x[0] - 40):x[0]], x[2], text[x[1]:x[1] + 30]))
        for x in m.missed:
            fns.append((name, text[max(0, x[0] - 40):x[0]], x[2], text[x[1]:x[1] + 30]))
        gs, ps = set(g), set(p)
        len_n_p, len_n_g = len_n_p + len(ps), len_n_g + len(gs)
        len_tp_p += sum(_overlaps(x, gs) for x in ps)
        len_tp_g += sum(_overlaps(x, ps) for x in gs)
    p, r, f = _prf(tp, tp + fp, tp, tp + fn)
    if errors:
        rnd = random.Random(0)
        for label, items in (("FP", fps), ("FN", fns)):
            print(f"--- {label} ({len(items)})")
            for name, left, span, right in rnd.sample(items, min(errors, len(items))):
                print(f"{name}: ...{left!r} [[{span}]] {right!r}".replace("\\n", " "))
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "fp": fp, "fn": fn,
            "lenient": _prf(len_tp_p, len_n_p, len_tp_g, len_n_g)}


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
        lp, lr, lf = s["lenient"]
        print(f"{label:12s} NEREL {args.split} DATE overlap (one-to-one, as the harness) "
              f"P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f}  (tp {s['tp']}, fp {s['fp']}, fn {s['fn']})")
        print(f"{'':12s} lenient any-overlap (older figure)                P={lp:.3f} R={lr:.3f} F1={lf:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
