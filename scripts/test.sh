#!/usr/bin/env bash
# The README's test command: set up (with the browser), run the native tests, build the release
# bundle and run the browser tests against it, served from 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
export PATH="$HOME/.cargo/bin:$PATH"
echo "== native tests (cargo test)"
cargo test --quiet 2>&1
echo "== plan document schema (ajv) against the reader"
node --test tests/node/
echo "== release build"
bash scripts/build.sh --test
echo "== browser tests (headless Chromium, release build)"
node --test --test-concurrency=1 tests/browser/
