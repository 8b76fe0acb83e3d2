"""Speed and memory of the whole pipeline, against natasha's full pipeline.

    python benchmarks/bench.py [--limit N] [--skip-natasha] [--skip-memory]

Texts: NEREL dev (read from ../shared at run time) or, without it, corpus/.
Prints KB/s for newsextract and for natasha (segment + morph + syntax + NER),
and the peak memory of one 3 MB single-line document in a fresh process.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NEREL_DEV = ROOT.parent / "shared" / "data" / "nerel-1.1" / "dev"


def load_texts(limit: int | None) -> list[str]:
    files = sorted(NEREL_DEV.glob("*.txt")) if NEREL_DEV.is_dir() else sorted((ROOT / "corpus").rglob("*.txt"))
    texts = [f.read_text(encoding="utf-8", errors="replace") for f in files]
    return texts[:limit] if limit else texts


def kbps(texts: list[str], seconds: float) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 1024 / seconds


def bench_ours(texts: list[str]) -> float:
    from newsextract import Pipeline

    pipeline = Pipeline()
    pipeline(texts[0])  # warm caches
    start = time.perf_counter()
    for text in texts:
        pipeline(text)
    return kbps(texts, time.perf_counter() - start)


def bench_natasha(texts: list[str]) -> float:
    from natasha import (
        Doc,
        MorphVocab,
        NewsEmbedding,
        NewsMorphTagger,
        NewsNERTagger,
        NewsSyntaxParser,
        Segmenter,
    )

    emb = NewsEmbedding()
    seg, morph, syntax, ner = Segmenter(), NewsMorphTagger(emb), NewsSyntaxParser(emb), NewsNERTagger(emb)
    vocab = MorphVocab()
    start = time.perf_counter()
    for text in texts:
        doc = Doc(text)
        doc.segment(seg)
        doc.tag_morph(morph)
        doc.parse_syntax(syntax)
        doc.tag_ner(ner)
        for span in doc.spans:
            span.normalize(vocab)
    return kbps(texts, time.perf_counter() - start)


MEMORY_SCRIPT = """
import resource, sys, time
from newsextract import Pipeline
sentence = "Губернатор Сахалинской области встретился с послом Казахстана 22 ноября 2024 года в Баку. "
text = sentence * (3_000_000 // len(sentence.encode()))
start = time.perf_counter()
record = Pipeline()(text)
print(len(text.encode()) / 1e6, time.perf_counter() - start,
      resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def bench_memory() -> tuple[float, float, float]:
    out = subprocess.run([sys.executable, "-c", MEMORY_SCRIPT], check=True, capture_output=True, text=True)
    size, seconds, peak = map(float, out.stdout.split())
    return size, seconds, peak


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int)
    parser.add_argument("--skip-natasha", action="store_true")
    parser.add_argument("--skip-memory", action="store_true")
    args = parser.parse_args()
    texts = load_texts(args.limit)
    size = sum(len(t.encode()) for t in texts) / 1024
    print(f"{len(texts)} texts, {size:.0f} KB")
    ours = bench_ours(texts)
    print(f"newsextract pipeline: {ours:7.1f} KB/s")
    if not args.skip_natasha:
        theirs = bench_natasha(texts)
        print(f"natasha full pipeline: {theirs:6.1f} KB/s  (newsextract is {ours / theirs:.1f}x)")
    if not args.skip_memory:
        mb, seconds, peak = bench_memory()
        print(f"3 MB single-line document: {mb:.1f} MB in {seconds:.1f} s, peak RSS {peak:.0f} MB")
    print(f"this process peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
