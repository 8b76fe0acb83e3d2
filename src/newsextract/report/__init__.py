"""One self-contained HTML page of records: ``newsextract report RECORDS.jsonl -o report.html``.

An overview (documents by month, countries by documents, events by type over time, the
officials and their positions, topics) and every document with its entities marked in
the text, its events and quotes. Charts are inline SVG (matplotlib), styles inline, no
script: the page opens with no network. HTML comes from the Jinja2 templates beside
this module; the same records give the same bytes.

    >>> from newsextract.report import write_report
    >>> write_report("out/records.jsonl", "out/report.html")
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

try:
    import jinja2  # noqa: F401 - the report's one hard requirement, checked here for a clear message
except ImportError as exc:
    raise ImportError("newsextract report needs jinja2 and matplotlib: pip install 'newsextract[report]'") from exc

from ..tabular.rows import build_rows, records_with_keys
from .build import DOC_LINKS, TOP_TOPICS, document_view, overview
from .highlight import KINDS, legend

__all__ = ["render_report", "write_report", "record_html"]


@lru_cache(maxsize=1)
def _env():
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    return Environment(loader=PackageLoader("newsextract.report", "templates"),
                       autoescape=select_autoescape(["html", "j2"]), undefined=StrictUndefined,
                       trim_blocks=False, lstrip_blocks=False, keep_trailing_newline=True)


def _css() -> str:
    from importlib.resources import files

    base = files("newsextract.report").joinpath("templates/style.css").read_text(encoding="utf-8")
    colours = "\n".join(f".nx mark.e-{kind} {{ background: {colour}; }}"
                        for kind, (_label, _name, colour) in KINDS.items())
    return base + colours + "\n"


def _materialize(records: Any) -> list[dict]:
    from ..tabular.rows import iter_records

    return list(iter_records(records))


def render_report(records: Any, *, title: str = "newsextract report") -> str:
    """The page for records: NewsRecord objects, record dicts, or paths of JSONL files."""
    from .. import __version__

    recs = _materialize(records)
    rows = build_rows(recs)
    keyed = list(records_with_keys(recs))
    anchors = {key: f"doc-{i + 1}" for i, (key, _rec) in enumerate(keyed)}
    docs = [document_view(rec, key, anchors[key]) for key, rec in keyed]
    return _env().get_template("report.html.j2").render(
        title=title, o=overview(rows, anchors), docs=docs, kinds=legend(), css=_css(),
        doc_links=DOC_LINKS, top_topics=TOP_TOPICS, version=__version__)


def write_report(records: Any, out: str | Path, *, title: str = "newsextract report") -> Path:
    """Write the page; returns its path."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_report(records, title=title), encoding="utf-8")
    return out


def record_html(record: Any) -> str:
    """One record as an HTML fragment (``NewsRecord._repr_html_`` in notebooks)."""
    (key, rec), = records_with_keys([record])
    return _env().get_template("record.html.j2").render(
        d=document_view(rec, key, "doc-1"), kinds=legend(), css=_css())
