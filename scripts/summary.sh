#!/usr/bin/env bash
# Adds up the "test result" lines of the given cargo/wasm-bindgen logs and
# prints one closing line: "tests: N passed, N failed".
set -euo pipefail
awk '/^test result:/ {
       for (i = 1; i <= NF; i++) {
         if ($(i) ~ /^passed;?$/) p += $(i-1)
         if ($(i) ~ /^failed;?$/) f += $(i-1)
       }
     }
     END { printf "tests: %d passed, %d failed\n", p, f; exit (f > 0 || p == 0) }' "$@"
