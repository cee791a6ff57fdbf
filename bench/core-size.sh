#!/usr/bin/env bash
# What the core alone costs the page:  bench/core-size.sh
#
# Builds examples/core_size.rs (every core function the web page calls,
# no UI, no Leptos) for wasm32 with the page's profile, runs wasm-bindgen
# and wasm-opt -Oz as Trunk does, and prints its size raw, gzip -9 and
# brotli 11, beside the app's first-load budget. A benchmark figure: it
# fails only when something cannot be built.

set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/scripts/node_modules/.bin:$HOME/.cargo/bin:$PATH"
for tool in wasm-bindgen wasm-opt node; do
  command -v "$tool" >/dev/null || { echo "core-size: $tool is missing; run scripts/setup.sh build" >&2; exit 2; }
done

target="${CARGO_TARGET_DIR:-target}"
out="$(mktemp -d "${TMPDIR:-/tmp}/iguren-core.XXXXXX")"
trap 'rm -rf "$out"' EXIT

cargo build --quiet --profile web --target wasm32-unknown-unknown --example core_size --no-default-features
wasm-bindgen --target web --out-dir "$out" "$target/wasm32-unknown-unknown/web/examples/core_size.wasm"
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int "$out/core_size_bg.wasm" -o "$out/core.wasm"

node - "$out/core.wasm" "$out/core_size.js" <<'JS'
// The same compression settings as bench/browser.mjs.
const fs = require('node:fs');
const zlib = require('node:zlib');
const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
console.log('| the core alone (examples/core_size.rs, no UI) | raw | gzip -9 | brotli 11 |');
console.log('|---|---:|---:|---:|');
for (const [label, file] of [['wasm', process.argv[2]], ['js (wasm-bindgen glue)', process.argv[3]]]) {
  const bytes = fs.readFileSync(file);
  const gz = zlib.gzipSync(bytes, { level: 9 }).length;
  const br = zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  console.log(`| ${label} | ${kB(bytes.length)} | ${kB(gz)} | ${kB(br)} |`);
}
JS
