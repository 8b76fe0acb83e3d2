PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint eval bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install -q -e ".[dev,all]"
	touch $(STAMP)

run: $(STAMP)
	mkdir -p out
	$(BIN)/newsextract extract corpus/ -o out/records.jsonl

lint: $(STAMP)
	$(BIN)/ruff check src tests

test: $(STAMP) lint
	$(BIN)/python -m pytest -q

eval: $(STAMP)
	$(BIN)/newsextract eval corpus/ --format corpus
	$(BIN)/newsextract eval ../shared/data/factrueval-2016/devset --format factrueval
	$(BIN)/newsextract eval ../shared/data/nerel-1.1/dev --format nerel

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py

clean:
	rm -rf $(VENV) out .pytest_cache .ruff_cache
