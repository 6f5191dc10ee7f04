# FrameReader — two commands do all set-up: `make run` and `make test`.
# The set-up (packaging/setup.sh) makes .venv (again, if an interrupted run left it half-made),
# installs what each target needs with pip, and the system packages with apt-get (saying which
# and why first); run twice, it does nothing the second time.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SAMPLES := resources/samples/a-border-crisis.md resources/samples/b-border-crisis.md
SETUP = sh packaging/setup.sh

.PHONY: run test bench quality dist deb smoke screenshot sysdeps clean

run:
	@$(SETUP) run $(PYTHON)
	$(BIN)/framereader $(SAMPLES)

# The walls between core, nlp and ui (import-linter contracts in pyproject), the types (mypy,
# configured in pyproject: a bare `mypy` checks src/), then the whole suite.
test:
	@$(SETUP) test $(PYTHON)
	$(BIN)/lint-imports
	$(BIN)/python -m mypy
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q --timeout 300

# The system packages of `make test` (Qt's window libraries, Xvfb, xauth, xdotool).
sysdeps:
	@$(SETUP) test $(PYTHON)

screenshot:
	@$(SETUP) run $(PYTHON)
	QT_QPA_PLATFORM=offscreen $(BIN)/framereader --screenshot docs/screenshot.png $(SAMPLES)
	QT_QPA_PLATFORM=offscreen $(BIN)/framereader --screenshot docs/presenter.png --presenter --reveal 1 $(SAMPLES)

bench:
	@$(SETUP) test $(PYTHON)
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/run.py

# Framing highlights scored on the development data (../shared/data/babe-sg1) and the samples;
# voices (quotations, speakers, attribution verbs) on tests/data/quotes and tests/data/news;
# pronoun links, labels, actors and verbs on the gold sets in tests/data/trust.
quality:
	@$(SETUP) test $(PYTHON)
	$(BIN)/python bench/framing_quality.py
	$(BIN)/python bench/voices_quality.py
	$(BIN)/python bench/trust_quality.py

# A one-folder desktop build (dist/framereader/) with PyInstaller, then the checks that it is
# complete: every data file the app's libraries read is in it, and the packaged app starts on
# a (virtual) X display, opens the sample pair, analyses and compares it, and quits.
dist:
	@$(SETUP) dist $(PYTHON)
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
		packaging/framereader.spec
	$(BIN)/python packaging/check_bundle.py dist/framereader
	$(BIN)/python packaging/smoke.py dist/framereader/framereader

# The start-up check alone, on an existing build (or any command: `make smoke APP=framereader`).
APP ?= dist/framereader/framereader
smoke:
	@$(SETUP) dist $(PYTHON)
	$(BIN)/python packaging/smoke.py $(APP)

# A Debian package of the one-folder build: dist/framereader_VERSION_ARCH.deb (the build is
# made first when there is none; `make dist deb` makes a fresh one).
deb:
	@test -x dist/framereader/framereader || $(MAKE) dist
	@sh packaging/install-sysdeps.sh deb $(BIN)/python
	sh packaging/build-deb.sh dist/framereader dist $(BIN)/python

clean:
	rm -rf build dist .pytest_cache
