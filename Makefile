# The two set-up commands of the README. Both create .venv on first use.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: start test lint

$(VENV)/.installed-%: requirements.txt requirements-dev.txt
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is nodig ($(PYTHON) niet gevonden)"; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements$(if $(filter dev,$*),-dev,).txt
	@touch $@

start: $(VENV)/.installed-app
	$(PY) -m streamlit run streamlit_app.py

test: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check arena ui pages tests streamlit_app.py benchmarks scripts
	$(PY) -m pytest
