"""newsextract: structured records from Russian press releases.

    >>> from newsextract import extract
    >>> record = extract("22 ноября. Делегация Сахалинской области встретилась ...")
"""

from .pipeline import Pipeline, StageError, extract
from .reader import Item, read_paths
from .records import SCHEMA_VERSION, NewsRecord, json_schema

__all__ = ["extract", "Pipeline", "StageError", "Item", "read_paths", "NewsRecord",
           "json_schema", "SCHEMA_VERSION", "__version__"]
__version__ = "0.1.0"
