"""Every named error of newsextract, in one place, with the CLI's exit code for each.

Library callers catch these; the CLI maps them to exit statuses (``EXIT_CODES``)
and to the ``error`` field of a line in the errors file.
"""

from __future__ import annotations


class NewsExtractError(Exception):
    """Base class of the project's own errors."""

    exit_code = 1


class UsageError(NewsExtractError):
    """A command line or a call that cannot be carried out as given (checked before any work)."""

    exit_code = 2


class ReadError(NewsExtractError):
    """A file (or a line of it) that gives no document; ``kind`` names why (``DecodeError``, ...)."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind


class TaxonomyError(UsageError, ValueError):
    """A topics taxonomy (TOML) that is missing or of the wrong shape."""


class StageOrderError(UsageError):
    """A pipeline whose stages cannot run in the order or selection asked for."""


class StageError(NewsExtractError, RuntimeError):
    """A stage failed on a document; ``stage`` names it."""

    def __init__(self, stage: str, doc_id: str, cause: BaseException):
        super().__init__(f"stage {stage!r} failed on {doc_id!r}: {type(cause).__name__}: {cause}")
        self.stage = stage
        self.doc_id = doc_id
        self.cause = cause

    def __reduce__(self):  # picklable across worker processes
        return (type(self), (self.stage, self.doc_id, self.cause))


class DocumentTimeout(NewsExtractError):
    """A document that took longer than its time budget."""


class WorkerDied(NewsExtractError):
    """A worker process that ended while it held a document (killed, out of memory)."""


class OutputError(UsageError):
    """An output (``-o``, ``--errors``) that cannot be used: unwritable, an input, the other output."""


class OutputLocked(OutputError):
    """An output another process is writing (its advisory lock is held)."""


class ResumeError(UsageError):
    """An OUT that ``--resume`` cannot continue (a damaged line before the last one)."""


# Exit statuses of the command line.
EXIT_OK = 0  # every document gave a record
EXIT_SOME_FAILED = 1  # some documents gave an error line instead (or eval had nothing to score)
EXIT_USAGE = 2  # usage errors, unusable outputs: checked before any document is read
EXIT_INTERRUPTED = 130  # Ctrl-C; every finished record is kept

EXIT_CODES: dict[type[NewsExtractError], int] = {
    NewsExtractError: EXIT_SOME_FAILED,
    UsageError: EXIT_USAGE,
    TaxonomyError: EXIT_USAGE,
    StageOrderError: EXIT_USAGE,
    OutputError: EXIT_USAGE,
    OutputLocked: EXIT_USAGE,
    ResumeError: EXIT_USAGE,
    ReadError: EXIT_SOME_FAILED,
    StageError: EXIT_SOME_FAILED,
    DocumentTimeout: EXIT_SOME_FAILED,
    WorkerDied: EXIT_SOME_FAILED,
}


def exit_code(exc: BaseException) -> int:
    """The CLI's exit status for an error that ends a command."""
    for cls in type(exc).__mro__:
        if cls in EXIT_CODES:
            return EXIT_CODES[cls]
    return EXIT_SOME_FAILED
