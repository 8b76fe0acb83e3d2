"""Command-line interface: parses arguments, library functions do the work.

Exit status: 0 every document gave a record; 1 some did not; 2 usage errors;
130 interrupted by Ctrl-C.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130

log = logging.getLogger("newsextract")


def _setup_logging(verbosity: int) -> None:
    level = logging.WARNING - 10 * verbosity
    logging.basicConfig(level=max(logging.DEBUG, level), stream=sys.stderr,
                        format="%(levelname)s %(name)s: %(message)s")


def _cmd_extract(args: argparse.Namespace) -> int:
    from .batch import run_batch

    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        print(f"newsextract: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return EXIT_USAGE
    if args.scheduler:
        from .batch import errors_path_for
        from .dask import extract_to

        out = Path(args.output)
        ok, failed = extract_to(args.paths, out, Path(args.errors) if args.errors else errors_path_for(out),
                                address=args.scheduler, n_workers=max(args.workers, 2), topics=args.topics)
        print(f"{ok} records, {failed} errors", file=sys.stderr)
        return EXIT_SOME_FAILED if failed else EXIT_OK
    summary = run_batch(args.paths, Path(args.output), errors=Path(args.errors) if args.errors else None,
                        workers=args.workers, resume=args.resume, topics=args.topics,
                        progress=not args.quiet)
    print(summary.line(), file=sys.stderr)
    if summary.interrupted:
        return EXIT_INTERRUPTED
    return EXIT_SOME_FAILED if summary.failed else EXIT_OK


def _cmd_schema(args: argparse.Namespace) -> int:
    from .records import json_schema

    print(json.dumps(json_schema(), ensure_ascii=False, indent=2))
    return EXIT_OK


def _cmd_show(args: argparse.Namespace) -> int:
    from .show import show_path

    return show_path(args.file, topics=args.topics, html=args.html)


def _missing_records(paths: list[str]) -> list[str]:
    return [p for p in paths if not Path(p).is_file()]


def _cmd_export(args: argparse.Namespace) -> int:
    from .tabular import describe, tables

    if args.describe:
        print(describe())
        return EXIT_OK
    if not args.records or not args.output:
        print("newsextract export: give RECORDS.jsonl... and -o DIR (or --describe)", file=sys.stderr)
        return EXIT_USAGE
    if missing := _missing_records(args.records):
        print(f"newsextract: no such records file: {', '.join(missing)}", file=sys.stderr)
        return EXIT_USAGE
    written = tables(args.records).write(args.output, format=args.format)
    print(f"{len(written)} file{'s' if len(written) != 1 else ''} written to {args.output}", file=sys.stderr)
    return EXIT_OK


def _cmd_report(args: argparse.Namespace) -> int:
    from .report import write_report

    if missing := _missing_records(args.records):
        print(f"newsextract: no such records file: {', '.join(missing)}", file=sys.stderr)
        return EXIT_USAGE
    out = write_report(args.records, args.output, title=args.title)
    print(f"report written to {out}", file=sys.stderr)
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsextract", description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more logging (-vv: debug)")
    sub = parser.add_subparsers(dest="command", required=True)

    ext = sub.add_parser("extract", help="extract records from files and folders into JSONL")
    ext.add_argument("paths", nargs="+", metavar="PATH")
    ext.add_argument("-o", "--output", required=True, metavar="OUT.jsonl")
    ext.add_argument("--errors", metavar="FILE", help="errors file (default: OUT.errors.jsonl)")
    ext.add_argument("--workers", type=int, default=1, metavar="N")
    ext.add_argument("--scheduler", metavar="ADDRESS",
                     help="run on a Dask cluster (tcp://host:8786, or 'local': a LocalCluster of --workers "
                          "processes, at least 2); needs the dask extra")
    ext.add_argument("--resume", action="store_true", help="skip documents already in OUT")
    ext.add_argument("--topics", metavar="FILE", help="a taxonomy TOML file of your own")
    ext.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    ext.set_defaults(func=_cmd_extract)

    sch = sub.add_parser("schema", help="print the JSON Schema of a record")
    sch.set_defaults(func=_cmd_schema)

    show = sub.add_parser("show", help="a readable summary of one document's record")
    show.add_argument("file")
    show.add_argument("--topics", metavar="FILE")
    show.add_argument("--html", action="store_true", help="an HTML page with the entities marked, on stdout")
    show.set_defaults(func=_cmd_show)

    exp = sub.add_parser("export", help="normalized tables of records: Parquet, CSV or DuckDB")
    exp.add_argument("records", nargs="*", metavar="RECORDS.jsonl")
    exp.add_argument("-o", "--output", metavar="DIR")
    exp.add_argument("--format", choices=("parquet", "csv", "duckdb"), default="parquet")
    exp.add_argument("--describe", action="store_true", help="print the tables' columns and types")
    exp.set_defaults(func=_cmd_export)

    rep = sub.add_parser("report", help="one self-contained HTML page of records")
    rep.add_argument("records", nargs="+", metavar="RECORDS.jsonl")
    rep.add_argument("-o", "--output", required=True, metavar="report.html")
    rep.add_argument("--title", default="newsextract report")
    rep.set_defaults(func=_cmd_report)

    from .evaluation import cli as eval_cli

    eval_cli.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) and EXIT_USAGE
    _setup_logging(args.verbose)
    if getattr(args, "workers", 1) < 1:
        print("newsextract: --workers must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
