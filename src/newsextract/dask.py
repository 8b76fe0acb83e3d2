"""newsextract on a Dask cluster, when one machine is not enough (the ``dask`` extra).

    from dask.distributed import Client
    import newsextract.dask as nxd

    client = Client("tcp://scheduler:8786")        # or LocalCluster(n_workers=2)
    bag = nxd.records(["news/"], topics=None)       # a dask.bag.Bag of record dicts
    bag.take(1); bag.compute()                      # the CLI's records, in the CLI's order
    nxd.export(["news/"], "tables/")                # tables/<table>/part-00000.parquet ...

Paths are listed on the client (as ``extract`` lists them) and read on the
workers, so only file names travel; items (``Item`` or plain texts) travel as
they are. Each worker process builds one ``Pipeline`` per set of options, the
first time a partition needs it, and keeps it (``_pipeline``): a Pipeline is
never pickled with a task. BLAS runs one thread per worker (the Dask nanny's
``OMP_NUM_THREADS``/``OPENBLAS_NUM_THREADS`` and ``threads.limit_threads``).
Documents that cannot be read or processed are left out of ``records`` and
logged; ``outcomes`` keeps them as ``{"error": ...}`` dicts.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Optional

from .errors import UsageError

log = logging.getLogger(__name__)

PARTITION_SIZE = 32  # documents per partition (their NER is batched together)

_PIPELINES: dict[str, Any] = {}  # in each worker process: options (JSON) -> its Pipeline


def _pipeline(options: dict):
    """The worker process's Pipeline for these options, built on first use."""
    key = json.dumps(options, sort_keys=True, default=str)
    if key not in _PIPELINES:
        from .pipeline import Pipeline

        _PIPELINES[key] = Pipeline(**options)
    return _PIPELINES[key]


def _elements(paths_or_items: Any) -> list:
    """Files as ``("file", path, root)`` (listed here, read on the workers); items as they are."""
    from .reader import iter_files

    if isinstance(paths_or_items, (str, os.PathLike)):
        paths_or_items = [paths_or_items]
    out: list = []
    for element in paths_or_items:
        if isinstance(element, os.PathLike) or (isinstance(element, str) and os.path.exists(element)):
            out.extend(("file", str(path), str(root)) for path, root in iter_files([element]))
        else:
            out.append(element)  # an Item or a text
    return out


def _failure(path: str, error: str, message: str, doc_id: Optional[str]) -> dict:
    return {"error": {"path": path, "error": error, "message": message, "doc_id": doc_id}}


def _reads(elements: list) -> Iterator[Any]:
    """Items, and failure dicts for what could not be read."""
    from .reader import Failure, read_file

    for element in elements:
        if isinstance(element, tuple) and element[:1] == ("file",):
            for read in read_file(Path(element[1]), Path(element[2])):
                yield _failure(read.path, read.error, read.message, read.doc_id) \
                    if isinstance(read, Failure) else read
        else:
            yield element


def _partition(elements: list, options: dict) -> list[dict]:
    """One partition on a worker: ``{"record": ...}`` or ``{"error": ...}`` per document, in order."""
    from .errors import StageError

    pipeline = _pipeline(options)
    reads = list(_reads(elements))
    items = [r for r in reads if not isinstance(r, dict)]
    found = iter(pipeline.outcomes(items, batch_size=max(1, len(items))))
    out = []
    for read in reads:
        if isinstance(read, dict):
            out.append(read)
            continue
        item, outcome = next(found)
        if isinstance(outcome, StageError):
            source = getattr(item, "source", None)
            out.append(_failure(getattr(source, "path", None) or item.doc_id, type(outcome.cause).__name__,
                                str(outcome), item.doc_id))
        else:
            out.append({"record": outcome.model_dump(mode="json")})
    return out


def outcomes(paths_or_items: Any, *, partition_size: int = PARTITION_SIZE, **pipeline_options):
    """A bag of ``{"record": dict}`` or ``{"error": {path, error, message, doc_id}}``, in input order."""
    import dask.bag as db

    elements = _elements(paths_or_items)
    if not elements:
        return db.from_sequence([], npartitions=1)
    bag = db.from_sequence(elements, partition_size=partition_size)
    return bag.map_partitions(_partition, pipeline_options)


def records(paths_or_items: Any, *, partition_size: int = PARTITION_SIZE, **pipeline_options):
    """A ``dask.bag.Bag`` of record dicts (``NewsRecord.model_dump(mode="json")``), in input order.

    ``paths_or_items``: files or folders (read as ``newsextract extract`` reads
    them), ``Item`` objects or texts. ``pipeline_options`` go to ``Pipeline``
    (``topics=``, ``enable=``, ``disable=``).
    """
    return outcomes(paths_or_items, partition_size=partition_size, **pipeline_options) \
        .filter(_is_record).map(_record_of)


def _is_record(outcome: dict) -> bool:
    if "error" in outcome:
        log.warning("%s: %s", outcome["error"]["path"], outcome["error"]["message"])
        return False
    return True


def _record_of(outcome: dict) -> dict:
    return outcome["record"]


def _write_partition(recs: list[dict], out_dir: str, index: int, format: str) -> list[str]:
    from .tabular import TABLES, tables

    found = tables(recs)
    paths = []
    for name in TABLES:
        folder = Path(out_dir) / name
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"part-{index:05d}.{format}"
        if format == "parquet":
            import pyarrow.parquet as pq

            pq.write_table(found[name], path)
        else:
            import pyarrow.csv as pcsv

            pcsv.write_csv(found[name], path)
        paths.append(str(path))
    return paths


def export(paths: Any, out_dir: str | os.PathLike, format: str = "parquet", *,
           partition_size: int = PARTITION_SIZE, **pipeline_options) -> list[str]:
    """Write the analyst export's tables (``newsextract.tables``) as partitioned files.

    ``out_dir/<table>/part-NNNNN.parquet``, one file per partition and table
    (read a table back with ``pyarrow.parquet.read_table(out_dir / "persons")``).
    Document keys are made unique within a partition. Returns the files written.
    """
    import dask

    if format not in ("parquet", "csv"):
        raise UsageError(f"unknown format {format!r}: parquet or csv")
    bag = records(paths, partition_size=partition_size, **pipeline_options)
    parts = [dask.delayed(_write_partition)(part, str(out_dir), k, format)
             for k, part in enumerate(bag.to_delayed())]
    return [path for written in dask.compute(*parts) for path in written]


def client_for(address: str, *, n_workers: int = 2):
    """A ``distributed.Client``: ``local`` starts a LocalCluster of ``n_workers`` processes."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:
        raise UsageError("--scheduler needs the dask extra: pip install 'newsextract[dask]'") from exc
    if address == "local":
        return Client(LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None))
    return Client(address)


def extract_to(paths: Iterable[str], out: Path, errors: Path, *, address: str, n_workers: int = 2,
               **pipeline_options) -> tuple[int, int]:
    """``newsextract extract --scheduler``: records into ``out``, failures into ``errors`` (JSONL)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    ok = failed = 0
    with client_for(address, n_workers=n_workers) as client:
        bag = outcomes(list(paths), **pipeline_options)
        with out.open("w", encoding="utf-8") as out_fh, errors.open("w", encoding="utf-8") as err_fh:
            for future in client.compute(bag.to_delayed()):  # all partitions at once, read in order
                for outcome in future.result():
                    if "record" in outcome:
                        out_fh.write(json.dumps(outcome["record"], ensure_ascii=False) + "\n")
                        ok += 1
                    else:
                        err_fh.write(json.dumps(outcome["error"], ensure_ascii=False) + "\n")
                        failed += 1
                out_fh.flush()
    return ok, failed
