"""Reading files: encodings, formats, folders, failures."""

from __future__ import annotations

import json
import os

import pytest

from newsextract.reader import Failure, Item, decode, iter_files, normalize_newlines, read_paths

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
