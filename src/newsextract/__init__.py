"""newsextract: structured records from Russian press releases.

    >>> from newsextract import extract
    >>> record = extract("22 ноября. Делегация Сахалинской области встретилась ...")
"""

from .errors import StageError
from .reader import Item, read_paths
from .records import SCHEMA_VERSION, NewsRecord, json_schema

_PIPELINE_NAMES = ("Pipeline", "extract")


def __getattr__(name: str):
    """``Pipeline`` and ``extract`` import the stages on first use, so that ``import newsextract``
    (the CLI, a parent that only runs worker processes) does not load them all."""
    if name in _PIPELINE_NAMES:
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'newsextract' has no attribute {name!r}")


def tables(records):
    """Normalized pyarrow tables of records (NewsRecord objects, dicts or JSONL paths).

    ``newsextract.tables(records).persons.to_pandas()``; needs the ``tables`` extra.
    The schemas: ``newsextract export --describe``.
    """
    from .tabular import tables as _tables

    return _tables(records)


__all__ = ["extract", "tables", "Pipeline", "StageError", "Item", "read_paths", "NewsRecord",
           "json_schema", "SCHEMA_VERSION", "__version__"]
__version__ = "0.1.0"
