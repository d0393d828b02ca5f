#!/usr/bin/env bash
# Prints the size of the release bundle (raw and gzip -9) per file and in
# total, and fails when the gzip total is over the budget.
set -euo pipefail
DIST=${1:-dist}
BUDGET=${BUNDLE_BUDGET_BYTES:-200000}   # 200 KB, gzip, all files together

shopt -s nullglob
files=("$DIST"/*.wasm "$DIST"/*.js "$DIST"/*.css "$DIST"/snippets/*/*.js "$DIST"/snippets/*/*/*.js)
if [ ${#files[@]} -eq 0 ]; then
  echo "size: no bundle in $DIST (run trunk build --release first)" >&2
  exit 1
fi
raw_total=0
gz_total=0
printf '%-56s %10s %10s\n' "file" "raw" "gzip"
for f in "${files[@]}"; do
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  raw_total=$((raw_total + raw))
  gz_total=$((gz_total + gz))
  printf '%-56s %10d %10d\n' "${f#"$DIST"/}" "$raw" "$gz"
done
printf '%-56s %10d %10d\n' "total" "$raw_total" "$gz_total"
printf 'budget: gzip total %d of %d bytes (%d%%)\n' "$gz_total" "$BUDGET" $((gz_total * 100 / BUDGET))
if [ "$gz_total" -gt "$BUDGET" ]; then
  echo "size: FAIL, the gzip total is over the budget" >&2
  exit 1
fi
