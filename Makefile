# Two commands do everything on a fresh machine with only Python 3:
#   make report   analyse seeds/ (or CORPUS=folder) and render reports/*.html
#   make test     run every test, notebooks included (nbval, strict)
.DEFAULT_GOAL := help
SHELL := /bin/bash

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
CORPUS ?= seeds
OUT    ?= out
export PYTHONHASHSEED := 0

.PHONY: help install report report-nocode export test test-unit test-notebooks notebooks bench lab clean

help: ## Show this help
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | \
	  awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[36m%-16s\033[0m %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $(STAMP)

install: $(STAMP) ## Create .venv and install the project and its dependencies into it

report: install ## Run every notebook on CORPUS (default seeds/) and render reports/*.html + index.html
	$(BIN)/python -m analysis.report --corpus "$(CORPUS)"

report-nocode: install ## Same as report, with code cells hidden (for readers)
	$(BIN)/python -m analysis.report --corpus "$(CORPUS)" --hide-code

export: install ## Write the CSV tables of CORPUS into OUT (default out/)
	$(BIN)/python -m analysis export "$(CORPUS)" --out "$(OUT)"

test: install ## Run all tests: library tests, then the notebooks under strict nbval
	MPLBACKEND=agg $(BIN)/python -m pytest tests/
	$(MAKE) --no-print-directory test-notebooks

test-unit: install ## Run the library tests only
	MPLBACKEND=agg $(BIN)/python -m pytest tests/

test-notebooks: install ## Check the committed notebooks reproduce their outputs (nbval, strict)
	cd notebooks && env -u MPLBACKEND ../$(BIN)/python -m pytest --nbval --nbval-sanitize-with sanitize.cfg \
	  -p no:cacheprovider --rootdir=. .

notebooks: install ## Re-execute the notebooks in place (refresh their committed outputs)
	env -u MPLBACKEND $(BIN)/python scripts/refresh_notebooks.py

bench: install ## Benchmarks: export speed vs bare TextBlob, peak memory, PolNeAR attribution scores (needs ../shared)
	$(BIN)/python -m benchmarks.bench_export
	$(BIN)/python -m benchmarks.bench_sentiment --tone-only
	$(BIN)/python -m benchmarks.polnear --split train --split dev

lab: install ## Open the notebooks in JupyterLab
	$(BIN)/jupyter lab notebooks/

clean: ## Remove reports/, out/ and caches (keeps .venv)
	rm -rf reports out .pytest_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
