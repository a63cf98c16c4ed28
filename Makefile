# The README's two commands live here:  `make serve`  and  `make test`.
# Both work from a fresh clone on Debian with Python 3.11+: they create .venv and install
# everything they need (make test also installs Chromium and PostgreSQL/PostGIS from Debian).

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8050

.PHONY: serve test install install-test system-deps lint format geodata plotly-bundle demo bench clean

demo: install
	$(BIN)/conflictmap demo

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[nlp]'
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test,nlp,build]'
	touch $(VENV)/.installed $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

system-deps:
	bash scripts/install-system-deps.sh

## Serve the dashboard with the bundled demo data on http://$(HOST):$(PORT)
serve: install
	$(BIN)/conflictmap demo
	$(BIN)/conflictmap serve --host $(HOST) --port $(PORT)

## Run the whole test suite: lint, unit, integration, PostGIS and real-browser tests
test: install-test system-deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	bash scripts/run-tests.sh

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-test
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

## Rebuild geodata/ from ../shared/geodata-sources (maintainers only)
geodata: install
	$(BIN)/pip install --quiet -e '.[build]'
	dpkg-query -W fonts-open-sans >/dev/null 2>&1 || $(if $(filter 0,$(shell id -u)),,sudo) apt-get install -y -qq fonts-open-sans
	$(BIN)/python geodata/build.py

## Rebuild assets/plotly-map-bar.min.js from the npm registry (maintainers only; needs node/npm)
plotly-bundle:
	bash scripts/build-plotly-bundle.sh

bench: install-test
	for b in benchmarks/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis test-artifacts
