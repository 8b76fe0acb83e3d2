"""The batch: faults in one document never stop it; resume repairs; the pool survives dead workers."""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import time

import pytest

from newsextract import batch
from newsextract.batch import encode_line, resume_state, run_batch
from newsextract.errors import OutputLocked, ResumeError, StageError, WorkerDied
from newsextract.reader import Item
from newsextract.records import NewsRecord, Source

RELEASE = ("Хабаровский край и Монголия обсудили поставки зерна\n\n"
           "ХАБАРОВСК, 14 мая. Министр сельского хозяйства края Андрей Сидоров провёл переговоры "
           "с делегацией Монголии. Стороны договорились о поставках в июне 2025 года.\n")


pytestmark = pytest.mark.usefixtures("batch_uses_session_pipeline")


class FakePipeline:
    """A cheap stand-in for ``Pipeline``: hangs or fails on chosen texts."""

    def process(self, item: Item) -> NewsRecord:
        if item.text.startswith("hang"):
            time.sleep(60)
        if item.text.startswith("boom"):
            raise StageError("fake", item.doc_id, RecursionError("maximum recursion depth exceeded"))
        return NewsRecord(doc_id=item.doc_id, text=item.text, source=item.source)


def _folder(tmp_path, texts):
    root = tmp_path / "in"
    root.mkdir()
    for i, text in enumerate(texts):
        (root / f"{i}.txt").write_text(text, encoding="utf-8")
    return root


def _errors(path):
    return [(e["doc_id"], e["error"], e["stage"]) for e in map(json.loads, path.read_text().splitlines())]


def test_time_budget_and_stage_failures_are_error_lines(tmp_path, monkeypatch):
    monkeypatch.setattr(batch, "_pipeline", lambda options: FakePipeline())
    root = _folder(tmp_path, ["текст", "hang", "boom", "ещё текст"])
    summary = run_batch([str(root)], tmp_path / "r.jsonl", timeout=0.5, progress=False)
    assert _ids(tmp_path / "r.jsonl") == ["0.txt", "3.txt"]
    assert _errors(tmp_path / "r.errors.jsonl") == [("1.txt", "DocumentTimeout", "process"),
                                                    ("2.txt", "RecursionError", "fake")]
    assert (summary.records, summary.errors) == (2, 2)


def test_dead_worker_is_an_error_line(tmp_path, monkeypatch):
    from newsextract import parallel

    def run(items, **kwargs):  # what parallel.run yields when the OOM killer takes a worker
        for item in items:
            if item.text.startswith("die"):
                yield item, WorkerDied(f"{item.doc_id!r}: the worker died on it")
            else:
                yield item, NewsRecord(doc_id=item.doc_id, text=item.text, source=item.source)

    monkeypatch.setattr(parallel, "run", run)
    root = _folder(tmp_path, ["текст", "die", "ещё текст"])
    summary = run_batch([str(root)], tmp_path / "r.jsonl", workers=2, progress=False)
    assert _ids(tmp_path / "r.jsonl") == ["0.txt", "2.txt"] and summary.errors == 1
    assert _errors(tmp_path / "r.errors.jsonl") == [("1.txt", "WorkerDied", "worker")]


def _items(*ids):
    return [Item(text=f"текст {i}", doc_id=i, source=Source(path=f"{i}.txt")) for i in ids]


def test_interleave_keeps_input_order():
    from newsextract.reader import Failure

    reads = [Failure("x", "E", "m"), *_items("a"), Failure("y", "E", "m"), *_items("b"), Failure("z", "E", "m")]
    order = [getattr(item, "doc_id", None) or item.path
             for item, _ in batch._interleave(reads, lambda items: ((i, None) for i in items))]
    assert order == ["x", "a", "y", "b", "z"]


@pytest.mark.parametrize("obj,ok", [
    ({"text": "Москва"}, True),
    ({"text": "обрыв\ud800"}, False),  # a lone surrogate cannot be UTF-8
])
def test_encode_line(obj, ok):
    if ok:
        assert json.loads(encode_line(obj)) == obj
    else:
        with pytest.raises(UnicodeEncodeError):
            encode_line(obj)


@pytest.fixture()
def inputs(tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    for i in range(3):
        (root / f"d{i}.txt").write_text(RELEASE.replace("14 мая", f"{i + 10} мая"), encoding="utf-8")
    (root / "dup.jsonl").write_text("\n".join(
        json.dumps({"id": "x", "text": RELEASE + f"Приложение {i}."}, ensure_ascii=False) for i in range(3)),
        encoding="utf-8")
    (root / "sur.jsonl").write_text('{"id": "s\\ud800", "text": "Новость \\udc00 дня. ' + RELEASE.split("\n")[2][:60] + '"}\n',
                                    encoding="utf-8")
    (root / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    return root


def _ids(path):
    return [json.loads(line)["doc_id"] for line in path.read_text(encoding="utf-8").splitlines()]


def test_faults_and_duplicates(inputs, tmp_path):
    out = tmp_path / "r.jsonl"
    summary = run_batch([str(inputs)], out, progress=False)
    assert _ids(out) == ["d0.txt", "d1.txt", "d2.txt", "x", "x#2", "x#3", "s\ufffd"]
    assert (summary.records, summary.errors, summary.renamed) == (7, 1, 2)
    (error,) = [json.loads(line) for line in (tmp_path / "r.errors.jsonl").read_text().splitlines()]
    assert (error["doc_id"], error["error"], error["stage"]) == ("deep.json", "JSONTooDeep", "read")
    sur = json.loads(out.read_text(encoding="utf-8").splitlines()[-1])
    assert sur["source"]["decode_errors"] == 2 and "\ufffd" in sur["text"]


def test_resume_cuts_torn_line_and_equals_clean_run(inputs, tmp_path):
    clean = tmp_path / "clean.jsonl"
    run_batch([str(inputs)], clean, progress=False)
    data = clean.read_bytes()
    lines = data.splitlines(keepends=True)
    torn = tmp_path / "torn.jsonl"
    torn.write_bytes(b"".join(lines[:4]) + lines[4][:37])  # a machine killed mid-write
    summary = run_batch([str(inputs)], torn, resume=True, progress=False)
    assert torn.read_bytes() == data
    assert (summary.resumed, summary.records, summary.cut_bytes) == (4, 3, 37)
    assert "4 resumed" in summary.line() and "torn" in summary.line()
    again = run_batch([str(inputs)], torn, resume=True, progress=False)
    assert torn.read_bytes() == data and again.records == 0 and again.resumed == 7


def test_resume_refuses_damage_before_the_last_line(tmp_path):
    out = tmp_path / "r.jsonl"
    out.write_text('{"doc_id": "a", "source": {}}\nnot json\n{"doc_id": "b", "source": {}}\n')
    with pytest.raises(ResumeError):
        resume_state(out)
    assert resume_state(tmp_path / "absent.jsonl") == (set(), 0)


def test_second_writer_is_refused(inputs, tmp_path):
    out = tmp_path / "r.jsonl"
    out.write_text("{}\n")
    with open(out, "a") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        with pytest.raises(OutputLocked):
            run_batch([str(inputs / "d0.txt")], out, progress=False)
    assert out.read_text() == "{}\n"


def test_fifo_and_devices_never_opened(tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    (root / "a.txt").write_text(RELEASE, encoding="utf-8")
    os.mkfifo(root / "pipe.txt")
    out = tmp_path / "r.jsonl"
    summary = run_batch([str(root), "/dev/zero"], out, progress=False)
    assert summary.records == 1
    assert sorted((f.doc_id, f.error) for f in summary.failures) == [
        ("pipe.txt", "NotRegularFile"), ("zero", "NotRegularFile")]


def test_too_large_is_not_read(tmp_path, monkeypatch):
    big = tmp_path / "big.txt"
    big.write_text(RELEASE * 50, encoding="utf-8")
    from newsextract import reader

    opened = []
    monkeypatch.setattr(reader, "_read_limited", lambda fh, limit: opened.append(fh))
    summary = run_batch([str(big)], tmp_path / "r.jsonl", max_bytes=1000, progress=False)
    assert [f.error for f in summary.failures] == ["TooLarge"] and not opened


def test_copy_of_output_in_input_folder_is_refused(inputs, tmp_path):
    from newsextract.errors import OutputError

    shutil.copy(inputs / "d0.txt", inputs / "d0.jsonl")
    with pytest.raises(OutputError):
        run_batch([str(inputs)], inputs / "d0.jsonl", progress=False)
    assert (inputs / "d0.jsonl").read_text(encoding="utf-8") == (inputs / "d0.txt").read_text(encoding="utf-8")


def _extract(args, seed, **kwargs):
    import subprocess
    import sys

    env = dict(os.environ, PYTHONHASHSEED=str(seed))
    cmd = [sys.executable, "-m", "newsextract", "extract", *args, "-q"]
    return subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kwargs)


@pytest.mark.slow
@pytest.mark.quality  # run by make eval (CI); the 4-document version in test_cli runs in make test
def test_corpus_same_bytes_whatever_seed_workers_and_resumption(tmp_path):
    """The corpus under hash seeds 0 and 1, one and two workers, and killed then resumed."""
    import signal

    from .conftest import ROOT

    corpus = str(ROOT / "corpus")
    outputs = {}
    for seed, workers in ((0, 1), (1, 2)):
        out = tmp_path / f"s{seed}w{workers}.jsonl"
        proc = _extract([corpus, "-o", str(out), "--workers", str(workers)], seed)
        assert proc.wait() == 0, proc.stderr.read()
        outputs[(seed, workers)] = out.read_bytes()
    assert outputs[(0, 1)] == outputs[(1, 2)]
    clean = outputs[(0, 1)]

    killed = tmp_path / "killed.jsonl"
    proc = _extract([corpus, "-o", str(killed)], 1)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and (not killed.exists() or killed.read_bytes().count(b"\n") < 5):
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with open(killed, "ab") as fh:
        fh.write(b'{"schema_version": "1.0", "doc_id": "torn')  # as if killed mid-line
    proc = _extract([corpus, "-o", str(killed), "--resume", "--workers", "2"], 0)
    assert proc.wait() == 0, proc.stderr.read()
    assert killed.read_bytes() == clean


def test_long_whitespace_runs_finish(tmp_path):
    """100,000 newlines once made the attribution regex quadratic (minutes for 100 KB)."""
    doc = tmp_path / "ws.txt"
    doc.write_text("Заголовок\n\n" + "\n" * 100_000 + " " * 50_000 + RELEASE + ", сообщает ТАСС.\n",
                   encoding="utf-8")
    summary = run_batch([str(doc)], tmp_path / "r.jsonl", timeout=120, progress=False)
    assert (summary.records, summary.errors) == (1, 0)
    record = json.loads((tmp_path / "r.jsonl").read_text(encoding="utf-8"))
    assert any(z["kind"] == "attribution" and z["text"].startswith("сообщает") for z in record["zones"])
