"""``newsextract eval``: argument parsing only; the work is in this package."""

from __future__ import annotations

import argparse


def add_parser(sub) -> None:
    ev = sub.add_parser("eval", help="score the extractor against gold annotations")
    ev.add_argument("path")
    ev.add_argument("--format", choices=["corpus", "factrueval", "nerel"], default="corpus")
    ev.add_argument("--json", action="store_true")
    ev.add_argument("--errors", action="store_true")
    ev.add_argument("--baseline", choices=["natasha"])
    ev.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    raise NotImplementedError("eval is not implemented yet")
