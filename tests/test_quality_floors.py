"""Evaluation floors: quality on the corpus and the shared dev sets cannot drop silently.

Each floor sits a little under the figure measured when it was pinned (README
has the table); raise a floor when a change lifts the figure. The dev-set
floors read ../shared at run time and skip when it is absent.
"""

from __future__ import annotations

import pytest

from newsextract.evaluation.runner import evaluate

from .conftest import DATA, ROOT

pytestmark = pytest.mark.quality  # ``make eval``; ``make test`` leaves them out

CORPUS_FLOORS = {
    "countries_doc": 0.97, "countries_mentions": 0.94, "countries_form": 0.92, "locations": 0.93,
    "persons": 0.92, "person_mentions": 0.95, "positions": 0.76, "positions_tails_forgiven": 0.82,
    "organizations": 0.76, "dates_span": 0.97, "dates_value": 0.95, "published": 0.93, "topics": 0.79,
    "events_type": 0.89, "events_participants": 0.66, "quotes": 0.98, "quotes_speaker": 0.98,
}
FACTRU_FLOORS = {"names_nominative": 0.93, "ner_PER": 0.965, "ner_LOC": 0.935, "ner_ORG": 0.86, "occupation": 0.60,
                 "meeting": 0.64}
# date_span lower than before issue 12: NEREL joins "в среду, 3 октября" into one date and counts
# "за последние два года"; the press convention (press-dev) splits the first and drops the second.
NEREL_FLOORS = {"person_exact": 0.92, "profession": 0.63, "works_as": 0.69, "country_mentions": 0.945,
                "country_doc": 0.96, "date_span": 0.87, "organizations": 0.73}
# Real press items as a crawler stores them, scored with their `published` dropped (eval --no-published)
PRESS_FLOORS = {
    "countries_doc": 0.94, "countries_mentions": 0.945, "countries_form": 0.98, "locations": 0.87,
    "persons": 0.97, "positions": 0.82,
    "positions_tails_forgiven": 0.86, "organizations": 0.85, "dates_span": 0.96, "dates_value": 0.88,
    "published": 0.94, "topics": 0.83, "events_type": 0.92, "events_participants": 0.72, "quotes": 0.99,
    "quotes_speaker": 0.95,
}


def _check(report, floors):
    low = {name: round(report.scores[name].f1, 3) for name, floor in floors.items()
           if report.scores[name].f1 < floor}
    assert not low, f"below the floor: {low}"


def test_corpus_floors(pipeline):
    _check(evaluate(str(ROOT / "corpus"), "corpus", pipeline=pipeline), CORPUS_FLOORS)


@pytest.mark.parametrize("folder,fmt,floors", [
    ("factrueval-2016/devset", "factrueval", FACTRU_FLOORS),
    ("nerel-1.1/dev", "nerel", NEREL_FLOORS),
    ("press-dev", "corpus", PRESS_FLOORS),
])
def test_dev_set_floors(pipeline, folder, fmt, floors):
    path = DATA / folder
    if not path.is_dir():
        pytest.skip(f"{path} is absent")
    _check(evaluate(str(path), fmt, pipeline=pipeline), floors)


def test_press_dev_floors(pipeline):
    path = DATA / "press-dev"
    if not path.is_dir():
        pytest.skip(f"{path} is absent")
    _check(evaluate(str(path), "corpus", pipeline=pipeline, no_published=True), PRESS_FLOORS)
