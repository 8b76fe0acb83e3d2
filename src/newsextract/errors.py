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


class TaxonomyError(UsageError):
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
