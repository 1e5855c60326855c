# Two commands for a fresh machine: `make book` and `make test`.
# Both bootstrap .venv from the pinned requirements and generate any
# missing data set first. Python 3.11 and make are all they assume.

PYTHON ?= python3.11
VENV   := .venv
# The exercises' JupyterLite site (_build/html/lite): `local` serves the
# Pyodide runtime with the site (offline; fetched from npm and PyPI at
# build time and verified), `cdn` loads it from the official CDN.
LITE_RUNTIME ?= local

# Two vCPUs share one core here: one BLAS thread is fastest, and several
# threads that wait for each other slow notebooks down badly under load.
export OPENBLAS_NUM_THREADS = 1
export OMP_NUM_THREADS = 1
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: book lite pdf bundle test test-portable datasets release clean-book help

help:
	@echo "make book      build the course site into _build/html"
	@echo "make book WEEK=c2w1  the site of the term up to that week"
	@echo "make lite      only the exercises' JupyterLite site (_build/html/lite)"
	@echo "make pdf       the whole book as one PDF (_build/pdf/book.pdf)"
	@echo "make bundle    the course for offline use: site, PDF, exercises (_build/bundle/)"
	@echo "make test      lint (ruff), then run the whole test suite"
	@echo "make test-portable  rerun the numeric tests under other CPUs' kernels"
	@echo "make datasets  generate and verify the data sets"
	@echo "make release   regenerate exercises/ from solutions/"

$(STAMP): requirements.txt pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { \
	  echo "error: $(PYTHON) not found; install Python 3.11 or run 'make PYTHON=python3 ...'"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

datasets: $(STAMP)
	$(BIN)/course datasets

release: $(STAMP)
	$(BIN)/course release

# `make book WEEK=c2w1` publishes the term so far: the pages and
# exercise folders up to that week (or assignment id) only.
book: datasets
ifdef WEEK
	$(BIN)/course publish --through $(WEEK)
	$(BIN)/python book/_tools/build_lite.py --runtime $(LITE_RUNTIME) --through $(WEEK)
else
	$(BIN)/jupyter-book build . -W -n --keep-going
	$(MAKE) --no-print-directory lite
	@echo
	@echo "The course site is built. Open: file://$(CURDIR)/_build/html/index.html"
endif

lite: datasets
	$(BIN)/python book/_tools/build_lite.py --runtime $(LITE_RUNTIME)

pdf: book
	$(BIN)/python book/_tools/make_pdf.py
	@echo "The whole book: $(CURDIR)/_build/pdf/book.pdf"

bundle: pdf
	$(BIN)/python book/_tools/make_bundle.py
	@echo "The offline course: $(CURDIR)/_build/bundle/deep-learning-numpy-offline.zip"

# The linter first (seconds), then every test.
test: datasets
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

# The numeric-sensitive tests again, once per machine profile of
# tests/kernels.py (other BLAS kernels and SIMD paths, on this CPU).
test-portable: datasets
	$(BIN)/python tests/kernels.py

clean-book:
	rm -rf _build
