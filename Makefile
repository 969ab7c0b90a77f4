# Every habit is a target; CI and the README only call targets.
#   make demo   build the page and serve it on http://localhost:$(PORT)
#   make test   every test: native, wasm and the page in Chromium, lint (installs what it needs first)
# Setup is idempotent: each tool is installed only when it is missing or at the wrong version.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PORT ?= 8000
# Where `make dist` builds the site; another directory lets two builds be tested side by side.
DIST ?= dist
CORPUS ?= ../shared/corpora/pan13-text-alignment-no-obfuscation
WASM_TARGET := wasm32-unknown-unknown
# wasm-bindgen-cli must equal the crate's exact pin, or the generated glue refuses the module.
WASM_BINDGEN_VERSION := $(shell sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' Cargo.toml)
CARGO_BIN := $(HOME)/.cargo/bin
export PATH := $(CARGO_BIN):$(PATH)
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
WASM := target/$(WASM_TARGET)/wasm-release/copydesk.wasm
# The first load's budget for the module, gzipped: 200 KB. A dependency that drags in tables (encoding_rs
# once added 130 KB) fails the build here rather than slowing every visit.
WASM_BUDGET := 204800
# Seconds per fuzz target: `make fuzz`, and the smoke run in `make test` (see fuzz/README.md).
FUZZ_SECONDS ?= 180
FUZZ_SMOKE_SECONDS ?= 15
CARGO_FUZZ_VERSION := 0.13.2

.PHONY: help demo dist test test-native test-wasm test-browser lint bench bench-many bench-browser bench-link-limit bench-peers eval wasm setup setup-rust setup-browser setup-node clean
.PHONY: fuzz fuzz-smoke setup-fuzz

help:
	@echo "make demo           build the page and serve it on http://localhost:$(PORT)"
	@echo "make test           every test (native, wasm and the page in headless Chromium, lint); installs what it needs"
	@echo "make bench          criterion benches of the whole pipeline, 1k to 1M words a side"
	@echo "make bench-many     sets of 10 to 5,000 documents: native, wasm (Node) and pairwise; time, memory, accuracy (MANY_SIZES=10,50)"
	@echo "make bench-browser  the page in Chromium: drop to first paint, long tasks, sizes"
	@echo "make bench-link-limit  the longest share link Chromium opens"
	@echo "make bench-peers    copydesk (native, wasm, the page) against jsdiff and diff-match-patch, in one run"
	@echo "make eval           precision, recall, granularity and plagdet on the PAN 2013 corpus"
	@echo "make lint           rustfmt, clippy and rustdoc, warnings as errors; tsc and Prettier over the JavaScript"
	@echo "make fuzz           each cargo-fuzz target for FUZZ_SECONDS (default $(FUZZ_SECONDS)); fuzz-smoke: $(FUZZ_SMOKE_SECONDS) s each"
	@echo "make wasm           the optimised wasm module and its JS glue in pkg/"
	@echo "make dist           the static site in dist/"

# --- setup -----------------------------------------------------------------------------------------

setup: setup-rust setup-browser setup-node

setup-rust:
	rustup target add $(WASM_TARGET) >/dev/null
	rustup component add clippy rustfmt >/dev/null
	@if [ "$$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $(WASM_BINDGEN_VERSION)" ]; then \
	  echo "installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (a few minutes)"; \
	  cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION) --locked --force; \
	fi

# cargo-fuzz from crates.io; it runs on the stable toolchain (fuzz/run.sh sets RUSTC_BOOTSTRAP=1).
setup-fuzz:
	@if [ "$$(cargo fuzz --version 2>/dev/null)" != "cargo-fuzz $(CARGO_FUZZ_VERSION)" ]; then \
	  echo "installing cargo-fuzz $(CARGO_FUZZ_VERSION) (a few minutes)"; \
	  cargo install cargo-fuzz --version $(CARGO_FUZZ_VERSION) --locked --force; \
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

# Debian's binaryen breaks modules built by current Rust; npm's works. wasm-opt inlines a function with
# one caller whatever its size unless told (-ocimfs): that folded the whole engine into `compare`, and V8
# (Node 20) ran the giant function 25 % slower; capped like other inlining, the module is also smaller.
wasm: setup-rust setup-node
	cargo build --lib --profile wasm-release --target $(WASM_TARGET)
	wasm-bindgen --target web --out-dir pkg $(WASM)
	npx --no-install wasm-opt -O3 --one-caller-inline-max-function-size 20 --enable-bulk-memory \
	  --enable-nontrapping-float-to-int --enable-reference-types --enable-sign-ext pkg/copydesk_bg.wasm -o pkg/copydesk_bg.wasm
	@gzipped=$$(gzip -9c pkg/copydesk_bg.wasm | wc -c); \
	  echo "pkg/copydesk_bg.wasm: $$(stat -c %s pkg/copydesk_bg.wasm) bytes, $$gzipped gzipped (budget $(WASM_BUDGET))"; \
	  if [ "$$gzipped" -gt $(WASM_BUDGET) ]; then echo "the wasm module is over its first-load budget"; exit 1; fi

# The static site in $(DIST): the page, the wasm module, the readers that load when a file first needs them
# (Readability for saved web pages, PDF.js and its worker, mammoth for Word), and the built-in examples (the
# test fixtures, so there is one copy of each text). Relative paths only.
dist: wasm
	rm -rf $(DIST)
	mkdir -p $(DIST)/pkg $(DIST)/vendor $(DIST)/examples
	cp -r www/. $(DIST)/
	cp pkg/copydesk.js pkg/copydesk_bg.wasm $(DIST)/pkg/
	cp node_modules/@mozilla/readability/Readability.js node_modules/mammoth/mammoth.browser.min.js \
	  node_modules/pdfjs-dist/build/pdf.min.mjs node_modules/pdfjs-dist/build/pdf.worker.min.mjs $(DIST)/vendor/
	cp -r tests/fixtures/wire tests/fixtures/short $(DIST)/examples/
	mkdir -p $(DIST)/examples/sets/wire && cp tests/fixtures/sets/wire/*.txt $(DIST)/examples/sets/wire/
	rm -f $(DIST)/examples/*/README.md
	@# The service worker's list of files to cache, headed by a hash of them all, which also names its cache.
	cd $(DIST) && build=$$(find . -type f ! -name sw.js -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16) \
	  && { echo "$$build"; find . -type f ! -name sw.js ! -name precache.txt -printf '%P\n' | LC_ALL=C sort; } > precache.txt \
	  && sed -i "s/@BUILD@/$$build/" sw.js

demo: dist
	@echo "copydesk: http://localhost:$(PORT)/ (Ctrl-C stops it)"
	python3 -m http.server --bind 127.0.0.1 --directory $(DIST) $(PORT)

# --- checks ----------------------------------------------------------------------------------------

test: setup-rust setup-browser test-native test-wasm test-browser lint fuzz-smoke

test-native:
	cargo test --all-targets
	cargo test --doc

test-wasm: setup-rust setup-browser
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER=$$(command -v chromedriver) \
	  cargo test --target $(WASM_TARGET) --test wasm

# Playwright drives Debian's Chromium against $(DIST) served on localhost (see playwright.config.js).
test-browser: dist setup-browser setup-node
	COPYDESK_DIST=$(DIST) npx --no-install playwright test

# The page's JavaScript is type-checked from its JSDoc (tsconfig.json; the wasm glue's types come from
# `make wasm`) and formatted by Prettier (.prettierrc.json): `npx prettier --write "**/*.{js,mjs}"` fixes it.
lint: setup-rust setup-node wasm
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --quiet
	npx --no-install tsc -p tsconfig.json
	npx --no-install prettier --check --log-level warn "**/*.{js,mjs}"

# libFuzzer on the stable toolchain, seeded from tests/fixtures, then the share-link decoder under Node
# (fast-check); prints executions per target and stops at the first failure (its input in
# fuzz/artifacts/). FUZZ_SECONDS=600 make fuzz for a longer run.
fuzz: setup-fuzz setup-node
	fuzz/run.sh $(FUZZ_SECONDS)

fuzz-smoke: setup-fuzz setup-node
	fuzz/run.sh $(FUZZ_SMOKE_SECONDS)

bench:
	cargo bench --bench pipeline

# Generated sets of documents with their truth (benches/README.md), through each route that compares a
# whole set; a route over MANY_CAP seconds on a set is extrapolated, not run.
MANY_SIZES ?= 10,50,200,1000,5000
MANY_CAP ?= 120
# The wasm route runs the module `make wasm` builds, under Node.
bench-many: wasm
	COPYDESK_MANY_SIZES=$(MANY_SIZES) COPYDESK_MANY_CAP=$(MANY_CAP) COPYDESK_MANY_WASM=$(CURDIR)/pkg cargo bench --bench many

# The longest share link Chromium opens, found by binary search (about a minute).
bench-link-limit: dist setup-browser setup-node
	COPYDESK_MEASURE_LINKS=1 npx --no-install playwright test link-limit

# The page in Chromium: drop to first paint at 10k, 100k and 1M words a side, long tasks, sizes.
bench-browser: dist setup-browser setup-node
	node tests/browser/bench.mjs

# Generates the pairs, then times every tool on them in one run (see benches/README.md): about 30 minutes,
# most of it diff tools running into the cap. PEERS_SIZES, PEERS_CASES, PEERS_TOOLS, PEERS_CAP narrow it.
# The native timer is a package of its own (benches/peers/native), built into the same target/.
bench-peers: dist setup-browser setup-node
	cargo build --release --example generate
	CARGO_TARGET_DIR=$(CURDIR)/target cargo build --release --manifest-path benches/peers/native/Cargo.toml
	node benches/peers/run.mjs

eval:
	cargo run --release --example pan_eval -- $(CORPUS)

clean:
	cargo clean
	rm -rf pkg dist node_modules test-results
