"""parallel.run: order, identical output whatever the worker count, dead workers, timeouts."""

from __future__ import annotations

import os
import pickle
import time

import pytest

from newsextract import parallel
from newsextract.errors import DocumentTimeout, UsageError, WorkerDied
from newsextract.pipeline import make_item

TEXTS = [
    "Губернатор Сахалинской области Валерий Лимаренко встретился с послом Японии в Южно-Сахалинске.",
    "15 марта 2025 года министр иностранных дел России Сергей Лавров провёл переговоры в Баку.",
    "Делегация Казахстана посетила Новосибирск, сообщила пресс-служба мэрии.",
    "«Мы готовы расширять поставки», — заявил глава Минэнерго Сергей Цивилев журналистам.",
    "В Минске прошло заседание Высшего Евразийского экономического совета.",
]


def fake_worker(conn, options, threads):
    """A model-free worker speaking the pool's protocol: 'die' kills it, 'slow' sleeps."""
    conn.send(("ready", None, None))
    while (batch := conn.recv()) is not None:
        for seq, item in batch:
            if item.text == "die":
                os._exit(3)
            if item.text == "slow":
                time.sleep(30)
            conn.send(("done", seq, item.text.upper()))


def fake_run(texts, n_process=2, batch_size=2, timeout=None):
    pool = parallel._Pool(n_process, {}, 1, timeout, target=fake_worker)
    return [(item.text, outcome) for item, outcome in pool.run([make_item(t) for t in texts], batch_size)]


@pytest.mark.parametrize(("texts", "expected"), [
    (["а", "die", "в"], ["А", WorkerDied, "В"]),
    (["а", "б", "die", "г", "д", "е"], ["А", "Б", WorkerDied, "Г", "Д", "Е"]),
])
def test_pool_order_and_dead_workers(texts, expected):
    got = [o if isinstance(o, str) else type(o) for _, o in fake_run(texts)]
    assert got == expected


def test_pool_timeout_kills_and_replaces_the_worker():
    got = fake_run(["а", "slow", "в", "г"], timeout=1.5)
    assert [o if isinstance(o, str) else type(o) for _, o in got] == ["А", DocumentTimeout, "В", "Г"]


@pytest.mark.parametrize(("lengths", "exhausted", "batch_size", "expected"), [
    ([10] * 8, False, 3, [3, 3, 2]),  # while the input lasts: whole batches
    ([10] * 8, True, 3, [2, 2, 1, 1, 1, 1]),  # at its end: a quarter of what is left each time
    ([100, 1, 1, 1, 1], True, 4, [1, 1, 1, 1, 1]),  # by length: the long one alone
])
def test_batches_shrink_at_the_end_of_the_input(lengths, exhausted, batch_size, expected):
    from collections import deque

    pool = parallel._Pool(2, {}, 1, None)
    queued = {k: make_item("а" * n) for k, n in enumerate(lengths)}
    ahead = deque(queued)
    sizes = []
    while ahead:
        sizes.append(len(pool._take(ahead, queued, batch_size, exhausted)))
    assert sizes == expected


def test_many_documents_come_back_in_order():
    texts = [f"текст {k}" for k in range(40)]
    assert [o for _, o in fake_run(texts, batch_size=3)] == [t.upper() for t in texts]


class SlowPipeline:
    def process(self, item):
        if item.text == "slow":
            time.sleep(5)
        return item.text


def test_in_process_timeout_uses_sigalrm():
    items = [make_item(t) for t in ["а", "slow", "в"]]
    got = [o if isinstance(o, str) else type(o) for _, o in parallel._run_here(SlowPipeline(), items, 4, 0.3)]
    assert got == ["а", DocumentTimeout, "в"]


@pytest.mark.parametrize("kwargs", [{"n_process": 0}, {"batch_size": 0}, {"timeout": -1}])
def test_bad_arguments(kwargs):
    with pytest.raises(UsageError):
        parallel.run([], **kwargs)


def test_pipe_is_identical_to_process_in_any_batch(pipeline):
    one = [pipeline.process(make_item(t, doc_id=f"d{k}")).model_dump_json() for k, t in enumerate(TEXTS)]
    items = [make_item(t, doc_id=f"d{k}") for k, t in enumerate(TEXTS)]
    for batch_size in (1, 2, 5):
        assert [r.model_dump_json() for r in pipeline.pipe(items, batch_size=batch_size)] == one


@pytest.mark.slow
def test_pipe_with_two_processes_gives_the_same_records(pipeline):
    items = [make_item(t, doc_id=f"d{k}") for k, t in enumerate(TEXTS)]
    expected = [r.model_dump_json() for r in pipeline.pipe(items)]
    assert [r.model_dump_json() for r in pipeline.pipe(items, n_process=2, batch_size=2)] == expected


@pytest.mark.parametrize("options", [{"enable": ["dates"]}, {"disable": ["topics", "events"]}])
def test_workers_build_other_options_around_the_preloaded_model(pipeline, options):
    from newsextract.pipeline import Pipeline

    items = [make_item(t, doc_id=f"d{k}") for k, t in enumerate(TEXTS)]
    here = Pipeline(**options, ner=pipeline.ner)
    expected = [r.model_dump_json() for r in here.pipe(items)]
    assert [r.model_dump_json() for r in here.pipe(items, n_process=2, batch_size=2)] == expected


def test_pipeline_pickles_as_its_options(pipeline):
    data = pickle.dumps(pipeline)
    assert len(data) < 2000
