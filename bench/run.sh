#!/usr/bin/env bash
# The benchmark of issue 6, in one command:  bench/run.sh
#
# Builds the release site into a temporary folder, writes generated data
# files of 1,000 and 10,000 events beside it, measures the site in Debian's
# headless Chromium (bench/browser.mjs), weighs the core without the UI
# (bench/core-size.sh) and runs the native benchmark
# (cargo bench --bench native). Prints Markdown tables of medians. It is a
# benchmark, not a test: it fails only when something cannot be built or
# run, never on slow figures.
#
# Environment: RUNS (fresh loads per case, default 7), PROFILE=1 (also CPU
# profiles and traces of month navigation and of first loads, written
# beside the kept build), KEEP=1 (keep the temporary build),
# CARGO_TARGET_DIR (default: target/). Arguments go to bench/browser.mjs
# (e.g. --block-sw: measure without the service worker).

set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/scripts/node_modules/.bin:$HOME/.cargo/bin:$PATH"

for tool in trunk wasm-bindgen wasm-opt node npm; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing; run scripts/setup.sh build (see README.md)" >&2; exit 2; }
done
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || { echo "bench: no Chromium; run scripts/setup.sh test (apt-get install chromium)" >&2; exit 2; }

site="$(mktemp -d "${TMPDIR:-/tmp}/iguren-bench.XXXXXX")"
if [ -z "${KEEP:-}${PROFILE:-}" ]; then trap 'rm -rf "$site"' EXIT; fi

echo "== release build into $site" >&2
trunk build --release --offline --dist "$site" >&2

echo "== generated data: 1,000 and 10,000 events" >&2
for n in 1000 10000; do
  cargo run --quiet --release --bin calendar -- generate "$n" > "$site/events-$n.json"
done

if [ ! -d bench/node_modules/playwright-core ]; then
  echo "== npm ci in bench/" >&2
  (cd bench && npm ci --no-audit --no-fund >&2)
fi

echo "== browser (node bench/browser.mjs)" >&2
node bench/browser.mjs --dist "$site" --runs "${RUNS:-7}" ${PROFILE:+--profile} "$@"

echo
echo "== the core alone (bench/core-size.sh)" >&2
bench/core-size.sh

echo
echo "== native (cargo bench --bench native)" >&2
cargo bench --quiet --bench native

echo
echo "command: bench/run.sh $*  (RUNS=${RUNS:-7}${PROFILE:+ PROFILE=1})"
