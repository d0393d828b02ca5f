# The two commands: `make serve` and `make test`. Both install what is
# missing first (scripts/setup.sh), so they work on a fresh machine.
SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c
export PATH := $(CURDIR)/.tools/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
WASM := --target wasm32-unknown-unknown

.PHONY: serve test setup fmt clippy unit browser release size bench clean

serve: setup
	trunk serve --address 127.0.0.1 --port 8080

test: setup fmt clippy unit browser release size
	@scripts/summary.sh target/test-native.log target/test-browser.log

setup:
	@scripts/setup.sh

fmt:
	cargo fmt --all -- --check

clippy:
	cargo clippy --all-targets -- -D warnings
	cargo clippy --all-targets --features browser-bench $(WASM) -- -D warnings

unit:
	@mkdir -p target
	cargo test --lib --bins --tests --examples 2>&1 | tee target/test-native.log

browser:
	@mkdir -p target
	wasm-pack test --headless --chrome --chromedriver /usr/bin/chromedriver --mode no-install 2>&1 | tee target/test-browser.log

release:
	trunk build --release

size:
	@scripts/size.sh dist

# Native engine figures, then headless-Chrome figures (release build), each
# a JSON line with its target.
bench: setup
	cargo bench --bench engine
	@mkdir -p target
	wasm-pack test --headless --chrome --chromedriver /usr/bin/chromedriver --mode no-install --release \
		-- --features browser-bench --test bench_browser -- --nocapture 2>&1 | tee target/bench-browser.log | grep '^{"bench"'

clean:
	cargo clean
	rm -rf dist
