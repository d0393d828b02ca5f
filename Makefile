# The two commands: `make serve` and `make test`. Both install what is
# missing first (scripts/setup.sh), so they work on a fresh machine.
SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c
export PATH := $(CURDIR)/.tools/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
WASM := --target wasm32-unknown-unknown

.PHONY: serve test setup fmt clippy unit package browser release size e2e screens bench bench-baseline fuzz clean

serve: setup
	trunk serve --address 127.0.0.1 --port 8080

test: setup fmt clippy unit package browser release size e2e
	@scripts/summary.sh target/test-native.log target/test-browser.log target/test-e2e.log

setup:
	@scripts/setup.sh

fmt:
	cargo fmt --all -- --check

# The tests build with `over-budget` (the parts of issues 26 and 27 the
# 400 KB ceiling has no room for yet, docs/size.md); the release build
# doesn't. Clippy checks both.
FEATURES := --features over-budget

clippy:
	cargo clippy --all-targets -- -D warnings
	cargo clippy --all-targets $(FEATURES) -- -D warnings
	cargo clippy --all-targets --features browser-bench,over-budget $(WASM) -- -D warnings

unit:
	@mkdir -p target
	cargo test --lib --bins --tests --examples $(FEATURES) 2>&1 | tee target/test-native.log

# Data packages made by the app's own code (`decide --package`, through the
# functions behind the app's Download data package): the matrix of a day,
# every change 2013-2023, the record and a batch of links, each checked by the
# Frictionless Framework (`frictionless validate`, installed by setup.sh
# into .tools/venv). The matrix's is target/pkg/matrix/datapackage.json.
PKG := target/pkg
DECIDE := cargo run --quiet --example decide $(FEATURES) --
package:
	@rm -rf $(PKG) && mkdir -p $(PKG)/matrix $(PKG)/changes $(PKG)/record $(PKG)/links
	$(DECIDE) --matrix --date 2021-10-01 --package $(PKG)/matrix.zip
	$(DECIDE) --changes --from 2013-01-01 --to 2023-12-31 --lang zh --package $(PKG)/changes.zip
	$(DECIDE) --record --package $(PKG)/record.zip
	$(DECIDE) --date 2021-12-10 --package $(PKG)/links.zip https://m.tb.cn/h.x https://v.douyin.com/abc/ '=HYPERLINK("x")'
	@for p in matrix changes record links; do python3 -m zipfile -e $(PKG)/$$p.zip $(PKG)/$$p; done
	@for p in matrix changes record links; do .tools/venv/bin/frictionless validate $(PKG)/$$p/datapackage.json || exit 1; done

browser:
	@mkdir -p target
	wasm-pack test --headless --chrome --chromedriver /usr/bin/chromedriver --mode no-install -- $(FEATURES) 2>&1 | tee target/test-browser.log

release:
	trunk build --release

size:
	@scripts/size.sh dist

# The release build in headless Chromium through chromedriver: CSP, offline
# use, the keyboard walk, names, contrast, reduced motion (tests/e2e/).
e2e:
	@mkdir -p target
	cargo test --test e2e -- --ignored --skip bench_ --test-threads=1 2>&1 | tee target/test-e2e.log

# A screenshot of every screen in English and Chinese at 390 px wide, from
# the release build in headless Chromium, into docs/screens/ (tests/e2e/screens.rs).
screens: setup release
	WG_SCREENS_DIR=docs/screens cargo test --test e2e -- --ignored --exact screens::screenshots_of_every_screen_in_both_languages

# One report of every figure and its target (scripts/bench-report.mjs): the
# native engine, the release bundle's size per file, the headless-Chrome
# figures (wasm-pack, release build), the end-to-end figures (the first
# render, and a keystroke in each text field, against the bare Yew app of
# bench/bare/, built with the same profile; one test at a time), twiggy;
# compared with bench/baseline.json. Each step's raw output is in target/bench/<step>.log,
# its exit code in <step>.exit, its figures in <source>.jsonl. A failing step
# doesn't stop the others: the report says what is missing and then fails;
# a figure that misses its target is a FAIL row, not an error.
# `make bench-baseline` (or BENCH_BASELINE=update make bench) rewrites
# bench/baseline.json from the last report.
BENCH := target/bench
bench_step = set +e; s=$$SECONDS; echo "bench: $(1)..."; ( $(2) ) >$(BENCH)/$(1).log 2>&1; c=$$?; \
	echo $$c >$(BENCH)/$(1).exit; echo "bench: $(1): exit $$c after $$((SECONDS - s)) s ($(BENCH)/$(1).log)"
bench: setup
	@rm -rf $(BENCH) && mkdir -p $(BENCH)
	@$(call bench_step,native,cargo bench --bench engine); grep '^{"bench"' $(BENCH)/native.log >$(BENCH)/native.jsonl || true
	@$(call bench_step,release,trunk build --release && \
		cp target/wasm32-unknown-unknown/release/walled-garden.wasm $(BENCH)/walled-garden.wasm)
	@$(call bench_step,size,{ [ "$$(cat $(BENCH)/release.exit)" = 0 ] || { echo "size: not measured: the release build failed"; exit 1; }; } && \
		scripts/size.sh dist --jsonl $(BENCH)/size.jsonl)
	@$(call bench_step,browser,WASM_BINDGEN_TEST_TIMEOUT=600 wasm-pack test --headless --chrome \
		--chromedriver /usr/bin/chromedriver --mode no-install --release \
		-- --features browser-bench,over-budget --test bench_browser -- --nocapture); \
		grep '^{"bench"' $(BENCH)/browser.log >$(BENCH)/browser.jsonl || true
	@$(call bench_step,bare,cd bench/bare && trunk build --release)
	@$(call bench_step,e2e,WG_BENCH=1 timeout 900 cargo test --test e2e -- --ignored --nocapture --test-threads=1 bench_)
	@$(call bench_step,twiggy,scripts/twiggy.sh $(BENCH)/walled-garden.wasm $(BENCH)/twiggy.txt)
	@node scripts/bench-report.mjs

bench-baseline:
	@node scripts/bench-report.mjs --update-baseline

# Every cargo-fuzz target for FUZZ_SECONDS (default 600) each; see fuzz/README.md.
fuzz:
	@scripts/fuzz.sh

clean:
	cargo clean
	rm -rf dist
