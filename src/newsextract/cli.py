"""Command-line interface: parses arguments, library functions do the work.

Exit status: 0 every document gave a record; 1 some did not (or ``eval`` had
nothing to score); 2 usage errors and unusable outputs (checked before any
document is read; OUT untouched); 130 interrupted by Ctrl-C. No traceback
reaches the user unless ``-vv``.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import sys
import traceback
from pathlib import Path

from . import __version__
from .batch import DEFAULT_TIMEOUT
from .errors import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_SOME_FAILED,
    EXIT_USAGE,
    NewsExtractError,
    UsageError,
    exit_code,
)
from .reader import DEFAULT_MAX_BYTES

log = logging.getLogger("newsextract")

STDIN_FORMATS = ("txt", "md", "html", "json", "jsonl")


def _setup_logging(verbosity: int, quiet: bool) -> None:
    level = logging.ERROR if quiet and verbosity <= 0 else logging.WARNING - 10 * verbosity
    logging.basicConfig(level=max(logging.DEBUG, level), stream=sys.stderr,
                        format="%(levelname)s %(name)s: %(message)s", force=True)


def _size(value: str) -> int:
    """``10000000``, ``500K``, ``10M``, ``1G`` (powers of 1000)."""
    m = re.fullmatch(r"\s*(\d+)\s*([kKmMgG]?)[bB]?\s*", value)
    if not m or int(m.group(1)) <= 0:
        raise argparse.ArgumentTypeError(f"not a positive size: {value!r} (e.g. 10M, 500K)")
    return int(m.group(1)) * {"": 1, "k": 10**3, "m": 10**6, "g": 10**9}[m.group(2).lower()]


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}") from None
    if seconds < 0:
        raise argparse.ArgumentTypeError("--timeout must be 0 (no limit) or more")
    return seconds


def _check_paths(paths: list[str]) -> None:
    """Usage errors among the PATHs: missing ones, ``-`` twice."""
    if paths.count("-") > 1:
        raise UsageError("- (the standard input) can be given once")
    missing = []
    for p in paths:
        if p == "-":
            continue
        try:
            os.stat(p)
        except FileNotFoundError:
            missing.append(p)
        except OSError:
            pass  # unreadable: the reader gives it an error line
    if missing:
        raise UsageError(f"no such file or folder: {', '.join(missing)}")


def _cmd_extract(args: argparse.Namespace) -> int:
    from .batch import run_batch

    _check_paths(args.paths)
    if args.workers < 1:
        raise UsageError("--workers must be at least 1")
    if args.scheduler:
        from .batch import errors_path_for
        from .dask import extract_to

        out = Path(args.output)
        ok, failed = extract_to(args.paths, out, Path(args.errors) if args.errors else errors_path_for(out),
                                address=args.scheduler, n_workers=max(args.workers, 2), topics=args.topics,
                                enable=[s.strip() for s in args.only.split(",") if s.strip()] if args.only else None)
        print(f"{ok} records, {failed} errors", file=sys.stderr)
        return EXIT_SOME_FAILED if failed else EXIT_OK
    summary = run_batch(args.paths, args.output, errors=args.errors, workers=args.workers,
                        resume=args.resume, topics=args.topics, progress=not args.quiet,
                        max_bytes=args.max_bytes, timeout=args.timeout or None,
                        stdin_format=args.format,
                        only=[s.strip() for s in args.only.split(",") if s.strip()] if args.only else None)
    print(summary.line(), file=sys.stderr)
    if summary.interrupted:
        return EXIT_INTERRUPTED
    return EXIT_SOME_FAILED if summary.errors else EXIT_OK


def _cmd_schema(args: argparse.Namespace) -> int:
    if args.contract:
        from . import resources

        print(resources.read_text("RECORD.md"), end="")
        return EXIT_OK
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
    print(f"{len(written)} files written to {args.output}", file=sys.stderr)
    return EXIT_OK


def _cmd_report(args: argparse.Namespace) -> int:
    from .report import write_report

    if missing := _missing_records(args.records):
        print(f"newsextract: no such records file: {', '.join(missing)}", file=sys.stderr)
        return EXIT_USAGE
    out = write_report(args.records, args.output, title=args.title)
    print(f"report written to {out}", file=sys.stderr)
    return EXIT_OK


def _add_common(parser: argparse.ArgumentParser, *, top: bool) -> None:
    """-v/-q, accepted before the subcommand (``top``) and after it."""
    suffix = "" if top else "_sub"
    for flags, kwargs in ((("-v", "--verbose"), dict(action="count", default=0,
                                                     help="more logging (-v lists skipped files, -vv debug "
                                                          "and tracebacks)")),
                          (("-q", "--quiet"), dict(action="store_true",
                                                   help="no progress bar, errors only in the errors file"))):
        try:
            parser.add_argument(*flags, dest=flags[1][2:] + suffix, **kwargs)
        except argparse.ArgumentError:
            pass  # the subcommand has its own meaning for the flag


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsextract", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _add_common(parser, top=True)
    sub = parser.add_subparsers(dest="command", required=True)

    ext = sub.add_parser("extract", help="extract records from files and folders into JSONL")
    ext.add_argument("paths", nargs="+", metavar="PATH", help="files or folders; - reads the standard input")
    ext.add_argument("-o", "--output", required=True, metavar="OUT.jsonl", help="- writes to standard output")
    ext.add_argument("--errors", metavar="FILE", help="errors file (default: OUT.errors.jsonl; "
                                                      "with -o -, the standard error)")
    ext.add_argument("--workers", type=int, default=1, metavar="N")
    ext.add_argument("--scheduler", metavar="ADDRESS",
                     help="run on a Dask cluster (tcp://host:8786, or 'local': a LocalCluster of --workers "
                          "processes, at least 2); needs the dask extra")
    ext.add_argument("--resume", action="store_true",
                     help="repair OUT (cut a torn last line) and skip documents already in it")
    ext.add_argument("--topics", metavar="FILE", help="a taxonomy TOML file of your own")
    ext.add_argument("--only", metavar="STAGES", help="run only these stages (and what they need), "
                     "e.g. countries,dates; the other fields stay empty")
    ext.add_argument("--format", choices=STDIN_FORMATS, default="txt",
                     help="what the standard input (-) holds: one document, or JSONL items")
    ext.add_argument("--max-bytes", type=_size, default=DEFAULT_MAX_BYTES, metavar="SIZE",
                     help="larger files get an error line and are not read (default 2M; a JSONL file "
                          "above it is read line by line)")
    ext.add_argument("--timeout", type=_seconds, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                     help="time budget per document, 0 for none (default 600)")
    ext.set_defaults(func=_cmd_extract)

    sch = sub.add_parser("schema", help="print the JSON Schema of a record")
    sch.add_argument("--contract", action="store_true", help="print the record contract (RECORD.md) instead")
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
    for subparser in sub.choices.values():
        _add_common(subparser, top=False)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) and EXIT_USAGE
    args.verbose = args.verbose + getattr(args, "verbose_sub", 0)
    args.quiet = args.quiet or getattr(args, "quiet_sub", False)
    _setup_logging(args.verbose, args.quiet)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except NewsExtractError as exc:
        if args.verbose >= 2:
            traceback.print_exc()
        print(f"newsextract: {exc}", file=sys.stderr)
        return exit_code(exc)
    except Exception as exc:  # noqa: BLE001 - one clear line, the traceback with -vv
        if args.verbose >= 2:
            traceback.print_exc()
        print(f"newsextract: internal error: {type(exc).__name__}: {exc} (-vv shows the traceback)",
              file=sys.stderr)
        return EXIT_SOME_FAILED
