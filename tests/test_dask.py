"""newsextract.dask on a LocalCluster of two worker processes: the CLI's records, in order."""

from __future__ import annotations

import json

import pytest

from newsextract.batch import run_batch

pytest.importorskip("dask.distributed")

TEXTS = {
    "a.txt": "Губернатор Сахалинской области Валерий Лимаренко встретился с послом Японии в Южно-Сахалинске.",
    "b.txt": "15 марта 2025 года министр иностранных дел России Сергей Лавров провёл переговоры в Баку.",
    "c/d.txt": "Делегация Казахстана посетила Новосибирск, сообщила пресс-служба мэрии города.",
    "c/e.txt": "«Мы готовы расширять поставки», — заявил журналистам глава Минэнерго Сергей Цивилев.",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("news")
    for name, text in TEXTS.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    out = root.parent / "cli.jsonl"
    run_batch([str(root)], out, progress=False)
    return root, [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def client():
    from dask.distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as c:
        yield c


@pytest.mark.slow
def test_records_on_two_workers_are_the_cli_records(corpus, client):
    import newsextract.dask as nxd

    root, expected = corpus
    assert nxd.records([str(root)], partition_size=2).compute() == expected


@pytest.mark.slow
def test_export_writes_partitioned_parquet(corpus, client, tmp_path):
    import pyarrow.parquet as pq

    import newsextract.dask as nxd

    root, expected = corpus
    written = nxd.export([str(root)], tmp_path, partition_size=2)
    assert (tmp_path / "documents" / "part-00001.parquet").exists()
    assert str(tmp_path / "documents" / "part-00000.parquet") in written
    assert pq.read_table(tmp_path / "documents").num_rows == len(expected)
