"""Package data files (gazetteers, lexicons, taxonomy), loaded lazily once.

Files live in ``newsextract/data/``: one item a line or TSV, ``#`` starts a
comment; TOML for structured lexicons.
"""

from __future__ import annotations

import functools
import sys
from importlib import resources

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


@functools.cache
def read_text(name: str) -> str:
    """The text of ``data/NAME``."""
    return resources.files("newsextract").joinpath("data", name).read_text(encoding="utf-8")


def _strip_comment(line: str) -> str:
    return line.split("#", 1)[0].rstrip() if "#" in line else line.rstrip()


@functools.cache
def lines(name: str) -> tuple[str, ...]:
    """Non-empty lines of a one-item-a-line file, comments removed."""
    out = []
    for line in read_text(name).splitlines():
        line = _strip_comment(line).strip()
        if line:
            out.append(line)
    return tuple(out)


@functools.cache
def word_set(name: str) -> frozenset[str]:
    """The lines of a one-item-a-line file as a set (``name_particles.txt`` -> {"бин", "фон", ...})."""
    return frozenset(lines(name))


@functools.cache
def tsv(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a TSV file (tab-separated), comments and blank lines removed.

    Empty cells stay as ``""``; a header row, if any, is the caller's business.
    """
    rows = []
    for line in read_text(name).splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append(tuple(cell.strip() for cell in line.rstrip("\n").split("\t")))
    return tuple(rows)


@functools.cache
def toml(name: str) -> dict:
    """A TOML data file as a dict."""
    return tomllib.loads(read_text(name))


def toml_file(path: str) -> dict:
    """A user's own TOML file (``--topics FILE``)."""
    with open(path, "rb") as fh:
        return tomllib.load(fh)
