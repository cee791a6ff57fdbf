#!/usr/bin/env bash
# Installs what building, serving and testing need, only where missing, so
# it is quick when everything is there. Usage: scripts/setup.sh [build|test]
#   build: the Rust wasm target, Trunk, wasm-bindgen-cli, wasm-opt (binaryen),
#          esbuild (scripts/minify.mjs)
#   test:  build's tools, plus Chromium + ChromeDriver, a Japanese font,
#          pdftotext, faketime and the test packages (npm)
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-build}
log() { printf '\033[1msetup:\033[0m %s\n' "$*" >&2; }

TRUNK_VERSION=0.21.14
# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
grep -q "wasm_bindgen = \"$WBG_VERSION\"" Trunk.toml || {
  log "Trunk.toml [tools] wasm_bindgen must be \"$WBG_VERSION\" (the version in Cargo.lock)"; exit 1; }

rustup target list --installed 2>/dev/null | grep -q wasm32-unknown-unknown || {
  log "adding the wasm32-unknown-unknown target"; rustup target add wasm32-unknown-unknown; }

if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  log "installing trunk $TRUNK_VERSION (about 12 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "$WBG_VERSION"; then
  log "installing wasm-bindgen-cli $WBG_VERSION"
  cargo install wasm-bindgen-cli --version "$WBG_VERSION" --locked ||
    cargo install wasm-bindgen-cli --version "$WBG_VERSION" --force
fi

if [ ! -x scripts/node_modules/.bin/wasm-opt ] || [ ! -x scripts/node_modules/.bin/esbuild ]; then
  log "installing wasm-opt (npm binaryen) and esbuild (npm, minifies the JS glue and CSS)"
  (cd scripts && npm ci --no-audit --no-fund --loglevel=error)
fi

if [ "$what" = test ]; then
  if [ ! -d tests/clients/node_modules/ical.js ] || [ ! -d tests/clients/node_modules/ajv ] || [ ! -d tests/clients/node_modules/feedsmith ]; then
    log "installing ical.js, ajv and feedsmith (npm) for the calendar-file, schema and feed tests"
    (cd tests/clients && npm ci --no-audit --no-fund --loglevel=error)
  fi
  if [ ! -d tests/browser/node_modules/playwright-core ] || [ ! -d tests/browser/node_modules/jsqr ]; then
    log "installing playwright-core, axe-core and jsqr (npm) for the browser tests"
    (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)
  fi
  # Debian's packages the tests use: Chromium and its driver; poppler-utils
  # (pdftotext reads the printed PDFs); fonts-noto-cjk (without a Japanese
  # font Chromium prints 申込書 as 込書, and screenshots show boxes);
  # faketime (the suite runs again with the machine's clock moved).
  missing=()
  for pkg in chromium chromium-driver poppler-utils fonts-noto-cjk faketime; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing Debian's ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi
