# Quick start: `make run` (analyse corpus/ into outputs/) and `make test` (the test suite).
# Each target creates the virtual environment it needs in .venv/ and installs the project into it.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run test evaluate bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

run: $(VENV)/.installed
	$(BIN)/extract run corpus/ --out outputs/

test: $(VENV)/.installed
	$(BIN)/python -m pytest

evaluate: $(VENV)/.installed
	$(BIN)/extract evaluate --gold corpus/gold --texts corpus/texts --pred outputs --out outputs/eval

bench: $(VENV)/.installed
	$(BIN)/python bench/run_bench.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache
