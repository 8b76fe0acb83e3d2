"""``newsextract eval``: argument parsing only; the work is in this package."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_parser(sub) -> None:
    ev = sub.add_parser("eval", help="score the extractor against gold annotations")
    ev.add_argument("path")
    ev.add_argument("--format", choices=["corpus", "factrueval", "nerel"], default="corpus")
    ev.add_argument("--json", action="store_true", help="print the report as JSON")
    ev.add_argument("--errors", action="store_true", help="list misses and false hits per document")
    ev.add_argument("--baseline", choices=["natasha"], help="add a column for natasha alone")
    ev.add_argument("--no-published", action="store_true",
                    help="drop the items' published date before extraction (the extractor finds it)")
    ev.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from .runner import evaluate

    if not Path(args.path).exists():
        print(f"newsextract: no such file or folder: {args.path}", file=sys.stderr)
        return 2
    report = evaluate(args.path, args.format, baseline=args.baseline, no_published=args.no_published)
    if not report.documents:
        print(f"newsextract: nothing to score in {args.path} (no documents with {args.format} gold)",
              file=sys.stderr)
        return 1
    if args.json:
        print(report.to_json(errors=args.errors))
        return 0
    if args.errors:
        print(report.error_text())
        print()
    print(report.table())
    return 0
