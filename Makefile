PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint eval bench clean browser

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

# Debian's chromium for the report's browser test (tests/test_report_browser.py); CI runs as root.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core; }

clean:
	rm -rf $(VENV) out .pytest_cache .ruff_cache
