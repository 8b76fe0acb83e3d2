"""Writing the tables: ``DIR/<table>.parquet``, ``DIR/<table>.csv`` or ``DIR/newsextract.duckdb``."""

from __future__ import annotations

from pathlib import Path

from .schema import TABLES

# The views of the DuckDB database (documented in schema.VIEWS).
VIEW_SQL = {
    "officials": """
        SELECT p.doc_key, d.doc_id, d.published, p.person_idx, p.full_name, p.title,
               string_agg(DISTINCT p.organization, '; ' ORDER BY p.organization) AS organization,
               string_agg(DISTINCT p.country, '; ' ORDER BY p.country) AS country
        FROM positions p JOIN documents d USING (doc_key)
        GROUP BY p.doc_key, d.doc_id, d.published, p.person_idx, p.full_name, p.title
        ORDER BY p.doc_key, p.person_idx, p.title""",
    "country_contacts": """
        WITH per_doc AS (
            SELECT c.doc_key, c.iso2, c.name, date_trunc('month', d.published)::DATE AS month,
                   (SELECT count(DISTINCT ep.event_idx) FROM event_participants ep
                    WHERE ep.doc_key = c.doc_key AND ep.kind = 'country' AND ep.iso2 = c.iso2) AS events
            FROM countries c JOIN documents d USING (doc_key))
        SELECT iso2, min(name) AS country, month, count(*) AS documents, sum(events)::BIGINT AS events
        FROM per_doc GROUP BY iso2, month
        ORDER BY month NULLS LAST, documents DESC, iso2""",
}


def write(tables, out: Path, format: str) -> list[Path]:
    """Write every table in one format into ``out`` (created); the files written."""
    out.mkdir(parents=True, exist_ok=True)
    if format == "parquet":
        import pyarrow.parquet as pq

        paths = [out / f"{name}.parquet" for name in TABLES]
        for name, path in zip(TABLES, paths, strict=True):
            pq.write_table(tables[name], path)
        return paths
    if format == "csv":
        import pyarrow.csv as pcsv

        paths = [out / f"{name}.csv" for name in TABLES]
        for name, path in zip(TABLES, paths, strict=True):
            pcsv.write_csv(tables[name], path)
        return paths
    if format == "duckdb":
        path = out / "newsextract.duckdb"
        write_duckdb(tables, path)
        return [path]
    raise ValueError(f"unknown format {format!r}: parquet, csv or duckdb")


_SQL_TYPES = {"string": "VARCHAR", "int32": "INTEGER", "float64": "DOUBLE", "bool": "BOOLEAN", "date": "DATE"}


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def write_duckdb(tables, path: Path) -> None:
    """A DuckDB database with the tables and the views (replaced if it exists)."""
    import duckdb

    if path.exists():
        path.unlink()
    con = duckdb.connect(str(path))
    try:
        load_duckdb(con, tables)
    finally:
        con.close()


def load_duckdb(con, tables) -> None:
    """Create the tables (typed, NOT NULL, commented) and the views on a DuckDB connection."""
    for name, table in TABLES.items():
        cols = ", ".join(f'"{c.name}" {_SQL_TYPES[c.type]}{"" if c.nullable else " NOT NULL"}'
                         for c in table.columns)
        con.execute(f'CREATE TABLE "{name}" ({cols})')
        con.execute(f'COMMENT ON TABLE "{name}" IS {_quote(table.grain)}')
        for c in table.columns:
            con.execute(f'COMMENT ON COLUMN "{name}"."{c.name}" IS {_quote(c.description)}')
        con.register("_arrow", tables[name])
        con.execute(f'INSERT INTO "{name}" SELECT * FROM _arrow')
        con.unregister("_arrow")
    for name, sql in VIEW_SQL.items():
        con.execute(f'CREATE VIEW "{name}" AS {sql}')
