"""Gold loaders on tiny synthetic files of each format, and on the shared dev sets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import razdel

from newsextract.evaluation import corpus, evaluate, factru, nerel
from newsextract.evaluation.score_factru import meeting_pairs, occupations
from newsextract.records import Country, CountryMention, NewsRecord

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
FACTRU_DEV = SHARED / "data" / "factrueval-2016" / "devset"
NEREL_DEV = SHARED / "data" / "nerel-1.1" / "dev"

# ---------------------------------------------------------------- factRuEval

FR_TEXT = "Министр Анна Котова посетила мэрию Казани. Она встретилась с Ильдаром Сафиным."


def _at(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, len(word)


def write_factru(folder: Path, name: str = "book_1") -> None:
    """A made-up document in the six factRuEval layers."""
    toks = list(razdel.tokenize(FR_TEXT))
    (folder / f"{name}.txt").write_text(FR_TEXT, encoding="utf-8")
    (folder / f"{name}.tokens").write_text(
        "".join(f"{100 + i} {t.start} {t.stop - t.start} {t.text}\n" for i, t in enumerate(toks)), encoding="utf-8")
    spans = {"1": ("job", "Министр"), "2": ("name", "Анна"), "3": ("surname", "Котова"),
             "4": ("org_descr", "мэрию"), "5": ("loc_name", "Казани"), "6": ("name", "Ильдаром"),
             "7": ("surname", "Сафиным")}
    lines = [f"{sid} {kind} {_at(FR_TEXT, w)[0]} {_at(FR_TEXT, w)[1]} 0 1  # 0 {w}\n"
             for sid, (kind, w) in spans.items()]
    (folder / f"{name}.spans").write_text("".join(lines), encoding="utf-8")
    (folder / f"{name}.objects").write_text(
        "10 Person 2 3 # Анна Котова\n11 Org 4 5 # мэрию Казани\n12 LocOrg 5 # Казани\n"
        "13 Person 6 7 # Ильдаром Сафиным\n", encoding="utf-8")
    (folder / f"{name}.coref").write_text("1 10\nfirstname Анна\nlastname Котова\n\n", encoding="utf-8")
    (folder / f"{name}.facts").write_text(
        "1-0 Occupation\nWho obj1 Котова Анна\nPosition span1 министр\n\n"
        "1-1 Meeting\nParticipant obj1 Котова Анна\nParticipant obj2 Сафин Ильдар\n", encoding="utf-8")


def test_factru_reads_layers(tmp_path):
    write_factru(tmp_path)
    (doc,) = list(factru.load(tmp_path))
    assert doc.doc_id == "book_1" and doc.text == FR_TEXT
    assert [o.type for o in doc.objects] == ["Person", "Org", "LocOrg", "Person"]
    assert doc.objects[0].start == FR_TEXT.index("Анна")
    assert [f.type for f in doc.facts] == ["Occupation", "Meeting"]
    assert doc.facts[0].values("Position") == ["министр"]


def test_factru_ner_spans_as_naeval(tmp_path):
    write_factru(tmp_path)
    (doc,) = list(factru.load(tmp_path))
    got = [(text, kind) for _, _, text, kind in factru.ner_spans(doc)]
    # Person: whole object; Org: org_name only (none here); LocOrg -> LOC
    assert got == [("Анна Котова", "PER"), ("Казани", "LOC"), ("Ильдаром Сафиным", "PER")]


def test_factru_facts_to_pairs(tmp_path):
    write_factru(tmp_path)
    (doc,) = list(factru.load(tmp_path))
    assert occupations(doc) == [("котова", "министр")]
    assert meeting_pairs(doc) == [("котова", "сафин")]


@pytest.mark.parametrize("spans, kept", [
    ([(0, 10), (4, 8)], [(0, 10)]),
    ([(0, 3), (5, 8)], [(0, 3), (5, 8)]),
    ([(4, 8), (0, 5)], [(0, 5)]),
])
def test_drop_overlapping(spans, kept):
    assert factru.drop_overlapping(spans) == kept

# ---------------------------------------------------------------- NEREL

NEREL_TEXT = "Премьер-министр Японии Сато Кэндзи прибыл в Москву 3 мая, сообщило японское агентство."


def _ann_span(word: str) -> str:
    start = NEREL_TEXT.index(word)
    return f"{start} {start + len(word)}"


def write_nerel(folder: Path) -> None:
    (folder / "1_text.txt").write_text(NEREL_TEXT, encoding="utf-8")
    agency = NEREL_TEXT.index("агентство")
    adj = NEREL_TEXT.index("японское")
    ann = [
        f"T1\tPROFESSION {_ann_span('Премьер-министр Японии')}\tПремьер-министр Японии",
        f"T2\tCOUNTRY {_ann_span('Японии')}\tЯпонии",
        f"T3\tPERSON {_ann_span('Сато Кэндзи')}\tСато Кэндзи",
        f"T4\tCITY {_ann_span('Москву')}\tМоскву",
        f"T5\tDATE {_ann_span('3 мая')}\t3 мая",
        f"T6\tORGANIZATION {adj} {adj + 8};{agency} {agency + 9}\tяпонское агентство",
        f"T7\tCOUNTRY {_ann_span('японское')}\tяпонское",
        "R1\tWORKS_AS Arg1:T3 Arg2:T1\t",
        "N1\tReference T2 Wikidata:Q17\tЯпония",
        "N2\tReference T7 Wikidata:Q17\tЯпония",
    ]
    (folder / "1_text.ann").write_text("\n".join(ann) + "\n", encoding="utf-8")


def test_nerel_reads_entities_links_relations(tmp_path):
    write_nerel(tmp_path)
    (doc,) = list(nerel.load(tmp_path))
    assert doc.doc_id == "1_text"
    assert {e.type for e in doc.entities.values()} >= {"PERSON", "PROFESSION", "COUNTRY", "DATE"}
    assert doc.entities["T2"].qid == "Q17" and doc.entities["T2"].link_name == "Япония"
    org = doc.entities["T6"]
    assert len(org.fragments) == 2 and NEREL_TEXT[org.start:org.end] == "японское агентство"
    ((person, prof),) = doc.related("WORKS_AS")
    assert person.text == "Сато Кэндзи" and prof.text == "Премьер-министр Японии"


def test_nerel_country_doc_uses_wikidata(tmp_path):
    write_nerel(tmp_path)
    record = NewsRecord(doc_id="1_text", text=NEREL_TEXT, countries=[Country(
        iso2="JP", iso3="JPN", name="Япония", mentions=[
            CountryMention(start=NEREL_TEXT.index("Японии"), end=NEREL_TEXT.index("Японии") + 6, text="Японии"),
            CountryMention(start=NEREL_TEXT.index("японское"), end=NEREL_TEXT.index("японское") + 8,
                           text="японское", form="adjective")])])
    report = evaluate(tmp_path, "nerel", pipeline=FixedPipeline({"1_text": record}))
    assert report.scores["country_doc"].f1 == 1.0
    assert report.scores["country_mentions"].f1 == 1.0
    assert report.scores["person_exact"].f1 == 0.0 and report.scores["person_exact"].fn == 1

# ---------------------------------------------------------------- corpus


def write_corpus(root: Path) -> None:
    (root / "gold").mkdir(parents=True)
    (root / "news").mkdir()
    (root / "news" / "a.txt").write_text("Делегация Казахстана прибыла в Омск\n\nВизит продлится два дня.",
                                         encoding="utf-8")
    (root / "b.jsonl").write_text(json.dumps({"id": "item-7", "text": "Посол Индии посетил Самару."},
                                             ensure_ascii=False) + "\n", encoding="utf-8")
    (root / "orphan.txt").write_text("Текст без разметки.", encoding="utf-8")
    gold_a = {"doc_id": "news/a.txt", "offsets": True, "countries": [
        {"iso2": "KZ", "iso3": "KAZ", "name": "Казахстан",
         "mentions": [{"start": 10, "end": 20, "text": "Казахстана", "form": "name"}]}]}
    gold_b = {"doc_id": "item-7", "offsets": False, "countries": [
        {"iso2": "IN", "iso3": "IND", "name": "Индия",
         "mentions": [{"start": None, "end": None, "text": "Индии", "form": "name"}]}],
        "topics": [{"id": "diplomacy"}]}
    for name, obj in (("a.json", gold_a), ("b.json", gold_b), ("lost.json", {"doc_id": "gone.txt"})):
        (root / "gold" / name).write_text(json.dumps(obj, ensure_ascii=False), encoding="utf-8")


def test_corpus_pairs_documents_with_gold(tmp_path):
    write_corpus(tmp_path)
    pairs, notes = corpus.load(tmp_path)
    assert sorted(item.doc_id for item, _ in pairs) == ["item-7", "news/a.txt"]
    assert "no gold for orphan.txt" in notes and "gold without document: gone.txt" in notes
    assert not any("gold/" in n for n in notes)  # the gold folder is not read as documents


def test_corpus_gold_requires_doc_id():
    with pytest.raises(ValueError):
        corpus.parse_gold({"countries": []})
    assert corpus.parse_gold({"doc_id": "x"}).offsets is True


class FixedPipeline:
    """A stand-in pipeline returning prepared records (empty ones for unknown ids)."""

    def __init__(self, records: dict[str, NewsRecord]):
        self.records = records

    def __call__(self, text: str, doc_id: str = "doc", **_) -> NewsRecord:
        return self.records.get(doc_id) or NewsRecord(doc_id=doc_id, text=text)

    def process(self, item) -> NewsRecord:
        return self(item.text, doc_id=item.doc_id)


def _country(text: str, word: str, iso2: str, iso3: str) -> Country:
    start = text.index(word)
    return Country(iso2=iso2, iso3=iso3, name=word, mentions=[
        CountryMention(start=start, end=start + len(word), text=word)])


@pytest.mark.parametrize("which, expected", [("perfect", 1.0), ("empty", 0.0)])
def test_evaluate_corpus_end_to_end(tmp_path, which, expected):
    write_corpus(tmp_path)
    records = {}
    if which == "perfect":
        for item, _ in corpus.load(tmp_path)[0]:
            word, iso2, iso3 = ("Казахстана", "KZ", "KAZ") if item.doc_id == "news/a.txt" else ("Индии", "IN", "IND")
            records[item.doc_id] = NewsRecord(doc_id=item.doc_id, text=item.text,
                                              countries=[_country(item.text, word, iso2, iso3)])
    report = evaluate(tmp_path, "corpus", pipeline=FixedPipeline(records))
    assert report.documents == 2
    assert report.scores["countries_doc"].f1 == expected
    assert report.scores["countries_mentions"].f1 == expected
    assert report.scores["topics"].support == 1
    assert ("news/a.txt" in report.errors) is (which == "empty")
    assert json.loads(report.to_json(errors=True))["scores"]["countries_doc"]["f1"] == expected
    assert "countries_doc" in report.table()

# ---------------------------------------------------------------- shared dev sets


@pytest.mark.skipif(not FACTRU_DEV.exists(), reason="../shared factRuEval devset absent")
def test_factru_devset_loads():
    docs = list(factru.load(FACTRU_DEV))
    assert len(docs) == 122
    spans = [s for d in docs for s in factru.ner_spans(d)]
    assert {s[3] for s in spans} == {"PER", "LOC", "ORG"} and len(spans) > 2000
    assert all(d.text[s:e] == t for d in docs[:20] for s, e, t, _ in factru.ner_spans(d))
    assert sum(f.type == "Occupation" for d in docs for f in d.facts) > 150


@pytest.mark.skipif(not NEREL_DEV.exists(), reason="../shared NEREL dev absent")
def test_nerel_dev_loads():
    docs = list(nerel.load(NEREL_DEV))
    assert len(docs) == 94
    ents = [e for d in docs for e in d.entities.values()]
    assert sum(e.type == "PERSON" for e in ents) > 900
    assert all(d.text[e.start:e.end] == e.text for d in docs for e in d.entities.values() if len(e.fragments) == 1)
    assert all(e.qid for e in ents if e.type == "COUNTRY")
    assert sum(len(d.related("WORKS_AS")) for d in docs) > 400
