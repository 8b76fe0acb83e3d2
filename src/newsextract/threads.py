"""How many threads the numeric libraries (BLAS under numpy) may start in a process.

The NER model is a small CNN: several BLAS threads per process win nothing and,
with several worker processes on few cores, make them fight (``--workers 2``
ran slower than one). The project therefore limits BLAS to **one thread per
process** by default:

* ``NEWSEXTRACT_THREADS=N`` (environment) or ``threads=N`` (``NerModel``,
  ``parallel.run``, ``Pipeline.pipe``) overrides it; ``0`` leaves the
  libraries' own default;
* worker processes set ``OMP_NUM_THREADS``/``OPENBLAS_NUM_THREADS``/... before
  numpy is imported (``thread_env``), and every process applies the limit at
  run time with threadpoolctl (``limit_threads``) once numpy is loaded.

Other ``OPENBLAS_*`` settings (``OPENBLAS_CORETYPE``, ``OPENBLAS_L2_SIZE``) are
never touched.
"""

from __future__ import annotations

import os

ENV = "NEWSEXTRACT_THREADS"
DEFAULT = 1
THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
               "BLIS_NUM_THREADS", "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS")


def thread_count(threads: int | None = None) -> int:
    """The limit asked for: ``threads``, else ``NEWSEXTRACT_THREADS``, else 1 (0: no limit)."""
    if threads is None:
        value = os.environ.get(ENV, "").strip()
        threads = int(value) if value else DEFAULT
    if threads < 0:
        raise ValueError(f"threads must be >= 0, got {threads}")
    return threads


def thread_env(threads: int | None = None) -> dict[str, str]:
    """Environment variables that fix the thread count of a process before numpy loads."""
    count = thread_count(threads)
    return {} if count == 0 else {name: str(count) for name in THREAD_VARS} | {ENV: str(count)}


def set_thread_env(threads: int | None = None) -> None:
    """Set ``thread_env`` in this process (call before numpy is imported; a worker's first step)."""
    os.environ.update(thread_env(threads))


def limit_threads(threads: int | None = None) -> int:
    """Cap the BLAS/OpenMP thread pools already loaded in this process; returns the cap (0: none)."""
    count = thread_count(threads)
    if count:
        from threadpoolctl import threadpool_limits

        threadpool_limits(limits=count)
    return count
