"""Reading inputs: files and folders into ``Item`` objects, or error entries.

Encodings are detected (BOMs, UTF-8, then charset-normalizer with a
Cyrillic case check that tells cp1251 from koi8-r); a file that is UTF-8 but
for a few invalid bytes stays UTF-8, with those bytes replaced by U+FFFD and
counted in ``source.decode_errors``. HTML goes through trafilatura's
main-text extraction; JSON and JSONL items keep their own ids.

Only regular files are ever opened (FIFOs, devices and sockets give a
``Failure`` without being opened), and never more than ``max_bytes`` of one:
every problem with one input is a ``Failure`` (an error line), never an
exception out of :func:`read_paths`.
"""

from __future__ import annotations

import codecs
import fnmatch
import hashlib
import json
import logging
import os
import re
import stat
import sys
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
# 2 MB: about 400 press releases in one document, which takes about a minute and 320 MB; time grows
# faster than size (5 MB: 9 minutes, 600 MB), so larger documents are refused (see the README's limits).
DEFAULT_MAX_BYTES = 2_000_000
# A file with fewer invalid sequences than this share of its valid non-ASCII characters is UTF-8
# with a few damaged bytes (replaced and counted), not a file in another encoding.
UTF8_DAMAGE_RATIO = 0.05
STDIN = "-"
CYRILLIC_CANDIDATES = ("cp1251", "koi8_r", "cp866", "iso8859_5")  # ties go to the first
ISO_DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")

CYRILLIC_CANDIDATES = ("cp1251", "koi8_r", "cp866", "iso8859_5")  # ties go to the first
ISO_DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
SURROGATE_RE = re.compile("[\ud800-\udfff]")
STDIN_ID = "stdin"


@dataclass
class Item:
    """One input document before processing (``size``: its bytes in the input, for progress)."""

    text: str
    doc_id: str = "doc"
    title: Optional[str] = None
    published: Optional[str] = None
    source: Source = field(default_factory=Source)
    meta: dict[str, Any] = field(default_factory=dict)
    size: int = 0


@dataclass
class Failure:
    """An input that could not be read or processed: one line in the errors file.

    ``error`` is the kind (``DecodeError``, ``NotRegularFile``, ``TooLarge``, or the
    exception's name), ``stage`` where it happened (``read``, a pipeline stage,
    ``encode``, ``worker``, ``timeout``).
    """

    path: str
    error: str
    message: str
    doc_id: Optional[str] = None
    stage: str = "read"
    size: int = 0

    def to_json(self) -> dict:
        return {"path": self.path, "error": self.error, "message": self.message,
                "doc_id": self.doc_id, "stage": self.stage}


@dataclass
class Skipped:
    """A file or folder deliberately not read (hidden, ignored, an unknown kind, seen before)."""

    path: str
    reason: str


Read = Union[Item, Failure, Skipped]


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
    text, encoding, _ = decode_counted(raw)
    return text, encoding


def _utf8_damaged(raw: bytes) -> Optional[tuple[str, int]]:
    """``(text, invalid sequences)`` when the bytes are UTF-8 but for a few damaged ones."""
    text = raw.decode("utf-8", errors="replace")
    damaged = text.count("\ufffd") - raw.count(b"\xef\xbf\xbd")  # U+FFFD already in the file
    non_ascii = sum(1 for ch in text if ord(ch) > 127) - damaged - raw.count(b"\xef\xbf\xbd")
    if damaged > 0 and non_ascii > 0 and damaged <= UTF8_DAMAGE_RATIO * non_ascii:
        return text, damaged
    return None


def decode_counted(raw: bytes) -> tuple[str, str, int]:
    """``(text, encoding, decode errors)``: the bytes decoded, or ``ReadError``.

    BOMs first; then strict UTF-8; then UTF-8 with a few invalid sequences
    replaced by U+FFFD (counted); only a file that is not UTF-8 at all goes to
    charset detection (cp1251, koi8-r, cp866, ISO-8859-5, charset-normalizer).
    """
    for bom, encoding in BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding), encoding.replace("-sig", ""), 0
            except UnicodeDecodeError as exc:
                raise ReadError("DecodeError", f"bad {encoding} after its BOM: {exc}") from exc
    if _looks_binary(raw):
        raise ReadError("BinaryFile", "the file holds binary data, not text")
    try:
        return raw.decode("utf-8"), "utf-8", 0
    except UnicodeDecodeError:
        pass
    damaged = _utf8_damaged(raw)
    if damaged is not None:
        return damaged[0], "utf-8", damaged[1]
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
    return text, encoding, 0


def _charset_normalizer_guess(raw: bytes) -> Optional[tuple[str, str]]:
    from charset_normalizer import from_bytes

    match = from_bytes(raw[:200_000]).best()
    if match is None:
        return None
    try:
        return raw.decode(match.encoding), match.encoding
    except (UnicodeDecodeError, LookupError):
        return None


# --- finding files ---------------------------------------------------------------------------

IGNORE_FILE = ".newsextractignore"  # glob patterns of names to skip in its folder ("gold", "README.md")


@dataclass
class Entry:
    """A regular file to read: its path and the root its ``doc_id`` is relative to."""

    path: Path
    root: Path
    size: int


def _kind_of(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISDIR, "a folder")):
        if test(mode):
            return name
    return "not a regular file"


def _not_regular(path: Path, mode: int, root: Path) -> Failure:
    return Failure(str(path), "NotRegularFile", f"{_kind_of(mode)}, not a regular file: not read",
                   _doc_id(path, root))


def _os_failure(path: Path, exc: OSError, root: Optional[Path] = None) -> Failure:
    message = exc.strerror or str(exc)
    return Failure(str(path), type(exc).__name__, f"cannot read: {message}",
                   _doc_id(path, root) if root is not None else str(path))


def iter_entries(paths: Iterable[str | os.PathLike]) -> Iterator[Union[Entry, Failure, Skipped]]:
    """Every file to read under the paths (sorted, once each), with failures and skips.

    A path named on the command line is read if it is a regular file of a known
    kind (or without an ending: plain text); an unknown ending (``.pdf``,
    ``.docx``, ``.xml``) is refused with a failure. In folders, hidden names
    and names matching a pattern in the folder's ``.newsextractignore`` are
    skipped, and so are files of unknown kinds; FIFOs, devices, sockets,
    broken links and folders that cannot be listed give failures. Symlink
    loops are cut by remembering the real path of each folder visited.
    """
    paths = list(paths)
    seen_dirs: set[str] = set()
    # Files named on the command line are read (or refused) where they are named, not in folders.
    cmdline = frozenset(os.path.realpath(p) for p in paths if str(p) != STDIN and not os.path.isdir(p))
    seen_files: set[str] = set(cmdline)
    named: set[str] = set()
    for raw_path in paths:
        path = Path(raw_path)
        if str(raw_path) == STDIN:
            yield Entry(path, path, -1)  # the standard input, read by read_paths
            continue
        try:
            st = os.stat(path)
        except OSError as exc:
            yield _os_failure(path, exc, path.parent)
            continue
        if stat.S_ISDIR(st.st_mode):
            yield from _walk(path, path, seen_dirs, seen_files, cmdline)
            continue
        real = os.path.realpath(path)
        if real in named:
            yield Skipped(str(path), "named twice")
            continue
        named.add(real)
        if not stat.S_ISREG(st.st_mode):
            yield _not_regular(path, st.st_mode, path.parent)
            continue
        suffix = path.suffix.lower()
        if suffix and suffix not in FORMATS:
            yield Failure(str(path), "UnsupportedFormat",
                          f"{suffix} files are not read (known: {', '.join(sorted(FORMATS))}, "
                          "or no ending for plain text)", path.name)
            continue
        yield Entry(path, path.parent, st.st_size)


def iter_files(paths: Iterable[str | os.PathLike]) -> Iterator[tuple[Path, Path]]:
    """``(file, root)`` for every file :func:`iter_entries` would read."""
    for entry in iter_entries(paths):
        if isinstance(entry, Entry) and entry.size >= 0:
            yield entry.path, entry.root


def _ignore_patterns(folder: Path) -> tuple[str, ...]:
    path = folder / IGNORE_FILE
    try:
        if not path.is_file():
            return ()
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return ()
    return tuple(ln.strip().rstrip("/") for ln in lines if ln.strip() and not ln.lstrip().startswith("#"))


def _walk(folder: Path, root: Path, seen_dirs: set, seen_files: set,
          cmdline: frozenset = frozenset()) -> Iterator[Union[Entry, Failure, Skipped]]:
    real = os.path.realpath(folder)
    if real in seen_dirs:
        yield Skipped(str(folder), "folder already visited (symlink loop?)")
        return
    seen_dirs.add(real)
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        yield Failure(str(folder), type(exc).__name__, f"cannot list the folder: {exc.strerror or exc}",
                      _doc_id(folder, root))
        return
    ignored = _ignore_patterns(folder)
    for entry in entries:
        path = Path(entry.path)
        if entry.name.startswith("."):
            yield Skipped(str(path), "hidden")
            continue
        if any(fnmatch.fnmatch(entry.name, p) for p in ignored):
            yield Skipped(str(path), f"ignored by {IGNORE_FILE}")
            continue
        try:
            st = os.stat(path)  # follows links, never opens
        except OSError as exc:
            yield _os_failure(path, exc, root)
            continue
        real = os.path.realpath(path)
        if not stat.S_ISDIR(st.st_mode) and real in seen_files:
            if real not in cmdline:  # named on the command line: read (or refused) there
                yield Skipped(str(path), "already read under another name")
            continue
        if stat.S_ISDIR(st.st_mode):
            yield from _walk(path, root, seen_dirs, seen_files, cmdline)
        elif not stat.S_ISREG(st.st_mode):
            yield _not_regular(path, st.st_mode, root)
        elif path.suffix.lower() not in FORMATS:
            yield Skipped(str(path), f"unknown kind {path.suffix or '(no ending)'}")
        else:
            seen_files.add(real)
            yield Entry(path, root, st.st_size)


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


# --- reading one file ------------------------------------------------------------------------

def _open_regular(path: Path) -> tuple[int, int]:
    """``(fd, size)`` of a regular file, opened without blocking (a FIFO swapped in never hangs)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags)
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):
        os.close(fd)
        raise ReadError("NotRegularFile", f"{_kind_of(st.st_mode)}, not a regular file: not read")
    return fd, st.st_size


def _too_large(size: int, max_bytes: int) -> ReadError:
    return ReadError("TooLarge", f"{size} bytes, above the limit of {max_bytes} (--max-bytes): not read")


def _read_limited(fh, max_bytes: int) -> bytes:
    raw = fh.read(max_bytes + 1)
    if len(raw) > max_bytes:
        raise ReadError("TooLarge", f"grew above the limit of {max_bytes} bytes (--max-bytes) while read")
    return raw


def read_file(path: Path, root: Path, *, max_bytes: int = DEFAULT_MAX_BYTES,
              fmt: Optional[str] = None) -> Iterator[Read]:
    """Items of one file (several for JSONL), or failures; never raises.

    A file above ``max_bytes`` is not read, except a JSONL file, which is then
    read line by line (each line a document under the limit).
    """
    doc_id = _doc_id(path, root)
    fmt = fmt or FORMATS.get(path.suffix.lower(), "txt")
    try:
        fd, size = _open_regular(path)
        with os.fdopen(fd, "rb") as fh:
            if size > max_bytes and fmt == "jsonl":
                yield from _stream_jsonl(fh, str(path), doc_id, max_bytes)
                return
            if size > max_bytes:
                raise _too_large(size, max_bytes)
            raw = _read_limited(fh, max_bytes)
    except ReadError as exc:
        yield Failure(str(path), exc.kind, str(exc), doc_id)
        return
    except OSError as exc:
        yield _os_failure(path, exc, root)
        return
    yield from read_bytes(raw, str(path), doc_id, fmt)


def _stream_jsonl(fh, path: str, doc_id: str, max_bytes: int) -> Iterator[Read]:
    """A JSONL file above the size limit, line by line: ``sha256`` of the whole file as usual,
    each line decoded on its own (UTF-8, or detected); a line above the limit is a failure."""
    sha = hashlib.sha256()
    for chunk in iter(lambda: fh.read(1 << 20), b""):
        sha.update(chunk)
    digest = sha.hexdigest()
    fh.seek(0)
    head = fh.read(4)
    fh.seek(0)
    if any(head.startswith(bom) for bom, enc in BOMS if enc != "utf-8-sig"):
        raise ReadError("TooLarge", f"a UTF-16/32 JSONL file above {max_bytes} bytes (--max-bytes) "
                                    "cannot be read line by line: not read")
    lineno = 0
    while True:
        line = fh.readline(max_bytes + 1)
        if not line:
            return
        lineno += 1
        line_id, where = f"{doc_id}:{lineno}", f"{path}:{lineno}"
        if len(line) > max_bytes:
            while line and not line.endswith(b"\n"):
                line = fh.readline(1 << 20)
            yield Failure(where, "TooLarge", f"a line above {max_bytes} bytes (--max-bytes): not read", line_id)
            continue
        if lineno == 1 and line.startswith(codecs.BOM_UTF8):
            line = line[len(codecs.BOM_UTF8):]
        if not line.strip():
            continue
        try:
            text, encoding, errors = decode_counted(line)
            source = dict(path=path, sha256=digest, format="jsonl", encoding=encoding,
                          decode_errors=errors)
            yield _json_item(_load_json(normalize_newlines(text)), line_id, source, len(line))
        except ReadError as exc:
            yield Failure(where, exc.kind, str(exc), line_id, size=len(line))
        except Exception as exc:  # noqa: BLE001 - one bad line never stops the file
            yield Failure(where, type(exc).__name__, str(exc), line_id, size=len(line))


def read_bytes(raw: bytes, path: str, doc_id: str, fmt: str) -> Iterator[Read]:
    """Items (or failures) of one input's raw bytes; every exception becomes a failure."""
    try:
        yield from _read_bytes(raw, path, doc_id, fmt)
    except ReadError as exc:
        yield Failure(path, exc.kind, str(exc), doc_id, size=len(raw))
    except Exception as exc:  # noqa: BLE001 - one bad input never stops a batch
        log.debug("reading %s failed", path, exc_info=True)
        yield Failure(path, type(exc).__name__, str(exc) or type(exc).__name__, doc_id, size=len(raw))


def _read_bytes(raw: bytes, path: str, doc_id: str, fmt: str) -> Iterator[Read]:
    sha = hashlib.sha256(raw).hexdigest()
    text, encoding, errors = decode_counted(raw)
    text = normalize_newlines(text)
    source = dict(path=path, sha256=sha, format=fmt, encoding=encoding, decode_errors=errors)
    if fmt in ("txt", "md"):
        yield _text_item(text, doc_id, source, len(raw))
    elif fmt == "html":
        yield _html_item(text, doc_id, source, len(raw))
    elif fmt == "json":
        yield _json_item(_load_json(text), doc_id, source, len(raw))
    else:
        yield from _jsonl_items(text, path, doc_id, source)


def _text_item(text: str, doc_id: str, source: dict, size: int) -> Item:
    if not text.strip():
        raise ReadError("EmptyDocument", "the file has no text")
    return Item(text=text, doc_id=doc_id, source=Source(**source), size=size)


def _html_item(html: str, doc_id: str, source: dict, size: int) -> Item:
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
                source=Source(**source), size=size)


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
    except RecursionError as exc:
        raise ReadError("JSONTooDeep", "JSON nested too deeply to read") from exc


def _clean(value: str) -> tuple[str, int]:
    """Lone surrogates (``"\\ud800"`` in JSON) replaced by U+FFFD, and how many there were."""
    count = len(SURROGATE_RE.findall(value))
    return (SURROGATE_RE.sub("\ufffd", value), count) if count else (value, 0)


def _json_item(obj, doc_id: str, source: dict, size: int) -> Item:
    if not isinstance(obj, dict):
        raise ReadError("InvalidItem", "a JSON item must be an object")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ReadError("InvalidItem", "the item has no 'text'")
    text, errors = _clean(text)
    item_id = obj.get("id")
    item_id, id_errors = _clean(str(item_id)) if item_id is not None else (doc_id, 0)
    title = obj.get("title")
    title, title_errors = _clean(str(title)) if title else (None, 0)
    src = dict(source)
    for key, field_name in (("url", "url"), ("source", "name")):
        if obj.get(key):
            src[field_name], n = _clean(str(obj[key]))
            errors += n
    src["decode_errors"] = src.get("decode_errors", 0) + errors + id_errors + title_errors
    published = _iso_date(obj.get("published"))
    return Item(text=normalize_newlines(text), doc_id=item_id, title=title, published=published,
                source=Source(**src), size=size)


def _jsonl_items(text: str, path: str, doc_id: str, source: dict) -> Iterator[Read]:
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        line_id = f"{doc_id}:{lineno}"
        size = len(line.encode("utf-8", "surrogatepass")) + 1
        try:
            item = _json_item(_load_json(line), line_id, source, size)
        except ReadError as exc:
            yield Failure(f"{path}:{lineno}", exc.kind, str(exc), line_id, size=size)
            continue
        except Exception as exc:  # noqa: BLE001 - one bad line never stops the file
            yield Failure(f"{path}:{lineno}", type(exc).__name__, str(exc), line_id, size=size)
            continue
        yield item


def read_stdin(fmt: str = "txt", *, max_bytes: int = DEFAULT_MAX_BYTES, stream=None) -> Iterator[Read]:
    """The standard input as one document (or JSONL items with ``fmt="jsonl"``)."""
    stream = stream if stream is not None else sys.stdin.buffer
    raw = stream.read(max_bytes + 1)
    if len(raw) > max_bytes:
        yield Failure(STDIN, "TooLarge", f"more than {max_bytes} bytes (--max-bytes): not read", STDIN_ID)
        return
    yield from read_bytes(raw, STDIN, STDIN_ID, fmt)


def read_paths(paths: Iterable[str | os.PathLike], *, exclude: Iterable[os.PathLike] = (),
               max_bytes: int = DEFAULT_MAX_BYTES, stdin_format: str = "txt",
               skipped: bool = False) -> Iterator[Read]:
    """Every item (or failure) under the paths, in a stable order; ``-`` is the standard input.

    ``exclude``: files never read (the batch's own output and errors files).
    ``skipped``: also yield a :class:`Skipped` for every file or folder passed over.
    """
    skip = {os.path.realpath(p) for p in exclude}
    for entry in iter_entries(paths):
        if isinstance(entry, Entry):
            if entry.size < 0:
                yield from read_stdin(stdin_format, max_bytes=max_bytes)
                continue
            if os.path.realpath(entry.path) in skip:
                log.debug("not reading %s: the batch's own output", entry.path)
                continue
            for read in read_file(entry.path, entry.root, max_bytes=max_bytes):
                if isinstance(read, (Item, Failure)) and not read.size:
                    read.size = entry.size
                yield read
        elif isinstance(entry, Failure) or skipped:
            yield entry
