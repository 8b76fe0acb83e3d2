"""Batch extraction: many inputs into one JSONL file, never losing a document.

Each record is written and flushed as soon as it is done; a failure becomes a
line in the errors file and the batch goes on. With ``workers > 1`` documents
are processed in worker processes (each loads the models once) and written in
input order, identical to a single-process run.
"""

from __future__ import annotations

import json
import logging
import multiprocessing as mp
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from .pipeline import Pipeline, StageError
from .reader import Failure, Item, read_paths

log = logging.getLogger(__name__)


@dataclass
class Summary:
    ok: int = 0
    failed: int = 0
    skipped: int = 0
    interrupted: bool = False
    failures: list[Failure] = field(default_factory=list)

    def line(self) -> str:
        text = f"{self.ok} records, {self.failed} errors, {self.skipped} skipped (resume)"
        return text + (" - interrupted" if self.interrupted else "")


def errors_path_for(out: Path) -> Path:
    """``OUT.jsonl`` -> ``OUT.errors.jsonl``."""
    name = out.name[:-len(".jsonl")] if out.name.endswith(".jsonl") else out.name
    return out.with_name(name + ".errors.jsonl")


def done_keys(out: Path) -> set[tuple[str, str]]:
    """``(doc_id, sha256)`` of every complete record already in OUT."""
    keys: set[tuple[str, str]] = set()
    if not out.exists():
        return keys
    with out.open(encoding="utf-8") as fh:
        for line in fh:
            try:
                obj = json.loads(line)
            except json.JSONDecodeError:
                continue  # a line cut by an interruption
            keys.add((obj.get("doc_id"), (obj.get("source") or {}).get("sha256")))
    return keys


def _process(pipeline: Pipeline, item: Item) -> tuple[str, Optional[str], Optional[Failure]]:
    try:
        record = pipeline.process(item)
    except StageError as exc:
        log.debug("failed %s", item.doc_id, exc_info=True)
        return item.doc_id, None, Failure(item.source.path or item.doc_id, type(exc.cause).__name__,
                                          str(exc), item.doc_id)
    line = json.dumps(record.model_dump(mode="json"), ensure_ascii=False)
    return item.doc_id, line, None


_WORKER: Optional[Pipeline] = None


def _init_worker(topics: Optional[str], only: Optional[list[str]] = None) -> None:
    global _WORKER
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    _WORKER = Pipeline(topics=topics, enable=only)


def _work(item: Item):
    assert _WORKER is not None
    return _process(_WORKER, item)


def _results(items: Iterable[Item], workers: int, topics: Optional[str],
             only: Optional[list[str]] = None) -> Iterator:
    if workers <= 1:
        pipeline = Pipeline(topics=topics, enable=only)
        for item in items:
            yield _process(pipeline, item)
        return
    ctx = mp.get_context("spawn" if sys.platform == "darwin" else "forkserver")
    with ctx.Pool(workers, initializer=_init_worker, initargs=(topics, only)) as pool:
        yield from pool.imap(_work, items, chunksize=1)


def _write_failure(fh, failure: Failure) -> None:
    fh.write(json.dumps({"path": failure.path, "error": failure.error,
                         "message": failure.message, "doc_id": failure.doc_id},
                        ensure_ascii=False) + "\n")
    fh.flush()


def run_batch(paths: list[str], out: Path, *, errors: Optional[Path] = None, workers: int = 1,
              resume: bool = False, topics: Optional[str] = None, progress: bool = True,
              only: Optional[list[str]] = None) -> Summary:
    """Extract records for every input under ``paths`` into ``out`` (JSONL).

    ``only``: run just these stages (and what they require), ``Pipeline(enable=only)``.
    """
    errors = errors or errors_path_for(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    skip = done_keys(out) if resume else set()
    summary = Summary()
    mode = "a" if resume else "w"
    with out.open(mode, encoding="utf-8") as out_fh, errors.open("w", encoding="utf-8") as err_fh:
        def items() -> Iterator[Item]:
            for read in read_paths(paths, exclude=(out, errors)):
                if isinstance(read, Failure):
                    summary.failed += 1
                    summary.failures.append(read)
                    _write_failure(err_fh, read)
                elif (read.doc_id, read.source.sha256) in skip:
                    summary.skipped += 1
                else:
                    yield read

        bar = _progress(progress)
        try:
            for _doc_id, line, failure in _results(items(), workers, topics, only):
                if failure is not None:
                    summary.failed += 1
                    summary.failures.append(failure)
                    _write_failure(err_fh, failure)
                    log.warning("%s: %s", failure.path, failure.message)
                else:
                    out_fh.write(line + "\n")
                    out_fh.flush()
                    summary.ok += 1
                bar.update(1)
        except KeyboardInterrupt:
            summary.interrupted = True
        finally:
            bar.close()
    return summary


def _progress(enabled: bool):
    from tqdm import tqdm

    return tqdm(desc="extract", unit="doc", disable=not enabled or not sys.stderr.isatty(),
                file=sys.stderr, dynamic_ncols=True)
