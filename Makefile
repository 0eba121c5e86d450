# finml-careers: `make serve` and `make test` are all a newcomer needs.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export HF_HUB_DISABLE_PROGRESS_BARS := 1
export HF_HUB_DISABLE_TELEMETRY := 1
export ANONYMIZED_TELEMETRY := False
export TOKENIZERS_PARALLELISM := false

.PHONY: venv serve test test-quick lint format eval bench browser llm clean

venv: $(VENV)/.installed

# torch first and pinned: the CPU build on this disk; an unpinned torch would pull CUDA wheels.
$(VENV)/.installed: requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q torch==2.13.0
	$(BIN)/python -m pip install -q -r requirements.lock
	$(BIN)/python -m pip install -q --no-deps -e .
	$(BIN)/python -m pip check
	touch $@

# The LLM composer's end-to-end tests run a real llama.cpp server; building it takes a few minutes once.
llm: $(VENV)/.llm-installed
$(VENV)/.llm-installed: $(VENV)/.installed requirements-llm.lock
	CMAKE_ARGS=-DGGML_NATIVE=OFF $(BIN)/python -m pip install -q -r requirements-llm.lock
	touch $@

# Browser tests drive Debian's chromium; playwright never downloads a browser of its own.
browser:
	@test -x /usr/bin/chromium || (apt-get update -q && apt-get install -y -q chromium)

serve: venv
	$(BIN)/careers ingest --sample --if-empty
	$(BIN)/careers serve --host $(HOST) --port $(PORT)

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: venv
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test: venv llm browser lint
	$(BIN)/python -m pytest -q

test-quick: venv
	$(BIN)/python -m pytest -q -m "not slow and not browser and not chroma_server and not llm"

eval: venv
	$(BIN)/careers eval

bench: venv
	$(BIN)/python -m bench.ingest
	$(BIN)/python -m bench.query

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
