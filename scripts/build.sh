#!/usr/bin/env bash
# Builds the optimized release bundle into dist/ (every asset also as .gz and .br) and prints its sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh "$@"
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
trunk build --release --offline 2>&1 | grep -v -E '^\s*$|INFO' || true
test -f dist/index.html || { echo "build: trunk produced no dist/index.html" >&2; exit 1; }
# The whole app as one file that opens from disk (dist/shantytown-planner.html).
node scripts/one-file.mjs
# Every asset also as .gz and .br, and what a first visit weighs (raw, gzip, brotli).
node scripts/compress.mjs
