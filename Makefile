# The two commands of the quick start: `make run` and `make test`. Everything else is a step of those.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PG_URL ?= postgresql+psycopg://postgres@127.0.0.1:5432/test
SANDBOX_RUNTIME ?= data/sandbox-runtime
SANDBOX_PYTHON ?= /usr/bin/python3.11

.PHONY: run test test-postgres lint browser bubblewrap sandbox-runtime install install-test clean

run: install sandbox-runtime ## Set up and serve the app on http://127.0.0.1:8000 (SQLite, in-process jobs, demo data)
	$(BIN)/mlinterview serve

test: install-test browser sandbox-runtime ## Set up and run the whole test suite on the embedded database (SQLite)
	$(BIN)/pytest

test-postgres: install-test browser sandbox-runtime ## The whole test suite again, on PostgreSQL
	MLI_TEST_DATABASE_URL=$(PG_URL) $(BIN)/pytest

lint: install-test ## Formatting, lint, types and the architecture's import contracts
	$(BIN)/ruff format --check src tests
	$(BIN)/ruff check src tests
	$(BIN)/mypy
	$(BIN)/lint-imports

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet torch==2.13.0  # the CPU build, before anything that pulls torch in
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

# Browser tests drive Debian's Chromium (never a downloaded browser build).
browser:
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "Browser tests need Chromium: sudo apt-get install chromium"; fi; }

# Submitted code runs under bubblewrap, in its own Python environment that every user can read (the sandbox
# runs as unprivileged uids): Debian's Python 3.11 with the same numpy and scikit-learn as the app (take-home
# code is re-run there to check it reproduces its predictions).
bubblewrap:
	@command -v bwrap >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq bubblewrap >/dev/null; \
	  else echo "The sandbox needs bubblewrap: sudo apt-get install bubblewrap"; fi; }

sandbox-runtime: bubblewrap $(SANDBOX_RUNTIME)/.installed

$(SANDBOX_RUNTIME)/.installed: $(VENV)/.installed
	$(SANDBOX_PYTHON) -m venv --clear $(SANDBOX_RUNTIME)
	$(SANDBOX_RUNTIME)/bin/python -m pip install --quiet \
	  "numpy==$$($(BIN)/python -c 'import numpy; print(numpy.__version__)')" \
	  "scikit-learn==$$($(BIN)/python -c 'import sklearn; print(sklearn.__version__)')"
	chmod -R a+rX $(SANDBOX_RUNTIME)
	touch $@

clean:
	rm -rf $(VENV) $(SANDBOX_RUNTIME) .pytest_cache .mypy_cache .ruff_cache
