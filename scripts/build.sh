#!/usr/bin/env bash
# Builds the optimized release bundle into dist/ and prints the wasm size, raw and gzipped.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh "$@"
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
trunk build --release --offline 2>&1 | grep -v -E '^\s*$|INFO' || true
test -f dist/index.html || { echo "build: trunk produced no dist/index.html" >&2; exit 1; }
# The whole app as one file that opens from disk (dist/shantytown-planner.html).
node scripts/one-file.mjs
wasm=$(ls dist/*_bg.wasm)
raw=$(stat -c %s "$wasm")
gz=$(gzip -9 -c "$wasm" | wc -c)
echo "build: $(basename "$wasm") $raw bytes raw ($((raw / 1024)) KiB), $gz bytes gzipped ($((gz / 1024)) KiB)"
# Everything a first visit downloads: the page, its scripts (ECharts and the wasm glue), the
# wasm and the stylesheet, each gzipped as a server would send it.
total=0
for f in dist/index.html dist/*.js dist/*.wasm dist/*.css; do
  [ -f "$f" ] || continue
  size=$(gzip -9 -c "$f" | wc -c)
  total=$((total + size))
  echo "build:   $(basename "$f") $size bytes gzipped"
done
echo "build: total shipped $total bytes gzipped ($((total / 1024)) KiB)"
