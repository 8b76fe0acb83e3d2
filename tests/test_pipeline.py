"""Pipeline: declared stage contracts, their order, stage selection, one country per phrase."""

from __future__ import annotations

import json

import pytest

from newsextract import Pipeline
from newsextract.doc import Doc
from newsextract.errors import StageOrderError
from newsextract.pipeline import STAGES, Stage, check_order, select

from .conftest import DATA


def names(stages) -> list[str]:
    return [s.name for s in stages]


def test_every_required_layer_is_assigned_earlier():
    check_order(STAGES)  # the default order is valid
    layers = {layer for s in STAGES for layer in s.assigns}
    assert all(layer in layers for s in STAGES for layer in s.requires)


def test_misordered_stages_name_both():
    by_name = {s.name: s for s in STAGES}
    order = [by_name[n] for n in ("structure", "segment", "morph", "ner", "countries", "places")]
    with pytest.raises(StageOrderError, match="'countries'.*'places'"):
        check_order(order)


@pytest.mark.parametrize(("enable", "disable", "expected"), [
    (["countries"], None, ["structure", "segment", "morph", "ner", "places", "countries"]),
    (["dates"], None, ["structure", "segment", "published", "dates"]),
    (["named_events"], None, ["named_events"]),
    (None, ["events", "topics", "quotes"],
     ["structure", "segment", "morph", "ner", "published", "dates", "places", "countries", "locations",
      "organizations", "persons", "named_events"]),
])
def test_selection_pulls_in_requirements(enable, disable, expected):
    assert names(select(enable, disable)) == expected


@pytest.mark.parametrize(("enable", "disable", "words"), [
    (["persons"], ["ner"], ["'persons'", "'ner'"]),
    (None, ["places"], ["'places'", "disabled"]),
    (["countries"], ["countries"], ["'countries'"]),
    (["cities"], None, ["'cities'"]),
])
def test_refused_selection_names_the_stages(enable, disable, words):
    with pytest.raises(StageOrderError) as err:
        select(enable, disable)
    assert all(w in str(err.value) for w in words)


def test_pipeline_refuses_disabled_requirement():
    with pytest.raises(StageOrderError, match="'persons'.*'ner'"):
        Pipeline(disable=["ner"], enable=["persons"])


def test_no_ner_model_without_ner_stage():
    pipe = Pipeline(enable=["dates"])
    assert pipe.ner is None and pipe.taxonomy is None
    rec = pipe("Совещание прошло 12 марта 2025 года в Казани.")
    assert rec.stages == ["structure", "segment", "published", "dates"]
    assert [d.value for d in rec.dates] == ["2025-03-12"]
    assert rec.countries == rec.persons == rec.events == []


def test_missing_layer_names_its_stage():
    with pytest.raises(StageOrderError, match="'countries' stage"):
        Doc(text="").countries  # noqa: B018 - the read is the test


def test_custom_stage_list_is_checked():
    with pytest.raises(StageOrderError, match="'late'.*'persons'"):
        Pipeline(stages=[Stage("late", lambda doc: None, ("persons",), ())])


@pytest.mark.parametrize(("text", "country"), [
    # ``РК`` alone may be Kazakhstan, Korea, Karelia...: no country anywhere
    ("Министр экономики РК Иван Петров провёл встречу с инвесторами.", None),
    # with Kazakhstan named in the text, ``РК`` is Kazakhstan in both
    ("Министр экономики РК Иван Петров провёл встречу с инвесторами. Казахстан готов к "
     "сотрудничеству.", "KZ"),
    ("Министр экономики Казахстана Иван Петров провёл встречу с инвесторами.", "KZ"),
])
def test_position_country_is_a_country_of_the_record(pipeline, text, country):
    rec = pipeline(text)
    person = next(p for p in rec.persons if p.name.last == "Петров")
    assert [q.country for q in person.positions] == [country]
    assert (country in {c.iso2 for c in rec.countries}) == (country is not None)


def test_record_lists_the_stages(pipeline):
    rec = pipeline("Губернатор области Пётр Иванов посетил Минск.")
    assert rec.stages == names(STAGES)


def _held_out_texts() -> list[str]:
    texts = []
    press = DATA / "press-dev" / "docs.jsonl"
    if press.exists():
        texts += [json.loads(line)["text"] for line in press.read_text(encoding="utf-8").splitlines() if line]
    nerel = DATA / "nerel-1.1" / "dev"
    if nerel.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(nerel.glob("*.txt"))[:40]]
    return texts


@pytest.mark.quality
def test_countries_only_equals_full_pipeline(pipeline):
    texts = _held_out_texts()
    if not texts:
        pytest.skip("../shared/data (press-dev, NEREL dev) is absent")
    only = Pipeline(enable=["countries"], ner=pipeline.ner)
    for text in texts:
        full, alone = pipeline(text), only(text)
        assert [c.model_dump() for c in alone.countries] == [c.model_dump() for c in full.countries]


def test_cli_only_runs_the_chosen_stages(tmp_path):
    from newsextract.cli import EXIT_OK, EXIT_USAGE, main

    src = tmp_path / "note.txt"
    src.write_text("Делегация Казахстана прибыла в Омск 3 апреля 2025 года.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(src), "-o", str(out), "-q", "--only", "countries,dates"]) == EXIT_OK
    rec = json.loads(out.read_text(encoding="utf-8"))
    assert rec["stages"] == ["structure", "segment", "morph", "ner", "published", "dates", "places", "countries"]
    assert [c["iso2"] for c in rec["countries"]] == ["KZ"] and rec["dates"]
    assert rec["persons"] == rec["locations"] == rec["events"] == []
    assert main(["extract", str(src), "-o", str(out), "-q", "--only", "countries,weather"]) == EXIT_USAGE


def test_gc_paused_restores_the_collector_state():
    import gc

    from newsextract.pipeline import gc_paused

    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()  # a caller's choice is kept
    finally:
        gc.enable()


def test_pipe_restores_the_collector_between_batches(pipeline):
    """The collector is paused while a batch's records are taken, and on again at the end and
    when the caller stops early."""
    import gc

    texts = ["Делегация Казахстана прибыла в Омск.", "Губернатор провёл встречу.", "Стороны подписали соглашение."]
    seen = []
    for _pair in pipeline.outcomes(texts, batch_size=2):
        seen.append(gc.isenabled())
    assert seen == [False, False, False] and gc.isenabled()
    stream = pipeline.outcomes(texts, batch_size=2)
    next(stream)
    assert not gc.isenabled()
    stream.close()  # a caller that stops early
    assert gc.isenabled()


def test_processed_documents_leave_no_cycles(pipeline):
    """Released docs are freed by reference counting: no Doc waits for the cyclic collector."""
    import gc

    from newsextract.doc import Doc

    gc.collect()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        list(pipeline.pipe(["Губернатор Сахалинской области Валерий Лимаренко встретился в Баку "
                            "с послом Казахстана. Стороны подписали соглашение."] * 3))
        pipeline("Министр заявил: «Работа продолжится».")
        gc.collect()
        left = [o for o in gc.garbage if isinstance(o, Doc)]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
    assert left == []
