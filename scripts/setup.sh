#!/usr/bin/env bash
# Installs whatever `make serve` and `make test` need and is missing.
# Idempotent: every tool whose right version is already there is skipped,
# so a second run takes a second or two.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132
TERSER_VERSION=5.51.2
AXE_VERSION=4.14.1
FRICTIONLESS_VERSION=5.21.0
# The wasm-bindgen CLI must equal the library version in Cargo.lock exactly,
# or trunk and wasm-pack try to download their own (and fail offline).
WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
export PATH="$PWD/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"

say() { printf 'setup: %s\n' "$*"; }

# The three cargo-installed tools are built with a lighter release profile
# and one shared target folder: no link-time optimisation (trunk asks for
# fat LTO with one codegen unit, most of its build time), 16 codegen units,
# opt-level 1, no debug info. They only drive the build, where this costs
# nothing we can measure, and the crates they have in common (tokio, serde,
# clap, walrus...) are compiled once. The shared folder is removed at the
# end: the installed binaries are in ~/.cargo/bin.
tool_install() {
  CARGO_PROFILE_RELEASE_LTO=false \
  CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
  CARGO_PROFILE_RELEASE_OPT_LEVEL=1 \
  CARGO_PROFILE_RELEASE_DEBUG=false \
  CARGO_PROFILE_RELEASE_INCREMENTAL=false \
  CARGO_TARGET_DIR="$PWD/.tools/cargo-target" \
    cargo install "$@"
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION"
  tool_install --locked "trunk@$TRUNK_VERSION"
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WBG_VERSION" ]; then
  say "installing wasm-bindgen-cli $WBG_VERSION"
  # Not --locked: its lock file pins a crate the registry no longer has.
  tool_install --force "wasm-bindgen-cli@$WBG_VERSION"
fi

if ! command -v wasm-pack >/dev/null; then
  say "installing wasm-pack"
  tool_install --locked wasm-pack
fi

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  say "installing chromium and chromedriver"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# Debian's binaryen (wasm-opt 108) cannot read current wasm-bindgen output:
# use the npm package, in a project-local folder put first on PATH.
if ! .tools/node_modules/.bin/wasm-opt --version 2>/dev/null | grep -q "version_$BINARYEN_VERSION"; then
  say "installing binaryen $BINARYEN_VERSION from npm into .tools/"
  mkdir -p .tools
  npm install --silent --no-audit --no-fund --prefix .tools "binaryen@$BINARYEN_VERSION"
fi

# Trunk's own JS minifier gives up on wasm-bindgen's glue (`export default`):
# terser minifies it in a post-build hook (scripts/minify.mjs), ~1.8 KB gzip.
if ! .tools/node_modules/.bin/terser --version 2>/dev/null | grep -q "^terser $TERSER_VERSION"; then
  say "installing terser $TERSER_VERSION from npm into .tools/"
  mkdir -p .tools
  npm install --silent --no-audit --no-fund --prefix .tools "terser@$TERSER_VERSION"
fi

# axe-core, the accessibility auditors' checker, run on every screen by
# the end-to-end tests (tests/e2e/axe.rs reads its axe.min.js).
if [ "$(node -p "require('./.tools/node_modules/axe-core/package.json').version" 2>/dev/null)" != "$AXE_VERSION" ]; then
  say "installing axe-core $AXE_VERSION from npm into .tools/"
  mkdir -p .tools
  npm install --silent --no-audit --no-fund --prefix .tools "axe-core@$AXE_VERSION"
fi

# Chinese glyphs and emoji for headless Chromium (the lang=zh screens, the
# seed's messages and their screenshots): without them it draws empty boxes.
if ! dpkg -s fonts-noto-cjk fonts-noto-color-emoji >/dev/null 2>&1; then
  say "installing fonts-noto-cjk and fonts-noto-color-emoji"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq fonts-noto-cjk fonts-noto-color-emoji >/dev/null
fi

# The Frictionless Framework (PyPI), in a virtual environment of its own
# under .tools/: `make package` runs `frictionless validate` on a data
# package the app's own code made (issue 26). Debian's python3 needs
# python3-venv for `python3 -m venv`.
if [ "$(.tools/venv/bin/frictionless --version 2>/dev/null)" != "$FRICTIONLESS_VERSION" ]; then
  if ! python3 -c 'import ensurepip, venv' 2>/dev/null; then
    say "installing python3-venv"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq python3-venv >/dev/null
  fi
  say "installing frictionless $FRICTIONLESS_VERSION from PyPI into .tools/venv"
  [ -x .tools/venv/bin/pip ] || python3 -m venv .tools/venv
  .tools/venv/bin/pip install --quiet --disable-pip-version-check "frictionless==$FRICTIONLESS_VERSION"
fi

# The tools are installed: their shared build folder is no longer needed.
rm -rf .tools/cargo-target

# Trunk runs cargo offline: make sure every crate is downloaded.
cargo fetch --quiet
