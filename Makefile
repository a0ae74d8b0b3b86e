# Everything runs in a virtual environment at .venv, created on first use.
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: install site test serve check lint clean golden bench properties

$(STAMP): pyproject.toml constraints.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -c constraints.txt -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

site: $(STAMP)
	$(VENV)/bin/mkdocs build --strict

serve: $(STAMP)
	$(VENV)/bin/mkdocs serve

check: $(STAMP)
	$(VENV)/bin/site-builder check --strict

lint: $(STAMP)
	$(VENV)/bin/ruff check site_builder tests bench
	$(VENV)/bin/ruff format --check site_builder tests bench
	$(VENV)/bin/mypy

test: $(STAMP) lint
	$(VENV)/bin/pytest

# Property tests with hypothesis' statistics: how often each input form and assertion is hit.
properties: $(STAMP)
	$(VENV)/bin/pytest tests/test_properties.py --hypothesis-show-statistics

# Regenerate the converter's golden files after an intended change; review with git diff.
golden: $(STAMP)
	$(PY) -m tests.golden

bench: $(STAMP)
	$(PY) bench/bench_import.py
	$(PY) bench/bench_build.py

clean:
	rm -rf site .pytest_cache
