# Quick start: `make run` (analyse corpus/ into outputs/) and `make test` (the test suite).
# Each target creates the virtual environment it needs in .venv/ and installs the project into it.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run test lint evaluate bench lock labelstudio browser clean
LS_VENV ?= .venv-ls

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# requirements.lock holds the versions the tests passed with: used as constraints, so a fresh
# install gets them; `make lock` renews it from a fresh environment.
$(VENV)/.installed: pyproject.toml requirements.lock | $(BIN)/python
	$(BIN)/python -m pip install --quiet -c requirements.lock -e ".[test]"
	touch $@

run: $(VENV)/.installed
	$(BIN)/extract run corpus/ --out outputs/

# Label Studio lives in a virtual environment of its own (its pins are not the project's); the
# tests start it as a server to check the round trip with the real thing.
$(LS_VENV)/.installed: requirements-labelstudio.lock
	$(PYTHON) -m venv $(LS_VENV)
	$(LS_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(LS_VENV)/bin/python -m pip install --quiet -c requirements-labelstudio.lock "label-studio==1.23.2"
	touch $@

labelstudio: $(LS_VENV)/.installed

# The report's browser tests drive Debian's Chromium and its driver (never a downloaded browser).
browser:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then \
	  if [ "$$(id -u)" != 0 ]; then echo "install Debian's chromium and chromium-driver (as root: make browser)"; exit 1; fi; \
	  DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
	fi

test: $(VENV)/.installed $(LS_VENV)/.installed browser lint
	EXTRACT_REQUIRE_LABELSTUDIO=1 $(BIN)/python -m pytest

# ruff's settings are in pyproject.toml (complexity at most 15, lines of 120)
lint: $(VENV)/.installed
	$(BIN)/ruff check src tests

evaluate: $(VENV)/.installed
	$(BIN)/extract evaluate --gold corpus/gold --texts corpus/texts --pred outputs --out outputs/eval

bench: $(VENV)/.installed
	$(BIN)/python bench/run_bench.py

lock:
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --upgrade pip
	.lock-venv/bin/python -m pip install --quiet ".[test,dask]"
	.lock-venv/bin/python -m pip freeze --exclude-editable | grep -v '^extract @' > requirements.lock
	rm -rf .lock-venv build

clean:
	rm -rf $(VENV) $(LS_VENV) build *.egg-info src/*.egg-info .pytest_cache
