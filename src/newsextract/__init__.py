"""newsextract: structured records from Russian press releases.

    >>> from newsextract import extract
    >>> record = extract("22 ноября. Делегация Сахалинской области встретилась ...")
"""

from .errors import StageError

_LAZY = {"Pipeline": "pipeline", "extract": "pipeline", "Item": "reader", "read_paths": "reader",
         "NewsRecord": "records", "json_schema": "records", "SCHEMA_VERSION": "records"}


def __getattr__(name: str):
    """The names of ``__all__`` import their module on first use, so that ``import newsextract``
    (the CLI, a parent that only feeds worker processes) loads neither pydantic nor the stages
    until it needs them."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
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
