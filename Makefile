# The two commands of the README's quick start: `make run` and `make test`.
# Each installs what is missing (libreadline-dev via apt-get) and builds first.

SWIFT ?= swift
BIN := .build/debug/assess
FORMAT_PATHS := Sources Tests Benchmarks Plugins questionnaires/Builtins.swift Package.swift

.PHONY: all deps build run test lint format bench release clean

all: build

# System packages the build needs. Runs apt-get only when something is missing.
deps:
	@command -v $(SWIFT) >/dev/null 2>&1 || { echo "error: the Swift toolchain is not on PATH (Swift 6.0 or later is needed)" >&2; exit 2; }
	@if ! dpkg -s libreadline-dev >/dev/null 2>&1; then \
	  echo "installing libreadline-dev"; \
	  SUDO=; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq libreadline-dev; \
	fi

build: deps
	$(SWIFT) build

# The main job: an interview on the example questionnaire, kept in ./sessions.
run: build
	$(BIN) start example

# Format lint, then every test (unit and end-to-end).
test: deps lint
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

lint:
	$(SWIFT) format lint --strict -r $(FORMAT_PATHS)

format:
	$(SWIFT) format -i -r $(FORMAT_PATHS)

bench: deps
	$(SWIFT) build -c release --product assess
	$(SWIFT) build -c release --product assess-bench
	.build/release/assess-bench

release: deps
	$(SWIFT) build -c release

clean:
	rm -rf .build
