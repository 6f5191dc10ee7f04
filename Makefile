# FrameReader — two commands do all set-up: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SAMPLES := resources/samples/a-border-crisis.md resources/samples/b-border-crisis.md

.PHONY: run test bench quality dist screenshot sysdeps clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# The project, its trained English pipeline (the `model` extra) and the test tools.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[model,test]'
	touch $@

# Qt needs a few system libraries: those Qt needs to start offscreen, those its xcb platform
# plugin links (checked with ldd), and Xvfb/xauth/xdotool for the real-window smoke test. The
# script installs only what is missing (nothing, and in well under a second, once all is there).
sysdeps: $(STAMP)
	@sh packaging/install-qt-sysdeps.sh $(BIN)/python

run: sysdeps
	$(BIN)/framereader $(SAMPLES)

# The walls between core, nlp and ui (import-linter contracts in pyproject), the types (mypy,
# configured in pyproject: a bare `mypy` checks src/), then the whole suite.
test: sysdeps
	$(BIN)/lint-imports
	$(BIN)/python -m mypy
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q --timeout 300

screenshot: sysdeps
	QT_QPA_PLATFORM=offscreen $(BIN)/framereader --screenshot docs/screenshot.png $(SAMPLES)
	QT_QPA_PLATFORM=offscreen $(BIN)/framereader --screenshot docs/presenter.png --presenter --reveal 1 $(SAMPLES)

bench: sysdeps
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/run.py

# Framing highlights scored on the development data (../shared/data/babe-sg1) and the samples;
# voices (quotations, speakers, attribution verbs) on tests/data/quotes and tests/data/news;
# pronoun links, labels, actors and verbs on the gold sets in tests/data/trust.
quality: $(STAMP)
	$(BIN)/python bench/framing_quality.py
	$(BIN)/python bench/voices_quality.py
	$(BIN)/python bench/trust_quality.py

dist: sysdeps
	$(BIN)/python -m pip install --quiet -e '.[model,test,dist]'
	$(BIN)/pyinstaller --noconfirm --clean --distpath dist --workpath build packaging/framereader.spec
	QT_QPA_PLATFORM=offscreen FRAMEREADER_HOME=build/smoke-home dist/framereader/framereader \
		--screenshot build/dist-smoke.png $(SAMPLES)
	@test -s build/dist-smoke.png && echo "dist smoke test: screenshot written to build/dist-smoke.png"

clean:
	rm -rf build dist .pytest_cache
