"""The batch CLI end to end: broken files, error lines, exit codes, resume, workers."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from newsextract.cli import main
from newsextract.records import NewsRecord, iter_spans

RELEASE = ("Приморье и Вьетнам договорились о прямых рейсах\n\n"
           "ВЛАДИВОСТОК, 3 апреля. Губернатор Приморского края Олег Кожемякин встретился "
           "с послом Вьетнама в России. Стороны обсудили запуск рейсов в мае 2025 года.\n")


pytestmark = pytest.mark.usefixtures("batch_uses_session_pipeline")


@pytest.fixture()
def awkward(tmp_path):
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "good.txt").write_text(RELEASE, encoding="utf-8")
    (root / "crlf.txt").write_bytes(RELEASE.replace("\n", "\r\n").encode("utf-8"))
    (root / "cp.txt").write_bytes(RELEASE.encode("cp1251"))
    (root / "koi.txt").write_bytes(RELEASE.encode("koi8_r"))
    (root / "u16.txt").write_bytes(RELEASE.encode("utf-16"))
    (root / "bin.txt").write_bytes(bytes(range(256)) * 4)
    (root / "empty.txt").write_bytes(b"")
    (root / "blank.txt").write_text("\n  \n", encoding="utf-8")
    (root / "broken.json").write_text('{"text": "обрыв', encoding="utf-8")
    (root / "notext.json").write_text('{"id": "n1"}', encoding="utf-8")
    (root / "batch.jsonl").write_text(
        json.dumps({"id": "l1", "text": RELEASE, "published": "2025-04-03"}, ensure_ascii=False)
        + "\n{не json\n", encoding="utf-8")
    os.symlink("..", root / "sub" / "loop")
    return root


def _lines(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_awkward_batch(awkward, tmp_path):
    out = tmp_path / "out" / "records.jsonl"
    status = main(["extract", str(awkward), "-o", str(out), "-q"])
    assert status == 1
    records = _lines(out)
    ids = sorted(r["doc_id"] for r in records)
    assert ids == ["cp.txt", "crlf.txt", "good.txt", "koi.txt", "l1", "u16.txt"]
    for obj in records:
        record = NewsRecord.model_validate(obj)
        assert record.text == RELEASE
        assert record.title == "Приморье и Вьетнам договорились о прямых рейсах"
        for span in iter_spans(record):
            assert record.text[span.start:span.end] == span.text
    errors = _lines(tmp_path / "out" / "records.errors.jsonl")
    assert sorted(e["error"] for e in errors) == sorted(
        ["BinaryFile", "EmptyDocument", "EmptyDocument", "JSONDecodeError", "InvalidItem", "JSONDecodeError"])
    assert all({"path", "error", "message"} <= set(e) for e in errors)

    assert main(["extract", str(awkward), "-o", str(out), "--resume", "-q"]) == 1
    assert len(_lines(out)) == len(records)


def test_all_good_exits_zero_and_errors_option(tmp_path):
    (tmp_path / "a.txt").write_text(RELEASE, encoding="utf-8")
    out, errors = tmp_path / "r.jsonl", tmp_path / "e.jsonl"
    assert main(["extract", str(tmp_path / "a.txt"), "-o", str(out), "--errors", str(errors), "-q"]) == 0
    assert len(_lines(out)) == 1 and errors.read_text() == ""


@pytest.mark.parametrize("argv", [
    ["extract", "/nonexistent/path", "-o", "x.jsonl"],
    ["extract", "."],
    ["frobnicate"],
    ["extract", ".", "-o", "x.jsonl", "--workers", "0"],
])
def test_usage_errors_exit_two(argv):
    assert main(argv) == 2


def test_workers_and_hash_seeds_match_single_process(tmp_path):
    """Two workers under another hash seed, and a resumed run, give the bytes of one process."""
    (tmp_path / "in").mkdir()
    for i in range(4):
        (tmp_path / "in" / f"d{i}.txt").write_text(RELEASE.replace("3 апреля", f"{i + 3} апреля"), encoding="utf-8")
    (tmp_path / "in" / "bad.json").write_text("[" * 100_000, encoding="utf-8")
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert main(["extract", str(tmp_path / "in"), "-o", str(one), "-q"]) == 1
    seed = "1" if os.environ.get("PYTHONHASHSEED") == "0" else "0"
    cmd = [sys.executable, "-m", "newsextract", "extract", str(tmp_path / "in"), "-o", str(two),
           "--workers", "2", "-q"]
    done = subprocess.run(cmd, capture_output=True, env=dict(os.environ, PYTHONHASHSEED=seed))
    assert done.returncode == 1 and b"Traceback" not in done.stderr
    assert one.read_bytes() == two.read_bytes()
    assert len(_lines(one)) == 4
    assert (tmp_path / "one.errors.jsonl").read_bytes() == (tmp_path / "two.errors.jsonl").read_bytes()
    lines = one.read_bytes().splitlines(keepends=True)
    two.write_bytes(lines[0] + lines[1][:-10])  # killed mid-line
    assert main(["extract", str(tmp_path / "in"), "-o", str(two), "--resume", "-q"]) == 1
    assert one.read_bytes() == two.read_bytes()


def test_own_output_is_not_read_back(tmp_path):
    (tmp_path / "a.txt").write_text(RELEASE, encoding="utf-8")
    out = tmp_path / "records.jsonl"
    assert main(["extract", str(tmp_path), "-o", str(out), "-q"]) == 0
    assert main(["extract", str(tmp_path), "-o", str(out), "-q"]) == 0
    assert [r["doc_id"] for r in _lines(out)] == ["a.txt"]


def test_schema_and_show(capsys, tmp_path):
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert {"countries", "persons", "dates", "events", "quotes"} <= set(schema["properties"])
    path = tmp_path / "a.txt"
    path.write_text(RELEASE, encoding="utf-8")
    assert main(["show", str(path)]) == 0
    assert "Приморье и Вьетнам" in capsys.readouterr().out


def test_own_taxonomy(tmp_path):
    taxonomy = tmp_path / "mine.toml"
    taxonomy.write_text('threshold = 0.1\n[[topic]]\nid = "aviation"\nlabel = "Авиация"\nparent = ""\n'
                        'phrases = ["прямой рейс", "авиакомпания"]\n', encoding="utf-8")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(RELEASE, encoding="utf-8")
    out = tmp_path / "r.jsonl"
    assert main(["extract", str(tmp_path / "in"), "-o", str(out), "--topics", str(taxonomy), "-q"]) == 0
    (record,) = _lines(out)
    assert [t["id"] for t in record["topics"]] == ["aviation"]
    evidence = record["topics"][0]["evidence"][0]
    assert record["text"][evidence["start"]:evidence["end"]] == evidence["text"]


def test_version_and_global_options_anywhere(tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        from newsextract.cli import build_parser

        build_parser().parse_args(["--version"])
    assert exc.value.code == 0
    assert "newsextract" in capsys.readouterr().out
    (tmp_path / "a.txt").write_text(RELEASE, encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    out = tmp_path / "r.jsonl"
    assert main(["extract", str(tmp_path), "-o", str(out), "-q", "-v"]) == 0
    err = capsys.readouterr().err
    assert "skipped" in err and "notes.pdf" in err  # -v lists skipped files
    assert "1 record, 0 errors, 1 skipped" in err and "resume" not in err
    assert main(["-q", "extract", str(tmp_path / "a.txt"), "-o", str(out)]) == 0


@pytest.mark.parametrize("extra,message", [
    (["--topics", "/nonexistent/mine.toml"], "taxonomy"),
    (["--topics", "WRONG_SHAPE"], "wrong shape"),
    (["--errors", "OUT"], "same file"),
    (["-o", "INPUT"], "input files"),
    (["--workers", "0"], "workers"),
    (["--max-bytes", "lots"], "size"),
])
def test_usage_errors_touch_nothing(tmp_path, capsys, extra, message):
    doc = tmp_path / "a.txt"
    doc.write_text(RELEASE, encoding="utf-8")
    wrong = tmp_path / "wrong.toml"
    wrong.write_text('[topics]\nid = "x"\n', encoding="utf-8")
    out = tmp_path / "r.jsonl"
    out.write_text('{"schema_version": "1.0"}\n', encoding="utf-8")
    extra = [{"WRONG_SHAPE": str(wrong), "OUT": str(out), "INPUT": str(doc)}.get(x, x) for x in extra]
    argv = ["extract", str(doc), "-o", str(out), "-q"]
    if "-o" in extra:
        argv = ["extract", str(doc), "-q"]
    assert main(argv + extra) == 2
    assert message in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == '{"schema_version": "1.0"}\n'
    assert doc.read_text(encoding="utf-8") == RELEASE
    assert not (tmp_path / "r.errors.jsonl").exists()


def test_unwritable_output_is_one_line(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(RELEASE, encoding="utf-8")
    (tmp_path / "file").write_text("x")
    assert main(["extract", str(tmp_path / "a.txt"), "-o", str(tmp_path / "file" / "r.jsonl"), "-q"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot write" in err and "Traceback" not in err


def test_second_extract_on_same_output_refused(tmp_path, capsys):
    import fcntl

    (tmp_path / "a.txt").write_text(RELEASE, encoding="utf-8")
    out = tmp_path / "r.jsonl"
    with open(out, "w") as held:  # another process's lock (flock locks are per open file)
        fcntl.flock(held, fcntl.LOCK_EX)
        assert main(["extract", str(tmp_path / "a.txt"), "-o", str(out), "-q"]) == 2
    err = capsys.readouterr().err
    assert "another newsextract" in err and "Traceback" not in err


def _stdio(monkeypatch, capsysbinary, data: bytes, argv) -> tuple[int, bytes, bytes]:
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    status = main(argv)
    captured = capsysbinary.readouterr()
    return status, captured.out, captured.err


def test_stdin_and_stdout(monkeypatch, capsysbinary):
    argv = ["extract", "-", "-o", "-", "-q"]
    status, out, err = _stdio(monkeypatch, capsysbinary, RELEASE.encode("utf-8"), argv)
    assert status == 0, err
    (record,) = [json.loads(line) for line in out.decode("utf-8").splitlines()]
    assert record["doc_id"] == "stdin" and record["text"] == RELEASE
    lines = "\n".join(json.dumps({"id": f"n{i}", "text": RELEASE}, ensure_ascii=False) for i in range(2)) + "\n{"
    status, out, err = _stdio(monkeypatch, capsysbinary, lines.encode("utf-8"), argv + ["--format", "jsonl"])
    assert status == 1
    assert [json.loads(x)["doc_id"] for x in out.decode().splitlines()] == ["n0", "n1"]
    assert b'"error": "JSONDecodeError"' in err  # error lines go to stderr with -o -


def test_named_unknown_kinds_and_devices(tmp_path, capsys):
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.4 " + RELEASE.encode("utf-8"))
    (tmp_path / "b.docx").write_bytes(b"PK\x03\x04")
    os.mkfifo(tmp_path / "pipe")
    out = tmp_path / "o" / "r.jsonl"
    argv = ["extract", str(tmp_path / "a.pdf"), str(tmp_path / "b.docx"), str(tmp_path / "pipe"), "/dev/zero",
            "-o", str(out), "-q"]
    assert main(argv) == 1
    errors = _lines(tmp_path / "o" / "r.errors.jsonl")
    assert [e["error"] for e in errors] == ["UnsupportedFormat", "UnsupportedFormat", "NotRegularFile",
                                            "NotRegularFile"]
    assert out.read_text() == "" and "Traceback" not in capsys.readouterr().err


def test_eval_with_nothing_to_score(tmp_path):
    assert main(["eval", str(tmp_path), "--format", "corpus"]) != 0


def test_schema_contract(capsys):
    assert main(["schema", "--contract"]) == 0
    assert "Stand-off offsets" in capsys.readouterr().out
