#!/usr/bin/env bash
# Prints the size of the release bundle (raw and gzip -9) per file and in
# total, and fails when the gzip total is over the budget. The `.gz` and
# `.br` copies made for precompressed hosting are not counted.
#
#   scripts/size.sh [DIST] [--jsonl FILE]
#
# With --jsonl (`make bench`), it also writes the figures as JSON lines to
# FILE, one `size:<file>` per file (value: gzip bytes, `raw`: raw bytes; the
# name without trunk's content hash, so runs compare) and `size_total_gzip`
# with the budget as its target, and reports a total over the budget in
# that line (`"ok":false`) instead of failing: it is a report there.
set -euo pipefail
DIST=dist
JSONL=
while [ $# -gt 0 ]; do
  case $1 in
    --jsonl) JSONL=${2:?--jsonl needs a file}; shift 2 ;;
    *) DIST=$1; shift ;;
  esac
done
BUDGET=${BUNDLE_BUDGET_BYTES:-400000}   # 400 KB, gzip, all files together (issue 24, docs/size.md)

shopt -s nullglob
files=()
for f in "$DIST"/*.wasm "$DIST"/*.js "$DIST"/*.css "$DIST"/snippets/*/*.js "$DIST"/snippets/*/*/*.js; do
  # The post-build step's precompressed copies (scripts/compress.mjs) are the
  # same files again: each file is counted once, as gzip -9.
  case $f in *.gz | *.br) continue ;; esac
  files+=("$f")
done
if [ ${#files[@]} -eq 0 ]; then
  echo "size: no bundle in $DIST (run trunk build --release first)" >&2
  exit 1
fi
raw_total=0
gz_total=0
[ -z "$JSONL" ] || : >"$JSONL"
printf '%-56s %10s %10s\n' "file" "raw" "gzip"
for f in "${files[@]}"; do
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  raw_total=$((raw_total + raw))
  gz_total=$((gz_total + gz))
  printf '%-56s %10d %10d\n' "${f#"$DIST"/}" "$raw" "$gz"
  if [ -n "$JSONL" ]; then
    name=$(sed 's/-[0-9a-f]\{16\}//g' <<<"${f#"$DIST"/}")
    printf '{"bench":"size:%s","value":%d,"unit":"bytes gzip","raw":%d,"better":"lower","file":"%s"}\n' \
      "$name" "$gz" "$raw" "${f#"$DIST"/}" >>"$JSONL"
  fi
done
printf '%-56s %10d %10d\n' "total" "$raw_total" "$gz_total"
printf 'budget: gzip total %d of %d bytes (%d%%)\n' "$gz_total" "$BUDGET" $((gz_total * 100 / BUDGET))
if [ -n "$JSONL" ]; then
  ok=true
  [ "$gz_total" -le "$BUDGET" ] || ok=false
  printf '{"bench":"size_total_gzip","value":%d,"unit":"bytes gzip","raw":%d,"target":%d,"better":"lower","ok":%s}\n' \
    "$gz_total" "$raw_total" "$BUDGET" "$ok" >>"$JSONL"
  exit 0
fi
if [ "$gz_total" -gt "$BUDGET" ]; then
  echo "size: FAIL, the gzip total is over the budget" >&2
  exit 1
fi
