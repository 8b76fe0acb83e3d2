"""newsextract.report: the self-contained HTML page, the marked text, the notebook view."""

from __future__ import annotations

import json
import re

import pytest

pytest.importorskip("jinja2")
pytest.importorskip("matplotlib")

from newsextract import cli  # noqa: E402
from newsextract.report import record_html, render_report  # noqa: E402
from newsextract.report.highlight import highlight, mark_tree  # noqa: E402

TEXT = "Министр иностранных дел Казахстана Ерлан Нуров прибыл в Омск 5 июня. «Рады встрече», — сказал он."


def _span(text: str, words: str, **extra) -> dict:
    start = text.index(words)
    return {"start": start, "end": start + len(words), "text": words, **extra}


def _rec(**fields) -> dict:
    return {"doc_id": "a.txt", "text": TEXT, **fields}


@pytest.fixture(scope="module")
def page(corpus_records) -> str:
    return render_report(corpus_records, title="Тестовый отчёт")


def test_page_is_self_contained(page):
    assert page.startswith("<!DOCTYPE html>")
    for needle in ("<script", "<link", "<iframe", "<img", "@import", " src="):
        assert needle not in page.lower(), needle
    assert not re.search(r"url\((?!#)", page)  # only references inside the page
    assert len(re.findall(r"<svg\b", page)) >= 3


def test_page_lists_officials_countries_and_documents(page, corpus_records):
    officials = {p.full_name for r in corpus_records for p in r.persons if p.positions}
    table = page[page.index('id="officials"'):page.index('id="countries"')]
    for name in officials:
        assert f"<tr><td>{name}</td>" in table, name
    for country in {c.name for r in corpus_records for c in r.countries}:
        assert country in page
    assert page.count('<section class="doc" id="doc-') == len(corpus_records)


def test_page_is_deterministic(corpus_records, page):
    assert render_report(corpus_records, title="Тестовый отчёт") == page


@pytest.mark.parametrize(("fields", "expected"), [
    ({"countries": [{"name": "Казахстан", "iso2": "KZ", "mentions": [_span(TEXT, "Казахстана", form="name")]}],
      "organizations": [{"name": "Министерство иностранных дел Казахстана",
                         "mentions": [_span(TEXT, "Министр иностранных дел Казахстана")]}]},
     '<mark class="e-org" title="Министерство иностранных дел Казахстана">Министр иностранных дел '
     '<mark class="e-country" title="Казахстан KZ, name">Казахстана<b>GPE</b></mark><b>ORG</b></mark>'),
    ({"persons": [{"full_name": "Ерлан Нуров", "mentions": [_span(TEXT, "Ерлан Нуров")]}],
      "dates": [{**_span(TEXT, "Нуров прибыл"), "value": None}]},  # crossing the person: left out
     '<mark class="e-person" title="Ерлан Нуров">Ерлан Нуров<b>PER</b></mark> прибыл'),
    ({"dates": [{**_span(TEXT, "5 июня"), "value": "2025-06-05"}],
      "quotes": [{**_span(TEXT, "Рады встрече"), "speaker": "Ерлан Нуров"}]},
     '<mark class="e-date" title="2025-06-05">5 июня<b>DATE</b></mark>. «<mark class="e-quote" '
     'title="quote: Ерлан Нуров">Рады встрече</mark>»'),
])
def test_highlight(fields, expected):
    assert expected in str(highlight(_rec(**fields)))


def test_highlight_escapes_and_keeps_every_character():
    text = 'ООО "Рога & копыта" <b>'
    rec = {"text": text, "organizations": [{"name": 'ООО "Рога & копыта"', "mentions": [_span(text, '"Рога & копыта"')]}]}
    html = str(highlight(rec))
    assert "<b>" not in html.replace("<b>ORG</b>", "") and "&amp;" in html
    assert re.sub(r"<[^>]+>|ORG", "", html).replace("&#34;", '"').replace("&amp;", "&").replace("&lt;", "<") \
        .replace("&gt;", ">") == text
    assert len(mark_tree(rec)) == 1


def test_repr_html_of_a_record(corpus_records):
    record = next(r for r in corpus_records if r.persons and r.events)
    html = record._repr_html_()
    assert html == record_html(record)
    assert html.startswith('<div class="nx">') and '<mark class="e-person"' in html
    assert record.persons[0].full_name in html and 'class="legend"' in html


def test_report_of_a_thousand_documents_stays_small(corpus_records, tmp_path):
    dicts = [r.model_dump(mode="json") for r in corpus_records]
    many = []
    for i in range(1000):
        rec = dict(dicts[i % len(dicts)])
        rec["doc_id"] = f"{i:04d}-{rec['doc_id']}"
        many.append(rec)
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in many), encoding="utf-8")
    out = tmp_path / "report.html"
    assert cli.main(["report", str(path), "-o", str(out)]) == 0
    size = out.stat().st_size
    assert 1_000_000 < size < 20_000_000, size
    assert out.read_text(encoding="utf-8").count('<section class="doc"') == 1000


def test_cli_export_and_describe(corpus_records, tmp_path, capsys):
    path = tmp_path / "records.jsonl"
    path.write_text("".join(r.model_dump_json() + "\n" for r in corpus_records), encoding="utf-8")
    assert cli.main(["export", str(path), "-o", str(tmp_path / "t"), "--format", "csv"]) == 0
    assert len(list((tmp_path / "t").glob("*.csv"))) == 12
    assert cli.main(["export", "--describe"]) == 0
    assert "date_start" in capsys.readouterr().out
    assert cli.main(["export", str(tmp_path / "missing.jsonl"), "-o", str(tmp_path / "t")]) == cli.EXIT_USAGE
    assert cli.main(["export", str(path)]) == cli.EXIT_USAGE


def test_show_html(pipeline, monkeypatch, tmp_path, capsys):
    import newsextract.pipeline

    monkeypatch.setattr(newsextract.pipeline, "Pipeline", lambda **_: pipeline)
    path = tmp_path / "omsk.txt"
    path.write_text("Губернатор Омской области Виталий Хоценко встретился с послом Казахстана 14 марта 2025 года.",
                    encoding="utf-8")
    assert cli.main(["show", str(path), "--html"]) == 0
    html = capsys.readouterr().out
    assert html.startswith("<!DOCTYPE html>") and "<svg" in html
    assert '<mark class="e-person" title="Виталий Хоценко">' in html
