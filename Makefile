# Two commands do everything on a fresh machine with only Python 3:
#   make report   analyse seeds/ (or CORPUS=folder) and render reports/*.html
#   make test     run every test, notebooks included (nbval, strict)
# A corpus is analysed once into the store (ANALYSIS_STORE, default ~/.cache/news-analysis)
# and reused by every notebook and later run; `make clean` removes it.
.DEFAULT_GOAL := help
SHELL := /bin/bash

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
CORPUS ?= seeds
OUT    ?= out
FORMAT ?= csv
JOBS   ?=
STORE_DIR := $${ANALYSIS_STORE:-$${XDG_CACHE_HOME:-$$HOME/.cache}/news-analysis}
JOBS_OPT := $(if $(JOBS),--jobs $(JOBS))
export PYTHONHASHSEED := 0

.PHONY: help install report report-nocode export test test-unit test-notebooks notebooks bench lab clean

help: ## Show this help
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | \
	  awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[36m%-16s\033[0m %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dask]"
	touch $(STAMP)

install: $(STAMP) ## Create .venv and install the project, its dependencies and the [dask] extra into it

report: install ## Analyse CORPUS (default seeds/) once into the store, run every notebook on it, render reports/*.html
	$(BIN)/python -m analysis.views.report --corpus "$(CORPUS)" $(JOBS_OPT)

report-nocode: install ## Same as report, with code cells hidden (for readers)
	$(BIN)/python -m analysis.views.report --corpus "$(CORPUS)" --hide-code $(JOBS_OPT)

export: install ## Write the tables of CORPUS into OUT (default out/; FORMAT=parquet, JOBS=N)
	$(BIN)/python -m analysis export "$(CORPUS)" --out "$(OUT)" --format "$(FORMAT)" $(JOBS_OPT)

test: install ## Run all tests: library tests, then the notebooks under strict nbval
	MPLBACKEND=agg $(BIN)/python -m pytest tests/
	$(MAKE) --no-print-directory test-notebooks

test-unit: install ## Run the library tests only
	MPLBACKEND=agg $(BIN)/python -m pytest tests/

test-notebooks: install ## Check the committed notebooks reproduce their outputs (nbval, strict)
	cd notebooks && env -u MPLBACKEND ANALYSIS_QUIET=1 ../$(BIN)/python -m pytest --nbval --nbval-sanitize-with sanitize.cfg \
	  -p no:cacheprovider --rootdir=. .

notebooks: install ## Re-execute the notebooks in place (refresh their committed outputs)
	env -u MPLBACKEND ANALYSIS_QUIET=1 $(BIN)/python scripts/refresh_notebooks.py

bench: install ## Benchmarks: export speed vs bare TextBlob (1 and 2 workers), store reuse, peak memory, tone speed, PolNeAR attribution scores (needs ../shared)
	$(BIN)/python -m benchmarks.bench_export
	$(BIN)/python -m benchmarks.bench_sentiment --tone-only
	$(BIN)/python -m benchmarks.polnear --split train --split dev

lab: install ## Open the notebooks in JupyterLab
	$(BIN)/jupyter lab notebooks/

clean: ## Remove reports/, out/, caches and the stored analyses (keeps .venv)
	rm -rf reports out .pytest_cache
	rm -rf "$(STORE_DIR)"
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
