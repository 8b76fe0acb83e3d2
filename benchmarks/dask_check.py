"""newsextract.dask on a 2-process LocalCluster against the CLI: the same records, all of them.

    python benchmarks/dask_check.py [--workers 2]

Inputs, read from ../shared at run time: NEREL dev, press-dev and factRuEval dev
texts. Runs ``newsextract extract`` (one process) and ``newsextract.dask.records``
on a LocalCluster, then compares the records line by line and prints the times.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
INPUTS = [DATA / "nerel-1.1" / "dev", DATA / "press-dev" / "docs.jsonl", DATA / "factrueval-2016" / "devset"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    inputs = [str(p) for p in INPUTS if p.exists()]
    if not inputs:
        sys.exit("../shared/data is absent")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "cli.jsonl"
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "newsextract", "extract", *inputs, "-o", str(out), "-q"], check=False)
        cli_s = time.perf_counter() - start
        expected = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]

        from dask.distributed import Client, LocalCluster

        import newsextract.dask as nxd

        start = time.perf_counter()
        with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster, Client(cluster):
            got = nxd.records(inputs).compute()
        dask_s = time.perf_counter() - start
    same = got == expected
    differing = sum(a != b for a, b in zip(got, expected, strict=False)) + abs(len(got) - len(expected))
    print(f"CLI (1 process): {len(expected)} records in {cli_s:.1f} s")
    print(f"newsextract.dask on a {args.workers}-process LocalCluster: {len(got)} records in {dask_s:.1f} s "
          "(cluster start-up included)")
    print(f"identical records: {same} ({differing} differing)")
    sys.exit(0 if same else 1)


if __name__ == "__main__":
    main()
