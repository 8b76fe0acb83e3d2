"""newsextract: structured records from Russian press releases.

    >>> from newsextract import extract
    >>> record = extract("22 ноября. Делегация Сахалинской области встретилась ...")
"""

from .pipeline import Pipeline, StageError, extract
from .reader import Item, read_paths
from .records import SCHEMA_VERSION, NewsRecord, json_schema


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
