"""Speed side by side, in one run: ratios, not absolute times (the machine is shared).

    python benchmarks/bench.py [--rounds N] [--limit N] [--long-mb 3] [--skip-natasha-full]
                               [--skip PARTS] [--only PARTS]   (PARTS: throughput,workers,long)

Texts: NEREL dev, factRuEval dev and press-dev, read from ../shared at run time (else corpus/).
Printed:

1. throughput of natasha's NER alone (Segmenter + NewsNERTagger), natasha's full
   pipeline (morph, syntax, NER, span normalization) and newsextract's
   ``Pipeline.pipe`` - each over all the texts in a fresh process, rounds alternating, ratios
   of CPU time;
2. ``parallel.run`` with 1 and 2 worker processes (what ``--workers`` runs) on
   the texts, repeated to ~1 MB, each run in a fresh process timed from the import
   of newsextract on (start-up included, as a user waits for it), interleaved
   rounds, the best of each, the speed-up and whether the records are identical;
3. the cost per MB of one long document (different real news texts - the texts above and
   NEREL's training texts - joined until ``--long-mb`` MB) against the same texts as short
   documents, whole and per stage (warm caches, CPU time, the collector paused as in ``pipe()``).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"


def load_texts(limit: int | None = None) -> list[str]:
    texts = []
    nerel = DATA / "nerel-1.1" / "dev"
    if nerel.is_dir():
        texts += [f.read_text(encoding="utf-8") for f in sorted(nerel.glob("*.txt"))]
    factru = DATA / "factrueval-2016" / "devset"
    if factru.is_dir():
        texts += [f.read_text(encoding="utf-8") for f in sorted(factru.glob("*.txt"))]
    press = DATA / "press-dev" / "docs.jsonl"
    if press.is_file():
        texts += [json.loads(line)["text"] for line in press.open(encoding="utf-8") if line.strip()]
    if not texts:
        texts = [f.read_text(encoding="utf-8") for f in sorted((ROOT / "corpus").rglob("*.txt"))]
    return texts[:limit] if limit else texts


def kb(texts: list[str]) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 1024


class NatashaNer:
    name = "natasha NER alone"

    def __init__(self, emb):
        from natasha import NewsNERTagger, Segmenter

        self.seg, self.ner = Segmenter(), NewsNERTagger(emb)

    def __call__(self, texts):
        from natasha import Doc

        for text in texts:
            doc = Doc(text)
            doc.segment(self.seg)
            doc.tag_ner(self.ner)


class NatashaFull:
    name = "natasha full pipeline"

    def __init__(self, emb):
        from natasha import MorphVocab, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter

        self.seg, self.morph = Segmenter(), NewsMorphTagger(emb)
        self.syntax, self.ner, self.vocab = NewsSyntaxParser(emb), NewsNERTagger(emb), MorphVocab()

    def __call__(self, texts):
        from natasha import Doc

        for text in texts:
            doc = Doc(text)
            doc.segment(self.seg)
            doc.tag_morph(self.morph)
            doc.parse_syntax(self.syntax)
            doc.tag_ner(self.ner)
            for span in doc.spans:
                span.normalize(self.vocab)


class Ours:
    name = "newsextract Pipeline.pipe"

    def __init__(self):
        from newsextract import Pipeline

        self.pipeline = Pipeline()

    def __call__(self, texts):
        for _ in self.pipeline.pipe(texts):
            pass


def warmup_texts() -> list[str]:
    """Texts written for the project (corpus/): warm-up only, never measured."""
    return [f.read_text(encoding="utf-8", errors="replace") for f in sorted((ROOT / "corpus").rglob("*.txt"))]


RUNNERS = {"ours": lambda emb: Ours(), "ner": NatashaNer, "full": NatashaFull}


def time_run(runner: str, limit: int | None) -> None:
    """In a fresh process: build one runner, warm it up on corpus/, time it over all the
    texts; print its CPU and wall seconds as JSON (``--time-run``)."""
    from threadpoolctl import threadpool_limits

    emb = None
    if runner != "ours":
        from natasha import NewsEmbedding

        emb = NewsEmbedding()
    run = RUNNERS[runner](emb)
    threadpool_limits(1)  # every runner measured with one BLAS thread (numpy is loaded by now)
    run(warmup_texts())  # load lazily built data, warm common words
    texts = load_texts(limit)
    start, cpu = time.perf_counter(), time.process_time()
    run(texts)
    print(json.dumps({"cpu": time.process_time() - cpu, "wall": time.perf_counter() - start}))


def throughput(texts: list[str], rounds: int, full: bool, limit: int | None) -> None:
    """Each runner goes over all the texts once per round, each time in a fresh process (as a
    user's batch would: newsextract sees every text once, its word caches warm only along
    the stream; no runner works in another's heap, whose caches would slow every garbage
    collection), runners alternating. Warm-up is on corpus/. The ratios are of total CPU
    times (every runner single-threaded); wall times in brackets."""
    import subprocess

    names = {"ours": Ours.name, "ner": NatashaNer.name, "full": NatashaFull.name}
    runners = ["ours", "ner"] + (["full"] if full else [])
    total = dict.fromkeys(runners, 0.0)
    wall = dict.fromkeys(runners, 0.0)
    for k in range(rounds):
        for runner in runners if k % 2 == 0 else runners[::-1]:
            cmd = [sys.executable, __file__, "--time-run", runner]
            if limit:
                cmd += ["--limit", str(limit)]
            out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
            got = json.loads(out.strip().splitlines()[-1])
            total[runner] += got["cpu"]
            wall[runner] += got["wall"]
    size = kb(texts)
    print(f"\n1. throughput, {len(texts)} texts, {size:.0f} KB, {rounds} rounds, each runner over all "
          "texts in a fresh process after warm-up on corpus/; CPU time (wall time in brackets)")
    for runner in runners:
        print(f"   {names[runner]:28s} {rounds * size / total[runner]:7.1f} KB/s  "
              f"({rounds * size / wall[runner]:.1f} KB/s)")
    print(f"   newsextract / natasha NER alone:  {total['ner'] / total['ours']:.2f}  (target >= 0.75; "
          f"wall {wall['ner'] / wall['ours']:.2f})")
    if full:
        print(f"   newsextract / natasha full:       {total['full'] / total['ours']:.2f}  "
              f"(wall {wall['full'] / wall['ours']:.2f})")


def workers(rounds: int, limit: int | None) -> None:
    """Each run in a fresh process (``workers_child``): start-up included, nothing warm reused."""
    import subprocess

    def run(n: int) -> dict:
        cmd = [sys.executable, __file__, "--workers-child", str(n)] + (["--limit", str(limit)] if limit else [])
        done = subprocess.run(cmd, capture_output=True, text=True, check=True)
        return json.loads(done.stdout.strip().splitlines()[-1])

    runs: dict[int, list[dict]] = {1: [], 2: []}
    for k in range(max(rounds, 2)):  # interleaved: 2, 1, 1, 2, 2, 1...
        for n in (2, 1) if k % 2 == 0 else (1, 2):
            runs[n].append(run(n))
    t1, t2 = (min(r["seconds"] for r in runs[n]) for n in (1, 2))
    first = runs[1][0]
    print(f"\n2. parallel.run (--workers), the texts to ~1 MB ({first['texts']}, {first['kb']:.0f} KB), "
          f"wall time in a fresh process, start-up included, best of {len(runs[1])} interleaved rounds")
    print(f"   1 process {t1:6.1f} s, 2 processes {t2:6.1f} s: speed-up {t1 / t2:.2f}  (target >= 1.6)")
    print("   all runs: " + "; ".join(f"{n}: " + " ".join(f"{r['seconds']:.1f}" for r in runs[n]) for n in (1, 2)))
    print(f"   identical records: {len({r['sha256'] for n in runs for r in runs[n]}) == 1}; "
          f"load average now {os.getloadavg()[0]:.1f} (other sessions' jobs make single runs slow: "
          "compare the best)")


def about_1mb(texts: list[str], size_kb: float = 960) -> list[str]:
    """The texts, then again from the first, until ``size_kb`` (the size of the held-out news)."""
    out: list[str] = []
    size = 0.0
    while texts and size < size_kb:
        out.append(texts[len(out) % len(texts)])
        size += kb(out[-1:])
    return out


def workers_child(n: int, limit: int | None) -> None:
    """One timed ``parallel.run`` from the import of newsextract on; prints one JSON line."""
    import hashlib

    texts = about_1mb(load_texts(limit))
    start = time.perf_counter()
    from newsextract import parallel

    digest = hashlib.sha256()
    for _, record in parallel.run(texts, n_process=n):
        digest.update(record.model_dump_json().encode("utf-8"))
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "sha256": digest.hexdigest(), "texts": len(texts), "kb": kb(texts)}))


def long_texts(texts: list[str]) -> list[str]:
    """The texts, and NEREL's training texts when ../shared has them (more different news
    for the long document)."""
    train = DATA / "nerel-1.1" / "train"
    more = [f.read_text(encoding="utf-8") for f in sorted(train.glob("*.txt"))] if train.is_dir() else []
    return texts + more


def long_document(texts: list[str], mb: float) -> None:
    """The cost per MB of one long document against the same texts as short documents,
    both with warm caches, CPU time, the garbage collector paused as ``pipe()`` runs."""
    import newsextract.pipeline as pl
    from newsextract import Pipeline

    texts = long_texts(texts)
    parts, size, k = [], 0, 0
    while size < mb * 1e6:
        text = texts[k % len(texts)].strip()
        parts.append(text)
        size += len(text.encode("utf-8")) + 2
        k += 1
    long = "\n\n".join(parts)
    short_texts = [texts[i % len(texts)] for i in range(k)]  # the same texts, one document each
    pipeline = Pipeline()

    def staged(docs_texts: list[str]) -> dict[str, float]:
        cost: dict[str, float] = {}
        docs = [pl.new_doc(pl.make_item(t)) for t in docs_texts]
        cut = pipeline.stage_names.index("ner")
        with pl.gc_paused():
            for stages in (pipeline._run[:cut], None, pipeline._run[cut + 1:]):
                if stages is None:  # NER batched across the documents, as pipe() runs it
                    start = time.process_time()
                    from newsextract import nlp

                    nlp.tag_ner_many(docs, pipeline.ner)
                    cost["ner"] = time.process_time() - start
                    continue
                for doc in docs:
                    for stage, run in stages:
                        start = time.process_time()
                        result = run(doc)
                        if result is not None:
                            setattr(doc, stage.assigns[0], result)
                        cost[stage.name] = cost.get(stage.name, 0.0) + time.process_time() - start
        for doc in docs:
            doc.release()
        return cost

    staged(short_texts)  # warm caches
    short = staged(short_texts)
    one = staged([long])
    short_mb, long_mb = kb(short_texts) / 1024, len(long.encode("utf-8")) / 2**20
    total_short, total_long = sum(short.values()) / short_mb, sum(one.values()) / long_mb
    print(f"\n3. one {long_mb:.1f} MB document ({k} news texts joined, {min(k, len(texts))} different) "
          f"against the same {k} texts as short documents ({short_mb:.2f} MB); warm caches, CPU time")
    print(f"   cost per MB, long / short: {total_long / total_short:.2f}  (target <= 1.3)")
    for name in short:
        a, b = short[name] / short_mb, one[name] / long_mb
        print(f"   {name:14s} {a:6.2f} s/MB short {b:6.2f} s/MB long  x{b / max(a, 1e-9):.2f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--long-mb", type=float, default=3.0)
    parser.add_argument("--skip-natasha-full", action="store_true")
    parser.add_argument("--skip", default="", help="comma-separated parts to skip: throughput,workers,long")
    parser.add_argument("--only", default="", help="comma-separated parts to run alone: throughput,workers,long")
    parser.add_argument("--time-run", help=argparse.SUPPRESS)  # RUNNER, run by throughput()
    parser.add_argument("--workers-child", type=int, help=argparse.SUPPRESS)  # N, run by workers()
    args = parser.parse_args()
    if args.time_run:
        time_run(args.time_run, args.limit)
        return
    if args.workers_child:
        workers_child(args.workers_child, args.limit)
        return
    skip = set(args.skip.split(","))
    if args.only:
        skip |= {"throughput", "workers", "long"} - set(args.only.split(","))
    texts = load_texts(args.limit)
    print(f"newsextract benchmark: {len(texts)} texts, {kb(texts):.0f} KB; load average "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (numbers are noisy when it is high)")
    if "throughput" not in skip:
        throughput(texts, args.rounds, not args.skip_natasha_full, args.limit)
    if "workers" not in skip:
        workers(args.rounds, args.limit)
    if "long" not in skip:
        long_document(texts, args.long_mb)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
