#!/usr/bin/env bash
# The benchmark of issues 6 and 13, in one command:  bench/run.sh
#
# Builds the release site into a temporary folder, writes generated data
# files of 1,000 and 10,000 events beside it, measures the site in Debian's
# headless Chromium (bench/browser.mjs), weighs the core without the UI
# (bench/core-size.sh) and runs the native benchmark
# (cargo bench --bench native). Prints Markdown tables of medians. It is a
# benchmark, not a test: it fails only when something cannot be built or
# run, never on slow figures.
#
# For the first loads (issues 13 and 23) it also makes, per data size N, a
# site as members get it, ours-N/ (the build with the generated file as
# events.json, then `calendar publish` again, so that whatever publish
# writes beside it and into the page, month files included, comes from
# that data), and the FullCalendar 6 reference page with the same data,
# fc-N/ (bench/fullcalendar/ and the bundle from bench/node_modules);
# bench/browser.mjs loads them alternately, desktop and phone (4x CPU,
# slow 4G), counting the bytes before ready, and measures the interactions
# on ours-N at its root URL (desktop, unthrottled and 4x CPU).
#
# The sites are published as on BENCH_EPOCH (seconds since 1970, given to
# `calendar publish` as SOURCE_DATE_EPOCH; default 1118804400, 2005-06-15
# noon in Tokyo): a day inside the generated data (2004-2005), so that the
# opening month has months of events after it, as a live calendar does;
# the pages' clocks read that day too (bench/browser.mjs).
#
# Environment: RUNS (fresh loads per case, default 7), MOBILE_RUNS (fresh
# loads per page in the phone profile, default 5), BENCH_EPOCH (above),
# PROFILE=1 (also CPU profiles and traces of month navigation and of first
# loads, written beside the kept build), KEEP=1 (keep the temporary
# folders), CARGO_TARGET_DIR (default: target/). Arguments go to
# bench/browser.mjs (e.g. --block-sw: measure without the service worker).

set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/scripts/node_modules/.bin:$HOME/.cargo/bin:$PATH"

for tool in trunk wasm-bindgen wasm-opt node npm; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing; run scripts/setup.sh build (see README.md)" >&2; exit 2; }
done
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || { echo "bench: no Chromium; run scripts/setup.sh test (apt-get install chromium)" >&2; exit 2; }

root="$(mktemp -d "${TMPDIR:-/tmp}/iguren-bench.XXXXXX")"
if [ -z "${KEEP:-}${PROFILE:-}" ]; then trap 'rm -rf "$root"' EXIT; fi
site="$root/dist"

echo "== release build into $site" >&2
trunk build --release --offline --dist "$site" >&2

echo "== generated data: 1,000 and 10,000 events" >&2
for n in 1000 10000; do
  cargo run --quiet --release --bin calendar -- generate "$n" > "$site/events-$n.json"
done

if [ ! -d bench/node_modules/playwright-core ] || [ ! -d bench/node_modules/fullcalendar ]; then
  echo "== npm ci in bench/" >&2
  (cd bench && npm ci --no-audit --no-fund >&2)
fi

# First-load sites. ours-N keeps the build's other files (the shipped
# data's calendar files too: unused, harmless); publishing writes those of
# the generated data beside them (10,000 events: some 20,000 files).
publish_failed=""
for n in 1000 10000; do
  echo "== first-load sites for $n events: ours-$n (calendar publish), fc-$n" >&2
  ours="$root/ours-$n"
  cp -R "$site" "$ours"
  rm -f "$ours"/events-*.json
  cp "$site/events-$n.json" "$ours/events.json"
  if ! SOURCE_DATE_EPOCH="${BENCH_EPOCH:-1118804400}" cargo run --quiet --release --bin calendar -- publish "$ours/events.json" "$ours" >&2; then
    echo "bench: calendar publish failed on $ours/events.json; its page is measured as copied" >&2
    publish_failed="$publish_failed $n"
  fi
  fc="$root/fc-$n"
  mkdir "$fc"
  cp bench/fullcalendar/index.html bench/fullcalendar/app.js \
    bench/node_modules/fullcalendar/index.global.min.js \
    bench/node_modules/@fullcalendar/core/locales/ja.global.min.js "$fc/"
  cp "$site/events-$n.json" "$fc/events.json"
done

echo "== browser (node bench/browser.mjs)" >&2
node bench/browser.mjs --dist "$site" --sites "$root" --runs "${RUNS:-7}" --mobile-runs "${MOBILE_RUNS:-5}" ${PROFILE:+--profile} "$@"
if [ -n "$publish_failed" ]; then
  echo
  echo "note: calendar publish failed for:$publish_failed events (see stderr); those pages were measured without it"
fi

echo
echo "== the core alone (bench/core-size.sh)" >&2
bench/core-size.sh

echo
echo "== native (cargo bench --bench native)" >&2
cargo bench --quiet --bench native

echo
echo "command: bench/run.sh $*  (RUNS=${RUNS:-7} MOBILE_RUNS=${MOBILE_RUNS:-5} BENCH_EPOCH=${BENCH_EPOCH:-1118804400}${PROFILE:+ PROFILE=1})"
