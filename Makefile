# ALASCA anti-bullying handbook. `make serve` and `make test` set up what is missing first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
# The school to build, check or serve: the repository (ALASCA) unless SCHOOL names another's
# folder, such as `make build SCHOOL=examples/wilgenhof` (its site goes to examples/wilgenhof/site/).
SCHOOL ?=
AT_SCHOOL := $(if $(SCHOOL), --root $(SCHOOL))

.PHONY: serve build offline test test-fast check publish-check forms bench lint lock clean clean-cache setup setup-test system-serve system-test node-tools

# Each target checks the system packages first (scripts/ensure-system-packages: as root it installs
# them; otherwise it prints the apt-get line and stops before .venv is written), then the venv.
serve: system-serve setup  ## serve the handbook with its forms at http://127.0.0.1:8000
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000$(if $(SCHOOL), --config-file $(SCHOOL)/mkdocs.yml)

build: system-serve setup  ## write the deployable site to site/, with .gz and .br copies; a refused build leaves site/ as it was
	$(BIN)/python -m generator build$(AT_SCHOOL)

offline: system-serve setup  ## write a site for a file share (file://), search included, to site-offline/
	$(BIN)/python -m generator build --offline$(AT_SCHOOL)

test: system-test setup-test node-tools  ## lint, then run the whole test suite (browser and HTML checks included)
	$(BIN)/ruff check generator tests bench
	$(BIN)/ruff format --check generator tests bench
	$(BIN)/python -m pytest -n 2 --dist loadfile

test-fast: system-test setup-test  ## the fast tier, after every edit: data, pages, forms, charts, caches; no browser, no site build
	$(BIN)/python -m pytest -m "not slow" -n 2 --dist loadfile

check: system-serve setup  ## validate the data, the forms and the pages, as the build does, without building
	$(BIN)/python -m generator check$(AT_SCHOOL)

publish-check: system-serve setup  ## list what the school must still decide before publishing; fails while any is open
	$(BIN)/python -m generator check --publish$(AT_SCHOOL)

forms: system-serve setup  ## render every form into forms-out/
	$(BIN)/python -m generator forms --out forms-out

bench: system-test setup-test  ## the handbook beside bare Material + i18n: build CPU, page weight, Lighthouse, forms
	scripts/fetch-node-tools lighthouse
	$(BIN)/python -m bench

lint: system-serve setup-test
	$(BIN)/ruff check generator tests bench
	$(BIN)/ruff format --check generator tests bench

setup: $(VENV)/.installed
setup-test: $(VENV)/.installed-test

# The exact versions of requirements.lock (what the handbook needs), then the project itself;
# the tests add requirements-test.lock (the same versions, plus the test tools).
$(VENV)/.installed: pyproject.toml requirements.lock
	PYTHON=$(PYTHON) scripts/ensure-system-packages venv
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed requirements-test.lock
	$(BIN)/python -m pip install --quiet -r requirements-test.lock
	touch $@

# Both lock files anew from pyproject.toml's ranges, the newest versions that fit (see README).
UV := .cache/tools/uv/bin/uv
LOCK := $(UV) pip compile pyproject.toml --universal --python-version 3.11 --upgrade --quiet \
	--no-emit-index-url --no-emit-find-links --custom-compile-command 'make lock'
lock:
	test -x $(UV) || ($(PYTHON) -m venv .cache/tools/uv && .cache/tools/uv/bin/python -m pip install --quiet 'uv>=0.13,<0.14')
	$(LOCK) -o requirements.lock
	$(LOCK) --extra test --constraint requirements.lock -o requirements-test.lock

system-serve:
	scripts/ensure-system-packages serve

system-test:
	scripts/ensure-system-packages test

node-tools: system-test  ## axe-core and the Nu HTML Checker from npm into .cache/node/, when missing
	scripts/fetch-node-tools

clean-cache:  ## forget every cached build result in .cache/ (the npm tools in .cache/node/ stay); never needed to see a change
	if [ -d .cache ]; then find .cache -mindepth 1 -maxdepth 1 ! -name node -exec rm -rf {} +; fi

clean:
	rm -rf site site-offline forms-out .pytest_cache .cache/node
