# Everything runs in a virtual environment at .venv, created on first use.
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: install site test test-tools test-fast serve check lint clean golden bench properties install-properdocs test-engines

# The second engine: ProperDocs, the maintained continuation of MkDocs 1.x, in its own virtual
# environment with the same pinned packages and MkDocs itself removed, so nothing can fall back
# to it (ProperDocs answers `import mkdocs` for our plugins, Material and mkdocs-static-i18n).
# `make site ENGINE=properdocs` builds with it; `make test-engines` builds and runs the tests
# that build a site or drive a browser on it.
ENGINE ?= mkdocs
PD_VENV := .venv-properdocs
PD_STAMP := $(PD_VENV)/.installed
# The tests on an engine: those that build a site or drive a browser (markers: tests/conftest.py).
ENGINE_TESTS := -m "site or browser"

$(STAMP): pyproject.toml constraints.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -c constraints.txt -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

$(PD_STAMP): pyproject.toml constraints.txt
	test -x $(PD_VENV)/bin/python || python3 -m venv $(PD_VENV)
	$(PD_VENV)/bin/python -m pip install -q --upgrade pip
	$(PD_VENV)/bin/python -m pip install -q -c constraints.txt -e '.[test]' properdocs
	$(PD_VENV)/bin/python -m pip uninstall -q -y mkdocs
	touch $(PD_STAMP)

install-properdocs: $(PD_STAMP)

# A local build for a look at site/: its absolute addresses name the local preview unless
# SITE_URL says where the site is published (mkdocs.yml's example address fails --strict).
LOCAL_SITE_URL := SITE_URL=$${SITE_URL:-http://127.0.0.1:8000/}

ifeq ($(ENGINE),properdocs)
site: $(PD_STAMP)
	$(LOCAL_SITE_URL) $(PD_VENV)/bin/properdocs build --strict -f mkdocs.yml
else
site: $(STAMP)
	$(LOCAL_SITE_URL) $(VENV)/bin/mkdocs build --strict
endif

serve: $(STAMP)
	$(VENV)/bin/mkdocs serve --dirty --watch-theme

check: $(STAMP)
	$(VENV)/bin/site-builder check --strict

lint: $(STAMP)
	$(VENV)/bin/ruff check site_builder tests bench
	$(VENV)/bin/ruff format --check site_builder tests bench
	$(VENV)/bin/mypy

# Programs the tests call besides Python packages: poppler's pdftotext reads the printed PDFs
# (any CJK font). Installed with apt-get where it is missing and we may (root), else named.
test-tools:
	@command -v pdftotext >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null; \
	  else echo "the print tests need pdftotext: install poppler-utils (Debian/Ubuntu)"; exit 1; fi; }

test: $(STAMP) lint test-tools
	$(VENV)/bin/pytest

# The unit tests but the slow ones (markers from tests/conftest.py): no site build, no
# browser, no lint; about 30 s on a shared 2-core machine.
test-fast: $(STAMP)
	$(VENV)/bin/pytest -m "unit and not slow"

# The site built and tested with ProperDocs (CI runs this after `make test`).
test-engines: $(PD_STAMP)
	tmp=$$(mktemp -d) && $(LOCAL_SITE_URL) $(PD_VENV)/bin/properdocs build --strict -f mkdocs.yml -d $$tmp/site; \
	status=$$?; rm -rf $$tmp; exit $$status
	DIGEST_ENGINE=properdocs $(PD_VENV)/bin/pytest $(ENGINE_TESTS)

# Property tests with hypothesis' statistics: how often each input form and assertion is hit.
properties: $(STAMP)
	$(VENV)/bin/pytest tests/test_properties.py --hypothesis-show-statistics

# Regenerate the converter's golden files after an intended change; review with git diff.
golden: $(STAMP)
	$(PY) -m tests.golden

bench: $(STAMP)
	$(PY) bench/bench_import.py
	$(PY) bench/bench_build.py
	$(PY) bench/bench_serve.py

clean:
	rm -rf site .pytest_cache
