#!/usr/bin/env bash
# `make bench`: installs twiggy when missing (only here, not in setup.sh),
# then writes `twiggy top -n 20` of the app's wasm to OUT.
#
#   scripts/twiggy.sh WASM OUT
#
# WASM should be cargo's output that trunk built
# (target/wasm32-unknown-unknown/release/walled-garden.wasm, copied by
# `make bench` right after `trunk build --release`): the module before
# wasm-bindgen and wasm-opt, which still has its name section. The file in
# dist/ has no function names left after wasm-opt.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
WASM=${1:?usage: scripts/twiggy.sh WASM OUT}
OUT=${2:?usage: scripts/twiggy.sh WASM OUT}

if ! twiggy --version >/dev/null 2>&1; then
  echo "twiggy: installing it (cargo install --locked twiggy, a few minutes)"
  cargo install --locked twiggy
fi
if [ ! -f "$WASM" ]; then
  echo "twiggy: no $WASM (run trunk build --release first)" >&2
  exit 1
fi
{
  echo "# $(twiggy --version): twiggy top -n 20 $WASM"
  echo "# (cargo's release output before wasm-bindgen and wasm-opt, with its name"
  echo "# section; $(stat -c %s "$WASM") bytes raw, larger than the shipped dist/ wasm)"
  twiggy top -n 20 "$WASM"
} >"$OUT"
cat "$OUT"
