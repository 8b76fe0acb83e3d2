PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint eval bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install -q -e ".[dev]"
	touch $(STAMP)

run: $(STAMP)
	mkdir -p out
	$(BIN)/newsextract extract corpus/ -o out/records.jsonl

lint: $(STAMP)
	$(BIN)/ruff check src tests

SHARED := ../shared

# The unit tests (under a minute); the quality floors and held-out checks are `make eval`.
test: $(STAMP) lint
	$(BIN)/python -m pytest -q -m "not quality"

# Quality floors (pytest -m quality) and the figures on the corpus and the ../shared dev sets.
eval: $(STAMP)
	@test -d $(SHARED)/data || { echo "make eval: $(SHARED)/data is absent (the shared dev sets: press-dev, factRuEval, NEREL); nothing evaluated" >&2; exit 1; }
	$(BIN)/python -m pytest -q -m quality
	$(BIN)/newsextract eval corpus/ --format corpus
	$(BIN)/newsextract eval $(SHARED)/data/press-dev --format corpus
	$(BIN)/newsextract eval $(SHARED)/data/factrueval-2016/devset --format factrueval
	$(BIN)/newsextract eval $(SHARED)/data/nerel-1.1/dev --format nerel

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py

clean:
	rm -rf $(VENV) out .pytest_cache .ruff_cache
