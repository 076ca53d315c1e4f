# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install migrate demo lint format bench audit screenshots clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

# axe-core for the accessibility browser tests, from the npm registry; installed
# only when tests/js/node_modules is missing (see tests/js/package.json).
install: $(STAMP)
	@if [ ! -d tests/js/node_modules/axe-core ]; then \
		if command -v npm >/dev/null 2>&1; then \
			npm ci --prefix tests/js --no-audit --no-fund; \
		else \
			echo "npm not found: the accessibility browser tests will skip (fail under REQUIRE_BROWSER)."; \
		fi; \
	fi

migrate: install
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py load_demo

# The task worker (background tasks: reminders, CDN purges, search indexing) runs
# beside the server and is stopped with it (Ctrl-C, or the server exiting).
run: demo
	@$(BIN)/python manage.py db_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# PYTEST_ARGS passes extra options, e.g. `make test PYTEST_ARGS="-m 'not browser'"`.
# Tests run on both cores (pytest-xdist); each worker gets its own test database, and
# an idle worker takes queued tests from a busy one (worksteal), so the long browser
# tests do not leave a core idle at the end.
test: install
	$(BIN)/python -m pytest -n auto --dist worksteal $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/python manage.py makemigrations --check --dry-run

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Reader-site benchmark (see README "Benchmarks"): `make bench`, or e.g.
# `make bench BENCH_ARGS="--quick"` / `BENCH_ARGS="--articles 200 --search-articles 10000"`.
bench: install
	$(BIN)/python bench/run.py $(BENCH_ARGS)

# Lighthouse and axe-core on home, an article and search, served by a throwaway
# production-like site (see README "Design and audit"); fails below 95 or on any
# axe violation. `make screenshots` refreshes docs/screenshots/*.png.
tools/audit/node_modules/lighthouse:
	npm ci --prefix tools/audit --no-audit --no-fund

audit: install tools/audit/node_modules/lighthouse
	$(BIN)/python tools/audit/run.py $(AUDIT_ARGS)

screenshots: install
	$(BIN)/python tools/audit/run.py --screenshots-only --screenshots docs/screenshots

clean:
	rm -rf $(VENV) static_collected .pytest_cache
