"""Batch extraction: many inputs into one JSONL file, never losing a document.

Every failure of reading, decoding, processing or encoding one document
becomes one line in the errors file (with its kind and stage) and the batch
goes on. Records are written in input order, whole lines only (each encoded
as strict UTF-8 and checked before it is written), into an output held under
an advisory lock (``fcntl.flock``): a second writer on the same OUT is refused.

``--resume`` repairs OUT first (a torn last line is cut and reported), then
skips the documents whose ``(doc_id, sha256)`` are already there; the result
is byte for byte the output of a clean run. Duplicate ids are made unique in
input order (the second ``x`` becomes ``x#2``, the third ``x#3``), so the
renaming is the same in every run.

Processes: :func:`_outcomes` is the one place that knows about them; it
calls :func:`newsextract.parallel.run` (one process with a ``SIGALRM`` time
budget, or a pool whose workers are replaced when they die or run out of time).
"""

from __future__ import annotations

import itertools
import json
import logging
import os
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional, Union

from .errors import (
    DocumentTimeout,
    NewsExtractError,
    OutputError,
    OutputLocked,
    ResumeError,
    StageError,
    UsageError,
    WorkerDied,
)
from .reader import DEFAULT_MAX_BYTES, STDIN, Entry, Failure, Item, Skipped, iter_entries, read_paths
from .records import NewsRecord

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 600.0  # seconds per document; a 2 MB document takes about two minutes
STDOUT = "-"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


@dataclass
class Summary:
    records: int = 0
    errors: int = 0
    skipped: int = 0
    resumed: int = 0
    renamed: int = 0
    cut_bytes: int = 0
    interrupted: bool = False
    failures: list[Failure] = field(default_factory=list)
    skipped_paths: list[Skipped] = field(default_factory=list)
    resume: bool = False

    @property
    def ok(self) -> int:  # the former name
        return self.records

    @property
    def failed(self) -> int:
        return self.errors

    def line(self) -> str:
        parts = [_plural(self.records, "record"), _plural(self.errors, "error"), f"{self.skipped} skipped"]
        if self.resume:
            parts.append(f"{self.resumed} resumed")
        if self.renamed:
            parts.append(f"{self.renamed} duplicate ids renamed")
        if self.cut_bytes:
            parts.append(f"a torn last line of {self.cut_bytes} bytes cut")
        return ", ".join(parts) + (" - interrupted" if self.interrupted else "")


def errors_path_for(out: Path) -> Path:
    """``OUT.jsonl`` -> ``OUT.errors.jsonl``."""
    name = out.name[:-len(".jsonl")] if out.name.endswith(".jsonl") else out.name
    return out.with_name(name + ".errors.jsonl")


# --- outputs ---------------------------------------------------------------------------------

RECORD_PREFIX = b'{"schema_version": '
ERROR_PREFIX = b'{"path": '


def _looks_like(path: Path, prefix: bytes) -> bool:
    """An existing file that is empty or starts as newsextract writes it (so it is ours to rewrite)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(prefix))
    except OSError:
        return False
    return head == b"" or head == prefix


def check_outputs(paths: Iterable[str], out: str, errors: Optional[str]) -> None:
    """Refuse (``OutputError``) outputs that are inputs or each other, before anything is opened."""
    targets = [(flag, Path(p), prefix) for flag, p, prefix in
               (("-o", out, RECORD_PREFIX), ("--errors", errors, ERROR_PREFIX)) if p and p != STDOUT]
    if len(targets) == 2 and os.path.realpath(targets[0][1]) == os.path.realpath(targets[1][1]):
        raise OutputError(f"-o and --errors name the same file ({out}): give them different names")
    named = {}
    folders = []
    for p in paths:
        if p == STDIN:
            continue
        if os.path.isdir(p):
            folders.append(os.path.realpath(p))
        else:
            named[os.path.realpath(p)] = p
    for flag, path, prefix in targets:
        real = os.path.realpath(path)
        if os.path.isdir(path):
            raise OutputError(f"{flag} {path} is a folder, not a file")
        if real in named:
            raise OutputError(f"{flag} {path} is one of the input files: not overwritten")
        inside = any(real.startswith(folder.rstrip(os.sep) + os.sep) for folder in folders)
        if inside and os.path.exists(path) and not _looks_like(path, prefix):
            raise OutputError(f"{flag} {path} is an input file under {', '.join(sorted(folders))} "
                              "and not a newsextract output: not overwritten")


class LineWriter:
    """A JSONL output written in whole lines, held under an exclusive advisory lock.

    ``path=None`` writes to a stream (standard output or error) without a lock.
    """

    def __init__(self, path: Optional[Path], *, flag: str, stream=None):
        self.path, self.flag, self.stream, self.fd = path, flag, stream, None

    def open(self, *, append: bool) -> LineWriter:
        if self.path is None:
            return self
        import fcntl

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT, 0o666)
        except OSError as exc:
            raise OutputError(f"cannot write {self.flag} {self.path}: {exc.strerror or exc}") from exc
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(fd)
            raise OutputLocked(f"{self.flag} {self.path} is being written by another newsextract "
                               "(it holds the file's lock): nothing done") from exc
        self.fd = fd
        if append:
            os.lseek(fd, 0, os.SEEK_END)
        else:
            os.ftruncate(fd, 0)
        return self

    def truncate(self, size: int) -> None:
        assert self.fd is not None
        os.ftruncate(self.fd, size)
        os.lseek(self.fd, 0, os.SEEK_END)

    def write(self, data: bytes) -> None:
        """One whole line (``data`` ends with a newline)."""
        if self.path is None:
            self.stream.write(data)
            self.stream.flush()
            return
        view = memoryview(data)
        while view:
            try:
                written = os.write(self.fd, view)
            except OSError as exc:
                raise OutputError(f"cannot write {self.flag} {self.path}: {exc.strerror or exc}") from exc
            view = view[written:]

    def close(self) -> None:
        if self.fd is not None:
            os.close(self.fd)  # releases the lock
            self.fd = None


def encode_line(obj: dict) -> bytes:
    """One JSON line, strict UTF-8, checked to read back as one object; ``ValueError`` if not."""
    line = json.dumps(obj, ensure_ascii=False)
    data = line.encode("utf-8") + b"\n"  # strict: a lone surrogate raises UnicodeEncodeError
    if b"\n" in data[:-1] or not isinstance(json.loads(data), dict):
        raise ValueError("the record does not encode as one JSON line")
    return data


def resume_state(path: Path) -> tuple[set[tuple[str, Optional[str]]], int]:
    """``(done keys, good length)`` of an OUT to resume: the keys of its complete records and
    the length to cut it to (a torn or damaged last line is dropped). A damaged line before
    the last one raises ``ResumeError``.
    """
    keys: set[tuple[str, Optional[str]]] = set()
    good_end = offset = 0
    bad_line = None
    if not path.exists():
        return keys, 0
    with open(path, "rb") as fh:
        for lineno, line in enumerate(fh, 1):
            offset += len(line)
            if bad_line is not None:
                raise ResumeError(f"line {bad_line} of {path} is not a record: not resuming "
                                  "(remove that line, or run without --resume)")
            try:
                if not line.endswith(b"\n"):
                    raise ValueError("torn")
                obj = json.loads(line)
                keys.add((obj["doc_id"], (obj.get("source") or {}).get("sha256")))
            except (ValueError, KeyError, TypeError, AttributeError):
                bad_line = lineno
                continue
            good_end = offset
    return keys, good_end


# --- processes -------------------------------------------------------------------------------

def _pipeline(options: dict):
    from .pipeline import Pipeline

    return Pipeline(**options)


def _check_options(topics: Optional[str], only: Optional[list[str]]) -> None:
    """``UsageError`` for a user's taxonomy that does not load or stages that cannot run."""
    if topics is not None:
        from .topics.stage import load_taxonomy

        load_taxonomy(topics)
    if only:
        from .pipeline import select

        select(only)


def _outcomes(items: Iterable[Item], *, workers: int, options: dict, timeout: Optional[float],
              pipeline=None) -> Iterator[tuple[Item, Any]]:
    """``(item, NewsRecord or exception)`` in input order, from ``parallel.run`` (one process,
    or a pool whose dead and late workers are replaced). No worker starts without an item."""
    from . import parallel

    source = iter(items)
    first = next(source, None)
    if first is None:
        return
    if timeout and workers <= 1 and threading.current_thread() is not threading.main_thread():
        log.warning("no --timeout outside the main thread in one process (it needs SIGALRM)")
        timeout = None
    yield from parallel.run(itertools.chain([first], source), n_process=workers, pipeline_options=options,
                            timeout=timeout or None, pipeline=pipeline if workers <= 1 else None)


def _interleave(reads: Iterable[Union[Item, Failure]],
                run: Callable[[Iterable[Item]], Iterator[tuple[Item, Any]]]) -> Iterator[tuple[Any, Any]]:
    """Outcomes of the items and the failures among them, all in input order."""
    waiting: deque = deque()  # (index of the next item, failure)
    count = 0

    def items() -> Iterator[Item]:
        nonlocal count
        for read in reads:
            if isinstance(read, Failure):
                waiting.append((count, read))
            else:
                count += 1
                yield read

    for index, (item, outcome) in enumerate(run(items())):
        while waiting and waiting[0][0] <= index:
            failure = waiting.popleft()[1]
            yield failure, failure
        yield item, outcome
    while waiting:
        failure = waiting.popleft()[1]
        yield failure, failure


def failure_of(item: Item, outcome: BaseException) -> Failure:
    path = item.source.path or item.doc_id
    if isinstance(outcome, StageError):
        cause = outcome.cause
        kind = getattr(cause, "kind", None) or type(cause).__name__
        return Failure(path, kind, str(cause) or kind, item.doc_id, stage=outcome.stage, size=item.size)
    if isinstance(outcome, DocumentTimeout):
        return Failure(path, "DocumentTimeout", str(outcome), item.doc_id, stage="process", size=item.size)
    if isinstance(outcome, WorkerDied):
        return Failure(path, "WorkerDied", str(outcome), item.doc_id, stage="worker", size=item.size)
    return Failure(path, type(outcome).__name__, str(outcome), item.doc_id, stage="process", size=item.size)


# --- the batch -------------------------------------------------------------------------------

def run_batch(paths: list[str], out: Union[Path, str], *, errors: Optional[Union[Path, str]] = None,
              workers: int = 1, resume: bool = False, topics: Optional[str] = None, progress: bool = True,
              max_bytes: int = DEFAULT_MAX_BYTES, timeout: Optional[float] = DEFAULT_TIMEOUT,
              stdin_format: str = "txt", only: Optional[list[str]] = None) -> Summary:
    """Extract records for every input under ``paths`` into ``out`` (JSONL; ``"-"``: stdout).

    ``only``: run just these stages (and what they require), ``Pipeline(enable=only)``.

    Raises ``UsageError`` (outputs refused or locked, bad taxonomy) before any
    document is read or any output touched.
    """
    out = str(out)
    to_stdout = out == STDOUT
    errors = str(errors) if errors else (None if to_stdout else str(errors_path_for(Path(out))))
    if resume and to_stdout:
        raise UsageError("--resume needs an OUT file, not the standard output")
    check_outputs(paths, out, errors)
    # Usage errors (a bad taxonomy, stages that cannot run) come before any output is touched:
    # one process builds its pipeline here; for workers a user's taxonomy and the stages are
    # checked (the packaged taxonomy is not built here too: the parent stays light).
    options = {"topics": topics, "enable": only}
    pipeline = _pipeline(options) if workers <= 1 else None
    if pipeline is None:
        _check_options(topics, only)
    out_w = LineWriter(None, flag="-o", stream=sys.stdout.buffer) if to_stdout else LineWriter(Path(out), flag="-o")
    err_w = LineWriter(Path(errors), flag="--errors") if errors else \
        LineWriter(None, flag="--errors", stream=sys.stderr.buffer)
    summary = Summary(resume=resume)
    try:
        out_w.open(append=resume)
        err_w.open(append=False)
        done: set = set()
        if resume:
            done, good_end = resume_state(Path(out))
            size = os.path.getsize(out)
            if good_end < size:
                summary.cut_bytes = size - good_end
                log.warning("%s: cut a torn last line (%d bytes) before resuming", out, size - good_end)
                out_w.truncate(good_end)
        _run(paths, out_w, err_w, summary, done=done, workers=workers,
             options=options, pipeline=pipeline, timeout=timeout, max_bytes=max_bytes,
             stdin_format=stdin_format, progress=progress,
             exclude=[p for p in (out, errors) if p and p != STDOUT])
    finally:
        out_w.close()
        err_w.close()
    return summary


def _unique_ids(reads: Iterable, summary: Summary) -> Iterator:
    """Items with ids made unique in input order (``x``, ``x#2``, ``x#3``...)."""
    used: dict[str, int] = {}
    for read in reads:
        if isinstance(read, Item):
            doc_id = read.doc_id
            if doc_id in used:
                k = used[doc_id]
                while f"{doc_id}#{k}" in used:
                    k += 1
                used[doc_id] = k + 1
                read.doc_id = f"{doc_id}#{k}"
                summary.renamed += 1
                log.warning("%s: duplicate id %r written as %r", read.source.path, doc_id, read.doc_id)
            used.setdefault(read.doc_id, 2)
        yield read


def _total_bytes(paths: list[str], exclude: list[str]) -> Optional[int]:
    skip = {os.path.realpath(p) for p in exclude}
    total = 0
    for entry in iter_entries(paths):
        if isinstance(entry, Entry):
            if entry.size < 0:
                return None  # the standard input: size unknown
            if os.path.realpath(entry.path) not in skip:
                total += entry.size
    return total


def _run(paths, out_w: LineWriter, err_w: LineWriter, summary: Summary, *, done: set, workers: int,
         options: dict, pipeline, timeout, max_bytes: int, stdin_format: str, progress: bool, exclude: list[str]) -> None:
    show = progress and sys.stderr.isatty()
    bar = _progress(show, _total_bytes(paths, exclude) if show else None)

    def fail(failure: Failure) -> None:
        summary.errors += 1
        summary.failures.append(failure)
        log.warning("%s: %s: %s", failure.path, failure.error, failure.message)
        err_w.write(encode_line(failure.to_json()) if _encodable(failure) else _safe_error_line(failure))

    def reads() -> Iterator[Union[Item, Failure]]:
        for read in _unique_ids(read_paths(paths, exclude=exclude, max_bytes=max_bytes,
                                           stdin_format=stdin_format, skipped=True), summary):
            if isinstance(read, Skipped):
                summary.skipped += 1
                summary.skipped_paths.append(read)
                log.info("skipped %s: %s", read.path, read.reason)
            elif isinstance(read, Item) and (read.doc_id, read.source.sha256) in done:
                summary.resumed += 1
                bar.update(read.size)
            else:
                yield read

    def run(items: Iterable[Item]):
        return _outcomes(items, workers=workers, options=options, timeout=timeout, pipeline=pipeline)

    try:
        for item, outcome in _interleave(reads(), run):
            if isinstance(outcome, Failure):
                fail(outcome)
            elif isinstance(outcome, NewsRecord):
                try:
                    data = encode_line(outcome.model_dump(mode="json"))
                except (ValueError, TypeError) as exc:  # UnicodeEncodeError is a ValueError
                    fail(Failure(item.source.path or item.doc_id, type(exc).__name__, str(exc),
                                 item.doc_id, stage="encode"))
                else:
                    out_w.write(data)
                    summary.records += 1
            else:
                fail(failure_of(item, outcome))
            bar.update(item.size)
    except KeyboardInterrupt:
        summary.interrupted = True
    finally:
        bar.close()


def _encodable(failure: Failure) -> bool:
    try:
        encode_line(failure.to_json())
    except ValueError:
        return False
    return True


def _safe_error_line(failure: Failure) -> bytes:
    obj = {k: (v.encode("utf-8", "replace").decode("utf-8") if isinstance(v, str) else v)
           for k, v in failure.to_json().items()}
    return encode_line(obj)


def _progress(enabled: bool, total: Optional[int]):
    from tqdm import tqdm

    return tqdm(desc="extract", total=total or None, unit="B", unit_scale=True, unit_divisor=1024,
                disable=not enabled, file=sys.stderr, dynamic_ncols=True)


__all__ = ["run_batch", "Summary", "errors_path_for", "check_outputs", "resume_state", "LineWriter",
           "encode_line", "failure_of", "DEFAULT_TIMEOUT", "NewsExtractError"]
