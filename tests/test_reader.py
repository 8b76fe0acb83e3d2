"""Reading files: encodings, formats, folders, failures."""

from __future__ import annotations

import json
import os

import pytest

from newsextract.reader import Failure, Item, Skipped, decode, iter_files, normalize_newlines, read_paths

TEXT = ("Томская область расширяет торговлю с Казахстаном\n\n"
        "15 марта. Губернатор Томской области Иван Петров встретился с послом Казахстана.\n")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1251", "koi8_r", "utf-16", "utf-32"])
def test_decode_detects_encoding(encoding):
    text, found = decode(TEXT.encode(encoding))
    assert normalize_newlines(text) == TEXT
    assert found.replace("_", "-").split("-sig")[0] == encoding.replace("_", "-").split("-sig")[0]


@pytest.mark.parametrize("raw,expected", [
    ("строка\r\nдругая\rтретья", "строка\nдругая\nтретья"),
    ("\ufeffЗаголовок\n", "Заголовок\n"),
    ("без изменений  \t", "без изменений  \t"),
])
def test_normalize_newlines(raw, expected):
    assert normalize_newlines(raw) == expected


def _write(tmp_path, name, data):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


def _read_all(tmp_path):
    items, failures = [], []
    for read in read_paths([tmp_path]):
        (failures if isinstance(read, Failure) else items).append(read)
    return items, failures


def test_folder_formats_and_failures(tmp_path):
    _write(tmp_path, "a/good.txt", TEXT)
    _write(tmp_path, "a/crlf.txt", TEXT.replace("\n", "\r\n").encode("cp1251"))
    _write(tmp_path, "b/note.md", "# " + TEXT)
    _write(tmp_path, "c/item.json", json.dumps({"id": "x-1", "text": TEXT, "published": "2025-03-15",
                                                "title": "Томск и Казахстан"}, ensure_ascii=False))
    _write(tmp_path, "c/items.jsonl", "\n".join([
        json.dumps({"id": "j1", "text": TEXT}, ensure_ascii=False), "{oops",
        json.dumps({"id": "j3", "title": "нет текста"}, ensure_ascii=False)]))
    _write(tmp_path, "d/bin.txt", b"\x00\x01\x02" * 50)
    _write(tmp_path, "d/empty.txt", "")
    _write(tmp_path, "d/blank.txt", "  \n \n")
    _write(tmp_path, "d/broken.json", '{"text": ')
    _write(tmp_path, ".hidden/skip.txt", TEXT)
    _write(tmp_path, "d/ignored.pdf", b"%PDF")
    items, failures = _read_all(tmp_path)
    ids = {item.doc_id: item for item in items}
    assert set(ids) == {"a/good.txt", "a/crlf.txt", "b/note.md", "x-1", "j1"}
    assert ids["a/crlf.txt"].text == TEXT and ids["a/crlf.txt"].source.encoding == "cp1251"
    assert ids["x-1"].published == "2025-03-15" and ids["x-1"].title == "Томск и Казахстан"
    assert ids["a/good.txt"].source.sha256 and ids["b/note.md"].source.format == "md"
    errors = {(f.doc_id, f.error) for f in failures}
    assert errors == {("d/bin.txt", "BinaryFile"), ("d/empty.txt", "EmptyDocument"),
                      ("d/blank.txt", "EmptyDocument"), ("d/broken.json", "JSONDecodeError"),
                      ("c/items.jsonl:2", "JSONDecodeError"), ("c/items.jsonl:3", "InvalidItem")}


def test_html_main_text_only(tmp_path):
    html = ("<html><head><title>Иркутск подписал соглашение с Монголией</title></head><body>"
            "<nav><a href='/'>Главная</a><a href='/news'>Все новости</a></nav>"
            "<article><h1>Иркутск подписал соглашение с Монголией</h1>"
            "<p>12 апреля. Губернатор Иркутской области и посол Монголии подписали соглашение "
            "о сотрудничестве в сфере туризма и образования.</p>"
            "<p>Документ предусматривает обмен студентами и совместные маршруты.</p></article>"
            "<footer>Все права защищены. Пользовательское соглашение</footer>"
            "<script>window.counter = 1;</script></body></html>")
    _write(tmp_path, "page.html", html)
    (item,), failures = _read_all(tmp_path)
    assert not failures
    assert "подписали соглашение" in item.text
    assert "Главная" not in item.text and "counter" not in item.text
    assert item.title == "Иркутск подписал соглашение с Монголией"


def test_symlink_loop_is_cut(tmp_path):
    _write(tmp_path, "sub/doc.txt", TEXT)
    os.symlink("..", tmp_path / "sub" / "loop")
    files = list(iter_files([tmp_path]))
    assert [p.name for p, _ in files] == ["doc.txt"]


def test_item_defaults():
    item = Item(text="текст")
    assert item.doc_id == "doc" and item.published is None


def test_ignore_file_skips_names(tmp_path):
    _write(tmp_path, "news/a.txt", TEXT)
    _write(tmp_path, "gold/a.json", '{"doc_id": "news/a.txt"}')
    _write(tmp_path, "README.md", "# Корпус")
    _write(tmp_path, ".newsextractignore", "# not documents\ngold/\nREADME.md\n")
    assert [p.relative_to(tmp_path).as_posix() for p, _ in iter_files([tmp_path])] == ["news/a.txt"]


@pytest.mark.parametrize("raw,encoding,errors", [
    # One stray byte in UTF-8 Cyrillic: still UTF-8, the byte replaced and counted.
    (TEXT.encode("utf-8")[:40] + b"\xff" + TEXT.encode("utf-8")[40:], "utf-8", 1),
    (TEXT.encode("utf-8").replace("Казахстан".encode(), b"\xc0\xc1"), "utf-8", 4),  # twice,
    (TEXT.encode("utf-8"), "utf-8", 0),
    # Not UTF-8 at all: detected as before.
    (TEXT.encode("cp1251"), "cp1251", 0),
    (TEXT.encode("koi8_r"), "koi8-r", 0),
])
def test_damaged_utf8_stays_utf8(raw, encoding, errors):
    from newsextract.reader import decode_counted

    text, found, count = decode_counted(raw)
    assert found.replace("_", "-") == encoding and count == errors
    assert text.count("\ufffd") == errors
    if not errors:
        assert normalize_newlines(text) == TEXT


def test_damaged_utf8_file_records_decode_errors(tmp_path):
    raw = TEXT.encode("utf-8")
    _write(tmp_path, "a.txt", raw[:40] + b"\xff" + raw[40:])
    (item,), _ = _read_all(tmp_path)
    assert item.source.encoding == "utf-8" and item.source.decode_errors == 1


def test_json_surrogates_and_depth(tmp_path):
    _write(tmp_path, "s.json", '{"id": "a\\ud800", "title": "T\\udfff", "text": "Текст \\ud83d\\ude00 и \\ud800."}')
    _write(tmp_path, "deep.json", "[" * 100_000 + "]" * 100_000)
    _write(tmp_path, "deep.jsonl", '{"text": "ok", "id": "fine"}\n' + "{\"a\":" * 50_000 + "1" + "}" * 50_000 + "\n")
    items, failures = _read_all(tmp_path)
    by_id = {i.doc_id: i for i in items}
    assert set(by_id) == {"a\ufffd", "fine"}
    item = by_id["a\ufffd"]
    assert item.text == "Текст 😀 и \ufffd." and item.title == "T\ufffd"
    assert item.source.decode_errors == 3
    assert sorted((f.doc_id, f.error) for f in failures) == [("deep.json", "JSONTooDeep"),
                                                             ("deep.jsonl:2", "JSONTooDeep")]


def test_special_files_and_unknown_kinds(tmp_path):
    _write(tmp_path, "in/a.txt", TEXT)
    _write(tmp_path, "in/doc.pdf", b"%PDF-1.4")
    _write(tmp_path, "in/doc.xml", "<a/>")
    _write(tmp_path, "named.docx", b"PK\x03\x04")
    os.mkfifo(tmp_path / "in" / "pipe.txt")
    os.symlink(tmp_path / "in" / "nowhere.txt", tmp_path / "in" / "broken.txt")
    reads = list(read_paths([tmp_path / "in", tmp_path / "named.docx", "/dev/null"], skipped=True))
    failures = sorted((r.doc_id, r.error) for r in reads if isinstance(r, Failure))
    assert failures == [("broken.txt", "FileNotFoundError"), ("named.docx", "UnsupportedFormat"),
                        ("null", "NotRegularFile"), ("pipe.txt", "NotRegularFile")]
    skipped = sorted(os.path.basename(r.path) for r in reads if isinstance(r, Skipped))
    assert skipped == ["doc.pdf", "doc.xml"]
    assert [r.doc_id for r in reads if isinstance(r, Item)] == ["a.txt"]


def test_unreadable_folder_and_file_under_it(tmp_path, monkeypatch):
    _write(tmp_path, "in/ok/a.txt", TEXT)
    _write(tmp_path, "in/locked/b.txt", TEXT)
    locked = str(tmp_path / "in" / "locked")
    real_scandir, real_stat = os.scandir, os.stat

    def scandir(path):
        if str(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    def fake_stat(path, *args, **kwargs):
        if str(path).startswith(locked + os.sep):
            raise PermissionError(13, "Permission denied", str(path))
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(os, "stat", fake_stat)
    reads = list(read_paths([tmp_path / "in", tmp_path / "in" / "locked" / "b.txt"]))
    assert [r.doc_id for r in reads if isinstance(r, Item)] == ["ok/a.txt"]
    assert sorted((r.path, r.error) for r in reads if isinstance(r, Failure)) == [
        (locked, "PermissionError"), (locked + os.sep + "b.txt", "PermissionError")]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads folders whatever their mode")
def test_unreadable_folder_really(tmp_path):
    _write(tmp_path, "in/locked/b.txt", TEXT)
    (tmp_path / "in" / "locked").chmod(0)
    try:
        reads = list(read_paths([tmp_path / "in"]))
    finally:
        (tmp_path / "in" / "locked").chmod(0o755)
    assert [(r.error) for r in reads] == ["PermissionError"]


def test_size_limit_and_stdin():
    import io

    from newsextract.reader import read_stdin

    (item,) = read_stdin("txt", stream=io.BytesIO(TEXT.encode("cp1251")))
    assert item.text == TEXT and item.doc_id == "stdin" and item.source.encoding == "cp1251"
    (failure,) = read_stdin("txt", max_bytes=10, stream=io.BytesIO(TEXT.encode()))
    assert failure.error == "TooLarge"
    lines = "\n".join(json.dumps({"id": f"n{i}", "text": TEXT}, ensure_ascii=False) for i in range(2))
    assert [i.doc_id for i in read_stdin("jsonl", stream=io.BytesIO(lines.encode()))] == ["n0", "n1"]


def test_large_jsonl_is_read_line_by_line(tmp_path):
    import hashlib

    from newsextract.reader import read_file

    lines = [json.dumps({"id": f"n{i}", "text": TEXT}, ensure_ascii=False) for i in range(4)]
    lines.insert(2, json.dumps({"id": "long", "text": TEXT * 10}, ensure_ascii=False))
    path = _write(tmp_path, "big.jsonl", "\n".join(lines) + "\n")
    reads = list(read_file(path, tmp_path, max_bytes=600))
    assert [(r.doc_id, type(r).__name__) for r in reads] == [
        ("n0", "Item"), ("n1", "Item"), ("big.jsonl:3", "Failure"), ("n2", "Item"), ("n3", "Item")]
    assert reads[2].error == "TooLarge"
    assert reads[0].source.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert reads[0].text == TEXT
    (failure,) = read_file(_write(tmp_path, "big.txt", TEXT * 10), tmp_path, max_bytes=600)
    assert failure.error == "TooLarge"
