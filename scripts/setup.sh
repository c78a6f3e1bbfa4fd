#!/usr/bin/env bash
# Installs what the build needs (and, with --test, what the tests need); skips whatever is already
# there and prints nothing then. Every install is pinned to the version verified on these machines.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
with_browser=0
[ "${1:-}" = "--test" ] && with_browser=1

say() { echo "setup: $*" >&2; }
# Runs a command silently; shows its output only when it fails.
quiet() {
  local log
  log=$(mktemp)
  if ! "$@" >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    return 1
  fi
  rm -f "$log"
}

export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  quiet rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 6 minutes on 2 cores)"
  quiet cargo install --locked trunk --version "$TRUNK_VERSION"
fi

# trunk only uses a wasm-bindgen CLI whose version equals Cargo.lock's; otherwise it tries to
# download one, which fails offline.
wasm_bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3 }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wasm_bindgen_version" ]; then
  say "installing wasm-bindgen-cli $wasm_bindgen_version (a few minutes)"
  # Not --locked: its lock file names a webpki-roots version the registry no longer has.
  quiet cargo install wasm-bindgen-cli --version "$wasm_bindgen_version" --force
fi

# npm pieces: ECharts (shipped in dist/), binaryen's wasm-opt (Debian's breaks the module),
# playwright-core, ajv (schema checks). Reinstalled only when package-lock.json changed.
if ! cmp -s package-lock.json node_modules/.setup-stamp 2>/dev/null; then
  say "installing npm packages (ECharts, wasm-opt, playwright-core, ajv)"
  quiet npm ci --no-audit --no-fund
  cp package-lock.json node_modules/.setup-stamp
fi

# The browser, and the Chinese fonts every office PC has: without them Chromium draws each
# character as a box of another size, and layout bugs hide from the tests and screenshots.
if [ "$with_browser" = 1 ]; then
  missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
  dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
  # The workbook's print check: LibreOffice converts it to PDF, poppler reads the pages.
  command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc-nogui)
  command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
  # Calibri's metric twin: the workbook's font, which an office PC has, printed at its width.
  dpkg -s fonts-crosextra-carlito >/dev/null 2>&1 || missing+=(fonts-crosextra-carlito)
  if [ "${#missing[@]}" -gt 0 ]; then
    say "installing Debian's ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    quiet apt-get update
    quiet apt-get install -y --no-install-recommends "${missing[@]}"
  fi
fi
