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
    "persons": 0.92, "person_mentions": 0.95, "positions": 0.62, "organizations": 0.63,
    "dates_span": 0.97, "dates_value": 0.95, "published": 0.93, "topics": 0.78,
    "events_type": 0.87, "events_participants": 0.61, "quotes": 0.98, "quotes_speaker": 0.96,
}
FACTRU_FLOORS = {"ner_PER": 0.965, "ner_LOC": 0.935, "ner_ORG": 0.86, "occupation": 0.55, "meeting": 0.55}
NEREL_FLOORS = {"person_exact": 0.915, "profession": 0.625, "works_as": 0.63, "country_mentions": 0.945,
                "country_doc": 0.96, "date_span": 0.89, "organizations": 0.73}


def _check(report, floors):
    low = {name: round(report.scores[name].f1, 3) for name, floor in floors.items()
           if report.scores[name].f1 < floor}
    assert not low, f"below the floor: {low}"


def test_corpus_floors(pipeline):
    _check(evaluate(str(ROOT / "corpus"), "corpus", pipeline=pipeline), CORPUS_FLOORS)


@pytest.mark.parametrize("folder,fmt,floors", [
    ("factrueval-2016/devset", "factrueval", FACTRU_FLOORS),
    ("nerel-1.1/dev", "nerel", NEREL_FLOORS),
])
def test_dev_set_floors(pipeline, folder, fmt, floors):
    path = DATA / folder
    if not path.is_dir():
        pytest.skip(f"{path} is absent")
    _check(evaluate(str(path), fmt, pipeline=pipeline), floors)
