"""Processing many documents: in this process or in a pool of worker processes.

    for item, outcome in parallel.run(items, n_process=2, pipeline_options={"topics": None}):
        ...  # outcome: a NewsRecord, or a StageError / DocumentTimeout / WorkerDied

``run`` yields ``(item, outcome)`` in input order; the output is the same
whatever ``n_process`` and ``batch_size`` are. Workers fork from a forkserver
that has built the default pipeline once (``preload``): a worker starts ready,
shares the models and data with the others copy-on-write, uses that pipeline
when ``pipeline_options`` are the defaults and otherwise builds one from them
around its NER model (a Pipeline is never sent to a worker); BLAS is limited to
one thread (``threads``). Batches of ``batch_size`` documents go to idle
workers; the input is read a few batches ahead, so that at its end the batches
shrink (guided scheduling) and the workers finish together. A worker that dies is
replaced and the run goes on: the document it held yields ``WorkerDied``
(documents it held together with it are run again one by one, to find which
one it was). ``timeout`` is a budget in seconds per document: in this process
it is enforced with ``SIGALRM`` (main thread only), in a pool by killing and
replacing the worker; the document yields ``DocumentTimeout``. A worker still
gets batches with a timeout (its results arrive one by one, each within the
budget after the one before); a worker killed late has the documents it held
run again one by one, so only the slow one fails. In this process, a timeout
runs documents one at a time.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from multiprocessing.connection import wait
from typing import TYPE_CHECKING, Any, Optional

from .errors import DocumentTimeout, StageError, UsageError, WorkerDied
from .threads import limit_threads, set_thread_env, thread_count

if TYPE_CHECKING:
    from .pipeline import Pipeline
    from .reader import Item

BATCH_SIZE = 32  # documents whose NER pieces are batched together
START_TIMEOUT = 600.0  # seconds a new worker may take to build its pipeline
# A worker's garbage collector runs 30 times less often than Python's default (700, 10, 10):
# the stages make few reference cycles, and collecting cost about 5% of a worker's time.
WORKER_GC = (20_000, 50, 50)
PRELOAD = "newsextract.preload"  # the forkserver imports it: workers fork with the pipeline built


def run(items: Iterable, *, n_process: int = 1, batch_size: int = BATCH_SIZE,
        pipeline_options: Optional[dict[str, Any]] = None, timeout: Optional[float] = None,
        threads: Optional[int] = None, pipeline: Optional[Pipeline] = None) -> Iterator[tuple[Any, Any]]:
    """``(item, record-or-error)`` for every item (an ``Item`` or a text), in input order.

    ``pipeline`` (optional) is used as is when ``n_process == 1``; otherwise each
    worker builds ``Pipeline(**pipeline_options)``.
    """
    if n_process < 1 or batch_size < 1:
        raise UsageError("n_process and batch_size must be at least 1")
    if timeout is not None and timeout <= 0:
        raise UsageError("timeout must be a positive number of seconds")
    options = dict(pipeline_options or {})
    if n_process == 1:
        if pipeline is None:
            from .pipeline import Pipeline

            if "numpy" not in sys.modules:
                set_thread_env(threads)
            pipeline = Pipeline(**options)
        return _run_here(pipeline, items, batch_size, timeout)
    return _Pool(n_process, options, threads, timeout).run(items, batch_size)


# --- in this process ---------------------------------------------------------

class _Expired(BaseException):
    """Raised by SIGALRM inside a stage; a BaseException so stages cannot swallow it."""


@contextmanager
def _alarm(seconds: float):
    if threading.current_thread() is not threading.main_thread():
        raise UsageError("a per-document timeout in-process needs the main thread (SIGALRM)")

    def expire(signum, frame):
        raise _Expired()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _run_here(pipeline: Pipeline, items: Iterable, batch_size: int,
              timeout: Optional[float]) -> Iterator[tuple[Any, Any]]:
    if timeout is None:
        yield from pipeline.outcomes(items, batch_size=batch_size)
        return
    from .pipeline import as_item

    for raw in items:
        item = as_item(raw)
        try:
            with _alarm(timeout):
                outcome = _outcome(pipeline, item)
        except _Expired:
            outcome = DocumentTimeout(f"{item.doc_id!r} took more than {timeout:g} s")
        yield raw, outcome


def _outcome(pipeline: Pipeline, item: Item):
    try:
        return pipeline.process(item)
    except StageError as exc:
        return exc


# --- worker processes --------------------------------------------------------

def _worker_main(conn, options: dict, threads: Optional[int]) -> None:
    """A worker: thread limits first (before numpy loads), one Pipeline, then batches until None."""
    set_thread_env(threads)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    gc.set_threshold(*WORKER_GC)
    try:
        pipeline = _worker_pipeline(options, threads)
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which raises it
        conn.send(("failed", None, _picklable(exc)))
        return
    conn.send(("ready", None, None))
    from .records import NewsRecord

    while True:
        batch = conn.recv()
        if batch is None:
            return
        seqs = [seq for seq, _ in batch]
        docs = [item for _, item in batch]
        found = pipeline.outcomes(docs, batch_size=len(docs))
        for seq, (_, outcome) in zip(seqs, found, strict=True):
            try:
                if isinstance(outcome, NewsRecord):  # as JSON: 6 times cheaper than pickling the models
                    conn.send(("record", seq, outcome.model_dump_json()))
                else:
                    conn.send(("done", seq, outcome))
            except Exception as exc:  # noqa: BLE001 - an outcome that does not pickle
                conn.send(("done", seq, _picklable(exc)))


def _worker_pipeline(options: dict, threads: Optional[int]):
    """The forkserver's preloaded pipeline (``preload``: forked ready) or, when the forkserver
    did not preload it, one built here."""
    preload = sys.modules.get(PRELOAD)  # imported by the forkserver before it forked us, never here
    if preload is not None and preload.PIPELINE is not None:
        count = thread_count(threads)
        if count != preload.THREADS:  # numpy is loaded: the limit applies at run time
            limit_threads(count or os.cpu_count() or 1)  # 0: the libraries' default, a thread a core
        return preload.pipeline_for(options)
    from .pipeline import Pipeline

    return Pipeline(**options)


def _picklable(exc: BaseException) -> BaseException:
    import pickle

    try:
        pickle.dumps(exc)
        return exc
    except Exception:  # noqa: BLE001
        return RuntimeError(f"{type(exc).__name__}: {exc}")


class _Worker:
    def __init__(self, ctx, options: dict, threads: Optional[int], target=_worker_main):
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=target, args=(child, options, threads),
                                daemon=True, name="newsextract-worker")
        self.proc.start()
        child.close()
        self.ready = False
        self.pending: deque[int] = deque()  # sequence numbers sent, not yet answered
        self.since = time.monotonic()  # when its current document started (or it was started)

    def send(self, seqs: list[int], items: dict[int, Any]) -> None:
        self.pending.extend(seqs)
        self.since = time.monotonic()
        self.conn.send([(seq, items[seq]) for seq in seqs])

    def stop(self, *, kill: bool = False) -> None:
        if kill:
            self.proc.kill()
        else:
            try:
                self.conn.send(None)
            except OSError:
                pass
        self.proc.join(timeout=None if kill else 30)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join()
        self.conn.close()


class _Pool:
    def __init__(self, n_process: int, options: dict, threads: Optional[int], timeout: Optional[float],
                 target=_worker_main):
        self.target = target  # the worker's main function (tests give a model-free one)
        self.ctx = mp.get_context("forkserver" if sys.platform.startswith("linux") else "spawn")
        if self.ctx.get_start_method() == "forkserver":  # new workers fork with the pipeline built
            self.ctx.set_forkserver_preload([PRELOAD])
        self.args = (options, threads)
        self.n_process = n_process
        self.timeout = timeout

    def _start(self) -> _Worker:
        return _Worker(self.ctx, *self.args, target=self.target)

    def run(self, items: Iterable, batch_size: int) -> Iterator[tuple[Any, Any]]:
        if self.ctx.get_start_method() == "forkserver":
            from multiprocessing import forkserver

            forkserver.ensure_running()  # it preloads while this process imports what it needs
        from .pipeline import as_item

        source = iter(enumerate(items))
        raws: dict[int, Any] = {}  # read, not yet yielded: seq -> the caller's item
        queued: dict[int, Any] = {}  # read, not yet yielded: seq -> the Item sent to workers
        ahead: deque[int] = deque()  # read, not yet sent
        done: dict[int, Any] = {}
        alone: deque[int] = deque()  # held by a worker that died: run again one by one
        exhausted = False
        lookahead = 2 * self.n_process * batch_size  # read ahead, so that the end is seen coming
        next_out = 0
        workers = [self._start() for _ in range(self.n_process)]
        try:
            while True:
                while not exhausted and len(ahead) < lookahead:
                    try:
                        seq, raw = next(source)
                    except StopIteration:
                        exhausted = True
                        break
                    raws[seq], queued[seq] = raw, as_item(raw)
                    ahead.append(seq)
                for worker in workers:  # feed idle workers: suspects alone first, then new batches
                    if not worker.ready or worker.pending:
                        continue
                    if alone:
                        worker.send([alone.popleft()], queued)
                    elif ahead:
                        worker.send(self._take(ahead, queued, batch_size, exhausted), queued)
                while next_out in done:
                    yield raws.pop(next_out), done.pop(next_out)
                    queued.pop(next_out)
                    next_out += 1
                if exhausted and not raws:
                    return
                self._wait(workers, queued, done, alone)
        finally:
            for worker in workers:
                worker.stop(kill=bool(worker.pending) or not worker.ready)

    def _take(self, ahead: deque, queued: dict, batch_size: int, exhausted: bool) -> list[int]:
        """The next batch: ``batch_size`` documents while the input lasts; at its end, a share
        of what is left (guided scheduling: a quarter of it with two workers, by text length),
        so that the workers run out of work together instead of one finishing a whole batch
        while the others wait."""
        if not exhausted:
            return [ahead.popleft() for _ in range(min(batch_size, len(ahead)))]
        share = sum(len(queued[seq].text) for seq in ahead) / (2 * self.n_process)
        seqs: list[int] = []
        size = 0
        while ahead and len(seqs) < batch_size and (not seqs or size < share):
            seqs.append(ahead.popleft())
            size += len(queued[seqs[-1]].text)
        return seqs

    def _wait(self, workers: list[_Worker], queued: dict, done: dict, alone: deque) -> None:
        from .records import NewsRecord  # records come as JSON (see _worker_main)

        ready = wait([w.conn for w in workers] + [w.proc.sentinel for w in workers], timeout=self._tick(workers))
        now = time.monotonic()
        for k, worker in enumerate(workers):
            dead = False
            if worker.conn in ready or worker.proc.sentinel in ready:
                try:
                    while worker.conn.poll():
                        kind, seq, payload = worker.conn.recv()
                        if kind == "failed":
                            raise payload
                        if kind == "ready":
                            worker.ready = True
                        else:
                            worker.pending.remove(seq)
                            done[seq] = NewsRecord.model_validate_json(payload) if kind == "record" else payload
                        worker.since = now
                except (EOFError, OSError):
                    dead = True
                dead = dead or not worker.proc.is_alive()
            if dead and not worker.ready:
                raise WorkerDied(f"a worker process could not start (exit code {worker.proc.exitcode})")
            if dead:
                worker.stop(kill=True)
                self._lost(worker, queued, done, alone, WorkerDied, "died")
                workers[k] = self._start()
            elif self._late(worker, now):
                worker.stop(kill=True)
                self._lost(worker, queued, done, alone, DocumentTimeout, f"took more than {self.timeout:g} s")
                workers[k] = self._start()
            elif not worker.ready and now - worker.since > START_TIMEOUT:
                raise WorkerDied(f"a worker did not start within {START_TIMEOUT:g} s")

    def _late(self, worker: _Worker, now: float) -> bool:
        return self.timeout is not None and worker.ready and bool(worker.pending) \
            and now - worker.since > self.timeout

    def _tick(self, workers: list[_Worker]) -> Optional[float]:
        if self.timeout is None:
            return 1.0
        now = time.monotonic()
        left = [self.timeout - (now - w.since) for w in workers if w.ready and w.pending]
        return max(0.01, min(left, default=1.0))

    @staticmethod
    def _lost(worker: _Worker, queued: dict, done: dict, alone: deque, error: type, why: str) -> None:
        """The documents a worker held when it died or was killed: the one it was on fails."""
        if not worker.pending:
            return
        if len(worker.pending) == 1:
            seq = worker.pending.popleft()
            done[seq] = error(f"{queued[seq].doc_id!r}: the worker {why} on it")
        alone.extendleft(reversed(worker.pending))
        worker.pending.clear()
