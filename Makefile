# Every habit is a target; CI and the README only call targets.
#   make demo   build the page and serve it on http://localhost:$(PORT)
#   make test   every test: native, wasm in Chromium, lint (installs what it needs first)
# Setup is idempotent: each tool is installed only when it is missing or at the wrong version.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PORT ?= 8000
CORPUS ?= ../shared/corpora/pan13-text-alignment-no-obfuscation
WASM_TARGET := wasm32-unknown-unknown
# wasm-bindgen-cli must equal the crate's exact pin, or the generated glue refuses the module.
WASM_BINDGEN_VERSION := $(shell sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' Cargo.toml)
CARGO_BIN := $(HOME)/.cargo/bin
export PATH := $(CARGO_BIN):$(PATH)
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
WASM := target/$(WASM_TARGET)/wasm-release/copydesk.wasm

.PHONY: help demo test test-native test-wasm lint bench eval wasm setup setup-rust setup-browser setup-node clean

help:
	@echo "make demo    build the page and serve it on http://localhost:$(PORT)"
	@echo "make test    every test (native, wasm in headless Chromium, lint); installs what it needs"
	@echo "make bench   criterion benches of the whole pipeline, 1k to 1M words a side"
	@echo "make eval    precision, recall, granularity and plagdet on the PAN 2013 corpus"
	@echo "make lint    rustfmt, clippy and rustdoc, warnings as errors"
	@echo "make wasm    the optimised wasm module and its JS glue in pkg/"

# --- setup -----------------------------------------------------------------------------------------

setup: setup-rust setup-browser setup-node

setup-rust:
	rustup target add $(WASM_TARGET) >/dev/null
	rustup component add clippy rustfmt >/dev/null
	@if [ "$$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $(WASM_BINDGEN_VERSION)" ]; then \
	  echo "installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (a few minutes)"; \
	  cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION) --locked --force; \
	fi

# Debian's Chromium: a test tool's own browser download cannot reach its host here.
setup-browser:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium chromium-driver >/dev/null; \
	fi

setup-node: node_modules/.package-lock.json

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

# --- build -----------------------------------------------------------------------------------------

# Debian's binaryen breaks modules built by current Rust; npm's works.
wasm: setup-rust setup-node
	cargo build --lib --profile wasm-release --target $(WASM_TARGET)
	wasm-bindgen --target web --out-dir pkg --no-typescript $(WASM)
	npx --no-install wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
	  --enable-reference-types --enable-sign-ext pkg/copydesk_bg.wasm -o pkg/copydesk_bg.wasm
	@echo "pkg/copydesk_bg.wasm: $$(stat -c %s pkg/copydesk_bg.wasm) bytes, $$(gzip -9c pkg/copydesk_bg.wasm | wc -c) gzipped"

demo: wasm
	@echo "The web page arrives with the web app; for now the engine is built to pkg/ and the CLI runs:"
	cargo run --release --quiet -- compare tests/fixtures/wire/wire.txt tests/fixtures/wire/outlet-1.txt --spelling-variants

# --- checks ----------------------------------------------------------------------------------------

test: setup-rust setup-browser test-native test-wasm wasm lint

test-native:
	cargo test --all-targets
	cargo test --doc

test-wasm: setup-rust setup-browser
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER=$$(command -v chromedriver) \
	  cargo test --target $(WASM_TARGET) --test wasm

lint: setup-rust
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --quiet

bench:
	cargo bench --bench pipeline

eval:
	cargo run --release --example pan_eval -- $(CORPUS)

clean:
	cargo clean
	rm -rf pkg node_modules
