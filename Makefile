# ALASCA anti-bullying handbook. `make serve` and `make test` set up what is missing first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build offline test check publish-check forms bench lint clean setup system-serve system-test node-tools

serve: setup system-serve  ## serve the handbook with its forms at http://127.0.0.1:8000
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: setup system-serve  ## write the deployable site to site/, with .gz and .br copies for the web server
	$(BIN)/python -m generator build

offline: setup system-serve  ## write a site for a file share (file://), search included, to site-offline/
	$(BIN)/python -m generator build --offline

test: setup system-test node-tools  ## lint, then run the whole test suite (browser and HTML checks included)
	$(BIN)/ruff check generator tests bench
	$(BIN)/ruff format --check generator tests bench
	$(BIN)/python -m pytest

check: setup  ## validate the data, the forms and the pages, as the build does, without building
	$(BIN)/python -m generator check

publish-check: setup  ## list what the school must still decide before publishing; fails while any is open
	$(BIN)/python -m generator check --publish

forms: setup system-serve  ## render every form into forms-out/
	$(BIN)/python -m generator forms --out forms-out

bench: setup system-test  ## the handbook beside bare Material + i18n: build CPU, page weight, Lighthouse, forms
	scripts/fetch-node-tools lighthouse
	$(BIN)/python -m bench

lint: setup
	$(BIN)/ruff check generator tests bench
	$(BIN)/ruff format --check generator tests bench

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || PYTHON=$(PYTHON) scripts/ensure-system-packages venv
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

system-serve:
	scripts/ensure-system-packages serve

system-test:
	scripts/ensure-system-packages test

node-tools: system-test  ## axe-core and the Nu HTML Checker from npm into .cache/node/, when missing
	scripts/fetch-node-tools

clean:
	rm -rf site site-offline forms-out .pytest_cache .cache/node
