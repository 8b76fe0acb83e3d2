"""Reading inputs: files and folders into ``Item`` objects, or error entries.

Encodings are detected (BOMs, strict UTF-8, then charset-normalizer with a
Cyrillic case check that tells cp1251 from koi8-r); HTML goes through
trafilatura's main-text extraction; JSON and JSONL items keep their own ids.
"""

from __future__ import annotations

import codecs
import fnmatch
import hashlib
import json
import logging
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional, Union

from .errors import ReadError
from .records import Source

log = logging.getLogger(__name__)

FORMATS = {".txt": "txt", ".md": "md", ".html": "html", ".htm": "html",
           ".json": "json", ".jsonl": "jsonl"}
BOMS = [  # longest first: UTF-32 LE starts with the UTF-16 LE BOM
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
]
CYRILLIC_CANDIDATES = ("cp1251", "koi8_r", "cp866", "iso8859_5")  # ties go to the first
ISO_DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


@dataclass
class Item:
    """One input document before processing."""

    text: str
    doc_id: str = "doc"
    title: Optional[str] = None
    published: Optional[str] = None
    source: Source = field(default_factory=Source)
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class Failure:
    """An input that could not be read: one line in the errors file."""

    path: str
    error: str
    message: str
    doc_id: Optional[str] = None


Read = Union[Item, Failure]


def normalize_newlines(text: str) -> str:
    """Drop a BOM and turn ``\\r\\n`` and ``\\r`` into ``\\n``; nothing else."""
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _looks_binary(raw: bytes) -> bool:
    sample = raw[:65536]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > max(4, len(sample) // 100)


def _cyrillic_score(text: str) -> float:
    """How much a decoding looks like Russian prose (lower-case Cyrillic dominates)."""
    lower = sum(1 for ch in text if "а" <= ch <= "я" or ch == "ё")
    upper = sum(1 for ch in text if "А" <= ch <= "Я" or ch == "Ё")
    odd = sum(1 for ch in text if not (ch.isalnum() or ch.isspace() or ch in ".,;:!?-—–«»\"'()[]/%№+*=<>&@#$€₽"))
    return (lower - 2 * upper - 5 * odd) / max(1, len(text))


def decode(raw: bytes) -> tuple[str, str]:
    """Decode raw bytes; returns ``(text, encoding)`` or raises ``ReadError``."""
    for bom, encoding in BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding), encoding.replace("-sig", "")
            except UnicodeDecodeError as exc:
                raise ReadError("DecodeError", f"bad {encoding} after its BOM: {exc}") from exc
    if _looks_binary(raw):
        raise ReadError("BinaryFile", "the file holds binary data, not text")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates = []
    for rank, encoding in enumerate(CYRILLIC_CANDIDATES):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        candidates.append((_cyrillic_score(text[:20000]), -rank, encoding, text))
    best = _charset_normalizer_guess(raw)
    if best is not None:
        text, encoding = best
        candidates.append((_cyrillic_score(text[:20000]), -len(CYRILLIC_CANDIDATES), encoding, text))
    if not candidates:
        raise ReadError("DecodeError", "no known encoding decodes this file")
    _, _, encoding, text = max(candidates)
    return text, encoding


def _charset_normalizer_guess(raw: bytes) -> Optional[tuple[str, str]]:
    from charset_normalizer import from_bytes

    match = from_bytes(raw[:200_000]).best()
    if match is None:
        return None
    try:
        return raw.decode(match.encoding), match.encoding
    except (UnicodeDecodeError, LookupError):
        return None


def iter_files(paths: Iterable[str | os.PathLike]) -> Iterator[tuple[Path, Path]]:
    """``(file, root)`` for every readable file under the paths, sorted, once each.

    Hidden files and folders are skipped, and so are names matching a pattern
    in a folder's ``.newsextractignore``; symlink loops are cut by remembering
    the real path of each folder visited.
    """
    seen_dirs: set[str] = set()
    seen_files: set[str] = set()
    for raw_path in paths:
        path = Path(raw_path)
        if path.is_dir():
            yield from _walk(path, path, seen_dirs, seen_files)
        else:
            real = os.path.realpath(path)
            if real not in seen_files:
                seen_files.add(real)
                yield path, path.parent


IGNORE_FILE = ".newsextractignore"  # glob patterns of names to skip in its folder ("gold", "README.md")


def _ignore_patterns(folder: Path) -> tuple[str, ...]:
    path = folder / IGNORE_FILE
    if not path.is_file():
        return ()
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    return tuple(ln.strip().rstrip("/") for ln in lines if ln.strip() and not ln.lstrip().startswith("#"))


def _walk(folder: Path, root: Path, seen_dirs: set, seen_files: set) -> Iterator[tuple[Path, Path]]:
    real = os.path.realpath(folder)
    if real in seen_dirs:
        log.debug("skipping %s: already visited (symlink loop?)", folder)
        return
    seen_dirs.add(real)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        log.warning("cannot list %s: %s", folder, exc)
        return
    ignored = _ignore_patterns(folder)
    for entry in entries:
        if entry.name.startswith(".") or any(fnmatch.fnmatch(entry.name, p) for p in ignored):
            continue
        path = Path(entry.path)
        try:
            if entry.is_dir():
                yield from _walk(path, root, seen_dirs, seen_files)
            elif entry.is_file() and path.suffix.lower() in FORMATS:
                real_file = os.path.realpath(path)
                if real_file not in seen_files:
                    seen_files.add(real_file)
                    yield path, root
        except OSError as exc:
            log.warning("cannot stat %s: %s", path, exc)


def _doc_id(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.name


def _iso_date(value) -> Optional[str]:
    if not value:
        return None
    m = ISO_DATE_RE.match(str(value).strip())
    if not m:
        return None
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}"


def read_file(path: Path, root: Path) -> Iterator[Read]:
    """Items of one file (several for JSONL), or failures."""
    doc_id = _doc_id(path, root)
    fmt = FORMATS.get(path.suffix.lower(), "txt")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        yield Failure(str(path), type(exc).__name__, str(exc), doc_id)
        return
    sha = hashlib.sha256(raw).hexdigest()
    try:
        text, encoding = decode(raw)
    except ReadError as exc:
        yield Failure(str(path), exc.kind, str(exc), doc_id)
        return
    text = normalize_newlines(text)
    source = dict(path=str(path), sha256=sha, format=fmt, encoding=encoding)
    try:
        if fmt in ("txt", "md"):
            yield _text_item(text, doc_id, source)
        elif fmt == "html":
            yield _html_item(text, doc_id, source)
        elif fmt == "json":
            yield _json_item(_load_json(text), doc_id, source)
        else:
            yield from _jsonl_items(text, path, doc_id, source)
    except ReadError as exc:
        yield Failure(str(path), exc.kind, str(exc), doc_id)


def _text_item(text: str, doc_id: str, source: dict) -> Item:
    if not text.strip():
        raise ReadError("EmptyDocument", "the file has no text")
    return Item(text=text, doc_id=doc_id, source=Source(**source))


def _html_item(html: str, doc_id: str, source: dict) -> Item:
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=True,
                               favor_precision=True, deduplicate=False) or ""
    meta = trafilatura.extract_metadata(html, extensive=False)
    title = meta.title if meta is not None and meta.title else None
    published = _html_date(html)
    text = normalize_newlines(text)
    if not text.strip():
        raise ReadError("EmptyDocument", "no main text found in the HTML")
    if title and not text.startswith(title):
        title = title.strip()
    return Item(text=text, doc_id=doc_id, title=title, published=published,
                source=Source(**source))


def _html_date(html: str) -> Optional[str]:
    """The publication date from the page's metadata only (no guessing from footers)."""
    from htmldate import find_date

    try:
        return _iso_date(find_date(html, extensive_search=False, original_date=True))
    except Exception:  # noqa: BLE001 - a broken page has no date, not an error
        return None


def _load_json(text: str):
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReadError("JSONDecodeError", str(exc)) from exc


def _json_item(obj, doc_id: str, source: dict) -> Item:
    if not isinstance(obj, dict):
        raise ReadError("InvalidItem", "a JSON item must be an object")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ReadError("InvalidItem", "the item has no 'text'")
    item_id = obj.get("id")
    src = dict(source)
    if obj.get("url"):
        src["url"] = str(obj["url"])
    if obj.get("source"):
        src["name"] = str(obj["source"])
    published = _iso_date(obj.get("published"))
    return Item(text=normalize_newlines(text), doc_id=str(item_id) if item_id is not None else doc_id,
                title=obj.get("title") or None, published=published, source=Source(**src))


def _jsonl_items(text: str, path: Path, doc_id: str, source: dict) -> Iterator[Read]:
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        line_id = f"{doc_id}:{lineno}"
        try:
            item = _json_item(_load_json(line), line_id, source)
        except ReadError as exc:
            yield Failure(f"{path}:{lineno}", exc.kind, str(exc), line_id)
            continue
        yield item


def read_paths(paths: Iterable[str | os.PathLike], *, exclude: Iterable[os.PathLike] = ()) -> Iterator[Read]:
    """Every item (or failure) under the paths, in a stable order.

    ``exclude``: files never read (the batch's own output and errors files).
    """
    skip = {os.path.realpath(p) for p in exclude}
    for path, root in iter_files(paths):
        if os.path.realpath(path) not in skip:
            yield from read_file(path, root)
