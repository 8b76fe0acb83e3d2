"""Shared fixtures: the heavy pipeline once per session, paths to ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
DATA = SHARED / "data"


@pytest.fixture(scope="session")
def pipeline():
    from newsextract import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def sample_text() -> str:
    files = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if not files:
        pytest.skip("the sample press release (../shared/seeds) is absent")
    return files[0].read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def sample_record(pipeline, sample_text):
    return pipeline(sample_text, doc_id="sample.txt")


def make_doc(text: str, published: str | None = None, title: str | None = None):
    """A Doc with zones, tokens and lemmas but no NER (cheap, for rule tests)."""
    from newsextract import nlp, structure
    from newsextract.doc import Doc

    doc = Doc(text=text, published=published, title=title)
    structure.analyze(doc)
    nlp.segment(doc)
    nlp.lemmatize(doc)
    return doc


class PlacesResult:
    """A Doc after the stages up to countries and locations, with their results."""

    def __init__(self, doc):
        from newsextract.places import find_places
        from newsextract.places import stage as countries

        self.text = doc.text
        self.doc = doc
        doc.places = find_places(doc)
        self.countries = doc.countries = countries.extract(doc)
        self.locations = doc.locations = countries.extract_locations(doc)


@pytest.fixture(scope="session")
def places(pipeline):
    """Run zones, tokens, lemmas and NER (the session's model), then countries and locations."""
    from newsextract import nlp

    def run(text: str) -> PlacesResult:
        doc = make_doc(text)
        nlp.tag_ner(doc, pipeline.ner)
        return PlacesResult(doc)

    return run


@pytest.fixture(scope="session")
def corpus_records(pipeline):
    """Records of three of the project's corpus folders (texts written for the project)."""
    from newsextract.reader import read_paths

    corpus = ROOT / "corpus"
    return [pipeline.process(r) for r in read_paths([corpus / "regions", corpus / "ministries", corpus / "feeds"])]


@pytest.fixture
def batch_uses_session_pipeline(monkeypatch, pipeline):
    """In-process batches use the session's pipeline (the default options) instead of loading models again."""
    from newsextract import batch as batch_module

    real = batch_module._pipeline

    def shared(options):
        return pipeline if not options.get("topics") and not options.get("enable") else real(options)

    monkeypatch.setattr(batch_module, "_pipeline", shared)
