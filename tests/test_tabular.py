"""newsextract.tabular: the twelve tables, their schemas, date bounds, keys, export and DuckDB views."""

from __future__ import annotations

import datetime as dt
import typing
from pathlib import Path

import pytest

from newsextract.tabular import periods

pa = pytest.importorskip("pyarrow")
duckdb = pytest.importorskip("duckdb")

from newsextract import records as models  # noqa: E402
from newsextract.reader import read_paths  # noqa: E402
from newsextract.tabular import TABLES, arrow_schema, describe, tables  # noqa: E402
from newsextract.tabular.rows import base_key  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
D = dt.date

TWELVE = ["documents", "countries", "country_mentions", "locations", "persons", "positions", "organizations",
          "dates", "topics", "events", "event_participants", "quotes"]

# Invented press-release sentences (written for these tests).
TEXTS = {
    "omsk.txt": "ОМСК, 14 марта 2025 года. Губернатор Омской области Виталий Хоценко провёл встречу с "
                "послом Республики Казахстан в России Даурен Абаевым. Стороны договорились подписать "
                "соглашение о сотрудничестве в III квартале 2025 года. «Мы откроем новый пункт пропуска "
                "летом 2026 года», — сказал Виталий Хоценко.",
    "tver.txt": "Министр экономического развития Тверской области Елена Морозова встретилась с делегацией "
                "Белоруссии 2 апреля 2025 года. Министр экономического развития Тверской области Елена "
                "Морозова отметила рост товарооборота на 20 процентов за 2024 год.",
}


@pytest.fixture(scope="module")
def corpus_tables(corpus_records):
    return tables(corpus_records)


def _py_type(annotation) -> set[str]:
    if typing.get_origin(annotation) is typing.Literal:
        return {"string"}
    if typing.get_origin(annotation) is list and typing.get_args(annotation) == (str,):
        return {"string"}  # a list of labels is one comma-separated column
    args = [a for a in typing.get_args(annotation) if a is not type(None)] or [annotation]
    names = set()
    for a in args:
        if typing.get_origin(a) is typing.Literal or a is str:
            names.add("string")
        elif a is bool:
            names.add("bool")
        elif a is int:
            names.add("int32")
        elif a is float:
            names.add("float64")
    return names


# model, its table, renamed fields (field -> column), fields held elsewhere
COVERAGE = [
    (models.Country, "countries", {}, {"mentions"}),
    (models.CountryMention, "country_mentions", {}, set()),
    (models.Location, "locations", {}, {"mentions"}),
    (models.PersonName, "persons", {}, set()),
    (models.Person, "persons", {}, {"name", "mentions", "positions"}),
    (models.Position, "positions", {}, {"mentions"}),  # the first mention is the row's span
    (models.Organization, "organizations", {}, {"mentions"}),
    (models.DateMention, "dates", {}, set()),
    (models.Topic, "topics", {"id": "topic_id"}, {"evidence"}),
    (models.Event, "events", {"date": "date_value"}, {"trigger", "participants", "sentence"}),
    (models.Participant, "event_participants", {}, set()),
    (models.Quote, "quotes", {}, set()),
    (models.Source, "documents", {f: f"source_{f}" for f in ("path", "sha256", "format", "encoding", "url", "name")},
     set()),
    (models.NewsRecord, "documents", {"published": "published_value"},
     {"source", "zones", "countries", "locations", "persons", "organizations", "dates", "topics", "events",
      "quotes", "stages"}),  # stages: which stages ran, a list (no column yet)
]


@pytest.mark.parametrize(("model", "table", "renamed", "elsewhere"), COVERAGE, ids=lambda x: getattr(x, "__name__", None))
def test_every_scalar_field_of_the_models_is_a_column(model, table, renamed, elsewhere):
    columns = {c.name: c for c in TABLES[table].columns}
    for name, info in model.model_fields.items():
        if name in elsewhere:
            continue
        column = columns.get(renamed.get(name, name))
        assert column is not None, f"{model.__name__}.{name} has no column in {table}"
        assert column.type in _py_type(info.annotation), f"{table}.{column.name}: {column.type}"


def test_twelve_tables_with_their_fixed_schemas(corpus_tables):
    assert list(corpus_tables) == TWELVE
    for name in TWELVE:
        assert corpus_tables[name].schema == arrow_schema(name), name
        assert corpus_tables[name].num_rows > 0, name
    schema = corpus_tables.documents.schema
    assert schema.field("schema_version").type == pa.string()
    assert schema.field("published").type == pa.date32()
    for table in ("dates", "events"):
        assert corpus_tables[table].schema.field("date_start").type == pa.date32()
        assert corpus_tables[table].schema.field("date_end").type == pa.date32()
    assert corpus_tables.topics.schema.field("score").type == pa.float64()
    assert "doc_key" in describe() and "date_start" in describe()


def test_every_table_has_a_joinable_document_key(corpus_tables):
    keys = corpus_tables.documents.column("doc_key").to_pylist()
    assert len(keys) == len(set(keys))
    for name in TWELVE[1:]:
        assert set(corpus_tables[name].column("doc_key").to_pylist()) <= set(keys), name


@pytest.mark.parametrize(("value", "granularity", "end_value", "modifier", "text", "bounds"), [
    ("2025", "year", None, None, "в 2025 году", (D(2025, 1, 1), D(2025, 12, 31))),
    ("2025-05", "month", None, None, "в мае 2025 года", (D(2025, 5, 1), D(2025, 5, 31))),
    ("2024-02", "month", None, None, "в феврале 2024 года", (D(2024, 2, 1), D(2024, 2, 29))),
    ("2025-05-16", "day", None, None, "16 мая 2025 года", (D(2025, 5, 16), D(2025, 5, 16))),
    ("2025-Q3", "quarter", None, None, "в III квартале 2025 года", (D(2025, 7, 1), D(2025, 9, 30))),
    ("2025-Q4", "quarter", None, None, "в четвёртом квартале", (D(2025, 10, 1), D(2025, 12, 31))),
    ("2025-W03", "week", None, None, "на следующей неделе", (D(2025, 1, 13), D(2025, 1, 19))),
    ("2026-W01", "week", None, None, "на этой неделе", (D(2025, 12, 29), D(2026, 1, 4))),
    ("2024", "season", None, None, "весной 2024 года", (D(2024, 3, 1), D(2024, 5, 31))),
    ("2026", "season", None, None, "летом 2026 года", (D(2026, 6, 1), D(2026, 8, 31))),
    ("2025", "year", None, "first_half", "в первом полугодии 2025 года", (D(2025, 1, 1), D(2025, 6, 30))),
    ("2025", "year", None, "second_half", "во втором полугодии", (D(2025, 7, 1), D(2025, 12, 31))),
    ("2020", "decade", None, None, "в 2020-е годы", (D(2020, 1, 1), D(2029, 12, 31))),
    ("1980", "decade", "1990", None, "в 1980–1990-е годы", (D(1980, 1, 1), D(1999, 12, 31))),
    ("2000", "century", None, None, "в XXI веке", (D(2000, 1, 1), D(2099, 12, 31))),
    ("2019", "year", "2023", None, "с 2019 по 2023 год", (D(2019, 1, 1), D(2023, 12, 31))),
    ("2025-11-10", "day", "2025-11-12", None, "10–12 ноября", (D(2025, 11, 10), D(2025, 11, 12))),
    ("2025-01", "month", "2025-05", None, "за январь–май 2025 года", (D(2025, 1, 1), D(2025, 5, 31))),
    ("2030", "year", None, "by", "к 2030 году", (D(2030, 1, 1), D(2030, 12, 31))),
    (None, "year", None, "duration", "в течение трёх лет", (None, None)),
])
def test_periods_date_bounds(value, granularity, end_value, modifier, text, bounds):
    assert periods.date_bounds(value, granularity, end_value=end_value, modifier=modifier, text=text) == bounds


def _record(doc_id: str, path: str | None, **extra) -> dict:
    return {"schema_version": "1.0", "doc_id": doc_id, "source": {"path": path, "format": "txt"}, "text": "x",
            **extra}


@pytest.mark.parametrize(("doc_id", "path", "key"), [
    ("2024/a.txt", "in1/2024/a.txt", "in1/2024/a.txt"),
    ("2024/a.txt", "/data/in2/2024/a.txt", "/data/in2/2024/a.txt"),
    ("a.txt", "a.txt", "a.txt"),
    ("feed-01", "feeds/news.jsonl", "feeds/news.jsonl#feed-01"),
    ("doc", None, "doc"),
])
def test_base_key(doc_id, path, key):
    assert base_key(_record(doc_id, path)) == key


def test_doc_key_unique_across_input_roots_with_the_same_layout(pipeline, tmp_path):
    for root in ("spring", "autumn"):
        for name, text in TEXTS.items():
            (tmp_path / root / "2025").mkdir(parents=True, exist_ok=True)
            (tmp_path / root / "2025" / name).write_text(text, encoding="utf-8")
    recs = [pipeline.process(r) for r in read_paths([tmp_path / "spring", tmp_path / "autumn"])]
    docs = tables(recs).documents
    assert sorted(docs.column("doc_id").to_pylist()) == ["2025/omsk.txt"] * 2 + ["2025/tver.txt"] * 2
    assert len(set(docs.column("doc_key").to_pylist())) == 4
    twice = tables(recs + recs).documents.column("doc_key").to_pylist()
    assert len(set(twice)) == 8 and twice[4].endswith("#2")


def test_positions_one_row_per_distinct_role(pipeline):
    rec = pipeline(TEXTS["tver.txt"], doc_id="tver.txt")
    t = tables([rec])
    roles = {(p.full_name, q.title, q.organization, q.country) for p in rec.persons for q in p.positions}
    rows = t.positions.to_pylist()
    assert len(rows) == len(roles) >= 1
    assert {(r["full_name"], r["title"], r["organization"], r["country"]) for r in rows} == roles
    assert sum(r["mentions"] for r in rows) == sum(len(q.mentions) or 1 for p in rec.persons for q in p.positions)


def test_reads_records_defensively_with_fields_to_come():
    rec = _record("a.txt", "in/a.txt", published="2025-05", published_source="dateline",
                  persons=[{"full_name": "Иван Петров", "name": {"first": "Иван", "last": "Петров"},
                            "positions": [{"title": "министр", "start": 0, "end": 1, "text": "x",
                                           "mentions": [{"start": 0, "end": 1, "text": "x"}] * 2},
                                          {"title": "министр", "start": 0, "end": 1, "text": "x"}]}],
                  events=[{"type": "visit", "trigger": {"start": 0, "end": 1, "text": "x"}, "planned": True,
                           "date": "2025-Q3", "sentence": {"start": 0, "end": 1}}])
    rec["source"]["decode_errors"] = [{"offset": 3}]
    rec["schema_version"] = "1.10"
    t = tables([rec])
    doc = t.documents.to_pylist()[0]
    assert (doc["published"], doc["published_end"], doc["published_source"]) == \
        (D(2025, 5, 1), D(2025, 5, 31), "dateline")
    assert doc["decode_errors"] == 1 and doc["schema_version"] == "1.10"
    (pos,) = t.positions.to_pylist()
    assert (pos["title"], pos["mentions"]) == ("министр", 3)
    (event,) = t.events.to_pylist()
    assert (event["planned"], event["date_start"], event["date_end"]) == (True, D(2025, 7, 1), D(2025, 9, 30))
    assert t.countries.num_rows == 0 and t.countries.schema == arrow_schema("countries")


@pytest.mark.parametrize("fmt", ["parquet", "csv", "duckdb"])
def test_export_writes_every_table(corpus_tables, tmp_path, fmt):
    written = corpus_tables.write(tmp_path, format=fmt)
    if fmt == "duckdb":
        con = duckdb.connect(str(written[0]), read_only=True)
        names = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        assert names >= set(TWELVE) | {"officials", "country_contacts"}
        types = dict(con.execute("SELECT column_name, data_type FROM information_schema.columns "
                                 "WHERE table_name = 'dates'").fetchall())
        assert types["date_start"] == types["date_end"] == "DATE"
        for name in TWELVE:
            assert con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] == corpus_tables[name].num_rows
        return
    assert sorted(p.name for p in written) == sorted(f"{name}.{fmt}" for name in TWELVE)
    if fmt == "parquet":
        import pyarrow.parquet as pq

        assert pq.read_table(tmp_path / "dates.parquet").schema.field("date_start").type == pa.date32()
    else:
        got = duckdb.sql(f"SELECT * FROM read_csv('{tmp_path / 'documents.csv'}')")
        assert dict(zip(got.columns, map(str, got.types), strict=True))["published"] == "DATE"


def test_duckdb_officials_are_the_records_officials_exactly(corpus_records, tmp_path):
    (path,) = tables(corpus_records).write(tmp_path, format="duckdb")
    con = duckdb.connect(str(path), read_only=True)
    rows = con.execute("SELECT doc_key, person_idx, full_name, title FROM officials").fetchall()
    assert len(rows) == len(set(rows)), "repeated rows"
    expected = {(p.full_name, pos.title) for r in corpus_records for p in r.persons for pos in p.positions}
    assert {(name, title) for _, _, name, title in rows} == expected
    per_doc = {(r.doc_id, p.full_name, pos.title) for r in corpus_records for p in r.persons for pos in p.positions}
    got = con.execute("SELECT d.doc_id, o.full_name, o.title FROM officials o JOIN documents d USING (doc_key)")
    assert sorted(got.fetchall()) == sorted(per_doc)


def test_duckdb_country_contacts(corpus_records):
    con = tables(corpus_records).duckdb()
    docs = con.execute("SELECT sum(documents) FROM country_contacts").fetchone()[0]
    assert docs == sum(len(r.countries) for r in corpus_records)
    cn = con.execute("SELECT month, documents, events FROM country_contacts WHERE iso2 = 'KZ' "
                     "ORDER BY month").fetchall()
    assert cn and all(isinstance(month, dt.date) and month.day == 1 for month, _, _ in cn if month)
    events = sum(1 for r in corpus_records for e in r.events if any(p.iso2 == "KZ" for p in e.participants))
    assert sum(n for _, _, n in cn) == events


def test_docs_tables_md_is_current():
    text = (ROOT / "docs" / "tables.md").read_text(encoding="utf-8")
    assert describe() in text, "regenerate: see the first lines of docs/tables.md"
