#!/usr/bin/env bash
# `make fuzz`: runs every cargo-fuzz target of fuzz/ one after another for
# FUZZ_SECONDS each (default 600), and fails if any of them crashes, hangs
# or runs out of memory. See fuzz/README.md.
#
#   FUZZ_SECONDS=60 scripts/fuzz.sh            # a quick pass
#   FUZZ_TARGETS="link rules" scripts/fuzz.sh  # some targets only
#
# The committed corpus (fuzz/corpus/<target>) is read but never written:
# new inputs go to fuzz/target/corpus/<target> (ignored by git), so the
# committed one stays small. Crashing inputs land in fuzz/artifacts/<target>/.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

seconds="${FUZZ_SECONDS:-600}"
read -ra targets <<<"${FUZZ_TARGETS:-link rules params saved}"
# libFuzzer flags: an input taking longer than `timeout` seconds is a hang,
# and one needing more than `rss_limit_mb` is a failure too.
flags=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048)

if ! rustup run nightly rustc --version >/dev/null 2>&1; then
  echo "fuzz: the nightly toolchain is required (rustup toolchain install nightly)" >&2
  exit 1
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install --locked cargo-fuzz || exit 1
fi

# -a: debug assertions and overflow checks on, so arithmetic overflow is a
# crash too. Built once here; `run` below reuses the build.
echo "fuzz: building ${targets[*]}"
for t in "${targets[@]}"; do
  if ! cargo +nightly fuzz build -a "$t"; then
    echo "fuzz $t: build failed"
    echo "fuzz: 0 passed, ${#targets[@]} failed"
    exit 1
  fi
done

passed=0
failed=0
for t in "${targets[@]}"; do
  scratch="fuzz/target/corpus/$t"
  log="fuzz/target/fuzz-$t.log"
  mkdir -p "$scratch" "fuzz/corpus/$t"
  echo "fuzz $t: running for $seconds s (log: $log)"
  cargo +nightly fuzz run -a "$t" "$scratch" "fuzz/corpus/$t" -- "${flags[@]}" >"$log" 2>&1
  rc=$?
  done_line=$(grep -E '^Done [0-9]+ runs in [0-9]+ second' "$log" | tail -n 1)
  if [ "$rc" -eq 0 ] && [ -n "$done_line" ]; then
    runs=$(echo "$done_line" | awk '{print $2}')
    secs=$(echo "$done_line" | awk '{print $5}')
    echo "fuzz $t: $runs runs in $secs s, no crash"
    passed=$((passed + 1))
  else
    echo "fuzz $t: FAILED (exit $rc); last lines of $log:"
    tail -n 40 "$log" | sed 's/^/  /'
    artifact=$(grep -oE 'fuzz/artifacts/[^ ]+' "$log" | tail -n 1)
    if [ -n "$artifact" ]; then
      echo "fuzz $t: reproduce with: cargo +nightly fuzz run -a $t $artifact"
    fi
    failed=$((failed + 1))
  fi
done

echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
