"""Normalized tables of records: ``newsextract.tables(records)`` and ``newsextract export``.

    >>> import newsextract
    >>> t = newsextract.tables("out/records.jsonl")   # or NewsRecord objects, or dicts
    >>> t.persons.to_pandas()                          # pyarrow tables; pandas if installed
    >>> t.write("out/tables", format="duckdb")

Schemas: :mod:`newsextract.tabular.schema` (``newsextract export --describe``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from .rows import build_rows
from .schema import TABLES, VIEWS, describe

FORMATS = ("parquet", "csv", "duckdb")
DUCKDB_FILE = "newsextract.duckdb"


def _pyarrow():
    try:
        import pyarrow
    except ImportError as exc:
        raise ImportError("newsextract tables need pyarrow and duckdb: pip install 'newsextract[tables]'") from exc
    return pyarrow


def arrow_schema(name: str):
    """The pyarrow schema of one table."""
    pa = _pyarrow()

    types = {"string": pa.string(), "int32": pa.int32(), "float64": pa.float64(), "bool": pa.bool_(),
             "date": pa.date32()}
    return pa.schema([pa.field(c.name, types[c.type], nullable=c.nullable) for c in TABLES[name].columns])


class Tables(Mapping):
    """The twelve tables of a set of records, as pyarrow Tables (by name or attribute)."""

    def __init__(self, tables: dict):
        self._tables = tables

    def __getitem__(self, name: str):
        return self._tables[name]

    def __getattr__(self, name: str):
        try:
            return self.__dict__["_tables"][name]
        except KeyError:
            raise AttributeError(name) from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._tables)

    def __len__(self) -> int:
        return len(self._tables)

    def __repr__(self) -> str:
        sizes = ", ".join(f"{name}={table.num_rows}" for name, table in self._tables.items())
        return f"Tables({sizes})"

    def duckdb(self):
        """An in-memory DuckDB connection with the tables and the views."""
        import duckdb

        from .export import load_duckdb

        con = duckdb.connect()
        load_duckdb(con, self)
        return con

    def write(self, out: str | Path, format: str = "parquet") -> list[Path]:
        from .export import write

        return write(self, Path(out), format)


def tables(records: Any) -> Tables:
    """Tables of records: NewsRecord objects, record dicts, or paths of JSONL files."""
    pa = _pyarrow()

    rows = build_rows(records)
    return Tables({name: pa.Table.from_pylist(rows[name], schema=arrow_schema(name)) for name in TABLES})


__all__ = ["tables", "Tables", "TABLES", "VIEWS", "FORMATS", "describe", "arrow_schema"]
